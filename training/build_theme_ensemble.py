"""Build the shipped theme ensemble (models/themes-ensemble) from models/themes-bert and models/themes-lite.

    python training/build_theme_ensemble.py

Loads both taggers, tunes per-theme thresholds for their combination (the larger probability) on the corpus
dev split, evaluates on the test split and writes the ensemble's config.json and model card. Run it after
either member is retrained (training/train_bert.py, training/train_lite.py): the thresholds belong to the
members they were tuned for.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from lawnlp.annotations import load_corpus
from lawnlp.training import build_theme_ensemble

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--models", type=Path, default=ROOT / "models", help="folder of the model directories")
    args = parser.parse_args(argv)
    reports = load_corpus(ROOT / "training/data/paragraphs.jsonl")
    members = [args.models / "themes-bert", args.models / "themes-lite"]
    _, metrics = build_theme_ensemble(
        reports, members, out=args.models / "themes-ensemble", data="training/data/paragraphs.jsonl"
    )
    test = metrics["test"]
    print(json.dumps({k: test[k] for k in ("micro_f1", "macro_f1", "exact_match", "n")}))


if __name__ == "__main__":
    main()
