"""The registry of backends: which class serves each (task, backend), where the shipped models are, and
loading a model directory of either backend.

Backends: ``bert`` (fine-tuned Chinese BERT, lawnlp.models.bert), ``lite`` (jieba + TF-IDF + logistic
regression, lawnlp.models.lite) and ``rules`` (keywords, lawnlp.models.rules). Every model meets the
interfaces of lawnlp.models.base.
"""

from __future__ import annotations

import json
import os
import warnings
from pathlib import Path
from typing import Any

from lawnlp.models.rules import RuleSectionClassifier, RuleThemeTagger

# Shipped defaults: models/<task>-<backend> in the source tree; LAWNLP_MODELS points elsewhere.
SHIPPED_DIR = Path(os.environ.get("LAWNLP_MODELS", Path(__file__).resolve().parents[2] / "models"))
BACKENDS = ("auto", "bert", "lite", "rules")
TASKS = ("sections", "themes")


def model_class(task: str, backend: str) -> type:
    """The class of a ``task`` model ("sections"/"themes") of a trainable ``backend`` ("bert"/"lite")."""
    if task not in TASKS:
        raise ValueError(f"unknown task {task!r} (use {' or '.join(TASKS)})")
    if backend == "lite":
        from lawnlp.models.lite import LiteSectionClassifier, LiteThemeTagger

        return LiteSectionClassifier if task == "sections" else LiteThemeTagger
    if backend == "bert":
        from lawnlp.models.bert import BertSectionClassifier, BertThemeTagger

        return BertSectionClassifier if task == "sections" else BertThemeTagger
    raise ValueError(f"unknown trainable backend {backend!r} (use bert or lite)")


def new_model(task: str, backend: str = "bert", **params: Any) -> Any:
    """An unfitted ``task`` model of ``backend`` with its default settings, ``params`` overriding them."""
    return model_class(task, backend)(**params)


def model_backend(path: str | os.PathLike) -> str:
    """Which backend saved the model directory ``path``."""
    path = Path(path)
    if (path / "lite.json").is_file():
        return "lite"
    if (path / "config.json").is_file():
        return json.loads((path / "config.json").read_text(encoding="utf-8")).get("backend", "bert")
    raise FileNotFoundError(f"{path}: not a lawnlp model directory (no config.json or lite.json)")


def load_model(path: str | os.PathLike, task: str, base: str | os.PathLike | None = None) -> Any:
    """Load a saved ``task`` model ("sections" or "themes") of either backend from ``path``."""
    backend = model_backend(path)
    if backend == "lite":
        return model_class(task, "lite").from_pretrained(path)
    return model_class(task, "bert").from_pretrained(path, base=base)


def _load_default(task: str, backend: str) -> Any:
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r} (use one of {', '.join(BACKENDS)})")
    order = ("bert", "lite") if backend == "auto" else (backend,) if backend != "rules" else ()
    errors = []
    for b in order:
        path = SHIPPED_DIR / f"{task}-{b}"
        try:
            return load_model(path, task)
        except (FileNotFoundError, ImportError, OSError, ValueError) as exc:
            errors.append(f"{b}: {exc}")
            if backend != "auto":
                raise
    if backend == "auto":
        warnings.warn(
            f"no trained {task} model could be loaded ({'; '.join(errors)}); using keyword rules", stacklevel=3
        )
    return RuleSectionClassifier() if task == "sections" else RuleThemeTagger()


def load_section_model(path: str | os.PathLike | None = None, backend: str = "auto") -> Any:
    """A section classifier from ``path`` (a model directory), or the shipped default for ``backend``."""
    return load_model(path, "sections") if path is not None else _load_default("sections", backend)


def load_theme_model(path: str | os.PathLike | None = None, backend: str = "auto") -> Any:
    """A theme tagger from ``path`` (a model directory), or the shipped default for ``backend``."""
    return load_model(path, "themes") if path is not None else _load_default("themes", backend)
