"""The ``lawnlp`` command line: ``parser`` (arguments and help), ``commands`` (one function per command)."""

from __future__ import annotations

import sys
import warnings

from lawnlp.errors import ModelError, ReportError


def _warn(message, category, filename, lineno, file=None, line=None) -> None:
    """Warnings as one line on standard error (``lawnlp: warning: …``), not Python's two-line form."""
    print(f"lawnlp: warning: {message}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    from lawnlp.cli.parser import build_parser

    args = build_parser().parse_args(argv)
    try:
        with warnings.catch_warnings():
            warnings.showwarning = _warn
            return args.func(args)
    except (ReportError, ModelError) as exc:
        print(f"lawnlp: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
