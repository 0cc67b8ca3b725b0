"""Result files of ``lawnlp analyze``: JSONL (one object per report), CSV and Parquet (one row per
paragraph, lawnlp.rows), flushed per report and resumable after a killed run."""

from __future__ import annotations

import json
import os
from typing import Any

from lawnlp.jsonl import dumps
from lawnlp.rows import PARAGRAPH_ROW_COLUMNS, arrow_schema, paragraph_rows, read_results
from lawnlp.schema import Report

FORMATS = ("jsonl", "csv", "parquet")


def output_format(path: str | os.PathLike | None, fmt: str | None = None) -> str:
    """The format asked for, else the one the output file's suffix names (.csv, .parquet), else JSONL."""
    if fmt:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r} (use one of {', '.join(FORMATS)})")
        return fmt
    suffix = os.path.splitext(os.fspath(path or ""))[1].lower()
    return {".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}.get(suffix, "jsonl")


def result_key(source: str | None) -> str:
    """Sources compare as absolute paths when they name files (a run may resume from another folder)."""
    source = source or ""
    return os.path.abspath(source) if source and not source.startswith("<") and os.path.exists(source) else source


class _JsonlOut:
    """One JSON object per report, flushed per report. A cut-off last line (a killed run) is dropped."""

    def __init__(self, path: str, resume: bool):
        self.path, self.done = path, set()
        keep = 0
        if resume and os.path.exists(path):
            with open(path, "rb") as f:
                pos = 0
                for raw in f:
                    try:
                        obj = json.loads(raw)
                    except ValueError:
                        break
                    if not raw.endswith(b"\n"):
                        break
                    pos += len(raw)
                    keep = pos
                    self.done.add(result_key(obj.get("source")))
        self.f = open(path, "r+b" if keep else "wb")
        self.f.seek(keep)
        self.f.truncate()

    def write(self, report: Report) -> None:
        self.f.write((dumps(report.to_dict()) + "\n").encode("utf-8"))
        self.f.flush()

    def close(self) -> None:
        self.f.close()


def _csv_value(key: str, value: Any) -> Any:
    if key == "themes":
        return ";".join(value) if value else ""
    return "" if value is None else value


class _CsvOut:
    """One row per paragraph with the report's metadata (lawnlp.rows.PARAGRAPH_ROW_COLUMNS), flushed per
    report; themes joined by ';'. On resume a report cut off by a killed run is removed and redone."""

    def __init__(self, path: str, resume: bool):
        import csv

        self.path, self.columns, self.done = path, list(PARAGRAPH_ROW_COLUMNS), set()
        rows: list[list[str]] = []
        if resume and os.path.exists(path) and os.path.getsize(path):
            with open(path, encoding="utf-8", newline="") as f:
                data = list(csv.reader(f))
            if data and data[0] == self.columns:
                rows = self._complete(data[1:])
        self.f = open(path, "w", encoding="utf-8", newline="")
        self.writer = csv.writer(self.f)
        self.writer.writerow(self.columns)
        self.writer.writerows(rows)
        self.f.flush()

    def _complete(self, rows: list[list[str]]) -> list[list[str]]:
        """The rows of the reports written in full (their row count matches their n_paragraphs)."""
        i_src, i_n = self.columns.index("source"), self.columns.index("n_paragraphs")
        keep: list[list[str]] = []
        start = 0
        while start < len(rows):
            src = rows[start][i_src] if len(rows[start]) == len(self.columns) else None
            end = start
            while end < len(rows) and len(rows[end]) == len(self.columns) and rows[end][i_src] == src:
                end += 1
            if src is None:
                break
            want = max(1, int(rows[start][i_n] or 0)) if rows[start][i_n].isdigit() else -1
            if end - start == want:
                keep += rows[start:end]
                self.done.add(result_key(src))
            start = max(end, start + 1)
        return keep

    def write(self, report: Report) -> None:
        self.writer.writerows([[_csv_value(k, row[k]) for k in self.columns] for row in paragraph_rows(report)])
        self.f.flush()

    def close(self) -> None:
        self.f.close()


class _ParquetOut:
    """One row per paragraph (like CSV; themes a list column). Reports are journalled, flushed per
    report, to ``PATH.partial.jsonl`` and the Parquet file is (re)written when the run ends (also on
    Ctrl-C or an error); a killed run leaves the journal, which ``resume`` takes up: nothing is lost."""

    def __init__(self, path: str, resume: bool):
        self.path, self.journal_path = path, path + ".partial.jsonl"
        self.done: set[str] = set()
        self.old = None
        if resume and os.path.exists(path):
            import pyarrow.parquet as pq

            self.old = pq.read_table(path)
            counts: dict[str, int] = {}
            for s in self.old.column("source").to_pylist():
                counts[s] = counts.get(s, 0) + 1
            self.done |= {result_key(s) for s in counts}
        if not resume and os.path.exists(self.journal_path):
            os.remove(self.journal_path)
        self.journal = _JsonlOut(self.journal_path, resume=True)
        self.done |= self.journal.done

    @staticmethod
    def schema():
        return arrow_schema(PARAGRAPH_ROW_COLUMNS)

    def write(self, report: Report) -> None:
        self.journal.write(report)

    def close(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.journal.close()
        schema = self.schema()
        tmp = self.path + ".tmp"
        with pq.ParquetWriter(tmp, schema) as writer:
            if self.old is not None and self.old.num_rows:
                writer.write_table(self.old.select(schema.names).cast(schema))
            rows: list[dict[str, Any]] = []
            for report in read_results(self.journal_path):
                rows += paragraph_rows(report)
                if len(rows) >= 20000:
                    writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                    rows = []
            if rows:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
        os.replace(tmp, self.path)
        os.remove(self.journal_path)


def open_output(path: str, fmt: str, resume: bool = False):
    """A result writer (``write(report)``, ``close()``, ``done``: the sources already in the file)."""
    return {"jsonl": _JsonlOut, "csv": _CsvOut, "parquet": _ParquetOut}[fmt](path, resume)
