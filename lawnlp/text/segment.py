"""Text that lost its line breaks (copied from a browser or a PDF viewer, scraped into one field): find
it, and cut it again at part headings, item markers and sentence ends.

``resegment(text)`` returns the text unchanged with no warning when its lines look like a report's, and
otherwise the text with line breaks put back and a warning that says so. It runs on the text as read,
before ``lawnlp.text.structure.parse``, and never joins lines.

Where it cuts, in a line that runs several parts together:

* before a part heading (``一、`` ``第二部分`` ``（三）``) whose number continues the numbering seen so
  far (一、 then 二、; （一） again after each new part): numbers out of order are words, not headings;
* before an item marker (``一是`` ``二是`` …, or ``1.`` ``2.`` after a stop) in the same way;
* after a title ending in 报告 near the start, after a short addressee ending in a colon, and before a
  closing signature and date;
* pieces still longer than ``SEGMENT.max_paragraph_chars`` at sentence ends (。！？).

Measured on the corpus (376 reports of ``training/data/paragraphs.jsonl``, each one's lines joined without
breaks, lite backend): section accuracy per character 0.131 before, 0.913 re-segmented (0.984 on the
originals); themes as in the original 0.03 -> 0.95 (Jaccard); brief length 0.16x -> 0.96x. It fires on
none of the originals. tests/text/test_segment.py has the table and keeps floors under it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lawnlp.config import SEGMENT, SegmentSettings
from lawnlp.text.normalize import strip_artefacts
from lawnlp.text.patterns import CN_NUM

_CN = f"[{CN_NUM}]{{1,3}}"
# Markers where a run-on line may be cut; the numeral groups say which kind it is.
_MARK_RE = re.compile(
    rf"第(?P<part>{_CN})部分"
    rf"|(?P<h1>{_CN})[、]"
    rf"|[（(](?P<h2>{_CN})[）)]"
    rf"|(?P<item>{_CN})是"
    r"|(?<![0-9０-９.．])(?P<num>[0-9０-９]{1,2})[.、．](?![0-9０-９])"
)
_NUMERAL_LIST_RE = re.compile(rf"{_CN}[、，]")
_GAP_RE = re.compile(r"(?<=[^\x00-\x7f])[^\S\n]+(?=[^\x00-\x7f])")
_HEADING_MAX = 40  # characters of a heading run into what follows it
_STOP = "。；;：:！？"
_SENTENCE_END_RE = re.compile(r"(?<=[。！？!?])")
_DATE_END_RE = re.compile(r"(?:20\d{2}|二[〇○零][一二三四五六七八九〇○零]{2})年\S{1,3}月\S{1,3}日\s*$")
_TITLE_END_RE = re.compile(r"(?<=[\u4e00-\u9fff])报告(?!如下)(?=[^\s，。、：；）)”])")  # not 现将…报告如下
_LINE_HEADING_RE = re.compile(rf"^(?:第{_CN}部分|{_CN}、|[（(]{_CN}[）)])")
_TITLE_WORDS_RE = re.compile(r"法治|依法行政|政府建设|工作情况|年度")  # a title's words before its 报告
_ADDRESSEE_RE = re.compile(r"[^。，；！？\s]{2,24}[：:]")
# Page furniture fields run into the text (索引号： 发布机构： 来源： 【字体…): cut before each.
_FIELD_RE = re.compile(
    r"(?:索引号|发布机构|公开方式|公开范围|体裁分类|主题分类|发布日期|发布时间|成文日期|日期|信息来源|来源|浏览次数|"
    r"阅读次数|字号|[【\[［]字体)\s*[:：]|[【\[［]\s*字体"
)
# The last step of a breadcrumb (首页 > 政务公开 > 法治政府建设), which the title follows.
_CRUMB_END_RE = re.compile(
    r"[>＞→]\s*[^>＞→。，：\s]{0,8}?(?:法治政府建设|依法行政|法治建设|政务公开|信息公开目录|信息公开|镇街信息|重点领域|"
    r"工作报告|年度报告|部门文件|通知公告|工作动态|政策文件)(?![^>＞→。，：\s]{0,2}[>＞→])"
)
_OPENING_RE = re.compile(r"(?:20\d{2}|二[〇○零][一二三四五六七八九〇○零]{2})年(?:度)?(?=[，,是以])|今年以来|一年来")


@dataclass(frozen=True)
class Segmented:
    """The result of ``resegment``: the text and, when it was cut again, a warning saying so."""

    text: str
    warning: str | None = None

    @property
    def changed(self) -> bool:
        return self.warning is not None


@lru_cache(maxsize=256)
def _value(numeral: str) -> int:
    """一 -> 1, 十二 -> 12 (cn2an); 0 when it is no numeral."""
    import cn2an

    numeral = numeral.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if numeral.isdigit():
        return int(numeral)
    try:
        return int(cn2an.cn2an(numeral, "normal"))
    except (ValueError, KeyError, TypeError):
        return 0


class _Numbering:
    """The numbering seen so far: which marker would continue it."""

    def __init__(self) -> None:
        self.last = {"h1": 0, "h2": 0, "item": 0, "num": 0}  # reset by a marker of a higher level
        self.run = dict(self.last)  # never reset: （一）…（八） numbered through the whole report

    def accepts(self, kind: str, k: int, before: str, after_heading: bool) -> bool:
        """Does a marker continue the numbering? ``before``: the character before it; ``after_heading``:
        it comes right after a part heading that was cut off (二、存在的问题1.人员不足…)."""
        if k != self.last[kind] + 1 and k != self.run[kind] + 1:
            return False
        if kind == "item" and k == 1:
            return before in _STOP or after_heading  # 一是 opens items only after a stop (not 统一是)
        if kind == "num":
            return before in _STOP or (k == 1 and after_heading)  # not 共3、 or 增长2.
        return True

    def take(self, kind: str, k: int) -> None:
        self.last[kind] = self.run[kind] = k
        lower = {"h1": ("h2", "item", "num"), "h2": ("item", "num")}.get(kind, ())
        for key in lower:
            self.last[key] = 0


def _kind(m: re.Match[str]) -> tuple[str, int]:
    for kind in ("part", "h1", "h2", "item", "num"):
        if m.group(kind):
            return ("h1" if kind == "part" else kind), _value(m.group(kind))
    return "", 0  # pragma: no cover - the pattern always sets one group


def _cuts(line: str, numbering: _Numbering) -> tuple[list[int], int]:
    """Positions in ``line`` to cut before (markers continuing the numbering) and how many are headings."""
    cuts: list[int] = []
    headings = 0
    last_heading = -1
    for m in _MARK_RE.finditer(line):
        kind, k = _kind(m)
        start = m.start()
        before = line[:start].rstrip()[-1:]  # the character before it, spaces left out
        after_heading = (
            last_heading >= 0 and start - last_heading <= _HEADING_MAX and "。" not in line[last_heading:start]
        )
        if not k or (start and not numbering.accepts(kind, k, before, after_heading)):
            continue  # a marker that starts a line is a break as written: it sets the numbering
        if kind in ("h1", "h2") and _NUMERAL_LIST_RE.match(line, m.end()):
            continue  # 一、二、三级: a list of numerals, not a heading
        numbering.take(kind, k)
        if kind in ("h1", "h2"):
            last_heading = start
        if start:
            cuts.append(start)
            headings += kind in ("h1", "h2")
    return cuts, headings


def _split_at(line: str, cuts: list[int]) -> list[str]:
    bounds = [0, *cuts, len(line)]
    return [line[a:b].strip() for a, b in zip(bounds, bounds[1:]) if line[a:b].strip()]


def _gaps(piece: str) -> list[str]:
    """A piece cut at spaces between Chinese characters (lines joined with a space); bits of one or two
    characters (大 中 小) stay with the bit before."""
    out: list[str] = []
    for bit in _GAP_RE.split(piece):
        if out and len(bit) <= 2:
            out[-1] += " " + bit
        elif bit:
            out.append(bit)
    return out


def _sentences(piece: str, settings: SegmentSettings) -> list[str]:
    """A long piece cut at sentence ends into paragraphs of at least ``paragraph_chars`` characters."""
    if len(piece) <= settings.max_paragraph_chars:
        return [piece]
    out: list[str] = []
    current = ""
    for sentence in _SENTENCE_END_RE.split(piece):
        current += sentence
        if len(current) >= settings.paragraph_chars:
            out.append(current.strip())
            current = ""
    if current.strip():
        if out and len(current.strip()) < settings.paragraph_chars // 3:
            out[-1] += current.strip()
        else:
            out.append(current.strip())
    return [p for p in out if p]


def _head(piece: str, settings: SegmentSettings) -> list[str]:
    """The text before the first heading, cut before its first sentence: page furniture fields (来源：
    发布日期： …), after a title ending in 报告 and an addressee ending in a colon, before the opening
    sentence (2023年，… / 今年以来)."""
    stop = piece.find("。")
    head = piece if stop < 0 else piece[:stop]
    fields = sorted({m.start() for m in _FIELD_RE.finditer(head)} | {m.end() for m in re.finditer(r"[】］：:]", head)})
    cuts = {m.start() for m in _FIELD_RE.finditer(head)} | {m.end() for m in re.finditer(r"[】］]", head)}
    cuts |= {m.end() for m in _CRUMB_END_RE.finditer(head)}
    after_title = next(
        (
            m.end()
            for m in _TITLE_END_RE.finditer(head, 0, settings.title_within + 2)
            # the title's own words, after the last field or colon before it (not 体裁分类：报告)
            if _TITLE_WORDS_RE.search(head, max([0, m.start() - 40] + [f for f in fields if f <= m.start()]), m.start())
        ),
        0,
    )
    cuts.add(after_title)
    m = _ADDRESSEE_RE.match(head, after_title)
    if m and not _FIELD_RE.match(head, after_title):
        cuts.add(m.end())
    m = _OPENING_RE.search(head, after_title)
    if m:
        cuts.add(m.start())
    return _split_at(piece, sorted(c for c in cuts if 0 < c < len(piece)))


def _tail(piece: str) -> list[str]:
    """A closing signature and date run on after the last sentence: cut off, signer and date apart."""
    m = _DATE_END_RE.search(piece)
    if not m or m.start() == 0:
        return [piece]
    stop = max(piece.rfind(ch, 0, m.start()) for ch in "。！？")
    signer = piece[stop + 1 : m.start()].strip()
    if len(signer) > 40:
        return [piece]
    body = piece[: stop + 1].strip()
    return [p for p in (body, signer, piece[m.start() :].strip()) if p]


def lost_line_breaks(text: str, settings: SegmentSettings = SEGMENT) -> bool:
    """True when ``text`` reads as a report whose line breaks were lost (see ``resegment``)."""
    return resegment(text, settings).changed


def resegment(text: str, settings: SegmentSettings = SEGMENT) -> Segmented:
    """The text with its line breaks put back when it lost them; else the text as it is, no warning."""
    lines = [line for line in (strip_artefacts(raw) for raw in text.split("\n")) if line.strip()]
    numbering = _Numbering()
    planned = [_cuts(line, numbering) for line in lines]
    chars = sum(len(line) for line in lines)
    run_on = sum(
        len(line)
        for line, (_, headings) in zip(lines, planned)
        if len(line) >= settings.long_line_chars and headings >= settings.min_inline_headings
    )
    # a few long lines, unless two of them open with a part heading: a short excerpt that kept its breaks
    opens_heading = sum(bool(_LINE_HEADING_RE.match(line.strip())) for line in lines)
    few = len(lines) <= settings.few_lines and chars >= settings.few_lines_chars and opens_heading < 2
    if run_on < settings.run_on_share * chars and not few:
        return Segmented(text)
    out: list[str] = []
    for i, (line, (cuts, _)) in enumerate(zip(lines, planned)):
        parts = _split_at(line, cuts)
        pieces = [g for k, part in enumerate(parts) for g in (_gaps(part) if k or i else [part])]
        if i == 0 and parts:  # the opening, before the first heading: its gaps, then furniture and title
            pieces = [h for g in _gaps(parts[0]) for h in _head(g, settings)] + pieces[1:]
        if i == len(lines) - 1 and pieces:
            pieces = pieces[:-1] + _tail(pieces[-1])
        for piece in pieces:
            out.extend(_sentences(piece, settings))
    warning = (
        f"the text seems to have lost its line breaks ({len(lines)} lines for {chars} characters): "
        f"cut again at part headings, item markers and sentence ends into {len(out)} lines"
    )
    return Segmented("\n".join(out), warning)
