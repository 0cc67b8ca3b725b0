"""Candidate phrases of a brief, each a verbatim span of one source clause: figure phrases (调处矛盾纠纷274件)
and heading phrases (强化组织领导) of the measures and leadership parts, the shortcoming themes, and the
leading phrases of the plans part. Clauses carrying private data (lawnlp.text.privacy) are never taken."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from lawnlp.briefs.ranking import TfIdf, figure_features, figure_score
from lawnlp.config import BRIEF
from lawnlp.schema import Paragraph, Report
from lawnlp.text.patterns import CN_NUM, FIGURE_RE, LEAD_MARKER_RE, NUMBERING_RE, PART_WORD_RE
from lawnlp.text.privacy import find_private

DATE_RE = re.compile(r"\d{4}\s*年|\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?|\d+\s*周年|第\d+|\d+\s*号")

CLAUSE_SPLIT_RE = re.compile(r"[，。；：！？;,]")
SENTENCE_SPLIT_RE = re.compile(rf"(?<=[。；！？;])|(?=[{CN_NUM}]是)")
PAREN_RE = re.compile(r"[（(][^（）()]*[）)]")
# Words a figure clause may begin with that are not what it counts (全年调处… -> 调处…).
LEAD_RE = re.compile(
    r"^(?:(?:全年|今年以来|今年来|今年|年内|本年度|年度内|当年|去年|截至目前|截止目前|截至年底|截至\d+月底|目前|至今|同时|此外|另外|其中|"
    r"并且|并(?![联购入轨])|还(?![原款贷])|已经|已(?!知)|共计|合计|总计|累计|共(?![同享建治产青识性赢])|先后|全镇|全乡|全县|全市|"
    r"全区|全局|全系统|全街道|我镇|我乡|我局|我县|我区|我市|我委|我办|我街道|本单位|本级|镇(?![村级街区内域])|局(?![属面势部]))[，、]?)+"
)
# The last of these before a figure ends its subject: 镇法律顾问和公职律师全年审查合同协议46份 -> 审查合同协议46份
SUBJECT_END_RE = re.compile(r"全年|年内|今年以来|今年来|累计|共计|合计|先后|(?<![公总])共(?![同享建治产青识性赢])")
# A figure whose counted noun comes after it (组织了3场…活动): its clause cannot be cut after the figure.
VERB_END_RE = re.compile(r"(?:了|达|为|至|约|近|超|逾|共|计|组织|开展|举办|召开|发放|出动)\s*$")
# Classifiers that stand before the noun they count (300余家企业, 16个区): a figure phrase is never cut
# after one of them while words follow, or it would end mid-phrase (指导全市300余家).
NOUN_AFTER_UNITS = (
    "个",
    "家",
    "项",
    "名",
    "所",
    "支",
    "部",
    "条",
    "批",
    "类",
    "种",
    "套",
    "座",
    "台",
    "辆",
    "本",
    "篇",
    "册",
    "块",
    "幅",
    "位",
    "处",
    "间",
    "组",
    "村",
    "期",
    "轮",
    "堂",
    "节",
    "卷",
    "宗",
    "户",
)
# A heading that only names its part (主要举措和成效, 存在的问题): no phrase of a brief.
PART_NAME_RE = re.compile(r"(?:举措|成效|做法|情况|不足|问题|打算|安排|计划|思路|展望|原因)$")
SENTENCE_END = ("。", "！", "？", "；", "”", "）", "…", "：")
# A figure clause that cannot stand alone: its number needs the clause before it.
DEPENDENT_RE = re.compile(
    r"^(?:其中|同比|较上年|较去年|比上年|比去年|较|比|占|增长|下降|减少|提高|上升|达到|达|分别|均|人均|平均|约|涉及|"
    r"包括|含|成功|结案|办结|按时|按期|直接)"
)
# Not the work of the year: ratings and awards, population, area, history.
FIGURE_STOP_RE = re.compile(
    r"获评|荣获|被评为|评为|获得|总人口|户籍人口|常住人口|人口|面积|辖区|辖|下辖|平方公里|海拔|距离|位于|成立于|"
    r"建于|周年|排名|第\d+名|分值|得分|分以上|满分|编制|在编|在岗|职数"
)


@dataclass
class Item:
    """One candidate phrase of a brief part."""

    text: str
    score: float
    order: tuple[int, int, int]  # (paragraph, sentence, clause): report order
    kind: str = "figure"  # figure | phrase | theme | plan
    group: int = -1  # sentence id (at most BRIEF.figures_per_sentence figures from one)
    extra: dict[str, Any] = field(default_factory=dict)


def _strip_parens(text: str, private: set[str]) -> str:
    """Drop asides in brackets: long ones, ones with a clause inside, ones carrying private data
    (nested brackets from the inside out)."""
    keep_open, keep_close = "\ue000", "\ue001"

    def repl(m: re.Match[str]) -> str:
        inner = m.group()[1:-1]
        plain = inner.replace(keep_open, "（").replace(keep_close, "）")
        if (
            len(plain) > 10
            or re.search(r"[，。；、：]", plain)
            or any(p in plain for p in private)
            or find_private(plain)
        ):
            return ""
        return keep_open + inner + keep_close

    prev = None
    while prev != text:
        prev, text = text, PAREN_RE.sub(repl, text)
    text = re.sub(r"[（(][^（）()]{11,}$", "", text)  # an unclosed aside running to the end
    return text.replace(keep_open, "（").replace(keep_close, "）")


def _strip_marker(text: str) -> str:
    text = NUMBERING_RE.sub("", text.strip(), count=1)
    return LEAD_MARKER_RE.sub("", text, count=1).strip()


def sentences(p: Paragraph, private: set[str], complete: bool = True) -> list[str]:
    """The sentences of a paragraph, asides in brackets and list markers left out. ``complete=False``: the
    paragraph was cut short (a truncated page), so its unfinished last sentence is left out too."""
    text = _strip_parens(p.norm, private)
    out = []
    for s in SENTENCE_SPLIT_RE.split(text):
        s = _strip_marker(s).strip("，；。 ")
        if s:
            out.append(s)
    if not complete and out:
        out.pop()
    return out


def is_cut_short(report: Report, p: Paragraph) -> bool:
    """Is ``p`` the report's last text paragraph, ending without a sentence end (a page cut off mid-way)?"""
    last = next((q for q in reversed(report.paragraphs) if not q.debris), None)
    return p is last and p.heading_level is None and len(p.norm) >= 8 and not p.norm.endswith(SENTENCE_END)


def split_clauses(sentence: str) -> list[str]:
    return [c.strip() for c in CLAUSE_SPLIT_RE.split(sentence) if c.strip()]


def has_private(text: str, private: set[str]) -> bool:
    return any(p in text for p in private) or bool(find_private(text))


def _compress_figure(clause: str) -> str | None:
    """The figure phrase of a clause (what it counts and the number), or None when it has none worth it."""
    clause = clause.strip(" ")
    figs = [
        m
        for m in FIGURE_RE.finditer(clause)
        if not DATE_RE.match(clause, m.start()) and not re.match(r"\d{4}\s*年", clause[m.start() :])
    ]
    figs = [m for m in figs if not (m.start() > 0 and clause[m.start() - 1] == "第")]
    if not figs:
        return None
    first = figs[0]
    cut = 0
    for m in SUBJECT_END_RE.finditer(clause, 0, first.start()):
        if first.start() - m.end() >= 2:
            cut = m.end()
    phrase = clause[cut:]
    phrase = LEAD_RE.sub("", phrase)
    last = None
    for m in FIGURE_RE.finditer(phrase):
        last = m
    if last is None:
        return None
    lead = phrase[: re.search(r"\d", phrase).start()]
    counted_after = last.group().rstrip().endswith(NOUN_AFTER_UNITS) and bool(
        re.match(r"[\u4e00-\u9fff]", phrase[last.end() :])
    )
    if phrase[last.end() :] and len(phrase) > BRIEF.figure_max_chars and not VERB_END_RE.search(lead):
        if counted_after:
            return None  # the counted noun follows the figure: cut there, the phrase would end mid-way
        phrase = phrase[: last.end()]  # words after the last figure go when the counted noun comes before it
    if len(re.sub(r"[^\u4e00-\u9fff]", "", lead)) < 2:
        return None
    if DEPENDENT_RE.match(phrase) or FIGURE_STOP_RE.search(phrase) or len(phrase) > BRIEF.figure_max_chars:
        return None
    if re.search(r"均达|均为|均在|分别|以上的?$", lead) or unbalanced(phrase):
        return None
    return phrase.strip("、 ")


def _attachable(clause: str) -> str | None:
    """A short dependent figure (成功率98.2%, 结案30件) that may follow the figure before it with 、."""
    clause = LEAD_RE.sub("", clause.strip())
    if (
        len(clause) <= 12
        and FIGURE_RE.search(clause)
        and re.match(r"^(?:调解)?(?:成功|结案|办结|立案|化解|成功率|结案率|办结率|调解成功率|满意率|化解率)", clause)
    ):
        return clause
    return None


PAIRS = ("“”", "‘’", "《》", "（）", "()", "【】", "「」")


def unbalanced(text: str) -> bool:
    """Does ``text`` open a quote or bracket it does not close (or close one it did not open)?"""
    return any(text.count(a) != text.count(b) for a, b in PAIRS) or text.count('"') % 2 == 1


def figure_items(report: Report, private: set[str], tfidf: TfIdf) -> tuple[list[Item], list[Item]]:
    """Ranked figure phrases and heading phrases of the measures and leadership parts."""
    paras = [p for p in report.paragraphs if p.section in ("measures", "leadership") and not p.debris]
    sents = [(p, si, s) for p in paras for si, s in enumerate(sentences(p, private, not is_cut_short(report, p)))]
    centre = tfidf.centroid([s for _, _, s in sents]) if sents else {}
    figures: list[Item] = []
    phrases: list[Item] = []
    for gid, (p, si, s) in enumerate(sents):
        cent = tfidf.cos(tfidf.vec(s), centre)
        clauses = split_clauses(s)
        # a lead phrase: a heading's first clause, a short sentence of its own (一是构建法治新格局。), or a
        # paragraph's short opening clause (强化组织领导，…)
        if p.is_heading or len(clauses) == 1 or (si == 0 and clauses and len(s) > len(clauses[0]) + 8):
            first = clauses[0] if clauses else ""
            # a heading's words may be longer (扛牢主体责任，…: 强化政治引领); they must not only name the part
            longest = 20 if p.is_heading else 12
            words_ok = not PART_NAME_RE.search(first) if p.is_heading else not PART_WORD_RE.search(first)
            if (
                4 <= len(first) <= longest
                and words_ok
                and not re.search(r"\d|是|的", first)
                and not unbalanced(first)
                and not has_private(first, private)
            ):
                phrases.append(Item(first, cent + (0.3 if p.is_heading else 0.0), (p.index, si, 0), "phrase", gid))
        if p.is_heading and p.heading_level == 1:
            continue
        prev: Item | None = None
        for ci, c in enumerate(clauses):
            if has_private(c, private):
                prev = None
                continue
            if prev is not None and (att := _attachable(c)):
                if len(prev.extra.setdefault("attached", [])) < 1:
                    prev.extra["attached"].append(att)
                continue
            phrase = _compress_figure(c)
            if not phrase:
                prev = None
                continue
            feats = figure_features(phrase, cent, p, si, ci, report.paragraphs[-1].index)
            score = figure_score(feats)
            prev = Item(phrase, score, (p.index, si, ci), "figure", gid)
            figures.append(prev)
    figures.sort(key=lambda it: -it.score)
    phrases.sort(key=lambda it: -it.score)
    return figures, phrases


# Framing that fits any report: no phrase of a brief when better ones are wanting.
STOCK_RE = re.compile(
    r"^(?:坚持以|深入学习|全面贯彻|认真贯彻|深入贯彻|认真学习|以习近平|坚持习近平|在.{0,12}(?:领导|指导)下|"
    r"今年以来|近年来|一年来|根据|按照|为深入|为全面|为认真|现将)"
)


def clause_items(
    report: Report, private: set[str], tfidf: TfIdf, parts: tuple[str, ...] = ("measures", "leadership")
) -> list[Item]:
    """The last resort of a brief that would be nearly empty (a report that is mostly framing, or a page cut
    short): clauses of 4 to 20 characters of the measures and leadership parts (or of ``parts``: the preamble
    of a page cut before its first measure) that are not stock framing, most central first, verbatim."""
    out: list[Item] = []
    seen: set[str] = set()
    paras = [p for p in report.paragraphs if p.section in parts and not p.debris]
    sents = [(p, si, s) for p in paras for si, s in enumerate(sentences(p, private, not is_cut_short(report, p)))]
    centre = tfidf.centroid([s for _, _, s in sents]) if sents else {}
    for gid, (p, si, s) in enumerate(sents):
        cent = tfidf.cos(tfidf.vec(s), centre)
        for ci, c in enumerate(split_clauses(s)):
            c = LEAD_RE.sub("", c)
            if not (4 <= len(c) <= 20) or c in seen or STOCK_RE.match(c) or PART_NAME_RE.search(c) or "报告" in c:
                continue
            if re.search(r"\d", c) or unbalanced(c) or has_private(c, private):
                continue
            seen.add(c)
            out.append(Item(c, cent - 0.05 * ci, (p.index, si, ci), "phrase", gid))
    out.sort(key=lambda it: -it.score)
    return out
