"""The genre check: how much a text reads like a 法治政府建设年度报告 (a score from 0 to 1), and, below the
threshold (lawnlp.config.GENRE), which look-alike genre it resembles.

The score is a logistic function of cues, each a regular expression on the normalised lines with a
weight (log-odds) and a cap (``training/data/GENRE.md`` describes the real pages these cues come from):

- for the genre: a title that names 法治政府建设 (or 依法行政) with 报告/情况/总结; the density of the genre's
  words (法治政府, 依法行政, 法治建设, 依法治…, 习近平法治思想, 纲要); the report's part headings (举措 and
  成效, 存在的问题/不足, 下一步/工作打算); first-responsibility wording (第一责任人, 主要负责人, 述法); the
  ``现将…报告如下`` sentence;
- against it: news bylines and datelines; the fixed parts of a 政府信息公开工作年度报告; a 政府工作报告's
  address (各位代表) and economic figures; notice headers of 工作要点 / 实施方案 (document numbers, 现印发给
  你们, 责任单位); one person's 述法报告 in the first person; a speech (同志们); a policy interpretation
  (解读, 起草背景); a research article (摘要, 关键词); text that is mostly not Chinese (English).

Only the first ``GENRE.head_chars`` characters count (an opening decides the genre; long reports are not
favoured), and the title cues look at the first ``GENRE.title_lines`` lines.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from lawnlp.config import GENRE


@dataclass(frozen=True)
class Cue:
    """One cue: ``pattern`` counted in ``scope`` ("title": the first lines, "heads": heading-like lines and
    the heading part of inline headings, "all": the whole head); each match adds ``weight`` up to ``cap``
    matches; ``per_1000``: counted per 1,000 characters instead of per match; ``genre``: the look-alike
    genre a negative cue points to (named in the warning)."""

    name: str
    pattern: re.Pattern[str]
    weight: float
    cap: float = 1
    scope: str = "all"
    per_1000: bool = False
    genre: str | None = None


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.MULTILINE)


NEWS, DISCLOSURE, CONGRESS = "a news article", "a 政府信息公开工作年度报告", "a 政府工作报告"
PLAN, SHUFA, SPEECH = "a 工作要点 / 实施方案 or its notice", "a personal 述法报告", "a speech"
INTERPRETATION, ARTICLE, TEMPLATE = (
    "a policy interpretation (解读)",
    "a research article",
    "a template with placeholders",
)
CUES: tuple[Cue, ...] = (
    # for the genre
    Cue(
        "title",
        _re(r"(?:法治政府|法治[^，。；]{0,6}建设|依法行政|法治建设).{0,16}(?:报告|情况|总结)"),
        2.0,
        scope="title",
    ),
    Cue(
        "genre words",
        _re(r"法治政府|依法行政|法治建设|依法治(?:国|省|市|县|区|镇|乡|街)|习近平法治思想|实施纲要|法治思维|法治方式"),
        0.3,
        cap=8,
        per_1000=True,
    ),
    Cue("year opening", _re(r"^(?:20\d\d年(?:度|以来)?|今年以来|一年来)，"), 0.8),
    Cue(
        "measures part", _re(r"主要(?:举措|做法|成效|工作)|工作(?:开展)?情况|举措和成效|成效和做法"), 0.6, scope="heads"
    ),
    Cue("shortcomings part", _re(r"存在(?:的)?(?:主要)?(?:问题|不足)|不足(?:之处|和|及)"), 0.8),
    Cue("plans part", _re(r"下一步|工作(?:打算|安排|计划|思路)|(?:明年|20\d\d年)(?:工作)?(?:打算|安排|重点)"), 0.5),
    Cue("first responsibility", _re(r"第一责任人|主要负责人|关键少数"), 0.6, cap=2),
    Cue("report sentence", _re(r"现将.{0,60}(?:报告|汇报|总结|公开|公布)(?:如下|于下)|(?:报告|汇报|总结)如下"), 1.2),
    # against it
    Cue(
        "news byline",
        _re(r"(?:本报|本网|新华社|中新网).{0,10}讯|[（(]\s*记者|通讯员|(?:日|月)电[（(]"),
        -3.0,
        genre=NEWS,
    ),
    Cue("reporter", _re(r"记者|编辑[：:]|责任编辑|责编"), -1.0, cap=2, genre=NEWS),
    Cue("news dateline", _re(r"^\d{1,2}月\d{1,2}日(?:上午|下午|晚上|晚)?，"), -2.0, genre=NEWS),
    Cue(
        "news headline",
        _re(r"^(?=.*法治).*(?:审议|召开|发布|考核|举行|听取|获悉|评估|来我)"),
        -1.5,
        scope="title",
        genre=NEWS,
    ),
    Cue("disclosure title", _re(r"政府信息公开.{0,8}年度报告"), -4.0, scope="title", genre=DISCLOSURE),
    Cue(
        "disclosure parts",
        _re(r"主动公开|依申请公开|政府信息公开(?:行政)?(?:复议|诉讼)|收到和处理"),
        -1.5,
        3,
        "heads",
        genre=DISCLOSURE,
    ),
    Cue("congress address", _re(r"^各位代表|^各位政协委员"), -4.0, genre=CONGRESS),
    Cue(
        "economy figures",
        _re(r"地区生产总值|一般公共预算收入|固定资产投资|社会消费品零售总额"),
        -1.0,
        cap=3,
        genre=CONGRESS,
    ),
    Cue("congress title", _re(r"政府工作报告"), -3.0, scope="title", genre=CONGRESS),
    Cue(
        "plan title",
        _re(r"(?:工作要点|实施方案|工作安排|工作计划|行动方案|任务分工|工作方案)》?(?:的通知)?\s*$|的通知\s*$"),
        -3.0,
        scope="title",
        genre=PLAN,
    ),
    Cue("document number", _re(r"^.{0,12}〔20\d\d〕\s*\d+\s*号\s*$"), -1.5, scope="title", genre=PLAN),
    Cue("notice header", _re(r"现印发给你们|请认真(?:贯彻)?(?:落实|执行)|(?:责任|牵头)单位[：:]"), -1.2, 3, genre=PLAN),
    Cue("shufa title", _re(r"述法报告|述职述法"), -3.0, scope="title", genre=SHUFA),
    Cue("first person", _re(r"本人|我作为|我(?:始终|坚持|带头|认真|能够|严格|深知|把)"), -1.0, cap=4, genre=SHUFA),
    Cue("speech", _re(r"同志们|讲几点意见|讲(?:三|四|两)点(?:意见)?"), -3.0, genre=SPEECH),
    Cue("interpretation title", _re(r"解读"), -4.0, scope="title", genre=INTERPRETATION),
    Cue(
        "interpretation parts",
        _re(r"起草(?:背景|过程|依据)|背景依据|研判和起草"),
        -1.5,
        2,
        "heads",
        genre=INTERPRETATION,
    ),
    Cue(
        "article",
        _re(r"^\s*(?:摘要|关键词|参考文献|Abstract|Keywords)\s*[：:]?|^[（(].{0,30}大学"),
        -2.0,
        2,
        genre=ARTICLE,
    ),
    Cue("study title", _re(r"(?:研究|探析|分析|综述|评析)\s*$"), -2.0, scope="title", genre=ARTICLE),
    Cue("placeholders", _re(r"[*＊][\u4e00-\u9fff]|[\u4e00-\u9fff][*＊]"), -1.5, cap=4, genre=TEMPLATE),
)
BIAS = -2.0
ENGLISH = "text that is not Chinese"
HAN_RE = re.compile(r"[\u4e00-\u9fff]")
LATIN_RE = re.compile(r"[A-Za-z]")
MARKER_RE = re.compile(
    r"^(?:[一二三四五六七八九十]+[、是]|（[一二三四五六七八九十]+）|\d+[.、]|第[一二三四五六七八九十]+部分)"
)
# Page furniture among the first lines is no title: breadcrumbs, date/source/view-count lines, site clocks.
FURNITURE_RE = re.compile(r"[>→]|来源[：:]|发布(?:日期|时间|机构)|浏览|点击|时间[：:]|日期[：:]|星期|字号|打印")
HEAD_MAX = 40  # a line this short is heading-like; a longer one counts up to its first 。 when it starts with a marker


def _head(lines: list[str]) -> list[str]:
    out, n = [], 0
    for line in lines:
        if n >= GENRE.head_chars:
            break
        out.append(line[: GENRE.head_chars - n])
        n += len(out[-1])
    return out


def _heads(lines: list[str]) -> str:
    out = []
    for line in lines:
        if len(line) <= HEAD_MAX:
            out.append(line)
        elif MARKER_RE.match(line):
            out.append(line.split("。", 1)[0][:HEAD_MAX])
    return "\n".join(out)


def _english_share(lines: list[str]) -> float:
    """Share of the characters that sit in lines written mostly in Latin letters."""
    total = sum(len(line) for line in lines) or 1
    latin = sum(len(line) for line in lines if len(LATIN_RE.findall(line)) > 2 * len(HAN_RE.findall(line)) + 3)
    return latin / total


def genre_cues(lines: list[str]) -> dict[str, float]:
    """The contribution (log-odds) of each cue that fires on ``lines`` (normalised lines of one text)."""
    head = _head([line.strip() for line in lines if line.strip()])
    scopes = {
        "all": "\n".join(head),
        "heads": _heads(head),
        "title": "\n".join(
            line
            for line in head[: GENRE.title_lines]
            if len(line) <= GENRE.title_max_chars and not FURNITURE_RE.search(line)
        ),
    }
    chars = max(sum(len(line) for line in head), 500)
    out: dict[str, float] = {}
    for cue in CUES:
        n = len(cue.pattern.findall(scopes[cue.scope]))
        if cue.per_1000:
            n = n * 1000 / chars
        if n:
            out[cue.name] = round(cue.weight * min(n, cue.cap), 3)
    english = _english_share(head)
    if english >= 0.5:
        out[ENGLISH] = -8.0
    elif english >= 0.15:
        out[ENGLISH] = -3.0
    return out


def genre_score(lines: list[str]) -> float:
    """How much ``lines`` (the normalised lines of one text) read like a 法治政府建设年度报告: 0 to 1."""
    return round(1 / (1 + math.exp(-(BIAS + sum(genre_cues(lines).values())))), 4)


def genre_warning(lines: list[str], score: float | None = None) -> str | None:
    """A one-line warning when ``lines`` score below ``GENRE.threshold`` (naming the look-alike genre the
    strongest negative cue points to), else None."""
    score = genre_score(lines) if score is None else score
    if score >= GENRE.threshold:
        return None
    cues = genre_cues(lines)
    looks = {c.name: c.genre for c in CUES if c.genre} | {ENGLISH: ENGLISH}
    negative = sorted((v, k) for k, v in cues.items() if v < 0 and k in looks)
    like = f"; it reads like {looks[negative[0][1]]}" if negative else ""
    return f"does not look like a 法治政府建设年度报告 (genre score {score:.2f} < {GENRE.threshold}){like}"
