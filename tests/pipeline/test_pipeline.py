"""The Analyzer through its public interface, on invented reports (lawnlp.pipeline.analyzer)."""

from __future__ import annotations

import pytest

import lawnlp
from lawnlp.errors import ReportError
from lawnlp.labels import SECTION_IDS, THEME_IDS
from lawnlp.pipeline import Analyzer

from invented_reports import QINGHE, SHUIWU


def plain(source: str) -> str:
    """The report text of a ``CODE|text`` fixture."""
    return "\n".join(line.split("|", 1)[1] for line in source.splitlines())


@pytest.fixture(scope="module", params=["lite", "rules"])
def analyzer(request) -> Analyzer:
    return Analyzer(backend=request.param)


def test_analyze_fills_every_annotation(analyzer):
    report = analyzer.analyze(plain(QINGHE), name="qinghe")
    assert report.source == "qinghe" and report.error is None
    assert (report.meta.entity, report.meta.county, report.meta.year) == ("青禾镇", "云岭县", 2024)
    assert all(p.section in SECTION_IDS for p in report.paragraphs)
    assert all(set(p.themes) <= set(THEME_IDS) for p in report.paragraphs)
    assert all(not p.themes for p in report.paragraphs if p.section != "shortcomings")
    assert report.brief is not None and report.brief.text.startswith("青禾镇2024年")
    assert report.to_dict()["meta"]["entity"] == "青禾镇"


def test_parse_runs_no_model():
    analyzer = Analyzer(backend="lite")
    report = analyzer.parse(plain(SHUIWU), name="shuiwu")
    assert report.meta.entity == "松河县水务局" and all(p.section is None for p in report.paragraphs)
    labelled = analyzer.label([report], brief=False)[0]
    assert labelled is report and all(p.section for p in report.paragraphs) and report.brief is None


def test_batch_equals_one_by_one(analyzer):
    texts = [plain(QINGHE), plain(SHUIWU)]
    one = [analyzer.analyze(t) for t in texts]
    batch = list(analyzer.analyze_batch(texts, batch_size=4))
    assert [[(p.section, p.themes) for p in r.paragraphs] for r in batch] == [
        [(p.section, p.themes) for p in r.paragraphs] for r in one
    ]
    assert [r.brief.text for r in batch] == [r.brief.text for r in one]


def test_bad_input_is_a_report_error_naming_it(analyzer, tmp_path):
    with pytest.raises(ReportError, match="empty report"):
        analyzer.analyze("   \n  ")
    missing = tmp_path / "missing.txt"
    with pytest.raises(ReportError, match="file not found") as err:
        analyzer.analyze(str(missing))
    assert str(missing) in str(err.value)


def test_bare_paragraph_functions(analyzer):
    assert analyzer.classify_sections(["二、存在的不足和原因", "三、下一步工作打算"])[0] in SECTION_IDS
    themes = analyzer.tag_shortcomings(["一是法治工作力量薄弱，专业人才匮乏。"])
    assert len(themes) == 1 and set(themes[0]) <= set(THEME_IDS)
    assert analyzer.classify_sections([]) == [] and analyzer.tag_shortcomings([]) == []
    with pytest.raises(TypeError, match="list of paragraphs"):
        analyzer.classify_sections("一是法治工作力量薄弱。")


def test_summarize_reuses_an_analysed_report(analyzer):
    report = analyzer.analyze(plain(QINGHE), brief=False)
    brief = analyzer.summarize(report, max_chars=120)
    assert 0 < len(brief.text) <= 120 and brief.entity == "青禾镇" and brief.year == 2024


def test_models_load_once_and_keep_their_type():
    analyzer = Analyzer(backend="lite")
    assert analyzer.sections is None  # the argument stays as given
    first = analyzer.section_model
    assert analyzer.section_model is first and analyzer.sections is None


def test_module_level_api_uses_one_analyzer():
    assert lawnlp.pipeline.default_analyzer() is lawnlp.pipeline.default_analyzer()
