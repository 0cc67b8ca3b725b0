"""The section of every paragraph: the section model reads each paragraph in its context (one call for
many reports), then document decoding makes headings and their bodies agree (lawnlp.labelling.decoding).

``predict`` computes without modifying the reports; ``set_annotations`` writes ``Paragraph.section``.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from lawnlp.labelling.decoding import smooth_sections
from lawnlp.schema import Report
from lawnlp.text.context import section_inputs


class SectionLabeller:
    """Processor: requires parsed paragraphs and ``meta.year``; provides ``Paragraph.section``.

    ``model`` meets lawnlp.models.base.SectionModel; with ``predict_proba`` its probabilities go through
    document decoding, otherwise its labels are used as they are. Debris lines are always ``other``.
    """

    requires = ("paragraphs", "meta.year")
    provides = ("section",)

    def __init__(self, model: Any):
        self.model = model

    def predict(self, reports: list[Report], batch_size: int | None = None) -> list[Any]:
        """Per report: a probability matrix (one row per paragraph; debris rows are ``other``) when the
        model gives probabilities, else one label per paragraph (None for debris)."""
        model = self.model
        todo = [(k, i) for k, r in enumerate(reports) for i, p in enumerate(r.paragraphs) if not p.debris]
        inputs = [section_inputs(r.paragraphs, r.meta.year) for r in reports]
        texts = [inputs[k][0][i] for k, i in todo]
        contexts = [inputs[k][1][i] for k, i in todo]
        probabilistic = hasattr(model, "predict_proba")
        if not todo:
            out: Any = []
        elif probabilistic:
            out = model.predict_proba(texts, contexts, batch_size=batch_size)
        else:
            out = model.predict(texts, contexts, batch_size=batch_size)
        preds: list[Any] = []
        for r in reports:
            if probabilistic:
                proba = np.zeros((len(r.paragraphs), len(model.labels)))
                proba[:, model.labels.index("other")] = 1.0  # debris rows
                preds.append(proba)
            else:
                preds.append([None] * len(r.paragraphs))
        for (k, i), row in zip(todo, out):
            preds[k][i] = row
        return preds

    def set_annotations(self, reports: list[Report], preds: list[Any]) -> None:
        """Write each paragraph's section: decoded from probabilities, or the model's label; debris ``other``."""
        for r, pred in zip(reports, preds):
            if isinstance(pred, np.ndarray) and any(not p.debris for p in r.paragraphs):
                labels = smooth_sections(r.paragraphs, pred, tuple(self.model.labels), r.meta.year)
            else:
                labels = ["other" if p.debris else label for p, label in zip(r.paragraphs, pred)]
            for p, label in zip(r.paragraphs, labels):
                p.section = label

    def __call__(self, reports: list[Report], batch_size: int | None = None) -> list[Report]:
        self.set_annotations(reports, self.predict(reports, batch_size))
        return reports
