"""Corpus report texts for tests that need many realistic reports (tests/ is on pytest's pythonpath)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from paths import CORPUS


@lru_cache(maxsize=1)
def _corpus() -> tuple[str, ...]:
    reports: dict[str, list[str]] = {}
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        reports.setdefault(d["report_id"], []).append(d["text"])
    return tuple("\n".join(v) for v in reports.values())


def sample_texts(n: int) -> list[str]:
    """The texts of the first ``n`` corpus reports, a little shortened (speed)."""
    return ["\n".join(t.split("\n")[:40]) for t in _corpus()[:n]]


def labels_of(report) -> list[tuple]:
    """(section, themes) of every paragraph of an analysed report."""
    return [(p.section, tuple(p.themes)) for p in report.paragraphs]


def report_folder(path: Path) -> Path:
    """Five reports in ``path``, the third one binary junk: a.txt b.txt c-bad.txt d.txt e.txt."""
    for name, text in zip("abde", sample_texts(4)):
        (path / f"{name}.txt").write_text(text, encoding="utf-8")
    (path / "c-bad.txt").write_bytes(b"\x00\x01\x02\x03" * 64)
    return path
