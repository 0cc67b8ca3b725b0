"""Fine-tuning a section classifier or theme tagger on annotated reports: split by report, structural
augmentation (sections), early stopping on dev, test-split metrics, and a model card that says what the
model was trained on."""

from __future__ import annotations

import os
import random
import time
from dataclasses import replace
from typing import Any

from lawnlp.annotations.schema import AnnotatedReport
from lawnlp.annotations.splits import split_reports
from lawnlp.config import SEED
from lawnlp.models.encoder import base_label
from lawnlp.models.provenance import lawnlp_version, model_id
from lawnlp.models.registry import load_model, model_backend, new_model
from lawnlp.training.augment import augment
from lawnlp.training.evaluate import evaluate
from lawnlp.training.examples import examples


def train(
    task: str,
    reports: list[AnnotatedReport],
    out: str | os.PathLike | None = None,
    backend: str = "bert",
    init: str | os.PathLike | None = None,
    seed: int = SEED,
    augment_p: float = 0.3,
    data: str | os.PathLike | None = None,
    **params: Any,
) -> tuple[Any, dict]:
    """Train a ``task`` model on the train split of ``reports`` (early stopping on dev), evaluate it on
    the test split, save it to ``out``. ``init`` continues training from a saved model directory (its
    backend wins over ``backend``); a new model starts from its backend's default settings
    (lawnlp.config), which ``params`` override. Each training report of the sections task is replaced by a
    structurally augmented copy (lawnlp.training.augment) with per-augmentation probability ``augment_p``.
    ``data`` names the annotation file for the model card, which also records the counts, the seed, the
    ``init`` model (path and id), the base encoder and the settings; ``progress`` (BERT) shows progress bars.
    Returns (model, metrics)."""
    progress = params.pop("progress", True)
    if init is not None:  # first, so that a wrong --init fails before any work (lawnlp.ModelError)
        backend = model_backend(init)
        model = load_model(init, task=task)
        init_id = model_id(model)
        if params:
            model.settings = replace(model.settings, **params)
    else:
        model = new_model(task, backend, seed=seed, **params)
        init_id = None
    splits = split_reports(reports, seed=seed)
    train_reports = splits["train"]
    if task == "sections" and augment_p > 0:
        rng = random.Random(seed)
        train_reports = [augment(r, rng, p=augment_p) for r in train_reports]
    train_ex, dev_ex = examples(task, train_reports), examples(task, splits["dev"])
    if hasattr(model, "progress"):
        model.progress = progress
    start = time.perf_counter()
    model.fit(
        train_ex.texts,
        train_ex.labels,
        train_ex.contexts,
        dev=(dev_ex.texts, dev_ex.labels, dev_ex.contexts) if len(dev_ex) else None,
    )
    metrics = {
        "train_seconds": round(time.perf_counter() - start, 1),
        "train_examples": len(train_ex),
        "dev_examples": len(dev_ex),
        "test": evaluate(task, model, splits["test"]) if splits["test"] else {},
    }
    provenance = {
        **_data_provenance(task, data, reports, splits, seed),
        "init": str(init) if init is not None else None,
        "init_model": init_id,
        "backend": backend,
        "base": base_label(model.settings.base) if backend == "bert" else None,
        "settings": model.get_params(),
        "augment_p": augment_p if task == "sections" else None,
    }
    if out is not None:
        model.save_pretrained(out, metrics=metrics, provenance=provenance)
    return model, metrics


def _data_provenance(task: str, data: Any, reports: list, splits: dict, seed: int) -> dict:
    """What a model card records of the data a model was fitted and tuned on."""
    return {
        "task": task,
        "lawnlp_version": lawnlp_version(),
        "data": str(data) if data is not None else None,
        "reports": len(reports),
        "train_reports": len(splits["train"]),
        "dev_reports": len(splits["dev"]),
        "test_reports": len(splits["test"]),
        "seed": seed,
    }


def build_theme_ensemble(
    reports: list[AnnotatedReport],
    members: list[str | os.PathLike],
    out: str | os.PathLike | None = None,
    seed: int = SEED,
    data: str | os.PathLike | None = None,
) -> tuple[Any, dict]:
    """Combine saved theme taggers (model directories, e.g. ``themes-bert`` and ``themes-lite``) into one
    (lawnlp.models.ensemble): per-theme thresholds tuned on the dev split of ``reports``, evaluated on its
    test split, saved to ``out`` (which must sit in the same folder as the members: the ensemble names them
    relative to it). Returns (ensemble, metrics)."""
    from pathlib import Path

    from lawnlp.models.ensemble import EnsembleThemeTagger

    members = [Path(m) for m in members]
    if out is not None and any(m.resolve().parent != Path(out).resolve().parent for m in members):
        raise ValueError(f"{out}: an ensemble must sit in the same folder as its members ({members})")
    ensemble = EnsembleThemeTagger([load_model(m, "themes") for m in members])
    splits = split_reports(reports, seed=seed)
    dev = examples("themes", splits["dev"])
    ensemble.tune_thresholds(dev.texts, dev.labels)
    metrics = {"dev_examples": len(dev), "test": evaluate("themes", ensemble, splits["test"]) if splits["test"] else {}}
    provenance = {
        **_data_provenance("themes", data, reports, splits, seed),
        "backend": "ensemble",
        "members": [model_id(m) for m in ensemble.members],
    }
    if out is not None:
        ensemble.save_pretrained(out, [m.name for m in members], metrics=metrics, provenance=provenance)
    return ensemble, metrics
