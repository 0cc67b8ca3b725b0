"""The batch path (lawnlp.pipeline.batch): order, groups, failures, inputs, thread settings."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawnlp.models.threads import configure_threads
from lawnlp.pipeline import Analyzer
from lawnlp.pipeline.batch import iter_batches
from lawnlp.pipeline.inputs import iter_inputs

from corpus_texts import labels_of as _labels
from corpus_texts import report_folder, sample_texts


@pytest.fixture(scope="module")
def rules() -> Analyzer:
    return Analyzer(backend="rules")


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    return report_folder(tmp_path)


def test_order_preserved_and_same_labels_as_one_by_one(rules: Analyzer):
    texts = sample_texts(6)
    inputs = [(f"r{i}", t) for i, t in enumerate(texts)]
    out = list(rules.analyze_batch(inputs, workers=2))
    assert [r.source for r in out] == [f"r{i}" for i in range(6)]
    for text, report in zip(texts, out):
        assert report.error is None and _labels(report) == _labels(rules.analyze(text))
        assert report.brief is not None


def test_small_groups_and_no_workers_keep_order(rules: Analyzer):

    texts = sample_texts(5)
    out = list(
        iter_batches(
            rules, [(f"r{i}", t) for i, t in enumerate(texts)], batch_size=1, workers=0, group_paragraphs=1, brief=False
        )
    )
    assert [r.source for r in out] == [f"r{i}" for i in range(5)]
    assert all(r.brief is None and r.paragraphs[0].section for r in out)


def test_bad_file_in_the_middle(rules: Analyzer, folder: Path):
    paths = sorted(str(p) for p in folder.iterdir()) + [str(folder / "missing.txt")]
    out = list(rules.analyze_batch(paths))
    assert [r.source for r in out] == paths
    errors = {Path(r.source).name: r.error for r in out if r.error}
    assert set(errors) == {"c-bad.txt", "missing.txt"} and "binary" in errors["c-bad.txt"]
    assert all(len(r.paragraphs) > 5 and r.themes for r in out if not r.error)
    assert [r.source for r in rules.analyze_batch(paths, on_error="skip")] == [
        p for p in paths if Path(p).name not in errors
    ]
    with pytest.raises(ValueError, match="binary"):
        list(rules.analyze_batch(paths, on_error="raise"))


def test_labelling_failure_becomes_error_row(folder: Path):
    class Flaky:
        task, labels = "sections", ("measures",)

        def predict(self, texts, contexts=None, batch_size=None):
            if any("拔山镇" in t for t in texts):
                raise RuntimeError("model exploded")
            return ["measures"] * len(texts)

    analyzer = Analyzer(sections=Flaky(), backend="rules")
    texts = sample_texts(3)
    out = list(analyzer.analyze_batch([("x", texts[0]), ("y", texts[1]), ("z", texts[2])]))
    assert [r.source for r in out] == ["x", "y", "z"]
    failed = [r for r in out if r.error]
    assert len(failed) == 1 and "model exploded" in failed[0].error
    assert all(p.section == "measures" for r in out if not r.error for p in r.paragraphs if not p.debris)


def test_dataset_input(rules: Analyzer):
    datasets = pytest.importorskip("datasets")
    texts = sample_texts(3)
    ds = datasets.Dataset.from_dict({"text": texts, "id": ["x", "y", "z"], "body": texts[::-1]})
    out = list(rules.analyze_batch(ds))
    assert [r.source for r in out] == ["x", "y", "z"] and not any(r.error for r in out)
    assert [r.meta.entity for r in rules.analyze_batch(ds, column="body")] == [r.meta.entity for r in out][::-1]
    assert [r.meta.entity for r in rules.analyze_batch(ds["text"])] == [r.meta.entity for r in out]
    with pytest.raises(ValueError, match="no column"):
        list(rules.analyze_batch(datasets.Dataset.from_dict({"content": texts})))
    no_names = datasets.Dataset.from_dict({"text": texts[:2]})
    assert [r.source for r in rules.analyze_batch(no_names)] == ["row:0", "row:1"]
    assert list(iter_inputs([{"t": "a", "id": 7}], column="t")) == [("a", "7")]


def test_thread_settings_respect_the_user(monkeypatch):
    torch = pytest.importorskip("torch")

    before = torch.get_num_threads()
    try:
        monkeypatch.setenv("OMP_NUM_THREADS", "1")
        assert configure_threads() is None and torch.get_num_threads() == before
        monkeypatch.delenv("OMP_NUM_THREADS")
        monkeypatch.setenv("LAWNLP_NUM_THREADS", "1")
        assert configure_threads() == 1 and torch.get_num_threads() == 1
    finally:
        torch.set_num_threads(before)
