"""Training and evaluation: examples of each task (``examples``), structural augmentation (``augment``),
fine-tuning with a truthful model card (``trainer``), per-label and end-to-end evaluation (``evaluate``)
and brief evaluation (``briefs``)."""

from lawnlp.training.evaluate import evaluate, evaluate_end_to_end, format_table, sample_items
from lawnlp.training.examples import Examples, examples, section_examples, theme_examples
from lawnlp.training.trainer import build_theme_ensemble, train

__all__ = [
    "Examples",
    "build_theme_ensemble",
    "evaluate",
    "evaluate_end_to_end",
    "examples",
    "format_table",
    "sample_items",
    "section_examples",
    "theme_examples",
    "train",
]
