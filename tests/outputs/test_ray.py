"""Ray Data adapter: ReportMapper in map_batches (skips when ray is not installed: it is optional)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / "training" / "data" / "paragraphs.jsonl"


def sample_texts(n: int) -> list[str]:
    """The first ``n`` corpus reports (40 lines each at most)."""
    reports: dict[str, list[str]] = {}
    with open(CORPUS, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            reports.setdefault(d["report_id"], []).append(d["text"])
    return ["\n".join(v[:40]) for v in list(reports.values())[:n]]


def test_mapper_without_ray():
    from lawnlp.outputs.ray_data import OUTPUT_COLUMNS, ReportMapper

    texts = sample_texts(3)
    mapper = ReportMapper(backend="rules")
    out = mapper({"text": texts[:2] + ["", texts[2]], "source": ["a", "b", "bad", "c"]})
    assert set(out) == set(OUTPUT_COLUMNS)
    assert out["source"] == ["a", "b", "bad", "c"]
    assert out["error"][2] and not any(out["error"][i] for i in (0, 1, 3))
    assert out["n_paragraphs"][0] > 5 and out["brief"][0]


def test_ray_map_batches():
    ray = pytest.importorskip("ray", reason="ray is not installed (optional: pip install 'lawnlp[ray]'); skipped")
    from lawnlp.outputs.ray_data import analyze_dataset

    texts = sample_texts(6)
    ray.init(num_cpus=1, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
    try:
        ds = ray.data.from_items([{"text": t, "source": f"r{i}"} for i, t in enumerate(texts)])
        df = analyze_dataset(ds, concurrency=1, batch_size=4, backend="rules").to_pandas()
    finally:
        ray.shutdown()
    assert sorted(df["source"]) == [f"r{i}" for i in range(6)]
    assert df["error"].isna().all() and (df["n_paragraphs"] > 5).all()


def test_mapper_keeps_file_names_in_error_rows(tmp_path):
    from lawnlp.outputs.ray_data import ReportMapper

    good = tmp_path / "good.txt"
    good.write_text(sample_texts(1)[0], encoding="utf-8")
    missing = str(tmp_path / "missing.txt")
    out = ReportMapper(backend="rules")({"text": [str(good), missing, sample_texts(2)[1]]})
    assert out["source"] == [str(good), missing, "row:2"]
    assert not out["error"][0] and missing in out["error"][1] and "file not found" in out["error"][1]


def test_analyze_dataset_asks_for_an_actor_pool(monkeypatch):
    """compute=ActorPoolStrategy(size=n), not the deprecated concurrency= (checked with a stand-in ray)."""
    import sys
    import types

    from lawnlp.outputs.ray_data import ReportMapper, analyze_dataset

    class Pool:
        def __init__(self, size):
            self.size = size

    fake = types.ModuleType("ray")
    fake.data = types.SimpleNamespace(ActorPoolStrategy=Pool)
    monkeypatch.setitem(sys.modules, "ray", fake)
    calls = []

    class Dataset:
        def map_batches(self, fn, **kwargs):
            calls.append((fn, kwargs))
            return "mapped"

    assert analyze_dataset(Dataset(), concurrency=3, backend="rules") == "mapped"
    fn, kwargs = calls[0]
    assert fn is ReportMapper and "concurrency" not in kwargs and kwargs["compute"].size == 3
    assert kwargs["fn_constructor_kwargs"] == {"backend": "rules"}
