"""Batch-analysis benchmark: the naive per-paragraph loop, the default path and its alternatives, on the same
reports (built from the project's corpus, cycled), every mode measured at every N.

    python benchmarks/bench_batch.py --sizes 50,200,1000 --json benchmarks/results.json --png benchmarks/results.png
    python benchmarks/bench_batch.py --sizes 50,1000,5000,10000 --modes default --json benchmarks/results-10k.json

Every mode runs in a fresh subprocess that streams the largest N reports; each N is a checkpoint of that
run: the wall time until the N-th report came out (reading, parsing, models, briefs, research measures;
model loading timed apart as ``load_s``), the process's peak RSS so far (``ru_maxrss``: the whole process)
and the 1-minute load average (how busy the machine was). Naive runs over the same reports as the others,
to the largest N (or ``--naive-max``; where naive did not run, no speed-up is given: nothing is
extrapolated). Label agreement: the share of paragraphs, over every report both runs saw, whose section and
theme set equal naive's (naive is BERT alone in fp32: the reference labels). ``encoder`` is the bare base
encoder (no head, no pipeline) on the section inputs of the same reports, tokenized beforehand, sorted by
length, batches of 32, at the default acceleration: the hardware's throughput for BERT, against which every
mode's paragraphs/s is given as a ratio.
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
# mode -> (Analyzer keyword arguments, what it is)
MODES = {
    "naive": ({"accel": "none", "cascade": False}, "report after report, one forward pass per model input, fp32"),
    "default": ({}, "Analyzer() as shipped: cascade, bf16 where native, exact length bucketing, measures"),
    "default-nomeasures": ({"measures": False}, "the default path without the research measures"),
    "bert": ({"cascade": False}, "BERT alone (cascade=False), batched, default acceleration"),
    "bert-fp32": ({"cascade": False, "accel": "none"}, "BERT alone, batched, fp32"),
    "bert-group512": ({"cascade": False, "group_paragraphs": 512}, "BERT alone in groups of 512 paragraphs"),
    "int8": ({"accel": "int8"}, "the default path with torch dynamic int8"),
    "onnx-int8": ({"accel": "onnx-int8"}, "the default path with ONNX Runtime int8 (lawnlp[onnx])"),
    "lite": ({"backend": "lite"}, "the lite models alone (jieba + TF-IDF + logistic regression)"),
    "encoder": ({}, "the bare base encoder on the section inputs (no head, no pipeline)"),
}
COLORS = {
    "naive": "#9e9e9e",
    "default": "#1f77b4",
    "default-nomeasures": "#17becf",
    "bert": "#2ca02c",
    "bert-fp32": "#8c564b",
    "bert-group512": "#bcbd22",
    "int8": "#9467bd",
    "onnx-int8": "#d62728",
    "lite": "#ff7f0e",
    "encoder": "#000000",
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


class OneByOne:
    """A model seen through a straw: every predict / predict_proba call becomes one forward pass per text."""

    def __init__(self, model):
        self.model = model

    def __getattr__(self, name):
        if name == "model":  # not set yet (copy.copy): no recursion
            raise AttributeError(name)
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
        sections=OneByOne(analyzer.section_model), themes=OneByOne(analyzer.theme_model), accel="none", cascade=False
    )
    for path in paths:
        yield naive.analyze(path)


def _encoder(paths: list[str], checkpoints: set[int]):
    """The bare encoder over the section inputs of the reports (see the module docstring): yields, at each
    checkpoint, (reports, paragraphs, seconds of forward passes)."""
    import torch

    from lawnlp.models import load_section_model
    from lawnlp.models.accel import accelerate
    from lawnlp.pipeline import Analyzer
    from lawnlp.text.context import section_contexts

    model = accelerate(load_section_model(backend="bert"), "auto")
    encoder = model.net_.encoder
    parser = Analyzer(backend="lite", measures=False)
    texts, contexts, done, seconds = [], [], 0, 0.0
    for i, path in enumerate(paths, 1):
        report = parser.parse(path)
        texts += [p.text for p in report.paragraphs]
        contexts += section_contexts(report.paragraphs, report.meta.year)
        if i in checkpoints or len(texts) >= 2048:
            encoded = model.encode(texts, contexts, pad=False)
            lengths = [len(ids) for ids in encoded["input_ids"]]
            batches = [model.pad_batch(encoded, idx) for idx in model.batches(lengths, 32)]
            start = time.perf_counter()
            with torch.inference_mode():
                for batch in batches:
                    encoder(**batch)
            seconds += time.perf_counter() - start
            done += len(texts)
            texts, contexts = [], []
        if i in checkpoints:
            yield i, done, seconds


def child(args: argparse.Namespace) -> None:
    mode, paths = args.child, json.loads(Path(args.paths_file).read_text())
    checkpoints = set(json.loads(args.checkpoints))
    import torch

    from lawnlp.models.threads import configure_threads

    t0 = time.perf_counter()
    points, labels = [], []

    def point(n_reports, n_paragraphs, seconds, errors=0, load_s=0.0):
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

    if mode == "encoder":
        configure_threads()
        for n, paragraphs, seconds in _encoder(paths, checkpoints):
            point(n, paragraphs, seconds)
        return
    from lawnlp.pipeline import Analyzer

    analyzer = Analyzer(**MODES[mode][0])
    analyzer.prepare()  # load (and accelerate) the models now: part of loading
    _ = analyzer.provenance
    load_s = time.perf_counter() - t0
    t1 = time.perf_counter()
    reports = _naive(analyzer, paths) if mode == "naive" else analyzer.analyze_batch(paths)
    n_paragraphs = errors = 0
    for i, report in enumerate(reports, 1):
        n_paragraphs += len(report.paragraphs)
        errors += report.error is not None
        if i <= args.keep_labels:
            labels.append([[p.section, sorted(p.themes)] for p in report.paragraphs])
        if i in checkpoints:
            point(i, n_paragraphs, time.perf_counter() - t1, errors, load_s)


def measure(mode: str, paths: list[str], checkpoints: list[int], keep_labels: int, tmp: Path):
    """Run ``mode`` over ``paths`` in a subprocess: (one result per checkpoint, labels of the first
    ``keep_labels`` reports)."""
    paths_file, out_file = tmp / f"paths-{mode}.json", tmp / f"out-{mode}.json"
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
    env = dict(os.environ, TOKENIZERS_PARALLELISM="false", PYTHONWARNINGS="ignore")
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        tail = (done.stderr or done.stdout)[-1500:]
        print(f"  {mode} failed:\n{tail}", file=sys.stderr)
        return [{"mode": mode, "n_reports": n, "failed": tail} for n in checkpoints], None
    out = json.loads(out_file.read_text())
    return out["points"], out["labels"]


# --------------------------------------------------------------------------- agreement and report


def agreement(labels: list, reference: list, n_reports: int) -> dict:
    """Paragraph label agreement over the first ``n_reports`` reports of both runs."""
    pairs = [(a, b) for ra, rb in zip(labels[:n_reports], reference[:n_reports]) for a, b in zip(ra, rb)]
    if not pairs or len(labels) < n_reports or len(reference) < n_reports:
        return {}
    return {
        "label": round(sum(a == b for a, b in pairs) / len(pairs), 4),
        "section": round(sum(a[0] == b[0] for a, b in pairs) / len(pairs), 4),
        "theme": round(sum(a[1] == b[1] for a, b in pairs) / len(pairs), 4),
        "paragraphs": len(pairs),
    }


def available_modes(wanted: list[str]) -> tuple[list[str], dict[str, str]]:
    skipped = {}
    missing = [p for p in ("onnxruntime", "onnx") if importlib.util.find_spec(p) is None]
    for m in wanted:
        if m.startswith("onnx") and missing:
            skipped[m] = f"{', '.join(missing)} not installed (pip install 'lawnlp[onnx]')"
    return [m for m in wanted if m not in skipped], skipped


def plot(result: dict, png: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, 4.5))
    for mode, by_size in result["paragraphs_per_s"].items():
        xs = sorted(int(n) for n in by_size)
        ax1.plot(
            xs,
            [by_size[str(n)] for n in xs],
            ("--" if mode in ("naive", "encoder") else "-") + "o",
            label=mode,
            color=COLORS.get(mode),
        )
    ax1.set(xscale="log", yscale="log", xlabel="reports (N)", ylabel="paragraphs / s")
    ax1.set_title("Throughput (every mode measured at every N)", fontsize=10)
    ax1.grid(True, which="both", alpha=0.3)
    ax1.legend(fontsize=8)
    for mode, by_size in result["peak_rss_mb"].items():
        xs = sorted(int(n) for n in by_size)
        ax2.plot(xs, [by_size[str(n)] for n in xs], "-o", label=mode, color=COLORS.get(mode))
    ax2.set(xscale="log", xlabel="reports (N)", ylabel="peak RSS (MB), whole process")
    ax2.set_title("Memory", fontsize=10)
    ax2.grid(True, which="both", alpha=0.3)
    ax2.legend(fontsize=8)
    fig.suptitle(
        f"lawnlp batch analysis, {result['machine']['cores']} CPU cores ({result['machine']['cpu']})", fontsize=11
    )
    fig.tight_layout()
    fig.savefig(png, dpi=110)


def table(result: dict) -> str:
    """The Markdown table of benchmarks/README.md."""
    lines = [
        "| mode | N reports | paragraphs | seconds | paragraphs/s | x naive | x bare encoder | peak RSS MB "
        "| agreement with naive | load (1 min) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in result["results"]:
        if r.get("failed"):
            continue
        n = str(r["n_reports"])
        speed = result["speedup_vs_naive"].get(r["mode"], {}).get(n)
        enc = result["ratio_to_encoder"].get(r["mode"], {}).get(n)
        agree = r.get("agreement", {}).get("label")
        lines.append(
            f"| {r['mode']} | {r['n_reports']} | {r['n_paragraphs']} | {r['seconds']:.0f} | "
            f"{r['paragraphs_per_s']:.1f} | {'-' if speed is None else f'{speed:.1f}'} | "
            f"{'-' if enc is None else f'{enc:.2f}'} | {r['peak_rss_mb']:.0f} | "
            f"{'-' if agree is None else f'{agree:.4f}'} | {r['loadavg_1min']:.1f} |"
        )
    return "\n".join(lines)


def linearity(points: list[dict]) -> dict:
    """Seconds per 1,000 paragraphs between consecutive checkpoints of one run: flat when cost is linear."""
    out, prev = {}, {"n_paragraphs": 0, "seconds": 0.0}
    for p in points:
        out[str(p["n_reports"])] = round(
            1000 * (p["seconds"] - prev["seconds"]) / max(p["n_paragraphs"] - prev["n_paragraphs"], 1), 2
        )
        prev = p
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="50,200,1000", help="comma-separated N values (checkpoints)")
    ap.add_argument("--naive-max", type=int, help="the naive loop stops after this many reports (default: all)")
    ap.add_argument(
        "--modes",
        default="naive,default,default-nomeasures,bert,lite,encoder",
        help=f"comma-separated, from {', '.join(MODES)}",
    )
    ap.add_argument("--json", help="write the results here")
    ap.add_argument("--png", help="write a chart here (matplotlib, Agg)")
    ap.add_argument("--workdir", help="where the report files are written (default: a temporary folder)")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--paths-file", help=argparse.SUPPRESS)
    ap.add_argument("--out-file", help=argparse.SUPPRESS)
    ap.add_argument("--keep-labels", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--checkpoints", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args)
        return 0
    start = time.perf_counter()
    sizes = sorted({int(s) for s in args.sizes.split(",")})
    wanted = [m.strip() for m in args.modes.split(",") if m.strip()]
    unknown = set(wanted) - set(MODES)
    if unknown:
        ap.error(f"unknown modes: {', '.join(sorted(unknown))}")
    modes, skipped = available_modes(wanted)
    tmp_ctx = tempfile.TemporaryDirectory(prefix="lawnlp-bench-")
    tmp = Path(tmp_ctx.name)
    folder = Path(args.workdir) if args.workdir else tmp / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    paths = write_reports(folder, sizes[-1])
    naive_n = min(args.naive_max or sizes[-1], sizes[-1])
    keep = naive_n if "naive" in modes else 0

    import torch

    from lawnlp.models.provenance import lawnlp_version
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
        "command": "python benchmarks/bench_batch.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "machine": {
            "cpu": cpu,
            "cores": available_cores(),
            "python": platform.python_version(),
            "torch": torch.__version__,
            "platform": platform.platform(),
            "loadavg_at_start": [round(x, 2) for x in os.getloadavg()],
        },
        "lawnlp": lawnlp_version(),
        "corpus": {"reports": len(corpus_texts()), "cycled": True},
        "sizes": sizes,
        "modes": {m: MODES[m][1] for m in modes},
        "method": __doc__.split("\n\n", 2)[2].strip(),
        "naive_reports": naive_n if "naive" in modes else 0,
        "skipped_modes": skipped,
        "results": [],
    }
    labels_of: dict[str, list] = {}
    for mode in modes:
        checkpoints = [n for n in sizes if n <= naive_n] if mode == "naive" else sizes
        if not checkpoints:
            continue
        print(f"{mode} N={','.join(map(str, checkpoints))} ...", file=sys.stderr, flush=True)
        points, labels = measure(mode, paths[: checkpoints[-1]], checkpoints, keep, tmp)
        labels_of[mode] = labels or []
        for r in points:
            if not r.get("failed") and mode not in ("naive", "encoder") and "naive" in labels_of:
                r["agreement"] = agreement(labels_of[mode], labels_of["naive"], r["n_reports"])
            result["results"].append(r)
            if not r.get("failed"):
                print(
                    f"  N={r['n_reports']}: {r['paragraphs_per_s']:.1f} paragraphs/s, {r['peak_rss_mb']:.0f} MB, "
                    f"agreement {r.get('agreement', {}).get('label')}, load {r['loadavg_1min']}",
                    file=sys.stderr,
                    flush=True,
                )
    ok = [r for r in result["results"] if not r.get("failed")]
    by = {(r["mode"], r["n_reports"]): r for r in ok}
    for key in ("paragraphs_per_s", "peak_rss_mb", "speedup_vs_naive", "ratio_to_encoder", "label_agreement"):
        result[key] = {}
    for r in ok:
        mode, n = r["mode"], r["n_reports"]
        result["paragraphs_per_s"].setdefault(mode, {})[str(n)] = r["paragraphs_per_s"]
        result["peak_rss_mb"].setdefault(mode, {})[str(n)] = r["peak_rss_mb"]
        if ("naive", n) in by and mode != "naive":
            result["speedup_vs_naive"].setdefault(mode, {})[str(n)] = round(
                by[("naive", n)]["seconds"] / r["seconds"], 2
            )
        if ("encoder", n) in by and mode != "encoder":
            result["ratio_to_encoder"].setdefault(mode, {})[str(n)] = round(
                r["paragraphs_per_s"] / by[("encoder", n)]["paragraphs_per_s"], 3
            )
        if r.get("agreement"):
            result["label_agreement"].setdefault(mode, {})[str(n)] = r["agreement"]["label"]
    if ("default", sizes[-1]) in by and ("default-nomeasures", sizes[-1]) in by:
        result["measures_cost"] = round(
            by[("default", sizes[-1])]["seconds"] / by[("default-nomeasures", sizes[-1])]["seconds"] - 1, 3
        )
    result["seconds_per_1000_paragraphs"] = {
        m: linearity([r for r in ok if r["mode"] == m]) for m in modes if m != "encoder"
    }
    result["results"].sort(key=lambda r: (r["n_reports"], list(MODES).index(r["mode"])))
    result["total_seconds"] = round(time.perf_counter() - start, 1)
    result["machine"]["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    result["table_markdown"] = table(result)
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if args.png:
        plot(result, args.png)
    print(result["table_markdown"])
    print(f"measures cost {result.get('measures_cost')}; total {result['total_seconds']} s", file=sys.stderr)
    tmp_ctx.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
