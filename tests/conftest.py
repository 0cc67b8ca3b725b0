"""Shared fixtures: the real sample reports are read from ../shared at test time, never copied."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO.parent / "shared" / "samples"


@pytest.fixture(scope="session")
def samples() -> dict[str, Path]:
    if not SAMPLES.is_dir():
        pytest.skip(f"real sample reports not found at {SAMPLES}")
    return {p.stem: p for p in sorted(SAMPLES.glob("*.txt"))}
