"""Reports for the across-report tables, from whatever holds them: ``Report`` objects, their
``to_dict()`` form, ``lawnlp analyze`` JSONL result files, or paragraph tables (parquet, CSV)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from lawnlp.measures.text import as_report
from lawnlp.schema import Report

Item = Report | dict | str | os.PathLike


def load_reports(items: Iterable[Item]) -> list[Report]:
    """Reports from Reports, their dict form, or result files (``lawnlp analyze`` JSONL; a parquet or
    CSV paragraph table as written by ``to_frame``)."""
    out: list[Report] = []
    for item in items:
        if isinstance(item, (str, os.PathLike)):
            path = os.fspath(item)
            if path.endswith((".parquet", ".csv")):
                out.extend(_from_table(path))
            else:
                from lawnlp.rows import read_results

                out.extend(as_report(d) for d in read_results(path))
        else:
            out.append(as_report(item))
    return out


def _cell(value: Any) -> Any:
    """A table cell as a plain value: arrays and lists as lists, a list written as text (CSV) parsed,
    missing values as None."""
    import ast

    import pandas as pd

    if hasattr(value, "tolist") and not isinstance(value, str):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, str) and value.startswith("[") and value.endswith("]"):
        try:
            return list(ast.literal_eval(value))
        except (ValueError, SyntaxError):
            return value
    return None if pd.isna(value) else value


def _from_table(path: str) -> list[Report]:
    """Reports of a paragraph table (``to_frame`` columns) written as parquet or CSV."""
    import pandas as pd

    df = pd.read_parquet(path) if path.endswith(".parquet") else pd.read_csv(path)
    reports = []
    for source, rows in df.groupby("source", sort=False):
        records = [{k: _cell(v) for k, v in r.items()} for r in rows.to_dict("records")]
        first = records[0]
        meta = {k: first.get(k) for k in ("entity", "county", "year", "level", "published") if k in first}
        if meta.get("year") is not None:
            meta["year"] = int(meta["year"])
        for r in records:
            for k in ("index", "line", "heading_level"):
                if r.get(k) is not None:
                    r[k] = int(r[k])
        paragraphs = [r for r in records if r.get("index") is not None]
        reports.append(as_report({"source": source, "meta": meta, "paragraphs": paragraphs}))
    return reports
