"""The pipeline: ``Analyzer`` (one report, many reports, bare paragraphs), the batch loop over its public
interface (``batch``), and what a batch reads (``inputs``)."""

from lawnlp.pipeline.analyzer import (
    Analyzer,
    Source,
    analyze,
    analyze_batch,
    classify_sections,
    default_analyzer,
    summarize,
    tag_shortcomings,
)

__all__ = [
    "Analyzer",
    "Source",
    "analyze",
    "analyze_batch",
    "classify_sections",
    "default_analyzer",
    "summarize",
    "tag_shortcomings",
]
