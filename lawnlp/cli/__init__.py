"""The ``lawnlp`` command line: ``parser`` (arguments and help), ``commands`` (one function per command)."""

from __future__ import annotations

import sys

from lawnlp.errors import ReportError


def main(argv: list[str] | None = None) -> int:
    from lawnlp.cli.parser import build_parser

    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ReportError as exc:
        print(f"lawnlp: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
