"""The document context of a paragraph, as the section models read it.

A paragraph alone is often ambiguous (加强学法 opens a measures subsection in one report and a plan in
another); where it sits decides. ``SectionContext`` holds what the models see of that: the part heading
it sits under and its innermost two enclosing headings, and the start of the previous paragraph, with
years written relative to the year reported on (本年, 来年, 上年) so that models generalise across years.

The paragraph's position in the document is left out on purpose: real pages are often cut short or
carry long measures parts split into many numbered parts, so a late position says nothing about plans.

Each backend renders it its own way (``bert_segment``; the lite model's features and the rules read the
fields directly). Change what a model sees here, in one place; the shipped models were trained on
exactly these renderings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lawnlp.schema import Paragraph

HEADING_CHARS = 24  # characters of each enclosing heading
PREVIOUS_CHARS = 20  # characters of the previous paragraph
HEADINGS_SEEN = 2  # the innermost enclosing headings kept, after the outermost (the part heading)
_YEAR_RE = re.compile(r"20\d\d(?=\s*年)")


@dataclass(frozen=True)
class SectionContext:
    """Where a paragraph sits in its report (see the module docstring)."""

    headings: tuple[str, ...]  # the part heading and the innermost two, outermost first, each cut to HEADING_CHARS
    previous: str  # the start of the previous non-debris paragraph

    @property
    def top(self) -> str:
        """The outermost heading kept (the part a paragraph sits in), or ""."""
        return self.headings[0] if self.headings else ""


def mark_years(text: str, year: int | None) -> str:
    """Years relative to the reported one, so models generalise across years: 本年, 来年, 上年."""
    if year is None:
        return text
    names = {year: "本", year + 1: "来", year - 1: "上"}
    return _YEAR_RE.sub(lambda m: names.get(int(m.group()), m.group()), text)


def section_contexts(paragraphs: list[Paragraph], year: int | None = None) -> list[SectionContext]:
    """The context of each paragraph of a report about ``year``."""
    out = []
    prev = ""
    for p in paragraphs:
        kept = p.headings if len(p.headings) <= HEADINGS_SEEN + 1 else [p.headings[0], *p.headings[-HEADINGS_SEEN:]]
        heads = tuple(mark_years(h[:HEADING_CHARS], year) for h in kept)
        out.append(SectionContext(heads, mark_years(prev[:PREVIOUS_CHARS], year)))
        if not p.debris:
            prev = p.norm
    return out


def section_inputs(paragraphs: list[Paragraph], year: int | None = None) -> tuple[list[str], list[SectionContext]]:
    """(texts, contexts) the section models read for ``paragraphs`` of a report about ``year``."""
    return [mark_years(p.norm, year) for p in paragraphs], section_contexts(paragraphs, year)


def bert_segment(context: SectionContext | None) -> str:
    """The first segment of the BERT sentence pair: ``H1 > H2 > H3；previous`` ("" without context)."""
    if context is None:
        return ""
    return f"{' > '.join(context.headings)}；{context.previous}"
