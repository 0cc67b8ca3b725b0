"""The argument parser of the ``lawnlp`` command: every command, option and help text."""

from __future__ import annotations

import argparse

from lawnlp.cli import commands
from lawnlp.config import BRIEF, RUNTIME, SEED
from lawnlp.models import BACKENDS
from lawnlp.models.accel import ACCEL_MODES
from lawnlp.outputs.writers import FORMATS

EPILOG = "Exit status: 0 on success, 1 when an input could not be read (the message names it), 2 on bad usage."


def _model_options(p: argparse.ArgumentParser, purpose: str) -> None:
    """--backend, --sections and --themes: the models that ``purpose`` (one help text for every command)."""
    p.add_argument(
        "--backend",
        choices=list(BACKENDS),
        default="auto",
        help=f"shipped models that {purpose}: auto (BERT where it and its base encoder are installed, else lite "
        "with a warning; none: an error), bert, lite, or rules (keywords, only when asked)",
    )
    p.add_argument(
        "--sections", metavar="DIR", help=f"section model directory (e.g. one `lawnlp train` wrote) to {purpose}"
    )
    p.add_argument(
        "--themes", metavar="DIR", help=f"theme model directory (e.g. one `lawnlp train` wrote) to {purpose}"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lawnlp",
        epilog=EPILOG,
        description="Analyse Chinese rule-of-law government annual reports (法治政府建设年度报告): "
        "paragraph sections, shortcoming themes, metadata and short faithful briefs.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser(
        "analyze",
        help="analyse reports (.txt .docx .html .pdf, directories, globs)",
        epilog=EPILOG,
        description="Analyse reports, many at once, in input order: JSONL (one object per report) or CSV / "
        "Parquet (one row per paragraph); a progress bar on standard error.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="report files, directories or glob patterns")
    p.add_argument("-o", "--output", help="write the results here (flushed per report) instead of standard output")
    p.add_argument(
        "--format",
        choices=list(FORMATS),
        help="jsonl: one object per report (default); csv/parquet: one row per paragraph with the "
        "report's metadata (default: from the -o suffix)",
    )
    p.add_argument(
        "--resume",
        action="store_true",
        help="skip the reports already in the output file (by source path), analyse again those that failed "
        "there, and add the rest (the file is replaced only when the run ends)",
    )
    p.add_argument("--table", action="store_true", help="print a readable table instead of JSON")
    _model_options(p, "label the paragraphs")
    p.add_argument(
        "--accel",
        choices=list(ACCEL_MODES),
        default=RUNTIME.accel,
        help="speed up the BERT models on CPU: auto = bfloat16 where the CPU has it natively "
        "(see benchmarks/README.md); onnx needs lawnlp[onnx]",
    )
    p.add_argument(
        "--no-cascade",
        action="store_true",
        help="BERT labels every paragraph (default: the lite model labels those it is sure of, BERT the rest)",
    )
    p.add_argument(
        "--batch-size", type=int, default=None, help=f"paragraphs per model forward pass (default {RUNTIME.batch_size})"
    )
    p.add_argument(
        "--workers",
        type=int,
        default=None,
        help=f"threads reading and parsing reports ahead (default {RUNTIME.workers})",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar on standard error")
    p.set_defaults(func=commands.analyze)

    p = sub.add_parser(
        "report",
        help="one self-contained HTML page summarising analyse results",
        epilog=EPILOG,
        description="Write an offline HTML page from `lawnlp analyze` results (JSONL, CSV or Parquet): theme "
        "prevalence, breakdowns by level, year and parent place, section lengths, the research measures (required "
        "parts, on-time publication, indicators, theme prevalence with intervals, repeated and copied pairs linked "
        "to their paragraphs), searchable briefs; reports "
        "that failed or are not annual reports are listed apart.",
    )
    p.add_argument("results", metavar="RESULTS", help="a result file of `lawnlp analyze -o` (.jsonl, .csv or .parquet)")
    p.add_argument("-o", "--output", default="report.html", help="HTML file to write (default report.html)")
    p.add_argument("--title", default="法治政府建设年度报告分析", help="page title")
    p.set_defaults(func=commands.report)

    p = sub.add_parser(
        "audit",
        help="audit reports: required parts, shortcomings, figures, plans, publication; stated indicators",
        epilog=EPILOG,
        description="Analyse reports and print or write each one's audit (research-measures.md: parts and "
        "causes, missing parts, shortcoming items and specificity, figures per 1,000 characters, plan coverage, "
        "published and on time, boilerplate share) and the indicator values it states. A table on a terminal, "
        "else JSONL; -o writes .jsonl (one object per report, the whole audit), or .csv / .parquet (one row per "
        "report, and one row per indicator in NAME.indicators.csv beside it).",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="report files, directories or glob patterns")
    p.add_argument("-o", "--output", help="write the audits here (.jsonl, .csv or .parquet)")
    p.add_argument("--table", action="store_true", help="print the readable table (default on a terminal)")
    _model_options(p, "label the paragraphs")
    p.set_defaults(func=commands.audit)

    p = sub.add_parser(
        "compare",
        help="compare analysed reports across years and bodies (repeated text, copying, corpus shares)",
        epilog=EPILOG,
        description="Read `lawnlp analyze` result files (JSONL, CSV or Parquet; several years together) and "
        "write into DIR the tables of lawnlp.compare: reports (one row per report with its audit), "
        "year_over_year (repeated themes and text, plans followed), copying (pairs of bodies of one year "
        "sharing non-stock paragraphs) and corpus (counts and shares with 95% Wilson intervals per group).",
    )
    p.add_argument("results", nargs="+", metavar="RESULTS", help="result files of `lawnlp analyze -o`")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="folder to write the tables into")
    p.add_argument("--format", choices=["csv", "parquet"], default="csv", help="table format (default csv)")
    p.add_argument(
        "--by",
        default="level,year",
        help="grouping columns of the corpus table, comma-separated columns of the reports table "
        "(default level,year; e.g. county,year)",
    )
    p.set_defaults(func=commands.compare)

    p = sub.add_parser(
        "summarize",
        help="print the brief of one report",
        epilog=EPILOG,
        description="Print a short faithful brief of one report.",
    )
    p.add_argument("path", metavar="PATH", help="a report file")
    p.add_argument(
        "--max-chars",
        type=int,
        default=BRIEF.max_chars,
        help=f"longest brief in characters (default {BRIEF.max_chars})",
    )
    p.add_argument("--json", action="store_true", help="print the brief's fields as JSON")
    p.add_argument(
        "--rewriter",
        metavar="DIR",
        help="a local seq2seq model directory that rewrites the draft (numbers not in the report are dropped)",
    )
    p.set_defaults(func=commands.summarize)

    p = sub.add_parser(
        "train",
        help="train a section classifier or theme tagger on annotations",
        epilog=EPILOG,
        description="Fine-tune a model on annotation JSONL (or Label Studio / doccano exports): "
        "split by report (seed), early stopping on dev, test-split metrics, model card.",
    )
    p.add_argument("--task", choices=["sections", "themes"], required=True)
    p.add_argument("--data", required=True, help="annotation JSONL (paragraphs; reports.jsonl beside it is used)")
    p.add_argument("--out", required=True, help="output model directory")
    p.add_argument("--backend", choices=["bert", "lite"], default="bert", help="bert (default) or lite (TF-IDF)")
    p.add_argument("--base", help="base encoder: m3e-small (default) or a local Hugging Face checkpoint directory")
    p.add_argument("--init", help="continue training from this saved model directory (e.g. models/sections-bert)")
    p.add_argument("--epochs", type=int, help="most epochs (early stopping on dev may end sooner)")
    p.add_argument("--trainable-layers", type=int, help="top encoder layers to fine-tune (-1: all)")
    p.add_argument("--seed", type=int, default=SEED, help="split (and training) seed")
    p.set_defaults(func=commands.train)

    p = sub.add_parser(
        "evaluate",
        help="evaluate models or briefs on annotations",
        epilog=EPILOG,
        description="Sections: accuracy, macro-F1, per-label table (in context and isolated). "
        "Themes: micro/macro-F1, per-theme table. Briefs: ROUGE-L against baselines. Metadata (meta): "
        "entity, county, year, level and published against the report annotations. Research measures "
        "(audit, indicators, pairs): the gold reports of --data analysed end to end with --backend (or with "
        "their annotated sections), measured against --gold: per-field accuracy, per-id precision and recall, "
        "planted and control pairs.",
    )
    p.add_argument("--data", required=True, help="annotation JSONL")
    p.add_argument(
        "--task", choices=["sections", "themes", "all", "brief", "meta", "audit", "indicators", "pairs"], default="all"
    )
    p.add_argument(
        "--gold",
        help="with --task audit/indicators/pairs: the gold JSONL (default measures_gold.jsonl, or "
        "measures_pairs.jsonl for pairs, beside --data)",
    )
    p.add_argument(
        "--sections-from-gold",
        action="store_true",
        help="with --task audit/indicators/pairs: use the annotated sections, themes and metadata instead of "
        "the models' (measures the measures alone)",
    )
    p.add_argument("--model", help="model directory (default: the shipped model of --backend)")
    p.add_argument("--backend", choices=list(BACKENDS), default="auto")
    p.add_argument(
        "--split",
        choices=["all", "train", "dev", "test"],
        default="all",
        help="evaluate on one split of the data (split by report with --seed), default all",
    )
    p.add_argument("--seed", type=int, default=SEED, help="split (and training) seed")
    p.add_argument("--max-chars", type=int, default=BRIEF.max_chars, help="brief length for --task brief")
    p.add_argument(
        "--samples",
        metavar="DIR",
        help="with --task brief: also check the briefs of the report files "
        "(*.txt) in DIR for unfaithful numbers and private data",
    )
    p.add_argument("--json", action="store_true", help="print metrics as JSON")
    p.set_defaults(func=commands.evaluate)

    p = sub.add_parser(
        "info",
        help="versions, where the models and the base encoder are, backend and acceleration",
        epilog="Exit status: 0 when backend auto has models to use, 1 when it has none (the line says what "
        "is missing).",
        description="Print the versions of lawnlp, torch, transformers and Python; where the shipped models "
        "and the base encoder are found (or why not); which backend `auto` resolves to; the acceleration "
        "`auto` picks on this CPU; the thread count.",
    )
    p.add_argument("--json", action="store_true", help="print the facts as JSON")
    p.set_defaults(func=commands.info)

    data = sub.add_parser(
        "data",
        help="validate, count, export and import annotations",
        epilog=EPILOG,
        description="Annotation data tools. PATH is lawnlp paragraph JSONL (reports.jsonl "
        "beside it is read), a Label Studio JSON export or a doccano JSONL export.",
    )
    dsub = data.add_subparsers(dest="data_command", required=True, metavar="{validate,stats,export,import}")
    p = dsub.add_parser(
        "validate",
        help="check annotations; errors name file and line",
        epilog=EPILOG,
        description="Load and check annotations; print 'OK: N reports, M paragraphs' or the "
        "first error as FILE:LINE: message (exit 1).",
    )
    p.add_argument("path", metavar="PATH", help="annotation file")
    p.set_defaults(func=commands.data_validate)
    p = dsub.add_parser(
        "stats",
        help="counts per section, theme, level and year; paragraph lengths",
        epilog=EPILOG,
        description="Corpus statistics: reports, paragraphs, paragraphs per "
        "section and theme, reports per level and year, paragraph length percentiles.",
    )
    p.add_argument("path", metavar="PATH", help="annotation file")
    p.add_argument("--json", action="store_true", help="print the statistics as JSON")
    p.set_defaults(func=commands.data_stats)
    p = dsub.add_parser(
        "export",
        help="write annotations, or pre-annotated new reports, for Label Studio or doccano",
        epilog=EPILOG,
        description="Write annotations as Label Studio tasks (JSON, one task per report) or "
        "doccano sequence-labelling JSONL, to correct them or annotate further. Given new reports "
        "(files, folders, globs) or analysis results (`lawnlp analyze` JSONL, CSV or Parquet), write "
        "pre-annotated tasks instead: the model's labels as Label Studio predictions (with model_version) "
        "or pre-filled doccano labels, to correct, import (`data import`) and train on.",
    )
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="an annotation file; or analysis results; or report files, folders, globs (analysed now)",
    )
    p.add_argument("--to", choices=["label-studio", "doccano"], required=True, help="target tool")
    p.add_argument("-o", "--output", required=True, help="output file (.json for Label Studio, .jsonl for doccano)")
    p.add_argument("--config", help="with --to label-studio: also write the matching labeling config (XML) here")
    _model_options(p, "pre-annotate new reports")
    p.set_defaults(func=commands.data_export)
    p = dsub.add_parser(
        "import",
        help="convert a Label Studio or doccano export to lawnlp JSONL",
        epilog=EPILOG,
        description="Read a Label Studio JSON export or doccano JSONL export and write lawnlp "
        "paragraph JSONL (-o) and report metadata JSONL (reports.jsonl beside it).",
    )
    p.add_argument("path", metavar="PATH", help="Label Studio or doccano export")
    p.add_argument("-o", "--output", required=True, help="paragraph JSONL to write, e.g. new/paragraphs.jsonl")
    p.add_argument("--reports", help="report metadata JSONL to write (default: reports.jsonl beside -o)")
    p.add_argument("--force", action="store_true", help="overwrite an existing reports.jsonl beside -o")
    p.set_defaults(func=commands.data_import)
    return parser
