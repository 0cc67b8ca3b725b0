"""The HTML report: built from analysed reports, checked in headless Chromium (skips without it)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from lawnlp.labels import THEMES
from lawnlp.outputs.page import render_html, write_html

from corpus_texts import report_folder


def _report(i: int, county: str, year: int, themes: list[str], level: str = "township", error: str | None = None):
    paragraphs = [
        {
            "index": 0,
            "line": 0,
            "text": f"某镇{year}年法治政府建设工作报告",
            "norm": "",
            "section": "other",
            "themes": [],
        },
        {"index": 1, "line": 1, "text": "一、主要举措和成效", "norm": "", "section": "measures", "themes": []},
        {"index": 2, "line": 2, "text": "调处矛盾纠纷187件。", "norm": "", "section": "measures", "themes": []},
        {"index": 3, "line": 3, "text": "二、存在的不足", "norm": "", "section": "shortcomings", "themes": []},
        {"index": 4, "line": 4, "text": "法治力量不足。", "norm": "", "section": "shortcomings", "themes": themes},
    ]
    return {
        "source": f"r{i}.txt",
        "meta": {"entity": f"镇{i}", "county": county, "year": year, "level": level},
        "paragraphs": [] if error else paragraphs,
        "themes": [] if error else themes,
        "brief": None if error else {"text": f"镇{i}{year}年：调处矛盾纠纷187件；关键词{i}"},
        "error": error,
    }


REPORTS = [
    _report(0, "丰都县", 2023, ["talent_shortage", "publicity_weak"]),
    _report(1, "丰都县", 2024, ["talent_shortage"]),
    _report(2, "忠县", 2024, ["enforcement_weak"], level="county"),
    _report(3, None, 2022, []),
    _report(4, "忠县", 2024, [], error="r4.txt: binary data, not a text report"),
]


def test_render_contents():
    page = render_html(REPORTS)
    assert page.startswith("<!DOCTYPE html>")
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in page and "<link" not in page and "src=" not in page  # self-contained
    assert THEMES["talent_shortage"] in page and "50%（2）" in page  # 2 of the 4 readable reports
    for key in ("by-level", "by-year", "by-parent-township", "by-parent-county", "sections", "briefs", "theme-chart"):
        assert f'id="{key}"' in page
    assert "binary data" in page
    assert page.count("<tr>") >= 4


def test_write_from_jsonl(tmp_path: Path):
    src = tmp_path / "results.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in REPORTS) + '{"cut', encoding="utf-8")
    out = tmp_path / "report.html"
    assert write_html(src, out) == len(REPORTS)
    assert "theme-chart" in out.read_text(encoding="utf-8")


def test_cli_report(tmp_path: Path):
    from lawnlp.cli import main

    src = tmp_path / "results.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in REPORTS), encoding="utf-8")
    assert main(["report", str(src), "-o", str(tmp_path / "r.html")]) == 0
    assert (tmp_path / "r.html").stat().st_size > 1000


def _chromium() -> str:
    exe = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
    if exe is None:
        pytest.skip("chromium not installed (apt-get install chromium): the headless HTML check is skipped")
    return exe


def _dump_dom(exe: str, url: str, tmp_path: Path) -> str:
    cmd = [
        exe,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--virtual-time-budget=2000",
        "--dump-dom",
        url,
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=90)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_chromium_renders_chart_and_filters_table(tmp_path: Path):
    exe = _chromium()
    out = tmp_path / "report.html"
    write_html(REPORTS, out)
    dom = _dump_dom(exe, out.as_uri(), tmp_path)
    chart = re.search(r'<svg id="theme-chart".*?</svg>', dom, re.S)
    assert chart and chart.group().count("<rect") == len(THEMES)
    assert THEMES["talent_shortage"] in chart.group()
    rows = re.search(r'<table id="briefs">.*?</table>', dom, re.S).group()
    assert rows.count("<tr") == 1 + 4 and "hidden" not in rows
    assert re.search(r'id="brief-count">4 / 4<', dom)  # the script ran
    # The search box filters the rows (the page reads a #q= query on load, as typing would).
    dom = _dump_dom(exe, out.as_uri() + "#q=关键词2", tmp_path)
    rows = re.search(r'<table id="briefs">.*?</table>', dom, re.S).group()
    assert rows.count('<tr hidden=""') == 3 and "关键词2" in rows
    assert re.search(r'id="brief-count">1 / 4<', dom)


def test_parents_are_grouped_by_level_and_nothing_shows_nan(tmp_path: Path):
    """A city's parent (a province) never sits with townships' counties; no cell reads nan or None."""
    reports = REPORTS[:4] + [_report(5, "云岭省", 2024, ["resources_weak"], level="city")]
    page = render_html(reports)
    township = re.search(r'<table class="breakdown" id="by-parent-township">.*?</table>', page, re.S).group()
    city = re.search(r'<table class="breakdown" id="by-parent-city">.*?</table>', page, re.S).group()
    assert "丰都县" in township and "云岭省" not in township and "忠县" not in township
    assert "云岭省" in city and "乡镇（街道）：所属区县" in page and "市（州）：所属省区" in page
    assert re.search(r">\s*(nan|None|NaN)\s*<", page) is None


def test_not_reports_are_left_out_and_listed():
    news = _report(6, "丰都县", 2024, ["talent_shortage"]) | {
        "genre": 0.1,
        "warnings": ["does not look like a 法治政府建设年度报告 (genre score 0.10 < 0.5); it reads like news"],
    }
    page = render_html(REPORTS + [news])
    assert THEMES["talent_shortage"] in page and "50%（2）" in page  # still 2 of the 4 readable reports
    listed = re.search(r'<table id="not-reports">.*?</table>', page, re.S).group()
    assert "r6.txt" in listed and "reads like news" in listed
    briefs = re.search(r'<table id="briefs">.*?</table>', page, re.S).group()
    assert "r6.txt" not in briefs


def test_page_reads_every_result_format(tmp_path: Path):
    from lawnlp.cli import main

    folder = tmp_path / "in"
    folder.mkdir()
    report_folder(folder)
    pages = {}
    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / f"results.{fmt}"
        assert main(["analyze", str(folder), "-o", str(out), "--backend", "rules", "--no-progress"]) == 1
        html = tmp_path / f"{fmt}.html"
        assert main(["report", str(out), "-o", str(html)]) == 0
        page = html.read_text(encoding="utf-8")
        rows = re.search(r'<table id="briefs">.*?</table>', page, re.S).group()
        assert rows.count("<tr>") == 1 + 4 and "binary data" in page
        assert re.search(r">\s*(nan|None|NaN)\s*<", page) is None
        pages[fmt] = re.sub(r"生成于 [^；]*；", "", page)  # the generation time aside
    assert pages["csv"] == pages["jsonl"] == pages["parquet"]


def test_cli_report_on_an_empty_result_file(tmp_path: Path, capsys):
    from lawnlp.cli import main

    empty = tmp_path / "results.csv"
    empty.write_text("", encoding="utf-8")
    assert main(["report", str(empty), "-o", str(tmp_path / "r.html")]) == 1
    assert "no reports" in capsys.readouterr().err
