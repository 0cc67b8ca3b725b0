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
