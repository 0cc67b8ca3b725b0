"""When a str is a path and when it is report text (lawnlp.reading.looks_like_path), and the explicit
``text=`` way; a path that does not exist is an error, never analysed as text."""

from __future__ import annotations

import pytest

import lawnlp
from lawnlp.errors import ReportError
from lawnlp.pipeline import Analyzer
from lawnlp.reading import looks_like_path, read_document, read_text


@pytest.mark.parametrize(
    "source",
    ["nope", "/no/such/dir", "reports\\2023", "青山镇2023年报告.docx", "报告/青山镇", "x.PDF", "  spaced.txt "],
)
def test_path_like_strings_are_paths(source):
    assert looks_like_path(source)
    with pytest.raises(ReportError, match="file not found") as err:
        read_document(source)
    assert source in str(err.value) and "text=" in str(err.value)


@pytest.mark.parametrize(
    "source",
    [
        "一行报告文本，没有换行",
        "青山镇2023年法治政府建设年度报告",
        "依法行政/法治政府建设工作，取得新进展。",
        "第一行\n第二行",
    ],
)
def test_chinese_sentence_text_is_text(source):
    assert not looks_like_path(source)
    assert read_document(source).text == source


def test_an_existing_name_is_a_path_even_with_chinese(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "青山镇报告").write_text("青山镇2023年法治政府建设年度报告\n一、主要举措\n", encoding="utf-8")
    assert looks_like_path("青山镇报告")
    assert read_document("青山镇报告").source == "青山镇报告"


def test_text_keyword_reads_anything_as_text():
    assert read_text("nope").text == "nope"
    report = Analyzer(backend="rules").analyze(text="青山镇2023年法治政府建设年度报告")
    assert report.source == "<text>" and report.paragraphs
    with pytest.raises(ReportError, match="file not found"):
        Analyzer(backend="rules").analyze("/no/such/report")
    with pytest.raises(TypeError):
        Analyzer(backend="rules").analyze("x", text="y")
    with pytest.raises(TypeError):
        Analyzer(backend="rules").analyze()


def test_module_level_analyze_takes_text(monkeypatch):
    monkeypatch.setattr(lawnlp.pipeline.analyzer, "default_analyzer", lambda: Analyzer(backend="rules"))
    assert lawnlp.analyze(text="nope一行").paragraphs[0].text == "nope一行"
    with pytest.raises(ReportError, match="file not found"):
        lawnlp.analyze("nope")
