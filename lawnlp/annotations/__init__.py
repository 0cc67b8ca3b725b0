"""Annotations: annotated reports (``schema``), the guide's JSONL files (``corpus``), Label Studio and
doccano (``label_studio``, ``doccano``, ``tools``, ``spans``), splits by report (``splits``) and corpus
counts (``stats``)."""

from lawnlp.annotations.corpus import load_annotations, load_corpus, load_paragraphs, load_report_meta, write_lawnlp
from lawnlp.annotations.schema import META_FIELDS, AnnotatedReport
from lawnlp.annotations.splits import split_reports, to_dataset, to_dataset_dict
from lawnlp.annotations.stats import corpus_stats, format_stats

__all__ = [
    "META_FIELDS",
    "AnnotatedReport",
    "corpus_stats",
    "format_stats",
    "load_annotations",
    "load_corpus",
    "load_paragraphs",
    "load_report_meta",
    "split_reports",
    "to_dataset",
    "to_dataset_dict",
    "write_lawnlp",
]
