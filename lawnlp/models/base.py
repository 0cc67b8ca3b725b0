"""What every model backend provides (bert, lite, rules): the interfaces the labelling steps rely on."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

import numpy as np

from lawnlp.text.context import SectionContext


@runtime_checkable
class SectionModel(Protocol):
    """Labels paragraphs with section ids; ``contexts`` (one per text, or None) places each in its report."""

    task: str  # "sections"
    labels: tuple[str, ...]  # the section ids, in the order of predict_proba's columns

    def predict(
        self, texts: list[str], contexts: list[SectionContext | None] | None = None, batch_size: int | None = None
    ) -> list[str]: ...


@runtime_checkable
class ProbabilisticSectionModel(SectionModel, Protocol):
    """A section model that also gives probabilities (bert, lite): document decoding needs them."""

    def predict_proba(
        self, texts: list[str], contexts: list[SectionContext | None] | None = None, batch_size: int | None = None
    ) -> np.ndarray: ...


@runtime_checkable
class ThemeModel(Protocol):
    """Tags shortcomings paragraphs with zero or more theme ids."""

    task: str  # "themes"
    labels: tuple[str, ...]

    def predict(
        self, texts: list[str], contexts: list | None = None, batch_size: int | None = None
    ) -> list[list[str]]: ...
