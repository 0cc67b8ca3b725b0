"""Counts of an annotated corpus (``lawnlp data stats``)."""

from __future__ import annotations

import math

from lawnlp.annotations.schema import AnnotatedReport
from lawnlp.labels import LEVELS, SECTION_IDS, SECTIONS, THEME_IDS, THEMES


def _percentile(values: list[int], q: float) -> int:
    """Nearest-rank percentile of sorted ``values`` (0 when empty): the smallest value with at least
    q% of the values at or below it."""
    if not values:
        return 0
    return values[max(0, math.ceil(q / 100 * len(values)) - 1)]


def corpus_stats(reports: list[AnnotatedReport]) -> dict:
    """Counts of a corpus: reports and paragraphs; paragraphs per section and per theme; reports per
    level and per year (``"unknown"`` when not given); paragraph length in characters (p10/p50/p90/max,
    nearest rank) and paragraphs per report (min/p50/max)."""
    sections = {s: 0 for s in SECTION_IDS}
    themes = {t: 0 for t in THEME_IDS}
    levels = {lv: 0 for lv in LEVELS}
    years: dict[str, int] = {}
    lengths: list[int] = []
    per_report: list[int] = []
    with_themes = 0
    for r in reports:
        per_report.append(len(r.texts))
        level = r.meta.get("level") or "unknown"
        levels[level] = levels.get(level, 0) + 1
        year = r.meta.get("year")
        key = str(year) if year is not None else "unknown"
        years[key] = years.get(key, 0) + 1
        for text, section, ths in zip(r.texts, r.sections, r.themes):
            sections[section] = sections.get(section, 0) + 1
            lengths.append(len(text))
            with_themes += bool(ths)
            for t in ths:
                themes[t] = themes.get(t, 0) + 1
    lengths.sort()
    per_report.sort()
    return {
        "reports": len(reports),
        "paragraphs": len(lengths),
        "sections": sections,
        "themes": themes,
        "shortcoming_paragraphs_with_themes": with_themes,
        "levels": levels,
        "years": dict(sorted(years.items(), key=lambda kv: (kv[0] == "unknown", kv[0]))),
        "paragraph_chars": {
            "p10": _percentile(lengths, 10),
            "p50": _percentile(lengths, 50),
            "p90": _percentile(lengths, 90),
            "max": lengths[-1] if lengths else 0,
        },
        "paragraphs_per_report": {
            "min": per_report[0] if per_report else 0,
            "p50": _percentile(per_report, 50),
            "max": per_report[-1] if per_report else 0,
        },
    }


def format_stats(stats: dict) -> str:
    """``corpus_stats`` as a readable plain-text table."""
    n_par = max(stats["paragraphs"], 1)
    n_rep = max(stats["reports"], 1)
    lines = [f"{stats['reports']} reports, {stats['paragraphs']} paragraphs", ""]

    def block(title: str, counts: dict, total: int, names: dict | None = None) -> None:
        lines.append(f"{title:<24}{'count':>7}{'share':>8}")
        for key, count in counts.items():
            name = f"  {names[key]}" if names and key in names else ""
            lines.append(f"  {key:<22}{count:>7}{count / total:>8.1%}{name}")
        lines.append("")

    block("section (paragraphs)", stats["sections"], n_par, SECTIONS)
    n_short = max(stats["sections"].get("shortcomings", 0), 1)
    block("theme (paragraphs)", stats["themes"], n_short, THEMES)
    lines[-1:] = [
        f"  (share of shortcomings paragraphs; {stats['shortcoming_paragraphs_with_themes']} have at least one theme)",
        "",
    ]
    block("level (reports)", stats["levels"], n_rep)
    block("year (reports)", stats["years"], n_rep)
    pc, pr = stats["paragraph_chars"], stats["paragraphs_per_report"]
    lines.append(f"paragraph length (chars)  p10 {pc['p10']}  p50 {pc['p50']}  p90 {pc['p90']}  max {pc['max']}")
    lines.append(f"paragraphs per report     min {pr['min']}  p50 {pr['p50']}  max {pr['max']}")
    return "\n".join(lines)
