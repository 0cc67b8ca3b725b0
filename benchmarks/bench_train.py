"""Time a full retrain of both default models on the corpus (issue target: at most 30 minutes on a
2-core CPU), with the lite baseline trained in the same process for a ratio.

    python benchmarks/bench_train.py --json benchmarks/results-train.json [--out models]

Models are written to a temporary directory (the shipped ones in models/ are not touched), or with
``--out models`` to that directory: the shipped models are built by this timed run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from lawnlp.annotations import load_corpus
from lawnlp.config import BERT_SECTIONS, BERT_THEMES
from lawnlp.training import train

ROOT = Path(__file__).resolve().parents[1]

TARGET_SECONDS = 30 * 60


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--json", type=Path, help="write the results here")
    parser.add_argument("--out", type=Path, help="keep the trained models here (<task>-<backend>; default: discard)")
    args = parser.parse_args(argv)
    import torch

    reports = load_corpus(ROOT / "training/data/paragraphs.jsonl")
    result: dict = {
        "machine": {
            "cpus": os.cpu_count(),
            "torch_threads": torch.get_num_threads(),
            "python": platform.python_version(),
            "torch": torch.__version__,
        },
        "reports": len(reports),
        "settings": {"sections": asdict(BERT_SECTIONS), "themes": asdict(BERT_THEMES)},
        "seconds": {},
        "test": {},
    }
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.out or Path(tmp)
        for backend in ("lite", "bert"):
            for task in ("sections", "themes"):
                start = time.perf_counter()
                _, metrics = train(
                    task,
                    reports,
                    out=folder / f"{task}-{backend}",
                    backend=backend,
                    data="training/data/paragraphs.jsonl",
                    **({"progress": False} if backend == "bert" else {}),
                )
                result["seconds"][f"{task}-{backend}"] = round(time.perf_counter() - start, 1)
                result["test"][f"{task}-{backend}"] = metrics["test"]
                print(f"{task}-{backend}: {result['seconds'][f'{task}-{backend}']} s", flush=True)
    bert = result["seconds"]["sections-bert"] + result["seconds"]["themes-bert"]
    lite = result["seconds"]["sections-lite"] + result["seconds"]["themes-lite"]
    result.update(
        full_retrain_seconds=round(bert, 1),
        target_seconds=TARGET_SECONDS,
        within_target=bert <= TARGET_SECONDS,
        ratio_bert_vs_lite=round(bert / lite, 1),
    )
    print(json.dumps({k: v for k, v in result.items() if k != "test"}, indent=1))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0 if result["within_target"] else 1


if __name__ == "__main__":
    sys.exit(main())
