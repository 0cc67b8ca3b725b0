"""The research measures as files and readable tables: ``lawnlp audit`` (each report's audit and
indicators: a table, JSONL, CSV or Parquet) and ``lawnlp compare`` (the across-report tables of
lawnlp.measures.compare as CSV or Parquet files in a folder).

    lawnlp audit reports/ -o audit.csv      # audit.csv (one row per report) + audit.indicators.csv
    lawnlp compare results.jsonl -o tables/  # tables/reports.csv, year_over_year.csv, copying.csv, corpus.csv
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lawnlp.jsonl import write_jsonl
from lawnlp.labels import SECTION_IDS
from lawnlp.rows import AUDIT_COLUMNS, INDICATOR_ROW_COLUMNS, csv_value, indicator_rows, report_row
from lawnlp.schema import PART_IDS, Report

AUDIT_FORMATS = {".jsonl": "jsonl", ".json": "jsonl", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}
# One row per report in `lawnlp audit -o x.csv`: the report's fields, characters per section, the audit.
AUDIT_ROW_COLUMNS = (
    ("source", "entity", "county", "year", "level", "error", "published")
    + tuple(f"chars_{s}" for s in SECTION_IDS)
    + AUDIT_COLUMNS
)
COMPARE_TABLES = ("reports", "year_over_year", "copying", "corpus")
PART_LETTERS = {"measures": "M", "leadership": "L", "shortcomings": "S", "causes": "C", "plans": "N"}


def audit_format(path: str | os.PathLike) -> str:
    """jsonl, csv or parquet, from the suffix of ``path``; ValueError for another suffix."""
    suffix = Path(path).suffix.lower()
    if suffix not in AUDIT_FORMATS:
        raise ValueError(f"{path}: write the audit as .jsonl, .csv or .parquet, not {suffix or 'no suffix'}")
    return AUDIT_FORMATS[suffix]


def audit_record(report: Report) -> dict[str, Any]:
    """What ``lawnlp audit`` writes of a report in JSONL: its fields, the whole audit (items, evidence)
    and its indicators."""
    m = report.meta
    return {
        "source": report.source,
        "entity": m.entity,
        "county": m.county,
        "year": m.year,
        "level": m.level,
        "error": report.error,
        "audit": report.audit.to_dict() if report.audit else None,
        "indicators": [i.to_dict() for i in report.indicators],
    }


def indicators_path(path: str | os.PathLike) -> Path:
    """Where the indicator table of an audit table goes: ``audit.csv`` -> ``audit.indicators.csv``."""
    p = Path(path)
    return p.with_name(f"{p.stem}.indicators{p.suffix}")


def _frame(rows: list[dict[str, Any]], columns: Iterable[str]):
    import pandas as pd

    df = pd.DataFrame(rows, columns=list(columns))
    for col in ("year", "paragraph", "line", "shortcoming_items"):
        if col in df:
            df[col] = df[col].astype("Int64")
    return df


def _write_table(df: Any, path: Path, fmt: str) -> None:
    """A DataFrame as CSV (lists joined, see ``_csv_cell``) or Parquet, written atomically."""
    tmp = path.with_name(path.name + ".tmp")
    if fmt == "csv":
        columns = list(df.columns)
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(columns)
            writer.writerows([[_csv_cell(c, row[c]) for c in columns] for row in df.to_dict("records")])
    else:
        df.to_parquet(tmp, index=False)
    os.replace(tmp, path)


def _csv_cell(column: str, value: Any) -> Any:
    """A cell of a measures table in CSV: lists joined by ';' (a pair of paragraph indices as a:b),
    missing values empty."""
    if hasattr(value, "tolist") and not isinstance(value, str):
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return ";".join(":".join(map(str, v)) if isinstance(v, (list, tuple)) else str(v) for v in value)
    import pandas as pd

    if pd.api.types.is_scalar(value) and pd.isna(value):
        return ""
    return csv_value(column, value)


def write_audit(reports: list[Report], path: str | os.PathLike) -> list[tuple[Path, int]]:
    """Write the audits and indicators of ``reports`` to ``path`` (format from its suffix): JSONL, one
    ``audit_record`` per report; CSV or Parquet, one row per report (AUDIT_ROW_COLUMNS) and, beside it
    (``indicators_path``), one row per indicator (lawnlp.rows.INDICATOR_ROW_COLUMNS). Returns each file
    written with its row count."""
    fmt, path = audit_format(path), Path(path)
    if fmt == "jsonl":
        write_jsonl(path, (audit_record(r) for r in reports))
        return [(path, len(reports))]
    values = [row for r in reports for row in indicator_rows(r)]
    _write_table(_frame([report_row(r) for r in reports], AUDIT_ROW_COLUMNS), path, fmt)
    _write_table(_frame(values, INDICATOR_ROW_COLUMNS), indicators_path(path), fmt)
    return [(path, len(reports)), (indicators_path(path), len(values))]


def _num(x: float | None, digits: int = 2) -> str:
    return "-" if x is None else f"{x:.{digits}f}"


def format_audit_table(reports: Iterable[Report]) -> str:
    """One line per report (file, entity, year, level, parts present as M L S C N, missing, items, ratio,
    figures per 1,000 characters, mean specificity, plan coverage, published and on time, boilerplate
    share), then its indicators (id value unit, paragraph)."""
    lines = []
    for r in reports:
        name = Path(r.source).name
        if r.error or r.audit is None:
            lines.append(f"{name}\tERROR: {r.error or 'no audit (analysed without measures)'}")
            continue
        a, m = r.audit, r.meta
        parts = "".join(PART_LETTERS[p] if a.parts[p] else "-" for p in PART_IDS)
        when = "-" if a.published is None else a.published + {True: " on time", False: " late", None: ""}[a.on_time]
        lines.append(
            f"{name}\t{m.entity or '?'}\t{m.year or '?'}\t{m.level}\tparts {parts}\t"
            f"missing: {', '.join(a.missing) or '-'}\titems {a.shortcoming_items}\t"
            f"ratio {_num(a.shortcoming_ratio)}\tfigures/1000 {_num(a.figures_per_1000, 1)}\t"
            f"specificity {_num(a.specificity_mean)}\tplan coverage {_num(a.plan_coverage)}\t"
            f"published {when}\tboilerplate {_num(a.boilerplate_share)}"
        )
        stated = [f"{i.id} {'~' if i.approx else ''}{i.value:g} {i.unit} (¶{i.paragraph})" for i in r.indicators]
        lines.append(f"    indicators: {'; '.join(stated) or '-'}")
    return "\n".join(lines)


def write_comparison(
    comparison: Any, folder: str | os.PathLike, fmt: str = "csv", by: Iterable[str] = ("level", "year")
) -> list[tuple[Path, int]]:
    """Write the tables of a ``lawnlp.measures.Comparison`` into ``folder`` (made when missing, its parent
    must exist): reports, year_over_year, copying and ``corpus(by)``, as ``<table>.<fmt>`` (csv or
    parquet). Returns each file written with its row count."""
    folder = Path(folder)
    folder.mkdir(exist_ok=True)
    frames = {
        "reports": comparison.reports,
        "year_over_year": comparison.year_over_year,
        "copying": comparison.copying,
        "corpus": comparison.corpus(by=list(by)),
    }
    out = []
    for name in COMPARE_TABLES:
        df, path = frames[name], folder / f"{name}.{fmt}"
        _write_table(df, path, fmt)
        out.append((path, len(df)))
    return out
