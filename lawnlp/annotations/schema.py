"""Annotated reports in memory: ``AnnotatedReport`` (its lines, their section and theme labels, and its
metadata and reference brief), as every annotation format is read into."""

from __future__ import annotations

from dataclasses import dataclass, field

META_FIELDS = ("entity", "county", "year", "level")
OPTIONAL_META_FIELDS = ("published",)


@dataclass
class AnnotatedReport:
    """One annotated report: its lines in order with their labels, and (if given) metadata and brief."""

    report_id: str
    texts: list[str]
    sections: list[str]
    themes: list[list[str]]
    meta: dict = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n".join(self.texts)
