"""What a result records about how it was made (``Report.provenance``): the lawnlp version, the backend,
each model's id, the base encoder and the acceleration. Computed once per analyser, copied to each report.

A model's id is its directory name and a short hash of its weights file (``sections-bert@1a2b3c4d5e6f``:
the first 12 hex digits of the SHA-256 of ``model.safetensors`` or ``lite.json``), so two results can be
told apart even when a retrained model keeps the directory name; a model passed in memory is named by its
class, and keyword rules by ``rules``. An ensemble (lawnlp.models.ensemble) is named by its directory, the
hash of its config.json (its thresholds) and its members' ids: ``themes-ensemble@…(themes-bert@…+themes-lite@…)``.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
from functools import lru_cache
from pathlib import Path
from typing import Any

from lawnlp.models.encoder import base_label
from lawnlp.rows import PROVENANCE_COLUMNS

# The keys of Report.provenance, in order; lawnlp.rows has the same names as columns.
KEYS = PROVENANCE_COLUMNS  # the one list of provenance keys, in the row layout
WEIGHTS_FILES = ("model.safetensors", "lite.json", "config.json")  # the first there; config: ensembles
HASH_CHARS = 12


def lawnlp_version() -> str:
    """The installed lawnlp's version (its distribution metadata), or "unknown" when run uninstalled."""
    try:
        return importlib.metadata.version("lawnlp")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


@lru_cache(maxsize=32)
def _file_hash(path: str, size: int, mtime: float) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:HASH_CHARS]


def weights_hash(model_dir: str | Path) -> str | None:
    """The short SHA-256 of a model directory's weights file, or None when it has none."""
    for name in WEIGHTS_FILES:
        path = Path(model_dir) / name
        if path.is_file():
            st = path.stat()
            return _file_hash(str(path), st.st_size, st.st_mtime)
    return None


def _members(model: Any) -> list[Any]:
    """The models a model runs: an ensemble's members, else the model itself."""
    return list(getattr(model, "members", None) or [model])


def backend_of(model: Any) -> str:
    """The backend a model object belongs to: bert, lite, rules, "custom" (another class), or for an
    ensemble its members' backends joined by "+"."""
    if getattr(model, "members", None):
        return "+".join(dict.fromkeys(backend_of(m) for m in model.members))
    module = type(model).__module__
    for backend in ("bert", "lite", "rules"):
        if module.startswith(f"lawnlp.models.{backend}"):
            return backend
    return "custom"


def model_id(model: Any) -> str:
    """``<directory name>@<weights hash>`` for a model loaded from a directory, else its kind."""
    path = getattr(model, "model_dir_", None)
    if path is not None and getattr(model, "members", None):
        members = "+".join(model_id(m) for m in model.members)
        return f"{Path(path).name}@{weights_hash(path)}({members})"
    if path is not None:
        digest = weights_hash(path)
        return f"{Path(path).name}@{digest}" if digest else Path(path).name
    return "rules" if backend_of(model) == "rules" else type(model).__name__


def provenance(section_model: Any, theme_model: Any, cascade: str | None = None) -> dict[str, Any]:
    """The provenance record of results made with these two models (keys: ``KEYS``); ``cascade`` says which
    fast models decided where they were sure, and from what confidence."""
    models = [m for model in (section_model, theme_model) for m in _members(model)]
    backends = list(dict.fromkeys(backend_of(m) for m in models))
    bases = [base_label(m.settings.base) for m in models if backend_of(m) == "bert" and hasattr(m, "settings")]
    accels = list(dict.fromkeys(getattr(m, "accel_", "none") for m in models if backend_of(m) == "bert"))
    return {
        "lawnlp_version": lawnlp_version(),
        "backend": "+".join(backends),
        "sections_model": model_id(section_model),
        "themes_model": model_id(theme_model),
        "base_encoder": "+".join(dict.fromkeys(bases)) or None,
        "accel": "+".join(accels) or "none",
        "cascade": cascade,
    }


def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def installation() -> dict[str, Any]:
    """What ``lawnlp info`` prints: versions; where the shipped models and the base encoder are found (or
    why not); what ``backend="auto"`` and ``accel="auto"`` resolve to here; CPU threads. ``ok``: auto
    resolves to a backend."""
    import os
    import platform

    from lawnlp.errors import ModelError
    from lawnlp.models.encoder import BASE_DISTRIBUTION, default_base_path, native_bf16
    from lawnlp.models.registry import BACKENDS, TASKS, default_dir, resolve_backend, shipped_location, unavailable
    from lawnlp.models.threads import THREAD_ENV, available_cores

    path, origin = shipped_location()
    directories = {}
    for task in TASKS:
        for backend in ("bert", "lite"):
            why, where = unavailable(task, backend), default_dir(task, backend)
            digest = weights_hash(where) if why is None else None
            directories[where.name] = f"ok ({digest})" if why is None else f"unavailable: {why}"
    try:
        base = f"{default_base_path()} ({BASE_DISTRIBUTION} {_version(BASE_DISTRIBUTION)})"
    except ModelError as exc:
        base = f"missing: {exc}"
    try:
        backend, note = resolve_backend("auto")
        auto, ok = backend + (f" ({note})" if note else ""), True
    except ModelError as exc:
        auto, ok = f"none: {exc}", False
    import torch

    bf16 = native_bf16()
    chosen = {v: os.environ[v] for v in THREAD_ENV if os.environ.get(v)}
    own = os.environ.get("LAWNLP_NUM_THREADS", "")
    threads = int(own) if own.isdigit() else torch.get_num_threads() if chosen else available_cores()
    return {
        "ok": ok,
        "versions": {
            "lawnlp": lawnlp_version(),
            "python": platform.python_version(),
            "torch": _version("torch"),
            "transformers": _version("transformers"),
        },
        "models": {"path": str(path), "from": origin, "directories": directories},
        "base_encoder": base,
        "backends": list(BACKENDS),
        "backend_auto": auto,
        "accel_auto": "bf16 (this CPU computes bfloat16 natively)"
        if bf16
        else "none (no native bfloat16 on this CPU; int8 and onnx on request)",
        "threads": f"{threads} torch threads ("
        + (f"set by {', '.join(f'{k}={v}' for k, v in chosen.items())}" if chosen else "one per available core")
        + f"; {available_cores()} cores available)",
    }
