"""Result files of ``lawnlp analyze``: JSONL (one object per report), CSV and Parquet (one row per
paragraph, lawnlp.rows), flushed per report and resumable after a killed run.

Every format is written atomically: the run appends to ``PATH.partial`` (Parquet: the journal
``PATH.partial.jsonl``), flushed per report, and only a run that ends (also by Ctrl-C or an error)
renames it over ``PATH`` (Parquet: writes ``PATH.tmp`` and renames it). ``PATH`` is therefore always
either the previous complete file or the new complete one, never empty or cut off; a killed run leaves
its work in the partial file. ``resume`` takes up both: it keeps every complete report of ``PATH`` and
of the partial file (a cut anywhere, also inside a UTF-8 character, loses only the report it cuts),
drops the reports that failed so that they are analysed again, and writes what it keeps to a new
partial file (a temporary file renamed over it), then appends.

Long: three formats share one resume protocol (read back tolerantly, keep, rewrite atomically, append,
rename), and each reads its own format back; split up, the protocol would be spread over modules.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from typing import Any

from lawnlp.errors import ReportError
from lawnlp.jsonl import dumps
from lawnlp.rows import PARAGRAPH_ROW_COLUMNS, arrow_schema, csv_value, paragraph_rows, read_results
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
    """Sources compare as real paths when they name files (a run may resume from another folder, or name
    a file through a link)."""
    source = source or ""
    return os.path.realpath(source) if source and not source.startswith("<") and os.path.exists(source) else source


def check_writable(path: str | os.PathLike) -> None:
    """Raise a one-line ReportError, before any work, when ``path`` cannot be written."""
    path = os.fspath(path)
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(path):
        raise ReportError("is a folder; name the result file to write, e.g. -o results.jsonl", path)
    if not os.path.isdir(folder):
        raise ReportError(f"the folder {folder} does not exist; create it or choose another -o", path)
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ReportError(f"cannot write in the folder {folder} (permission denied); choose another -o", path)
    if os.path.exists(path) and not os.access(path, os.W_OK):
        raise ReportError("the result file is not writable (permission denied); choose another -o", path)


def _replace_atomically(path: str, write: Any) -> None:
    """``write(binary file)`` into ``path.tmp``, flushed to disk, then renamed over ``path``."""
    tmp = path + ".tmp"
    try:
        with open(tmp, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        _remove(tmp)
        raise ReportError(f"cannot write: {exc.strerror or exc}", path) from None


def _remove(path: str) -> None:
    try:
        os.remove(path)
    except FileNotFoundError:
        pass


def _complete_lines(data: bytes) -> Iterator[bytes]:
    """The lines of ``data`` that end with a newline (a cut-off last line is left out)."""
    end = data.rfind(b"\n")
    if end >= 0:
        yield from data[: end + 1].splitlines(keepends=True)


def _jsonl_reports(path: str) -> Iterator[tuple[str, bytes, bool]]:
    """(key, line, failed) of every complete, readable report line of a JSONL result file."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ReportError(f"cannot read to resume: {exc.strerror or exc}", path) from None
    for raw in _complete_lines(data):
        try:
            obj = json.loads(raw)
        except ValueError:
            continue  # a damaged line: its report is analysed again
        if isinstance(obj, dict) and "source" in obj:
            yield result_key(obj.get("source")), raw if raw.endswith(b"\n") else raw + b"\n", bool(obj.get("error"))


class _Resumable:
    """What the writers share: ``done`` (keys of the reports kept), ``retried`` (failed reports dropped so
    that they run again), the partial file, and the final rename."""

    def __init__(self, path: str, partial: str):
        check_writable(path)
        self.path, self.partial = path, partial
        self.done: set[str] = set()
        self.retried = 0
        self.f: Any = None

    def _keep(self, items: list[tuple[str, Any, bool]]) -> list[Any]:
        """The items to keep, one per key (the last written wins), failed ones dropped and counted."""
        last: dict[str, tuple[Any, bool]] = {}
        for key, item, failed in items:
            last.pop(key, None)
            last[key] = (item, failed)
        self.retried = sum(failed for _, failed in last.values())
        kept = {key: item for key, (item, failed) in last.items() if not failed}
        self.done = set(kept)
        return list(kept.values())

    def _open_partial(self) -> None:
        try:
            self.f = open(self.partial, "ab")
        except OSError as exc:
            raise ReportError(f"cannot write: {exc.strerror or exc}", self.partial) from None

    def _finish(self) -> None:
        """Flush the partial file to disk and rename it over the result file."""
        if self.f is None:
            return
        self.f.flush()
        os.fsync(self.f.fileno())
        self.f.close()
        self.f = None
        os.replace(self.partial, self.path)


class _JsonlOut(_Resumable):
    """One JSON object per report (see the module docstring)."""

    def __init__(self, path: str, resume: bool):
        super().__init__(path, path + ".partial")
        lines: list[bytes] = []
        if resume:
            lines = self._keep([*_jsonl_reports(path), *_jsonl_reports(self.partial)])
        _replace_atomically(self.partial, lambda f: f.writelines(lines))
        self._open_partial()

    def write(self, report: Report) -> None:
        self.f.write((dumps(report.to_dict()) + "\n").encode("utf-8"))
        self.f.flush()

    def close(self) -> None:
        self._finish()


def _csv_line(values: list[Any]) -> bytes:
    buf = io.StringIO()
    csv.writer(buf).writerow(values)
    return buf.getvalue().encode("utf-8")


class _CsvOut(_Resumable):
    """One row per paragraph with the report's fields (lawnlp.rows.PARAGRAPH_ROW_COLUMNS); list columns
    joined by ';' (see the module docstring). On resume a report is kept only when all its rows are."""

    def __init__(self, path: str, resume: bool):
        super().__init__(path, path + ".partial")
        self.columns = list(PARAGRAPH_ROW_COLUMNS)
        groups: list[tuple[str, Any, bool]] = []
        if resume:
            for source in (path, self.partial):
                groups += self._reports(source)
        kept = self._keep(groups)
        header = _csv_line(self.columns)
        _replace_atomically(self.partial, lambda f: f.writelines([header, *(b"".join(g) for g in kept)]))
        self._open_partial()

    def _reports(self, path: str) -> list[tuple[str, list[bytes], bool]]:
        """(key, row lines, failed) of every report written in full in a CSV result file."""
        try:
            with open(path, "rb") as f:
                data = f.read()
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise ReportError(f"cannot read to resume: {exc.strerror or exc}", path) from None
        # Complete lines only: a cut inside a row, or inside a UTF-8 character, drops that row.
        lines = [raw for raw in _complete_lines(data)]
        if not lines:
            return []
        header = next(csv.reader([lines[0].decode("utf-8-sig", errors="replace")]), [])
        if header != self.columns:
            raise ReportError(
                "cannot resume: the file has other columns (written by another lawnlp version?); "
                "run without --resume or choose another -o",
                path,
            )
        i_src, i_n, i_err = (self.columns.index(c) for c in ("source", "n_paragraphs", "error"))
        out: list[tuple[str, list[bytes], bool]] = []
        group: list[bytes] = []
        group_row: list[str] | None = None

        def flush() -> None:
            if group_row is not None:
                n = group_row[i_n]
                if n.isdigit() and len(group) == max(1, int(n)):
                    out.append((result_key(group_row[i_src]), list(group), bool(group_row[i_err])))

        for raw in lines[1:]:
            try:
                row = next(csv.reader([raw.decode("utf-8")]))
            except (UnicodeDecodeError, csv.Error, StopIteration):
                row = None
            if row is None or len(row) != len(self.columns):
                flush()
                group, group_row = [], None  # a damaged row: its report is analysed again
                continue
            if group_row is None or row[i_src] != group_row[i_src]:
                flush()
                group, group_row = [], row
            group.append(raw)
        flush()
        return out

    def write(self, report: Report) -> None:
        rows = paragraph_rows(report)
        self.f.write(b"".join(_csv_line([csv_value(k, row[k]) for k in self.columns]) for row in rows))
        self.f.flush()

    def close(self) -> None:
        self._finish()


class _ParquetOut(_Resumable):
    """One row per paragraph (like CSV; list columns as lists). Reports are journalled, flushed per
    report, to ``PATH.partial.jsonl``; the Parquet file is written (``PATH.tmp``, renamed) when the run
    ends, also on Ctrl-C or an error. A killed run leaves the journal, which ``resume`` takes up."""

    def __init__(self, path: str, resume: bool):
        super().__init__(path, path + ".partial.jsonl")
        self.old = None
        items: list[tuple[str, Any, bool]] = []
        if resume and os.path.exists(path):
            import pyarrow.parquet as pq

            try:
                self.old = pq.read_table(path)
            except Exception as exc:
                raise ReportError(
                    f"cannot resume: not a readable Parquet file ({type(exc).__name__}); "
                    "run without --resume or choose another -o",
                    path,
                ) from None
            names = self.old.column_names
            sources = self.old.column("source").to_pylist()
            errors = self.old.column("error").to_pylist() if "error" in names else [None] * len(sources)
            items += [(result_key(s), None, bool(e)) for s, e in zip(sources, errors)]
        if resume:
            items += list(_jsonl_reports(self.partial))
        kept = self._keep(items)
        if self.old is not None:
            self.old = self._old_rows(self.old)
        _replace_atomically(self.partial, lambda f: f.writelines(line for line in kept if line is not None))
        self._open_partial()

    def _old_rows(self, table: Any) -> Any:
        """The old table's rows of the reports kept (not failed, not redone in the journal), in the
        current column layout (a column it lacks comes out empty)."""
        import pyarrow as pa

        schema = arrow_schema(PARAGRAPH_ROW_COLUMNS)
        journal = {key for key, _, _ in _jsonl_reports(self.partial)}
        keep = [result_key(s) in self.done and result_key(s) not in journal for s in table.column("source").to_pylist()]
        table = table.filter(pa.array(keep, type=pa.bool_()))
        columns = [
            table.column(f.name).cast(f.type) if f.name in table.column_names else pa.nulls(table.num_rows, f.type)
            for f in schema
        ]
        return pa.Table.from_arrays(columns, schema=schema)

    def write(self, report: Report) -> None:
        self.f.write((dumps(report.to_dict()) + "\n").encode("utf-8"))
        self.f.flush()

    def close(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self.f is None:
            return
        self.f.flush()
        os.fsync(self.f.fileno())
        self.f.close()
        self.f = None
        schema = arrow_schema(PARAGRAPH_ROW_COLUMNS)

        def write(f: Any) -> None:
            with pq.ParquetWriter(f, schema) as writer:
                if self.old is not None and self.old.num_rows:
                    writer.write_table(self.old)
                rows: list[dict[str, Any]] = []
                for report in read_results(self.partial, fmt="jsonl"):
                    rows += paragraph_rows(report)
                    if len(rows) >= 20000:
                        writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                        rows = []
                if rows or not (self.old is not None and self.old.num_rows):
                    writer.write_table(pa.Table.from_pylist(rows, schema=schema))

        _replace_atomically(self.path, write)
        _remove(self.partial)


def open_output(path: str, fmt: str, resume: bool = False):
    """A result writer (``write(report)``, ``close()``; ``done``: the keys of the reports already in the
    file, ``retried``: failed reports dropped to run again). Raises ReportError when ``path`` cannot be
    written, before any work."""
    return {"jsonl": _JsonlOut, "csv": _CsvOut, "parquet": _ParquetOut}[fmt](path, resume)
