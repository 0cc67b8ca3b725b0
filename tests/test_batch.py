"""The batch path: order, errors, resume, output formats, DataFrames, Dataset input, acceleration.

Fast by design: the keyword-rules backend, and a tiny untrained BERT built on the fly (no trained model).
"""

from __future__ import annotations

import json
import os
import shutil
from functools import lru_cache
from pathlib import Path

import pytest

from lawnlp import to_frame
from lawnlp.batch import analyze_files, configure_threads, iter_inputs
from lawnlp.cli import main
from lawnlp.frame import PARAGRAPH_FRAME_COLUMNS, REPORT_FRAME_COLUMNS, read_results
from lawnlp.pipeline import Analyzer

CORPUS = Path(__file__).resolve().parents[1] / "training" / "data" / "paragraphs.jsonl"


@lru_cache(maxsize=1)
def _corpus() -> tuple[str, ...]:
    reports: dict[str, list[str]] = {}
    with open(CORPUS, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            reports.setdefault(d["report_id"], []).append(d["text"])
    return tuple("\n".join(v) for v in reports.values())


def sample_texts(n: int) -> list[str]:
    """The texts of the first ``n`` corpus reports, a little shortened (speed)."""
    return ["\n".join(t.split("\n")[:40]) for t in _corpus()[:n]]


@pytest.fixture(scope="module")
def rules() -> Analyzer:
    return Analyzer(backend="rules")


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    """Five reports, the third one binary junk: a.txt b.txt c-bad.txt d.txt e.txt."""
    texts = sample_texts(4)
    for name, text in zip("abde", texts):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "c-bad.txt").write_bytes(b"\x00\x01\x02\x03" * 64)
    return tmp_path


def _labels(report):
    return [(p.section, tuple(p.themes)) for p in report.paragraphs]


def test_order_preserved_and_same_labels_as_one_by_one(rules: Analyzer):
    texts = sample_texts(6)
    inputs = [(f"r{i}", t) for i, t in enumerate(texts)]
    out = list(rules.analyze_batch(inputs, workers=2))
    assert [r.source for r in out] == [f"r{i}" for i in range(6)]
    for text, report in zip(texts, out):
        assert report.error is None and _labels(report) == _labels(rules.analyze(text))
        assert report.brief is not None


def test_small_groups_and_no_workers_keep_order(rules: Analyzer):
    from lawnlp.batch import iter_batches

    texts = sample_texts(5)
    out = list(iter_batches(rules, [(f"r{i}", t) for i, t in enumerate(texts)], batch_size=1, workers=0,
                            group_paragraphs=1, brief=False))
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
        p for p in paths if Path(p).name not in errors]
    with pytest.raises(ValueError, match="binary"):
        list(rules.analyze_batch(paths, on_error="raise"))


def test_labelling_failure_becomes_error_row(folder: Path):
    class Flaky:
        def predict(self, texts, contexts=None):
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


def test_cli_jsonl_and_resume(folder: Path, tmp_path: Path, capsys):
    out = tmp_path / "results.jsonl"
    args = ["analyze", str(folder), "-o", str(out), "--backend", "rules", "--no-progress"]
    assert main(args) == 1                                     # one report failed
    first = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [Path(r["source"]).name for r in first] == ["a.txt", "b.txt", "c-bad.txt", "d.txt", "e.txt"]
    assert first[2]["error"] and not first[0]["error"]
    # An interrupted run: two reports done, the third cut off in the middle of its line.
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:2]) + lines[3][:50], encoding="utf-8")
    capsys.readouterr()
    assert main(args + ["--resume"]) == 1
    assert "2 reports already" in capsys.readouterr().err
    again = list(read_results(out))
    assert sorted(Path(r["source"]).name for r in again) == ["a.txt", "b.txt", "c-bad.txt", "d.txt", "e.txt"]
    assert again[:2] == first[:2]
    # Everything done: a third run does nothing.
    before = out.read_bytes()
    assert main(args + ["--resume"]) == 0
    assert out.read_bytes() == before


def test_cli_csv_parquet_readable_and_resumable(folder: Path, tmp_path: Path):
    pd = pytest.importorskip("pandas")
    reports = list(Analyzer(backend="rules").analyze_batch(sorted(str(p) for p in folder.iterdir())))
    n_rows = sum(max(1, len(r.paragraphs)) for r in reports)
    for fmt in ("csv", "parquet"):
        out = tmp_path / f"results.{fmt}"
        assert main(["analyze", str(folder), "-o", str(out), "--backend", "rules", "--no-progress"]) == 1
        df = pd.read_csv(out) if fmt == "csv" else pd.read_parquet(out)
        assert list(df.columns) == list(PARAGRAPH_FRAME_COLUMNS) and len(df) == n_rows
        assert df["source"].nunique() == 5 and df["error"].notna().sum() == 1
        assert set(df["section"].dropna()) <= {"preamble", "measures", "leadership", "shortcomings", "plans", "other"}
        if fmt == "csv":                                         # cut the file inside the second report
            text = out.read_text(encoding="utf-8").splitlines(keepends=True)
            n_first = int(df["n_paragraphs"].iloc[0])
            out.write_text("".join(text[:1 + n_first + 3]), encoding="utf-8")
        else:                                                    # the parquet file of an earlier, shorter run
            df[df["source"] == df["source"].iloc[0]].to_parquet(out, index=False)
        assert main(["analyze", str(folder), "-o", str(out), "--backend", "rules", "--no-progress", "--resume"]) == 1
        df2 = pd.read_csv(out) if fmt == "csv" else pd.read_parquet(out)
        assert len(df2) == n_rows and df2["source"].nunique() == 5
        assert (df2.groupby("source").size() == df.groupby("source").size()).all()


def test_parquet_journal_survives_a_killed_run(folder: Path, tmp_path: Path):
    pd = pytest.importorskip("pandas")
    out = tmp_path / "r.parquet"
    analyzer = Analyzer(backend="rules")
    paths = sorted(str(p) for p in folder.iterdir())
    # A hard kill leaves only the journal (flushed per report): here, the first two reports.
    done = list(analyzer.analyze_batch(paths[:2]))
    Path(str(out) + ".partial.jsonl").write_text(
        "".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in done), encoding="utf-8")
    seen = []
    counts = analyze_files(analyzer, paths, output=str(out), resume=True, progress=False, on_report=seen.append)
    assert counts["skipped"] == 2 and len(seen) == 3
    assert pd.read_parquet(out)["source"].nunique() == 5 and not Path(str(out) + ".partial.jsonl").exists()


def test_to_frame_shapes(rules: Analyzer, folder: Path):
    reports = list(rules.analyze_batch(sorted(str(p) for p in folder.iterdir())))
    para = to_frame(reports)
    assert list(para.columns) == list(PARAGRAPH_FRAME_COLUMNS)
    assert len(para) == sum(len(r.paragraphs) for r in reports) + 1     # + the error row
    rep = to_frame(reports, level="report")
    assert list(rep.columns) == list(REPORT_FRAME_COLUMNS) and len(rep) == 5
    ok = rep[rep["error"].isna()]
    assert (ok[[c for c in rep.columns if c.startswith("n_") and c != "n_paragraphs"]].sum(axis=1)
            == ok["n_paragraphs"]).all()
    assert rep["brief"].notna().sum() == 4 and isinstance(rep["themes"].iloc[0], list)
    # The same from the JSON form (a results file).
    assert to_frame([r.to_dict() for r in reports], level="report").drop(columns=["year"]).equals(rep.drop(columns=["year"]))
    with pytest.raises(ValueError):
        to_frame(reports, level="sentence")


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
    import lawnlp.batch as batch

    before = torch.get_num_threads()
    try:
        monkeypatch.setattr(batch, "_THREADS_CONFIGURED", False)
        monkeypatch.setenv("OMP_NUM_THREADS", "1")
        assert configure_threads() is None and torch.get_num_threads() == before
        monkeypatch.setattr(batch, "_THREADS_CONFIGURED", False)
        monkeypatch.delenv("OMP_NUM_THREADS")
        monkeypatch.setenv("LAWNLP_NUM_THREADS", "1")
        assert configure_threads() == 1 and torch.get_num_threads() == 1
    finally:
        torch.set_num_threads(before)


# --------------------------------------------------------------------------- a tiny untrained BERT


@pytest.fixture(scope="module")
def tiny_bert(tmp_path_factory):
    """Section and theme models on a 2-layer, 64-wide random BERT with the m3e-small tokenizer."""
    pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    try:
        from lawnlp.models.encoder import default_base_path

        base = default_base_path()
    except FileNotFoundError as exc:
        pytest.skip(str(exc))
    from lawnlp.training import new_model

    tiny = tmp_path_factory.mktemp("tiny-bert")
    for f in os.listdir(base):
        if f.startswith(("vocab", "tokenizer", "special_tokens")):
            shutil.copy(base / f, tiny / f)
    config = transformers.BertConfig(vocab_size=21128, hidden_size=64, num_hidden_layers=2, num_attention_heads=2,
                                     intermediate_size=128, max_position_embeddings=512)
    import torch

    torch.manual_seed(0)
    transformers.BertModel(config).save_pretrained(str(tiny))
    models = []
    for task in ("sections", "themes"):
        m = new_model(task, "bert", base=str(tiny), progress=False)
        m._build()
        with torch.no_grad():
            m.net_.head.weight.normal_(0, 3.0)
        models.append(m)
    return models


def test_bert_batch_matches_one_by_one(tiny_bert):
    sections, themes = tiny_bert
    analyzer = Analyzer(sections=sections, themes=themes)
    texts = sample_texts(3)
    size = sections.batch_size
    batch = list(analyzer.analyze_batch([(f"r{i}", t) for i, t in enumerate(texts)], batch_size=16, brief=False))
    assert [r.source for r in batch] == ["r0", "r1", "r2"]
    one = [analyzer.analyze(t, brief=False) for t in texts]
    pairs = [(a, b) for x, y in zip(batch, one) for a, b in zip(_labels(x), _labels(y))]
    assert sum(a == b for a, b in pairs) / len(pairs) >= 0.99      # padding differs: tiny float noise only
    assert sections.batch_size == size                               # the model's own setting is restored


@pytest.mark.parametrize("accel", ["bf16", "int8", "onnx"])
def test_accelerated_models_run(tiny_bert, accel):
    if accel == "onnx":
        pytest.importorskip("onnxruntime", reason="onnxruntime not installed (optional: lawnlp[onnx])")
        pytest.importorskip("onnx", reason="onnx not installed (optional: lawnlp[onnx])")
    import numpy as np

    sections, themes = tiny_bert
    analyzer = Analyzer(sections=sections, themes=themes, accel=accel)
    fast = analyzer.section_model
    assert fast is not sections and fast.accel_ == accel and sections.net_ is not fast.net_
    texts = [p for t in sample_texts(2) for p in t.split("\n")][:40]
    ref, got = sections.predict_logits(texts), fast.predict_logits(texts)
    assert got.shape == ref.shape and np.isfinite(got).all()
    if accel == "onnx":
        assert np.abs(got - ref).max() < 1e-3
    if accel == "bf16":  # bfloat16 keeps 8 bits of mantissa: logits move a little, the ranking hardly
        assert np.abs(got - ref).max() < 0.25 and (got.argmax(1) == ref.argmax(1)).mean() >= 0.9
    assert len(list(analyzer.analyze_batch(sample_texts(2)))) == 2


def test_auto_accel_is_bf16_only_where_native(tiny_bert):
    import torch

    from lawnlp.batch import accelerate, native_bf16

    sections, _ = tiny_bert
    fast = accelerate(sections, "auto")
    assert (fast.accel_ == "bf16") if native_bf16() else (fast is sections)
    assert next(sections.net_.parameters()).dtype == torch.float32   # the original is left as it was
    with pytest.raises(ValueError, match="unknown accel"):
        accelerate(sections, "fp8")
