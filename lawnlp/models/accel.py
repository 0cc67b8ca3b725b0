"""Faster BERT inference on CPU: bfloat16 weights, int8 dynamic quantisation, ONNX Runtime.

``accelerate(model, mode)`` returns an accelerated copy of a BERT model (the original is not changed);
lite and rules models are returned as they are. Measured speed and label agreement of each mode are in
benchmarks/README.md.
"""

from __future__ import annotations

import copy
import io
import os
from typing import Any

from lawnlp.models.encoder import native_bf16
from lawnlp.models.threads import available_cores

ACCEL_MODES = ("auto", "none", "bf16", "int8", "onnx", "onnx-int8")


class _OrtNet:
    """Stands in for the torch network of a BERT model: runs an ONNX Runtime session instead."""

    def __init__(self, session: Any, input_names: list[str]):
        self.session, self.input_names = session, input_names

    def eval(self) -> _OrtNet:
        return self

    def __call__(self, **enc: Any) -> Any:
        import torch

        feed = {k: v.numpy() for k, v in enc.items() if k in self.input_names}
        return torch.from_numpy(self.session.run(None, feed)[0])


def _onnx_session(net: Any, tokenizer: Any, quantize: bool) -> _OrtNet:
    """Export ``net`` to ONNX (in memory) and open it with ONNX Runtime (int8 weights if ``quantize``)."""
    import torch

    try:
        import onnxruntime as ort
    except ImportError as exc:
        raise ImportError("accel='onnx' needs onnxruntime and onnx: pip install 'lawnlp[onnx]'") from exc
    sample = tokenizer(["示例"], ["上下文"], return_tensors="pt")
    names = [k for k in ("input_ids", "attention_mask", "token_type_ids") if k in sample]
    buf = io.BytesIO()
    axes = {k: {0: "batch", 1: "seq"} for k in names} | {"logits": {0: "batch"}}
    with torch.inference_mode(False), torch.no_grad():
        torch.onnx.export(
            net.eval(),
            tuple(sample[k] for k in names),
            buf,
            input_names=names,
            output_names=["logits"],
            dynamic_axes=axes,
            opset_version=17,
            dynamo=False,
        )
    model_bytes = buf.getvalue()
    if quantize:
        import tempfile

        from onnxruntime.quantization import QuantType, quantize_dynamic

        with tempfile.TemporaryDirectory() as tmp:
            src, dst = os.path.join(tmp, "m.onnx"), os.path.join(tmp, "m.int8.onnx")
            with open(src, "wb") as f:
                f.write(model_bytes)
            import logging

            root = logging.getLogger()
            level = root.level
            root.setLevel(logging.ERROR)  # quiet its "consider pre-processing" advice
            try:
                quantize_dynamic(src, dst, weight_type=QuantType.QInt8)
            finally:
                root.setLevel(level)
            with open(dst, "rb") as f:
                model_bytes = f.read()
    options = ort.SessionOptions()
    options.intra_op_num_threads = available_cores()
    options.inter_op_num_threads = 1
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    session = ort.InferenceSession(model_bytes, options, providers=["CPUExecutionProvider"])
    return _OrtNet(session, names)


def accelerate(model: Any, mode: str | None) -> Any:
    """A copy of a BERT ``model`` that runs faster on CPU; other backends are returned unchanged.

    ``mode``: "bf16" (bfloat16 weights: fast where the CPU computes bfloat16 natively, e.g. AVX512-BF16
    or AMX), "int8" (torch dynamic quantisation of the Linear layers), "onnx" (ONNX Runtime, fp32),
    "onnx-int8" (ONNX Runtime with int8 weights), "auto" (bf16 where the CPU computes it natively, else
    none) or None/"none". The original model is not modified.
    """
    mode = (mode or "none").lower()
    if mode not in ACCEL_MODES:
        raise ValueError(f"unknown accel {mode!r} (use one of {', '.join(ACCEL_MODES)})")
    if mode == "none":
        return model
    if hasattr(model, "members"):  # an ensemble (lawnlp.models.ensemble): its BERT members
        fast = copy.copy(model)
        fast.members = [accelerate(m, mode) for m in model.members]
        return fast
    if getattr(model, "net_", None) is None:  # lite and rules models (and no torch import for them)
        return model
    if mode == "auto":
        mode = "bf16" if native_bf16() else "none"  # int8 is faster but loses more (benchmarks/README.md)
    if mode == "none" or getattr(model, "accel_", None) == mode:
        return model
    import torch

    fast = copy.copy(model)
    if mode == "bf16":
        fast.net_ = copy.deepcopy(model.net_).eval().to(torch.bfloat16)
    elif mode == "int8":
        if "fbgemm" in torch.backends.quantized.supported_engines:
            torch.backends.quantized.engine = "fbgemm"
        import warnings

        with warnings.catch_warnings():  # torch 2.13 marks its quantized tensors deprecated (they still work)
            warnings.filterwarnings("ignore", message=r".*quantiz.*deprecated", category=UserWarning)
            fast.net_ = torch.ao.quantization.quantize_dynamic(model.net_.eval(), {torch.nn.Linear}, dtype=torch.qint8)
    else:
        fast.net_ = _onnx_session(model.net_, model.tokenizer_, quantize=mode == "onnx-int8")
    fast.accel_ = mode
    return fast
