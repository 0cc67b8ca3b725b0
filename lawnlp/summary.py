"""Briefs (annotation guide, section 4): short, faithful, structure-aware extractive summaries.

A brief reads like 「仁沙镇2024年：调处矛盾纠纷338件，开展普法活动56场次，……；不足：法治人才与工作力量不足、
群众法治意识薄弱；2025年：强化组织领导，……。」 and is built part by part from the classified paragraphs:

* head: entity and year from ``report.meta`` only (left out when None, never guessed);
* measures: figure clauses (调处矛盾纠纷274件) and heading phrases (强化组织领导) from ``measures`` and
  ``leadership`` paragraphs, copied from the text, ranked by TF-IDF centrality (character bigrams) of
  their sentence, a prior on the kinds of work briefs report, and their place under a heading;
* shortcomings: the themes tagged on ``shortcomings`` paragraphs, by their Chinese names;
* plans: the leading phrase of each item of the ``plans`` part; headed 「2025年」 (meta.year + 1) only when
  the plans part itself names that year, else 「下一步」.

Faithfulness: every phrase is a verbatim span of one source clause (the leading 全年/共/累计 and the
subject may be left off, never a number's own words); nothing is computed. Clauses carrying private data
(lawnlp.scrub) are never selected. The budget is met by dropping the lowest-ranked items, never by cutting
a phrase.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lawnlp import defaults
from lawnlp.defaults import BRIEF_MAX_CHARS
from lawnlp.labels import THEMES
from lawnlp.report import Brief, Paragraph, Report
from lawnlp.scrub import find_private, scrub

if TYPE_CHECKING:  # pragma: no cover
    from lawnlp.abstractive import Rewriter

# -- numbers and figures --------------------------------------------------------------------------------
NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
UNITS = ("人次", "家次", "户次", "件次", "场次", "车次", "矿次", "批次", "期次", "个工作日", "工作日", "平方米", "万元", "亿元",
         "公里", "小时", "课时", "余人", "名", "件", "次", "场", "份", "人", "个", "起", "期", "篇", "条", "户", "家", "项", "宗",
         "张", "处", "元", "亩", "所", "册", "台", "辆", "批", "轮", "套", "本", "块", "幅", "部", "类", "堂", "节", "天",
         "日", "万", "亿", "%", "％", "‰", "支", "座", "间", "组", "村", "遍", "位", "单", "卷", "案", "宗", "米", "吨")
FIGURE_RE = re.compile(r"\d+(?:\.\d+)?(?:\s*(?:万|亿))?(?:余|多)?\s*(?:" + "|".join(sorted(set(UNITS), key=len, reverse=True)) + ")")
DATE_RE = re.compile(r"\d{4}\s*年|\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号])?|\d+\s*周年|第\d+|\d+\s*号")

CLAUSE_SPLIT_RE = re.compile(r"[，。；：！？;,]")
SENTENCE_SPLIT_RE = re.compile(r"(?<=[。；！？;])|(?=[一二三四五六七八九十]是)")
PAREN_RE = re.compile(r"[（(][^（）()]*[）)]")
LIST_MARKER_RE = re.compile(r"^(?:[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3}[，、]|首先|其次|再次|最后|此外|同时|另外)[，、：]?")
NUMBERING_RE = re.compile(
    r"^(?:第[一二三四五六七八九十]{1,3}(?:部分|章|篇)[、，：\s]*|[一二三四五六七八九十]{1,3}\s*[、.．]\s*|（[一二三四五六七八九十\d]{1,3}）\s*|"
    r"\d{1,2}\s*(?:[、．]|\.(?!\d))\s*|[①②③④⑤⑥⑦⑧⑨⑩]\s*)")
# Words a figure clause may begin with that are not what it counts (全年调处… -> 调处…).
LEAD_RE = re.compile(
    r"^(?:(?:全年|今年以来|今年来|今年|年内|本年度|年度内|当年|去年|截至目前|截止目前|截至年底|截至\d+月底|目前|至今|同时|此外|另外|其中|"
    r"并且|并(?![联购入轨])|还(?![原款贷])|已经|已(?!知)|共计|合计|总计|累计|共(?![同享建治产青识性赢])|先后|全镇|全乡|全县|全市|"
    r"全区|全局|全系统|全街道|我镇|我乡|我局|我县|我区|我市|我委|我办|我街道|本单位|本级|镇(?![村级街区内域])|局(?![属面势部]))[，、]?)+")
# The last of these before a figure ends its subject: 镇法律顾问和公职律师全年审查合同协议46份 -> 审查合同协议46份
SUBJECT_END_RE = re.compile(r"全年|年内|今年以来|今年来|累计|共计|合计|先后|(?<![公总])共(?![同享建治产青识性赢])")
# A figure whose counted noun comes after it (组织了3场…活动): its clause cannot be cut after the figure.
VERB_END_RE = re.compile(r"(?:了|达|为|至|约|近|超|逾|共|计|组织|开展|举办|召开|发放|出动)\s*$")
# A figure clause that cannot stand alone: its number needs the clause before it.
DEPENDENT_RE = re.compile(r"^(?:其中|同比|较上年|较去年|比上年|比去年|较|比|占|增长|下降|减少|提高|上升|达到|达|分别|均|人均|平均|约|涉及|"
                          r"包括|含|成功|结案|办结|按时|按期|直接)")
# Not the work of the year: ratings and awards, population, area, history.
FIGURE_STOP_RE = re.compile(r"获评|荣获|被评为|评为|获得|总人口|户籍人口|常住人口|人口|面积|辖区|辖|下辖|平方公里|海拔|距离|位于|成立于|"
                            r"建于|周年|排名|第\d+名|分值|得分|分以上|满分|编制|在编|在岗|职数")

# The kinds of work briefs report, from the train split (see issue 5): a prior on a figure clause's topic.
TOPIC_WEIGHTS: tuple[tuple[re.Pattern[str], float], ...] = tuple(
    (re.compile(p), w) for p, w in defaults.BRIEF_TOPIC_WEIGHTS)

PART_HEAD_RE = re.compile(r"举措|成效|情况|工作|做法|不足|问题|打算|安排|计划|思路|展望|下一步|责任|职责")
# Not a plan of its own: the part's own heading, an introduction, a slogan.
PLAN_SKIP_RE = re.compile(r"今年以来|近年来|^目前|^当前|\d{2}[x×X]{2}|[年x]\S{0,2}月\S{0,2}日$|以下|如下|着力抓好|重点抓好|"
                          r"主要有|几个方面|几项工作|^是|之年|为指导|为引领|为统领|^(?:我们|我镇|我局|我县|我区|我市)?(?:将|要)?$|"
                          r"(?:工作|主要)(?:安排|打算|计划|思路|展望)$|^下一步|存在(?:的)?问题|不足")
PLAN_PREFIX_RE = re.compile(
    r"^(?:(?:20\d\d年|下一步|下步|明年|今后|新的一年|来年|[^，。]{0,10}?(?:将|要|拟|计划))[，、：]?)+")


def normalize_text(text: str) -> str:
    """The normalised form used for faithfulness checks: each line as paragraphs' ``norm``, with years
    written in Chinese numerals (二〇二四年) also in digits."""
    from lawnlp.meta import _cn_year
    from lawnlp.structure import normalize

    return "\n".join(_cn_year(normalize(line)) for line in text.splitlines() if line.strip())


def numbers_not_in(text: str, source: str) -> list[str]:
    """Numbers in ``text`` that do not appear in ``source`` with the same unit (or at all): each number
    is checked together with the character after it (2024年, 46份, 98.2%), as a whole number."""
    src = normalize_text(source)
    text = normalize_text(text)
    bad = []
    for m in NUMBER_RE.finditer(text):
        unit = text[m.end():m.end() + 1]
        unit = unit if unit and not unit.isspace() and unit not in "，。；、：,.;)）" else ""
        pat = rf"(?<![\d.]){re.escape(m.group())}(?![\d]|\.\d)" + (re.escape(unit) if unit else "")
        if not re.search(pat, src):
            bad.append(m.group() + unit)
    return bad


# -- sentences, clauses and their scores --------------------------------------------------------------
def _bigrams(text: str) -> Counter:
    chars = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    return Counter(a + b for a, b in zip(chars, chars[1:]))


class _TfIdf:
    """TF-IDF over character bigrams of one report's sentences; centrality against a set of sentences."""

    def __init__(self, docs: list[str]):
        self.df: Counter = Counter()
        for d in docs:
            self.df.update(set(_bigrams(d)))
        self.n = max(len(docs), 1)

    def vec(self, text: str) -> dict[str, float]:
        tf = _bigrams(text)
        v = {g: (1 + math.log(c)) * math.log((1 + self.n) / (1 + self.df.get(g, 0)) + 1) for g, c in tf.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {g: x / norm for g, x in v.items()}

    def centroid(self, texts: list[str]) -> dict[str, float]:
        acc: Counter = Counter()
        for t in texts:
            for g, x in self.vec(t).items():
                acc[g] += x
        norm = math.sqrt(sum(x * x for x in acc.values())) or 1.0
        return {g: x / norm for g, x in acc.items()}

    @staticmethod
    def cos(a: dict[str, float], b: dict[str, float]) -> float:
        if len(a) > len(b):
            a, b = b, a
        return sum(x * b.get(g, 0.0) for g, x in a.items())


@dataclass
class Item:
    """One candidate phrase of a brief part."""

    text: str
    score: float
    order: tuple[int, int, int]        # (paragraph, sentence, clause): report order
    kind: str = "figure"               # figure | phrase | theme | plan
    group: int = -1                    # sentence id (at most BRIEF_FIGURES_PER_SENTENCE figures from one)
    extra: dict[str, Any] = field(default_factory=dict)


def _strip_parens(text: str, private: set[str]) -> str:
    """Drop asides in brackets: long ones, ones with a clause inside, ones carrying private data
    (nested brackets from the inside out)."""
    keep_open, keep_close = "\ue000", "\ue001"

    def repl(m: re.Match[str]) -> str:
        inner = m.group()[1:-1]
        plain = inner.replace(keep_open, "（").replace(keep_close, "）")
        if len(plain) > 10 or re.search(r"[，。；、：]", plain) or any(p in plain for p in private) or find_private(plain):
            return ""
        return keep_open + inner + keep_close

    prev = None
    while prev != text:
        prev, text = text, PAREN_RE.sub(repl, text)
    text = re.sub(r"[（(][^（）()]{11,}$", "", text)  # an unclosed aside running to the end
    return text.replace(keep_open, "（").replace(keep_close, "）")


def _strip_marker(text: str) -> str:
    text = NUMBERING_RE.sub("", text.strip(), count=1)
    return LIST_MARKER_RE.sub("", text, count=1).strip()


def _sentences(p: Paragraph, private: set[str]) -> list[str]:
    text = _strip_parens(p.norm, private)
    out = []
    for s in SENTENCE_SPLIT_RE.split(text):
        s = _strip_marker(s).strip("，；。 ")
        if s:
            out.append(s)
    return out


def _clauses(sentence: str) -> list[str]:
    return [c.strip() for c in CLAUSE_SPLIT_RE.split(sentence) if c.strip()]


def _has_private(text: str, private: set[str]) -> bool:
    return any(p in text for p in private) or bool(find_private(text))


def _compress_figure(clause: str) -> str | None:
    """The figure phrase of a clause (what it counts and the number), or None when it has none worth it."""
    clause = clause.strip(" ")
    figs = [m for m in FIGURE_RE.finditer(clause) if not DATE_RE.match(clause, m.start())
            and not re.match(r"\d{4}\s*年", clause[m.start():])]
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
    lead = phrase[:re.search(r"\d", phrase).start()]
    if phrase[last.end():] and len(phrase) > defaults.BRIEF_FIGURE_MAX_CHARS and not VERB_END_RE.search(lead):
        phrase = phrase[:last.end()]  # words after the last figure go when the counted noun comes before it
    if len(re.sub(r"[^\u4e00-\u9fff]", "", lead)) < 2:
        return None
    if DEPENDENT_RE.match(phrase) or FIGURE_STOP_RE.search(phrase) or len(phrase) > defaults.BRIEF_FIGURE_MAX_CHARS:
        return None
    if re.search(r"均达|均为|均在|分别|以上的?$", lead) or _unbalanced(phrase):
        return None
    return phrase.strip("、 ")


def _attachable(clause: str) -> str | None:
    """A short dependent figure (成功率98.2%, 结案30件) that may follow the figure before it with 、."""
    clause = LEAD_RE.sub("", clause.strip())
    if len(clause) <= 12 and FIGURE_RE.search(clause) and re.match(
            r"^(?:调解)?(?:成功|结案|办结|立案|化解|成功率|结案率|办结率|调解成功率|满意率|化解率)", clause):
        return clause
    return None


PAIRS = ("“”", "‘’", "《》", "（）", "()", "【】", "「」")


def _unbalanced(text: str) -> bool:
    """Does ``text`` open a quote or bracket it does not close (or close one it did not open)?"""
    return any(text.count(a) != text.count(b) for a, b in PAIRS) or text.count('"') % 2 == 1


def _topic_prior(text: str) -> float:
    """The summed weights of the kinds of work ``text`` is about (调处纠纷, 普法, 审查合同 …)."""
    return sum(w for p, w in TOPIC_WEIGHTS if p.search(text))


def figure_features(phrase: str, centrality: float, p: Paragraph, sentence: int, clause: int, last: int) -> dict[str, float]:
    """What a figure phrase is scored on (weights: defaults.BRIEF_FIGURE_WEIGHTS, fitted on the train split)."""
    m = FIGURE_RE.search(phrase)
    num = float(NUMBER_RE.match(m.group()).group()) if m else 0.0
    return {
        "centrality": centrality,
        "topic": _topic_prior(phrase),
        "leadership": float(p.section == "leadership"),
        "first_clause": float(clause == 0),
        "first_sentence": float(sentence == 0),
        "position": p.index / max(last, 1),
        "length": float(len(phrase)),
        "one": float(num == 1),
        "rate": float("率" in phrase or "%" in phrase),
        "tail": float(bool(m) and not re.search(FIGURE_RE.pattern + r"$", phrase)),
    }


SHORT_PART_RE = re.compile(r"存在.{0,8}(?:问题|不足|短板|差距)|不足.{0,4}原因|问题.{0,4}原因|^(?:主要)?(?:问题|不足)|"
                           r"(?:表现|体现)在|以下|如下|一些|差距|下一步|打算")


def _theme_phrase(p: Paragraph, private: set[str]) -> str | None:
    """The short problem phrase a shortcomings paragraph opens with (政务公开不够及时), or None."""
    if p.heading_level == 1:
        return None
    for s in _sentences(p, private):
        if SHORT_PART_RE.search(s[:16]):
            return None
        first = _clauses(s)[0] if _clauses(s) else ""
        if 4 <= len(first) <= 14 and not _has_private(first, private) and not FIGURE_RE.search(first):
            return first
        return None
    return None


# -- the brief ----------------------------------------------------------------------------------------
def _figure_items(report: Report, private: set[str], tfidf: _TfIdf) -> tuple[list[Item], list[Item]]:
    """Ranked figure phrases and heading phrases of the measures and leadership parts."""
    paras = [p for p in report.paragraphs if p.section in ("measures", "leadership") and not p.debris]
    sents = [(p, si, s) for p in paras for si, s in enumerate(_sentences(p, private))]
    centre = tfidf.centroid([s for _, _, s in sents]) if sents else {}
    figures: list[Item] = []
    phrases: list[Item] = []
    for gid, (p, si, s) in enumerate(sents):
        cent = tfidf.cos(tfidf.vec(s), centre)
        clauses = _clauses(s)
        # a lead phrase: a heading's first clause, a short sentence of its own (一是构建法治新格局。), or a
        # paragraph's short opening clause (强化组织领导，…)
        if p.is_heading or len(clauses) == 1 or (si == 0 and clauses and len(s) > len(clauses[0]) + 8):
            first = clauses[0] if clauses else ""
            if 4 <= len(first) <= 12 and not PART_HEAD_RE.search(first) and not re.search(r"\d|是|的", first) \
                    and not _unbalanced(first) and not _has_private(first, private):
                phrases.append(Item(first, cent + (0.3 if p.is_heading else 0.0), (p.index, si, 0), "phrase", gid))
        if p.is_heading and p.heading_level == 1:
            continue
        prev: Item | None = None
        for ci, c in enumerate(clauses):
            if _has_private(c, private):
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
            score = sum(defaults.BRIEF_FIGURE_WEIGHTS.get(k, 0.0) * v for k, v in feats.items())
            prev = Item(phrase, score, (p.index, si, ci), "figure", gid)
            figures.append(prev)
    figures.sort(key=lambda it: -it.score)
    phrases.sort(key=lambda it: -it.score)
    return figures, phrases


def _select_figures(figures: list[Item], k: int) -> list[Item]:
    """The top ``k`` figures, at most one per sentence and no repeated phrase."""
    out: list[Item] = []
    seen_groups: Counter = Counter()
    seen_text: set[str] = set()
    for it in figures:
        key = re.sub(r"\d[\d.]*", "#", it.text)
        if it.text in seen_text or seen_groups[it.group] >= defaults.BRIEF_FIGURES_PER_SENTENCE or key in seen_text:
            continue
        out.append(it)
        seen_groups[it.group] += 1
        seen_text.update({it.text, key})
        if len(out) >= k:
            break
    return out


def _theme_items(report: Report, private: set[str]) -> list[Item]:
    counts: Counter = Counter()
    first: dict[str, int] = {}
    phrase: dict[str, str] = {}
    for p in report.paragraphs:
        if p.section != "shortcomings":
            continue
        for t in p.themes:
            counts[t] += 1
            first.setdefault(t, p.index)
            if t == "other_shortcoming" and t not in phrase and (ph := _theme_phrase(p, private)):
                phrase[t] = ph
    items = []
    for t in counts:
        if t not in THEMES:
            continue
        name = THEMES[t]
        if t == "other_shortcoming" and t in phrase:
            name = f"{phrase[t]}等{name}"
        items.append(Item(name, counts[t] - first[t] / 1000.0, (first[t], 0, 0), "theme", extra={"id": t}))
    if len(items) > 1:  # a bare 其他不足 says nothing next to named themes
        items = [it for it in items if it.text != THEMES["other_shortcoming"]]
    if not items:  # shortcomings without theme labels: their leading phrases
        for p in report.paragraphs:
            if p.section == "shortcomings" and (ph := _theme_phrase(p, private)) and not PART_HEAD_RE.search(ph):
                items.append(Item(ph, -p.index / 1000.0, (p.index, 0, 0), "phrase"))
    items.sort(key=lambda it: -it.score)
    return items


def _plan_items(report: Report, private: set[str], tfidf: _TfIdf) -> list[Item]:
    paras = [p for p in report.paragraphs if p.section == "plans" and not p.debris]
    sents = [(p, si, s) for p in paras for si, s in enumerate(_sentences(p, private))]
    centre = tfidf.centroid([s for _, _, s in sents]) if sents else {}
    items: list[Item] = []
    seen: set[str] = set()
    for gid, (p, si, s) in enumerate(sents):
        if p.is_heading and p.heading_level == 1 and PART_HEAD_RE.search(s):
            continue
        clauses = [PLAN_PREFIX_RE.sub("", c) for c in _clauses(s)]
        clauses = [c for c in clauses if c and not re.fullmatch(r"20\d\d年度?", c)]
        if not clauses:
            continue
        lead = clauses[0]
        starts_item = p.is_heading or si == 0 or bool(LIST_MARKER_RE.match(p.norm)) or bool(re.match(r"[一二三四五六七八九十]是", s))
        if not (4 <= len(lead) <= defaults.BRIEF_PLAN_MAX_CHARS) or _has_private(lead, private):
            continue
        if PLAN_SKIP_RE.search(lead) or lead in seen or _unbalanced(lead):
            continue
        if p.is_heading and p.heading_level == 1:
            continue
        seen.add(lead)
        cent = tfidf.cos(tfidf.vec(s), centre)
        w = defaults.BRIEF_WEIGHTS
        score = (w["plan_centrality"] * cent + w["plan_item"] * starts_item + w["plan_heading"] * p.is_heading
                 - w["plan_later_sentence"] * (si > 0))
        items.append(Item(lead, score, (p.index, si, 0), "plan", gid))
    items.sort(key=lambda it: -it.score)
    return items


def _plans_head(report: Report) -> str:
    year = report.meta.year
    if year is not None:
        nxt = str(year + 1)
        if any(nxt in p.norm for p in report.paragraphs if p.section == "plans"):
            return f"{nxt}年"
    return "下一步"


def _render(head: str, figures: list[Item], themes: list[Item], plans_head: str, plans: list[Item]) -> str:
    parts = []
    if figures:
        chunks: list[str] = []
        for it in sorted(figures, key=lambda it: it.order):
            chunks.append("、".join([it.text] + it.extra.get("attached", [])))
        parts.append("，".join(chunks))
    if themes:
        parts.append("不足：" + "、".join(it.text for it in sorted(themes, key=lambda it: it.order)))
    if plans:
        parts.append(f"{plans_head}：" + "，".join(it.text for it in sorted(plans, key=lambda it: it.order)))
    body = "；".join(parts)
    if head:
        return f"{head}：{body}。" if body else f"{head}。"
    return f"{body}。" if body else ""


def _fit(head: str, figures: list[Item], themes: list[Item], plans_head: str, plans: list[Item],
         max_chars: int) -> tuple[list[Item], list[Item], list[Item], str]:
    """Drop the lowest-ranked items (figure attachments first) until the brief fits ``max_chars``."""
    figures, themes, plans = list(figures), list(themes), list(plans)
    quota = defaults.BRIEF_PART_SHARES
    while True:
        text = _render(head, figures, themes, plans_head, plans)
        if len(text) <= max_chars:
            return figures, themes, plans, text
        attached = [it for it in figures if it.extra.get("attached")]
        if attached:
            min(attached, key=lambda it: it.score).extra["attached"] = []
            continue
        parts = [("figures", figures), ("themes", themes), ("plans", plans)]
        over = [(sum(len(it.text) + 1 for it in lst) / (quota[name] * max_chars), name, lst)
                for name, lst in parts if len(lst) > 1]
        if over:
            _, _, lst = max(over, key=lambda x: x[0])
            lst.remove(min(lst, key=lambda it: it.score))
            continue
        for lst in (plans, themes, figures):  # one item each left: drop whole parts, plans first
            if lst:
                lst.clear()
                break
        else:
            return figures, themes, plans, _cut(text, max_chars)


def _cut(text: str, max_chars: int) -> str:
    """Last resort (a head longer than the budget): cut at a character boundary outside any number."""
    cut = text[:max_chars]
    while cut and (cut[-1].isdigit() or cut[-1] == "." or (len(text) > len(cut) and text[len(cut)].isdigit()
                                                          and cut[-1].isdigit())):
        cut = cut[:-1]
    m = re.search(r"\d[\d.]*$", cut)
    if m and len(text) > len(cut) and (text[len(cut)].isdigit() or text[len(cut)] == "."):
        cut = cut[:m.start()]
    return cut


def summarize_report(report: Report, max_chars: int = BRIEF_MAX_CHARS, rewriter: "Rewriter | None" = None) -> Brief:
    """A short faithful brief of an analysed report (paragraph sections and themes already set).

    ``rewriter`` (lawnlp.abstractive.Rewriter) optionally rewrites the extractive draft; its output is
    kept only after ``guard_numbers`` and only if it fits the budget.
    """
    meta = report.meta
    source = "\n".join(p.norm for p in report.paragraphs)
    private = set(find_private("\n".join(p.text for p in report.paragraphs)))
    private |= set(find_private(source))
    head = f"{meta.entity or ''}{f'{meta.year}年' if meta.year is not None else ''}"
    body_sents = [s for p in report.paragraphs if p.section not in (None, "other") and not p.debris
                  for s in _sentences(p, private)]
    tfidf = _TfIdf(body_sents or [source])

    figures, phrases = _figure_items(report, private, tfidf)
    sel_figures = _select_figures(figures, defaults.BRIEF_MAX_FIGURES)
    if len(sel_figures) < defaults.BRIEF_MIN_FIGURES:  # few figures: heading phrases stand in
        used = {it.order[0] for it in sel_figures}
        extra = [it for it in phrases if it.order[0] not in used]
        sel_figures += extra[:defaults.BRIEF_MIN_FIGURES + 1 - len(sel_figures)]
    themes = _theme_items(report, private)[:defaults.BRIEF_MAX_THEMES]
    plans = _plan_items(report, private, tfidf)[:defaults.BRIEF_MAX_PLANS]
    plans_head = _plans_head(report)

    sel_figures, themes, plans, text = _fit(head, sel_figures, themes, plans_head, plans, max_chars)
    if find_private(text):  # never expected: every phrase was checked; scrub as a last guard
        text = scrub(text)
        if len(text) > max_chars:
            text = _cut(text, max_chars)

    figure_texts = ["、".join([it.text] + it.extra.get("attached", [])) for it in sorted(sel_figures, key=lambda i: i.order)
                    if it.kind == "figure"]
    measure_phrases = [it.text for it in phrases[:defaults.BRIEF_MAX_MEASURES]]
    if not measure_phrases:
        measure_phrases = [it.text for it in sel_figures]
    theme_ids = [it.extra["id"] for it in sorted(themes, key=lambda i: i.order) if "id" in it.extra]
    plan_texts = [it.text for it in sorted(plans, key=lambda i: i.order)]
    brief = Brief(text=text, entity=meta.entity, year=meta.year, measures=measure_phrases, figures=figure_texts,
                  themes=theme_ids, plans=plan_texts)
    if rewriter is not None:
        from lawnlp.abstractive import guard_numbers

        try:
            out = guard_numbers(rewriter.rewrite(text), source)
        except Exception:  # noqa: BLE001 - a failed rewrite keeps the extractive brief
            out = ""
        if out and len(out) <= max_chars:
            brief.text = out
    return brief
