"""Batching many reports through the models (first version: chunks of reports; see issue 6)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from lawnlp.reading import ReportError
from lawnlp.report import Meta, Report

if TYPE_CHECKING:
    from lawnlp.pipeline import Analyzer, Source


def _source_name(source: object) -> str:
    return str(source) if not isinstance(source, (bytes, str)) or (isinstance(source, str) and "\n" not in source and len(source) < 1024) else "<text>"


def iter_batches(analyzer: "Analyzer", inputs: Iterable["Source"], batch_size: int, brief: bool = True,
                 on_error: str = "keep") -> Iterator[Report]:
    """Parse reports, then label them in groups of about ``batch_size`` paragraphs' worth of reports."""
    pending: list[Report] = []
    n_paragraphs = 0
    for source in inputs:
        try:
            report = analyzer.parse(source)
        except ReportError as exc:
            if on_error == "raise":
                raise
            if on_error == "keep":
                yield from analyzer._label(pending, brief)
                pending, n_paragraphs = [], 0
                yield Report(source=exc.source or _source_name(source), meta=Meta(), paragraphs=[], error=str(exc))
            continue
        pending.append(report)
        n_paragraphs += len(report.paragraphs)
        if n_paragraphs >= batch_size * 8:
            yield from analyzer._label(pending, brief)
            pending, n_paragraphs = [], 0
    yield from analyzer._label(pending, brief)
