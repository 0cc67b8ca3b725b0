"""The guide's JSONL files (annotation guide, section 5): loading and validation, with errors that name the
file and line; writing them; and ``load_annotations`` for any supported form (lawnlp JSONL, Label Studio,
doccano).

Paragraph file, one line per paragraph:
    {"report_id": "renshazhen-2024", "index": 42, "text": "……", "section": "shortcomings", "themes": [...]}
Report file, one line per report:
    {"report_id": …, "entity": …, "county": …, "year": …, "level": …, "published": …, "brief": …}
"""

from __future__ import annotations

import re
from pathlib import Path

from lawnlp.annotations.schema import META_FIELDS, OPTIONAL_META_FIELDS, AnnotatedReport
from lawnlp.errors import ReportError
from lawnlp.jsonl import dumps, read_jsonl
from lawnlp.labels import LEVELS, SECTION_IDS, THEME_IDS


def load_paragraphs(path: str | Path) -> list[AnnotatedReport]:
    """Load and validate a paragraph JSONL file; errors name the file and line."""
    path = Path(path)
    reports: dict[str, AnnotatedReport] = {}
    seen: dict[tuple[str, int], int] = {}
    for lineno, obj in read_jsonl(path):

        def bad(msg: str, lineno: int = lineno) -> ReportError:
            return ReportError(msg, str(path), lineno)

        for key, kind in (("report_id", str), ("index", int), ("text", str), ("section", str)):
            if not isinstance(obj.get(key), kind) or (kind is int and isinstance(obj.get(key), bool)):
                hint = (
                    " (a text-free label file, like training/data/samples_labels.jsonl, is read with the report "
                    "texts by lawnlp.training.sample_items)"
                    if key == "text" and "text" not in obj
                    else ""
                )
                raise bad(f"field {key!r} missing or not a {kind.__name__}{hint}")
        rid, idx, section = obj["report_id"], obj["index"], obj["section"]
        themes = obj.get("themes", [])
        if section not in SECTION_IDS:
            raise bad(f"unknown section id {section!r} (expected one of {', '.join(SECTION_IDS)})")
        if not isinstance(themes, list) or not all(isinstance(t, str) for t in themes):
            raise bad("'themes' must be a list of theme ids")
        unknown = [t for t in themes if t not in THEME_IDS]
        if unknown:
            raise bad(f"unknown theme id {unknown[0]!r}")
        if themes and section != "shortcomings":
            raise bad(f"themes on a {section!r} paragraph (themes belong to 'shortcomings' only)")
        if (rid, idx) in seen:
            raise bad(f"duplicate index {idx} in report {rid!r} (first on line {seen[rid, idx]})")
        if not obj["text"].strip():
            raise bad("empty 'text'")
        seen[rid, idx] = lineno
        rep = reports.setdefault(rid, AnnotatedReport(rid, [], [], []))
        rep.texts.append(obj["text"])
        rep.sections.append(section)
        rep.themes.append(list(dict.fromkeys(themes)))
        rep.meta.setdefault("_indices", []).append(idx)
    for rep in reports.values():
        order = sorted(range(len(rep.texts)), key=rep.meta["_indices"].__getitem__)
        if [rep.meta["_indices"][i] for i in order] != list(range(len(order))):
            raise ReportError(f"report {rep.report_id!r}: indices are not 0..{len(order) - 1}", str(path))
        rep.texts = [rep.texts[i] for i in order]
        rep.sections = [rep.sections[i] for i in order]
        rep.themes = [rep.themes[i] for i in order]
        del rep.meta["_indices"]
    return list(reports.values())


def load_report_meta(path: str | Path) -> dict[str, dict]:
    """Load and validate a report metadata JSONL file: report_id -> {entity, county, year, level, brief}."""
    path = Path(path)
    out: dict[str, dict] = {}
    for lineno, obj in read_jsonl(path):
        missing = [k for k in ("report_id", *META_FIELDS) if k not in obj]
        if missing:
            raise ReportError(f"metadata missing: {', '.join(missing)}", str(path), lineno)
        if obj["level"] not in LEVELS:
            raise ReportError(f"unknown level {obj['level']!r}", str(path), lineno)
        if obj["year"] is not None and not isinstance(obj["year"], int):
            raise ReportError("'year' must be an integer or null", str(path), lineno)
        if obj["report_id"] in out:
            raise ReportError(f"duplicate report_id {obj['report_id']!r}", str(path), lineno)
        if obj.get("published") is None:
            obj.pop("published", None)  # the publication date is kept only when known
        elif not isinstance(obj["published"], str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", obj["published"]):
            raise ReportError("'published' must be an ISO date (YYYY-MM-DD) or null", str(path), lineno)
        out[obj["report_id"]] = obj
    return out


def load_corpus(paragraphs: str | Path, reports: str | Path | None = None) -> list[AnnotatedReport]:
    """Paragraphs joined with their report metadata (``reports`` defaults to reports.jsonl beside them)."""
    paragraphs = Path(paragraphs)
    reps = load_paragraphs(paragraphs)
    meta_path = Path(reports) if reports else paragraphs.with_name("reports.jsonl")
    if meta_path.exists():
        meta = load_report_meta(meta_path)
        for rep in reps:
            if rep.report_id not in meta:
                raise ReportError(f"metadata missing for report {rep.report_id!r}", str(meta_path))
            rep.meta = meta[rep.report_id]
    elif reports is not None:
        raise ReportError("report metadata file not found", str(meta_path))
    return reps


def load_annotations(path: str | Path) -> list[AnnotatedReport]:
    """Annotations in any supported form: lawnlp JSONL (with reports.jsonl beside it, if present),
    or a Label Studio / doccano export (lawnlp.annotations.tools)."""
    path = Path(path)
    if not path.exists():
        raise ReportError("annotation file not found", str(path))
    from lawnlp.annotations.tools import load_export, sniff

    if path.suffix == ".jsonl":
        try:
            return load_corpus(path)
        except ReportError:
            if sniff(path) is None:
                raise
    return load_export(path)


def write_lawnlp(
    reports: list[AnnotatedReport], paragraphs: str | Path, reports_path: str | Path | None = None
) -> tuple[Path, Path]:
    """Write lawnlp paragraph JSONL and report metadata JSONL (default: reports.jsonl beside it).
    Reports without metadata get an empty record (level ``unknown``) so the pair validates."""
    paragraphs = Path(paragraphs)
    reports_path = Path(reports_path) if reports_path else paragraphs.with_name("reports.jsonl")
    with open(paragraphs, "w", encoding="utf-8") as fh:
        for r in reports:
            for i, (t, s, th) in enumerate(zip(r.texts, r.sections, r.themes)):
                fh.write(
                    dumps({"report_id": r.report_id, "index": i, "text": t, "section": s, "themes": list(th)}) + "\n"
                )
    with open(reports_path, "w", encoding="utf-8") as fh:
        for r in reports:
            rec = {
                "report_id": r.report_id,
                "entity": None,
                "county": None,
                "year": None,
                "level": "unknown",
                "brief": None,
            }
            rec.update({k: r.meta[k] for k in (*META_FIELDS, *OPTIONAL_META_FIELDS, "brief") if k in r.meta})
            fh.write(dumps(rec) + "\n")
    return paragraphs, reports_path
