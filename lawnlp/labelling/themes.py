"""The shortcoming themes of every ``shortcomings`` paragraph: the theme model reads the whole paragraph
and each of its list items (一是…二是…), and the themes found are merged in the label order.

``predict`` computes without modifying the reports; ``set_annotations`` writes ``Paragraph.themes``.
"""

from __future__ import annotations

from typing import Any

from lawnlp.labelling.decoding import split_items
from lawnlp.labels import THEME_IDS
from lawnlp.schema import Report


class ThemeLabeller:
    """Processor: requires ``Paragraph.section``; provides ``Paragraph.themes`` (empty outside shortcomings).

    ``model`` meets lawnlp.models.base.ThemeModel.
    """

    requires = ("section",)
    provides = ("themes",)

    def __init__(self, model: Any):
        self.model = model

    def predict(self, reports: list[Report], batch_size: int | None = None) -> list[list[list[str]]]:
        """Per report, per paragraph: the theme ids (in THEME_IDS order), one model call for all."""
        texts, owner = [], []
        for k, r in enumerate(reports):
            for i, p in enumerate(r.paragraphs):
                if p.section == "shortcomings":
                    for t in [p.norm, *split_items(p.norm)]:
                        texts.append(t)
                        owner.append((k, i))
        found: list[list[list[str]]] = [[[] for _ in r.paragraphs] for r in reports]
        for (k, i), themes in zip(owner, self.model.predict(texts, batch_size=batch_size) if texts else []):
            found[k][i] += [t for t in themes if t not in found[k][i]]
        return [[[t for t in THEME_IDS if t in themes] for themes in per_report] for per_report in found]

    def set_annotations(self, reports: list[Report], preds: list[list[list[str]]]) -> None:
        for r, per_report in zip(reports, preds):
            for p, themes in zip(r.paragraphs, per_report):
                p.themes = list(themes)

    def __call__(self, reports: list[Report], batch_size: int | None = None) -> list[Report]:
        self.set_annotations(reports, self.predict(reports, batch_size))
        return reports
