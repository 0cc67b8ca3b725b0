"""Annotation tools: which tool exported a file, and loading it (Label Studio, doccano)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from lawnlp.annotations.schema import AnnotatedReport
from lawnlp.errors import ReportError

Tool = Literal["label_studio", "doccano"]


def _kind_of(obj: Any) -> Tool | None:
    if not isinstance(obj, dict):
        return None
    if isinstance(obj.get("data"), dict) and ("annotations" in obj or "completions" in obj):
        return "label_studio"
    if (
        isinstance(obj.get("text"), str)
        and ("label" in obj or "entities" in obj or "labels" in obj)
        and "section" not in obj
    ):
        return "doccano"
    return None


def sniff(path: str | Path) -> Tool | None:
    """Which tool exported this file: ``"label_studio"``, ``"doccano"``, or None (not an export)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    stripped = text.lstrip()
    if not stripped:
        return None
    try:
        obj = json.loads(stripped)
    except json.JSONDecodeError:
        first = stripped.split("\n", 1)[0]
        try:
            return _kind_of(json.loads(first))
        except json.JSONDecodeError:
            return None
    if isinstance(obj, list):
        return _kind_of(obj[0]) if obj else None
    return _kind_of(obj)


def load_export(path: str | Path) -> list[AnnotatedReport]:
    """Load a Label Studio or doccano export (see the module docstring) as annotated reports with meta."""
    path = Path(path)
    kind = sniff(path)
    if kind == "label_studio":
        from lawnlp.annotations.label_studio import load_label_studio

        return load_label_studio(path)
    if kind == "doccano":
        from lawnlp.annotations.doccano import load_doccano

        return load_doccano(path)
    if not path.exists():
        raise ReportError("annotation export not found", str(path))
    raise ReportError("not a Label Studio JSON export or a doccano JSONL export", str(path))
