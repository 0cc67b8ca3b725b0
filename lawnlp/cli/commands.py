"""One small function per ``lawnlp`` command: each takes the parsed arguments and returns the exit status.

Long: one function per command (and helper) of a CLI with many commands; the work itself is elsewhere.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def analyze(args: argparse.Namespace) -> int:
    from tqdm.auto import tqdm

    from lawnlp.outputs.files import analyze_files
    from lawnlp.outputs.table import format_table
    from lawnlp.outputs.writers import check_writable, output_format
    from lawnlp.pipeline import Analyzer
    from lawnlp.pipeline.inputs import expand_paths

    fmt = output_format(args.output, args.format)
    if not args.output and (fmt != "jsonl" or args.resume):
        print("lawnlp: --format csv/parquet and --resume need an output file (-o)", file=sys.stderr)
        return 2
    paths = expand_paths(args.paths)  # a missing path, empty glob or empty folder: one line, exit 1
    if args.output:
        check_writable(args.output)  # before any model is loaded
    analyzer = Analyzer(
        sections=args.sections,
        themes=args.themes,
        backend=args.backend,
        accel=args.accel,
        cascade=not args.no_cascade,
    )
    reports = []

    def on_report(report) -> None:
        if report.error:
            tqdm.write(f"lawnlp: {report.error}", file=sys.stderr)
        for warning in report.warnings:
            tqdm.write(f"lawnlp: {report.source}: warning: {warning}", file=sys.stderr)
        if not args.output and not args.table:
            print(json.dumps(report.to_dict(), ensure_ascii=False), flush=True)
        if args.table:
            reports.append(report)

    counts = analyze_files(
        analyzer,
        paths,
        output=args.output,
        fmt=fmt,
        resume=args.resume,
        progress=not args.no_progress,
        batch_size=args.batch_size,
        workers=args.workers,
        on_report=on_report,
    )
    if args.resume and (counts["skipped"] or counts["retried"]):
        print(
            f"lawnlp: resumed: {counts['skipped']} reports already in {args.output} were skipped, "
            f"{counts['retried']} that had failed were analysed again",
            file=sys.stderr,
        )
    if args.table:
        print(format_table(reports))
    return 1 if counts["failed"] else 0


def report(args: argparse.Namespace) -> int:
    from lawnlp.outputs.page import write_html

    if not Path(args.results).is_file():
        print(f"lawnlp: {args.results}: file not found; name a result file of lawnlp analyze -o", file=sys.stderr)
        return 1
    n = write_html(args.results, args.output, title=args.title)
    if not n:
        print(f"lawnlp: {args.results}: no reports in this result file; nothing to show", file=sys.stderr)
        return 1
    print(f"wrote {args.output} ({n} reports)", file=sys.stderr)
    return 0


def audit(args: argparse.Namespace) -> int:
    from lawnlp.outputs.measures import audit_format, audit_record, format_audit_table, write_audit
    from lawnlp.outputs.writers import check_writable
    from lawnlp.pipeline import Analyzer
    from lawnlp.pipeline.inputs import expand_paths

    if args.output:
        try:
            audit_format(args.output)
        except ValueError as exc:
            print(f"lawnlp: {exc}", file=sys.stderr)
            return 2
    paths = expand_paths(args.paths)  # a missing path, empty glob or empty folder: one line, exit 1
    if args.output:
        check_writable(args.output)
    table = args.table or (not args.output and sys.stdout.isatty())
    analyzer = Analyzer(sections=args.sections, themes=args.themes, backend=args.backend, measures=True)
    reports = []
    for report in analyzer.analyze_batch(paths, brief=False):
        if report.error:
            print(f"lawnlp: {report.error}", file=sys.stderr)
        if not args.output and not table:
            print(json.dumps(audit_record(report), ensure_ascii=False), flush=True)
        reports.append(report)
    if args.output:
        for path, n in write_audit(reports, args.output):
            print(f"wrote {path} ({n} rows)", file=sys.stderr)
    if table:
        print(format_audit_table(reports))
    return 1 if any(r.error for r in reports) else 0


def compare(args: argparse.Namespace) -> int:
    from lawnlp.config import GENRE
    from lawnlp.measures import compare as compare_reports
    from lawnlp.measures import load_reports
    from lawnlp.outputs.measures import write_comparison

    for path in args.results:
        if not Path(path).is_file():
            print(f"lawnlp: {path}: file not found; name result files of lawnlp analyze -o", file=sys.stderr)
            return 1
    out = Path(args.output)
    if out.exists() and not out.is_dir() or not out.parent.is_dir():
        print(f"lawnlp: {out}: not a folder, or its parent folder does not exist", file=sys.stderr)
        return 1
    read = [r for r in load_reports(args.results) if not r.error]
    reports = [r for r in read if r.genre is None or r.genre >= GENRE.threshold]  # as the corpus page does
    if len(reports) < len(read):
        print(f"lawnlp: left out {len(read) - len(reports)} inputs that are not annual reports", file=sys.stderr)
    if not reports:
        print(f"lawnlp: {', '.join(args.results)}: no analysed reports in these result files", file=sys.stderr)
        return 1
    comparison = compare_reports(reports)
    by = [c.strip() for c in args.by.split(",") if c.strip()]
    unknown = [c for c in by if c not in comparison.reports.columns]
    if not by or unknown:
        print(f"lawnlp: --by: no column {', '.join(unknown) or '(none given)'} in the reports table", file=sys.stderr)
        return 2
    for path, n in write_comparison(comparison, out, args.format, by):
        print(f"wrote {path} ({n} rows)", file=sys.stderr)
    return 0


def summarize(args: argparse.Namespace) -> int:
    from lawnlp.pipeline import Analyzer

    if not Path(args.path).exists():
        print(f"lawnlp: {args.path}: file not found; check the path", file=sys.stderr)
        return 1
    if args.max_chars <= 0:
        print(f"lawnlp: --max-chars must be a positive number of characters, not {args.max_chars}", file=sys.stderr)
        return 2
    analyzer = Analyzer()
    report = analyzer.analyze(Path(args.path), brief=False)
    for warning in report.warnings:
        print(f"lawnlp: {report.source}: warning: {warning}", file=sys.stderr)
    brief = analyzer.summarize(report, max_chars=args.max_chars, rewriter=args.rewriter)
    print(json.dumps(brief.to_dict(), ensure_ascii=False, indent=1) if args.json else brief.text)
    return 0


def train(args: argparse.Namespace) -> int:
    from lawnlp.annotations import load_annotations
    from lawnlp.training import format_table, train

    reports = load_annotations(args.data)
    params = {k: v for k, v in (("epochs", args.epochs), ("trainable_layers", args.trainable_layers)) if v is not None}
    if args.backend == "bert" and args.base:
        params["base"] = args.base
    _, metrics = train(
        args.task, reports, out=args.out, backend=args.backend, init=args.init, seed=args.seed, data=args.data, **params
    )
    print(f"saved {args.task} model to {args.out} ({metrics['train_seconds']} s)")
    if metrics.get("test"):
        print(format_table(args.task, metrics["test"]))
    return 0


def evaluate(args: argparse.Namespace) -> int:
    from lawnlp.annotations import load_annotations, split_reports

    if args.task in ("audit", "indicators", "pairs"):
        return evaluate_measures(args)
    reports = load_annotations(args.data)
    if args.split != "all":
        reports = split_reports(reports, seed=args.seed)[args.split]
    if args.task == "meta":
        from lawnlp.training.metadata import evaluate_meta, format_meta_table

        metrics = evaluate_meta(reports)
        print(json.dumps(metrics, ensure_ascii=False, indent=1) if args.json else format_meta_table(metrics))
        return 0
    if args.task == "brief":
        from lawnlp.training.briefs import evaluate_briefs, format_brief_table

        metrics = evaluate_briefs(reports, max_chars=args.max_chars, samples=args.samples)
        print(json.dumps(metrics, ensure_ascii=False, indent=1) if args.json else format_brief_table(metrics))
        return 0 if metrics.get("unfaithful_numbers", 0) == 0 and metrics.get("private_leaks", 0) == 0 else 1
    from lawnlp.models import load_model, load_section_model, load_theme_model, model_task
    from lawnlp.training import evaluate, format_table

    tasks = ["sections", "themes"] if args.task == "all" else [args.task]
    if args.model and args.task == "all":
        tasks = [model_task(args.model)]  # one model directory holds one task's model
    out = {}
    for task in tasks:
        if args.model:
            model = load_model(args.model, task)
        else:
            model = (load_section_model if task == "sections" else load_theme_model)(backend=args.backend)
        out[task] = evaluate(task, model, reports)
        if not args.json:
            print(f"== {task} ({type(model).__name__}, {len(reports)} reports, split {args.split})")
            print(format_table(task, out[task]))
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
    return 0


def evaluate_measures(args: argparse.Namespace) -> int:
    from lawnlp.training.measures import evaluate_measures as measure
    from lawnlp.training.measures import format_measures

    metrics = measure(args.task, args.data, args.gold, backend=args.backend, sections_from_gold=args.sections_from_gold)
    print(json.dumps(metrics, ensure_ascii=False, indent=1) if args.json else format_measures(metrics))
    return 0


def data_validate(args: argparse.Namespace) -> int:
    from lawnlp.annotations import load_annotations

    reports = load_annotations(args.path)
    print(f"OK: {len(reports)} reports, {sum(len(r.texts) for r in reports)} paragraphs")
    return 0


def data_stats(args: argparse.Namespace) -> int:
    from lawnlp.annotations import corpus_stats, format_stats, load_annotations

    stats = corpus_stats(load_annotations(args.path))
    print(json.dumps(stats, ensure_ascii=False, indent=1) if args.json else format_stats(stats))
    return 0


def _export_source(paths: list[str]) -> str:
    """What ``lawnlp data export`` was given: "annotations", "results" (``lawnlp analyze`` output) or
    "reports" (report files, folders, globs)."""
    from lawnlp.rows import RESULT_SUFFIXES

    if len(paths) != 1 or not Path(paths[0]).is_file():
        return "reports"
    path = Path(paths[0])
    suffix = RESULT_SUFFIXES.get(path.suffix.lower())
    if suffix in ("csv", "parquet"):
        return "results"
    if suffix != "jsonl":
        return "reports"
    with open(path, encoding="utf-8-sig", errors="replace") as fh:
        first = next((line for line in fh if line.strip()), "")
    try:
        obj = json.loads(first)
    except json.JSONDecodeError:
        return "annotations"  # a Label Studio export: one JSON list over many lines
    return "results" if isinstance(obj, dict) and "paragraphs" in obj and "source" in obj else "annotations"


def _analysed(args: argparse.Namespace, kind: str) -> tuple[list, int]:
    """The reports to export as pre-annotated tasks: read from results, or analysed now; and failures."""
    if kind == "results":
        from lawnlp.rows import read_results

        reports = list(read_results(args.paths[0]))
    else:
        from lawnlp.pipeline import Analyzer
        from lawnlp.pipeline.inputs import expand_paths

        analyzer = Analyzer(sections=args.sections, themes=args.themes, backend=args.backend)
        reports = list(analyzer.analyze_batch(expand_paths(args.paths)))
    failed = 0
    for r in reports:
        error = r.get("error") if isinstance(r, dict) else r.error
        if error:
            failed += 1
            print(f"lawnlp: {error} (left out)", file=sys.stderr)
    return reports, failed


def data_export(args: argparse.Namespace) -> int:
    from lawnlp.annotations import load_annotations
    from lawnlp.annotations.doccano import export_doccano
    from lawnlp.annotations.label_studio import export_label_studio, label_studio_config

    kind = _export_source(args.paths)
    if kind != "annotations":
        from lawnlp.annotations.predictions import export_predictions

        reports, failed = _analysed(args, kind)
        out, n = export_predictions(reports, args.output, args.to)
        if args.config and args.to == "label-studio":
            Path(args.config).write_text(label_studio_config(), encoding="utf-8")
        what = "analysis results" if kind == "results" else "reports analysed now"
        print(f"wrote {n} pre-annotated reports ({what}; the model's labels as predictions) to {out}")
        return 1 if failed else 0
    if len(args.paths) != 1:
        print("lawnlp: give one annotation file (or report files / folders to pre-annotate)", file=sys.stderr)
        return 2
    reports = load_annotations(args.paths[0])
    if args.to == "label-studio":
        out = export_label_studio(reports, args.output)
        if args.config:
            Path(args.config).write_text(label_studio_config(), encoding="utf-8")
    else:
        out = export_doccano(reports, args.output)
    print(f"wrote {len(reports)} reports to {out}" + (f" (labeling config: {args.config})" if args.config else ""))
    return 0


def data_import(args: argparse.Namespace) -> int:
    from lawnlp.annotations import write_lawnlp
    from lawnlp.annotations.tools import load_export

    out = Path(args.output)
    meta_path = Path(args.reports) if args.reports else out.with_name("reports.jsonl")
    if meta_path.exists() and not args.reports and not args.force:
        print(f"lawnlp: {meta_path} exists; name another with --reports or overwrite it with --force", file=sys.stderr)
        return 1
    reports = load_export(args.path)
    paragraphs, meta_path = write_lawnlp(reports, out, meta_path)
    print(
        f"wrote {len(reports)} reports, {sum(len(r.texts) for r in reports)} paragraphs to {paragraphs} "
        f"(metadata: {meta_path})"
    )
    return 0


def info(args: argparse.Namespace) -> int:
    from lawnlp.models.provenance import installation

    facts = installation()
    if args.json:
        print(json.dumps(facts, ensure_ascii=False, indent=1))
    else:
        v = facts["versions"]
        print(f"lawnlp {v['lawnlp']} (Python {v['python']}, torch {v['torch']}, transformers {v['transformers']})")
        print(f"models: {facts['models']['path']} (from {facts['models']['from']})")
        for name, state in facts["models"]["directories"].items():
            print(f"  {name:<15} {state}")
        print(f"base encoder: {facts['base_encoder']}")
        print(f"backend auto: {facts['backend_auto']}")
        print(f"accel auto: {facts['accel_auto']}")
        print(f"threads: {facts['threads']}")
    return 0 if facts["ok"] else 1
