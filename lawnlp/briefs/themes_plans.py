"""Candidates of the shortcomings and plans parts of a brief: the themes tagged on shortcomings paragraphs
(by their Chinese names, a stated problem phrase for 其他不足), and the leading phrase of each plans item."""

from __future__ import annotations

import re
from collections import Counter

from lawnlp.briefs.candidates import Item, has_private, sentences, split_clauses, unbalanced
from lawnlp.briefs.ranking import TfIdf, plan_score
from lawnlp.config import BRIEF
from lawnlp.labels import THEMES
from lawnlp.schema import Paragraph, Report
from lawnlp.text.patterns import CN_NUM, FIGURE_RE, LEAD_MARKER_RE, PART_WORD_RE

# The kinds of work briefs report, from the train split (see issue 5): a prior on a figure clause's topic.
# Not a plan of its own: the part's own heading, an introduction, a slogan.
PLAN_SKIP_RE = re.compile(
    r"今年以来|近年来|^目前|^当前|\d{2}[x×X]{2}|[年x]\S{0,2}月\S{0,2}日$|以下|如下|着力抓好|重点抓好|"
    r"主要有|几个方面|几项工作|^是|之年|为指导|为引领|为统领|^(?:我们|我镇|我局|我县|我区|我市)?(?:将|要)?$|"
    r"(?:工作|主要)(?:安排|打算|计划|思路|展望)$|^下一步|存在(?:的)?问题|不足"
)
PLAN_PREFIX_RE = re.compile(
    r"^(?:(?:20\d\d年|下一步|下步|明年|今后|新的一年|来年|[^，。]{0,10}?(?:将|要|拟|计划))[，、：]?)+"
)


SHORT_PART_RE = re.compile(
    r"存在.{0,8}(?:问题|不足|短板|差距)|不足.{0,4}原因|问题.{0,4}原因|^(?:主要)?(?:问题|不足)|"
    r"(?:表现|体现)在|以下|如下|一些|差距|下一步|打算"
)


def _theme_phrase(p: Paragraph, private: set[str]) -> str | None:
    """The short problem phrase a shortcomings paragraph opens with (政务公开不够及时), or None."""
    if p.heading_level == 1:
        return None
    for s in sentences(p, private):
        if SHORT_PART_RE.search(s[:16]):
            return None
        first = split_clauses(s)[0] if split_clauses(s) else ""
        if 4 <= len(first) <= 14 and not has_private(first, private) and not FIGURE_RE.search(first):
            return first
        return None
    return None


def theme_items(report: Report, private: set[str]) -> list[Item]:
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
            if p.section == "shortcomings" and (ph := _theme_phrase(p, private)) and not PART_WORD_RE.search(ph):
                items.append(Item(ph, -p.index / 1000.0, (p.index, 0, 0), "phrase"))
    items.sort(key=lambda it: -it.score)
    return items


def plan_items(report: Report, private: set[str], tfidf: TfIdf) -> list[Item]:
    paras = [p for p in report.paragraphs if p.section == "plans" and not p.debris]
    sents = [(p, si, s) for p in paras for si, s in enumerate(sentences(p, private))]
    centre = tfidf.centroid([s for _, _, s in sents]) if sents else {}
    items: list[Item] = []
    seen: set[str] = set()
    for gid, (p, si, s) in enumerate(sents):
        if p.is_heading and p.heading_level == 1 and PART_WORD_RE.search(s):
            continue
        clauses = [PLAN_PREFIX_RE.sub("", c) for c in split_clauses(s)]
        clauses = [c for c in clauses if c and not re.fullmatch(r"20\d\d年度?", c)]
        if not clauses:
            continue
        lead = clauses[0]
        starts_item = (
            p.is_heading or si == 0 or bool(LEAD_MARKER_RE.match(p.norm)) or bool(re.match(rf"[{CN_NUM}]是", s))
        )
        if not (4 <= len(lead) <= BRIEF.plan_max_chars) or has_private(lead, private):
            continue
        if PLAN_SKIP_RE.search(lead) or lead in seen or unbalanced(lead):
            continue
        if p.is_heading and p.heading_level == 1:
            continue
        seen.add(lead)
        cent = tfidf.cos(tfidf.vec(s), centre)
        score = plan_score(cent, starts_item, p.is_heading, si > 0)
        items.append(Item(lead, score, (p.index, si, 0), "plan", gid))
    items.sort(key=lambda it: -it.score)
    return items
