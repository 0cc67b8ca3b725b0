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
    # Everything done: a third run does nothing.
    before = out.read_bytes()
    assert main(args + ["--resume"]) == 0
    assert out.read_bytes() == before


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
