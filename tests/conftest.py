"""Shared fixtures: the real sample reports (read from ../shared at test time, never copied) and one tiny
randomly initialised BERT checkpoint, built here from the corpus characters (no download, no base package)."""

from __future__ import annotations

import json

import pytest

from paths import CORPUS, SAMPLES


@pytest.fixture(scope="session")
def samples() -> dict:
    if not SAMPLES.is_dir():
        pytest.skip(f"real sample reports not found at {SAMPLES}")
    return {p.stem: p for p in sorted(SAMPLES.glob("*.txt"))}


@pytest.fixture(scope="session")
def tiny_base(tmp_path_factory):
    """A 2-layer, 32-wide BERT with random weights and a character vocabulary (the corpus's characters),
    saved like a Hugging Face checkpoint: a stand-in base encoder for every BERT test."""
    pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    import torch

    path = tmp_path_factory.mktemp("tiny-bert")
    chars = set("位置；0123456789>‖abcdefghijklmnopqrstuvwxyz")
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        chars.update(json.loads(line)["text"])
    chars = sorted(c for c in chars if not c.isspace())
    (path / "vocab.txt").write_text("\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *chars]), encoding="utf-8")
    transformers.BertTokenizerFast(vocab_file=str(path / "vocab.txt")).save_pretrained(str(path))
    config = transformers.BertConfig(
        vocab_size=5 + len(chars),
        hidden_size=32,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=64,
        max_position_embeddings=512,
    )
    torch.manual_seed(0)
    transformers.BertModel(config).save_pretrained(str(path))
    return path


@pytest.fixture(scope="session")
def tiny_models(tiny_base):
    """Untrained section and theme models on ``tiny_base``, their heads scaled so that outputs vary."""
    import torch

    from lawnlp.models import new_model

    models = []
    for task in ("sections", "themes"):
        m = new_model(task, "bert", base=str(tiny_base), progress=False)
        m.build()
        with torch.no_grad():
            m.net_.head.weight.normal_(0, 3.0)
        models.append(m)
    return models
