"""The one row layout of analysed reports, used by data frames, CSV and Parquet result files and Ray.

- paragraph rows: one row per paragraph, the report's fields repeated (``PARAGRAPH_ROW_COLUMNS``);
  a report without paragraphs (an error) gives one row with empty paragraph fields;
- report rows: one row per report with its themes, brief and section sizes (``REPORT_ROW_COLUMNS``).

Reports may be ``Report`` objects or their ``to_dict()`` form (a line of ``lawnlp analyze`` JSONL).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from lawnlp.labels import SECTION_IDS
from lawnlp.schema import Report

# Report fields repeated on every paragraph row, then the paragraph's own fields.
REPORT_COLUMNS = ("source", "entity", "county", "year", "level", "n_paragraphs", "error")
PARAGRAPH_COLUMNS = ("index", "line", "text", "section", "themes", "heading_level", "numbering", "debris")
PARAGRAPH_ROW_COLUMNS = REPORT_COLUMNS + PARAGRAPH_COLUMNS
REPORT_ROW_COLUMNS = (
    REPORT_COLUMNS
    + ("themes", "brief")
    + tuple(f"n_{s}" for s in SECTION_IDS)
    + tuple(f"chars_{s}" for s in SECTION_IDS)
)
# Column types (Arrow type names) for typed tables; every other column is a string.
INT_COLUMNS = frozenset(
    {"year", "n_paragraphs", "index", "line", "heading_level"}
    | {f"n_{s}" for s in SECTION_IDS}
    | {f"chars_{s}" for s in SECTION_IDS}
)
LIST_COLUMNS = frozenset({"themes"})
BOOL_COLUMNS = frozenset({"debris"})


def as_dict(report: Report | dict[str, Any]) -> dict[str, Any]:
    """A report as its ``to_dict()`` form."""
    return report.to_dict() if isinstance(report, Report) else report


def report_fields(report: Report | dict[str, Any]) -> dict[str, Any]:
    """The report-level columns shared by both kinds of rows."""
    d = as_dict(report)
    meta = d.get("meta") or {}
    return {
        "source": d.get("source"),
        "entity": meta.get("entity"),
        "county": meta.get("county"),
        "year": meta.get("year"),
        "level": meta.get("level", "unknown"),
        "n_paragraphs": len(d.get("paragraphs") or []),
        "error": d.get("error"),
    }


def paragraph_rows(report: Report | dict[str, Any]) -> list[dict[str, Any]]:
    """One row per paragraph with the report's fields (one row with empty paragraph fields when the
    report has no paragraphs, so every report appears in a paragraph table)."""
    d = as_dict(report)
    head = report_fields(d)
    paragraphs = d.get("paragraphs") or []
    if not paragraphs:
        return [head | {k: None for k in PARAGRAPH_COLUMNS}]
    return [
        head | {k: (list(p.get(k) or []) if k == "themes" else p.get(k)) for k in PARAGRAPH_COLUMNS} for p in paragraphs
    ]


def report_row(report: Report | dict[str, Any]) -> dict[str, Any]:
    """One row per report: its fields, themes (first-seen order), brief text, paragraphs and characters
    per section."""
    d = as_dict(report)
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


def arrow_schema(columns: tuple[str, ...]):
    """The Arrow schema of a table with ``columns`` (types from INT/LIST/BOOL_COLUMNS, else string)."""
    import pyarrow as pa

    def kind(c: str):
        if c in INT_COLUMNS:
            return pa.int64()
        if c in LIST_COLUMNS:
            return pa.list_(pa.string())
        if c in BOOL_COLUMNS:
            return pa.bool_()
        return pa.string()

    return pa.schema([(c, kind(c)) for c in columns])


def read_results(path: str | os.PathLike) -> Iterator[dict[str, Any]]:
    """The reports of a ``lawnlp analyze`` JSONL file, as dicts (a cut-off last line is ignored)."""
    from lawnlp.jsonl import read_jsonl

    for _, obj in read_jsonl(path, partial_last_line=True):
        yield obj
