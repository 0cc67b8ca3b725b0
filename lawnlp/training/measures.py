"""The research measures measured on hand-coded gold (training/data/MEASURES.md): the gold reports of an
annotation file analysed end to end with a backend's models, or with their annotated sections, themes and
metadata (``sections_from_gold``), and lawnlp.measures.evaluate's figures as plain-text tables
(``lawnlp evaluate --task audit|indicators|pairs``).

    metrics = evaluate_measures("audit", "training/data/paragraphs.jsonl", backend="lite")
    print(format_measures(metrics))

The text the pipeline reads is the annotated lines joined by line breaks, so a paragraph's ``line`` is
the annotation ``index`` the gold uses. ``pairs`` compares every report of the annotation file (the
planted pairs among all the others, so that a false copying pair can show up).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lawnlp.annotations import AnnotatedReport, load_annotations
from lawnlp.errors import ReportError
from lawnlp.jsonl import read_jsonl
from lawnlp.measures import (
    audit_report,
    compare,
    evaluate_audit,
    evaluate_indicators,
    evaluate_pairs,
    extract_indicators,
)
from lawnlp.measures.vocabulary import INDICATOR_IDS
from lawnlp.pipeline import Analyzer
from lawnlp.schema import Report

TASKS = ("audit", "indicators", "pairs")
GOLD_FILES = {"audit": "measures_gold.jsonl", "indicators": "measures_gold.jsonl", "pairs": "measures_pairs.jsonl"}
LABEL_CHUNK = 64  # reports labelled per call of the models


def default_gold(task: str, data: str | os.PathLike) -> Path:
    """The gold file of ``task`` beside the annotation file (training/data/measures_*.jsonl)."""
    return Path(data).with_name(GOLD_FILES[task])


def _pair_ids(pairs: Iterable[dict]) -> set[str]:
    return {p[k] for p in pairs for k in ("earlier", "later", "a", "b") if p.get(k)}


def gold_reports(
    annotated: Iterable[AnnotatedReport], analyzer: Analyzer, sections_from_gold: bool = False
) -> dict[str, Report]:
    """report_id -> the analysed report, with its audit and indicators. The models label the paragraphs
    (``analyzer``, in chunks), or with ``sections_from_gold`` each paragraph takes its line's annotated
    section and themes and the report its annotated entity, county, year and level (the published date
    is always read from the text, as the gold's is)."""
    annotated = list(annotated)
    parsed = [analyzer.parse(text=a.text, name=a.report_id) for a in annotated]
    if not sections_from_gold:
        for start in range(0, len(parsed), LABEL_CHUNK):
            analyzer.label(parsed[start : start + LABEL_CHUNK], brief=False)
        return {r.source: r for r in parsed}
    for a, r in zip(annotated, parsed):
        for p in r.paragraphs:
            known = p.line < len(a.sections)
            p.section = a.sections[p.line] if known else "other"
            p.themes = list(a.themes[p.line]) if known else []
        for key in ("entity", "county", "year", "level"):
            if a.meta.get(key) is not None:
                setattr(r.meta, key, a.meta[key])
        r.audit = audit_report(r)
        r.indicators = extract_indicators(r)
    return {r.source: r for r in parsed}


def evaluate_measures(
    task: str,
    data: str | os.PathLike,
    gold: str | os.PathLike | None = None,
    backend: str = "auto",
    sections_from_gold: bool = False,
    analyzer: Analyzer | None = None,
) -> dict[str, Any]:
    """Analyse the gold's reports of the annotation file ``data`` and measure ``task`` against ``gold``
    (default: ``default_gold``): the metrics of lawnlp.measures.evaluate plus ``task``, ``gold``,
    ``source`` (the backend, or "gold sections") and ``reports``."""
    if task not in TASKS:
        raise ValueError(f"task must be one of {', '.join(TASKS)}, not {task!r}")
    gold_path = Path(gold) if gold else default_gold(task, data)
    if not gold_path.is_file():
        raise ReportError("gold file not found; name it with --gold", str(gold_path))
    rows = [obj for _, obj in read_jsonl(gold_path)]
    annotated = load_annotations(data)
    wanted = _pair_ids(rows) if task == "pairs" else {g["report_id"] for g in rows}
    have = {a.report_id for a in annotated}
    if missing := sorted(wanted - have):
        raise ReportError(f"{len(missing)} gold report(s) not in the annotations, e.g. {missing[0]}", str(data))
    if task != "pairs":
        annotated = [a for a in annotated if a.report_id in wanted]
    analyzer = analyzer or Analyzer(backend=backend)
    reports = gold_reports(annotated, analyzer, sections_from_gold)
    if task == "audit":
        metrics = evaluate_audit(rows, reports)
    elif task == "indicators":
        metrics = evaluate_indicators(rows, reports)
    else:
        metrics = evaluate_pairs(rows, compare(list(reports.values())))
    source = "gold sections" if sections_from_gold else f"{analyzer.provenance.get('backend', backend)} backend"
    return {"task": task, "gold": str(gold_path), "source": source, "reports": len(reports)} | metrics


def _f(x: float | None, digits: int = 3) -> str:
    return "—" if x is None else f"{x:.{digits}f}"


def format_measures(metrics: dict[str, Any]) -> str:
    """The metrics of ``evaluate_measures`` as a plain-text table."""
    task = metrics["task"]
    lines = [f"== {task} ({metrics['source']}, {metrics['reports']} reports, gold {metrics['gold']})"]
    if task == "audit":
        n = metrics["reports"]
        lines.append(f"{'field':<32}{'accuracy':>9}{'right':>9}")
        for name, acc in metrics["accuracy"].items():
            right = "" if acc is None else f"{round(acc * n)}/{n}"
            lines.append(f"{name:<32}{_f(acc):>9}{right:>9}")
        for name, errs in metrics["errors"].items():
            shown = ", ".join(f"{e['report_id']} (got {e['got']}, gold {e['gold']})" for e in errs[:5])
            lines.append(f"  wrong {name}: {shown}" + (f" and {len(errs) - 5} more" if len(errs) > 5 else ""))
    elif task == "indicators":
        head = f"{'id':<34}{'precision':>10}{'recall':>8}{'f1':>7}{'tp':>5}{'fp':>5}{'fn':>5}"
        lines.append(head)
        order = {i: n for n, i in enumerate(INDICATOR_IDS)}
        per_id = sorted(metrics["per_id"].items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
        rows = [("all (id, value) pairs", metrics)] + per_id
        for name, m in rows:
            lines.append(
                f"{name:<34}{_f(m['precision']):>10}{_f(m['recall']):>8}{_f(m['f1']):>7}"
                f"{m['tp']:>5}{m['fp']:>5}{m['fn']:>5}"
            )
    else:
        for key, value in metrics["summary"].items():
            lines.append(f"{key:<24}{value}")
        for r in metrics["year_over_year"]:
            lines.append(
                f"  year over year {r['earlier']} -> {r['later']}: planted {r['planted']}, flagged {r['flagged']}, "
                f"repeated_text {_f(r['repeated_text'], 2)}, themes exact {r['themes_exact']}"
            )
        for r in metrics["copying"]:
            lines.append(f"  copying {r['a']} / {r['b']}: planted {r['planted']}, found {r['found']}")
        for a, b in metrics["false_copying_pairs"]:
            lines.append(f"  false copying pair: {a} / {b}")
    return "\n".join(lines)
