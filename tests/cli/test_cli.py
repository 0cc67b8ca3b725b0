"""The ``lawnlp`` command line (lawnlp.cli) on invented reports: output, exit status, help."""

from __future__ import annotations

import json

import pytest

from lawnlp.cli import main
from lawnlp.cli.parser import build_parser

from invented_reports import QINGHE, SHUIWU


def plain(source: str) -> str:
    return "\n".join(line.split("|", 1)[1] for line in source.splitlines())


@pytest.fixture()
def reports(tmp_path):
    (tmp_path / "qinghe.txt").write_text(plain(QINGHE), encoding="utf-8")
    (tmp_path / "shuiwu.txt").write_text(plain(SHUIWU), encoding="utf-8")
    return tmp_path


def test_every_command_has_help(capsys):
    for argv in (
        ["--help"],
        ["analyze", "--help"],
        ["summarize", "--help"],
        ["report", "--help"],
        ["train", "--help"],
        ["evaluate", "--help"],
        ["info", "--help"],
        ["data", "--help"],
        ["data", "validate", "--help"],
        ["data", "stats", "--help"],
        ["data", "export", "--help"],
        ["data", "import", "--help"],
    ):
        with pytest.raises(SystemExit) as exit_:
            main(argv)
        assert exit_.value.code == 0 and "usage: lawnlp" in capsys.readouterr().out


def test_analyze_to_stdout_and_table(reports, capsys):
    assert main(["analyze", str(reports), "--backend", "rules", "--no-progress"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["meta"]["entity"] for r in rows] == ["青禾镇", "松河县水务局"]
    assert main(["analyze", str(reports / "qinghe.txt"), "--backend", "rules", "--table", "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "qinghe.txt\t青禾镇\t云岭县\t2024\ttownship" in out and "brief: 青禾镇2024年" in out


def test_summarize(reports, capsys):
    assert main(["summarize", str(reports / "qinghe.txt"), "--max-chars", "100"]) == 0
    text = capsys.readouterr().out.strip()
    assert text.startswith("青禾镇2024年") and len(text) <= 100
    assert main(["summarize", str(reports / "qinghe.txt"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["entity"] == "青禾镇"


def test_bad_input_exits_1_with_one_line(reports, capsys):
    (reports / "junk.txt").write_bytes(b"\x00\x01\x02" * 100)
    assert main(["summarize", str(reports / "junk.txt")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "junk.txt" in err[0] and "binary" in err[0]


def test_bad_usage_exits_2(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["analyze"])
    assert exit_.value.code == 2
    assert main(["analyze", "x.txt", "--format", "csv"]) == 2
    assert "need an output file" in capsys.readouterr().err


def test_parser_commands():
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    assert set(sub.choices) == {
        "analyze",
        "audit",
        "compare",
        "report",
        "summarize",
        "train",
        "evaluate",
        "info",
        "data",
    }


def test_lost_line_breaks_are_cut_again_and_said_on_stderr(reports, capsys):
    joined = reports / "joined.txt"
    joined.write_text("".join(plain(QINGHE).splitlines()), encoding="utf-8")
    assert main(["analyze", str(joined), "--backend", "rules", "--no-progress"]) == 0
    captured = capsys.readouterr()
    row = json.loads(captured.out)
    assert row["warnings"] and len(row["paragraphs"]) > 10 and row["meta"]["entity"] == "青禾镇"
    assert "joined.txt: warning: the text seems to have lost its line breaks" in captured.err
    assert main(["summarize", str(joined), "--max-chars", "120"]) == 0
    captured = capsys.readouterr()
    assert "lost its line breaks" in captured.err and 10 < len(captured.out.strip()) <= 120


def test_missing_report_and_bad_budget(capsys):
    assert main(["summarize", "nope"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["lawnlp: nope: file not found; check the path"]
    assert main(["summarize", __file__, "--max-chars", "0"]) == 2
    assert "positive" in capsys.readouterr().err


def test_analyze_cascade_is_said_and_can_be_turned_off(reports, capsys):
    assert main(["analyze", str(reports / "qinghe.txt"), "--backend", "bert", "--no-progress"]) == 0
    with_cascade = json.loads(capsys.readouterr().out.splitlines()[0])
    assert with_cascade["provenance"]["cascade"].startswith("sections: sections-lite@")
    argv = ["analyze", str(reports / "qinghe.txt"), "--backend", "bert", "--no-cascade", "--no-progress"]
    assert main(argv) == 0
    alone = json.loads(capsys.readouterr().out.splitlines()[0])
    assert alone["provenance"]["cascade"] is None
    assert alone["provenance"]["themes_model"].startswith("themes-ensemble@")
