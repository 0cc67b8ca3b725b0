"""Build the shipped BERT models (models/sections-bert, models/themes-bert) from the corpus.

    python training/train_bert.py                 # both tasks
    python training/train_bert.py --task themes   # one

Fine-tunes the top layers of m3e-small plus a head for each task on the train split (seed 13),
with the settings of lawnlp.config.BERT_SECTIONS / BERT_THEMES, early stopping on dev, test metrics into the
model card. bfloat16 autocast where the CPU has it natively (a few minutes per model on 2 cores).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from lawnlp.annotations import load_corpus
from lawnlp.training import train

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--task", choices=["sections", "themes"], action="append", help="task(s) to train (default both)"
    )
    parser.add_argument("--out", type=Path, default=ROOT / "models", help="parent directory of the model folders")
    parser.add_argument("--quiet", action="store_true", help="no progress bars")
    args = parser.parse_args(argv)
    reports = load_corpus(ROOT / "training/data/paragraphs.jsonl")
    for task in args.task or ["sections", "themes"]:
        start = time.perf_counter()
        _, metrics = train(
            task,
            reports,
            out=args.out / f"{task}-bert",
            backend="bert",
            data="training/data/paragraphs.jsonl",
            progress=not args.quiet,
        )
        print(
            task,
            f"{time.perf_counter() - start:.0f} s",
            json.dumps(metrics["test"], ensure_ascii=False)[:400],
            flush=True,
        )


if __name__ == "__main__":
    main()
