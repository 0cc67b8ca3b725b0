"""What a batch reads: paths, texts, bytes, (name, source) pairs or a ``datasets.Dataset``, as (source,
name) pairs; and the report files named by paths, directories and glob patterns."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lawnlp.errors import ReportError
from lawnlp.reading import SUFFIXES, Document, looks_like_path

NAME_COLUMNS = ("source", "path", "name", "id", "report_id")  # a Dataset column that names each row


def source_name(source: object) -> str:
    """How a report is named in results and errors: its path, or <text> / <bytes>."""
    if isinstance(source, Document):
        return source.source
    if isinstance(source, os.PathLike):
        return os.fsdecode(os.fspath(source))
    if isinstance(source, str) and looks_like_path(source):
        return source
    return "<bytes>" if isinstance(source, (bytes, bytearray, memoryview)) else "<text>"


def is_dataset(obj: Any) -> bool:
    """A Hugging Face ``datasets.Dataset`` / ``IterableDataset`` (duck-typed: no import needed)."""
    return hasattr(obj, "column_names") and hasattr(obj, "features") and hasattr(obj, "map")


def iter_inputs(inputs: Any, column: str | None = None) -> Iterator[tuple[Any, str | None]]:
    """(source, name) pairs of an input collection.

    ``inputs`` is an iterable of paths, texts, bytes or Documents; (name, source) pairs; or a
    ``datasets.Dataset`` whose ``column`` (default "text") holds the report texts; a column named
    source, path, name, id or report_id names the rows (else ``row:<i>``). ``dataset["text"]`` (a
    column) is an iterable of texts and works as is.
    """
    if is_dataset(inputs):
        names = list(inputs.column_names or [])
        col = column or "text"
        if names and col not in names:
            raise ValueError(f"the dataset has no column {col!r} (columns: {', '.join(names)}); pass column=...")
        name_col = next((c for c in NAME_COLUMNS if c in names and c != col), None)
        for i, row in enumerate(inputs):
            name = row.get(name_col) if name_col else None
            yield row[col], str(name) if name is not None else f"row:{i}"
        return
    if column is not None:
        for i, row in enumerate(inputs):
            name = next((row[c] for c in NAME_COLUMNS if c in row and c != column and row[c] is not None), None)
            yield row[column], str(name) if name is not None else f"row:{i}"
        return
    for item in inputs:
        if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str):
            yield item[1], item[0]
        else:
            yield item, None


def expand_paths(paths: list[str]) -> list[str]:
    """Files named directly, every report file (SUFFIXES) under a directory, and glob patterns; each file
    once (the same file named twice, or through a folder and a glob, is kept at its first place).

    Raises ReportError, naming the argument and the fix, for a path that does not exist, a glob that
    matches no file, a folder without report files, and when nothing is left to analyse.
    """
    out: list[str] = []
    seen: set[str] = set()
    suffixes = " ".join(SUFFIXES)
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = sorted(str(f) for f in path.rglob("*") if f.suffix.lower() in SUFFIXES and f.is_file())
            if not found:
                raise ReportError(f"no report files ({suffixes}) in this folder; check the folder or name the files", p)
        elif any(ch in p for ch in "*?[") and not path.exists():
            found = sorted(f for f in glob.glob(p, recursive=True) if Path(f).is_file())
            if not found:
                raise ReportError("no file matches this pattern; check the pattern and the folder it starts in", p)
        elif path.exists():
            found = [p]
        else:
            raise ReportError("no such file or folder; check the path", p)
        for f in found:
            key = os.path.realpath(f)
            if key not in seen:
                seen.add(key)
                out.append(f)
    if not out:
        raise ReportError("no report files to analyse", "<arguments>")
    return out
