"""lawnlp.models.ensemble: the shipped theme ensemble (BERT + lite) loads through the registry as the BERT
theme tagger, combines its members by the larger probability, says what it is made of, and is rebuilt by
lawnlp.training.build_theme_ensemble."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from lawnlp.errors import ModelError
from lawnlp.labels import THEME_IDS
from lawnlp.models import load_model, load_theme_model
from lawnlp.models.ensemble import EnsembleThemeTagger
from lawnlp.models.provenance import backend_of, model_id, provenance
from lawnlp.models.registry import MODELS_ENV, default_dir, unavailable

from paths import REPO

SHORTCOMINGS = [
    "一是法治工作力量薄弱，具有法律职业资格的工作人员仅1名。",
    "二是部分群众法治观念淡薄，遇事不找法、信访不信法。",
    "三是行政执法人员业务培训不足，执法不规范。",
]


@pytest.fixture(scope="module")
def ensemble():
    return load_theme_model(backend="bert")


def test_bert_themes_default_to_the_ensemble(ensemble, monkeypatch):
    monkeypatch.delenv(MODELS_ENV, raising=False)
    assert isinstance(ensemble, EnsembleThemeTagger) and default_dir("themes", "bert").name == "themes-ensemble"
    assert [backend_of(m) for m in ensemble.members] == ["bert", "lite"] and backend_of(ensemble) == "bert+lite"
    ident = model_id(ensemble)
    assert ident.startswith("themes-ensemble@") and "(themes-bert@" in ident and "+themes-lite@" in ident
    p = provenance(load_model(REPO / "models" / "sections-lite", "sections"), ensemble)
    assert p["backend"] == "lite+bert" and p["themes_model"] == ident and p["base_encoder"]


def test_probability_is_the_larger_of_the_members(ensemble):
    proba = ensemble.predict_proba(SHORTCOMINGS)
    for m in ensemble.members:
        cols = [list(m.labels).index(lab) for lab in THEME_IDS]
        assert (proba >= m.predict_proba(SHORTCOMINGS)[:, cols] - 1e-9).all()
    themes = ensemble.predict(SHORTCOMINGS)
    assert themes == [[lab for lab, p, t in zip(THEME_IDS, row, ensemble.thresholds_) if p >= t] for row in proba]
    assert "talent_shortage" in themes[0] and "public_awareness" in themes[1]
    assert ensemble.predict([]) == []


def test_a_missing_member_is_named(tmp_path, monkeypatch):
    shutil.copytree(REPO / "models" / "themes-ensemble", tmp_path / "themes-ensemble")
    shutil.copytree(REPO / "models" / "themes-lite", tmp_path / "themes-lite")
    with pytest.raises(ModelError, match="themes-bert"):
        load_model(tmp_path / "themes-ensemble", "themes")
    monkeypatch.setenv(MODELS_ENV, str(tmp_path))
    assert "themes-bert" in unavailable("themes", "bert")


def test_build_theme_ensemble_tunes_on_dev_and_writes_a_card(tmp_path, tiny_models):
    from lawnlp.annotations import load_corpus
    from lawnlp.training import build_theme_ensemble

    reports = load_corpus(REPO / "training" / "data" / "paragraphs.jsonl")
    _, themes = tiny_models
    themes.save_pretrained(tmp_path / "themes-tiny")
    shutil.copytree(REPO / "models" / "themes-lite", tmp_path / "themes-lite")
    with pytest.raises(ValueError, match="same folder"):
        build_theme_ensemble(reports, [tmp_path / "themes-lite"], out=tmp_path / "deeper" / "ens")
    model, metrics = build_theme_ensemble(
        reports, [tmp_path / "themes-tiny", tmp_path / "themes-lite"], out=tmp_path / "ens", data="corpus.jsonl"
    )
    config = json.loads((tmp_path / "ens" / "config.json").read_text(encoding="utf-8"))
    assert config["members"] == ["themes-tiny", "themes-lite"] and len(config["thresholds"]) == len(THEME_IDS)
    assert np.allclose(config["thresholds"], model.thresholds_, atol=1e-4)
    card = (tmp_path / "ens" / "README.md").read_text(encoding="utf-8")
    assert "ensemble backend" in card and f"micro-F1 {metrics['test']['micro_f1']}" in card
    again = load_model(tmp_path / "ens", "themes")
    assert again.predict(SHORTCOMINGS) == model.predict(SHORTCOMINGS)
