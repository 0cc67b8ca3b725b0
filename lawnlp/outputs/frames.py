"""Analysed reports as pandas DataFrames: one row per paragraph (with its report's fields), or one row
per report (fields, themes, section sizes, brief); the row layout is lawnlp.rows.

    df = lawnlp.to_frame(analyzer.analyze_batch(paths))                # paragraphs
    reports = lawnlp.to_frame(results, level="report")                 # reports
    reports = lawnlp.to_frame("results.parquet", level="report")       # a result file (jsonl, csv, parquet)
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from lawnlp.rows import PARAGRAPH_ROW_COLUMNS, REPORT_ROW_COLUMNS, paragraph_rows, read_results, report_row
from lawnlp.schema import Report

LEVELS = ("paragraph", "report")


def to_frame(reports: Iterable[Report | dict[str, Any]] | str | os.PathLike, level: str = "paragraph"):
    """A pandas DataFrame of analysed reports: ``level="paragraph"`` (one row per paragraph, report
    metadata repeated; columns PARAGRAPH_ROW_COLUMNS) or ``"report"`` (one row per report; columns
    REPORT_ROW_COLUMNS). ``themes`` and ``warnings`` are list columns in both. ``reports``: Reports,
    their dict form, or the path of a ``lawnlp analyze`` result file (JSONL, CSV or Parquet)."""
    import pandas as pd

    if level not in LEVELS:
        raise ValueError(f"level must be 'paragraph' or 'report', not {level!r}")
    if isinstance(reports, (str, os.PathLike)):
        reports = read_results(reports)
    if level == "paragraph":
        rows = [row for r in reports for row in paragraph_rows(r)]
        columns = PARAGRAPH_ROW_COLUMNS
    else:
        rows = [report_row(r) for r in reports]
        columns = REPORT_ROW_COLUMNS
    df = pd.DataFrame(rows, columns=list(columns))
    for col in ("year", "heading_level", "index", "line"):
        if col in df:
            df[col] = df[col].astype("Int64")
    return df
