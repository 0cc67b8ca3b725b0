"""Build the shipped BERT models (models/sections-bert, models/themes-bert) from the corpus.

    python training/train_bert.py                 # both tasks
    python training/train_bert.py --task themes   # one

Fine-tunes the top two layers of m3e-small plus a head for each task on the train split
(seed 13), early stopping on dev, test metrics into the model card.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from lawnlp.data import load_corpus
from lawnlp.training import train

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = {
    "sections": {"epochs": 2, "max_length": 96, "batch_size": 16},
    "themes": {"epochs": 5, "max_length": 192, "batch_size": 16},
}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--task", choices=sorted(SETTINGS), action="append", help="task(s) to train (default both)")
    parser.add_argument("--out", type=Path, default=ROOT / "models", help="parent directory of the model folders")
    parser.add_argument("--quiet", action="store_true", help="no progress bars")
    args = parser.parse_args(argv)
    reports = load_corpus(ROOT / "training/data/paragraphs.jsonl")
    for task in args.task or ["sections", "themes"]:
        start = time.perf_counter()
        _, metrics = train(task, reports, out=args.out / f"{task}-bert", backend="bert",
                           progress=not args.quiet, **SETTINGS[task])
        print(task, f"{time.perf_counter() - start:.0f} s", json.dumps(metrics["test"], ensure_ascii=False)[:400], flush=True)


if __name__ == "__main__":
    main()
