"""The ``lite`` backend: jieba words + character n-grams, TF-IDF, logistic regression (scikit-learn).

Tiny and fast, no torch at predict time. Saved as JSON (vocabulary, idf, coefficients), never pickles.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from lawnlp.config import LITE, LiteSettings
from lawnlp.labels import SECTION_IDS, THEME_IDS
from lawnlp.text.context import SectionContext

CONFIG_NAME = "lite.json"


@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def _features(text: str, context: SectionContext | None = None) -> list[str]:
    """Tokens of one input: words and character bigrams of the text, words of the enclosing headings
    (prefixed H:) and of the outermost one (T:), and the previous paragraph's start (B:)."""
    jieba = _jieba()
    text = text[:300]
    toks = [w for w in jieba.lcut(text) if w.strip()]
    toks += [text[i : i + 2] for i in range(len(text) - 1)]
    toks.append(f"LEN:{min(len(text) // 20, 10)}")
    if context is not None:
        heads = " > ".join(context.headings)
        toks += ["H:" + w for w in jieba.lcut(heads) if w.strip()]
        toks += ["T:" + w for w in jieba.lcut(context.top) if w.strip()]
        toks += ["B:" + w for w in jieba.lcut(context.previous) if w.strip()]
        toks.append("NOHEAD" if not heads else "HEAD")
    return toks


class _LiteModel:
    """TF-IDF + one-vs-rest logistic regression over ``labels``; ``multi_label`` for themes."""

    multi_label = False
    labels: tuple[str, ...] = ()
    task = ""

    def __init__(self, settings: LiteSettings | None = None, **overrides):
        self.settings = replace(settings or LITE, **overrides)
        self.vocabulary_: dict[str, int] | None = None
        self.idf_: np.ndarray | None = None
        self.coef_: np.ndarray | None = None
        self.intercept_: np.ndarray | None = None
        self.thresholds_: np.ndarray | None = None

    # -- features ---------------------------------------------------------------------------------
    def _matrix(self, texts: list[str], contexts: list[SectionContext | None] | None):
        from scipy.sparse import csr_matrix

        contexts = contexts or [None] * len(texts)
        rows, cols, vals = [], [], []
        for i, (t, c) in enumerate(zip(texts, contexts)):
            counts: dict[int, int] = {}
            for tok in _features(t, c):
                j = self.vocabulary_.get(tok)
                if j is not None:
                    counts[j] = counts.get(j, 0) + 1
            if counts:
                js = np.fromiter(counts, dtype=np.int64)
                v = (1 + np.log(np.fromiter(counts.values(), dtype=np.float64))) * self.idf_[js]
                v /= np.linalg.norm(v)
                rows += [i] * len(js)
                cols += js.tolist()
                vals += v.tolist()
        return csr_matrix((vals, (rows, cols)), shape=(len(texts), len(self.vocabulary_)))

    # -- estimator API ----------------------------------------------------------------------------
    def fit(
        self,
        texts: list[str],
        y: list,
        contexts: list[SectionContext | None] | None = None,
        dev: tuple[list[str], list, list | None] | None = None,
    ):
        """Fit on (texts, labels[, contexts]); with ``dev``, the theme thresholds are tuned on it."""
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        s = self.settings
        contexts = contexts or [None] * len(texts)
        vec = TfidfVectorizer(
            analyzer=lambda pair: _features(*pair), min_df=s.min_df, max_features=s.max_features, sublinear_tf=True
        )
        vec.fit(list(zip(texts, contexts)))
        self.vocabulary_ = {k: int(v) for k, v in vec.vocabulary_.items()}
        self.idf_ = vec.idf_.astype(np.float64)
        X = self._matrix(texts, contexts)
        Y = self._targets(y)
        coefs, intercepts = [], []
        for k in range(Y.shape[1]):
            if Y[:, k].min() == Y[:, k].max():  # a label never (or always) seen: constant score
                coefs.append(np.zeros(X.shape[1]))
                intercepts.append(-10.0 if Y[0, k] == 0 else 10.0)
                continue
            clf = LogisticRegression(C=s.C, max_iter=2000, class_weight="balanced", random_state=s.seed)
            clf.fit(X, Y[:, k])
            coefs.append(clf.coef_[0])
            intercepts.append(float(clf.intercept_[0]))
        self.coef_, self.intercept_ = np.vstack(coefs), np.array(intercepts)
        self.thresholds_ = np.full(len(self.labels), 0.5)
        if dev is not None and self.multi_label and len(dev[0]):
            from lawnlp.models.thresholds import best_thresholds

            self.thresholds_ = best_thresholds(
                self.predict_proba(dev[0]), self._targets(dev[1]).astype(bool), self.thresholds_
            )
        return self

    def _targets(self, y: list) -> np.ndarray:
        if self.multi_label:
            return np.array([[lab in ys for lab in self.labels] for ys in y], dtype=int)
        return np.array([[lab == yy for lab in self.labels] for yy in y], dtype=int)

    def decision_function(
        self, texts: list[str], contexts: list[SectionContext | None] | None = None, batch_size: int | None = None
    ) -> np.ndarray:
        return self._matrix(texts, contexts) @ self.coef_.T + self.intercept_

    def predict_proba(
        self, texts: list[str], contexts: list[SectionContext | None] | None = None, batch_size: int | None = None
    ) -> np.ndarray:
        """Probabilities per label (softmax for sections, one sigmoid per theme); ``batch_size`` is ignored."""
        scores = self.decision_function(texts, contexts)
        if self.multi_label:
            return 1 / (1 + np.exp(-scores))
        e = np.exp(scores - scores.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    # -- persistence ------------------------------------------------------------------------------
    def get_params(self) -> dict:
        return asdict(self.settings)

    def save_pretrained(
        self, path: str | os.PathLike, metrics: dict | None = None, provenance: dict | None = None
    ) -> None:
        """Write the model (JSON), its model card (README.md) and, if given, its metrics (metrics.json)."""
        from lawnlp.models.cards import lite_card

        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        if metrics is not None:
            (path / "metrics.json").write_text(json.dumps(metrics, ensure_ascii=False, indent=1), encoding="utf-8")
        (path / "README.md").write_text(lite_card(self, metrics, provenance), encoding="utf-8")
        vocab = sorted(self.vocabulary_, key=self.vocabulary_.get)
        cfg = {
            "backend": "lite",
            "task": self.task,
            "labels": list(self.labels),
            "vocabulary": vocab,
            "idf": np.round(self.idf_, 5).tolist(),
            "coef": np.round(self.coef_, 5).tolist(),
            "intercept": np.round(self.intercept_, 5).tolist(),
            "thresholds": self.thresholds_.tolist(),
            "params": self.get_params(),
            "provenance": provenance or {},
        }
        (path / CONFIG_NAME).write_text(json.dumps(cfg, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def from_pretrained(cls, path: str | os.PathLike):
        cfg = json.loads((Path(path) / CONFIG_NAME).read_text(encoding="utf-8"))
        if cfg.get("task") != cls.task:
            raise ValueError(f"{path}: a lite {cfg.get('task')} model, not a lite {cls.task} model")
        model = cls(LiteSettings(**cfg["params"]))
        model.labels = tuple(cfg["labels"])
        model.vocabulary_ = {tok: i for i, tok in enumerate(cfg["vocabulary"])}
        model.idf_ = np.array(cfg["idf"])
        model.coef_ = np.array(cfg["coef"])
        model.intercept_ = np.array(cfg["intercept"])
        model.thresholds_ = np.array(cfg["thresholds"])
        return model


class LiteSectionClassifier(_LiteModel):
    """Section of each paragraph; pass ``contexts`` (lawnlp.text.context) for in-context predictions."""

    labels = SECTION_IDS
    task = "sections"

    def predict(
        self, texts: list[str], contexts: list[SectionContext | None] | None = None, batch_size: int | None = None
    ) -> list[str]:
        if not texts:
            return []
        return [self.labels[k] for k in self.decision_function(texts, contexts).argmax(axis=1)]


class LiteThemeTagger(_LiteModel):
    """Shortcoming themes of each paragraph (multi-label, per-label thresholds)."""

    labels = THEME_IDS
    task = "themes"
    multi_label = True

    def predict(self, texts: list[str], contexts: list | None = None, batch_size: int | None = None) -> list[list[str]]:
        if not texts:
            return []
        proba = self.predict_proba(texts)
        return [[lab for lab, p, t in zip(self.labels, row, self.thresholds_) if p >= t] for row in proba]
