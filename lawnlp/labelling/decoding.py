"""Document-level decoding on top of the paragraph models: pure functions, no model, nothing modified.

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

import numpy as np

from lawnlp.schema import Paragraph
from lawnlp.text.patterns import ITEM_SPLIT_RE, LOOSE_NUMBERING_RE, PART_KEYWORDS

ITEM_MIN_CHARS = 60
# Which sections may sit under a heading that names each part (other: signatures, dates, debris).
PART_ALLOWS = {
    "measures": {"measures", "leadership", "other"},
    "leadership": {"leadership", "other"},
    "shortcomings": {"shortcomings", "other"},
    "plans": {"plans", "other"},
}
PART_HEADING_MAX = 16  # a sub-heading names a part only when it is this short (（一）存在问题)
PRIOR_FACTOR = 0.02  # probability factor for labels the enclosing part does not allow


def heading_part(heading: str, level: int | None) -> str | None:
    """The single part a heading names by its keywords (None if none or several)."""
    words = LOOSE_NUMBERING_RE.sub("", heading, count=1)
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
    items = [s.strip() for s in ITEM_SPLIT_RE.split(text) if s.strip()]
    return items if len(items) >= 2 else []
