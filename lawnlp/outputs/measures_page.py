"""What the corpus page shows of the research measures (research-measures.md): a compliance table (share of
reports with each required part, with causes, published on time; 95% Wilson intervals), the stated
indicators (reports stating each, median value), theme prevalence by level and by year with intervals,
and the pairs that repeat last year's shortcomings or copy another body, each linked to the paragraphs
behind it (quoted on the page, anchored ``r<report>-p<paragraph>``). lawnlp.outputs.page renders it.

The across-report tables are lawnlp.measures.compare of the reports shown; a report analysed without
measures (or read from an older result file) has its audit and indicators computed here.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lawnlp.labels import INDICATOR_NAMES, LEVEL_NAMES, PART_NAMES, SECTIONS, THEMES
from lawnlp.measures import compare, extract_indicators, load_reports, wilson_interval
from lawnlp.schema import PART_IDS, Report

PAIR_LIMIT = 100  # rows of each pair table
LINK_LIMIT = 12  # paragraph links per pair


def _share(k: int, n: int) -> dict[str, Any]:
    lo, hi = wilson_interval(k, n)
    return {"k": k, "n": n, "share": k / n if n else None, "low": lo, "high": hi}


def _compliance(table: Any) -> list[dict[str, Any]]:
    rows = [{"id": p, "name": PART_NAMES[p]} | _share(int(table[f"has_{p}"].sum()), len(table)) for p in PART_IDS]
    dated = table["on_time"].dropna()
    on_time = _share(int(dated.astype(bool).sum()), len(dated))
    rows.append({"id": "on_time", "name": "按时公开（次年4月1日前）"} | on_time)
    return rows


def _indicators(reports: list[Report]) -> list[dict[str, Any]]:
    found: dict[tuple[str, str], tuple[set[int], list[float]]] = {}
    for k, r in enumerate(reports):
        values = r.indicators if (r.indicators or r.audit is not None) else extract_indicators(r)
        for i in values:
            who, vals = found.setdefault((i.id, i.unit), (set(), []))
            who.add(k)
            vals.append(i.value)
    order = {i: n for n, i in enumerate(INDICATOR_NAMES)}
    return [
        {
            "id": ind,
            "name": INDICATOR_NAMES.get(ind, ind),
            "unit": unit,
            "reports": len(who),
            "n_values": len(vals),
            "median": statistics.median(vals),
        }
        for (ind, unit), (who, vals) in sorted(found.items(), key=lambda kv: (order.get(kv[0][0], 99), kv[0][1]))
    ]


def _prevalence(comparison: Any, by: str, header: str) -> dict[str, Any]:
    rows = []
    for g in comparison.corpus(by=[by]).to_dict("records"):
        value = g[by]
        missing = value is None or value != value or str(value) == "<NA>"
        label = "（未注明）" if missing else LEVEL_NAMES.get(value, str(value)) if by == "level" else str(value)
        cells = [{"share": g[f"theme_{t}"], "low": g[f"theme_{t}_low"], "high": g[f"theme_{t}_high"]} for t in THEMES]
        rows.append({"label": label, "n": g["reports"], "cells": cells})
    return {"id": f"prevalence-{by}", "header": header, "rows": rows}


def _links(pairs: Sequence[Sequence[int]], a: int, b: int, cited: dict[int, set[int]]) -> list[dict[str, Any]]:
    out = []
    for ia, ib in list(pairs)[:LINK_LIMIT]:
        cited.setdefault(a, set()).add(int(ia))
        cited.setdefault(b, set()).add(int(ib))
        out.append({"a": f"r{a}-p{ia}", "ia": int(ia), "b": f"r{b}-p{ib}", "ib": int(ib)})
    return out


def _name(r: Report) -> str:
    return Path(r.source).name if r.source else "?"


def measures_view(items: list[dict[str, Any]]) -> dict[str, Any]:
    """The template's values for the measures sections, for the reports shown (their dict form)."""
    reports = load_reports(items)
    if not reports:
        return {"n": 0}
    comparison = compare(reports)
    position = {r.source: k for k, r in enumerate(reports)}
    cited: dict[int, set[int]] = {}
    repeated = []
    yoy = comparison.year_over_year
    flagged = sorted((r for r in yoy.to_dict("records") if r["repeated"]), key=lambda r: -r["repeated_text"])
    for row in flagged[:PAIR_LIMIT]:
        a, b = position[row["earlier"]], position[row["later"]]
        repeated.append(
            row
            | {"a": a, "b": b, "themes": "、".join(THEMES.get(t, t) for t in row["repeated_themes"])}
            | {"links": _links(row["repeated_paragraphs"], a, b, cited)}
        )
    copied = []
    for row in comparison.copying.head(PAIR_LIMIT).to_dict("records"):
        a, b = position[row["source_a"]], position[row["source_b"]]
        copied.append(row | {"a": a, "b": b, "links": _links(row["copied_paragraphs"], a, b, cited)})
    evidence = []
    for k in sorted(cited):
        r = reports[k]
        text = {p.index: (p.section, p.text) for p in r.paragraphs}
        paragraphs = [
            {"id": f"r{k}-p{i}", "index": i, "section": SECTIONS.get(text[i][0] or "", ""), "text": text[i][1]}
            for i in sorted(cited[k])
            if i in text
        ]
        meta = {"file": _name(r), "entity": r.meta.entity, "year": r.meta.year}
        evidence.append(meta | {"id": f"r{k}", "paragraphs": paragraphs})
    return {
        "n": len(reports),
        "compliance": _compliance(comparison.reports),
        "indicators": _indicators(reports),
        "by_level": _prevalence(comparison, "level", "层级"),
        "by_year": _prevalence(comparison, "year", "年份"),
        "yoy_pairs": len(yoy),
        "repeated": repeated,
        "copied": copied,
        "evidence": evidence,
    }
