"""Normalisation, paragraphs, headings and their context.

``parse(text)`` turns a report's text into ``Paragraph`` objects: one per non-empty line, except that a
numbered heading run inline with its body (``二、党政主要负责人…职责一是高度重视…``) becomes two.
The original text is kept in ``Paragraph.text``; ``Paragraph.norm`` is the normalised form the models
read (simplified characters, full-width punctuation, full-width digits and letters made ASCII).
"""

from __future__ import annotations

import re
from functools import lru_cache

from lawnlp.report import Paragraph

# Word-processor and conversion artefacts, removed from the text (never spanning lines).
ARTEFACT_RE = re.compile(
    r"\[(?:bookmark|image|footnote|endnote|comment|Toc)[:：_][^\]\n]*\]|[\u200b-\u200f\u2060\ufeff]",
    re.IGNORECASE,
)

# Web-page debris: short lines of navigation, login and page furniture.
DEBRIS_RE = re.compile(
    r"^(?:.{0,6}登录|.{0,4}注册|还没有账号|忘记密码|账号|发布时间|发布日期|发文日期|来源[:：]|信息来源|作者[:：]|"
    r"浏览次数|阅读次数|点击[数量率次]|访问量|【?打印|【?关闭|字号|字体[:：]|分享到|扫一扫|上一篇|下一篇|"
    r"返回顶部|【?收藏|责任编辑|网站地图|版权所有|主办单位|[^\n]{0,20}ICP备|首页\s*[>＞]|当前位置)"
)
DEBRIS_MAX_CHARS = 40

_HALF_TO_FULL = {",": "，", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"}
_FULL_TO_HALF = {chr(c): chr(c - 0xFEE0) for c in list(range(0xFF10, 0xFF1A)) + list(range(0xFF21, 0xFF3B))
                 + list(range(0xFF41, 0xFF5B))}
_FULL_TO_HALF["\u3000"] = " "
_FULL_TO_HALF["．"] = "."  # full-width full stop: 1．  (list markers); 。 stays

CN_NUM = "一二三四五六七八九十"
# (level, pattern) for numbered headings; the match ends where the heading's own words begin.
HEADING_MARKERS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"^第[{CN_NUM}]{{1,3}}(?:部分|章|篇)[、，：\s]*|^[{CN_NUM}]{{1,3}}\s*[、.]\s*")),
    (2, re.compile(rf"^（[{CN_NUM}]{{1,3}}）\s*")),
    (3, re.compile(r"^\d{1,2}\s*(?:[、]|\.(?!\d))\s*")),
    (4, re.compile(r"^（\d{1,2}）\s*|^[①②③④⑤⑥⑦⑧⑨⑩]\s*")),
)
# List items: numbered, but not headings of a part.
LIST_MARKER = re.compile(rf"^(?:[{CN_NUM}]{{1,3}}是|第[{CN_NUM}]{{1,3}}(?=[，、：])|首先(?=[，、])|其次(?=[，、])|再次(?=[，、])|最后(?=[，、]))")

HEADING_MAX_CHARS = 60       # a numbered line this short (without an inner 。) is a heading
INLINE_TITLE_MIN, INLINE_TITLE_MAX = 4, 45   # characters of heading words before an inline body


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def strip_artefacts(text: str) -> str:
    """Remove word-processor artefacts (``[bookmark: _GoBack]``) and invisible characters."""
    return ARTEFACT_RE.sub("", text)


def normalize(text: str) -> str:
    """Normalised form of one line for analysis: t2s, full-width punctuation, ASCII digits and letters."""
    text = strip_artefacts(text)
    text = "".join(_FULL_TO_HALF.get(ch, ch) for ch in text)
    # Half-width punctuation between Chinese text becomes full-width; a colon or comma between digits stays.
    text = re.sub(r"(?<!\d)[,:](?!\d)|[;()?!]", lambda m: _HALF_TO_FULL.get(m.group(), "："), text)
    if re.search(r"[\u4e00-\u9fff]", text):
        text = _t2s().convert(text)
    return text.strip()


def is_debris(norm: str) -> bool:
    """Is this (normalised) line web-page debris: login links, 发布时间, 打印本页, 字号 大中小 ...?"""
    return len(norm) <= DEBRIS_MAX_CHARS and bool(DEBRIS_RE.match(norm))


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
    m = re.compile(rf"[{CN_NUM}]是").search(norm, start + INLINE_TITLE_MIN)
    if m and m.start() - start <= INLINE_TITLE_MAX and (first_stop < 0 or m.start() < first_stop):
        return m.start()
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
        paragraphs.append(Paragraph(index=len(paragraphs), line=line_no, text=original.strip(), norm=norm,
                                    heading_level=level, numbering=numbering,
                                    headings=[h for _, h in stack], debris=debris))
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
    return paragraphs


CONTEXT_SEP = " ‖ "


def mark_years(text: str, year: int | None) -> str:
    """Years relative to the reported one, so models generalise across years: 本年, 来年, 上年."""
    if year is None:
        return text
    names = {year: "本", year + 1: "来", year - 1: "上"}
    return re.sub(r"20\d\d(?=\s*年)", lambda m: names.get(int(m.group()), m.group()), text)


def contexts(paragraphs: list[Paragraph], year: int | None = None) -> list[str]:
    """Document context of each paragraph for the section models: enclosing headings, the previous
    paragraph's start and the position in the report (tenths), as ``H1 > H2 ‖ prev ‖ 位置k``,
    with years relative to the reported ``year``."""
    out = []
    n = max(len(paragraphs), 1)
    prev = ""
    for p in paragraphs:
        heads = " > ".join(h[:24] for h in p.headings[-2:])
        ctx = f"{heads}{CONTEXT_SEP}{prev[:20]}{CONTEXT_SEP}位置{min(9, p.index * 10 // n)}"
        out.append(mark_years(ctx, year))
        if not p.debris:
            prev = p.norm
    return out


def section_inputs(paragraphs: list[Paragraph], year: int | None = None) -> tuple[list[str], list[str]]:
    """(texts, contexts) the section classifier reads for ``paragraphs`` of a report about ``year``."""
    return [mark_years(p.norm, year) for p in paragraphs], contexts(paragraphs, year)
