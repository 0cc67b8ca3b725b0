"""What a batch reads (lawnlp.pipeline.inputs) and the API traps around it: paths that do not exist,
empty globs and folders, overlapping inputs, summarize's budget."""

from __future__ import annotations

from pathlib import Path

import pytest

from lawnlp.errors import ReportError
from lawnlp.pipeline import Analyzer
from lawnlp.pipeline.inputs import expand_paths, source_name

from corpus_texts import report_folder


def test_expand_paths_names_each_file_once(tmp_path: Path):
    report_folder(tmp_path)
    a = str(tmp_path / "a.txt")
    (tmp_path / "link.txt").symlink_to(tmp_path / "a.txt")
    got = expand_paths([a, str(tmp_path), str(tmp_path / "*.txt"), a, str(tmp_path / "link.txt")])
    assert [Path(p).name for p in got] == ["a.txt", "b.txt", "c-bad.txt", "d.txt", "e.txt"]


@pytest.mark.parametrize(
    ("arg", "message"),
    [("/no/such/dir", "no such file or folder"), ("*.nothing", "no file matches"), ("EMPTY", "no report files")],
)
def test_expand_paths_refuses_what_names_nothing(tmp_path: Path, arg: str, message: str):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.md").write_text("x", encoding="utf-8")
    arg = str(tmp_path / "empty") if arg == "EMPTY" else (str(tmp_path / arg) if arg.startswith("*") else arg)
    with pytest.raises(ReportError, match=message) as err:
        expand_paths([arg])
    assert arg in str(err.value) and "\n" not in str(err.value)


def test_source_names_follow_the_path_rule():
    assert source_name("reports/a.txt") == "reports/a.txt"
    assert source_name("一行报告文本，没有换行") == "<text>"
    assert source_name(b"x") == "<bytes>"


@pytest.mark.parametrize("bad", [0, -5, 2.5, None, True])
def test_summarize_refuses_a_budget_that_is_not_positive(bad):
    analyzer = Analyzer(backend="rules")
    with pytest.raises(ValueError, match="max_chars must be a positive"):
        analyzer.summarize(text_report(), max_chars=bad)


def test_summarize_small_budgets_work():
    analyzer = Analyzer(backend="rules")
    report = analyzer.analyze(text=text_report())
    for k in (1, 5, 20):
        assert len(analyzer.summarize(report, max_chars=k).text) <= k


def text_report() -> str:
    from corpus_texts import sample_texts

    return sample_texts(1)[0]
