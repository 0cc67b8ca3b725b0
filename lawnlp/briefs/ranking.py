"""Ranking of brief candidates: TF-IDF centrality of a sentence among the report's sentences, a prior on
the kinds of work briefs report, and the weights fitted for figure and plan phrases (weights.json)."""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any

from lawnlp.config import BRIEF
from lawnlp.schema import Paragraph
from lawnlp.text.patterns import FIGURE_RE, NUMBER_RE

WEIGHTS_FILE = Path(__file__).with_name("weights.json")


@lru_cache(maxsize=1)
def weights() -> dict[str, Any]:
    """The fitted ranking weights (see the note in weights.json), read once."""
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    data["topics"] = tuple((re.compile(p), w) for p, w in data["topics"])
    return data


def _bigrams(text: str) -> Counter:
    chars = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    return Counter(a + b for a, b in zip(chars, chars[1:]))


class TfIdf:
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


def topic_prior(text: str) -> float:
    """The summed weights of the kinds of work ``text`` is about (调处纠纷, 普法, 审查合同 …)."""
    return sum(w for p, w in weights()["topics"] if p.search(text))


def figure_features(
    phrase: str, centrality: float, p: Paragraph, sentence: int, clause: int, last: int
) -> dict[str, float]:
    """What a figure phrase is scored on (weights: weights.json "figure")."""
    m = FIGURE_RE.search(phrase)
    num = float(NUMBER_RE.match(m.group()).group()) if m else 0.0
    return {
        "centrality": centrality,
        "topic": topic_prior(phrase),
        "leadership": float(p.section == "leadership"),
        "first_clause": float(clause == 0),
        "first_sentence": float(sentence == 0),
        "position": p.index / max(last, 1),
        "length": float(len(phrase)),
        "one": float(num == 1),
        "rate": float("率" in phrase or "%" in phrase),
        "tail": float(bool(m) and not re.search(FIGURE_RE.pattern + r"$", phrase)),
    }


def figure_score(features: dict[str, float]) -> float:
    """The score of a figure phrase: its features weighted as fitted (weights.json "figure")."""
    w = weights()["figure"]
    return sum(w.get(k, 0.0) * v for k, v in features.items())


def plan_score(centrality: float, starts_item: bool, is_heading: bool, later_sentence: bool) -> float:
    """The score of a plan phrase (weights.json "plan")."""
    w = weights()["plan"]
    return (
        w["plan_centrality"] * centrality
        + w["plan_item"] * starts_item
        + w["plan_heading"] * is_heading
        - w["plan_later_sentence"] * later_sentence
    )


def select_figures(figures: list[Any], k: int) -> list[Any]:
    """The top ``k`` figures, at most one per sentence and no repeated phrase."""
    out: list[Any] = []
    seen_groups: Counter = Counter()
    seen_text: set[str] = set()
    for it in figures:
        key = re.sub(r"\d[\d.]*", "#", it.text)
        if it.text in seen_text or seen_groups[it.group] >= BRIEF.figures_per_sentence or key in seen_text:
            continue
        out.append(it)
        seen_groups[it.group] += 1
        seen_text.update({it.text, key})
        if len(out) >= k:
            break
    return out
