"""A readable plain-text table of analysed reports (``lawnlp analyze --table``)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from lawnlp.schema import Report


def format_table(reports: Iterable[Report]) -> str:
    """One line per report (file, entity, county, year, level, paragraphs, themes) and its brief."""
    rows = []
    for r in reports:
        if r.error:
            rows.append(f"{r.source}\tERROR: {r.error}")
            continue
        m = r.meta
        rows.append(
            f"{Path(r.source).name}\t{m.entity or '?'}\t{m.county or '-'}\t{m.year or '?'}\t{m.level}\t"
            f"{len(r.paragraphs)} paragraphs\tthemes: {', '.join(r.themes) or '-'}"
        )
        if r.brief:
            rows.append(f"    brief: {r.brief.text}")
    return "\n".join(rows)
