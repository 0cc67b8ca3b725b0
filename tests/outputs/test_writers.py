"""Result files (lawnlp.outputs.writers, lawnlp.outputs.files): JSONL/CSV/Parquet, resume, data frames."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lawnlp import to_frame
from lawnlp.cli import main
from lawnlp.outputs.files import analyze_files
from lawnlp.pipeline import Analyzer
from lawnlp.rows import PARAGRAPH_ROW_COLUMNS, REPORT_ROW_COLUMNS, read_results

from corpus_texts import report_folder


@pytest.fixture(scope="module")
def rules() -> Analyzer:
    return Analyzer(backend="rules")


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    return report_folder(tmp_path)


def test_cli_jsonl_and_resume(folder: Path, tmp_path: Path, capsys):
    out = tmp_path / "results.jsonl"
    args = ["analyze", str(folder), "-o", str(out), "--backend", "rules", "--no-progress"]
    assert main(args) == 1  # one report failed
    first = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [Path(r["source"]).name for r in first] == ["a.txt", "b.txt", "c-bad.txt", "d.txt", "e.txt"]
    assert first[2]["error"] and not first[0]["error"]
    # An interrupted run: two reports done, the third cut off in the middle of its line.
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.write_text("".join(lines[:2]) + lines[3][:50], encoding="utf-8")
    capsys.readouterr()
    assert main(args + ["--resume"]) == 1
    assert "2 reports already" in capsys.readouterr().err
    again = list(read_results(out))
    assert sorted(Path(r["source"]).name for r in again) == ["a.txt", "b.txt", "c-bad.txt", "d.txt", "e.txt"]
    assert again[:2] == first[:2]
    # A third run retries only the report that failed (still junk: it fails again, exit 1) and keeps the rest.
    capsys.readouterr()
    assert main(args + ["--resume"]) == 1
    assert "4 reports already" in capsys.readouterr().err
    third = list(read_results(out))
    assert sorted(Path(r["source"]).name for r in third) == sorted(Path(r["source"]).name for r in again)
    assert [r for r in third if not r["error"]] == [r for r in again if not r["error"]]
    # Fixed, it is analysed again and its error row replaced.
    (folder / "c-bad.txt").write_text((folder / "a.txt").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(args + ["--resume"]) == 0
    final = list(read_results(out))
    assert len(final) == 5 and not any(r["error"] for r in final)
    assert not Path(str(out) + ".partial").exists()


def test_cli_csv_parquet_readable_and_resumable(folder: Path, tmp_path: Path):
    pd = pytest.importorskip("pandas")
    reports = list(Analyzer(backend="rules").analyze_batch(sorted(str(p) for p in folder.iterdir())))
    n_rows = sum(max(1, len(r.paragraphs)) for r in reports)
    for fmt in ("csv", "parquet"):
        out = tmp_path / f"results.{fmt}"
        assert main(["analyze", str(folder), "-o", str(out), "--backend", "rules", "--no-progress"]) == 1
        df = pd.read_csv(out) if fmt == "csv" else pd.read_parquet(out)
        assert list(df.columns) == list(PARAGRAPH_ROW_COLUMNS) and len(df) == n_rows
        assert df["source"].nunique() == 5 and df["error"].notna().sum() == 1
        assert set(df["section"].dropna()) <= {"preamble", "measures", "leadership", "shortcomings", "plans", "other"}
        if fmt == "csv":  # cut the file inside the second report
            text = out.read_text(encoding="utf-8").splitlines(keepends=True)
            n_first = int(df["n_paragraphs"].iloc[0])
            out.write_text("".join(text[: 1 + n_first + 3]), encoding="utf-8")
        else:  # the parquet file of an earlier, shorter run
            df[df["source"] == df["source"].iloc[0]].to_parquet(out, index=False)
        assert main(["analyze", str(folder), "-o", str(out), "--backend", "rules", "--no-progress", "--resume"]) == 1
        df2 = pd.read_csv(out) if fmt == "csv" else pd.read_parquet(out)
        assert len(df2) == n_rows and df2["source"].nunique() == 5
        assert (df2.groupby("source").size() == df.groupby("source").size()).all()


def test_parquet_journal_survives_a_killed_run(folder: Path, tmp_path: Path):
    pd = pytest.importorskip("pandas")
    out = tmp_path / "r.parquet"
    analyzer = Analyzer(backend="rules")
    paths = sorted(str(p) for p in folder.iterdir())
    # A hard kill leaves only the journal (flushed per report): here, the first two reports.
    done = list(analyzer.analyze_batch(paths[:2]))
    Path(str(out) + ".partial.jsonl").write_text(
        "".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in done), encoding="utf-8"
    )
    seen = []
    counts = analyze_files(analyzer, paths, output=str(out), resume=True, progress=False, on_report=seen.append)
    assert counts["skipped"] == 2 and len(seen) == 3
    assert pd.read_parquet(out)["source"].nunique() == 5 and not Path(str(out) + ".partial.jsonl").exists()


def test_to_frame_shapes(rules: Analyzer, folder: Path):
    reports = list(rules.analyze_batch(sorted(str(p) for p in folder.iterdir())))
    para = to_frame(reports)
    assert list(para.columns) == list(PARAGRAPH_ROW_COLUMNS)
    assert len(para) == sum(len(r.paragraphs) for r in reports) + 1  # + the error row
    rep = to_frame(reports, level="report")
    assert list(rep.columns) == list(REPORT_ROW_COLUMNS) and len(rep) == 5
    ok = rep[rep["error"].isna()]
    assert (
        ok[[c for c in rep.columns if c.startswith("n_") and c != "n_paragraphs"]].sum(axis=1) == ok["n_paragraphs"]
    ).all()
    assert rep["brief"].notna().sum() == 4 and isinstance(rep["themes"].iloc[0], list)
    # The same from the JSON form (a results file).
    assert (
        to_frame([r.to_dict() for r in reports], level="report")
        .drop(columns=["year"])
        .equals(rep.drop(columns=["year"]))
    )
    with pytest.raises(ValueError):
        to_frame(reports, level="sentence")


def _rules_args(folder: Path, out: Path, *extra: str) -> list[str]:
    return ["analyze", str(folder), "-o", str(out), "--backend", "rules", "--no-progress", *extra]


def test_csv_resume_after_a_cut_inside_a_utf8_character(folder: Path, tmp_path: Path):
    out = tmp_path / "r.csv"
    assert main(_rules_args(folder, out)) == 1
    whole = list(read_results(out))
    data = out.read_bytes()
    cut = data.index("。".encode()) + 1  # inside the three bytes of the first 。
    for end in (cut, len(data) // 2 + 1, len(data) - 2):
        out.write_bytes(data[:end])
        list(read_results(out))  # reading a cut file never fails
        assert main(_rules_args(folder, out, "--resume")) == 1
        again = list(read_results(out))
        assert sorted(r["source"] for r in again) == sorted(r["source"] for r in whole)
        assert sorted(len(r["paragraphs"]) for r in again) == sorted(len(r["paragraphs"]) for r in whole)


def test_every_format_reads_back_as_the_same_reports(folder: Path, tmp_path: Path):
    from lawnlp.rows import result_fields

    got = {}
    for fmt in ("jsonl", "csv", "parquet"):
        out = tmp_path / f"r.{fmt}"
        assert main(_rules_args(folder, out)) == 1
        got[fmt] = [result_fields(r) for r in read_results(out)]
        assert to_frame(out, level="report")["brief"].notna().sum() == 4
        assert len(to_frame(str(out))) == sum(max(1, len(r["paragraphs"])) for r in got[fmt])
    assert got["jsonl"] == got["csv"] == got["parquet"]
    assert all(r["brief"]["text"] for r in got["csv"] if not r["error"])


def test_overlapping_inputs_are_analysed_once(folder: Path, tmp_path: Path, capsys):
    out = tmp_path / "r.jsonl"
    a = str(folder / "a.txt")
    args = ["analyze", str(folder), str(folder / "*.txt"), a, a, "-o", str(out), "--backend", "rules", "--no-progress"]
    assert main(args) == 1
    sources = [Path(r["source"]).name for r in read_results(out)]
    assert sorted(sources) == ["a.txt", "b.txt", "c-bad.txt", "d.txt", "e.txt"]


def test_missing_inputs_and_unwritable_outputs_are_one_line_errors(folder: Path, tmp_path: Path, capsys, monkeypatch):
    empty = tmp_path / "empty"
    empty.mkdir()
    cases = [
        (["analyze", "/no/such/dir", "-o", str(tmp_path / "o.jsonl")], "/no/such/dir", "no such file"),
        (["analyze", str(tmp_path / "*.docx"), "-o", str(tmp_path / "o.jsonl")], "*.docx", "no file matches"),
        (["analyze", str(empty), "-o", str(tmp_path / "o.jsonl")], "empty", "no report files"),
        (["analyze", str(folder), "-o", str(tmp_path / "nofolder" / "o.jsonl")], "o.jsonl", "does not exist"),
        (["analyze", str(folder), "-o", str(empty)], "empty", "is a folder"),
        (["summarize", "nope"], "nope", "file not found"),
    ]
    for argv, name, message in cases:
        capsys.readouterr()
        assert main(argv + ["--backend", "rules"] if argv[0] == "analyze" else argv) == 1
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and name in err[0] and message in err[0], err
    assert not (tmp_path / "o.jsonl").exists()
    import lawnlp.outputs.writers as writers

    monkeypatch.setattr(writers.os, "access", lambda path, mode: False)  # root may write anywhere: simulate
    assert main(["analyze", str(folder), "-o", str(tmp_path / "o.csv"), "--backend", "rules"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "permission denied" in err[0]


KILLER = """
import sys
from lawnlp.pipeline import Analyzer
from lawnlp.outputs.files import analyze_files

def done(report):
    print(report.source, flush=True)

analyze_files(Analyzer(backend="rules"), sys.argv[2:], output=sys.argv[1], resume=True, progress=False,
              workers=0, on_report=done)
"""


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_kill_9_never_leaves_an_empty_or_partial_result_file(tmp_path: Path, fmt: str):
    """A resumed run killed (SIGKILL) after its rewrite and a few reports: the result file is still the
    complete one of the run before, and the next resume ends with every report once."""
    import os
    import signal
    import subprocess
    import sys

    from corpus_texts import sample_texts

    folder = tmp_path / "in"
    folder.mkdir()
    paths = []
    for i, text in enumerate(sample_texts(24) * 2):
        path = folder / f"r{i:02d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    out = tmp_path / f"r.{fmt}"
    rules = Analyzer(backend="rules")
    analyze_files(rules, paths[:10], output=str(out), progress=False)
    before = out.read_bytes()
    script = tmp_path / "run.py"
    script.write_text(KILLER, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    proc = subprocess.Popen([sys.executable, str(script), str(out), *paths], env=env, stdout=subprocess.PIPE, text=True)
    for _ in range(5):
        assert proc.stdout.readline()
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    assert out.read_bytes() == before  # never rewritten in place, never empty
    counts = analyze_files(rules, paths, output=str(out), resume=True, progress=False)
    assert counts["skipped"] >= 15  # the first run's 10 and the killed run's 5 (from its partial file)
    final = list(read_results(out))
    assert sorted(r["source"] for r in final) == paths and not any(r["error"] for r in final)
