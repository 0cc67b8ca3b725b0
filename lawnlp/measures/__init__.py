"""Research measures of rule-of-law government annual reports (research-measures.md): the audit of
one report, its indicators, and tables across reports.

    from lawnlp.measures import audit_report, extract_indicators, compare
    audit = audit_report(report)              # report: an analysed Report (sections and themes set)
    audit.parts, audit.missing, audit.on_time, audit.evidence["causes"]
    [(i.id, i.value, i.unit) for i in extract_indicators(report)]
    c = compare(reports)                      # Reports, dicts, or `lawnlp analyze` JSONL paths
    c.year_over_year, c.copying, c.corpus(by=["level", "year"])
"""

from lawnlp.measures.audit import audit_report, plan_coverage, published_date
from lawnlp.measures.boilerplate import BoilerplateReference, masked_sentences
from lawnlp.measures.compare import Comparison, compare
from lawnlp.measures.evaluate import evaluate_audit, evaluate_indicators, evaluate_pairs
from lawnlp.measures.indicators import extract_indicators
from lawnlp.measures.inputs import load_reports
from lawnlp.measures.items import shortcoming_items, specificity
from lawnlp.measures.stats import wilson_interval
from lawnlp.measures.text import mask, report_from_dict
from lawnlp.measures.vocabulary import INDICATOR_IDS
from lawnlp.schema import PART_IDS, Audit, Indicator, ShortcomingItem

__all__ = [
    "Audit",
    "BoilerplateReference",
    "Comparison",
    "INDICATOR_IDS",
    "Indicator",
    "PART_IDS",
    "ShortcomingItem",
    "audit_report",
    "compare",
    "evaluate_audit",
    "evaluate_indicators",
    "evaluate_pairs",
    "extract_indicators",
    "load_reports",
    "mask",
    "masked_sentences",
    "plan_coverage",
    "published_date",
    "report_from_dict",
    "shortcoming_items",
    "specificity",
    "wilson_interval",
]
