"""Briefs (annotation guide, section 4). First version: structure-aware extracts; see issue 5."""

from __future__ import annotations

import re

from lawnlp.defaults import BRIEF_MAX_CHARS
from lawnlp.labels import THEMES
from lawnlp.report import Brief, Report

FIGURE_RE = re.compile(r"[^，。；、：]{2,14}?\d+(?:\.\d+)?(?:万|余)?(?:件|次|场|份|人次|人|个|起|名|期|篇|条|户|家|项|场次)")


def summarize_report(report: Report, max_chars: int = BRIEF_MAX_CHARS) -> Brief:
    """A short brief from the report's classified paragraphs."""
    meta = report.meta
    head = f"{meta.entity or ''}{meta.year or ''}{'年' if meta.year else ''}"
    figures: list[str] = []
    for p in report.section("measures") + report.section("leadership"):
        for m in FIGURE_RE.finditer(p.text):
            if len(figures) < 3:
                figures.append(m.group().strip())
    themes = report.themes
    plans = [p.norm.split("。")[0][:30] for p in report.section("plans") if p.heading_level][:2]
    parts = [head + "：" + "，".join(figures)] if figures else [head]
    if themes:
        parts.append("不足：" + "、".join(THEMES[t] for t in themes))
    if plans:
        parts.append("下一步：" + "；".join(plans))
    text = "；".join(parts)[:max_chars]
    return Brief(text=text, entity=meta.entity, year=meta.year, figures=figures, themes=themes, plans=plans)
