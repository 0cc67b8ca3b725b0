"""Analysed reports as pandas DataFrames: one row per paragraph (with its report's fields), one row per
report (fields, themes, section sizes, brief, audit), or one row per indicator value; the row layout is
lawnlp.rows.

    df = lawnlp.to_frame(analyzer.analyze_batch(paths))                # paragraphs
    reports = lawnlp.to_frame(results, level="report")                 # reports, with the audit columns
    values = lawnlp.to_frame(results, level="indicator")               # the stated indicators, long
    reports = lawnlp.to_frame("results.parquet", level="report")       # a result file (jsonl, csv, parquet)
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from lawnlp.rows import (
    INDICATOR_ROW_COLUMNS,
    PARAGRAPH_ROW_COLUMNS,
    REPORT_ROW_COLUMNS,
    indicator_rows,
    paragraph_rows,
    read_results,
    report_row,
)
from lawnlp.schema import Report

LEVELS = ("paragraph", "report", "indicator")
_LAYOUTS = {
    "paragraph": (paragraph_rows, PARAGRAPH_ROW_COLUMNS),
    "report": (lambda r: [report_row(r)], REPORT_ROW_COLUMNS),
    "indicator": (indicator_rows, INDICATOR_ROW_COLUMNS),
}


def to_frame(reports: Iterable[Report | dict[str, Any]] | str | os.PathLike, level: str = "paragraph"):
    """A pandas DataFrame of analysed reports: ``level="paragraph"`` (one row per paragraph, report
    fields repeated; columns PARAGRAPH_ROW_COLUMNS), ``"report"`` (one row per report; columns
    REPORT_ROW_COLUMNS: fields, themes, section sizes, brief, provenance and the audit's report-level
    fields part_measures … boilerplate_share) or ``"indicator"`` (one row per indicator value stated:
    source, entity, county, year, level, id, value, unit, paragraph, line, clause, approx).
    ``themes``, ``warnings``, ``missing`` and ``unaddressed`` are list columns. ``reports``: Reports,
    their dict form, or the path of a ``lawnlp analyze`` result file (JSONL, CSV or Parquet; all three
    keep the audit columns and the indicators)."""
    import pandas as pd

    if level not in LEVELS:
        raise ValueError(f"level must be 'paragraph', 'report' or 'indicator', not {level!r}")
    if isinstance(reports, (str, os.PathLike)):
        reports = read_results(reports)
    rows_of, columns = _LAYOUTS[level]
    df = pd.DataFrame([row for r in reports for row in rows_of(r)], columns=list(columns))
    for col in ("year", "heading_level", "index", "line", "paragraph", "shortcoming_items"):
        if col in df:
            df[col] = df[col].astype("Int64")
    return df
