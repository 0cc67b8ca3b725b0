"""Fine-tuned Chinese BERT section classifier and shortcoming theme tagger: inputs, prediction and files.

A model directory holds ``config.json`` (task, labels, settings, thresholds, training history, metrics),
``model.safetensors`` (only the fine-tuned top layers and the head, float16: the base's other weights come
from the installed base encoder, never from git) and a ``README.md`` model card (lawnlp.models.cards).
Training is in lawnlp.models.bert.trainer; the network in lawnlp.models.bert.network.
"""

from __future__ import annotations

import json
import os
import random
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import numpy as np

from lawnlp.config import BERT_SECTIONS, BERT_THEMES, RUNTIME, BertSettings
from lawnlp.labels import SECTION_IDS, THEME_IDS
from lawnlp.models.encoder import resolve_base
from lawnlp.text.context import SectionContext, bert_segment

CONFIG_NAME, WEIGHTS_NAME, CARD_NAME = "config.json", "model.safetensors", "README.md"
PAD_MULTIPLE = 8  # batches padded to a multiple of 8 tokens: few distinct shapes, small kernel caches


class _BertModel:
    """What both BERT tasks share (scikit-learn habits: the constructor only stores its arguments;
    ``fit`` returns self). ``settings``: a lawnlp.config.BertSettings."""

    task = ""
    labels: tuple[str, ...] = ()
    multi_label = False
    default_settings = BertSettings()

    def __init__(self, settings: BertSettings | None = None, progress: bool = True, **overrides: Any):
        if overrides.get("base") is not None:
            overrides["base"] = os.fspath(overrides["base"])  # a local directory, stored as text in config.json
        self.settings = replace(settings or self.default_settings, **overrides)
        self.progress = progress
        self.net_ = None
        self.tokenizer_ = None
        self.max_positions_ = None
        self.thresholds_ = np.full(len(self.labels), 0.5)
        self.history_: list[dict] = []
        self.accel_ = "none"

    # -- inputs -----------------------------------------------------------------------------------
    def build(self) -> None:
        """Load the tokenizer and build the network from the base encoder (weights untrained)."""
        from transformers import AutoTokenizer

        from lawnlp.models.bert.network import build_network

        base_dir = resolve_base(self.settings.base)
        self.tokenizer_ = AutoTokenizer.from_pretrained(str(base_dir))
        self.net_ = build_network(base_dir, len(self.labels), self.settings.trainable_layers)
        self.max_positions_ = self.net_.encoder.config.max_position_embeddings

    def encode(self, texts: list[str], contexts: list[SectionContext | None] | None, pad: bool = True):
        """Token ids of (context segment, text) pairs when any context is given, else of texts; never more
        tokens than the base has positions for. ``pad``: tensors padded to the longest (a multiple of 8),
        else unpadded lists (``pad_batch`` pads a subset later)."""
        limit = min(self.settings.max_length, self.max_positions_)
        if pad:
            multiple = PAD_MULTIPLE if len(texts) > 1 and limit % PAD_MULTIPLE == 0 else None
            kwargs: dict[str, Any] = {"padding": True, "pad_to_multiple_of": multiple, "return_tensors": "pt"}
        else:
            kwargs = {}
        if contexts and any(c is not None for c in contexts):
            return self.tokenizer_(
                [bert_segment(c) for c in contexts], texts, truncation="longest_first", max_length=limit, **kwargs
            )
        return self.tokenizer_(texts, truncation=True, max_length=limit, **kwargs)

    def pad_batch(self, encoded: Any, idx: list[int]):
        """Tensors of the rows ``idx`` of unpadded ``encoded`` (from ``encode(..., pad=False)``), padded to
        their longest, a multiple of 8 tokens."""
        import torch

        rows = [encoded["input_ids"][i] for i in idx]
        width = max(len(r) for r in rows)
        width = -(-width // PAD_MULTIPLE) * PAD_MULTIPLE if len(rows) > 1 else width
        out = {}
        for key in encoded.keys():
            fill = self.tokenizer_.pad_token_id if key == "input_ids" else 0
            out[key] = torch.tensor([encoded[key][i] + [fill] * (width - len(encoded[key][i])) for i in idx])
        return out

    @staticmethod
    def input_lengths(texts: list[str], contexts: list[SectionContext | None] | None) -> list[int]:
        """Characters of each input (text and context segment): what batches are bucketed by."""
        contexts = contexts or [None] * len(texts)
        return [len(t) + len(bert_segment(c)) for t, c in zip(texts, contexts)]

    @staticmethod
    def batches(
        lengths: list[int], batch_size: int, shuffle: bool = False, rng: random.Random | None = None
    ) -> list[list[int]]:
        """Index batches of similar length (little padding); shuffled batch order when training."""
        order = sorted(range(len(lengths)), key=lengths.__getitem__)
        batches = [order[i : i + batch_size] for i in range(0, len(order), batch_size)]
        if shuffle:
            rng.shuffle(batches)
        return batches

    def targets(self, y: list):
        """Gold labels as a tensor: class indices, or a 0/1 matrix for multi-label themes."""
        import torch

        if self.multi_label:
            return torch.tensor([[float(lab in ys) for lab in self.labels] for ys in y])
        index = {lab: i for i, lab in enumerate(self.labels)}
        return torch.tensor([index[v] for v in y])

    # -- training ---------------------------------------------------------------------------------
    def fit(
        self,
        texts: list[str],
        y: list,
        contexts: list[SectionContext | None] | None = None,
        dev: tuple[list[str], list, list | None] | None = None,
    ):
        """Fine-tune on (texts, labels[, contexts]); ``dev`` drives early stopping (and theme thresholds)."""
        from lawnlp.models.bert.trainer import fit

        return fit(self, texts, y, contexts, dev)

    def tune_thresholds(self, texts: list[str], y: list, contexts: list | None = None) -> np.ndarray:
        """Per-label decision thresholds that maximise each label's F1 on (dev) data."""
        from lawnlp.models.bert.trainer import tune_thresholds

        return tune_thresholds(self, texts, y, contexts)

    # -- prediction -------------------------------------------------------------------------------
    def predict_logits(
        self, texts: list[str], contexts: list[SectionContext | None] | None = None, batch_size: int | None = None
    ) -> np.ndarray:
        import torch

        if self.net_ is None:
            raise RuntimeError("model is not fitted: call fit() or from_pretrained()")
        net = self.net_.eval()
        contexts = contexts or [None] * len(texts)
        out = np.zeros((len(texts), len(self.labels)), dtype=np.float32)
        # Exact length bucketing: every input is tokenized once, unpadded, and batches are cut from the
        # inputs sorted by their token counts (rather than characters), so a batch pads to almost nothing.
        encoded = self.encode(texts, contexts, pad=False)
        lengths = [len(ids) for ids in encoded["input_ids"]]
        with torch.inference_mode():
            for idx in self.batches(lengths, batch_size or RUNTIME.batch_size):
                out[idx] = net(**self.pad_batch(encoded, idx)).float().numpy()
        return out

    def predict_proba(
        self, texts: list[str], contexts: list[SectionContext | None] | None = None, batch_size: int | None = None
    ) -> np.ndarray:
        logits = self.predict_logits(texts, contexts, batch_size)
        if self.multi_label:
            return 1 / (1 + np.exp(-logits))
        e = np.exp(logits - logits.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    # -- persistence ------------------------------------------------------------------------------
    def saved(self, name: str) -> bool:
        """Is this state-dict entry stored in the model file (fine-tuned, not a frozen base weight)?"""
        params = dict(self.net_.named_parameters())
        return name.startswith("head") or (name in params and params[name].requires_grad)

    def get_params(self) -> dict[str, Any]:
        return asdict(self.settings)

    def save_pretrained(
        self, path: str | os.PathLike, metrics: dict | None = None, provenance: dict | None = None
    ) -> None:
        """Write config.json, model.safetensors (fine-tuned weights, float16) and a model card; ``provenance``
        (data file, counts, init model, ...) goes into both."""
        import torch
        from safetensors.torch import save_file

        from lawnlp.models.cards import bert_card

        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        state = {
            k: v.detach().to(torch.float16).contiguous() for k, v in self.net_.state_dict().items() if self.saved(k)
        }
        save_file(state, str(path / WEIGHTS_NAME), metadata={"task": self.task, "format": "pt"})
        config = {
            "backend": "bert",
            "task": self.task,
            "labels": list(self.labels),
            "thresholds": [float(t) for t in self.thresholds_],
            "params": self.get_params(),
            "history": self.history_,
            "metrics": metrics or {},
            "provenance": provenance or {},
        }
        (path / CONFIG_NAME).write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")
        (path / CARD_NAME).write_text(bert_card(self, metrics, provenance), encoding="utf-8")

    @classmethod
    def from_pretrained(cls, path: str | os.PathLike, base: str | os.PathLike | None = None, progress: bool = False):
        """Load a saved model; ``base`` overrides the base encoder recorded in its config."""
        from safetensors.torch import load_file

        path = Path(path)
        config = json.loads((path / CONFIG_NAME).read_text(encoding="utf-8"))
        if config.get("task") != cls.task or config.get("backend") != "bert":
            raise ValueError(
                f"{path}: a {config.get('backend')} {config.get('task')} model, not a BERT {cls.task} model"
            )
        params = dict(config["params"])
        if base is not None:
            params["base"] = str(base)
        model = cls(BertSettings(**params), progress=progress)
        model.labels = tuple(config["labels"])
        model.thresholds_ = np.array(config["thresholds"])
        model.history_ = config.get("history", [])
        model.build()
        state = {k: v.float() for k, v in load_file(str(path / WEIGHTS_NAME)).items()}
        missing = set(state) - set(model.net_.state_dict())
        if missing:
            raise ValueError(f"{path}: weights do not fit the base encoder ({sorted(missing)[:3]} ...)")
        model.net_.load_state_dict(state, strict=False)
        model.net_.eval()
        return model


class BertSectionClassifier(_BertModel):
    """Section of each paragraph; pass ``contexts`` (lawnlp.text.context) for in-context predictions."""

    task = "sections"
    labels = SECTION_IDS
    default_settings = BERT_SECTIONS

    def predict(
        self, texts: list[str], contexts: list[SectionContext | None] | None = None, batch_size: int | None = None
    ) -> list[str]:
        if not texts:
            return []
        return [self.labels[k] for k in self.predict_logits(texts, contexts, batch_size).argmax(axis=1)]


class BertThemeTagger(_BertModel):
    """Shortcoming themes of each paragraph (multi-label; per-label thresholds tuned on dev)."""

    task = "themes"
    labels = THEME_IDS
    multi_label = True
    default_settings = BERT_THEMES

    def predict(self, texts: list[str], contexts: list | None = None, batch_size: int | None = None) -> list[list[str]]:
        if not texts:
            return []
        proba = self.predict_proba(texts, batch_size=batch_size)
        return [[lab for lab, p, t in zip(self.labels, row, self.thresholds_) if p >= t] for row in proba]
