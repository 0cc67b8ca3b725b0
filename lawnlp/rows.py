"""The one row layout of analysed reports, used by data frames, CSV and Parquet result files and Ray.

- paragraph rows: one row per paragraph, the report's fields repeated (``PARAGRAPH_ROW_COLUMNS``);
  a report without paragraphs (an error) gives one row with empty paragraph fields;
- report rows: one row per report with its themes, brief and section sizes (``REPORT_ROW_COLUMNS``);
- indicator rows: one row per indicator value a report states (``INDICATOR_ROW_COLUMNS``).

Both end with the report's ``RESULT_COLUMNS``: its brief (repeated on each paragraph row, so that a
filtered table keeps it, as entity and county are kept; Parquet stores the repeats once per page by
dictionary encoding), its warnings, genre score, provenance (``PROVENANCE_COLUMNS``, the keys of
``Report.provenance``) and the report-level fields of its audit (``AUDIT_COLUMNS``; research-measures.md).
A paragraph row also holds the indicators stated in that paragraph (``indicators``: a list of
``Indicator.to_dict()``), so CSV and Parquet keep every indicator and the audit's report-level fields;
the audit's per-item detail (``items``, ``specificity`` per item, ``evidence``) is kept by JSONL only.
``read_results`` reads any result file back into report dicts.

Long: the one row layout of every table and result format, with its reader, kept in one place so that
writing and reading cannot drift apart.

Reports may be ``Report`` objects or their ``to_dict()`` form (a line of ``lawnlp analyze`` JSONL).
"""

from __future__ import annotations

import ast
import csv
import json
import math
import os
from collections.abc import Iterator
from typing import Any

from lawnlp.config import GENRE
from lawnlp.labels import SECTION_IDS
from lawnlp.schema import Report

# Report fields repeated on every paragraph row, then the paragraph's own fields.
REPORT_COLUMNS = ("source", "entity", "county", "year", "level", "n_paragraphs", "error")
PARAGRAPH_COLUMNS = ("index", "line", "text", "section", "themes", "heading_level", "numbering", "debris")
# Where each report column lives in a report's dict form (``Report.to_dict()``).
PROVENANCE_COLUMNS = ("lawnlp_version", "backend", "sections_model", "themes_model", "base_encoder", "accel", "cascade")
# The report-level fields of Report.audit (lawnlp.measures; chars per section are the chars_* columns).
PART_COLUMNS = tuple(f"part_{p}" for p in ("measures", "leadership", "shortcomings", "causes", "plans"))
AUDIT_FIELDS = ("missing", "shortcoming_ratio", "shortcoming_items", "figures_per_1000", "specificity_mean")
AUDIT_FIELDS += ("plan_coverage", "unaddressed", "on_time", "boilerplate_share")
AUDIT_COLUMNS = PART_COLUMNS + AUDIT_FIELDS
# not_report: the genre score is below GENRE.threshold (lawnlp.text.genre); derived, not stored.
# published: the metadata's date, else the audit's (found in the text).
RESULT_COLUMNS = ("published", "brief", "warnings", "genre", "not_report") + PROVENANCE_COLUMNS + AUDIT_COLUMNS
FIELD_PATHS: dict[str, tuple[str, ...]] = {
    "source": ("source",),
    "entity": ("meta", "entity"),
    "county": ("meta", "county"),
    "year": ("meta", "year"),
    "level": ("meta", "level"),
    "published": ("meta", "published"),
    "error": ("error",),
    "brief": ("brief", "text"),
    "warnings": ("warnings",),
    "genre": ("genre",),
} | {c: ("provenance", c) for c in PROVENANCE_COLUMNS}
FIELD_PATHS |= {c: ("audit", "parts", c[5:]) for c in PART_COLUMNS} | {c: ("audit", c) for c in AUDIT_FIELDS}
PARAGRAPH_ROW_COLUMNS = REPORT_COLUMNS + PARAGRAPH_COLUMNS + ("indicators",) + RESULT_COLUMNS
REPORT_ROW_COLUMNS = (
    REPORT_COLUMNS
    + ("themes",)
    + tuple(f"n_{s}" for s in SECTION_IDS)
    + tuple(f"chars_{s}" for s in SECTION_IDS)
    + RESULT_COLUMNS
)
INDICATOR_FIELDS = ("id", "value", "unit", "paragraph", "line", "clause", "approx")
INDICATOR_ROW_COLUMNS = ("source", "entity", "county", "year", "level") + INDICATOR_FIELDS
# Column types (Arrow type names) for typed tables; every other column is a string.
INT_COLUMNS = frozenset(
    {"year", "n_paragraphs", "index", "line", "heading_level", "shortcoming_items"}
    | {f"n_{s}" for s in SECTION_IDS}
    | {f"chars_{s}" for s in SECTION_IDS}
)
LIST_COLUMNS = frozenset({"themes", "warnings", "missing", "unaddressed"})
BOOL_COLUMNS = frozenset({"debris", "not_report", "on_time"} | set(PART_COLUMNS))
FLOAT_COLUMNS = frozenset({"genre", "shortcoming_ratio", "figures_per_1000", "specificity_mean"})
FLOAT_COLUMNS |= {"plan_coverage", "boilerplate_share"}
# How CSV writes a list: ids joined by ';', warnings (sentences) by ' | '; indicators as JSON.
LIST_SEPARATORS = {"themes": ";", "warnings": " | ", "missing": ";", "unaddressed": ";"}
RESULT_SUFFIXES = {".jsonl": "jsonl", ".json": "jsonl", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}


def as_dict(report: Report | dict[str, Any]) -> dict[str, Any]:
    """A report as its ``to_dict()`` form."""
    return report.to_dict() if isinstance(report, Report) else report


def _get(d: dict[str, Any], path: tuple[str, ...]) -> Any:
    for key in path:
        d = d.get(key) if isinstance(d, dict) else None
        if d is None:
            return None
    return d


def not_report(report: Report | dict[str, Any]) -> bool:
    """Does the genre check say this is not a 法治政府建设年度报告 (score below ``GENRE.threshold``)?"""
    genre = as_dict(report).get("genre")
    return genre is not None and genre < GENRE.threshold


def report_fields(report: Report | dict[str, Any]) -> dict[str, Any]:
    """The report-level columns shared by both kinds of rows (REPORT_COLUMNS and RESULT_COLUMNS)."""
    d = as_dict(report)
    row = {c: _get(d, path) for c, path in FIELD_PATHS.items()}
    row["level"] = row["level"] or "unknown"
    row["n_paragraphs"] = len(d.get("paragraphs") or [])
    row["warnings"] = list(row["warnings"] or [])
    row["not_report"] = not_report(d)
    if row["brief"] is None and isinstance(d.get("brief"), str):
        row["brief"] = d["brief"]
    row["published"] = row["published"] or _get(d, ("audit", "published"))
    for c in ("missing", "unaddressed"):
        row[c] = None if row[c] is None else list(row[c])
    return row


def _indicators(d: dict[str, Any]) -> list[dict[str, Any]]:
    return [i if isinstance(i, dict) else i.to_dict() for i in d.get("indicators") or []]


def paragraph_rows(report: Report | dict[str, Any]) -> list[dict[str, Any]]:
    """One row per paragraph with the report's fields (one row with empty paragraph fields when the
    report has no paragraphs, so every report appears in a paragraph table)."""
    d = as_dict(report)
    head = report_fields(d)
    paragraphs = d.get("paragraphs") or []
    if not paragraphs:
        return [head | {k: None for k in PARAGRAPH_COLUMNS} | {"indicators": None}]
    stated: dict[Any, list[dict[str, Any]]] = {}
    for i in _indicators(d):
        stated.setdefault(i.get("paragraph"), []).append(i)
    return [
        head
        | {k: (list(p.get(k) or []) if k == "themes" else p.get(k)) for k in PARAGRAPH_COLUMNS}
        | {"indicators": stated.get(p.get("index"), [])}
        for p in paragraphs
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
    row["themes"] = list(d.get("themes") or themes)
    for s in SECTION_IDS:
        own = [p for p in paragraphs if p.get("section") == s]
        row[f"n_{s}"] = len(own)
        row[f"chars_{s}"] = sum(len(p.get("text") or "") for p in own)
    return row


def indicator_rows(report: Report | dict[str, Any]) -> list[dict[str, Any]]:
    """One row per indicator value the report states: its source, entity, county, year and level, then
    the indicator's fields (``INDICATOR_ROW_COLUMNS``); none for a report without indicators."""
    d = as_dict(report)
    head = {c: _get(d, FIELD_PATHS[c]) for c in INDICATOR_ROW_COLUMNS[:5]}
    head["level"] = head["level"] or "unknown"
    return [head | {k: i.get(k) for k in INDICATOR_FIELDS} for i in _indicators(d)]


def arrow_schema(columns: tuple[str, ...]):
    """The Arrow schema of a table with ``columns`` (types from INT/LIST/BOOL_COLUMNS, else string)."""
    import pyarrow as pa

    def kind(c: str):
        if c == "indicators":
            types = {"value": pa.float64(), "paragraph": pa.int64(), "line": pa.int64(), "approx": pa.bool_()}
            return pa.list_(pa.struct([(k, types.get(k, pa.string())) for k in INDICATOR_FIELDS]))
        if c in INT_COLUMNS:
            return pa.int64()
        if c in LIST_COLUMNS:
            return pa.list_(pa.string())
        if c in BOOL_COLUMNS:
            return pa.bool_()
        if c in FLOAT_COLUMNS:
            return pa.float64()
        return pa.string()

    return pa.schema([(c, kind(c)) for c in columns])


def csv_value(key: str, value: Any) -> Any:
    """A cell as CSV writes it: lists joined (LIST_SEPARATORS), indicators as JSON, None as empty."""
    if key == "indicators":
        return json.dumps(value, ensure_ascii=False) if value else ""
    if key in LIST_COLUMNS:
        return LIST_SEPARATORS[key].join(value) if value else ""
    return "" if value is None else value


def _from_csv(key: str, text: str) -> Any:
    """A CSV cell back to its value (the inverse of ``csv_value``; a list written by pandas, ``['a', 'b']``,
    and a whole number written as ``2023.0`` are read too)."""
    if key == "indicators":
        return json.loads(text) if text else []
    if key in LIST_COLUMNS:
        if text.startswith("[") and text.endswith("]"):
            return [str(x) for x in ast.literal_eval(text)]
        return text.split(LIST_SEPARATORS[key]) if text else []
    if text == "":
        return None
    if key in INT_COLUMNS:
        return int(text) if text.lstrip("-").isdigit() else int(float(text))
    if key in FLOAT_COLUMNS:
        return float(text)
    if key in BOOL_COLUMNS:
        return text == "True"
    return text


def _set(d: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        d = d.setdefault(key, {})
    d[path[-1]] = value


def _clean(row: dict[str, Any]) -> dict[str, Any]:
    """A row of a table written by other tools (pandas): NaN as None, whole floats of INT_COLUMNS as int."""
    for k, v in row.items():
        if isinstance(v, float):
            row[k] = None if math.isnan(v) else int(v) if k in INT_COLUMNS else v
    return row


def _report_groups(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    """Each report's rows: ``n_paragraphs`` of them (one for a report without paragraphs); in a table
    without that column (a paragraph table of another tool), the consecutive rows of one ``source``.
    A last report whose rows are cut off is left out."""
    rows = (_clean(r) for r in rows)
    first = next(rows, None)
    while first is not None:
        group = [first]
        if "n_paragraphs" in first:
            for _ in range(max(1, int(first.get("n_paragraphs") or 0)) - 1):
                row = next(rows, None)
                if row is None:
                    return
                group.append(row)
            yield group
            first = next(rows, None)
        else:
            row = next(rows, None)
            while row is not None and row.get("source") == first.get("source"):
                group.append(row)
                row = next(rows, None)
            yield group
            first = row


def reports_from_rows(rows: Iterator[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Report dicts from paragraph rows (``paragraph_rows`` of each report, in order): a report's rows
    follow each other (``_report_groups``). The audit comes back with its report-level fields only
    (None when the rows have none), the indicators whole."""
    for group in _report_groups(rows):
        first = group[0]
        d: dict[str, Any] = {"meta": {}}
        for c, path in FIELD_PATHS.items():
            if c in first:
                _set(d, path, first[c])
        if d.get("brief") is not None and d["brief"].get("text") is None:
            d["brief"] = None
        d["meta"]["level"] = d["meta"].get("level") or "unknown"
        d["warnings"] = list(d.get("warnings") or [])
        d["provenance"] = {k: v for k, v in (d.get("provenance") or {}).items() if v is not None}
        if first.get("part_measures") is None:
            d["audit"] = None  # not computed, or a report that failed
        else:
            d["audit"]["published"] = d["meta"].get("published")
        d["indicators"] = [i for r in group for i in r.get("indicators") or []]
        paragraphs = [
            {k: (list(r.get(k) or []) if k == "themes" else r.get(k)) for k in PARAGRAPH_COLUMNS}
            for r in group
            if r.get("index") is not None
        ]
        d["paragraphs"] = paragraphs
        seen: dict[str, None] = {}
        for p in paragraphs:
            for t in p["themes"]:
                seen.setdefault(t, None)
        d["themes"] = list(seen)
        yield d


def result_fields(report: Report | dict[str, Any]) -> dict[str, Any]:
    """What every result format keeps of a report: the dict form ``read_results`` returns for CSV and
    Parquet files. The JSONL form of a report holds more (each paragraph's ``norm`` and ``headings``,
    the brief's parts); ``result_fields`` of it equals what the other formats give."""
    return next(reports_from_rows(iter(paragraph_rows(report))))


def results_format(path: str | os.PathLike) -> str:
    """The format of a result file: from its suffix, else from its first bytes (Parquet's magic number,
    a JSON object, or CSV)."""
    suffix = os.path.splitext(os.fspath(path))[1].lower()
    if suffix in RESULT_SUFFIXES:
        return RESULT_SUFFIXES[suffix]
    with open(path, "rb") as f:
        head = f.read(4)
    return "parquet" if head == b"PAR1" else "jsonl" if head.lstrip()[:1] == b"{" else "csv"


def _csv_rows(path: str) -> Iterator[dict[str, Any]]:
    """The rows of a CSV result file, typed; the text after its last line break (a cut-off row, perhaps
    inside a UTF-8 character) is left out."""
    import io

    from lawnlp.errors import ReportError

    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as exc:
        raise ReportError(f"cannot read: {exc.strerror or exc}", path) from None
    data = data[: data.rfind(b"\n") + 1]
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig", errors="replace"), newline=""))
    header = next(reader, None)
    if header is None:
        return
    missing = [c for c in ("source", "index") if c not in header]
    if missing:
        raise ReportError(
            f"not a lawnlp result table: no column {', '.join(missing)}; write it with lawnlp analyze -o", path
        )
    for lineno, values in enumerate(reader, 2):
        if len(values) != len(header):
            raise ReportError(f"{len(values)} cells for {len(header)} columns", path, lineno)
        yield {k: _from_csv(k, v) for k, v in zip(header, values)}


def _parquet_rows(path: str) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    from lawnlp.errors import ReportError

    try:
        table = pq.read_table(path)
    except Exception as exc:
        raise ReportError(f"not a readable Parquet file ({type(exc).__name__}: {exc})", path) from None
    for batch in table.to_batches(max_chunksize=20000):
        yield from batch.to_pylist()


def read_results(path: str | os.PathLike, fmt: str | None = None) -> Iterator[dict[str, Any]]:
    """The reports of a ``lawnlp analyze`` result file, JSONL, CSV or Parquet (``fmt``, else from the
    suffix or the content), as report dicts: JSONL gives each line's object; CSV and Parquet give the
    same keys with what their rows hold (``result_fields``). A cut-off last line or row is ignored."""
    path = os.fspath(path)
    fmt = fmt or results_format(path)
    if fmt == "jsonl":
        from lawnlp.jsonl import read_jsonl

        for _, obj in read_jsonl(path, partial_last_line=True):
            yield obj
    elif fmt == "csv":
        yield from reports_from_rows(_csv_rows(path))
    elif fmt == "parquet":
        yield from reports_from_rows(_parquet_rows(path))
    else:
        raise ValueError(f"unknown result format {fmt!r} (jsonl, csv or parquet)")
