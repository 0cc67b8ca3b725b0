"""The registry of backends: which class serves each (task, backend), where the shipped models are, and
loading a model directory of either backend.

Backends: ``bert`` (fine-tuned Chinese BERT, lawnlp.models.bert), ``lite`` (jieba + TF-IDF + logistic
regression, lawnlp.models.lite) and ``rules`` (keywords, lawnlp.models.rules). Every model meets the
interfaces of lawnlp.models.base. A directory saved with ``backend: "ensemble"`` (lawnlp.models.ensemble)
combines other model directories; the shipped BERT theme tagger is one (``themes-ensemble``: BERT and lite
together, the better tagger on the test split), used for themes under ``backend="bert"`` where it is there.

The shipped models are the top-level ``models/`` folder of the source tree, installed with the package as
``lawnlp.shipped`` (pyproject.toml maps it; a wheel carries it) and found through importlib.resources;
``LAWNLP_MODELS=DIR`` points elsewhere (a folder of ``<task>-<backend>`` directories). ``backend="auto"``
takes the BERT models where they and the base encoder are installed, else the lite models (with a warning
that says why), and raises ModelError when neither is there: keyword rules only when asked for.
"""

from __future__ import annotations

import importlib.resources
import json
import os
import warnings
from pathlib import Path
from typing import Any

from lawnlp.errors import ModelError
from lawnlp.models.encoder import resolve_base
from lawnlp.models.rules import RuleSectionClassifier, RuleThemeTagger

MODELS_ENV = "LAWNLP_MODELS"
SHIPPED_PACKAGE = "lawnlp.shipped"
SOURCE_MODELS = Path(__file__).resolve().parents[2] / "models"  # a checkout run without installing
BACKENDS = ("auto", "bert", "lite", "rules")
TASKS = ("sections", "themes")
MODEL_FILES = {"bert": ("config.json", "model.safetensors"), "lite": ("lite.json",), "ensemble": ("config.json",)}
ENSEMBLE_DIR = "themes-ensemble"  # the shipped BERT+lite theme tagger, default for themes with backend bert
FIX = f"reinstall lawnlp (its wheel carries the models), set {MODELS_ENV}=DIR, or pass backend 'rules' for keywords"


class ModelNotFound(ModelError, FileNotFoundError):
    """A model directory (or a file in it) is missing."""


class WrongModel(ModelError, ValueError):
    """A model directory holds a model of another task or backend."""


def shipped_location() -> tuple[Path, str]:
    """Where the shipped models are looked for, and why there: ``$LAWNLP_MODELS``, the installed package
    ``lawnlp.shipped``, or (not installed) the ``models/`` folder of the source checkout."""
    env = os.environ.get(MODELS_ENV)
    if env:
        return Path(env), f"${MODELS_ENV}"
    try:
        return Path(str(importlib.resources.files(SHIPPED_PACKAGE))), f"package {SHIPPED_PACKAGE}"
    except ModuleNotFoundError:
        return SOURCE_MODELS, "source checkout"


def shipped_dir() -> Path:
    """The folder of the shipped ``<task>-<backend>`` model directories (see ``shipped_location``)."""
    return shipped_location()[0]


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


def _config(path: Path) -> tuple[str, dict]:
    for name, backend in (("lite.json", "lite"), ("config.json", None)):
        if (path / name).is_file():
            try:
                config = json.loads((path / name).read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise ModelError(f"{path / name}: unreadable model config ({exc})") from None
            return backend or config.get("backend", "bert"), config
    raise ModelNotFound(f"{path}: not a lawnlp model directory (no config.json or lite.json)")


def model_backend(path: str | os.PathLike) -> str:
    """Which backend saved the model directory ``path``."""
    return _config(Path(path))[0]


def model_task(path: str | os.PathLike) -> str | None:
    """Which task the model directory ``path`` was trained for ("sections" or "themes")."""
    return _config(Path(path))[1].get("task")


def load_model(path: str | os.PathLike, task: str, base: str | os.PathLike | None = None) -> Any:
    """Load a saved ``task`` model ("sections" or "themes") of either backend from ``path``; a missing or
    wrong-task directory raises ModelError with one line naming it. The model remembers its directory
    (``model_dir_``: provenance)."""
    path = Path(path)
    backend, config = _config(path)
    saved = config.get("task")
    if saved != task:
        raise WrongModel(f"{path}: a {saved} model, not a {task} model (give a {task} model directory)")
    missing = [n for n in MODEL_FILES.get(backend, ()) if not (path / n).is_file()]
    if missing:
        raise ModelNotFound(f"{path}: {missing[0]} missing (a model directory saved by lawnlp train)")
    try:
        if backend == "ensemble":
            from lawnlp.models.ensemble import EnsembleThemeTagger

            model = EnsembleThemeTagger.from_pretrained(path, lambda p, t: load_model(p, t, base))
        elif backend == "lite":
            model = model_class(task, backend).from_pretrained(path)
        else:
            model = model_class(task, backend).from_pretrained(path, base=base)
    except ModelError:
        raise
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelError(f"{path}: cannot load this {backend} {task} model: {exc}") from exc
    model.model_dir_ = path
    return model


def default_dir(task: str, backend: str) -> Path:
    """The shipped model directory for ``task`` with ``backend`` ("bert"/"lite"): ``<task>-<backend>``,
    except themes with BERT, which take ``themes-ensemble`` (BERT + lite) where that directory is there."""
    if task == "themes" and backend == "bert" and (shipped_dir() / ENSEMBLE_DIR / "config.json").is_file():
        return shipped_dir() / ENSEMBLE_DIR
    return shipped_dir() / f"{task}-{backend}"


def _why(task: str, backend: str) -> tuple[str, bool] | None:
    """(why the shipped model cannot load, whether files are missing), or None when it can."""
    path = default_dir(task, backend)
    if path.name == ENSEMBLE_DIR:
        members = json.loads((path / "config.json").read_text(encoding="utf-8")).get("members", [])
        for member in members:
            try:
                why = _why_dir(path.parent / member, model_backend(path.parent / member))
            except ModelError as exc:
                why = (str(exc), True)
            if why:
                return why
        return None
    return _why_dir(path, backend)


def _why_dir(path: Path, backend: str) -> tuple[str, bool] | None:
    for name in MODEL_FILES[backend]:
        if not (path / name).is_file():
            return f"{path / name} not found", True
    if backend == "bert":
        try:
            resolve_base(_config(path)[1].get("params", {}).get("base"))
        except ModelError as exc:
            return str(exc), False  # the message gives the fix (install the base encoder)
    return None


def unavailable(task: str, backend: str) -> str | None:
    """Why the shipped ``task`` model of ``backend`` ("bert"/"lite") cannot be loaded, or None if it can
    (files present; for BERT also the base encoder it names). Nothing is loaded."""
    why = _why(task, backend)
    return why[0] if why else None


def _with_fix(whys: list[tuple[str, bool]]) -> str:
    return "; ".join(w for w, _ in whys) + (f"; {FIX}" if any(files for _, files in whys) else "")


def resolve_backend(backend: str = "auto") -> tuple[str, str | None]:
    """The backend that ``backend`` stands for, and a note when "auto" could not have BERT. "auto": "bert"
    where both shipped BERT models and the base encoder are installed, else "lite" where both lite models
    are; neither raises ModelError with what is missing and how to fix it."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r} (use one of {', '.join(BACKENDS)})")
    if backend != "auto":
        return backend, None
    why = {b: next((w for t in TASKS if (w := _why(t, b))), None) for b in ("bert", "lite")}
    if why["bert"] is None:
        return "bert", None
    if why["lite"] is None:
        return "lite", f"backend auto uses the lite models; BERT cannot load: {why['bert'][0]}"
    bert, lite = why["bert"], why["lite"]
    fix = f"; {FIX}" if bert[1] or lite[1] else ""
    raise ModelError(f"no models found (bert: {bert[0]}; lite: {lite[0]}){fix}")


def _load_default(task: str, backend: str) -> Any:
    resolved, note = resolve_backend(backend)
    if note:
        warnings.warn(note, stacklevel=4)
    if resolved == "rules":
        return RuleSectionClassifier() if task == "sections" else RuleThemeTagger()
    why = _why(task, resolved)
    if why:
        raise ModelError(f"shipped {task}-{resolved} model unavailable: {_with_fix([why])}")
    return load_model(default_dir(task, resolved), task)


def load_section_model(path: str | os.PathLike | None = None, backend: str = "auto") -> Any:
    """A section classifier from ``path`` (a model directory), or the shipped default for ``backend``."""
    return load_model(path, "sections") if path is not None else _load_default("sections", backend)


def load_theme_model(path: str | os.PathLike | None = None, backend: str = "auto") -> Any:
    """A theme tagger from ``path`` (a model directory), or the shipped default for ``backend``."""
    return load_model(path, "themes") if path is not None else _load_default("themes", backend)
