"""Model backends: the tiny random BERT (conftest), the lite backend, loading, training through the CLI."""

import json

import numpy as np
import pytest

from lawnlp.annotations import AnnotatedReport
from lawnlp.labels import SECTION_IDS, THEME_IDS
from lawnlp.models import load_model, model_backend
from lawnlp.models.bert import BertSectionClassifier, BertThemeTagger
from lawnlp.models.lite import LiteSectionClassifier, LiteThemeTagger
from lawnlp.training import evaluate, examples, train

TEXTS = {
    "preamble": [
        "现将2023年法治政府建设情况报告如下：",
        "今年以来，我镇坚持以习近平法治思想为指导，现将有关情况报告如下：",
    ],
    "measures": ["一、主要举措和成效", "全年调解矛盾纠纷88件，发放宣传资料1200份。", "开展普法活动36场次。"],
    "leadership": ["党政主要负责人履行第一责任人职责", "镇党委书记带头述法，主要负责人亲自部署。"],
    "shortcomings": ["二、存在的不足", "一是法治人才短缺，专业人员不足。", "二是群众法治意识淡薄，遇事不找法。"],
    "plans": ["三、下一步工作打算", "一是加强队伍建设；二是创新普法方式。"],
    "other": ["青山县小河镇人民政府", "2024年1月8日"],
}
THEMED = [
    ("一是法治人才短缺，专业人员不足。", ["talent_shortage"]),
    ("二是群众法治意识淡薄，遇事不找法。", ["public_awareness"]),
    ("法治工作人员少，群众法治观念不强。", ["talent_shortage", "public_awareness"]),
    ("三是执法不规范，执法人员素质参差不齐。", ["enforcement_weak"]),
]


def _section_data():
    texts = [t for ts in TEXTS.values() for t in ts] * 4
    labels = [lab for lab, ts in TEXTS.items() for _ in ts] * 4
    return texts, labels


def test_tiny_bert_section_classifier_trains_saves_loads(tiny_base, tmp_path):
    texts, labels = _section_data()
    model = BertSectionClassifier(
        base=tiny_base, trainable_layers=1, epochs=3, batch_size=8, lr=5e-3, head_lr=5e-2, progress=False
    )
    model.fit(texts, labels, dev=(texts, labels, None))
    pred = model.predict(texts)
    assert set(pred) <= set(SECTION_IDS) and len(pred) == len(texts)
    assert np.mean([p == g for p, g in zip(pred, labels)]) > 1 / len(SECTION_IDS)  # learned something
    model.save_pretrained(tmp_path / "m")
    saved = {p.name for p in (tmp_path / "m").iterdir()}
    assert saved == {"config.json", "model.safetensors", "README.md"}
    from safetensors import safe_open

    with safe_open(str(tmp_path / "m" / "model.safetensors"), "pt") as f:
        keys = list(f.keys())
    assert any(k.startswith("head.") for k in keys)
    assert all(k.startswith(("head.", "encoder.encoder.layer.1.")) for k in keys), "only top layer + head stored"
    loaded = load_model(tmp_path / "m", "sections")
    assert isinstance(loaded, BertSectionClassifier) and model_backend(tmp_path / "m") == "bert"
    np.testing.assert_allclose(loaded.predict_proba(texts), model.predict_proba(texts), atol=2e-2)
    assert loaded.predict(texts) == pred or np.mean([a == b for a, b in zip(loaded.predict(texts), pred)]) > 0.9
    assert "research use only" in (tmp_path / "m" / "README.md").read_text(encoding="utf-8")


def test_tiny_bert_theme_tagger_thresholds(tiny_base, tmp_path):
    texts = [t for t, _ in THEMED] * 4
    labels = [th for _, th in THEMED] * 4
    model = BertThemeTagger(base=tiny_base, trainable_layers=2, epochs=2, batch_size=4, progress=False)
    model.fit(texts, labels, dev=(texts, labels, None))
    assert model.thresholds_.shape == (len(THEME_IDS),)
    assert all(0.1 <= t <= 0.9 for t in model.thresholds_)
    out = model.predict(texts)
    assert all(set(o) <= set(THEME_IDS) for o in out)
    model.save_pretrained(tmp_path / "t")
    cfg = json.loads((tmp_path / "t" / "config.json").read_text(encoding="utf-8"))
    assert cfg["task"] == "themes" and cfg["labels"] == list(THEME_IDS)
    assert load_model(tmp_path / "t", "themes").predict(texts) == out


def test_from_pretrained_rejects_wrong_task(tiny_base, tmp_path):
    texts, labels = _section_data()
    BertSectionClassifier(base=tiny_base, epochs=1, progress=False).fit(texts, labels).save_pretrained(tmp_path / "s")
    with pytest.raises(ValueError):
        BertThemeTagger.from_pretrained(tmp_path / "s")


def test_missing_base_gives_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="not a local model directory"):
        BertSectionClassifier(base=tmp_path / "nowhere").fit(["一"], ["other"])


def test_lite_models_fit_save_load(tmp_path):
    texts, labels = _section_data()
    sec = LiteSectionClassifier(min_df=1).fit(texts, labels)
    assert sec.predict(texts) == labels  # separable toy data
    sec.save_pretrained(tmp_path / "sec")
    assert model_backend(tmp_path / "sec") == "lite"
    assert load_model(tmp_path / "sec", "sections").predict(texts) == labels
    tag = LiteThemeTagger(min_df=1).fit([t for t, _ in THEMED] * 3, [th for _, th in THEMED] * 3)
    tag.save_pretrained(tmp_path / "tag")
    assert load_model(tmp_path / "tag", "themes").predict(["一是法治人才短缺，专业人员不足。"]) == [["talent_shortage"]]


def test_train_and_evaluate_lite_end_to_end(tmp_path):
    reports = []
    for i in range(12):
        lines = [
            "青山县小河镇2023年法治政府建设情况报告",
            TEXTS["preamble"][i % 2],
            "一、主要举措和成效",
            TEXTS["measures"][1 + i % 2],
            "二、存在的不足",
            THEMED[i % 4][0],
            "三、下一步工作打算",
            TEXTS["plans"][1],
            "2024年1月8日",
        ]
        sections = [
            "other",
            "preamble",
            "measures",
            "measures",
            "shortcomings",
            "shortcomings",
            "plans",
            "plans",
            "other",
        ]
        themes = [[], [], [], [], [], THEMED[i % 4][1], [], [], []]
        reports.append(AnnotatedReport(f"r{i}", lines, sections, themes, {}))
    ex = examples("sections", reports)
    assert len(ex) == 8 * 12 and ex.contexts[3].headings == ("一、主要举措和成效",)  # the date line is furniture
    model, metrics = train("sections", reports, out=tmp_path / "m", backend="lite", min_df=1)
    assert metrics["test"]["in_context"]["accuracy"] >= 0.8
    assert (tmp_path / "m" / "lite.json").exists()
    card = (tmp_path / "m" / "README.md").read_text(encoding="utf-8")  # a model card with the test figures
    assert card.startswith("# lawnlp sections model (lite") and str(metrics["test"]["in_context"]["accuracy"]) in card
    assert json.loads((tmp_path / "m" / "metrics.json").read_text(encoding="utf-8"))["test"] == metrics["test"]
    assert evaluate("themes", load_model(tmp_path / "m", "sections"), []) == {}


def test_cli_train_then_evaluate_tiny_bert(tiny_base, tmp_path, capsys):
    """`lawnlp train` on a small annotation file with a local base, then `lawnlp evaluate --model`."""
    from lawnlp.cli import main

    rows = []
    for r in range(24):  # enough reports for the train/dev/test split to have all three
        lines = [(t, lab, []) for lab, ts in TEXTS.items() for t in ts if lab != "shortcomings"]
        lines[4:4] = [(t, "shortcomings", th) for t, th in THEMED]
        rows += [
            {"report_id": f"r{r:02d}", "index": i, "text": t, "section": lab, "themes": th}
            for i, (t, lab, th) in enumerate(lines)
        ]
    data = tmp_path / "ann.jsonl"
    data.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in rows), encoding="utf-8")
    out = tmp_path / "themes-model"
    assert (
        main(
            [
                "train",
                "--task",
                "themes",
                "--data",
                str(data),
                "--base",
                str(tiny_base),
                "--out",
                str(out),
                "--epochs",
                "1",
                "--trainable-layers",
                "1",
            ]
        )
        == 0
    )
    config = json.loads((out / "config.json").read_text(encoding="utf-8"))
    assert config["task"] == "themes" and config["params"]["base"] == str(tiny_base)
    assert config["params"]["epochs"] == 1 and len(config["history"]) == 1
    assert "micro-F1" in capsys.readouterr().out and (out / "README.md").read_text(encoding="utf-8").startswith(
        "# lawnlp"
    )
    assert main(["evaluate", "--data", str(data), "--task", "themes", "--model", str(out), "--json"]) == 0
    metrics = json.loads(capsys.readouterr().out)
    assert 0.0 <= metrics["themes"]["micro_f1"] <= 1.0 and metrics["themes"]["n"] == 24 * len(THEMED)
