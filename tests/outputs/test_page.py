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
    for key in ("by-level", "by-year", "by-county", "sections", "briefs", "theme-chart", "brief-search"):
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
