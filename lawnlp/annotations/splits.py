"""Splits by report: never one report in two splits, stable when the corpus grows; as ``datasets`` too."""

from __future__ import annotations

import hashlib

from lawnlp.annotations.schema import AnnotatedReport
from lawnlp.config import SEED


def split_reports(
    reports: list[AnnotatedReport], dev: float = 0.15, test: float = 0.15, seed: int = SEED
) -> dict[str, list[AnnotatedReport]]:
    """Split by report (never a report in two splits) with a fixed seed: {"train", "dev", "test"}.

    Each report's split depends only on (seed, report_id), through a hash, so adding reports to a
    corpus never moves the reports already in it from one split to another."""
    out: dict[str, list[AnnotatedReport]] = {"train": [], "dev": [], "test": []}
    for r in reports:
        digest = hashlib.sha256(f"{seed}:{r.report_id}".encode()).hexdigest()
        u = int(digest[:12], 16) / 16**12
        out["test" if u < test else "dev" if u < test + dev else "train"].append(r)
    return out


def to_dataset(reports: list[AnnotatedReport]):
    """A ``datasets.Dataset`` with one row per paragraph (report_id, index, text, section, themes)."""
    from datasets import Dataset

    rows = {"report_id": [], "index": [], "text": [], "section": [], "themes": []}
    for r in reports:
        for i, (t, s, th) in enumerate(zip(r.texts, r.sections, r.themes)):
            rows["report_id"].append(r.report_id)
            rows["index"].append(i)
            rows["text"].append(t)
            rows["section"].append(s)
            rows["themes"].append(th)
    return Dataset.from_dict(rows)


def to_dataset_dict(splits: dict[str, list[AnnotatedReport]]):
    """The splits as a ``datasets.DatasetDict``."""
    from datasets import DatasetDict

    return DatasetDict({name: to_dataset(reps) for name, reps in splits.items()})
