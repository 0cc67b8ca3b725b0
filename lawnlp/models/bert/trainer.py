"""Fine-tuning of a BERT model: AdamW with warm-up and linear decay, length-bucketed shuffled batches,
bfloat16 autocast where the CPU computes it natively, early stopping on dev, theme thresholds on dev."""

from __future__ import annotations

import random
from typing import Any

import numpy as np

from lawnlp.models.encoder import native_bf16
from lawnlp.models.thresholds import best_thresholds


def train_bf16(precision: str) -> bool:
    """Train under bfloat16 autocast? "bf16", "fp32", or "auto": where the CPU computes bf16 natively."""
    if precision not in ("auto", "bf16", "fp32"):
        raise ValueError(f"precision must be auto, bf16 or fp32, not {precision!r}")
    if precision == "auto":
        return native_bf16()
    return precision == "bf16"


def dev_score(model: Any, texts: list[str], y: list, contexts: list | None = None) -> float:
    """Micro-F1 at 0.5 (themes) or macro-F1 (sections) on dev data: what early stopping watches."""
    from sklearn.metrics import f1_score

    if model.multi_label:
        pred = model.predict_proba(texts, contexts) >= 0.5
        return float(f1_score(model.targets(y).numpy().astype(bool), pred, average="micro", zero_division=0))
    return float(f1_score(y, model.predict(texts, contexts), average="macro", zero_division=0))


def tune_thresholds(model: Any, texts: list[str], y: list, contexts: list | None = None) -> np.ndarray:
    """Per-label decision thresholds that maximise each label's F1 on (dev) data; set on the model."""
    gold = model.targets(y).numpy().astype(bool)
    model.thresholds_ = best_thresholds(model.predict_proba(texts, contexts), gold, model.thresholds_)
    return model.thresholds_


def fit(
    model: Any,
    texts: list[str],
    y: list,
    contexts: list | None = None,
    dev: tuple[list[str], list, list | None] | None = None,
) -> Any:
    """Fine-tune ``model`` on (texts, labels[, contexts]); ``dev`` drives early stopping (and the theme
    thresholds). Returns the model."""
    import torch
    from tqdm.auto import tqdm

    s = model.settings
    rng = random.Random(s.seed)
    torch.manual_seed(s.seed)
    np.random.seed(s.seed)
    if model.net_ is None:
        model.build()
    net = model.net_
    contexts = contexts or [None] * len(texts)
    Y = model.targets(y)
    params = [
        {"params": [p for n, p in net.named_parameters() if p.requires_grad and not n.startswith("head")], "lr": s.lr},
        {"params": list(net.head.parameters()), "lr": s.head_lr},
    ]
    opt = torch.optim.AdamW(params, weight_decay=0.01)
    lengths = model.input_lengths(texts, contexts)
    steps = s.epochs * ((len(texts) + s.batch_size - 1) // s.batch_size)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda k: min(1.0, (k + 1) / (0.06 * steps + 1)) * max(0.0, 1 - k / steps)
    )
    loss_fn = torch.nn.BCEWithLogitsLoss() if model.multi_label else torch.nn.CrossEntropyLoss(label_smoothing=0.05)
    best, best_state, bad_epochs = -1.0, None, 0
    bf16 = train_bf16(s.precision)
    for epoch in range(s.epochs):
        net.train()
        total = 0.0
        batches = model.batches(lengths, s.batch_size, shuffle=True, rng=rng)
        bar = tqdm(batches, desc=f"{model.task} epoch {epoch + 1}/{s.epochs}", disable=not model.progress, unit="batch")
        for idx in bar:
            ctx = [(None if rng.random() < s.context_dropout else contexts[i]) for i in idx]
            enc = model.encode([texts[i] for i in idx], ctx)
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
            score = dev_score(model, *dev)
            record["dev_score"] = score
            if score > best:
                best, bad_epochs = score, 0
                best_state = {k: v.detach().clone() for k, v in net.state_dict().items() if model.saved(k)}
            else:
                bad_epochs += 1
        model.history_.append(record)
        if dev is not None and bad_epochs > s.patience:
            break
    if best_state is not None:
        net.load_state_dict(best_state, strict=False)
    if dev is not None and model.multi_label:
        tune_thresholds(model, *dev)
    return model
