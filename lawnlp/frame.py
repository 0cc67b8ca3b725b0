"""Analysed reports as pandas DataFrames: one row per paragraph (with its report's metadata), or one
row per report (metadata, themes, section sizes, brief).

    df = lawnlp.to_frame(analyzer.analyze_batch(paths))                # paragraphs
    reports = lawnlp.to_frame(results, level="report")                 # reports
    reports = lawnlp.to_frame(read_results("results.jsonl"), level="report")

Reports may be ``Report`` objects or their ``to_dict()`` form (a line of ``lawnlp analyze`` JSONL).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from typing import Any

from lawnlp.labels import SECTION_IDS
from lawnlp.report import Report

# Report metadata repeated on every paragraph row, then the paragraph's own fields.
REPORT_COLUMNS = ("source", "entity", "county", "year", "level", "n_paragraphs", "error")
PARAGRAPH_COLUMNS = ("index", "line", "text", "section", "themes", "heading_level", "numbering", "debris")
PARAGRAPH_FRAME_COLUMNS = REPORT_COLUMNS + PARAGRAPH_COLUMNS
REPORT_FRAME_COLUMNS = (
    REPORT_COLUMNS + ("themes", "brief")
    + tuple(f"n_{s}" for s in SECTION_IDS) + tuple(f"chars_{s}" for s in SECTION_IDS)
)
LEVELS = ("paragraph", "report")


def _as_dict(report: Report | dict[str, Any]) -> dict[str, Any]:
    return report.to_dict() if isinstance(report, Report) else report


def report_fields(report: Report | dict[str, Any]) -> dict[str, Any]:
    """The report-level columns shared by both kinds of rows."""
    d = _as_dict(report)
    meta = d.get("meta") or {}
    return {"source": d.get("source"), "entity": meta.get("entity"), "county": meta.get("county"),
            "year": meta.get("year"), "level": meta.get("level", "unknown"),
            "n_paragraphs": len(d.get("paragraphs") or []), "error": d.get("error")}


def paragraph_rows(report: Report | dict[str, Any]) -> list[dict[str, Any]]:
    """One row per paragraph with the report's metadata; a report without paragraphs (an error) gives
    one row with empty paragraph fields, so every report appears in a paragraph table."""
    d = _as_dict(report)
    head = report_fields(d)
    paragraphs = d.get("paragraphs") or []
    if not paragraphs:
        return [head | {k: None for k in PARAGRAPH_COLUMNS}]
    return [head | {k: (list(p.get(k) or []) if k == "themes" else p.get(k)) for k in PARAGRAPH_COLUMNS}
            for p in paragraphs]


def report_row(report: Report | dict[str, Any]) -> dict[str, Any]:
    """One row per report: metadata, themes (first-seen order), brief text, paragraphs and characters
    per section."""
    d = _as_dict(report)
    row = report_fields(d)
    paragraphs = d.get("paragraphs") or []
    themes: dict[str, None] = {}
    for p in paragraphs:
        for t in p.get("themes") or []:
            themes.setdefault(t, None)
    brief = d.get("brief")
    row["themes"] = list(d.get("themes") or themes)
    row["brief"] = brief.get("text") if isinstance(brief, dict) else (str(brief) if brief else None)
    for s in SECTION_IDS:
        own = [p for p in paragraphs if p.get("section") == s]
        row[f"n_{s}"] = len(own)
        row[f"chars_{s}"] = sum(len(p.get("text") or "") for p in own)
    return row


def to_frame(reports: Iterable[Report | dict[str, Any]], level: str = "paragraph"):
    """A pandas DataFrame of analysed reports: ``level="paragraph"`` (one row per paragraph, report
    metadata repeated; columns PARAGRAPH_FRAME_COLUMNS) or ``"report"`` (one row per report; columns
    REPORT_FRAME_COLUMNS). ``themes`` is a list column in both."""
    import pandas as pd

    if level not in LEVELS:
        raise ValueError(f"level must be 'paragraph' or 'report', not {level!r}")
    if level == "paragraph":
        rows = [row for r in reports for row in paragraph_rows(r)]
        columns = PARAGRAPH_FRAME_COLUMNS
    else:
        rows = [report_row(r) for r in reports]
        columns = REPORT_FRAME_COLUMNS
    df = pd.DataFrame(rows, columns=list(columns))
    for col in ("year", "heading_level", "index", "line"):
        if col in df:
            df[col] = df[col].astype("Int64")
    return df


def read_results(path: str | os.PathLike) -> Iterator[dict[str, Any]]:
    """The reports of a ``lawnlp analyze`` JSONL file (a cut-off last line is ignored)."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError:
                    continue
