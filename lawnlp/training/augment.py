"""Structural augmentation of annotated reports, applied at training time.

Every function takes an ``AnnotatedReport`` and returns a new one (the input is never changed) whose
``texts``, ``sections`` and ``themes`` stay aligned, with themes only on ``shortcomings`` lines. They
imitate how real reports differ from the corpus: headings left out or run inline with their first
sentence, parts in another order, traditional characters, half-width punctuation, web-page debris.

    rng = random.Random(13)
    for report in train_reports:
        report = augment(report, rng, p=0.3)
"""

from __future__ import annotations

import copy
import random
import re
from collections.abc import Callable
from functools import lru_cache

from lawnlp.annotations.schema import AnnotatedReport
from lawnlp.text.normalize import normalize
from lawnlp.text.patterns import CN_NUM, cn_numeral
from lawnlp.text.structure import HEADING_MAX_CHARS, heading_marker

_HALF = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")"})
_LEVEL1_NUM = re.compile(rf"^(\s*第?)([{CN_NUM}]{{1,3}})(?=\s*[、.．]|部分|章|篇)")


def _copy(report: AnnotatedReport, texts: list[str], sections: list[str], themes: list[list[str]]) -> AnnotatedReport:
    return AnnotatedReport(report.report_id, texts, sections, [list(t) for t in themes], copy.deepcopy(report.meta))


def heading_level(text: str) -> int | None:
    """Level of a numbered heading line (1 一、 2 （一） 3 1. 4 （1）), or None for any other line.
    A heading is short and has no full stop inside, as in ``lawnlp.text.structure.parse``."""
    norm = normalize(text)
    marker = heading_marker(norm)
    if marker is None or len(norm) > HEADING_MAX_CHARS:
        return None
    stop = norm.find("。")
    return marker[0] if stop < 0 or stop == len(norm) - 1 else None


def drop_headings(report: AnnotatedReport) -> AnnotatedReport:
    """Remove the numbered heading lines (the report then reads as unbroken paragraphs)."""
    keep = [i for i, t in enumerate(report.texts) if heading_level(t) is None]
    if not keep:  # a report of headings only stays as it is
        keep = list(range(len(report.texts)))
    return _copy(
        report, [report.texts[i] for i in keep], [report.sections[i] for i in keep], [report.themes[i] for i in keep]
    )


def inline_headings(report: AnnotatedReport, rng: random.Random | None = None) -> AnnotatedReport:
    """Join each heading line with the next line when that is a body line of the same section
    (``（一）加强学法。` + `一是…`` -> one line). The joined line keeps the heading's section and the
    union of both lines' themes. With ``rng``, a full stop is sometimes put after a bare heading."""
    texts, sections, themes = [], [], []
    i, n = 0, len(report.texts)
    while i < n:
        t, s, th = report.texts[i], report.sections[i], list(report.themes[i])
        if (
            i + 1 < n
            and heading_level(t) is not None
            and heading_level(report.texts[i + 1]) is None
            and report.sections[i + 1] == s
        ):
            head = t.rstrip()
            if rng is not None and head[-1:] not in "。：:，," and rng.random() < 0.5:
                head += "。"
            t = head + report.texts[i + 1].lstrip()
            th += [x for x in report.themes[i + 1] if x not in th]
            i += 1
        texts.append(t)
        sections.append(s)
        themes.append(th)
        i += 1
    return _copy(report, texts, sections, themes)


def top_level_parts(report: AnnotatedReport) -> tuple[list[int], list[list[int]], list[int]]:
    """(head, parts, tail) line indices: head is everything before the first level-1 heading (title,
    addressee, preamble), each part runs from a level-1 heading to the next, tail is the closing run of
    ``other`` lines (signature, date, a final 其他事项 part)."""
    n = len(report.texts)
    starts = [i for i, t in enumerate(report.texts) if heading_level(t) == 1]
    tail_start = n
    while tail_start > 0 and report.sections[tail_start - 1] == "other":
        tail_start -= 1
    starts = [i for i in starts if i < tail_start]
    if not starts:
        return list(range(n)), [], []
    parts = [list(range(a, b)) for a, b in zip(starts, starts[1:] + [tail_start])]
    return list(range(starts[0])), parts, list(range(tail_start, n))


def reorder_parts(report: AnnotatedReport, rng: random.Random, renumber: bool = True) -> AnnotatedReport:
    """Swap two neighbouring top-level parts (一、… 二、…) chosen at random, keeping the opening (title,
    preamble) first and the closing ``other`` lines last; level-1 numbers are rewritten in the new
    order unless ``renumber`` is False. Reports with fewer than two parts come back unchanged."""
    head, parts, tail = top_level_parts(report)
    if len(parts) < 2:
        return _copy(report, list(report.texts), list(report.sections), report.themes)
    order = list(range(len(parts)))
    k = rng.randrange(len(parts) - 1)  # swap two neighbouring parts (e.g. leadership before measures)
    order[k], order[k + 1] = order[k + 1], order[k]
    idx = head + [i for k in order for i in parts[k]] + tail
    texts = [report.texts[i] for i in idx]
    if renumber:
        first = {parts[k][0]: pos for pos, k in enumerate(order, 1)}
        texts = [
            _LEVEL1_NUM.sub(lambda m, p=first[i]: m.group(1) + cn_numeral(p), t, count=1) if i in first else t
            for t, i in zip(texts, idx)
        ]
    return _copy(report, texts, [report.sections[i] for i in idx], [report.themes[i] for i in idx])


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def to_traditional(report: AnnotatedReport) -> AnnotatedReport:
    """Every line in traditional characters (OpenCC s2t)."""
    conv = _s2t()
    return _copy(report, [conv.convert(t) for t in report.texts], list(report.sections), report.themes)


def half_width(report: AnnotatedReport) -> AnnotatedReport:
    """Full-width ，：；（） written half-width , : ; ( ) as in some reports."""
    return _copy(report, [t.translate(_HALF) for t in report.texts], list(report.sections), report.themes)


def debris_lines(rng: random.Random, year: int | None = None) -> list[str]:
    """One to three lines of web-page debris (login links, publication date, print/close links)."""
    y = (year + 1) if year else rng.randint(2019, 2026)
    date = f"{y}-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}"
    pool = [
        "账号+密码登录",
        "登录 | 注册",
        f"发布时间：{date}",
        f"发布日期：{date} 10:{rng.randint(10, 59)}",
        "【打印本页】",
        "【关闭窗口】",
        "字号：大 中 小",
        "来源：本站",
        "分享到：",
        f"浏览次数：{rng.randint(10, 999)}",
        "扫一扫在手机打开当前页",
        "当前位置：首页 > 政务公开 > 法治政府建设",
    ]
    return rng.sample(pool, rng.randint(1, 3))


def add_debris(report: AnnotatedReport, rng: random.Random, where: str | None = None) -> AnnotatedReport:
    """Insert web debris lines labelled ``other`` at the start or the end (``where``: "start", "end",
    or None for a random choice)."""
    year = report.meta.get("year") if isinstance(report.meta.get("year"), int) else None
    lines = debris_lines(rng, year)
    where = where or rng.choice(("start", "end"))
    extra = (lines, ["other"] * len(lines), [[] for _ in lines])
    if where == "start":
        return _copy(report, extra[0] + report.texts, extra[1] + report.sections, extra[2] + report.themes)
    return _copy(report, report.texts + extra[0], report.sections + extra[1], report.themes + extra[2])


def augment(report: AnnotatedReport, rng: random.Random, p: float = 0.3) -> AnnotatedReport:
    """Apply a random subset of the augmentations, each with probability ``p``, in a fixed order
    (reorder parts, then drop *or* inline headings, debris, then the character-level ones)."""
    steps: list[Callable[[AnnotatedReport], AnnotatedReport]] = []
    if rng.random() < p:
        steps.append(lambda r: reorder_parts(r, rng))
    if rng.random() < p:
        steps.append(drop_headings)
    elif rng.random() < p:
        steps.append(lambda r: inline_headings(r, rng))
    if rng.random() < p:
        steps.append(lambda r: add_debris(r, rng))
    if rng.random() < p:
        steps.append(to_traditional)
    if rng.random() < p:
        steps.append(half_width)
    out = _copy(report, list(report.texts), list(report.sections), report.themes)
    for step in steps:
        out = step(out)
    return out
