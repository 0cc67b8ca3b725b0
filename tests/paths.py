"""Paths the tests read (tests/ is on pytest's pythonpath): the repository, its corpus and label files,
and the real sample reports in ../shared (tests that need them skip when it is absent)."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "training" / "data" / "paragraphs.jsonl"
SAMPLE_LABELS = REPO / "training" / "data" / "samples_labels.jsonl"
SAMPLES = REPO.parent / "shared" / "samples"
