"""Command line: argument parsing only; the work is done by the modules it calls."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

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
            out += sorted(str(f) for f in Path().glob(p))
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
    from lawnlp.pipeline import Analyzer

    analyzer = Analyzer()
    failed = 0
    out = open(args.output, "w", encoding="utf-8") if args.output else None
    reports = []
    for report in analyzer.analyze_batch(_expand(args.paths), brief=True):
        failed += report.error is not None
        if report.error:
            print(f"lawnlp: {report.error}", file=sys.stderr)
        if out:
            out.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
            out.flush()
        elif not args.table:
            print(json.dumps(report.to_dict(), ensure_ascii=False))
        reports.append(report)
    if out:
        out.close()
    if args.table:
        print(_table(reports))
    return 1 if failed else 0


def cmd_summarize(args: argparse.Namespace) -> int:
    from lawnlp.pipeline import Analyzer

    brief = Analyzer().summarize(args.path, max_chars=args.max_chars)
    print(json.dumps(brief.to_dict(), ensure_ascii=False, indent=1) if args.json else brief.text)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lawnlp", epilog=EPILOG,
        description="Analyse Chinese rule-of-law government annual reports (法治政府建设年度报告): "
                    "paragraph sections, shortcoming themes, metadata and short faithful briefs.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("analyze", help="analyse reports (.txt .docx .html .pdf, directories, globs)", epilog=EPILOG,
                       description="Analyse reports and write one JSON object per report (JSONL).")
    p.add_argument("paths", nargs="+", metavar="PATH", help="report files, directories or glob patterns")
    p.add_argument("-o", "--output", help="write JSONL here instead of standard output")
    p.add_argument("--table", action="store_true", help="print a readable table instead of JSON")
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("summarize", help="print the brief of one report", epilog=EPILOG,
                       description="Print a short faithful brief of one report.")
    p.add_argument("path", metavar="PATH", help="a report file")
    p.add_argument("--max-chars", type=int, default=300, help="longest brief in characters (default 300)")
    p.add_argument("--json", action="store_true", help="print the brief's fields as JSON")
    p.set_defaults(func=cmd_summarize)
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
