"""Ray Data on a local cluster of two worker processes against one process, on the same reports.

    pip install 'lawnlp[ray]'
    python benchmarks/bench_ray.py --reports 400 --json benchmarks/results-ray.json

One process: ``Analyzer().analyze_batch`` over the report files (torch threads: one per core). Ray: a local
cluster (``ray.init(num_cpus=2)``), ``lawnlp.outputs.ray_data.analyze_dataset`` with two actors, each
with one torch thread so that the two share the cores without oversubscription. Both times include model
loading (each actor loads its own models) and end when every row is back; the Ray time also includes
starting the cluster (given apart). The rows of both must agree: same sources, same entity and year, same
paragraph counts. Running on a real cluster is described in benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_batch import write_reports


def one_process(paths: list[str]) -> tuple[float, list[dict]]:
    from lawnlp.pipeline import Analyzer
    from lawnlp.rows import report_row

    start = time.perf_counter()
    analyzer = Analyzer()
    rows = [report_row(r) for r in analyzer.analyze_batch(paths)]
    return time.perf_counter() - start, rows


def with_ray(paths: list[str], workers: int) -> tuple[float, float, list[dict]]:
    import ray

    from lawnlp.outputs.ray_data import analyze_dataset

    t0 = time.perf_counter()
    ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
    t1 = time.perf_counter()
    texts = [{"text": Path(p).read_text(encoding="utf-8"), "source": p} for p in paths]
    ds = analyze_dataset(ray.data.from_items(texts), concurrency=workers, batch_size=32, threads=1)
    rows = ds.take_all()
    seconds = time.perf_counter() - t1
    ray.shutdown()
    return t1 - t0, seconds, rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reports", type=int, default=400)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", help="write the results here")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="lawnlp-ray-") as tmp:
        paths = write_reports(Path(tmp), args.reports)
        load = [round(x, 2) for x in os.getloadavg()]
        single, rows1 = one_process(paths)
        startup, ray_s, rows2 = with_ray(paths, args.workers)
    key = lambda r: (r["source"], r["entity"], r["year"], r["n_paragraphs"], bool(r["error"]))
    same = sorted(map(key, rows1)) == sorted(map(key, rows2))
    result = {
        "command": "python benchmarks/bench_ray.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "reports": args.reports,
        "workers": args.workers,
        "cores": os.cpu_count(),
        "loadavg_at_start": load,
        "loadavg_at_end": [round(x, 2) for x in os.getloadavg()],
        "one_process_seconds": round(single, 1),
        "ray_cluster_start_seconds": round(startup, 1),
        "ray_seconds": round(ray_s, 1),
        "ray_vs_one_process": round(single / ray_s, 2),
        "rows_agree": same,
    }
    print(json.dumps(result, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
