"""Build the shipped lite models (models/sections-lite, models/themes-lite) from the corpus.

python training/train_lite.py
"""

from __future__ import annotations

import json
from pathlib import Path

from lawnlp.annotations import load_corpus
from lawnlp.training import train

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    reports = load_corpus(ROOT / "training/data/paragraphs.jsonl")
    for task in ("sections", "themes"):
        out = ROOT / "models" / f"{task}-lite"
        _, metrics = train(task, reports, out=out, backend="lite", data="training/data/paragraphs.jsonl")
        print(task, json.dumps({k: v for k, v in metrics.items() if k != "test"}), flush=True)


if __name__ == "__main__":
    main()
