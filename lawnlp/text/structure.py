"""Paragraphs and headings of a report's text.

``parse(text)`` turns a report's text into ``Paragraph`` objects: one per non-empty line, except that a
numbered heading run inline with its body (``二、党政主要负责人…职责一是高度重视…``) becomes two.
The original text is kept in ``Paragraph.text``; ``Paragraph.norm`` is the normalised form the models
read (lawnlp.text.normalize). Each paragraph records its enclosing headings (``Paragraph.headings``).
"""

from __future__ import annotations

from lawnlp.schema import Paragraph
from lawnlp.text.furniture import is_debris
from lawnlp.text.normalize import normalize, strip_artefacts
from lawnlp.text.patterns import HEADING_MARKERS, ITEM_START_RE, LIST_MARKER

HEADING_MAX_CHARS = 60  # a numbered line this short (without an inner 。) is a heading
INLINE_TITLE_MIN, INLINE_TITLE_MAX = 4, 45  # characters of heading words before an inline body
LISTED_TITLE_MAX = 90  # … before an inline body that opens with a list (。一是…)


def heading_marker(norm: str) -> tuple[int, str] | None:
    """(level, marker) of a numbered heading at the start of the line, or None."""
    for level, pattern in HEADING_MARKERS:
        m = pattern.match(norm)
        if m and m.end() < len(norm):
            return level, m.group().strip()
    return None


def _inline_split(norm: str, start: int) -> int | None:
    """Where the body begins in a numbered line that runs its heading and body together, or None."""
    first_stop = norm.find("。", start)
    # 二、党政主要负责人…职责一是高度重视…: the list marker inside starts the body.
    m = ITEM_START_RE.search(norm, start + INLINE_TITLE_MIN)
    if m and m.start() - start <= INLINE_TITLE_MAX and (first_stop < 0 or m.start() < first_stop):
        return m.start()
    # （一）…第一责任人职责，加强法治政府建设等情况。一是…: a list that starts right after the first full stop
    # marks a heading, even a long one.
    if INLINE_TITLE_MIN <= first_stop - start <= LISTED_TITLE_MAX and ITEM_START_RE.match(norm, first_stop + 1):
        return first_stop + 1
    # （一）聚焦政治引领，履行主体责任。一是…: the heading ends at its first full stop or colon.
    for stop in ("。", "："):
        pos = norm.find(stop, start)
        if INLINE_TITLE_MIN <= pos - start <= INLINE_TITLE_MAX and pos + 1 < len(norm):
            return pos + 1
    return None


def _cut_original(text: str, norm_pos: int) -> int:
    """Position in the original text that corresponds to ``norm_pos`` in its normalised form."""
    lead = len(text) - len(text.lstrip())
    if len(normalize(text)) == len(text.strip()):
        return lead + norm_pos
    for i in range(len(text) + 1):  # rare: normalisation changed the length
        if len(normalize(text[:i])) >= norm_pos:
            return i
    return len(text)


def parse(text: str) -> list[Paragraph]:
    """Split a report's text into paragraphs with heading levels, numbering and enclosing headings."""
    paragraphs: list[Paragraph] = []
    stack: list[tuple[int, str]] = []  # open headings: (level, normalised text)

    def add(line_no: int, original: str, level: int | None, numbering: str | None, debris: bool = False) -> None:
        norm = normalize(original)
        if level is not None:
            while stack and stack[-1][0] >= level:
                stack.pop()
        paragraphs.append(
            Paragraph(
                index=len(paragraphs),
                line=line_no,
                text=original.strip(),
                norm=norm,
                heading_level=level,
                numbering=numbering,
                headings=[h for _, h in stack],
                debris=debris,
            )
        )
        if level is not None:
            stack.append((level, norm))

    line_no = 0
    for raw in text.splitlines():
        if not raw.strip():
            continue
        original = strip_artefacts(raw).strip()
        norm = normalize(original)
        if not norm or is_debris(norm):
            add(line_no, original, None, None, debris=True)
        elif marker := heading_marker(norm):
            level, numbering = marker
            start = len(numbering)
            while start < len(norm) and norm[start].isspace():
                start += 1
            inner_stop = norm.find("。", start)
            if len(norm) <= HEADING_MAX_CHARS and (inner_stop < 0 or inner_stop == len(norm) - 1):
                add(line_no, original, level, numbering)
            elif (cut := _inline_split(norm, start)) is not None:
                pos = _cut_original(original, cut)
                add(line_no, original[:pos], level, numbering)
                body = original[pos:]
                m = LIST_MARKER.match(normalize(body))
                add(line_no, body, None, m.group() if m else None)
            else:  # a long numbered item: it closes its siblings' scope but opens none
                while stack and stack[-1][0] >= level:
                    stack.pop()
                add(line_no, original, None, numbering)
        else:
            m = LIST_MARKER.match(norm)
            add(line_no, original, None, m.group() if m else None)
        line_no += 1
    _mark_site_summaries(paragraphs)
    return paragraphs


SUMMARY_MIN_CHARS = 30


def _mark_site_summaries(paragraphs: list[Paragraph]) -> None:
    """A portal's summary of the page: before the first heading, a paragraph that the next one repeats from its
    start (the opening cut short, or whole) is page furniture, not the preamble."""
    content = [p for p in paragraphs if not p.debris]
    for p, nxt in zip(content, content[1:]):
        if p.heading_level is not None or nxt.heading_level is not None:
            break
        cut = p.norm.rstrip("…. 。")
        if len(cut) >= SUMMARY_MIN_CHARS and nxt.norm.startswith(cut):
            p.debris = True
