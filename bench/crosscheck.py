"""Cross-check benchmark: contradictions between outlets covering one story, every suite in one run.

    .venv/bin/python bench/crosscheck.py                                   # every suite, corroborate + diff baseline
    .venv/bin/python bench/crosscheck.py --suites perturb --limit 30 --show 5
    .venv/bin/python bench/crosscheck.py --suites claimdiff,fnc --fnc-limit 0   # FNC-1 on all 25,413 pairs
    .venv/bin/python bench/crosscheck.py --detectors corroborate,diff,none,mypkg.mod:detect
    .venv/bin/python bench/crosscheck.py --json /tmp/crosscheck.json       # figures also written there
    .venv/bin/python bench/crosscheck.py --selftest                        # perturbers + scorer on hand-made examples

Data (read in place from ``../shared/data/mds``, never copied; see the READMEs there): AllSides 2021 roundups
(stories with >= 2 excerpts), ClaimDiff weak test (1,084 pairs), FNC-1 competition test (25,413 pairs).

Detectors (``--detectors``, comma list; each is ``detect(sources, docs=None) -> contradiction dicts``):

* ``corroborate``: ``analyze_story(sources, nlp, docs=docs).contradictions`` on the checkout's ``src``.
* ``diff``: a no-model baseline: sentences of two articles (different source groups) that share >= 60 % of
  the smaller one's content lemmas are token-diffed; a changed stretch holding a number, a date word, a
  negation or an office title on both sides (negation: either side) is reported with the changed tokens
  as evidence. It shows what plain alignment gets on the planted edits, and how noisy it is on real coverage.
* ``none``: reports nothing (recall 0; shows the harness is not leaking credit).
* ``module:function``: any importable callable with that signature (``docs`` optional).

Suites (``--suites``, default all):

* ``perturb``: one planted edit per AllSides story and mode (``crosscheck_data`` has the perturbers and the
  scorer). ``copy``: the story plus a perturbed copy of one article as outlet "Perturbed Wire" (id
  ``{story}-pert``); its control = the story plus the unperturbed copy. ``inplace``: the edit applied inside
  one article where another outlet states the same value; control = the untouched story. Hit = a
  contradiction with evidence on the changed characters and evidence in another article. Recall per kind
  and overall, "kind right" (number/role/date/negation -> denial), precision = hits / (hits + false alarms),
  false alarms = every contradiction on a control + those on a perturbed run not touching the change.
  Targets: recall >= 0.90 and precision >= 0.90 in each mode.
* ``untouched``: what each detector reports on real multi-outlet stories no one edited (``load_untouched``: NeuS
  test clusters not among the AllSides 2021 stories, ECB+ gold event clusters of the train + dev and of the test
  topics), by kind and per 100 stories; every report is a false alarm or a real disagreement, kept in the JSON.
  No target.
* ``claimdiff``: claim_a and claim_b as two one-sentence sources (outlet = their article headlines); the
  detector says "weakens" when a contradiction has evidence in both. Beside always-yes and a denial-word rule
  on claim_a; ``corroborate.crosscheck.weakens(a, b)`` is scored too when the package exposes it. Target F1
  >= 0.55.
* ``fnc``: FNC-1 headline and body as two sources; "disagree" when a ``denial`` contradiction has evidence
  in both. Disagree-vs-rest P/R/F1 and macro-F1 over the two classes, on a class-stratified sample
  (``--fnc-limit``, default 2,000; 0 = all 25,413), beside always-disagree and the denial-word rule on the body.
* ``speed``: per AllSides story, ``analyze_story(sources, nlp)`` (its own parse included) against a bare
  ``nlp.pipe`` of the same texts, order alternating between stories; ratio = sum / sum.

Each text is parsed once (``nlp.pipe``) and the ``Doc`` objects are shared by every detector and run (the
unperturbed copy of the copy-mode control gets ``doc.copy()``). Figures go to ``bench/results/crosscheck.json``
(gitignored) and to ``--json PATH``; the planted edits to ``bench/results/crosscheck-perturbations.jsonl``.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import inspect
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import crosscheck_data as cd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))  # benchmark the checkout, not whatever is installed

RESULTS = ROOT / "bench" / "results"
SUITES = ("perturb", "untouched", "claimdiff", "fnc", "speed")
BUILTIN_DETECTORS = ("corroborate", "diff", "none")
TARGET_RECALL, TARGET_PRECISION = 0.90, 0.90
TARGET_CLAIMDIFF_F1 = 0.55
KEEP_EXAMPLES = 200  # misses / false alarms kept per detector and mode (printed with --show, saved in the JSON)


# -------------------------------------------------------------------------------------------- detectors


def _first_line(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".splitlines()[0][:200]


@dataclass
class Detector:
    """A contradiction detector with its running time and failures (a raising call counts as no output)."""

    name: str
    fn: Callable[..., Any]
    takes_docs: bool
    seconds: float = 0.0
    calls: int = 0
    errors: list[str] = field(default_factory=list)

    def __call__(self, sources: list[Any], docs: list[Any]) -> list[dict[str, Any]]:
        t0 = time.perf_counter()
        try:
            out = self.fn(sources, docs=docs) if self.takes_docs else self.fn(sources)
            return [c for c in (out or []) if isinstance(c, dict)]
        except Exception as exc:  # a half-written detector: report and score the run as empty
            self.errors.append(f"{[s.id for s in sources][:3]}: {_first_line(exc)}")
            return []
        finally:
            self.seconds += time.perf_counter() - t0
            self.calls += 1

    def reset(self) -> None:
        self.seconds, self.calls, self.errors = 0.0, 0, []


def _accepts(fn: Callable[..., Any], name: str) -> bool:
    """Does ``fn`` take the keyword argument ``name`` (by name or through ``**kwargs``)?"""
    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False
    return name in params or any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())


def _takes_docs(fn: Callable[..., Any]) -> bool:
    return _accepts(fn, "docs")


def corroborate_detector(nlp: Any) -> Callable[..., list[dict[str, Any]]]:
    from corroborate.analyze.story import analyze_story

    def detect(sources: list[Any], docs: list[Any] | None = None) -> list[dict[str, Any]]:
        return analyze_story(sources, nlp, docs=docs).contradictions

    return detect


def no_detector(sources: list[Any], docs: list[Any] | None = None) -> list[dict[str, Any]]:
    return []


TITLE_WORDS = {w.lower() for t in cd.ROLE_SWAPS for w in t.split()} - {"of"}
DATE_WORDS = set(cd.WEEKDAYS) | set(cd.MONTH_INDEX)
NUMBER_WORDS = set(cd.WORD_VALUE) | set(cd.VAGUE_SWAPS)
DIFF_OVERLAP = 0.6


def _diff_kind(a: Sequence[Any], b: Sequence[Any]) -> str | None:
    """What a changed stretch is about: a and b are the changed tokens of each side (one may be empty)."""

    def neg(ts: Sequence[Any]) -> bool:
        return any(t.dep_ == "neg" or t.lower_ in cd.NEGATIVE_WORDS for t in ts)

    def date(ts: Sequence[Any]) -> bool:
        return any(t.ent_type_ == "DATE" and (t.text in DATE_WORDS or t.like_num) for t in ts)

    def number(ts: Sequence[Any]) -> bool:
        return any(t.ent_type_ != "DATE" and (t.like_num or t.lower_ in NUMBER_WORDS) for t in ts)

    def title(ts: Sequence[Any]) -> bool:
        return any(t.lower_ in TITLE_WORDS for t in ts)

    if neg(a) != neg(b):
        return "denial"
    if not a or not b:  # an inserted title changes the office ("Vice" before "President"); nothing else does
        return "role" if title(a or b) else None
    for kind, test in (("date", date), ("number", number), ("role", title)):
        if test(a) and test(b):
            return kind
    return None


def _evidence(article_id: str, tokens: Sequence[Any], sent: Any) -> dict[str, Any]:
    start, end = (tokens[0].idx, tokens[-1].idx + len(tokens[-1])) if tokens else (sent.start_char, sent.end_char)
    return {"article_id": article_id, "text": sent.doc.text[start:end], "start": start, "end": end}


def diff_detector(sources: list[Any], docs: list[Any] | None = None) -> list[dict[str, Any]]:
    """The alignment baseline described in the module docstring."""
    if docs is None:
        raise ValueError("the diff baseline needs parsed docs")
    sents = [[(s, cd.content_lemmas(s)) for s in doc.sents] for doc in docs]
    out: list[dict[str, Any]] = []
    for i in range(len(sources)):
        for j in range(i + 1, len(sources)):
            if sources[i].source_group == sources[j].source_group:
                continue
            for sa, la in sents[i]:
                for sb, lb in sents[j]:
                    if min(len(la), len(lb)) < 3 or len(la & lb) < DIFF_OVERLAP * min(len(la), len(lb)):
                        continue
                    ta = [t for t in sa if not t.is_space]
                    tb = [t for t in sb if not t.is_space]
                    matcher = difflib.SequenceMatcher(None, [t.lower_ for t in ta], [t.lower_ for t in tb], False)
                    for op, a0, a1, b0, b1 in matcher.get_opcodes():
                        kind = None if op == "equal" else _diff_kind(ta[a0:a1], tb[b0:b1])
                        if kind is None:
                            continue
                        ea, eb = _evidence(sources[i].id, ta[a0:a1], sa), _evidence(sources[j].id, tb[b0:b1], sb)
                        out.append(
                            {
                                "id": f"diff-{len(out)}",
                                "kind": kind,
                                "subject": sa.text.strip()[:80],
                                "positions": [
                                    {"value": ea["text"], "article_ids": [sources[i].id], "evidence": [ea]},
                                    {"value": eb["text"], "article_ids": [sources[j].id], "evidence": [eb]},
                                ],
                            }
                        )
    return out


def load_detectors(names: Sequence[str], nlp: Any) -> tuple[list[Detector], list[str]]:
    """The detectors that could be loaded, and a note for each that could not."""
    out: list[Detector] = []
    notes: list[str] = []
    for name in names:
        try:
            if name == "corroborate":
                fn = corroborate_detector(nlp)
            elif name == "diff":
                fn = diff_detector
            elif name == "none":
                fn = no_detector
            else:
                module, _, attr = name.partition(":")
                fn = getattr(importlib.import_module(module), attr)
        except Exception as exc:  # a module being written may fail with anything
            notes.append(f"{name}: not available ({_first_line(exc)})")
            continue
        out.append(Detector(name, fn, _takes_docs(fn)))
    return out, notes


# ---------------------------------------------------------------------------------------------- output


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(str(c) for c in row) + " |")


def _verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("met" if ok else "NOT met")


def _clip(text: str, n: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 3] + "..."


def _describe_contradiction(c: dict[str, Any], texts: dict[str, str]) -> str:
    parts = []
    for pos in c.get("positions") or []:
        for ev in pos.get("evidence") or []:
            try:
                aid, s, e = str(ev["article_id"]), int(ev["start"]), int(ev["end"])
                snippet = texts.get(aid, "")[s:e] or ev.get("text", "")
            except (KeyError, TypeError, ValueError):
                aid, snippet = "?", repr(ev)
            parts.append(f"{pos.get('value')!r} @ {aid}: {_clip(snippet, 120)!r}")
    return f"kind={c.get('kind')} subject={c.get('subject')!r} :: " + " | ".join(parts)


# ---------------------------------------------------------------------------------------------- perturb


@dataclass
class ModeTally:
    """Scores of one detector in one mode."""

    n: Counter = field(default_factory=Counter)
    hit: Counter = field(default_factory=Counter)
    kind_right: Counter = field(default_factory=Counter)
    control_fa: int = 0
    perturbed_fa: int = 0
    one_sided: int = 0
    duplicates: int = 0
    malformed: int = 0
    paired_n: Counter = field(default_factory=Counter)  # inplace edits with a paired sentence elsewhere, by kind
    paired_hit: Counter = field(default_factory=Counter)
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_alarms: list[dict[str, Any]] = field(default_factory=list)

    @property
    def hits(self) -> int:
        return sum(self.hit.values())

    @property
    def false_alarms_total(self) -> int:
        return self.control_fa + self.perturbed_fa

    def figures(self) -> dict[str, Any]:
        n = sum(self.n.values())
        return {
            "by_kind": {
                k: {
                    "n": self.n[k],
                    "detected": self.hit[k],
                    "recall": _ratio(self.hit[k], self.n[k]),
                    "kind_right": self.kind_right[k],
                    "strict_recall": _ratio(self.kind_right[k], self.n[k]),
                }
                for k in cd.KINDS
            },
            "n": n,
            "detected": self.hits,
            "recall": _ratio(self.hits, n),
            "kind_right": sum(self.kind_right.values()),
            "strict_recall": _ratio(sum(self.kind_right.values()), n),
            "precision": _ratio(self.hits, self.hits + self.false_alarms_total),
            "false_alarms_control": self.control_fa,
            "false_alarms_perturbed": self.perturbed_fa,
            "one_sided": self.one_sided,
            "duplicates": self.duplicates,
            "malformed": self.malformed,
            "paired": {
                "n": sum(self.paired_n.values()),
                "detected": sum(self.paired_hit.values()),
                "recall": _ratio(sum(self.paired_hit.values()), sum(self.paired_n.values())),
                "by_kind": {k: [self.paired_hit[k], self.paired_n[k]] for k in cd.KINDS},
            },
        }


@dataclass
class PerturbSet:
    """The AllSides stories, their parses and the planted edits: built once, scored for every detector."""

    stories: list[cd.Story]
    docs: dict[str, Any]  # article id -> Doc
    plans: list[cd.StoryPlan]
    perturbed_docs: dict[str, Any]  # perturbed text -> Doc
    parse_seconds: float = 0.0


def build_perturb_set(stories: list[cd.Story], nlp: Any, seed: int) -> PerturbSet:
    arts = [a for s in stories for a in s.articles]
    t0 = time.perf_counter()
    docs = dict(zip([a.id for a in arts], nlp.pipe([a.text for a in arts], batch_size=32)))
    parse_s = time.perf_counter() - t0
    plans = []
    for story in stories:
        triples = [(a.id, a.text, docs[a.id]) for a in story.articles]
        edits = {a.id: cd.all_edits(docs[a.id], random.Random(f"{seed}:{a.id}")) for a in story.articles}
        plans.append(cd.plan_story(story.id, triples, seed, edits))
    texts = sorted({p.text for plan in plans for p in plan.planted.values() if p is not None})
    t0 = time.perf_counter()
    perturbed = dict(zip(texts, nlp.pipe(texts, batch_size=32)))
    return PerturbSet(stories, docs, plans, perturbed, parse_s + time.perf_counter() - t0)


def score_perturb(ps: PerturbSet, det: Detector) -> dict[str, Any]:
    """Run one detector on every control and perturbed run; per-mode tallies plus the untouched-story tally."""
    from corroborate.analyze.story import SourceText

    tallies = {m: ModeTally() for m in cd.MODES}
    untouched_fa = 0
    untouched_seconds = 0.0
    for story, plan in zip(ps.stories, ps.plans):
        base = [SourceText(id=a.id, text=a.text, outlet=a.outlet, published=story.date) for a in story.articles]
        base_docs = [ps.docs[a.id] for a in story.articles]
        texts = {a.id: a.text for a in story.articles}
        t0 = det.seconds
        untouched = det(base, base_docs)
        untouched_seconds += det.seconds - t0
        untouched_fa += len(untouched)
        for mode in cd.MODES:
            p = plan.planted[mode]
            if p is None:
                continue
            t = tallies[mode]
            target = next(a for a in story.articles if a.id == p.target_id)
            pert_doc = ps.perturbed_docs[p.text]
            if mode == "copy":
                copy = SourceText(id=p.perturbed_id, text=target.text, outlet=cd.PERTURBED_OUTLET, published=story.date)
                control = det([*base, copy], [*base_docs, ps.docs[target.id].copy()])
                pert = SourceText(id=p.perturbed_id, text=p.text, outlet=cd.PERTURBED_OUTLET, published=story.date)
                run_sources, run_docs = [*base, pert], [*base_docs, pert_doc]
                control_texts = {**texts, p.perturbed_id: target.text}
            else:
                control = untouched
                k = [a.id for a in story.articles].index(target.id)
                run_sources, run_docs = list(base), list(base_docs)
                run_sources[k] = SourceText(id=target.id, text=p.text, outlet=target.outlet, published=story.date)
                run_docs[k] = pert_doc
                control_texts = texts
            found = det(run_sources, run_docs)
            run_texts = {s.id: s.text for s in run_sources}
            t.n[p.kind] += 1
            fa_control = cd.score_control(control)
            t.control_fa += len(fa_control)
            s = cd.score_perturbed(found, p)
            t.hit[p.kind] += s.hit
            if p.paired:
                t.paired_n[p.kind] += 1
                t.paired_hit[p.kind] += s.hit
            t.kind_right[p.kind] += s.kind_right
            t.perturbed_fa += len(s.false_alarms)
            t.one_sided += s.one_sided
            t.duplicates += s.duplicates
            t.malformed += s.malformed
            if not s.hit and len(t.misses) < KEEP_EXAMPLES:
                touching = [c for c in found if cd.touches(c, p.perturbed_id, p.mark)]
                t.misses.append(
                    {
                        **p.record(),
                        "reported": len(found),
                        "touching": [_describe_contradiction(c, run_texts) for c in touching],
                    }
                )
            for where, fas, tx in (("control", fa_control, control_texts), ("perturbed", s.false_alarms, run_texts)):
                for c in fas:
                    if len(t.false_alarms) < KEEP_EXAMPLES:
                        t.false_alarms.append(
                            {
                                "story": story.id,
                                "run": where,
                                "kind": c.get("kind"),
                                "what": _describe_contradiction(c, tx),
                            }
                        )
    return {
        "modes": {m: tallies[m] for m in cd.MODES},
        "untouched_false_alarms": untouched_fa,
        "untouched_seconds": untouched_seconds,
    }


def print_applicability(ps: PerturbSet) -> dict[str, Any]:
    n = len(ps.stories)
    rows, fig = [], {"stories": n, "by_kind": {}}
    chosen = {m: Counter(p.kind for plan in ps.plans if (p := plan.planted[m]) is not None) for m in cd.MODES}
    for kind in cd.KINDS:
        applies = {m: sum(kind in plan.applicable[m] for plan in ps.plans) for m in cd.MODES}
        rows.append([kind, applies["copy"], chosen["copy"][kind], applies["inplace"], chosen["inplace"][kind]])
        fig["by_kind"][kind] = {
            "copy_applies": applies["copy"],
            "copy_chosen": chosen["copy"][kind],
            "inplace_applies": applies["inplace"],
            "inplace_chosen": chosen["inplace"][kind],
        }
    planted = {m: sum(chosen[m].values()) for m in cd.MODES}
    rows.append(["all", "", planted["copy"], "", planted["inplace"]])
    fig["planted"] = planted
    fig["skipped"] = {m: n - planted[m] for m in cd.MODES}
    print(f"\n### planted edits ({n} stories; a story counts under every kind that applies, one kind is chosen)\n")
    _table(["kind", "copy: stories where it applies", "copy: chosen", "inplace: applies", "inplace: chosen"], rows)
    print(
        f"skipped (no applicable edit): copy {fig['skipped']['copy']}, inplace {fig['skipped']['inplace']} "
        "(inplace needs another outlet stating the same value)"
    )
    return fig


def print_perturb(det: Detector, result: dict[str, Any], show: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for mode, t in result["modes"].items():
        f = t.figures()
        out[mode] = {**f, "misses": t.misses, "false_alarm_examples": t.false_alarms}
        print(f"\n#### {det.name}, {mode} mode ({f['n']} planted)\n")
        rows = [
            [k, b["n"], b["detected"], _fmt(b["recall"]), b["kind_right"], _fmt(b["strict_recall"])]
            for k, b in f["by_kind"].items()
        ]
        rows.append(["all", f["n"], f["detected"], _fmt(f["recall"]), f["kind_right"], _fmt(f["strict_recall"])])
        _table(["kind", "n", "detected", "recall", "kind right", "strict recall (detected with the right kind)"], rows)
        rec, prec = f["recall"], f["precision"]
        rec_ok = None if rec is None else rec >= TARGET_RECALL
        print(
            f"recall {_fmt(rec)} (target >= {TARGET_RECALL}: {_verdict(rec_ok)}); "
            f"precision {_fmt(prec)} = {f['detected']} hits / ({f['detected']} + {t.false_alarms_total} false alarms) "
            f"(target >= {TARGET_PRECISION}: {_verdict(None if prec is None else prec >= TARGET_PRECISION)})"
        )
        pf = f["paired"]
        if pf["n"]:
            kinds = ", ".join(f"{k} {h}/{n}" for k, (h, n) in pf["by_kind"].items())
            print(
                f"recall {_fmt(pf['recall'])} = {pf['detected']} / {pf['n']} on the edits whose value another outlet "
                f"states in a sentence sharing >= {cd.PAIR_WORDS} other content words with the edited one ({kinds}); "
                f"{f['n'] - pf['n']} edits have no such sentence (a diagnostic, not the target)"
            )
        print(
            f"false alarms: {t.control_fa} on the {f['n']} control runs + {t.perturbed_fa} on perturbed runs away from "
            f"the change; not counted: {t.one_sided} touching the change without evidence elsewhere, "
            f"{t.duplicates} extra hits"
            + (f"; {t.malformed} contradictions with malformed evidence" if t.malformed else "")
        )
        if show:
            for m in t.misses[:show]:
                print(
                    f"  miss [{mode}/{m['kind']}] story {m['story']}: {m['target']} -> {m['perturbed_id']}: "
                    f"{m['old']!r} -> {m['new']!r} at {tuple(m['mark'])} ({m['reported']} reported)"
                )
                print(f"      before: {_clip(m['original_sentence'])}")
                print(f"      after:  {_clip(m['sentence'])}")
                for c in m["touching"][:2]:
                    print(f"      touching but one-sided: {_clip(c)}")
            for fa in t.false_alarms[:show]:
                print(f"  false alarm [{mode}, {fa['run']} run] story {fa['story']}: {_clip(fa['what'], 400)}")
    return out


def run_perturb(stories: list[cd.Story], nlp: Any, detectors: list[Detector], seed: int, show: int) -> dict[str, Any]:
    print(f"\n## Perturbation suite: AllSides 2021, {len(stories)} stories with >= 2 excerpts, seed {seed}")
    ps = build_perturb_set(stories, nlp, seed)
    n_texts = len(ps.docs) + len(ps.perturbed_docs)
    print(
        f"parsed {n_texts} texts ({len(ps.docs)} excerpts + {len(ps.perturbed_docs)} perturbed) "
        f"in {ps.parse_seconds:.1f} s"
    )
    fig: dict[str, Any] = {"applicability": print_applicability(ps), "detectors": {}}
    RESULTS.mkdir(parents=True, exist_ok=True)
    with (RESULTS / "crosscheck-perturbations.jsonl").open("w", encoding="utf-8") as fh:
        for plan in ps.plans:
            for p in plan.planted.values():
                if p is not None:
                    fh.write(json.dumps(p.record(), ensure_ascii=False) + "\n")
    summary = []
    for det in detectors:
        det.reset()
        result = score_perturb(ps, det)
        figs = print_perturb(det, result, show)
        n_runs = det.calls
        figs.update(
            {
                "untouched_false_alarms": result["untouched_false_alarms"],
                "untouched_false_alarms_per_story": result["untouched_false_alarms"] / len(stories),
                "untouched_seconds": result["untouched_seconds"],
                "seconds": det.seconds,
                "runs": n_runs,
                "errors": len(det.errors),
                "first_error": det.errors[0] if det.errors else None,
            }
        )
        fig["detectors"][det.name] = figs
        print(
            f"untouched stories (originals only, all {len(stories)}): {result['untouched_false_alarms']} "
            f"contradictions reported, all false alarms; {n_runs} runs in {det.seconds:.1f} s"
        )
        if det.errors:
            print(f"  {det.name} raised on {len(det.errors)}/{n_runs} runs (scored as empty); first: {det.errors[0]}")
        for mode in cd.MODES:
            f = figs[mode]
            summary.append(
                [
                    det.name,
                    mode,
                    f["n"],
                    _fmt(f["recall"]),
                    _fmt(f["strict_recall"]),
                    _fmt(f["precision"]),
                    f["false_alarms_control"],
                    f["false_alarms_perturbed"],
                    len(det.errors),
                ]
            )
    print(f"\n### perturbation summary (targets: recall >= {TARGET_RECALL}, precision >= {TARGET_PRECISION})\n")
    _table(
        [
            "detector",
            "mode",
            "planted",
            "recall",
            "kind right",
            "precision",
            "FA controls",
            "FA perturbed",
            "errors (all runs)",
        ],
        summary,
    )
    fig["parse_seconds"] = ps.parse_seconds
    fig["_untouched_seconds"] = {d: fig["detectors"][d]["untouched_seconds"] for d in fig["detectors"]}
    return fig


# -------------------------------------------------------------------------------------------- claimdiff


def _pair_scorer() -> tuple[Callable[..., Any] | None, str]:
    try:
        import corroborate.crosscheck as cc
    except Exception as exc:  # a package being written
        return None, f"corroborate.crosscheck not importable ({_first_line(exc)})"
    fn = getattr(cc, "weakens", None)
    if fn is None:
        return None, "corroborate.crosscheck.weakens not exposed: verdicts from analyze_story's contradictions only"
    return fn, "corroborate.crosscheck.weakens(a, b) found: scored as its own row beside the contradiction verdicts"


def run_claimdiff(nlp: Any, detectors: list[Detector], limit: int | None) -> dict[str, Any]:
    from corroborate.analyze.story import SourceText

    pairs = cd.load_claimdiff()[: limit or None]
    gold = [p.weakens for p in pairs]
    print(f"\n## ClaimDiff weak test: {len(pairs)} pairs, {sum(gold)} positive (claim_a weakens claim_b)")
    texts = sorted({t for p in pairs for t in (p.claim_a, p.claim_b)})
    t0 = time.perf_counter()
    docs = dict(zip(texts, nlp.pipe(texts, batch_size=64)))
    print(f"parsed {len(texts)} distinct claims in {time.perf_counter() - t0:.1f} s")

    def sources(k: int, p: cd.ClaimPair) -> list[Any]:
        return [
            SourceText(id=f"cd{k}-a", text=p.claim_a, outlet=p.article_a, published=p.date),
            SourceText(id=f"cd{k}-b", text=p.claim_b, outlet=p.article_b, published=p.date),
        ]

    rows: dict[str, dict[str, Any]] = {
        "always yes": cd.binary_scores(gold, [True] * len(pairs)),
        "denial word in claim_a": cd.binary_scores(gold, [cd.has_denial_word(p.claim_a) for p in pairs]),
    }
    notes: dict[str, str] = {}
    for det in detectors:
        det.reset()
        pred = []
        for k, p in enumerate(pairs):
            found = det(sources(k, p), [docs[p.claim_a], docs[p.claim_b]])
            pred.append(any(cd.links(c, f"cd{k}-a", f"cd{k}-b") for c in found))
        rows[f"{det.name} (contradiction linking a and b)"] = {**cd.binary_scores(gold, pred), "seconds": det.seconds}
        if det.errors:
            notes[det.name] = f"raised on {len(det.errors)}/{len(pairs)} pairs; first: {det.errors[0]}"
    fn, how = _pair_scorer()
    print(f"pair-level decision: {how}")
    if fn is not None:
        pair_det = Detector("weakens", fn, _takes_docs(fn))
        kw_nlp = _accepts(fn, "nlp")
        pred = []
        t0 = time.perf_counter()
        for k, p in enumerate(pairs):
            a, b = sources(k, p)
            try:
                kwargs: dict[str, Any] = {}
                if pair_det.takes_docs:
                    kwargs["docs"] = [docs[p.claim_a], docs[p.claim_b]]
                if kw_nlp:
                    kwargs["nlp"] = nlp
                pred.append(bool(fn(a, b, **kwargs)))
            except Exception as exc:  # scored as "no"
                pair_det.errors.append(_first_line(exc))
                pred.append(False)
        rows["corroborate.crosscheck.weakens(a, b)"] = {
            **cd.binary_scores(gold, pred),
            "seconds": time.perf_counter() - t0,
        }
        if pair_det.errors:
            notes["weakens"] = f"raised on {len(pair_det.errors)}/{len(pairs)} pairs; first: {pair_det.errors[0]}"
    print()
    _table(
        ["system", "P", "R", "F1", "predicted yes", "seconds"],
        [
            [
                name,
                _fmt(r["p"]),
                _fmt(r["r"]),
                _fmt(r["f1"]),
                r["n_pred"],
                f"{r['seconds']:.1f}" if "seconds" in r else "-",
            ]
            for name, r in rows.items()
        ],
    )
    for name, note in notes.items():
        print(f"  {name}: {note}")
    for name, r in rows.items():
        if name not in ("always yes", "denial word in claim_a"):
            print(
                f"target F1 >= {TARGET_CLAIMDIFF_F1}: {name} {_fmt(r['f1'])} {_verdict(r['f1'] >= TARGET_CLAIMDIFF_F1)}"
            )
    return {"pairs": len(pairs), "positives": sum(gold), "pair_decision": how, "rows": rows, "notes": notes}


# -------------------------------------------------------------------------------------------------- fnc


def run_fnc(nlp: Any, detectors: list[Detector], fnc_limit: int, seed: int) -> dict[str, Any]:
    from corroborate.analyze.story import SourceText

    pairs, bodies, counts = cd.load_fnc(fnc_limit, seed)
    gold = [p.stance == "disagree" for p in pairs]
    sample = "all pairs" if len(pairs) == sum(counts.values()) else f"stratified sample (seed {seed})"
    by_class = Counter(p.stance for p in pairs)
    print(
        f"\n## FNC-1 competition test: {len(pairs)} of {sum(counts.values())} pairs, {sample}: "
        + ", ".join(f"{k} {by_class[k]}" for k in sorted(by_class))
    )
    body_ids = sorted({p.body_id for p in pairs}, key=int)
    heads = sorted({p.headline for p in pairs})
    t0 = time.perf_counter()
    body_docs = dict(zip(body_ids, nlp.pipe([bodies[b] for b in body_ids], batch_size=16)))
    head_docs = dict(zip(heads, nlp.pipe(heads, batch_size=64)))
    print(f"parsed {len(body_ids)} bodies and {len(heads)} headlines in {time.perf_counter() - t0:.1f} s")
    rows: dict[str, dict[str, Any]] = {
        "always disagree": cd.binary_scores(gold, [True] * len(pairs)),
        "denial word in the body": cd.binary_scores(gold, [cd.has_denial_word(bodies[p.body_id]) for p in pairs]),
    }
    notes: dict[str, str] = {}
    for det in detectors:
        det.reset()
        pred = []
        for p in pairs:
            hid, bid = f"fnc{p.row}-headline", f"fnc-body{p.body_id}"
            srcs = [
                SourceText(id=hid, text=p.headline, outlet="FNC headline"),
                SourceText(id=bid, text=bodies[p.body_id], outlet="FNC body"),
            ]
            found = det(srcs, [head_docs[p.headline], body_docs[p.body_id]])
            pred.append(any(cd.links(c, hid, bid, kind="denial") for c in found))
        rows[f"{det.name} (denial contradiction linking them)"] = {
            **cd.binary_scores(gold, pred),
            "seconds": det.seconds,
        }
        if det.errors:
            notes[det.name] = f"raised on {len(det.errors)}/{len(pairs)} pairs; first: {det.errors[0]}"
    print()
    _table(
        [
            "system",
            "P (disagree)",
            "R (disagree)",
            "F1 (disagree)",
            "F1 (rest)",
            "macro-F1",
            "predicted disagree",
            "seconds",
        ],
        [
            [
                name,
                _fmt(r["p"]),
                _fmt(r["r"]),
                _fmt(r["f1"]),
                _fmt(r["f1_neg"]),
                _fmt(r["macro_f1"]),
                r["n_pred"],
                f"{r['seconds']:.1f}" if "seconds" in r else "-",
            ]
            for name, r in rows.items()
        ],
    )
    for name, note in notes.items():
        print(f"  {name}: {note}")
    return {"pairs": len(pairs), "full_counts": counts, "sample_counts": dict(by_class), "rows": rows, "notes": notes}


# -------------------------------------------------------------------------------------------- untouched


def run_untouched(nlp: Any, detectors: list[Detector], show: int) -> dict[str, Any]:
    """What each detector reports on real stories no one edited: every report is a false alarm or a real
    disagreement between the outlets (a toll updated, two outlets at odds), so fewer is better, and the
    examples kept in the JSON say which."""
    from corroborate.analyze.story import SourceText

    sets = cd.load_untouched()
    out: dict[str, Any] = {}
    print("\n## Untouched stories: contradictions reported on real coverage no one edited")
    rows = []
    for name, stories in sets.items():
        t0 = time.perf_counter()
        docs = list(nlp.pipe([a.text for s in stories for a in s.articles], batch_size=32))
        parse = time.perf_counter() - t0
        out[name] = {"stories": len(stories), "articles": len(docs), "parse_seconds": parse, "detectors": {}}
        at = 0
        per_story = []
        for story in stories:
            per_story.append(docs[at : at + len(story.articles)])
            at += len(story.articles)
        for det in detectors:
            det.reset()
            kinds: Counter = Counter()
            touched = 0
            examples = []
            for story, story_docs in zip(stories, per_story):
                srcs = [SourceText(id=a.id, text=a.text, outlet=a.outlet) for a in story.articles]
                found = det(srcs, story_docs)
                touched += bool(found)
                texts = {a.id: a.text for a in story.articles}
                for c in found:
                    kinds[c.get("kind", "?")] += 1
                    if len(examples) < KEEP_EXAMPLES:
                        examples.append({"story": story.id, "what": _describe_contradiction(c, texts)})
            total = sum(kinds.values())
            out[name]["detectors"][det.name] = {
                "contradictions": total,
                "by_kind": dict(kinds),
                "stories_with_any": touched,
                "per_100_stories": 100 * total / max(1, len(stories)),
                "seconds": det.seconds,
                "errors": len(det.errors),
                "examples": examples,
            }
            rows.append(
                [name, len(stories), det.name, total, f"{100 * total / max(1, len(stories)):.1f}", touched]
                + [kinds.get(k, 0) for k in ("number", "role", "date", "denial")]
                + [len(det.errors)]
            )
            for ex in examples[:show]:
                print(f"  {name} {det.name} {ex['story']}: {_clip(ex['what'], 300)}")
            if det.errors:
                first = det.errors[0]
                print(f"  {det.name} raised on {len(det.errors)} {name} stories (scored as empty); first: {first}")
    print()
    _table(
        [
            "set",
            "stories",
            "detector",
            "reported",
            "per 100 stories",
            "stories with any",
            "number",
            "role",
            "date",
            "denial",
            "errors",
        ],
        rows,
    )
    return out


# ------------------------------------------------------------------------------------------------ speed


def run_speed(stories: list[cd.Story], nlp: Any, analysis_only: float | None) -> dict[str, Any]:
    """analyze_story with its own parse vs a bare nlp.pipe, per story, the order alternating between stories."""
    from corroborate.analyze.story import SourceText, analyze_story

    texts_all = [a.text for s in stories for a in s.articles]
    print(f"\n## Speed: {len(stories)} AllSides stories, {len(texts_all)} excerpts, {sum(map(len, texts_all)):,} chars")
    list(nlp.pipe(texts_all[:8]))  # warm-up
    parse_s = analyze_s = 0.0
    errors: list[str] = []
    for k, story in enumerate(stories):
        sources = [SourceText(id=a.id, text=a.text, outlet=a.outlet, published=story.date) for a in story.articles]
        texts = [a.text for a in story.articles]
        t_parse = t_analyze = 0.0
        failed = False
        for step in ("parse", "analyze") if k % 2 == 0 else ("analyze", "parse"):
            t0 = time.perf_counter()
            if step == "parse":
                list(nlp.pipe(texts, batch_size=16))
                t_parse = time.perf_counter() - t0
            else:
                try:
                    analyze_story(sources, nlp)
                except Exception as exc:  # the story is left out of both sums
                    errors.append(f"story {story.id}: {_first_line(exc)}")
                    failed = True
                t_analyze = time.perf_counter() - t0
        if not failed:
            parse_s += t_parse
            analyze_s += t_analyze
    ratio = analyze_s / parse_s if parse_s else None
    ok = len(stories) - len(errors)
    print(
        f"bare nlp.pipe parse: {parse_s:.2f} s; analyze_story (own parse included): {analyze_s:.2f} s = "
        f"{_fmt(ratio)}x the parse ({ok} stories)"
    )
    if analysis_only is not None:
        print(
            f"analyze_story on the shared parse (docs=..., the perturb suite's untouched runs): {analysis_only:.2f} s"
        )
    if errors:
        print(
            f"analyze_story raised on {len(errors)}/{len(stories)} stories (left out of both sums); first: {errors[0]}"
        )
    return {
        "stories": ok,
        "parse_seconds": parse_s,
        "analyze_story_seconds": analyze_s,
        "ratio": ratio,
        "analysis_on_shared_parse_seconds": analysis_only,
        "errors": len(errors),
        "first_error": errors[0] if errors else None,
    }


# -------------------------------------------------------------------------------------------- self-test


def selftest(nlp: Any) -> None:
    """The scorer, then the perturbers on hand-made texts, then the whole perturb path with oracle detectors."""
    from corroborate.analyze.story import SourceText

    cd.selftest_scorer()
    rng = random.Random(0)

    def only(edits: list[cd.Edit], old: str) -> cd.Edit:
        found = [e for e in edits if e.old == old]
        assert len(found) == 1, (old, [e.describe() for e in edits])
        return found[0]

    def check_offsets(text: str, e: cd.Edit) -> str:
        new_text = e.apply(text)
        s, t = e.mark
        assert new_text[s:t] == e.new[e.lo : e.hi], (new_text[s:t], e)
        assert new_text[: e.start] == text[: e.start] and new_text[e.start + len(e.new) :] == text[e.end :]
        s0, s1 = e.new_sent
        assert s0 <= s and t <= s1 and new_text[s0:s1].strip(), (e, new_text[s0:s1])
        return new_text

    text = (
        "Officials said 1,200 people were evacuated and 25% of homes lost power on Tuesday, May 4, 2021. "
        "Hundreds of residents stayed behind, and three shelters opened in 2019 remain full. "
        "The storm cost $3.5 million, and COVID-19 cases rose."
    )
    doc = nlp(text)
    nums = cd.number_edits(doc, rng)
    for old in ("1,200", "25", "3.5", "Hundreds", "three"):
        e = only(nums, old)
        new_text = check_offsets(text, e)
        assert e.new != e.old and new_text[e.mark[0] : e.mark[1]] == e.new
        if e.old[0].isdigit():
            v, w = float(e.old.replace(",", "")), float(e.new.replace(",", ""))
            assert abs(w - v) / v >= 0.3 and (("," in e.new) == ("," in e.old)), e
    assert not [e for e in nums if e.old in ("19", "4", "2021", "2019")], [e.describe() for e in nums]
    assert only(nums, "Hundreds").new == "Thousands" and only(nums, "three").new == "six"
    dates = cd.date_edits(doc, rng)
    for old in ("Tuesday", "4", "2021", "2019"):
        e = only(dates, old)
        check_offsets(text, e)
        assert e.new != e.old
    assert only(dates, "4").key == "4-4" and int(only(dates, "2019").new) in (2015, 2016, 2017)

    text = (
        "Senate Majority Leader Chuck Schumer said the bill would pass. Jen Psaki, the White House press secretary, "
        "told reporters the plan works. President Joe Biden signed the bill on Friday."
    )
    doc = nlp(text)
    roles = cd.role_edits(doc, rng)
    e = only(roles, "Senate Majority Leader")
    assert e.new in cd.ROLE_SWAPS["Senate Majority Leader"] and e.key == "Senate Majority Leader|Chuck Schumer"
    check_offsets(text, e)
    e = only(roles, "White House press secretary")
    assert e.new in {cd.lower_title(t) for t in cd.ROLE_SWAPS["White House Press Secretary"]}, e
    check_offsets(text, e)
    e = only(roles, "President")
    assert e.new == "Vice President" and e.apply(text).endswith("Vice President Joe Biden signed the bill on Friday.")
    assert cd.states_same_value(e, "Later, President Biden spoke.", None)
    assert cd.states_same_value(e, "Joe Biden, the president, spoke.", None)
    assert not cd.states_same_value(e, "Vice President Joe Biden spoke.", None)
    assert not cd.states_same_value(e, "Joe Biden spoke.", None)

    text = "Schumer said that the Senate will vote next week on the spending bill. Biden signed the bill on Friday."
    doc = nlp(text)
    negs = cd.negation_edits(doc)
    news = sorted(e.new for e in negs)
    assert news == ["denied", "did not sign", "will not"], news
    for e in negs:
        check_offsets(text, e)
    other = nlp("The Senate is expected to vote next week on the bill, Schumer said.")
    assert cd.states_same_value(only(negs, "will"), other.text, other)
    assert not cd.states_same_value(only(negs, "signed"), other.text, other)
    assert cd.negation_edits(nlp("The president did not sign the spending bill into law yesterday.")) == []

    # the whole perturb path on two tiny stories, with oracle / empty / noisy detectors
    stories = [
        cd.Story(
            "s1",
            "2021-05-04",
            "t",
            [
                cd.Article(
                    "s1-left", "A", "Officials said 1,200 people were evacuated from the town on Tuesday.", "left"
                ),
                cd.Article(
                    "s1-right", "B", "About 1,200 people were evacuated from the town on Tuesday, police said.", "right"
                ),
            ],
        ),
        cd.Story(
            "s2",
            "2021-05-05",
            "t",
            [
                cd.Article(
                    "s2-left", "A", "President Joe Biden signed the infrastructure bill at the White House.", "left"
                ),
                cd.Article("s2-center", "C", "President Biden signed the infrastructure bill on Wednesday.", "center"),
            ],
        ),
    ]
    ps = build_perturb_set(stories, nlp, seed=1)
    assert ps.plans == build_perturb_set(stories, nlp, seed=1).plans, "planting must be deterministic"
    planted = {p.perturbed_id: p for plan in ps.plans for p in plan.planted.values() if p is not None}
    assert all(plan.planted["inplace"] is not None for plan in ps.plans)
    for plan in ps.plans:
        p = plan.planted["inplace"]
        assert p.support and p.support[0] != p.target_id, p

    def oracle(sources: list[Any], docs: list[Any] | None = None) -> list[dict[str, Any]]:
        out = []
        for src in sources:
            p = planted.get(src.id)
            if p is None or src.text != p.text:
                continue
            other = next(s for s in sources if s.id != src.id)
            ev = [
                {"article_id": src.id, "start": p.mark[0], "end": p.mark[1]},
                {"article_id": other.id, "start": 0, "end": 5},
            ]
            out.append(
                {
                    "id": "o",
                    "kind": cd.EXPECTED_KIND[p.kind],
                    "subject": "",
                    "positions": [{"value": "", "evidence": ev}],
                }
            )
        return out

    def noisy(sources: list[Any], docs: list[Any] | None = None) -> list[dict[str, Any]]:
        ev = [{"article_id": sources[0].id, "start": 0, "end": 1}, {"article_id": sources[1].id, "start": 0, "end": 1}]
        return [
            *oracle(sources),
            {"id": "n", "kind": "number", "subject": "", "positions": [{"value": "", "evidence": ev}]},
        ]

    def broken(sources: list[Any], docs: list[Any] | None = None) -> list[dict[str, Any]]:
        raise RuntimeError("half-written")

    res = score_perturb(ps, Detector("oracle", oracle, True))
    for mode, t in res["modes"].items():
        f = t.figures()
        assert f["n"] == 2 and f["recall"] == 1.0 and f["strict_recall"] == 1.0 and f["precision"] == 1.0, (mode, f)
    for fn in (no_detector, broken):
        det = Detector(fn.__name__, fn, True)
        res = score_perturb(ps, det)
        for t in res["modes"].values():
            f = t.figures()
            assert f["recall"] == 0.0 and f["precision"] is None and len(t.misses) == 2, f
        assert bool(det.errors) == (fn is broken)
    res = score_perturb(ps, Detector("noisy", noisy, True))
    f = res["modes"]["copy"].figures()
    # every copy run: one hit (unless the noise sits on the change) plus noise; controls: noise only
    assert f["recall"] == 1.0 and f["false_alarms_control"] == 2 and f["precision"] < 0.5, f
    assert res["untouched_false_alarms"] == 2
    srcs = [SourceText(id=a.id, text=a.text, outlet=a.outlet) for a in stories[0].articles]
    assert diff_detector(srcs, [ps.docs[a.id] for a in stories[0].articles]) == []
    res = score_perturb(ps, Detector("diff", diff_detector, True))
    assert res["modes"]["copy"].figures()["recall"] == 1.0, res["modes"]["copy"].figures()


# ------------------------------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--suites", default=",".join(SUITES), help=f"comma list of {', '.join(SUITES)} (default: all)")
    ap.add_argument(
        "--detectors",
        default="corroborate,diff",
        help="comma list of corroborate, diff, none, or module:function (default: corroborate,diff)",
    )
    ap.add_argument("--limit", type=int, metavar="N", help="only the first N AllSides stories (perturb, speed)")
    ap.add_argument("--claimdiff-limit", type=int, metavar="N", help="only the first N ClaimDiff pairs")
    ap.add_argument(
        "--fnc-limit", type=int, default=2000, metavar="N", help="FNC-1 sample size, 0 = all (default 2000)"
    )
    ap.add_argument(
        "--part",
        choices=("test", "tune", "all"),
        default="test",
        help="AllSides stories: TEST (default, ~70%%), TUNE (~30%%, for developing the detector) or all; "
        "the split is the clustering benchmark's (sha1 of the story id)",
    )
    ap.add_argument("--seed", type=int, default=13, help="seed of the perturbations and the FNC-1 sample (default 13)")
    ap.add_argument("--show", type=int, default=0, metavar="N", help="print N misses and N false alarms per mode")
    ap.add_argument("--json", type=Path, metavar="PATH", help="also write every figure to PATH")
    ap.add_argument("--selftest", action="store_true", help="check the perturbers and the scorer, and exit")
    args = ap.parse_args(argv)

    suites = [s.strip() for s in args.suites.split(",") if s.strip()]
    unknown = sorted(set(suites) - set(SUITES))
    if unknown:
        ap.error(f"unknown suite(s) {', '.join(unknown)}; choose from {', '.join(SUITES)}")
    if args.limit is not None and args.limit < 1:
        ap.error("--limit must be >= 1")
    if args.fnc_limit < 0:
        ap.error("--fnc-limit must be >= 0")
    if not args.selftest:
        missing = cd.data_missing(suites)
        if missing:
            print(f"crosscheck bench: {missing}", file=sys.stderr)
            return 2

    t_start = time.perf_counter()
    from corroborate.nlp import MODEL, load_spacy

    nlp = load_spacy()
    if args.selftest:
        selftest(nlp)
        print("crosscheck self-test: ok (perturbers, offsets, scorer, oracle / empty / failing / noisy detectors)")
        return 0
    selftest(nlp)  # cheap, and a broken scorer must never print figures

    import spacy

    print(f"spaCy {spacy.__version__}, {MODEL} {nlp.meta.get('version')} ({', '.join(nlp.pipe_names)})")
    detectors, notes = load_detectors([d.strip() for d in args.detectors.split(",") if d.strip()], nlp)
    for note in notes:
        print(note)
    print("detectors: " + (", ".join(d.name for d in detectors) or "none loaded"))
    figures: dict[str, Any] = {
        "args": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "detectors": [d.name for d in detectors],
        "detector_notes": notes,
        "spacy": f"{spacy.__version__} {MODEL} {nlp.meta.get('version')}",
    }
    stories = cd.load_allsides(args.limit, part=args.part) if {"perturb", "speed"} & set(suites) else []
    print(f"AllSides part: {args.part} ({len(stories)} stories)")
    analysis_only = None
    if "perturb" in suites:
        figures["perturb"] = run_perturb(stories, nlp, detectors, args.seed, args.show)
        analysis_only = figures["perturb"].pop("_untouched_seconds").get("corroborate")
    if "untouched" in suites:
        figures["untouched"] = run_untouched(nlp, detectors, args.show)
    if "claimdiff" in suites:
        figures["claimdiff"] = run_claimdiff(nlp, detectors, args.claimdiff_limit)
    if "fnc" in suites:
        figures["fnc"] = run_fnc(nlp, detectors, args.fnc_limit, args.seed)
    if "speed" in suites:
        figures["speed"] = run_speed(stories, nlp, analysis_only)
    figures["seconds"] = time.perf_counter() - t_start
    RESULTS.mkdir(parents=True, exist_ok=True)
    paths = [RESULTS / "crosscheck.json", *([args.json] if args.json else [])]
    for path in paths:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(figures, indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    print(f"\nfigures: {', '.join(str(p) for p in paths)}; whole run {figures['seconds']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
