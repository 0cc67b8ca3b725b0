"""lawnlp: analyse Chinese rule-of-law government annual reports (法治政府建设年度报告).

import lawnlp
report = lawnlp.analyze("report.txt")
report.meta.entity, report.meta.year
[(p.section, p.themes) for p in report.paragraphs]
report.brief.text
report.audit.missing, [(i.id, i.value, i.unit) for i in report.indicators]   # research measures
lawnlp.compare(results).year_over_year                                      # across reports
"""

from lawnlp.errors import ModelError, ReportError
from lawnlp.labels import SECTIONS, THEMES
from lawnlp.measures import compare
from lawnlp.outputs.frames import to_frame
from lawnlp.pipeline import Analyzer, analyze, analyze_batch, classify_sections, summarize, tag_shortcomings
from lawnlp.schema import Audit, Brief, Indicator, Meta, Paragraph, Report

__all__ = [
    "Analyzer",
    "Audit",
    "Brief",
    "Indicator",
    "Meta",
    "ModelError",
    "Paragraph",
    "Report",
    "ReportError",
    "SECTIONS",
    "THEMES",
    "analyze",
    "analyze_batch",
    "classify_sections",
    "compare",
    "summarize",
    "tag_shortcomings",
    "to_frame",
]
__version__ = "0.1.0"
