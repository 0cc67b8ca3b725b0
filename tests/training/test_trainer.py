"""lawnlp.training.train: continuing from a saved model of either backend, and a truthful model card."""

from __future__ import annotations

import json

from lawnlp.annotations import AnnotatedReport
from lawnlp.models import load_model, new_model
from lawnlp.training import train

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


def test_continue_from_a_lite_model(tmp_path):
    """init= a lite model: trained with the lite backend (no 'dev' TypeError), its card says so."""
    first = new_model("themes", "lite", min_df=1).fit(
        [t for t, s, _ in LINES if s == "shortcomings"] * 3, [th for _, s, th in LINES if s == "shortcomings"] * 3
    )
    first.save_pretrained(tmp_path / "first")
    model, metrics = train("themes", reports(), out=tmp_path / "second", init=tmp_path / "first", data="ann.jsonl")
    assert type(model).__name__ == "LiteThemeTagger" and metrics["train_examples"] > 0
    cfg = json.loads((tmp_path / "second" / "lite.json").read_text(encoding="utf-8"))
    assert cfg["provenance"]["init"] == str(tmp_path / "first") and cfg["provenance"]["data"] == "ann.jsonl"
    assert cfg["provenance"]["reports"] == 16 and cfg["provenance"]["backend"] == "lite"
    card = (tmp_path / "second" / "README.md").read_text(encoding="utf-8")
    assert "`ann.jsonl`" in card and f"training continued from `{tmp_path / 'first'}`" in card
    assert load_model(tmp_path / "second", "themes").predict(["一是法治人才短缺，专业人员不足。"]) == [
        ["talent_shortage"]
    ]


def test_card_does_not_claim_the_shipped_corpus(tmp_path):
    train("sections", reports(), out=tmp_path / "m", backend="lite", min_df=1)
    card = (tmp_path / "m" / "README.md").read_text(encoding="utf-8")
    assert "annotations passed in memory; 16 reports" in card and "training/data" not in card
