"""The seed articles' acceptance checks (issues "who said what", "cross-check" and "brief"), printed as a table.

    .venv/bin/python bench/seeds.py            # runs `corroborate run` on ../shared/seeds into a temporary store

Each check prints ok / FAIL with what was found. Exit code 0 when every check passes, 1 otherwise.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
SEEDS = ROOT.parent / "shared" / "seeds"

PEOPLE = {  # canonical person -> spellings that must be merged into them
    "Naryshkin": ["Naryshkin"],
    "Syromolotov": ["Syromolotov", "Siromolotov"],
    "Aliyev": ["Aliyev"],
    "Pashinyan": ["Pashinyan", "Pashniyan"],
    "Zakharova": ["Zakharova"],
    "Peskov": ["Peskov"],
    "Dubnov": ["Dubnov"],
}
BOILERPLATE = ("ADVERTISEMENT", "Click to see full-size image", "Reading Time", "2,500 $")


def main() -> int:
    if not SEEDS.is_dir():
        print(f"seeds: {SEEDS} not found", file=sys.stderr)
        return 2
    from corroborate import service
    from corroborate.settings import Settings

    checks: list[tuple[str, bool, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db=str(Path(tmp) / "seeds.duckdb"))
        service.run([str(SEEDS)], settings, html_dir=str(Path(tmp) / "site"))
        report = service.report(settings)
        html_pages = len(list((Path(tmp) / "site").rglob("*.html")))
    articles = {a["id"]: a for a in report["articles"]}
    (story,) = report["stories"]
    names = {e["id"]: e for e in story["entities"]}

    # -- who said what
    for person, spellings in PEOPLE.items():
        ents = [e for e in story["entities"] if e["type"] == "PERSON" and person.lower() in e["name"].lower()]
        merged = len(ents) == 1 and all(
            any(s.lower() in x.lower() for x in [ents[0]["name"], *ents[0]["aliases"]]) for s in spellings
        )
        said = [
            st for st in story["statements"] if st["speaker_entity"] and person in names[st["speaker_entity"]]["name"]
        ]
        checks.append(
            (
                f"{person}: one entity with {', '.join(spellings)}; has statements",
                merged and bool(said),
                f"{len(ents)} entities {[e['name'] for e in ents]}, {len(said)} statements",
            )
        )
    mentions_naryshkin = [a for a in articles.values() if "Naryshkin" in a["text"]]
    with_statement = {
        st["article_id"]
        for st in story["statements"]
        if st["speaker_entity"] and "Naryshkin" in names[st["speaker_entity"]]["name"]
    }
    checks.append(
        (
            "Naryshkin's statements found in every seed that names him",
            all(a["id"] in with_statement for a in mentions_naryshkin),
            f"{len(with_statement)} of {len(mentions_naryshkin)} articles",
        )
    )
    he_said = [
        st
        for st in story["statements"]
        if st["speaker"]
        and st["speaker"].lower() in ("he", "the spy chief", "the foreign intelligence chief")
        and st["speaker_entity"]
        and "Naryshkin" in names[st["speaker_entity"]]["name"]
    ]
    checks.append(("a pronoun or role noun resolved to Naryshkin", bool(he_said), f"{len(he_said)} statements"))

    # -- cross-check
    claims = story["claims"]
    thousands = [c for c in claims if re.search(r"thousands of (foreign )?(militants|radicals|mercenaries)", c["text"])]
    best = max((c["independent_sources"] for c in thousands), default=0)
    checks.append(
        ("'thousands of militants' corroborated by >= 3 outlets", best >= 3, f"best claim: {best} independent sources")
    )
    salary = [c for c in claims if "salary" in c["text"].lower()]
    checks.append(
        (
            "militants' salary single-source",
            bool(salary) and all(c["status"] == "single_source" for c in salary),
            f"{[(c['status'], c['independent_sources']) for c in salary]}",
        )
    )
    role = [
        c
        for c in story["contradictions"]
        if c["kind"] == "role" and {"Vladimir Putin", "Vladimir Lukashenko"} <= {p["value"] for p in c["positions"]}
    ]
    checks.append(("Lukashenko / Putin 'Russian President' conflict", bool(role), role[0]["subject"] if role else "-"))
    denial = [
        c
        for c in story["contradictions"]
        if c["kind"] == "denial"
        and "mercenar" in " ".join(e["text"] for p in c["positions"] for e in p["evidence"]).lower()
    ]
    checks.append(
        (
            "mercenaries claim against denial",
            bool(denial),
            "; ".join(p["value"] for p in denial[0]["positions"]) if denial else "-",
        )
    )
    dates = {t["date"] for t in story["timeline"]}
    checks.append(
        ("timeline holds 2020-09-27 and 2020-11-05", {"2020-09-27", "2020-11-05"} <= dates, f"{len(dates)} dates")
    )

    # -- brief
    summary = story["summary"]
    checks.append(
        (
            "summary: a sentence citing several outlets, no boilerplate",
            any(len(s["article_ids"]) >= 2 for s in summary)
            and not any(b.lower() in s["text"].lower() for s in summary for b in BOILERPLATE),
            f"{len(summary)} sentences, citations {[len(s['article_ids']) for s in summary]}, {html_pages} HTML pages",
        )
    )

    width = max(len(c[0]) for c in checks)
    for name, ok, detail in checks:
        print(f"{'ok  ' if ok else 'FAIL'}  {name:<{width}}  {detail}")
    failed = sum(not ok for _, ok, _ in checks)
    print(f"\n{len(checks) - failed} of {len(checks)} checks pass")
    return 0 if not failed else 1


if __name__ == "__main__":
    raise SystemExit(main())
