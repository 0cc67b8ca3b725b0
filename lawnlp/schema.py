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
    audit: Audit | None = None  # research measures of the report (lawnlp.measures)
    indicators: list[Indicator] = field(default_factory=list)  # the values it states

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
            "audit": self.audit.to_dict() if self.audit else None,
            "indicators": [i.to_dict() for i in self.indicators],
        }


# -- research measures (research-measures.md; computed by lawnlp.measures) ------------------------------------
PART_IDS: tuple[str, ...] = ("measures", "leadership", "shortcomings", "causes", "plans")


@dataclass(frozen=True)
class ShortcomingItem:
    """One distinct problem stated in the shortcomings part, with the paragraphs it spans (a sub-heading
    and its body, or one list item) and its specificity (0 stock phrase, 1 concrete, 2 with a figure,
    case or cause)."""

    text: str
    paragraphs: tuple[int, ...]
    specificity: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "paragraphs": list(self.paragraphs), "specificity": self.specificity}


@dataclass(frozen=True)
class Audit:
    """The audit of one report (research-measures.md, section 1).

    ``evidence`` maps each field to the paragraph indices (``Paragraph.index``) that decided it:
    ``measures``/``leadership``/``shortcomings``/``plans`` the part's paragraphs, ``causes`` the
    paragraphs with a cause cue, ``shortcoming_items`` the paragraphs counted as problems,
    ``figures_per_1000`` the measures paragraphs with a figure, ``plan_coverage`` the plans paragraphs
    that address a shortcoming theme, ``unaddressed`` the shortcomings paragraphs of the unaddressed
    themes, ``published`` the paragraph carrying the date (empty when it came from the metadata),
    ``boilerplate_share`` the paragraphs with a boilerplate sentence.
    """

    parts: dict[str, bool]
    missing: list[str]
    chars: dict[str, int]
    shortcoming_ratio: float | None
    shortcoming_items: int
    figures_per_1000: float | None
    specificity: list[int]
    specificity_mean: float | None
    plan_coverage: float | None
    unaddressed: list[str]
    published: str | None
    on_time: bool | None
    boilerplate_share: float | None
    items: tuple[ShortcomingItem, ...] = ()
    themes: list[str] = field(default_factory=list)
    evidence: dict[str, list[int]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["items"] = [item.to_dict() for item in self.items]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Audit:
        items = tuple(ShortcomingItem(i["text"], tuple(i["paragraphs"]), i["specificity"]) for i in d.get("items", ()))
        return cls(**{**d, "items": items})


@dataclass(frozen=True)
class Indicator:
    """One value the report states (research-measures.md, section 2): the indicator ``id``, the value
    as a number in the normalised ``unit``, the paragraph index and the clause it came from, ``approx``
    for 余/多/近/约 values; ``line`` is the paragraph's source line (the annotation ``index``)."""

    id: str
    value: float
    unit: str
    paragraph: int
    clause: str
    approx: bool = False
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
