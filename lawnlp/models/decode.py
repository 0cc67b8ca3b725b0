"""Document-level decoding on top of the paragraph models.

- ``smooth_sections``: a heading and the body paragraphs under it belong to one part of the report
  (the guide: a heading takes the label of the part it opens), so each such group takes the label
  with the highest summed log-probability over its members; members the model puts in ``other``
  (a signature or date after the last part) keep their own label.
- ``part_prior``: a heading that names its part outright (存在的问题, 下一步工作打算, 主要做法, 第一责任人
  职责情况) bounds the labels of everything under it, the nearest such heading counting; a heading that
  names two parts (存在问题和下一步打算) bounds nothing. The bound is soft (a factor, not a ban).
- ``split_items``: a dense shortcomings paragraph (一是…二是…三是…) is tagged item by item and merged.
"""

from __future__ import annotations

import re

import numpy as np

from lawnlp.report import Paragraph

ITEM_RE = re.compile(r"(?=[一二三四五六七八九十]是)|(?<=[。；;])(?=\d{1,2}[.、．]|（\d{1,2}）|[其另]次|此外|同时)")
ITEM_MIN_CHARS = 60


PART_KEYWORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("leadership", re.compile(r"第一责任人|主要负责人|述法|四个亲自")),
    ("shortcomings", re.compile(r"存在.{0,6}(?:问题|不足)|不足|短板|差距|薄弱|挑战|弱项|问题(?:和|及|与)|^问题")),
    ("plans", re.compile(r"打算|工作安排|主要安排|重点安排|工作计划|工作思路|展望|下一步|下步|努力方向|工作重点|重点工作|来年")),
    ("measures", re.compile(r"举措|成效|做法|成绩|亮点|进展|开展情况|建设情况|工作情况|推进情况|主要工作")),
)
# Which sections may sit under a heading that names each part (other: signatures, dates, debris).
PART_ALLOWS = {"measures": {"measures", "leadership", "other"}, "leadership": {"leadership", "other"},
               "shortcomings": {"shortcomings", "other"}, "plans": {"plans", "other"}}
PART_HEADING_MAX = 16   # a sub-heading names a part only when it is this short (（一）存在问题)
PRIOR_FACTOR = 0.02     # probability factor for labels the enclosing part does not allow


def heading_part(heading: str, level: int | None) -> str | None:
    """The single part a heading names by its keywords (None if none or several)."""
    words = re.sub(r"^[（(]?[一二三四五六七八九十\d]{1,3}[)）、.．]?\s*", "", heading)
    if level != 1 and len(words) > PART_HEADING_MAX:
        return None
    found = [label for label, pattern in PART_KEYWORDS if pattern.search(words)]
    if len(found) == 2 and found[0] == "leadership" and found[1] == "measures":
        found = ["leadership"]  # 第一责任人职责履行情况
    return found[0] if len(found) == 1 else None


def part_prior(paragraphs: list[Paragraph], proba: np.ndarray, labels: tuple[str, ...]) -> np.ndarray:
    """``proba`` re-weighted by the part the nearest part-naming heading (the paragraph itself, if a
    heading, then its enclosing headings, innermost first) announces; rows renormalised."""
    out = proba.copy()
    levels = {}
    for p in paragraphs:
        if p.heading_level is not None:
            levels.setdefault(p.norm, p.heading_level)
    for i, p in enumerate(paragraphs):
        if p.debris:
            continue
        chain = ([p.norm] if p.heading_level is not None else []) + p.headings[::-1]
        for k, h in enumerate(chain):
            part = heading_part(h, levels.get(h, 1))
            if part:
                # the heading that names the part is that part; what lies under it may also be a sub-part
                allowed = {part} if k == 0 and p.heading_level is not None else PART_ALLOWS[part]
                mask = np.array([lab not in allowed for lab in labels])
                out[i, mask] *= PRIOR_FACTOR
                break
    return out / out.sum(axis=1, keepdims=True)


def heading_groups(paragraphs: list[Paragraph]) -> list[list[int]]:
    """Indices of each heading with the non-heading paragraphs that follow it (debris excluded)."""
    groups: list[list[int]] = []
    current: list[int] | None = None
    for i, p in enumerate(paragraphs):
        if p.debris:
            continue
        if p.heading_level is not None:
            current = [i]
            groups.append(current)
        elif current is not None:
            current.append(i)
    return groups


def smooth_sections(paragraphs: list[Paragraph], proba: np.ndarray, labels: tuple[str, ...]) -> list[str]:
    """Section labels for ``paragraphs`` from per-paragraph probabilities, consistent within heading groups."""
    proba = part_prior(paragraphs, proba, labels)
    pred = [labels[k] for k in proba.argmax(axis=1)]
    other = labels.index("other") if "other" in labels else -1
    logp = np.log(np.clip(proba, 1e-9, 1.0))
    for group in heading_groups(paragraphs):
        members = [i for i in group if pred[i] != "other"]
        if len(members) < 2:
            continue
        score = logp[members].sum(axis=0)
        if other >= 0:
            score[other] = -np.inf
        label = labels[int(score.argmax())]
        for i in members:
            pred[i] = label
    return pred


def split_items(text: str) -> list[str]:
    """The list items of a dense paragraph (at least two), else []."""
    if len(text) < ITEM_MIN_CHARS:
        return []
    items = [s.strip() for s in ITEM_RE.split(text) if s.strip()]
    return items if len(items) >= 2 else []
