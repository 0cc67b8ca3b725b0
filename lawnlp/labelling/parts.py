"""What a heading or paragraph says about the part of the report it belongs to: the parts a heading names
by its keywords (``heading_parts``), and the evidence that ``plans`` and ``shortcomings`` need before the
decoder allows them (``plans_evidence``, ``shortcomings_evidence``, lawnlp.labelling.decoding). Pure
functions of the paragraphs, no model.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lawnlp.schema import Paragraph
from lawnlp.text.patterns import LOOSE_NUMBERING_RE, PART_KEYWORDS

PART_HEADING_MAX = 16  # a sub-heading names a part only when it is this short (（一）存在问题)
# Wording of next year's work: in a heading, or opening a paragraph.
NEXT_YEAR_RE = re.compile(r"下一步|下步|下一年|下一阶段|下阶段|明年|来年|新的一年|今后|展望|努力方向")
OPENS_PLANS_RE = re.compile(
    r"^(?:[（(]?[一二三四五六七八九十\d]+[)）、.]?\s*)?(?:下一步|下步|下一年|下一阶段|明年|来年|新的一年|今后|展望)"
)
# Words that state a problem (a heading or paragraph of the shortcomings part has one of them).
PROBLEM_RE = re.compile(
    r"不足|问题|短板|差距|薄弱|弱项|有待|不够|不强|不高|不到位|不完善|不健全|不平衡|不充分|滞后|欠缺|困难|挑战|"
    r"缺乏|匮乏|较弱|偏弱|单一|不规范|不多|较少|不深|不严|不力|不畅|不明显|尚未|仍需|亟需|压力"
)


def heading_parts(heading: str, level: int | None) -> list[str]:
    """The parts a heading names by its keywords, in the order of PART_KEYWORDS (none, one, or two for a
    merged heading such as 存在的问题及下一步打算)."""
    words = LOOSE_NUMBERING_RE.sub("", heading, count=1)
    if level != 1 and len(words) > PART_HEADING_MAX:
        return []
    found = [label for label, pattern in PART_KEYWORDS if pattern.search(words)]
    if found[:2] == ["leadership", "measures"]:
        found = ["leadership"]  # 第一责任人职责履行情况
    return found


def heading_part(heading: str, level: int | None) -> str | None:
    """The single part a heading names by its keywords (None if none or several)."""
    parts = heading_parts(heading, level)
    return parts[0] if len(parts) == 1 else None


# Headings that name two parts (FORMAT.md, 5): 存在的问题及下一步打算, 主要举措、成效及存在的问题, and what may sit
# under each.
MERGED_ALLOWS = {
    frozenset({"shortcomings", "plans"}): {"shortcomings", "plans", "other"},
    frozenset({"measures", "shortcomings"}): {"measures", "leadership", "shortcomings", "other"},
}


def is_merged(parts: list[str]) -> bool:
    return len(parts) == 2 and frozenset(parts) in MERGED_ALLOWS


def _names_next_year(text: str, year: int | None) -> bool:
    if NEXT_YEAR_RE.search(text):
        return True
    return year is not None and bool(re.search(rf"{year + 1}\s*年(?!\s*\d{{1,2}}\s*月)", text))


def opens_plans(p: Paragraph, year: int | None = None) -> bool:
    """Does body paragraph ``p`` open the plans part (下一步，… / 2025年，我镇将…)?"""
    if p.heading_level is not None:
        return False
    if OPENS_PLANS_RE.match(p.norm):
        return True
    return year is not None and bool(re.match(rf"^{year + 1}\s*年(?:度)?[，,]", p.norm))


def _evidence(
    paragraphs: list[Paragraph],
    opens_at_heading: Callable[[Paragraph], bool],
    opens_at_body: Callable[[Paragraph], bool],
) -> list[bool]:
    """For each paragraph: does it lie in a part that a heading (``opens_at_heading``) or a body paragraph
    (``opens_at_body``) opened? A part opened lasts until the next heading of the same or a higher level
    than the one that opened it (a body paragraph opens it at the level of the innermost heading seen)."""
    out: list[bool] = []
    active_level: int | None = None  # the level of the heading (or of the body's heading) that opened the part
    depth = 0  # the level of the innermost heading seen
    for p in paragraphs:
        if p.heading_level is not None:
            if active_level is not None and p.heading_level <= active_level:
                active_level = None
            depth = p.heading_level
            if active_level is None and opens_at_heading(p):
                active_level = p.heading_level
        elif active_level is None and opens_at_body(p):
            active_level = depth
        out.append(active_level is not None)
    return out


def plans_evidence(paragraphs: list[Paragraph], year: int | None = None) -> list[bool]:
    """For each paragraph: is there evidence that it belongs to the plans part (see the module docstring)?"""

    def at_heading(p: Paragraph) -> bool:
        words = LOOSE_NUMBERING_RE.sub("", p.norm, count=1)
        return "plans" in heading_parts(p.norm, p.heading_level) or _names_next_year(words[:30], year)

    return _evidence(paragraphs, at_heading, lambda p: opens_plans(p, year))


def shortcomings_evidence(paragraphs: list[Paragraph]) -> list[bool]:
    """For each paragraph: is there evidence that it belongs to the shortcomings part (module docstring)?"""

    def at_heading(p: Paragraph) -> bool:
        return "shortcomings" in heading_parts(p.norm, p.heading_level) or bool(PROBLEM_RE.search(p.norm))

    return _evidence(paragraphs, at_heading, lambda p: bool(PROBLEM_RE.search(p.norm)))


# The only part headings labelled ``other``: the regulation's fifth part (其他需要报告的事项), attachments.
OTHER_PART_RE = re.compile(r"其他|其它|附件")
OTHER_BODY_MIN_CHARS = 40


def other_evidence(paragraphs: list[Paragraph]) -> list[bool]:
    """For each paragraph: may it be ``other``? Not a part heading that does not name the other part, nor a
    sentence of 40 characters or more under such headings: every one of the corpus's 13 headings labelled
    ``other`` says 其他 (五、其他需要报告的事项), and so does the heading above each of its 10 long ``other``
    body lines; a heading such as 一、需要报告的重点事项 opens the report's own measures. Page debris and short
    lines (a signature, a date, 特此报告) may always be ``other``."""

    def may_be_other(p: Paragraph) -> bool:
        if p.debris:
            return True
        if p.heading_level is not None:
            return bool(OTHER_PART_RE.search(p.norm))
        return len(p.norm) < OTHER_BODY_MIN_CHARS or not p.headings or any(OTHER_PART_RE.search(h) for h in p.headings)

    return [may_be_other(p) for p in paragraphs]
