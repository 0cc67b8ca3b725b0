"""Command line: argument parsing only; the work is done by the modules it calls."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from lawnlp import defaults
from lawnlp.batch import ACCEL_MODES
from lawnlp.models import BACKENDS
from lawnlp.reading import ReportError

EPILOG = "Exit status: 0 on success, 1 when an input could not be read (the message names it), 2 on bad usage."


def _expand(paths: list[str]) -> list[str]:
    """Files named directly, every report file under a directory, and glob patterns."""
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out += sorted(str(f) for f in path.rglob("*") if f.suffix.lower() in {".txt", ".docx", ".html", ".htm", ".pdf"})
        elif any(ch in p for ch in "*?["):
            import glob

            out += sorted(f for f in glob.glob(p, recursive=True) if Path(f).is_file())
        else:
            out.append(p)
    return out


def _table(reports) -> str:
    rows = []
    for r in reports:
        if r.error:
            rows.append(f"{r.source}\tERROR: {r.error}")
            continue
        counts = {}
        for p in r.paragraphs:
            counts[p.section] = counts.get(p.section, 0) + 1
        m = r.meta
        rows.append(f"{Path(r.source).name}\t{m.entity or '?'}\t{m.county or '-'}\t{m.year or '?'}\t{m.level}\t"
                    f"{len(r.paragraphs)} paragraphs\tthemes: {', '.join(r.themes) or '-'}")
        if r.brief:
            rows.append(f"    brief: {r.brief.text}")
    return "\n".join(rows)


def cmd_analyze(args: argparse.Namespace) -> int:
    from tqdm.auto import tqdm

    from lawnlp.batch import analyze_files, output_format
    from lawnlp.pipeline import Analyzer

    fmt = output_format(args.output, args.format)
    if not args.output and (fmt != "jsonl" or args.resume):
        print("lawnlp: --format csv/parquet and --resume need an output file (-o)", file=sys.stderr)
        return 2
    analyzer = Analyzer(backend=args.backend, accel=args.accel)
    reports = []

    def on_report(report) -> None:
        if report.error:
            tqdm.write(f"lawnlp: {report.error}", file=sys.stderr)
        if not args.output and not args.table:
            print(json.dumps(report.to_dict(), ensure_ascii=False), flush=True)
        if args.table:
            reports.append(report)

    counts = analyze_files(analyzer, _expand(args.paths), output=args.output, fmt=fmt, resume=args.resume,
                           progress=not args.no_progress, batch_size=args.batch_size, workers=args.workers,
                           on_report=on_report)
    if args.resume and counts["skipped"]:
        print(f"lawnlp: resumed: {counts['skipped']} reports already in {args.output} were skipped", file=sys.stderr)
    if args.table:
        print(_table(reports))
    return 1 if counts["failed"] else 0


def cmd_report(args: argparse.Namespace) -> int:
    from lawnlp.html_report import write_html

    if not Path(args.results).is_file():
        print(f"lawnlp: {args.results}: file not found", file=sys.stderr)
        return 1
    n = write_html(args.results, args.output, title=args.title)
    print(f"wrote {args.output} ({n} reports)", file=sys.stderr)
    return 0


def cmd_summarize(args: argparse.Namespace) -> int:
    from lawnlp.pipeline import Analyzer

    brief = Analyzer().summarize(args.path, max_chars=args.max_chars, rewriter=args.rewriter)
    print(json.dumps(brief.to_dict(), ensure_ascii=False, indent=1) if args.json else brief.text)
    return 0


def cmd_train(args: argparse.Namespace) -> int:
    from lawnlp.data import load_annotations
    from lawnlp.training import format_table, train

    reports = load_annotations(args.data)
    params = {k: v for k, v in (("epochs", args.epochs), ("trainable_layers", args.trainable_layers)) if v is not None}
    if args.backend == "bert" and args.base:
        params["base"] = args.base
    _, metrics = train(args.task, reports, out=args.out, backend=args.backend, init=args.init, seed=args.seed, **params)
    print(f"saved {args.task} model to {args.out} ({metrics['train_seconds']} s)")
    if metrics.get("test"):
        print(format_table(args.task, metrics["test"]))
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from lawnlp.data import load_annotations
    from lawnlp.data import split_reports

    reports = load_annotations(args.data)
    if args.split != "all":
        reports = split_reports(reports, seed=args.seed)[args.split]
    if args.task == "brief":
        from lawnlp.brief_eval import evaluate_briefs, format_brief_table

        metrics = evaluate_briefs(reports, max_chars=args.max_chars)
        print(json.dumps(metrics, ensure_ascii=False, indent=1) if args.json else format_brief_table(metrics))
        return 0 if metrics.get("unfaithful_numbers", 0) == 0 and metrics.get("private_leaks", 0) == 0 else 1
    from lawnlp.models import load_model, load_section_model, load_theme_model
    from lawnlp.training import evaluate, format_table

    tasks = ["sections", "themes"] if args.task == "all" else [args.task]
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


def cmd_data_validate(args: argparse.Namespace) -> int:
    from lawnlp.data import load_annotations

    reports = load_annotations(args.path)
    print(f"OK: {len(reports)} reports, {sum(len(r.texts) for r in reports)} paragraphs")
    return 0


def cmd_data_stats(args: argparse.Namespace) -> int:
    from lawnlp.data import corpus_stats, format_stats, load_annotations

    stats = corpus_stats(load_annotations(args.path))
    print(json.dumps(stats, ensure_ascii=False, indent=1) if args.json else format_stats(stats))
    return 0


def cmd_data_export(args: argparse.Namespace) -> int:
    from lawnlp import interop
    from lawnlp.data import load_annotations

    reports = load_annotations(args.path)
    if args.to == "label-studio":
        out = interop.export_label_studio(reports, args.output)
        if args.config:
            Path(args.config).write_text(interop.label_studio_config(), encoding="utf-8")
    else:
        out = interop.export_doccano(reports, args.output)
    print(f"wrote {len(reports)} reports to {out}" + (f" (labeling config: {args.config})" if args.config else ""))
    return 0


def cmd_data_import(args: argparse.Namespace) -> int:
    from lawnlp import interop

    out = Path(args.output)
    meta_path = Path(args.reports) if args.reports else out.with_name("reports.jsonl")
    if meta_path.exists() and not args.reports and not args.force:
        print(f"lawnlp: {meta_path} exists; name another with --reports or overwrite it with --force",
              file=sys.stderr)
        return 1
    reports = interop.load(args.path)
    paragraphs, meta_path = interop.write_lawnlp(reports, out, meta_path)
    print(f"wrote {len(reports)} reports, {sum(len(r.texts) for r in reports)} paragraphs to {paragraphs} "
          f"(metadata: {meta_path})")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lawnlp", epilog=EPILOG,
        description="Analyse Chinese rule-of-law government annual reports (法治政府建设年度报告): "
                    "paragraph sections, shortcoming themes, metadata and short faithful briefs.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("analyze", help="analyse reports (.txt .docx .html .pdf, directories, globs)", epilog=EPILOG,
                       description="Analyse reports, many at once, in input order: JSONL (one object per report) or CSV / "
                                   "Parquet (one row per paragraph); a progress bar on standard error.")
    p.add_argument("paths", nargs="+", metavar="PATH", help="report files, directories or glob patterns")
    p.add_argument("-o", "--output", help="write the results here (flushed per report) instead of standard output")
    p.add_argument("--format", choices=["jsonl", "csv", "parquet"],
                   help="jsonl: one object per report (default); csv/parquet: one row per paragraph with the "
                        "report's metadata (default: from the -o suffix)")
    p.add_argument("--resume", action="store_true",
                   help="skip the reports already in the output file (by source path) and append the rest")
    p.add_argument("--table", action="store_true", help="print a readable table instead of JSON")
    p.add_argument("--backend", choices=list(BACKENDS), default="auto",
                   help="models: auto (BERT if installed, else lite, else keyword rules)")
    p.add_argument("--accel", choices=list(ACCEL_MODES), default=defaults.ACCEL,
                   help="speed up the BERT models on CPU: auto = bfloat16 where the CPU has it natively "
                        "(see benchmarks/README.md); onnx needs lawnlp[onnx]")
    p.add_argument("--batch-size", type=int, default=None, help=f"paragraphs per model forward pass (default {defaults.BATCH_SIZE})")
    p.add_argument("--workers", type=int, default=None, help=f"threads reading and parsing reports ahead (default {defaults.BATCH_WORKERS})")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on standard error")
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("report", help="one self-contained HTML page summarising analyse results", epilog=EPILOG,
                       description="Write an offline HTML page from `lawnlp analyze` JSONL: theme prevalence, "
                                   "breakdowns by county, level and year, section lengths, searchable briefs.")
    p.add_argument("results", metavar="RESULTS", help="JSONL written by `lawnlp analyze -o results.jsonl`")
    p.add_argument("-o", "--output", default="report.html", help="HTML file to write (default report.html)")
    p.add_argument("--title", default="法治政府建设年度报告分析", help="page title")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("summarize", help="print the brief of one report", epilog=EPILOG,
                       description="Print a short faithful brief of one report.")
    p.add_argument("path", metavar="PATH", help="a report file")
    p.add_argument("--max-chars", type=int, default=defaults.BRIEF_MAX_CHARS,
                   help=f"longest brief in characters (default {defaults.BRIEF_MAX_CHARS})")
    p.add_argument("--json", action="store_true", help="print the brief's fields as JSON")
    p.add_argument("--rewriter", metavar="DIR", help="a local seq2seq model directory that rewrites the draft "
                   "(numbers not in the report are dropped)")
    p.set_defaults(func=cmd_summarize)

    p = sub.add_parser("train", help="train a section classifier or theme tagger on annotations", epilog=EPILOG,
                       description="Fine-tune a model on annotation JSONL (or Label Studio / doccano exports): "
                                   "split by report (seed), early stopping on dev, test-split metrics, model card.")
    p.add_argument("--task", choices=["sections", "themes"], required=True)
    p.add_argument("--data", required=True, help="annotation JSONL (paragraphs; reports.jsonl beside it is used)")
    p.add_argument("--out", required=True, help="output model directory")
    p.add_argument("--backend", choices=["bert", "lite"], default="bert", help="bert (default) or lite (TF-IDF)")
    p.add_argument("--base", help="base encoder: m3e-small (default) or a local Hugging Face checkpoint directory")
    p.add_argument("--init", help="continue training from this saved model directory (e.g. models/sections-bert)")
    p.add_argument("--epochs", type=int, help="most epochs (early stopping on dev may end sooner)")
    p.add_argument("--trainable-layers", type=int, help="top encoder layers to fine-tune (-1: all)")
    p.add_argument("--seed", type=int, default=defaults.SEED, help="split (and training) seed")
    p.set_defaults(func=cmd_train)

    p = sub.add_parser("evaluate", help="evaluate models or briefs on annotations", epilog=EPILOG,
                       description="Sections: accuracy, macro-F1, per-label table (in context and isolated). "
                                   "Themes: micro/macro-F1, per-theme table. Briefs: ROUGE-L against baselines.")
    p.add_argument("--data", required=True, help="annotation JSONL")
    p.add_argument("--task", choices=["sections", "themes", "all", "brief"], default="all")
    p.add_argument("--model", help="model directory (default: the shipped model of --backend)")
    p.add_argument("--backend", choices=list(BACKENDS), default="auto")
    p.add_argument("--split", choices=["all", "train", "dev", "test"], default="all",
                   help="evaluate on one split of the data (split by report with --seed), default all")
    p.add_argument("--seed", type=int, default=defaults.SEED, help="split (and training) seed")
    p.add_argument("--max-chars", type=int, default=defaults.BRIEF_MAX_CHARS, help="brief length for --task brief")
    p.add_argument("--json", action="store_true", help="print metrics as JSON")
    p.set_defaults(func=cmd_evaluate)

    data = sub.add_parser("data", help="validate, count, export and import annotations", epilog=EPILOG,
                          description="Annotation data tools. PATH is lawnlp paragraph JSONL (reports.jsonl "
                                      "beside it is read), a Label Studio JSON export or a doccano JSONL export.")
    dsub = data.add_subparsers(dest="data_command", required=True, metavar="{validate,stats,export,import}")
    p = dsub.add_parser("validate", help="check annotations; errors name file and line", epilog=EPILOG,
                        description="Load and check annotations; print 'OK: N reports, M paragraphs' or the "
                                    "first error as FILE:LINE: message (exit 1).")
    p.add_argument("path", metavar="PATH", help="annotation file")
    p.set_defaults(func=cmd_data_validate)
    p = dsub.add_parser("stats", help="counts per section, theme, level and year; paragraph lengths",
                        epilog=EPILOG, description="Corpus statistics: reports, paragraphs, paragraphs per "
                        "section and theme, reports per level and year, paragraph length percentiles.")
    p.add_argument("path", metavar="PATH", help="annotation file")
    p.add_argument("--json", action="store_true", help="print the statistics as JSON")
    p.set_defaults(func=cmd_data_stats)
    p = dsub.add_parser("export", help="write annotations for Label Studio or doccano", epilog=EPILOG,
                        description="Write annotations as Label Studio tasks (JSON, one task per report) or "
                                    "doccano sequence-labelling JSONL, to correct them or annotate further.")
    p.add_argument("path", metavar="PATH", help="annotation file")
    p.add_argument("--to", choices=["label-studio", "doccano"], required=True, help="target tool")
    p.add_argument("-o", "--output", required=True, help="output file (.json for Label Studio, .jsonl for doccano)")
    p.add_argument("--config", help="with --to label-studio: also write the matching labeling config (XML) here")
    p.set_defaults(func=cmd_data_export)
    p = dsub.add_parser("import", help="convert a Label Studio or doccano export to lawnlp JSONL", epilog=EPILOG,
                        description="Read a Label Studio JSON export or doccano JSONL export and write lawnlp "
                                    "paragraph JSONL (-o) and report metadata JSONL (reports.jsonl beside it).")
    p.add_argument("path", metavar="PATH", help="Label Studio or doccano export")
    p.add_argument("-o", "--output", required=True, help="paragraph JSONL to write, e.g. new/paragraphs.jsonl")
    p.add_argument("--reports", help="report metadata JSONL to write (default: reports.jsonl beside -o)")
    p.add_argument("--force", action="store_true", help="overwrite an existing reports.jsonl beside -o")
    p.set_defaults(func=cmd_data_import)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ReportError as exc:
        print(f"lawnlp: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
