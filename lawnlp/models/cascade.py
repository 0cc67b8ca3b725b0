"""Doing less work per paragraph: a confidence cascade and reuse of repeated inputs.

- ``CascadeSectionModel(fast, slow, threshold)``: the fast model (lite: TF-IDF + logistic regression,
  ~30x faster than BERT) labels the paragraphs it is sure of (top probability >= ``threshold``); the slow
  model (BERT) computes the rest. Both give probabilities over the same labels, so document decoding runs
  on the mixed rows as on BERT's alone.
- ``Deduplicated(model)``: identical inputs (standard part headings, set phrases) are computed once per
  call.

The threshold is chosen on the dev split (``benchmarks/bench_cascade.py``), never on test; what each
setting does to speed and to agreement with BERT alone is in benchmarks/README.md. Themes have no cascade:
the same benchmark measured one and it gained little (1.18x at 0.936 agreement) because only shortcoming
paragraphs are tagged; themes are instead tagged by BERT and lite together (lawnlp.models.ensemble).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from lawnlp.text.context import SectionContext, bert_segment


def _columns(model: Any, labels: tuple[str, ...]) -> list[int]:
    """The columns of ``model``'s probabilities in the order of ``labels``."""
    return [list(model.labels).index(lab) for lab in labels]


class CascadeSectionModel:
    """Section model: ``fast`` where it is sure, ``slow`` elsewhere (see the module docstring)."""

    task = "sections"

    def __init__(self, fast: Any, slow: Any, threshold: float):
        self.fast, self.slow, self.threshold = fast, slow, threshold
        self.labels = tuple(slow.labels)

    def predict_proba(
        self, texts: list[str], contexts: list[SectionContext | None] | None = None, batch_size: int | None = None
    ) -> np.ndarray:
        out = self.fast.predict_proba(texts, contexts)[:, _columns(self.fast, self.labels)]
        unsure = np.flatnonzero(out.max(axis=1) < self.threshold)
        if len(unsure):
            ctx = [contexts[i] for i in unsure] if contexts else None
            out[unsure] = self.slow.predict_proba([texts[i] for i in unsure], ctx, batch_size=batch_size)
        return out

    def predict(
        self, texts: list[str], contexts: list[SectionContext | None] | None = None, batch_size: int | None = None
    ) -> list[str]:
        if not texts:
            return []
        return [self.labels[k] for k in self.predict_proba(texts, contexts, batch_size).argmax(axis=1)]


class Deduplicated:
    """``model`` with identical inputs computed once per call (the same text in the same context)."""

    def __init__(self, model: Any):
        self.model = model
        self.task, self.labels = model.task, tuple(model.labels)

    def __getattr__(self, name: str) -> Any:  # thresholds_, net_, settings ... of the wrapped model
        return getattr(self.model, name)

    @staticmethod
    def _unique(texts: list[str], contexts: list | None) -> tuple[list[int], list[int]]:
        keys = [
            (t, bert_segment(c) if isinstance(c, SectionContext) else "")
            for t, c in zip(texts, contexts or [None] * len(texts))
        ]
        first: dict[tuple[str, str], int] = {}
        where = [first.setdefault(k, i) for i, k in enumerate(keys)]
        return sorted(first.values()), where

    def predict_proba(
        self, texts: list[str], contexts: list | None = None, batch_size: int | None = None
    ) -> np.ndarray:
        keep, where = self._unique(texts, contexts)
        if len(keep) == len(texts):
            return self.model.predict_proba(texts, contexts, batch_size=batch_size)
        rows = self.model.predict_proba(
            [texts[i] for i in keep], [contexts[i] for i in keep] if contexts else None, batch_size=batch_size
        )
        index = {i: k for k, i in enumerate(keep)}
        return rows[[index[w] for w in where]]

    def predict(self, texts: list[str], contexts: list | None = None, batch_size: int | None = None) -> list:
        keep, where = self._unique(texts, contexts)
        out = self.model.predict(
            [texts[i] for i in keep], [contexts[i] for i in keep] if contexts else None, batch_size=batch_size
        )
        index = {i: k for k, i in enumerate(keep)}
        return [out[index[w]] for w in where]
