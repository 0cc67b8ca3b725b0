"""lawnlp: analyse Chinese rule-of-law government annual reports (法治政府建设年度报告).

import lawnlp
report = lawnlp.analyze("report.txt")
report.meta.entity, report.meta.year
[(p.section, p.themes) for p in report.paragraphs]
report.brief.text
"""

from lawnlp.errors import ModelError, ReportError
from lawnlp.labels import SECTIONS, THEMES
from lawnlp.outputs.frames import to_frame
from lawnlp.pipeline import Analyzer, analyze, analyze_batch, classify_sections, summarize, tag_shortcomings
from lawnlp.schema import Brief, Meta, Paragraph, Report

__all__ = [
    "Analyzer",
    "Brief",
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
    "summarize",
    "tag_shortcomings",
    "to_frame",
]
__version__ = "0.1.0"
