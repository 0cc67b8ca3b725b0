"""Measure the audit, the indicators and the across-report tables against hand-coded gold
(measures-contract.md: training/data/measures_gold.jsonl and measures_pairs.jsonl).

    gold = [json.loads(l) for l in open("training/data/measures_gold.jsonl")]
    evaluate_audit(gold, reports)        # reports: {report_id: analysed Report}
    evaluate_indicators(gold, reports)
    evaluate_pairs(pairs, compare(reports.values()))

Each returns a plain dict (JSON-ready): the figures, and per field the report ids that were wrong.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from lawnlp.measures.audit import audit_report
from lawnlp.measures.boilerplate import BoilerplateReference
from lawnlp.measures.indicators import extract_indicators
from lawnlp.measures.vocabulary import INDICATOR_IDS
from lawnlp.schema import PART_IDS, Report

Reports = Mapping[str, Report] | Iterable[Report]


def _key(source: str) -> str:
    return os.path.splitext(os.path.basename(source))[0] if source else source


def _by_id(reports: Reports) -> dict[str, Report]:
    if isinstance(reports, Mapping):
        return dict(reports)
    return {_key(r.source): r for r in reports}


def _gold_for(gold_rows: Iterable[dict], reports: dict[str, Report]) -> list[tuple[dict, Report]]:
    rows = list(gold_rows)
    missing = [g["report_id"] for g in rows if g["report_id"] not in reports]
    if missing:
        raise KeyError(f"no analysed report for gold report(s): {', '.join(missing[:5])}")
    return [(g, reports[g["report_id"]]) for g in rows]


def evaluate_audit(
    gold_rows: Iterable[dict], reports: Reports, reference: BoilerplateReference | None = None
) -> dict[str, Any]:
    """Per-field accuracy of the audit: each ``parts`` flag, ``shortcoming_items`` exact and within
    one, ``published`` exact; ``errors`` lists the wrong report ids (with both values) per field."""
    pairs = _gold_for(gold_rows, _by_id(reports))
    right: Counter[str] = Counter()
    errors: dict[str, list] = {}
    for g, r in pairs:
        a = audit_report(r, reference)
        checks = {f"parts.{p}": (a.parts[p], bool(g["parts"][p])) for p in PART_IDS if p in g.get("parts", {})}
        if "shortcoming_items" in g:
            checks["shortcoming_items_exact"] = (a.shortcoming_items, g["shortcoming_items"])
            checks["shortcoming_items_within_one"] = (a.shortcoming_items, g["shortcoming_items"])
        if "published" in g:
            checks["published"] = (a.published, g["published"])
        for name, (got, want) in checks.items():
            ok = abs(got - want) <= 1 if name.endswith("within_one") else got == want
            right[name] += ok
            if not ok:
                errors.setdefault(name, []).append({"report_id": g["report_id"], "got": got, "gold": want})
    n = len(pairs)
    names = [f"parts.{p}" for p in PART_IDS] + ["shortcoming_items_exact", "shortcoming_items_within_one", "published"]
    return {"reports": n, "accuracy": {k: right[k] / n if n else None for k in names}, "errors": errors}


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int | None]:
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def evaluate_indicators(gold_rows: Iterable[dict], reports: Reports) -> dict[str, Any]:
    """Precision, recall and F1 on (id, value) pairs, overall and per indicator id; ``errors`` lists
    the false positives (with their clause) and false negatives per report."""
    pairs = _gold_for(gold_rows, _by_id(reports))
    counts = {i: Counter() for i in INDICATOR_IDS}
    errors = []
    for g, r in pairs:
        want = {(x["id"], round(float(x["value"]), 4)) for x in g.get("indicators", [])}
        found = extract_indicators(r)
        got = {(x.id, round(x.value, 4)) for x in found}
        for ind_id, _ in want | got:
            counts.setdefault(ind_id, Counter())
        for key in got & want:
            counts[key[0]]["tp"] += 1
        for key in got - want:
            counts[key[0]]["fp"] += 1
        for key in want - got:
            counts[key[0]]["fn"] += 1
        if got != want:
            clause = {(x.id, round(x.value, 4)): x.clause for x in found}
            errors.append(
                {
                    "report_id": g["report_id"],
                    "false_positives": [[i, v, clause[i, v]] for i, v in sorted(got - want)],
                    "false_negatives": [[i, v] for i, v in sorted(want - got)],
                }
            )
    total = Counter()
    for c in counts.values():
        total.update(c)
    return {
        "reports": len(pairs),
        **_prf(total["tp"], total["fp"], total["fn"]),
        "per_id": {i: _prf(c["tp"], c["fp"], c["fn"]) for i, c in counts.items()},
        "errors": errors,
    }


def evaluate_pairs(pairs: Iterable[dict], comparison: Any) -> dict[str, Any]:
    """The year-over-year and copying gold (measures_pairs.jsonl) against a ``Comparison``: planted
    year-over-year pairs flagged ``repeated`` and controls not, repeated themes exact; planted copying
    pairs found, and every other listed copying pair a false pair."""
    yoy = {(_key(r["earlier"]), _key(r["later"])): r for r in comparison.year_over_year.to_dict("records")}
    found = {frozenset((_key(r["source_a"]), _key(r["source_b"]))) for r in comparison.copying.to_dict("records")}
    out: dict[str, Any] = {"year_over_year": [], "copying": []}
    planted_copies = set()
    for g in pairs:
        if g["kind"] == "year_over_year":
            row = yoy.get((g["earlier"], g["later"]))
            themes = g.get("repeated_themes")
            out["year_over_year"].append(
                {
                    "earlier": g["earlier"],
                    "later": g["later"],
                    "planted": g["planted"],
                    "found": row is not None,
                    "flagged": bool(row and row["repeated"]),
                    "repeated_text": row["repeated_text"] if row else None,
                    "themes_exact": None
                    if themes is None or row is None
                    else sorted(row["repeated_themes"]) == sorted(themes),
                    "ok": row is not None and bool(row["repeated"]) == bool(g["planted"]),
                }
            )
        elif g["kind"] == "copying":
            pair = frozenset((g["a"], g["b"]))
            if g["planted"]:
                planted_copies.add(pair)
            out["copying"].append(
                {
                    "a": g["a"],
                    "b": g["b"],
                    "planted": g["planted"],
                    "found": pair in found,
                    "ok": (pair in found) == bool(g["planted"]),
                }
            )
    out["false_copying_pairs"] = sorted(sorted(p) for p in found - planted_copies)
    y, c = out["year_over_year"], out["copying"]

    def share(rows: list[dict], key: Any, among: Any) -> str:
        chosen = [r for r in rows if among(r)]
        return f"{sum(bool(key(r)) for r in chosen)}/{len(chosen)}"

    out["summary"] = {
        "yoy_planted_flagged": share(y, lambda r: r["flagged"], lambda r: r["planted"]),
        "yoy_controls_clear": share(y, lambda r: not r["flagged"], lambda r: not r["planted"]),
        "yoy_themes_exact": share(y, lambda r: r["themes_exact"], lambda r: r["themes_exact"] is not None),
        "copying_planted_found": share(c, lambda r: r["found"], lambda r: r["planted"]),
        "false_copying_pairs": len(out["false_copying_pairs"]),
    }
    return out
