"""Reports for the across-report tables, from whatever holds them: ``Report`` objects, their
``to_dict()`` form, or ``lawnlp analyze`` result files of any format (JSONL, CSV, Parquet; also a
paragraph table with the ``to_frame`` columns written by pandas), read by the one reader,
``lawnlp.rows.read_results``."""

from __future__ import annotations

import os
from collections.abc import Iterable

from lawnlp.measures.text import as_report
from lawnlp.rows import read_results
from lawnlp.schema import Report

Item = Report | dict | str | os.PathLike


def load_reports(items: Iterable[Item]) -> list[Report]:
    """Reports from Reports, their dict form, or result files (``lawnlp.rows.read_results``)."""
    out: list[Report] = []
    for item in items:
        if isinstance(item, (str, os.PathLike)):
            out.extend(as_report(d) for d in read_results(item))
        else:
            out.append(as_report(item))
    return out
