"""Ingest benchmark: throughput on the example corpus replicated to N articles, and HTML overhead.

    .venv/bin/python bench/ingest.py [--articles 10000]

1. Replicates examples/corpus (every format) into a temporary folder until it holds N articles; each
   copy gets its own URLs, ids and an extra sentence, so every copy is a distinct article.
2. Times ``service.ingest`` as ``corroborate ingest`` runs it (read, extract, clean, language, store; the
   features and the analysis are ``corroborate run``'s) over it: articles/s, MB/s, peak RSS.
3. On the replicated HTML pages only, times bare ``trafilatura.extract`` and then our whole ingest of
   the same files, in this process, and prints the ratio (target: at most 1.2x).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from corroborate import service  # noqa: E402
from corroborate.ingest import discover  # noqa: E402
from corroborate.settings import Settings  # noqa: E402

CORPUS = ROOT / "examples" / "corpus"
_URL = re.compile(r"(https?://[^/\s\"'<>]+)/")


def _mutate(text: str, n: int) -> str:
    """Give a copy its own URLs."""
    return _URL.sub(lambda m: f"{m.group(1)}/copy{n}/", text)


def _copy_warc(src: Path, dst: Path, n: int) -> None:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    with src.open("rb") as fh:
        for record in ArchiveIterator(fh):
            if record.rec_type != "response":
                continue
            uri = _mutate(record.rec_headers.get_header("WARC-Target-URI") + " ", n).strip().rstrip("/")
            payload = _mutate(record.content_stream().read().decode("utf-8"), n)
            payload = payload.replace("</article>", f"<p>Archive copy number {n} of this page.</p></article>")
            writer.write_record(
                writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(payload.encode()), http_headers=record.http_headers
                )
            )
    dst.write_bytes(out.getvalue())


def replicate(target_articles: int, dest: Path) -> int:
    """Copy the corpus into dest until it holds at least target_articles articles; returns the count."""
    files, _ = discover([str(CORPUS)])
    per_copy = 22  # articles in one copy of the example corpus
    copies = -(-target_articles // per_copy)
    for n in range(copies):
        folder = dest / f"copy{n:05d}"
        for file in files:
            rel = Path(file.path).relative_to(CORPUS)
            out = folder / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            if file.format == "warc":
                _copy_warc(Path(file.path), out, n)
                continue
            text = _mutate(Path(file.path).read_text(encoding="utf-8"), n)
            if file.format == "text":
                text += f"\n\nArchive copy number {n} of this article.\n"
            elif file.format == "html":
                text = text.replace("</article>", f"<p>Archive copy number {n} of this page.</p></article>")
            elif file.format == "jsonl":
                lines = []
                for line in text.splitlines():
                    record = json.loads(line)
                    record["id"] = f"{record['id']}-copy{n}"
                    lines.append(json.dumps(record, ensure_ascii=False))
                text = "\n".join(lines) + "\n"
            out.write_text(text, encoding="utf-8")
    return copies * per_copy


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_throughput(folder: Path, work: Path, workers: int) -> dict:
    files, _ = discover([str(folder)])
    size = sum(f.size or 0 for f in files)
    settings = Settings(db=str(work / f"throughput-{workers}.duckdb"), workers=workers)
    start = time.perf_counter()
    result = service.ingest([str(folder)], settings, analysis=False)
    seconds = time.perf_counter() - start
    articles = result.counts.added
    rerun_start = time.perf_counter()
    rerun = service.ingest([str(folder)], settings, analysis=False)
    rerun_seconds = time.perf_counter() - rerun_start
    return {
        "files": len(files),
        "articles": articles,
        "rejected": result.counts.rejected,
        "mb": size / 1e6,
        "seconds": seconds,
        "articles_per_s": articles / seconds,
        "mb_per_s": size / 1e6 / seconds,
        "rerun_added": rerun.counts.added,
        "rerun_seconds": rerun_seconds,
        "peak_rss_mb": peak_rss_mb(),
    }


def bench_html_ratio(folder: Path, work: Path) -> dict:
    """Bare trafilatura.extract, then our ingest in one process, then our ingest with a worker per core."""
    import trafilatura

    pages = sorted(folder.glob("copy*/html/*.html"))
    # Warm both paths (imports, caches, the language model) on a few pages first.
    for page in pages[:20]:
        trafilatura.extract(page.read_text(encoding="utf-8"))
    service.ingest([str(p) for p in pages[:20]], Settings(db=str(work / "warm.duckdb"), workers=1), analysis=False)

    start = time.perf_counter()
    for page in pages:
        trafilatura.extract(page.read_text(encoding="utf-8"))
    bare = time.perf_counter() - start
    out = {
        "pages": len(pages),
        "kb_per_page": sum(p.stat().st_size for p in pages) / len(pages) / 1e3,
        "bare_extract_s": bare,
    }
    for label, workers in (("one_process", 1), ("parallel", 0)):
        start = time.perf_counter()
        result = service.ingest(
            [str(p) for p in pages],
            Settings(db=str(work / f"html-{label}.duckdb"), workers=workers, parallel_min_files=1),
            analysis=False,
        )
        seconds = time.perf_counter() - start
        out[label] = {
            "seconds": seconds,
            "ratio": seconds / bare,
            "stored": result.counts.added,
            "stages": result.stage_stats,
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--keep", action="store_true", help="keep the replicated corpus and stores")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="corroborate-bench-"))
    try:
        t0 = time.perf_counter()
        expected = replicate(args.articles, work / "corpus")
        print(f"replicated the example corpus to {expected} articles in {time.perf_counter() - t0:.1f} s")
        for workers in (1, 0):
            tp = bench_throughput(work / "corpus", work, workers)
            label = "1 process" if workers == 1 else f"{os.cpu_count()} cores"
            print(
                f"ingest+clean+store ({label}): {tp['articles']} articles ({tp['rejected']} rejected) from "
                f"{tp['files']} files, {tp['mb']:.1f} MB in {tp['seconds']:.1f} s = {tp['articles_per_s']:.0f} "
                f"articles/s, {tp['mb_per_s']:.2f} MB/s; rerun adds {tp['rerun_added']} in "
                f"{tp['rerun_seconds']:.1f} s; peak RSS so far {tp['peak_rss_mb']:.0f} MB"
            )
        hr = bench_html_ratio(work / "corpus", work)
        print(
            f"html: {hr['pages']} pages of {hr['kb_per_page']:.1f} kB; bare trafilatura.extract "
            f"{hr['bare_extract_s']:.2f} s"
        )
        for label in ("one_process", "parallel"):
            row = hr[label]
            stages = ", ".join(f"{k} {v['seconds']:.2f} s" for k, v in row["stages"].items())
            print(
                f"  our ingest, {label.replace('_', ' ')}: {row['seconds']:.2f} s = {row['ratio']:.2f}x bare "
                f"extract (target <= 1.2x); stages: {stages}"
            )
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
