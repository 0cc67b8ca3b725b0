"""Accelerated BERT inference (lawnlp.models.accel) and the BERT batch path, on the tiny random BERT."""

from __future__ import annotations

import pytest

from lawnlp.pipeline import Analyzer

from corpus_texts import labels_of as _labels
from corpus_texts import sample_texts


def test_bert_batch_matches_one_by_one(tiny_models):
    sections, themes = tiny_models
    analyzer = Analyzer(sections=sections, themes=themes)
    texts = sample_texts(3)
    batch = list(analyzer.analyze_batch([(f"r{i}", t) for i, t in enumerate(texts)], batch_size=16, brief=False))
    assert [r.source for r in batch] == ["r0", "r1", "r2"]
    one = [analyzer.analyze(t, brief=False) for t in texts]
    pairs = [(a, b) for x, y in zip(batch, one) for a, b in zip(_labels(x), _labels(y))]
    assert sum(a == b for a, b in pairs) / len(pairs) >= 0.99  # padding differs: tiny float noise only


@pytest.mark.parametrize("accel", ["bf16", "int8", "onnx"])
def test_accelerated_models_run(tiny_models, accel):
    if accel == "onnx":
        pytest.importorskip("onnxruntime", reason="onnxruntime not installed (optional: lawnlp[onnx])")
        pytest.importorskip("onnx", reason="onnx not installed (optional: lawnlp[onnx])")
    import numpy as np

    sections, themes = tiny_models
    analyzer = Analyzer(sections=sections, themes=themes, accel=accel)
    fast = analyzer.section_model
    assert fast is not sections and fast.accel_ == accel and sections.net_ is not fast.net_
    texts = [p for t in sample_texts(2) for p in t.split("\n")][:40]
    ref, got = sections.predict_logits(texts), fast.predict_logits(texts)
    assert got.shape == ref.shape and np.isfinite(got).all()
    if accel == "onnx":
        assert np.abs(got - ref).max() < 1e-3
    if accel == "bf16":  # bfloat16 keeps 8 bits of mantissa: logits move a little, the ranking hardly
        assert np.abs(got - ref).max() < 0.02 * np.abs(ref).max() and (got.argmax(1) == ref.argmax(1)).mean() >= 0.9
    assert len(list(analyzer.analyze_batch(sample_texts(2)))) == 2


def test_auto_accel_is_bf16_only_where_native(tiny_models):
    import torch

    from lawnlp.models.accel import accelerate
    from lawnlp.models.encoder import native_bf16

    sections, _ = tiny_models
    fast = accelerate(sections, "auto")
    assert (fast.accel_ == "bf16") if native_bf16() else (fast is sections)
    assert next(sections.net_.parameters()).dtype == torch.float32  # the original is left as it was
    with pytest.raises(ValueError, match="unknown accel"):
        accelerate(sections, "fp8")
