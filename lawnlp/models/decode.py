"""Document-level decoding on top of the paragraph models.

- ``smooth_sections``: a heading and the body paragraphs under it belong to one part of the report
  (the guide: a heading takes the label of the part it opens), so each such group takes the label
  with the highest summed log-probability over its members; members the model puts in ``other``
  (a signature or date after the last part) keep their own label.
- ``split_items``: a dense shortcomings paragraph (一是…二是…三是…) is tagged item by item and merged.
"""

from __future__ import annotations

import re

import numpy as np

from lawnlp.report import Paragraph

ITEM_RE = re.compile(r"(?=[一二三四五六七八九十]是)|(?<=[。；;])(?=\d{1,2}[.、．]|（\d{1,2}）|[其另]次|此外|同时)")
ITEM_MIN_CHARS = 60


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
