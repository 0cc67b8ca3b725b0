"""The corpus page: one self-contained HTML page summarising a batch of analysed reports (``lawnlp report``).

    lawnlp analyze reports/ -o results.jsonl        # or results.csv, results.parquet
    lawnlp report results.jsonl -o report.html

Everything is inline (CSS, a few lines of JS, an SVG chart): the page opens offline and can be mailed.
It shows theme prevalence (share of reports naming each shortcoming theme), breakdowns by level, year
and parent place (each level in its own table: townships by county, counties by city, …), section
length statistics, the research measures (lawnlp.outputs.measures_page: compliance with the required
parts and on-time publication, stated indicators, theme prevalence with 95% intervals, repeated and copied
pairs linked to the paragraphs behind them) and a searchable table of the briefs. Inputs that failed, and
inputs the genre check says are not 法治政府建设年度报告 (lawnlp.text.genre), are left out of the figures
and listed apart.

The page is the Jinja2 template ``templates/corpus.html`` (autoescaped); this module computes what it
shows.
"""

from __future__ import annotations

import math
import os
import statistics
from collections.abc import Iterable
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from lawnlp.config import GENRE
from lawnlp.labels import LEVEL_NAMES, SECTIONS, THEMES
from lawnlp.rows import read_results
from lawnlp.schema import Report

TITLE = "法治政府建设年度报告分析"
# The parent place of a report (Meta.county) by the level of its entity: the heading of each table.
PARENT_TABLES = (
    ("township", "乡镇（街道）：所属区县"),
    ("county", "县（区、县级市）：所属市州"),
    ("city", "市（州）：所属省区"),
    ("department", "部门：所属地方"),
    ("unknown", "层级未知：上级区划"),
)
GROUP_LIMIT = 60  # rows of one breakdown table


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _value(value: Any) -> str:
    """A cell as shown: nothing for a missing value (never "nan" or "None"), whole numbers without .0."""
    if _missing(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _ci(cell: dict[str, Any]) -> str:
    """A share with its 95% interval: 62%（48–74%）; a dash for no reports."""
    if _missing(cell.get("share")):
        return "—"
    return f"{_pct(cell['share'])}（{100 * cell['low']:.0f}–{100 * cell['high']:.0f}%）"


@lru_cache(maxsize=1)
def _template():
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=PackageLoader("lawnlp.outputs", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["v"] = _value
    env.filters["pct"] = _pct
    env.filters["ci"] = _ci
    return env.get_template("corpus.html")


def _chart(shares: list[tuple[str, int, float]], width: int = 760) -> dict[str, Any]:
    label_w, row_h = 230, 26
    bar_w = width - label_w - 90
    bars = [
        {"id": tid, "name": THEMES[tid], "n": n, "pct": _pct(share), "y": 5 + i * row_h, "w": max(1.0, bar_w * share)}
        for i, (tid, n, share) in enumerate(shares)
    ]
    return {"width": width, "height": row_h * len(shares) + 10, "label_w": label_w, "row_h": row_h, "bars": bars}


def _breakdown(rows: list[dict], key: str, table_id: str, header: str, names: dict | None = None) -> dict[str, Any]:
    """Reports per group of ``key`` and the share of them naming each theme."""
    groups: dict[Any, list[list[str]]] = {}
    for r in rows:
        value = None if _missing(r[key]) else r[key]
        groups.setdefault(value, []).append(r["themes"])
    if key in ("county", "entity"):
        order = sorted(groups, key=lambda v: (v is None, -len(groups[v]), str(v)))
    else:
        order = sorted(groups, key=lambda v: (v is None, str(v)))
    table = []
    for value in order[:GROUP_LIMIT]:
        members = groups[value]
        label = (names or {}).get(value, _value(value)) if value is not None else "（未注明）"
        shares = [sum(tid in t for t in members) / len(members) for tid in THEMES]
        table.append({"label": label, "n": len(members), "shares": shares})
    return {"id": table_id, "header": header, "rows": table, "more": max(0, len(order) - GROUP_LIMIT)}


def _sections(rows: list[dict]) -> list[dict[str, Any]]:
    total = sum(r[f"chars_{s}"] or 0 for r in rows for s in SECTIONS) or 1
    out = []
    for sid, name in SECTIONS.items():
        have = [(r[f"n_{sid}"], r[f"chars_{sid}"]) for r in rows if r[f"n_{sid}"]]
        n = [a for a, _ in have]
        c = [b for _, b in have]
        out.append(
            {
                "id": sid,
                "name": name,
                "reports": len(have),
                "n_mean": statistics.mean(n) if n else 0,
                "n_median": statistics.median(n) if n else 0,
                "c_mean": statistics.mean(c) if c else 0,
                "c_median": statistics.median(c) if c else 0,
                "c_max": max(c) if c else 0,
                "share": sum(r[f"chars_{sid}"] or 0 for r in rows) / total,
            }
        )
    return out


def _genre_warning(row: dict) -> str:
    return next((w for w in row.get("warnings") or [] if "法治政府建设年度报告" in w), "")


def render_html(reports: Iterable[Report | dict[str, Any]], title: str = TITLE) -> str:
    """The HTML page (a str) for analysed reports (Report objects or their to_dict() form)."""
    from lawnlp.outputs.measures_page import measures_view
    from lawnlp.rows import report_row

    reports = list(reports)
    rows = [report_row(r) for r in reports]
    failed = [r for r in rows if r["error"]]
    not_reports = [r for r in rows if not r["error"] and r.get("not_report")]
    shown = [(item, r) for item, r in zip(reports, rows) if not r["error"] and not r.get("not_report")]
    ok = [r for _, r in shown]
    n = len(ok)
    counts = sorted(((tid, sum(tid in r["themes"] for r in ok)) for tid in THEMES), key=lambda x: -x[1])
    shares = [(tid, k, k / n if n else 0.0) for tid, k in counts]
    years = sorted({int(r["year"]) for r in ok if not _missing(r["year"])})
    parents = {r["county"] for r in ok if not _missing(r["county"])}
    cards = [
        ("报告", n),
        ("读取失败", len(failed)),
        ("非年度报告", len(not_reports)),
        ("上级区划", len(parents)),
        ("年份", f"{years[0]}–{years[-1]}" if len(years) > 1 else (years[0] if years else "—")),
        ("段落", sum(r["n_paragraphs"] for r in ok)),
        ("平均不足主题数", f"{statistics.mean(len(r['themes']) for r in ok):.1f}" if n else "—"),
    ]
    by_parent = []
    for level, heading in PARENT_TABLES:
        members = [r for r in ok if r["level"] == level and not _missing(r["county"])]
        if members:
            table = _breakdown(members, "county", f"by-parent-{level}", "上级区划")
            by_parent.append(table | {"title": heading})
    briefs = [
        {
            "file": os.path.basename(str(r["source"])),
            "entity": r["entity"],
            "county": r["county"],
            "year": r["year"],
            "level": LEVEL_NAMES.get(r["level"], r["level"]),
            "themes": "、".join(THEMES.get(t, t) for t in r["themes"]),
            "brief": r["brief"],
        }
        for r in ok
    ]
    return _template().render(
        title=title,
        stamp=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        n_inputs=len(rows),
        cards=cards,
        chart=_chart(shares),
        theme_names=list(THEMES.values()),
        by_level=_breakdown(ok, "level", "by-level", "层级", LEVEL_NAMES),
        by_year=_breakdown(ok, "year", "by-year", "年份"),
        by_parent=by_parent,
        sections=_sections(ok),
        measures=measures_view([item for item, _ in shown]),
        theme_ids=list(THEMES),
        briefs=briefs,
        not_reports=[
            {
                "file": os.path.basename(str(r["source"])),
                "entity": r["entity"],
                "genre": r["genre"],
                "warning": _genre_warning(r),
            }
            for r in not_reports
        ],
        threshold=GENRE.threshold,
        errors=[r["error"] for r in failed],
    )


def write_html(
    results: str | os.PathLike | Iterable[Report | dict[str, Any]],
    output: str | os.PathLike,
    title: str = TITLE,
) -> int:
    """Write the page for a ``lawnlp analyze`` result file (JSONL, CSV or Parquet) or for reports to
    ``output`` (atomically: a temporary file renamed); returns the number of reports."""
    reports = list(read_results(results) if isinstance(results, (str, os.PathLike)) else results)
    page = render_html(reports, title=title)
    tmp = os.fspath(output) + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(page)
    os.replace(tmp, output)
    return len(reports)
