"""Truthful model cards (data file, counts, seed, --init with its id, base encoder, settings), a wrong-task
--init that fails before training, and macro-F1 that counts labels the model only predicts."""

from __future__ import annotations

import json

import pytest

from lawnlp.annotations import AnnotatedReport
from lawnlp.errors import ModelError
from lawnlp.models import load_model, new_model
from lawnlp.models.provenance import model_id
from lawnlp.training import evaluate, train

LINES = [
    ("青山县小河镇2023年法治政府建设情况报告", "other", []),
    ("一、主要举措和成效", "measures", []),
    ("全年调解矛盾纠纷88件。", "measures", []),
    ("二、存在的不足", "shortcomings", []),
    ("一是法治人才短缺，专业人员不足。", "shortcomings", ["talent_shortage"]),
    ("二是群众法治意识淡薄，遇事不找法。", "shortcomings", ["public_awareness"]),
    ("三、下一步工作打算", "plans", []),
    ("加强队伍建设。", "plans", []),
]


def reports(n: int = 16) -> list[AnnotatedReport]:
    return [
        AnnotatedReport(f"r{i}", [t for t, _, _ in LINES], [s for _, s, _ in LINES], [th for _, _, th in LINES], {})
        for i in range(n)
    ]


def test_card_records_data_counts_init_base_and_settings(tiny_base, tmp_path):
    first = tmp_path / "first"
    train(
        "themes",
        reports(),
        out=first,
        backend="bert",
        data="new/paragraphs.jsonl",
        seed=5,
        base=str(tiny_base),
        epochs=1,
        trainable_layers=1,
        progress=False,
    )
    config = json.loads((first / "config.json").read_text(encoding="utf-8"))
    p = config["provenance"]
    assert p["data"] == "new/paragraphs.jsonl" and p["reports"] == 16 and p["seed"] == 5 and p["task"] == "themes"
    assert p["init"] is None and p["base"] == str(tiny_base) and p["settings"]["epochs"] == 1
    assert p["settings"]["trainable_layers"] == 1 and p["lawnlp_version"]
    card = (first / "README.md").read_text(encoding="utf-8")
    assert "`new/paragraphs.jsonl`" in card and "16 reports split by report with seed 5" in card
    assert f"base encoder {tiny_base}" in card and "epochs=1" in card and "trained from the base" in card

    second = tmp_path / "second"
    train("themes", reports(), out=second, init=first, data="more.jsonl", epochs=1, progress=False)
    p2 = json.loads((second / "config.json").read_text(encoding="utf-8"))["provenance"]
    assert p2["init"] == str(first) and p2["init_model"] == model_id(load_model(first, "themes"))
    card2 = (second / "README.md").read_text(encoding="utf-8")
    assert f"training continued from `{first}` ({p2['init_model']})" in card2 and "`more.jsonl`" in card2


def test_wrong_task_init_fails_before_training(tmp_path):
    new_model("themes", "lite", min_df=1).fit(["一是法治人才短缺。"] * 3, [["talent_shortage"]] * 3).save_pretrained(
        tmp_path / "themes"
    )
    with pytest.raises(ModelError, match="a themes model, not a sections model"):
        train("sections", reports(), out=tmp_path / "out", init=tmp_path / "themes")
    assert not (tmp_path / "out").exists()


class Fixed:
    """A stand-in model that predicts what it is told."""

    def __init__(self, task: str, predictions: list):
        self.task, self.predictions = task, predictions

    def predict(self, texts, contexts=None, batch_size=None):
        return list(self.predictions)


def test_theme_macro_f1_counts_labels_only_predicted():
    """Gold: talent_shortage on every shortcomings item. The model finds it everywhere and adds
    public_awareness once: that row has F1 0, and macro-F1 is their mean (0.5), not 1.0."""
    rep = [
        AnnotatedReport(
            "r",
            ["二、存在的不足", "一是人才短缺。", "二是人员不足。"],
            ["shortcomings"] * 3,
            [[], ["talent_shortage"], ["talent_shortage"]],
            {},
        )
    ]
    preds = [[], ["talent_shortage"], ["talent_shortage", "public_awareness"]]
    m = evaluate("themes", Fixed("themes", preds), rep)
    assert m["per_label"]["talent_shortage"]["f1"] == 1.0 and m["per_label"]["public_awareness"]["f1"] == 0.0
    assert m["macro_f1"] == 0.5


def test_section_macro_f1_counts_labels_only_predicted():
    rep = [AnnotatedReport("r", ["甲。", "乙。", "丙。", "丁。"], ["measures"] * 4, [[]] * 4, {})]
    m = evaluate("sections", Fixed("sections", ["measures", "measures", "measures", "plans"]), rep)
    for mode in ("in_context", "isolated"):
        f_measures = m[mode]["per_label"]["measures"]["f1"]
        assert m[mode]["per_label"]["plans"]["f1"] == 0.0
        assert m[mode]["macro_f1"] == pytest.approx(f_measures / 2, abs=1e-3)  # plans counts, at 0
