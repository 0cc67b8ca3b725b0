"""Batch-analysis benchmark: naive per-paragraph inference vs the batch path (and its CPU accelerations)
vs the lite baseline, on the same reports built from the project's corpus (training/data, cycled).

    python benchmarks/bench_batch.py --reports 200 --json bench.json --png bench.png
    python benchmarks/bench_batch.py --sizes 20,60,200 --naive-max 10 --json bench.json --png bench.png

Every mode runs in a fresh subprocess over the largest N reports, streaming; the sizes are checkpoints
of that one run: for each N, the wall time until the N-th report came out (reading, parsing, models,
briefs; model loading is timed apart and excluded) and the process's peak RSS so far
(``resource.getrusage(RUSAGE_SELF).ru_maxrss``: the whole process, model loading included).
``--separate`` runs every (mode, N) in its own subprocess instead. Naive runs on the first
``--naive-max`` reports only; its paragraphs/s is extrapolated to every N (stated in the JSON). Label
agreement: share of paragraphs (of the reports naive ran on) whose section and theme set equal naive's.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "training" / "data"
MODES = ("naive", "batch", "bf16", "int8", "onnx", "onnx-int8", "lite")
BERT_MODES = ("naive", "batch", "bf16", "int8", "onnx", "onnx-int8")
DEFAULT_SIZES = (50, 200, 1000)
COLORS = {
    "naive": "#9e9e9e",
    "batch": "#1f77b4",
    "bf16": "#17becf",
    "int8": "#2ca02c",
    "onnx": "#9467bd",
    "onnx-int8": "#d62728",
    "lite": "#ff7f0e",
}


# --------------------------------------------------------------------------- corpus


def corpus_texts() -> list[tuple[str, str]]:
    """(report_id, text as written) of every corpus report: from the source files when the corpus
    builder can read them, else rebuilt from paragraphs.jsonl."""
    src = sorted((DATA / "src").rglob("*.txt"))
    builder = REPO / "training" / "build_corpus.py"
    if src and builder.is_file():
        spec = importlib.util.spec_from_file_location("build_corpus", builder)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        out = []
        for path in src:
            try:
                meta, _, text = module.parse_source(path)
            except Exception:
                continue
            out.append((meta["report_id"], text))
        if out:
            return out
    reports: dict[str, list[str]] = {}
    with open(DATA / "paragraphs.jsonl", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            reports.setdefault(d["report_id"], []).append(d["text"])
    return [(k, "\n".join(v)) for k, v in reports.items()]


def write_reports(folder: Path, n: int) -> list[str]:
    """``n`` report files in ``folder``, cycling through the corpus; their paths in order."""
    corpus = corpus_texts()
    paths = []
    for i in range(n):
        rid, text = corpus[i % len(corpus)]
        path = folder / f"{i:05d}-{rid}.txt"
        if not path.exists():
            path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


# --------------------------------------------------------------------------- one measurement (child)


def _load_models(mode: str, sections: str | None, themes: str | None):
    from lawnlp.models import load_model, load_section_model, load_theme_model

    if mode == "lite":
        return load_section_model(backend="lite"), load_theme_model(backend="lite")
    if sections and themes:
        return load_model(sections, "sections"), load_model(themes, "themes")
    import torch

    from lawnlp.models import new_model  # no trained model: an untrained one (speed does not depend on training)

    models = []
    for task in ("sections", "themes"):
        torch.manual_seed(0)  # the same untrained head in every subprocess
        m = new_model(task, "bert", progress=False)
        m.build()
        models.append(m)
    return models


class OneByOne:
    """A model seen through a straw: every predict / predict_proba call becomes one forward pass per text."""

    def __init__(self, model):
        self.model = model

    def __getattr__(self, name):
        return getattr(self.model, name)

    def predict(self, texts, contexts=None, batch_size=None):
        return [self.model.predict([t], [c] if contexts else None)[0] for t, c in zip(texts, contexts or texts)]

    def predict_proba(self, texts, contexts=None, batch_size=None):
        import numpy as np

        rows = [self.model.predict_proba([t], [c] if contexts else None)[0] for t, c in zip(texts, contexts or texts)]
        return np.stack(rows) if rows else np.zeros((0, len(self.model.labels)))


def _naive(analyzer, paths: list[str]):
    """The obvious loop: report after report, one forward pass per paragraph (the pipeline's own
    labelling code, its models wrapped in OneByOne), no batching across paragraphs or reports."""
    from lawnlp.pipeline import Analyzer

    naive = Analyzer(
        sections=OneByOne(analyzer.section_model), themes=OneByOne(analyzer.theme_model), accel="none"
    )  # plain fp32: the obvious way to run them
    for path in paths:
        try:
            report = naive.parse(path)
        except Exception:
            continue
        yield naive.label([report])[0]


def child(args: argparse.Namespace) -> None:
    mode, paths = args.child, json.loads(Path(args.paths_file).read_text())
    t0 = time.perf_counter()
    from lawnlp.models.threads import configure_threads
    from lawnlp.pipeline import Analyzer

    sections, themes = _load_models(mode, args.sections, args.themes)
    accel = mode if mode in ("bf16", "int8", "onnx", "onnx-int8") else "none"  # naive and batch: fp32
    analyzer = Analyzer(sections=sections, themes=themes, accel=accel)
    analyzer.prepare()  # load and accelerate now: part of loading
    del sections, themes  # the fp32 originals of accelerated models can go
    if mode != "lite":
        configure_threads()
    load_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    reports = _naive(analyzer, paths) if mode == "naive" else analyzer.analyze_batch(paths)
    checkpoints = set(json.loads(args.checkpoints)) if args.checkpoints else {len(paths)}
    n_paragraphs = n_reports = errors = 0
    labels, points = [], []
    import torch

    for i, report in enumerate(reports):
        n_reports += 1
        n_paragraphs += len(report.paragraphs)
        errors += report.error is not None
        if i < args.keep_labels:
            labels.append([[p.section, sorted(p.themes)] for p in report.paragraphs])
        if n_reports in checkpoints:
            seconds = time.perf_counter() - t1
            points.append(
                {
                    "mode": mode,
                    "n_reports": n_reports,
                    "n_paragraphs": n_paragraphs,
                    "errors": errors,
                    "seconds": round(seconds, 3),
                    "load_s": round(load_s, 2),
                    "paragraphs_per_s": round(n_paragraphs / seconds, 2),
                    "reports_per_s": round(n_reports / seconds, 3),
                    "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                    "torch_threads": torch.get_num_threads(),
                    "loadavg_1min": round(os.getloadavg()[0], 2),
                }
            )
            Path(args.out_file).write_text(json.dumps({"points": points, "labels": labels}), encoding="utf-8")
    out = {"points": points, "labels": labels}
    Path(args.out_file).write_text(json.dumps(out), encoding="utf-8")


def measure(
    mode: str,
    paths: list[str],
    keep_labels: int,
    args: argparse.Namespace,
    tmp: Path,
    checkpoints: list[int] | None = None,
) -> tuple[list[dict], list | None]:
    """Run ``mode`` over ``paths`` in a subprocess: (one result per checkpoint, labels of the first
    ``keep_labels`` reports)."""
    checkpoints = checkpoints or [len(paths)]
    paths_file, out_file = tmp / f"paths-{mode}-{len(paths)}.json", tmp / f"out-{mode}-{len(paths)}.json"
    paths_file.write_text(json.dumps(paths))
    cmd = [
        sys.executable,
        __file__,
        "--child",
        mode,
        "--paths-file",
        str(paths_file),
        "--out-file",
        str(out_file),
        "--keep-labels",
        str(keep_labels),
        "--checkpoints",
        json.dumps(checkpoints),
    ]
    if args.sections and args.themes:
        cmd += ["--sections", args.sections, "--themes", args.themes]
    env = dict(os.environ, TOKENIZERS_PARALLELISM="false", PYTHONWARNINGS="ignore")
    t = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        tail = (done.stderr or done.stdout)[-1500:]
        print(f"  {mode} N={len(paths)} failed:\n{tail}", file=sys.stderr)
        return [{"mode": mode, "n_reports": n, "failed": tail} for n in checkpoints], None
    out = json.loads(out_file.read_text())
    for point in out["points"]:
        point["process_wall_s"] = round(time.perf_counter() - t, 1)
    return out["points"], out["labels"]


# --------------------------------------------------------------------------- agreement and report


def agreement(labels: list, reference: list) -> dict[str, float]:
    pairs = [(a, b) for ra, rb in zip(labels, reference) for a, b in zip(ra, rb)]
    if not pairs:
        return {"label": float("nan"), "section": float("nan"), "theme": float("nan"), "paragraphs": 0}
    return {
        "label": round(sum(a == b for a, b in pairs) / len(pairs), 4),
        "section": round(sum(a[0] == b[0] for a, b in pairs) / len(pairs), 4),
        "theme": round(sum(a[1] == b[1] for a, b in pairs) / len(pairs), 4),
        "paragraphs": len(pairs),
    }


def available_modes(wanted: list[str]) -> tuple[list[str], dict[str, str]]:
    skipped = {}
    if any(m.startswith("onnx") for m in wanted):
        missing = [p for p in ("onnxruntime", "onnx") if importlib.util.find_spec(p) is None]
        if missing:
            for m in wanted:
                if m.startswith("onnx"):
                    skipped[m] = f"{', '.join(missing)} not installed (pip install 'lawnlp[onnx]')"
    if "bf16" in wanted:
        from lawnlp.models.encoder import native_bf16

        if not native_bf16():
            skipped["bf16"] = "this CPU has no native bfloat16 (AVX512-BF16 / AMX): emulated bf16 is slow"
    return [m for m in wanted if m not in skipped], skipped


def plot(result: dict, png: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, 4.5))
    for mode, by_size in result["paragraphs_per_s"].items():
        xs = sorted(int(n) for n in by_size)
        style = "--" if mode == "naive" else "-"
        ax1.plot(xs, [by_size[str(n)] for n in xs], style + "o", label=mode, color=COLORS.get(mode))
    ax1.set_xscale("log")
    ax1.set_yscale("log")
    ax1.set_xlabel("reports (N)")
    ax1.set_ylabel("paragraphs / s")
    ax1.set_title(
        f"Throughput (naive: measured on {result['naive'].get('n_reports', 0)} reports, extrapolated)", fontsize=10
    )
    ax1.grid(True, which="both", alpha=0.3)
    ax1.legend()
    for mode, by_size in result["peak_rss_mb"].items():
        xs = sorted(int(n) for n in by_size)
        ax2.plot(xs, [by_size[str(n)] for n in xs], "-o", label=mode, color=COLORS.get(mode))
    ax2.set_xscale("log")
    ax2.set_xlabel("reports (N)")
    ax2.set_ylabel("peak RSS (MB), whole process")
    ax2.set_title("Memory", fontsize=10)
    ax2.grid(True, which="both", alpha=0.3)
    ax2.legend()
    fig.suptitle(
        f"lawnlp batch analysis, {result['machine']['cores']} CPU cores ({result['machine']['cpu']})", fontsize=11
    )
    fig.tight_layout()
    fig.savefig(png, dpi=110)


def table(result: dict) -> str:
    """The Markdown table of benchmarks/README.md."""
    lines = [
        "| mode | N reports | paragraphs | paragraphs/s | reports/s | speed-up vs naive | peak RSS MB "
        "| label agreement |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    naive = result["naive"]
    if naive.get("paragraphs_per_s"):
        lines.append(
            f"| naive (measured) | {naive['n_reports']} | {naive['n_paragraphs']} | {naive['paragraphs_per_s']:.1f} "
            f"| {naive['reports_per_s']:.3f} | 1.0 | {naive['peak_rss_mb']:.0f} | 1 (reference) |"
        )
    for r in result["results"]:
        if r.get("failed") or r["mode"] == "naive":
            continue
        n = str(r["n_reports"])
        agree = result["label_agreement"].get(r["mode"])
        speedup = result["speedup_vs_naive"].get(r["mode"], {}).get(n)
        lines.append(
            f"| {r['mode']} | {r['n_reports']} | {r['n_paragraphs']} | {r['paragraphs_per_s']:.1f} | "
            f"{r['reports_per_s']:.3f} | {'-' if speedup is None else f'{speedup:.1f}'} | "
            f"{r['peak_rss_mb']:.0f} | {'-' if agree is None else f'{agree:.4f}'} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reports", type=int, default=200, help="largest N (default 200)")
    ap.add_argument("--sizes", help="comma-separated N values (default: 50, 200, 1000 below --reports, and --reports)")
    ap.add_argument(
        "--naive-max", type=int, default=10, help="reports the naive loop runs on (extrapolated per paragraph)"
    )
    ap.add_argument(
        "--modes", default="naive,batch,bf16,int8,onnx,onnx-int8,lite", help=f"comma-separated, from {', '.join(MODES)}"
    )
    ap.add_argument("--sections", help="sections model directory (default: models/sections-bert, else untrained)")
    ap.add_argument("--themes", help="themes model directory (default: models/themes-bert, else untrained)")
    ap.add_argument("--json", required=False, help="write the results here")
    ap.add_argument("--png", help="write a chart here (matplotlib, Agg)")
    ap.add_argument("--workdir", help="where the report files are written (default: a temporary folder)")
    # internal: one measurement in a subprocess
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--paths-file", help=argparse.SUPPRESS)
    ap.add_argument("--out-file", help=argparse.SUPPRESS)
    ap.add_argument("--keep-labels", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--checkpoints", help=argparse.SUPPRESS)
    ap.add_argument(
        "--separate",
        action="store_true",
        help="one subprocess per (mode, N) instead of one streaming run per mode with checkpoints",
    )
    args = ap.parse_args(argv)
    if args.child:
        child(args)
        return 0

    start = time.perf_counter()
    sizes = sorted(
        {int(s) for s in args.sizes.split(",")}
        if args.sizes
        else {s for s in DEFAULT_SIZES if s < args.reports} | {args.reports}
    )
    modes, skipped = available_modes([m.strip() for m in args.modes.split(",") if m.strip()])
    unknown = set(modes) - set(MODES)
    if unknown:
        ap.error(f"unknown modes: {', '.join(sorted(unknown))}")
    if not (args.sections and args.themes):
        shipped = REPO / "models"
        if (shipped / "sections-bert" / "config.json").is_file() and (
            shipped / "themes-bert" / "config.json"
        ).is_file():
            args.sections, args.themes = str(shipped / "sections-bert"), str(shipped / "themes-bert")
    k = min(args.naive_max, sizes[0])
    tmp_ctx = tempfile.TemporaryDirectory(prefix="lawnlp-bench-")
    tmp = Path(tmp_ctx.name)
    folder = Path(args.workdir) if args.workdir else tmp / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    paths = write_reports(folder, sizes[-1])

    import torch

    from lawnlp.models.threads import available_cores

    cpu = (
        next(
            (line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
            platform.processor(),
        )
        if os.path.exists("/proc/cpuinfo")
        else platform.processor()
    )
    result: dict = {
        "machine": {
            "cpu": cpu,
            "cores": available_cores(),
            "python": platform.python_version(),
            "loadavg_at_start": [round(x, 2) for x in os.getloadavg()],
            "torch": torch.__version__,
            "platform": platform.platform(),
        },
        "models": {
            "sections": args.sections or "untrained BERT (m3e-small base, random head)",
            "themes": args.themes or "untrained BERT (m3e-small base, random head)",
            "trained": bool(args.sections and args.themes),
        },
        "corpus": {"reports": len(corpus_texts()), "cycled": True},
        "sizes": sizes,
        "method": {
            "timing": (
                "each (mode, N) in a fresh subprocess"
                if args.separate
                else "one fresh subprocess per mode streaming the largest N reports; each N is a checkpoint: "
                "wall time until the N-th report came out"
            )
            + " (read, parse, models, briefs; model "
            "loading excluded, see load_s)",
            "peak_rss": "resource.getrusage(RUSAGE_SELF).ru_maxrss of that subprocess when the N-th report came "
            "out (whole process, model loading included)",
            "naive": f"report after report, one forward pass per model input (each paragraph for the section "
            f"model; each shortcomings paragraph and list item for the theme model), fp32, the "
            f"pipeline's own labelling code; run on the first {k} reports only, its paragraphs/s "
            f"extrapolated to every N",
            "label_agreement": f"share of the paragraphs of the first {k} reports whose section and theme set "
            f"equal the naive run's",
        },
        "skipped_modes": skipped,
        "naive": {},
        "results": [],
    }
    naive_labels = None
    if "naive" in modes:
        print(f"naive on {k} reports ...", file=sys.stderr, flush=True)
        points, naive_labels = measure("naive", paths[:k], k, args, tmp)
        result["naive"] = points[-1] | {"extrapolated": True}
    runs = [(mode, [n]) for n in sizes for mode in modes] if args.separate else [(mode, sizes) for mode in modes]
    for mode, checkpoints in runs:
        if mode == "naive":
            continue
        print(f"{mode} N={','.join(map(str, checkpoints))} ...", file=sys.stderr, flush=True)
        points, labels = measure(mode, paths[: checkpoints[-1]], k, args, tmp, checkpoints)
        for r in points:
            if naive_labels is not None and labels is not None:
                r["agreement"] = agreement(labels, naive_labels)
            result["results"].append(r)
            if not r.get("failed"):
                print(
                    f"  N={r['n_reports']}: {r['paragraphs_per_s']:.1f} paragraphs/s, {r['peak_rss_mb']:.0f} MB, "
                    f"agreement {r.get('agreement', {}).get('label')}",
                    file=sys.stderr,
                    flush=True,
                )
    result["results"].sort(key=lambda r: (r["n_reports"], MODES.index(r["mode"])))
    ok = [r for r in result["results"] if not r.get("failed")]
    naive_pps = result["naive"].get("paragraphs_per_s")
    result["paragraphs_per_s"] = {}
    result["peak_rss_mb"] = {}
    result["speedup_vs_naive"] = {}
    result["label_agreement"] = {}
    for r in ok:
        n = str(r["n_reports"])
        result["paragraphs_per_s"].setdefault(r["mode"], {})[n] = r["paragraphs_per_s"]
        result["peak_rss_mb"].setdefault(r["mode"], {})[n] = r["peak_rss_mb"]
        if naive_pps:
            result["speedup_vs_naive"].setdefault(r["mode"], {})[n] = round(r["paragraphs_per_s"] / naive_pps, 2)
        if "agreement" in r:
            prev = result["label_agreement"].get(r["mode"], 1.0)
            result["label_agreement"][r["mode"]] = min(prev, r["agreement"]["label"])
    if naive_pps:
        result["paragraphs_per_s"]["naive"] = {str(n): naive_pps for n in sizes}
        result["peak_rss_mb"]["naive"] = {str(k): result["naive"]["peak_rss_mb"]}
        result["naive"]["extrapolated_seconds"] = {
            str(r["n_reports"]): round(r["n_paragraphs"] / naive_pps, 1) for r in ok if r["mode"] == "batch"
        }
    result["total_seconds"] = round(time.perf_counter() - start, 1)
    result["machine"]["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    result["table_markdown"] = table(result)
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.png:
        plot(result, args.png)
    print(result["table_markdown"])
    print(f"total {result['total_seconds']} s", file=sys.stderr)
    tmp_ctx.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
