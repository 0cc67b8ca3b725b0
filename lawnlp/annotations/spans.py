"""What the annotation tools share: a report text's lines and their character offsets, the label
collector that checks spans against whole lines, and metadata cleaning.

The report text is always the report's lines joined by ``\\n``; every non-blank line is one paragraph (the
annotation guide's ``index`` counts them from 0). Offsets are Python character offsets (Unicode code
points) into that text, end exclusive. Errors are ``ReportError`` naming the file and the task (Label
Studio) or JSONL line (doccano), and the report line (paragraph index + 1) concerned.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lawnlp.annotations.schema import META_FIELDS, OPTIONAL_META_FIELDS, AnnotatedReport
from lawnlp.errors import ReportError
from lawnlp.labels import LEVELS, SECTION_IDS, THEME_IDS

META_KEYS = ("report_id", *META_FIELDS, "brief")
ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def line_spans(texts: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each line in ``"\\n".join(texts)``."""
    spans, pos = [], 0
    for t in texts:
        spans.append((pos, pos + len(t)))
        pos += len(t) + 1
    return spans


def check_exportable(report: AnnotatedReport) -> None:
    """Refuse reports whose lines would not survive a text round trip."""
    if not (len(report.texts) == len(report.sections) == len(report.themes)):
        raise ReportError(f"report {report.report_id!r}: texts, sections and themes differ in length")
    for i, t in enumerate(report.texts):
        if not t.strip() or "\n" in t or "\r" in t:
            raise ReportError(f"report {report.report_id!r}, line {i + 1}: a paragraph must be one non-blank line")


class Lines:
    """The paragraphs of one report text: non-blank lines with their offsets."""

    def __init__(self, text: str):
        self.text = text
        self.texts: list[str] = []
        self.bounds: list[tuple[int, int, int, int]] = []  # (line start, content start, content end, line end)
        pos = 0
        for raw in text.split("\n"):
            line = raw[:-1] if raw.endswith("\r") else raw
            if line.strip():
                lead = len(line) - len(line.lstrip())
                self.texts.append(line)
                self.bounds.append((pos, pos + lead, pos + len(line.rstrip()), pos + len(raw)))
            pos += len(raw) + 1

    def covered(self, start: int, end: int) -> list[int] | None:
        """Indices of the lines a span covers exactly (whole lines, surrounding whitespace optional)."""
        first = next((i for i, b in enumerate(self.bounds) if b[0] <= start <= b[1]), None)
        last = next((i for i, b in enumerate(self.bounds) if b[2] <= end <= b[3] + 1), None)
        if first is None or last is None or last < first or end <= start:
            return None
        return list(range(first, last + 1))


def utf16_to_index(text: str, offset: int) -> int:
    """Code-point index of a UTF-16 code-unit offset."""
    units = 0
    for i, ch in enumerate(text):
        if units >= offset:
            return i
        units += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


def resolve_offsets(text: str, start: Any, end: Any, span_text: Any) -> tuple[int, int] | None:
    """Code-point (start, end) of a span, recognising UTF-16 offsets by the span's text."""
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool):
        return None
    if isinstance(span_text, str) and text[start:end] != span_text:
        s16, e16 = utf16_to_index(text, start), utf16_to_index(text, end)
        if text[s16:e16] == span_text:
            return s16, e16
    return start, end


class Builder:
    """Collects labels per line of one report and checks them."""

    def __init__(self, lines: Lines, where: str, path: Path, lineno: int | None):
        self.lines, self.where, self.path, self.lineno = lines, where, path, lineno
        self.sections: list[str | None] = [None] * len(lines.texts)
        self.themes: list[list[str]] = [[] for _ in lines.texts]

    def error(self, msg: str, line: int | None = None) -> ReportError:
        at = f", report line {line + 1}" if line is not None else ""
        return ReportError(f"{self.where}{at}: {msg}", str(self.path), self.lineno)

    def cover(self, start: int, end: int, what: str) -> list[int]:
        idx = self.lines.covered(start, end)
        if idx is None:
            near = next((i for i, b in enumerate(self.lines.bounds) if b[0] <= start <= b[3]), None)
            snippet = self.lines.text[start:end][:20] if isinstance(start, int) else ""
            raise self.error(f"{what} span {start}-{end} ({snippet!r}) does not align with whole lines", near)
        return idx

    def section(self, start: int, end: int, label: str) -> None:
        if label not in SECTION_IDS:
            raise self.error(
                f"unknown section id {label!r} (expected one of {', '.join(SECTION_IDS)})", self._line_at(start)
            )
        for i in self.cover(start, end, "section"):
            if self.sections[i] not in (None, label):
                raise self.error(f"two sections on one line: {self.sections[i]!r} and {label!r}", i)
            self.sections[i] = label

    def theme(self, start: int, end: int, label: str) -> None:
        if label not in THEME_IDS:
            raise self.error(f"unknown theme id {label!r}", self._line_at(start))
        for i in self.cover(start, end, "theme"):
            if label not in self.themes[i]:
                self.themes[i].append(label)

    def _line_at(self, start: Any) -> int | None:
        if not isinstance(start, int):
            return None
        return next((i for i, b in enumerate(self.lines.bounds) if b[0] <= start <= b[3]), None)

    def report(self, report_id: str, meta: dict) -> AnnotatedReport:
        if not self.lines.texts:
            raise self.error("the report text is empty")
        for i, s in enumerate(self.sections):
            if s is None:
                raise self.error(f"no section label on line {self.lines.texts[i][:20]!r}", i)
            if self.themes[i] and s != "shortcomings":
                raise self.error(f"themes on a {s!r} line (themes belong to 'shortcomings' only)", i)
        return AnnotatedReport(
            report_id, list(self.lines.texts), [s for s in self.sections if s], [list(t) for t in self.themes], meta
        )


def clean_meta(raw: dict, report_id: str, err) -> dict:
    """Metadata from an export: all fields present (entity, county, year, level, brief), checked."""
    if not any(raw.get(k) not in (None, "") for k in ("entity", "county", "year", "level", "brief")):
        return {}
    meta: dict = {"report_id": report_id}
    for key in ("entity", "county", "brief"):
        value = raw.get(key)
        if value is not None and not isinstance(value, str):
            raise err(f"metadata {key!r} must be text")
        meta[key] = value.strip() if isinstance(value, str) and value.strip() else None
    year = raw.get("year")
    if isinstance(year, str):
        year = year.strip() or None
        if year is not None:
            if not (year.isascii() and year.isdigit()):
                raise err(f"metadata 'year' must be a year like 2024, not {year!r}")
            year = int(year)
    if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
        raise err("metadata 'year' must be an integer")
    meta["year"] = year
    level = raw.get("level") or "unknown"
    if level not in LEVELS:
        raise err(f"unknown level {level!r} (expected one of {', '.join(LEVELS)})")
    meta["level"] = level
    meta = {k: meta[k] for k in META_KEYS}
    published = raw.get("published")
    published = published.strip() if isinstance(published, str) and published.strip() else None
    if published is not None and not ISO_DATE_RE.match(published):
        raise err(f"metadata 'published' must be an ISO date like 2025-01-16, not {published!r}")
    if published is not None:  # present only when known, as in lawnlp.annotations.corpus
        meta["published"] = published
    return meta


def export_meta(report: AnnotatedReport) -> dict:
    """The report's metadata fields (without report_id) that have a value."""
    return {k: report.meta[k] for k in (*META_FIELDS, *OPTIONAL_META_FIELDS, "brief") if report.meta.get(k) is not None}


def read_text(path: Path) -> str:
    """The text of an export file (UTF-8, with or without BOM)."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReportError(f"cannot read annotation export: {exc}", str(path)) from None


def unique(reports: list[AnnotatedReport], path: Path) -> list[AnnotatedReport]:
    """``reports``, checked to have distinct report ids."""
    seen: set[str] = set()
    for r in reports:
        if r.report_id in seen:
            raise ReportError(f"duplicate report_id {r.report_id!r}", str(path))
        seen.add(r.report_id)
    return reports
