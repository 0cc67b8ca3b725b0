"""JSON Lines: the one reader and writer of the library (annotations, result files, label files)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from lawnlp.errors import ReportError


def read_jsonl(path: str | os.PathLike, *, partial_last_line: bool = False) -> Iterator[tuple[int, dict]]:
    """(line number, object) for each non-blank line of a JSONL file; errors name the file and line.

    ``partial_last_line``: a last line without its newline that is not valid JSON (a run killed while
    writing it) is dropped instead of raising.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReportError(f"cannot read: {exc.strerror or exc}", str(path)) from None
    lines = data.split(b"\n")
    for lineno, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        last = lineno == len(lines)  # no newline after it
        try:
            obj = json.loads(raw.decode("utf-8-sig" if lineno == 1 else "utf-8"))
        except UnicodeDecodeError as exc:
            if partial_last_line and last:
                return
            raise ReportError(f"not UTF-8 ({exc.reason} at byte {exc.start})", str(path), lineno) from None
        except json.JSONDecodeError as exc:
            if partial_last_line and last:
                return
            raise ReportError(f"bad JSON: {exc.msg} (column {exc.colno})", str(path), lineno) from None
        if not isinstance(obj, dict):
            raise ReportError("each line must be a JSON object", str(path), lineno)
        yield lineno, obj


def dumps(obj: Any) -> str:
    """One JSONL line (without the newline): UTF-8 text, not ASCII escapes."""
    return json.dumps(obj, ensure_ascii=False)


def write_jsonl(path: str | os.PathLike, rows: Iterable[dict]) -> Path:
    """Write ``rows`` as JSONL, atomically (a temporary file renamed over ``path``)."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(dumps(row) + "\n")
    os.replace(tmp, path)
    return path
