"""Result types of an analysis: plain dataclasses with ``to_dict()``; nothing here needs torch.

``Report`` is one analysed government report (its source, metadata, paragraphs with their labels and its
brief); ``lawnlp.rows`` lays them out as table rows.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Paragraph:
    """One paragraph of a report: a line as written, or one half of a line split into heading + body.

    ``index`` counts the report's paragraphs from 0; ``line`` is the index of the non-empty source line
    it comes from (the annotation guide's ``index``), shared by a heading and body split from one line.
    """

    index: int
    line: int
    text: str  # original text, artefacts removed
    norm: str  # normalised for analysis (simplified, full-width punctuation)
    heading_level: int | None = None  # 1 一、  2 （一）  3 1.  4 （1）; None for body text
    numbering: str | None = None  # the marker as written: "一、", "（二）", "3.", "一是" ...
    headings: list[str] = field(default_factory=list)  # enclosing headings (normalised), outermost first
    debris: bool = False  # web or word-processor debris (always section "other")
    section: str | None = None
    themes: list[str] = field(default_factory=list)

    @property
    def is_heading(self) -> bool:
        return self.heading_level is not None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Meta:
    """Report metadata, as defined by the annotation guide (section 3)."""

    entity: str | None = None
    county: str | None = None
    year: int | None = None
    level: str = "unknown"
    published: str | None = None  # ISO date of publication (page furniture or signature), when given

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Brief:
    """A short faithful summary of one report (annotation guide, section 4)."""

    text: str
    entity: str | None = None
    year: int | None = None
    measures: list[str] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)
    themes: list[str] = field(default_factory=list)
    plans: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return self.text

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Report:
    """One analysed report."""

    source: str
    meta: Meta
    paragraphs: list[Paragraph]
    brief: Brief | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)  # what the reader noticed (lost line breaks, genre)
    genre: float | None = None  # how much it reads like a 法治政府建设年度报告, 0-1
    provenance: dict[str, Any] = field(default_factory=dict)  # lawnlp version, backend, model ids

    def section(self, label: str) -> list[Paragraph]:
        """The paragraphs classified into ``label``."""
        return [p for p in self.paragraphs if p.section == label]

    @property
    def themes(self) -> list[str]:
        """Every shortcoming theme tagged anywhere in the report, in first-seen order."""
        seen: dict[str, None] = {}
        for p in self.paragraphs:
            for t in p.themes:
                seen.setdefault(t, None)
        return list(seen)

    def line_sections(self) -> list[str | None]:
        """One section label per non-empty source line (a split line takes its first part's label)."""
        out: dict[int, str | None] = {}
        for p in self.paragraphs:
            out.setdefault(p.line, p.section)
        return [out[i] for i in sorted(out)]

    def line_themes(self) -> list[list[str]]:
        """One theme list per non-empty source line (union over the parts of a split line)."""
        out: dict[int, list[str]] = {}
        for p in self.paragraphs:
            acc = out.setdefault(p.line, [])
            acc.extend(t for t in p.themes if t not in acc)
        return [out[i] for i in sorted(out)]

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "meta": self.meta.to_dict(),
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "themes": self.themes,
            "brief": self.brief.to_dict() if self.brief else None,
            "error": self.error,
            "warnings": list(self.warnings),
            "genre": self.genre,
            "provenance": dict(self.provenance),
        }
