"""doccano: import of its sequence-labelling export, and export in that form.

doccano (sequence-labelling JSONL export, one object per report)
    ``{"text": …, "label": [[start, end, "measures"], …, [start, end, "theme:talent_shortage"]],
    "report_id": …, "entity": …, "county": …, "year": …, "level": …, "brief": …}``:
    one span per line labelled with its section id; each theme of a line is an extra span on the same
    line labelled ``theme:<id>``; metadata fields are plain keys of the object (doccano keeps unknown
    keys as document metadata and writes them back on export). On import the newer ``entities`` form
    (``{"label", "start_offset", "end_offset"}``) and a JSON array instead of JSONL are accepted too.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from lawnlp.annotations.schema import AnnotatedReport
from lawnlp.annotations.spans import (
    Builder,
    Lines,
    check_exportable,
    clean_meta,
    export_meta,
    line_spans,
    read_text,
    unique,
)
from lawnlp.errors import ReportError

THEME_PREFIX = "theme:"


def _doccano_records(path: Path) -> list[tuple[int, dict]]:
    text = read_text(path)
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            objs = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise ReportError(f"bad JSON: {exc.msg} (column {exc.colno})", str(path), exc.lineno) from None
        return [(n, o) for n, o in enumerate(objs, 1)]
    out = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append((lineno, json.loads(line)))
        except json.JSONDecodeError as exc:
            raise ReportError(f"bad JSON: {exc.msg} (column {exc.colno})", str(path), lineno) from None
    return out


def load_doccano(path: str | Path) -> list[AnnotatedReport]:
    """Reports from a doccano sequence-labelling export (JSONL, one object per report)."""
    path = Path(path)
    reports = []
    for lineno, obj in _doccano_records(path):
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise ReportError("each record must be an object with 'text'", str(path), lineno)
        report_id = str(obj.get("report_id") or (f"doccano-{obj['id']}" if "id" in obj else f"{path.stem}-{lineno}"))
        b = Builder(Lines(obj["text"]), f"report {report_id!r}", path, lineno)
        spans: list[tuple[Any, Any, Any]] = []
        for item in obj.get("label", obj.get("labels", [])) or []:
            if not isinstance(item, (list, tuple)) or len(item) != 3:
                raise b.error(f"a label must be [start, end, label], got {item!r}")
            spans.append(tuple(item))
        for ent in obj.get("entities") or []:
            if not isinstance(ent, dict):
                raise b.error(f"an entity must be an object, got {ent!r}")
            spans.append((ent.get("start_offset"), ent.get("end_offset"), ent.get("label")))
        for start, end, label in spans:
            if not all(isinstance(x, int) and not isinstance(x, bool) for x in (start, end)) or not isinstance(
                label, str
            ):
                raise b.error(f"bad span {[start, end, label]!r}")
            if label.startswith(THEME_PREFIX):
                b.theme(start, end, label[len(THEME_PREFIX) :])
            else:
                b.section(start, end, label)
        reports.append(b.report(report_id, clean_meta(obj, report_id, b.error)))
    return unique(reports, path)


# --------------------------------------------------------------------------- export


def to_doccano(reports: list[AnnotatedReport]) -> list[dict]:
    """doccano sequence-labelling records (JSON-ready) for the reports."""
    out = []
    for n, r in enumerate(reports, 1):
        check_exportable(r)
        labels: list[list] = []
        for (start, end), section, themes in zip(line_spans(r.texts), r.sections, r.themes):
            labels.append([start, end, section])
            labels += [[start, end, THEME_PREFIX + t] for t in themes]
        out.append({"id": n, "text": r.text, "label": labels, "report_id": r.report_id, **export_meta(r)})
    return out


def export_doccano(reports: list[AnnotatedReport], path: str | Path) -> Path:
    """Write a doccano sequence-labelling JSONL file (importable, and in the format of its export)."""
    path = Path(path)
    with open(path, "w", encoding="utf-8") as fh:
        for rec in to_doccano(reports):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path
