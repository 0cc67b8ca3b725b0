"""The corpus page: one self-contained HTML page summarising a batch of analysed reports (``lawnlp report``).

    lawnlp analyze reports/ -o results.jsonl
    lawnlp report results.jsonl -o report.html

Everything is inline (CSS, a few lines of JS, SVG charts): the page opens offline and can be mailed.
It shows theme prevalence (share of reports naming each shortcoming theme), breakdowns by county,
level and year, section length statistics and a searchable table of the briefs.
"""

from __future__ import annotations

import html
import os
import statistics
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from lawnlp.labels import LEVEL_NAMES, SECTIONS, THEMES
from lawnlp.rows import read_results
from lawnlp.schema import Report

CSS = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;
 color:#1f2933;background:#f7f8fa;line-height:1.5}
main{max-width:1180px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:19px;margin:32px 0 8px;border-bottom:2px solid #d9e2ec;padding-bottom:4px}
h3{font-size:15px;margin:18px 0 6px}
.sub{color:#52606d;font-size:13px}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin:16px 0}
.card{background:#fff;border:1px solid #d9e2ec;border-radius:6px;padding:10px 16px;min-width:120px}
.card b{display:block;font-size:22px}
table{border-collapse:collapse;background:#fff;font-size:13px;width:100%}
th,td{border:1px solid #d9e2ec;padding:4px 6px;text-align:left;vertical-align:top}
th{background:#eef2f7;position:sticky;top:0}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.scroll{overflow-x:auto}
svg text{font-size:13px;fill:#1f2933}
#brief-search{width:100%;max-width:520px;padding:6px 8px;font-size:14px;border:1px solid #9fb3c8;border-radius:4px}
#briefs td:nth-child(-n+5){white-space:nowrap}
.err{color:#b42318}
.muted{color:#7b8794}
"""

SCRIPT = """
(function(){
  var box=document.getElementById('brief-search');
  var rows=Array.prototype.slice.call(document.querySelectorAll('#briefs tbody tr'));
  var count=document.getElementById('brief-count');
  function filter(){
    var q=box.value.trim().toLowerCase(), shown=0;
    rows.forEach(function(r){
      var hit=!q||r.textContent.toLowerCase().indexOf(q)>=0;
      if(hit){r.removeAttribute('hidden');shown++;}else{r.setAttribute('hidden','');}
    });
    count.textContent=shown+' / '+rows.length;
  }
  box.addEventListener('input',filter);
  if(location.hash.indexOf('#q=')===0){box.value=decodeURIComponent(location.hash.slice(3));}
  filter();
})();
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value))


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _theme_chart(shares: list[tuple[str, int, float]], width: int = 760) -> str:
    """Horizontal SVG bar chart: one bar per theme (Chinese name), share of reports naming it."""
    label_w, bar_w, row_h = 230, width - 230 - 90, 26
    height = row_h * len(shares) + 10
    parts = [
        f'<svg id="theme-chart" role="img" aria-label="不足主题出现率" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, (tid, n, share) in enumerate(shares):
        y = 5 + i * row_h
        w = max(1.0, bar_w * share)
        parts.append(
            f'<g class="bar" data-theme="{_e(tid)}"><title>{_e(THEMES[tid])}: {n} ({_pct(share)})</title>'
            f'<text x="{label_w - 8}" y="{y + 17}" text-anchor="end">{_e(THEMES[tid])}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{w:.1f}" height="{row_h - 8}" rx="2" fill="#3e7cb1"/>'
            f'<text x="{label_w + w + 6:.1f}" y="{y + 17}">{_pct(share)}（{n}）</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _heat(share: float) -> str:
    return f' style="background:rgba(62,124,177,{0.08 + 0.6 * share:.2f})"' if share > 0 else ""


def _breakdown(df, key: str, header: str, names: dict[str, str] | None = None, limit: int = 60) -> str:
    """Reports per group and the share of them naming each theme."""
    groups: dict[Any, list[list[str]]] = {}
    for value, themes in zip(df[key], df["themes"]):
        value = None if value is None or value != value else value  # NaN -> None
        groups.setdefault(value, []).append(themes)
    order = (
        sorted(groups, key=lambda v: (-len(groups[v]), str(v)))
        if key == "county"
        else sorted(groups, key=lambda v: (v is None, str(v)))
    )
    head = "".join(f'<th title="{_e(name)}">{_e(name)}</th>' for name in THEMES.values())
    rows = []
    for value in order[:limit]:
        members = groups[value]
        label = (names or {}).get(value, value) if value is not None else "（未注明）"
        cells = []
        for tid in THEMES:
            share = sum(tid in t for t in members) / len(members)
            cells.append(f'<td class="num"{_heat(share)}>{_pct(share)}</td>')
        rows.append(f'<tr><td>{_e(label)}</td><td class="num">{len(members)}</td>{"".join(cells)}</tr>')
    more = f'<p class="muted">另有 {len(order) - limit} 组未列出。</p>' if len(order) > limit else ""
    return (
        f'<div class="scroll"><table class="breakdown" id="by-{key}"><thead><tr><th>{_e(header)}</th><th>报告数</th>'
        f"{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>{more}"
    )


def _section_stats(df) -> str:
    rows = []
    total_chars = sum(int(df[f"chars_{s}"].sum()) for s in SECTIONS) or 1
    for sid, name in SECTIONS.items():
        n = [int(x) for x in df[f"n_{sid}"]]
        c = [int(x) for x in df[f"chars_{sid}"]]
        have = [x for x in n if x]
        chars_have = [y for x, y in zip(n, c) if x]
        rows.append(
            f'<tr><td>{_e(name)} <span class="muted">{sid}</span></td><td class="num">{len(have)}</td>'
            f'<td class="num">{statistics.mean(have) if have else 0:.1f}</td>'
            f'<td class="num">{statistics.median(have) if have else 0:g}</td>'
            f'<td class="num">{statistics.mean(chars_have) if chars_have else 0:.0f}</td>'
            f'<td class="num">{statistics.median(chars_have) if chars_have else 0:g}</td>'
            f'<td class="num">{max(chars_have) if chars_have else 0}</td>'
            f'<td class="num">{_pct(sum(c) / total_chars)}</td></tr>'
        )
    return (
        '<table id="sections"><thead><tr><th>部分</th><th>含此部分的报告</th><th>段落数（均值）</th>'
        "<th>段落数（中位数）</th><th>字数（均值）</th><th>字数（中位数）</th><th>字数（最多）</th>"
        f"<th>占全部字数</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _briefs_table(df) -> str:
    rows = []
    for r in df.itertuples(index=False):
        themes = "、".join(THEMES.get(t, t) for t in r.themes)
        year = "" if r.year is None or r.year != r.year else int(r.year)
        rows.append(
            f"<tr><td>{_e(os.path.basename(str(r.source)))}</td><td>{_e(r.entity)}</td><td>{_e(r.county)}</td>"
            f'<td class="num">{_e(year)}</td><td>{_e(LEVEL_NAMES.get(r.level, r.level))}</td>'
            f"<td>{_e(themes)}</td><td>{_e(r.brief)}</td></tr>"
        )
    return (
        '<p><input id="brief-search" type="search" placeholder="搜索摘要、主体、区县、主题……" '
        'aria-label="搜索摘要"> <span class="muted">显示 <span id="brief-count"></span></span></p>'
        '<div class="scroll"><table id="briefs"><thead><tr><th>文件</th><th>主体</th><th>区县</th><th>年份</th>'
        f"<th>层级</th><th>不足主题</th><th>摘要</th></tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )


def render_html(reports: Iterable[Report | dict[str, Any]], title: str = "法治政府建设年度报告分析") -> str:
    """The HTML page (a str) for analysed reports (Report objects or their to_dict() form)."""
    from lawnlp.outputs.frames import to_frame

    frame = to_frame(reports, level="report")
    frame = frame.astype({"year": "object"}).where(frame.notna(), None)
    failed = frame[frame["error"].notna()]
    ok = frame[frame["error"].isna()]
    n = len(ok)
    shares = sorted(((tid, int(sum(tid in t for t in ok["themes"])), 0.0) for tid in THEMES), key=lambda x: -x[1])
    shares = [(tid, k, k / n if n else 0.0) for tid, k, _ in shares]
    years = sorted({int(y) for y in ok["year"] if y is not None})
    counties = {c for c in ok["county"] if c}
    cards = [
        ("报告", n),
        ("读取失败", len(failed)),
        ("区县", len(counties)),
        ("年份", f"{years[0]}–{years[-1]}" if len(years) > 1 else (years[0] if years else "—")),
        ("段落", int(ok["n_paragraphs"].sum()) if n else 0),
        ("平均不足主题数", f"{statistics.mean(len(t) for t in ok['themes']):.1f}" if n else "—"),
    ]
    errors = ""
    if len(failed):
        items = "".join(f"<li>{_e(e)}</li>" for e in failed["error"])
        errors = f'<h2>读取失败的报告</h2><ul class="err" id="errors">{items}</ul>'
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    body = f"""<main>
<h1>{_e(title)}</h1>
<div class="sub">lawnlp 生成于 {stamp}；共 {len(frame)} 份输入。</div>
<div class="cards">{"".join(f'<div class="card"><b>{_e(v)}</b>{_e(k)}</div>' for k, v in cards)}</div>
<h2>不足主题出现率</h2>
<p class="sub">提到该主题的报告占全部报告的比例（每份报告至少一段被标注为该主题即计入）。</p>
{_theme_chart(shares)}
<h2>分组统计</h2>
<p class="sub">各组报告数，以及各组中提到每个不足主题的报告比例。</p>
<h3>按层级</h3>{_breakdown(ok, "level", "层级", LEVEL_NAMES)}
<h3>按年份</h3>{_breakdown(ok, "year", "年份")}
<h3>按区县</h3>{_breakdown(ok, "county", "区县")}
<h2>各部分篇幅</h2>
<p class="sub">每份报告中被分到各部分的段落数与字数（只统计含该部分的报告）。</p>
{_section_stats(ok)}
<h2>报告摘要</h2>
{_briefs_table(ok)}
{errors}
</main>"""
    return (
        f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width,initial-scale=1"><title>{_e(title)}</title>'
        f"<style>{CSS}</style></head><body>{body}<script>{SCRIPT}</script></body></html>\n"
    )


def write_html(
    results: str | os.PathLike | Iterable[Report | dict[str, Any]],
    output: str | os.PathLike,
    title: str = "法治政府建设年度报告分析",
) -> int:
    """Write the page for a ``lawnlp analyze`` JSONL file (or reports) to ``output``; returns the number
    of reports."""
    reports = list(read_results(results) if isinstance(results, (str, os.PathLike)) else results)
    page = render_html(reports, title=title)
    with open(output, "w", encoding="utf-8") as f:
        f.write(page)
    return len(reports)
