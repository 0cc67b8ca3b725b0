"""Shortcoming items: the distinct problems a report's shortcomings part states, by the conventions
of measures-contract.md.

1. Only problem statements count: the part heading, intros (存在以下问题：), closing sentences
   (我们将认真加以解决) and cause statements (a 原因分析 subsection, 究其原因…) do not.
2. Each list item (一是…, 第一…, 1./（1）/①) that states a problem is one item.
3. A sub-heading that names a problem together with its body is ONE item; when the body lists items
   (一是…二是…), those count instead and the heading does not.
4. A problem paragraph without markers is one item; a paragraph chaining problems with ； counts one
   item per problem clause.

Sections and headings come from the report (``Paragraph.section``, ``heading_level``); only the part's
own paragraphs are read, wherever they sit in the report.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lawnlp.measures import cues
from lawnlp.measures.text import LEADING_MARKER_RE, heading_level, item_starts, paragraph_text
from lawnlp.schema import Paragraph, Report


@dataclass
class _Group:
    """An open problem sub-heading: its level, text and paragraphs, and the items its body lists."""

    level: int
    text: str
    paragraphs: list[int]
    body_items: list[tuple[str, list[int]]] = field(default_factory=list)

    def result(self) -> list[tuple[str, list[int]]]:
        return self.body_items or [(self.text, self.paragraphs)]


def strip_part_heading(text: str) -> str:
    """``text`` without the part's own title (二、存在的问题和不足) and intro (还存在以下问题：)."""
    rest = text
    m = cues.PART_HEADING_RE.match(rest)
    if m and m.end() > 0 and (m.end() == len(rest) or rest[m.end() - 1] in "。：:" or _marker_follows(rest, m.end())):
        rest = rest[m.end() :]
    m = cues.INTRO_RE.match(rest) or cues.INTRO_SENTENCE_RE.match(rest)
    if m:
        rest = rest[m.end() :]
    return rest.strip()


def _marker_follows(text: str, pos: int) -> bool:
    return bool(item_starts(text[pos:])[:1] == [0])


def is_closing(text: str) -> bool:
    """A closing sentence of the part (我们将认真研究，切实加以解决)."""
    return len(text) <= 80 and bool(cues.CLOSING_RE.search(text)) and not item_starts(text)


def is_cause_statement(text: str) -> bool:
    """A statement of causes only (究其原因，…; 主观方面：…)."""
    m = LEADING_MARKER_RE.match(text)
    body = text[m.end() :] if m else text
    return bool(cues.CAUSE_START_RE.match(body))


def _is_cause_heading(text: str) -> bool:
    return bool(cues.CAUSE_HEADING_RE.search(text)) and not cues.PROBLEM_WORDS_RE.search(
        cues.CAUSE_HEADING_RE.sub("", text).replace("存在", "")
    )


def _split_marked(text: str) -> list[str]:
    starts = item_starts(text)
    if not starts:
        return []
    if all(text[i:].startswith(("此外", "另外")) for i in starts):
        return []  # 此外 adds an item only to a list (一是…二是…。此外，…)
    return [s for s in (text[a:b].strip() for a, b in zip(starts, starts[1:] + [len(text)])) if s]


def _semicolon_problems(text: str) -> list[str]:
    """The problem clauses of an unmarked paragraph: each clause of a ；-chain (of 6+ characters, not a
    cause or a closing), else the paragraph itself."""
    parts = [c.strip() for c in text.split("；") if c.strip()]
    problems = [c for c in parts if len(c) >= 6 and not is_cause_statement(c) and not is_closing(c)]
    return problems if len(problems) > 1 else [text]


def shortcoming_items(report: Report) -> list[tuple[str, list[int]]]:
    """(text, paragraph indices) of each distinct problem in the report's shortcomings part."""
    paragraphs: list[Paragraph] = [p for p in report.paragraphs if p.section == "shortcomings" and not p.debris]
    items: list[tuple[str, list[int]]] = []
    stack: list[_Group] = []
    cause_level: int | None = None

    def close(level: int | None = None) -> None:
        """Close the open groups at ``level`` or deeper (all when None)."""
        while stack and (level is None or stack[-1].level >= level):
            g = stack.pop()
            (stack[-1].body_items if stack else items).extend(g.result())

    def add(found: list[tuple[str, list[int]]]) -> None:
        (stack[-1].body_items if stack else items).extend(found)

    for p in paragraphs:
        text = paragraph_text(p)
        level = heading_level(p, text)
        if level is not None:
            if cause_level is not None and level <= cause_level:
                cause_level = None
            if cause_level is not None:
                continue
            rest = strip_part_heading(text)
            if _is_cause_heading(text) and not rest.startswith(("一是", "1")):
                close(level)
                cause_level = level
                continue
            close(level)
            if not rest or cues.PART_TITLE_CAUSE_RE.search(rest.rstrip("。：")):
                continue
            if rest != text and _split_marked(rest):  # 二、存在的问题。一是…  (part title run into items)
                add([(s, [p.index]) for s in _split_marked(rest) if not is_cause_statement(s)])
                continue
            stack.append(_Group(level, rest, [p.index]))
            continue
        if cause_level is not None:
            continue
        title = cues.PART_HEADING_RE.match(text)
        if title and title.end() == len(text):
            continue  # the part's title written without a number: 存在的不足和原因
        if is_cause_statement(text) and (text.endswith("：") or len(text) <= 30):
            close()
            cause_level = 1  # 究其原因，主要有以下几个方面：  the items after it are causes
            continue
        rest = strip_part_heading(text)
        if not rest or is_closing(rest) or is_cause_statement(rest):
            continue
        marked = _split_marked(rest)
        if marked:
            add([(s, [p.index]) for s in marked if not is_cause_statement(s) and not is_closing(s)])
        elif stack:
            g = stack[-1]
            g.text += ("" if g.text.endswith(("。", "：", "；")) else "：") + rest
            g.paragraphs.append(p.index)
        else:
            add([(s, [p.index]) for s in _semicolon_problems(rest)])
    close()
    return items


def specificity(text: str) -> int:
    """0 a stock phrase that fits any report; 1 names a concrete field, group, unit or place; 2 also
    gives a figure, a case or its cause."""
    text = LEADING_MARKER_RE.sub("", text, count=1)
    if cues.DETAIL_RE.search(text):
        return 2
    if cues.SPECIFIC_RE.search(text):
        return 1
    return 0
