"""Near-duplicate detection: MinHash signatures (a map stage), LSH candidates, verified pairs, groups.

Following datasketch's design, LSH only proposes candidates; every pair is verified on the real word
shingles (Jaccard for copies, containment for partial copies) before anything is grouped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

NUM_PERM = 128
SCHEME = "affine32"  # stored signatures must be read back with the scheme that made them
SHINGLE = 5  # words per shingle
LSH_THRESHOLD = 0.3  # candidate recall: low enough to find partial copies of a larger text
COPY_JACCARD = 0.5  # verified: the same text, lightly edited
PARTIAL_CONTAINMENT = 0.6  # verified: most of the smaller text appears in the larger
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def signature(text: str) -> tuple[bytes, int]:
    """MinHash signature bytes and the number of shingles."""
    from datasketch import MinHash

    grams = shingles(text)
    m = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME)
    if grams:
        m.update_batch([g.encode("utf-8") for g in grams])
    return m.hashvalues.astype(np.uint64).tobytes(), len(grams)


@dataclass(slots=True, frozen=True)
class CopyPair:
    article_id: str
    other_id: str
    kind: str  # "copy" or "partial"
    jaccard: float
    containment: float  # share of the smaller text found in the larger


def candidate_pairs(signatures: Iterable[tuple[str, bytes]], new_ids: set[str]) -> set[tuple[str, str]]:
    """Pairs (a, b) proposed by LSH where at least one side is new."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    minhashes: dict[str, MinHash] = {}
    with lsh.insertion_session() as session:
        for article_id, blob in signatures:
            m = MinHash(num_perm=NUM_PERM, seed=1, hashvalues=np.frombuffer(blob, dtype=np.uint64), scheme=SCHEME)
            minhashes[article_id] = m
            session.insert(article_id, m)
    pairs: set[tuple[str, str]] = set()
    for article_id in new_ids:
        if article_id not in minhashes:
            continue
        for other in lsh.query(minhashes[article_id]):
            if other != article_id:
                pairs.add(tuple(sorted((article_id, other))))
    return pairs


def verify(a_id: str, a: set[str], b_id: str, b: set[str]) -> CopyPair | None:
    """The real Jaccard and containment of two shingle sets decide what LSH only suggested."""
    if not a or not b:
        return None
    inter = len(a & b)
    jaccard = inter / len(a | b)
    containment = inter / min(len(a), len(b))
    if jaccard >= COPY_JACCARD:
        return CopyPair(a_id, b_id, "copy", jaccard, containment)
    if containment >= PARTIAL_CONTAINMENT:
        return CopyPair(a_id, b_id, "partial", jaccard, containment)
    return None


def groups(ids: Iterable[str], pairs: Iterable[CopyPair]) -> dict[str, str]:
    """Union-find over verified pairs: article id -> a representative id of its group."""
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for pair in pairs:
        ra, rb = find(pair.article_id), find(pair.other_id)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {i: find(i) for i in parent}
