"""Training examples: model inputs and gold labels of each task, built from annotated reports the way
``analyze`` sees them (paragraphs parsed from the text, contexts from lawnlp.text.context)."""

from __future__ import annotations

from dataclasses import dataclass

from lawnlp.annotations.schema import AnnotatedReport
from lawnlp.models.registry import TASKS
from lawnlp.text.context import SectionContext, section_inputs
from lawnlp.text.meta import extract_meta
from lawnlp.text.normalize import normalize
from lawnlp.text.structure import parse


@dataclass
class Examples:
    """Model inputs and gold labels for one task."""

    texts: list[str]
    labels: list
    contexts: list[SectionContext | None]

    def __len__(self) -> int:
        return len(self.texts)


def section_examples(reports: list[AnnotatedReport]) -> Examples:
    """One example per parsed paragraph (as analyze() sees them), labelled by its source line."""
    texts, labels, ctxs = [], [], []
    for r in reports:
        paragraphs = parse(r.text)
        year = extract_meta(paragraphs).year  # as analyze() finds it, not the gold year
        for p, t, c in zip(paragraphs, *section_inputs(paragraphs, year)):
            if not p.debris:
                texts.append(t)
                labels.append(r.sections[p.line])
                ctxs.append(c)
    return Examples(texts, labels, ctxs)


def theme_examples(reports: list[AnnotatedReport]) -> Examples:
    """One example per shortcomings line."""
    texts, labels = [], []
    for r in reports:
        for t, s, th in zip(r.texts, r.sections, r.themes):
            if s == "shortcomings":
                texts.append(normalize(t))
                labels.append(th)
    return Examples(texts, labels, [None] * len(texts))


def examples(task: str, reports: list[AnnotatedReport]) -> Examples:
    if task not in TASKS:
        raise ValueError(f"unknown task {task!r} (use {' or '.join(TASKS)})")
    return section_examples(reports) if task == "sections" else theme_examples(reports)
