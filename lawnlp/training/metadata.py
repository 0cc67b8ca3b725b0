"""Evaluation of report metadata (entity, county, year, level, published) on annotated reports.

``evaluate_meta(reports)`` runs the metadata rules (lawnlp.text.meta.extract_meta) on each report's text as
annotated and compares every field with the annotation (the guide's report JSONL): exact match, ``None``
equal to an empty annotation. A field counts over the reports whose annotation has it; ``published`` is
often absent. ``recall`` is over the reports whose annotated value is not empty (a field the text names).
"""

from __future__ import annotations

from typing import Any

from lawnlp.annotations.schema import AnnotatedReport
from lawnlp.text.meta import extract_meta
from lawnlp.text.structure import parse

FIELDS = ("entity", "county", "year", "level", "published")


def _value(meta: Any, name: str) -> Any:
    value = getattr(meta, name, None)
    return None if value in ("", None) else (str(value) if name == "published" else value)


def evaluate_meta(reports: list[AnnotatedReport]) -> dict[str, Any]:
    """Per field: ``accuracy`` (exact), ``n`` (reports annotated with it), ``recall`` (exact among the reports
    whose annotated value is not empty) and ``named`` (how many); ``errors``: (report, field, gold, predicted)."""
    hits = {f: [0, 0, 0, 0] for f in FIELDS}  # exact, annotated, exact where named, named
    errors: list[tuple[str, str, Any, Any]] = []
    for r in reports:
        meta = extract_meta(parse(r.text))
        for f in FIELDS:
            if f not in r.meta:
                continue
            gold = r.meta[f] if r.meta[f] not in ("", None) else None
            pred = _value(meta, f)
            ok = pred == gold
            counts = hits[f]
            counts[0] += ok
            counts[1] += 1
            if gold is not None:
                counts[2] += ok
                counts[3] += 1
            if not ok:
                errors.append((r.report_id, f, gold, pred))
    out: dict[str, Any] = {"reports": len(reports)}
    for f, (exact, n, named_exact, named) in hits.items():
        if n:
            out[f] = {
                "accuracy": round(exact / n, 4),
                "n": n,
                "recall": round(named_exact / named, 4) if named else None,
                "named": named,
            }
    out["errors"] = errors
    return out


def format_meta_table(metrics: dict[str, Any], show_errors: int = 10) -> str:
    lines = [
        f"== metadata: {metrics['reports']} reports",
        f"{'field':<10} {'exact':>7} {'n':>5} {'recall':>7} {'named':>6}",
    ]
    for f in FIELDS:
        if f in metrics:
            m = metrics[f]
            recall = "-" if m["recall"] is None else f"{m['recall']:.3f}"
            lines.append(f"{f:<10} {m['accuracy']:>7.3f} {m['n']:>5} {recall:>7} {m['named']:>6}")
    for rid, f, gold, pred in metrics["errors"][:show_errors]:
        lines.append(f"  {rid} {f}: annotated {gold!r}, found {pred!r}")
    if len(metrics["errors"]) > show_errors:
        lines.append(f"  ... {len(metrics['errors']) - show_errors} more (--json for all)")
    return "\n".join(lines)
