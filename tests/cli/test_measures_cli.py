"""The research-measure commands on invented reports: ``lawnlp audit`` (table, JSONL, CSV), ``lawnlp compare``
(result files of every format, CSV and Parquet tables) and ``lawnlp evaluate --task audit|indicators|pairs``
(gold sections, and the rules backend end to end); exit codes and one-line errors."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from measures_fixtures import QINGFENG_2023, SHICHANG_2023, pairs_corpus, report

from lawnlp.annotations import AnnotatedReport
from lawnlp.cli import main
from lawnlp.measures import audit_report, extract_indicators
from lawnlp.outputs.writers import open_output
from lawnlp.schema import Report

from invented_reports import paragraphs_jsonl


def plain(source: str) -> str:
    return "\n".join(line.split("|", 1)[1] for line in source.strip().splitlines()) + "\n"


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "qf.txt").write_text(plain(QINGFENG_2023), encoding="utf-8")
    (d / "sc.txt").write_text(plain(SHICHANG_2023), encoding="utf-8")
    return d


def test_audit_jsonl_table_and_csv(folder: Path, tmp_path: Path, capsys):
    assert main(["audit", str(folder), "--backend", "rules"]) == 0  # not a terminal: JSONL
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [Path(r["source"]).name for r in rows] == ["qf.txt", "sc.txt"]
    assert set(rows[0]["audit"]["parts"]) == {"measures", "leadership", "shortcomings", "causes", "plans"}
    assert rows[0]["audit"]["evidence"]["measures"] and rows[0]["audit"]["published"] == "2024-01-15"
    assert {"disputes_handled", 214.0} <= {x for i in rows[0]["indicators"] for x in (i["id"], i["value"])}
    assert main(["audit", str(folder / "qf.txt"), "--backend", "rules", "--table"]) == 0
    table = capsys.readouterr().out
    assert table.startswith("qf.txt\t青枫镇\t2023") and "published 2024-01-15 on time" in table
    assert "    indicators: " in table and "disputes_handled 214 件" in table
    out = tmp_path / "audit.csv"
    assert main(["audit", str(folder), "--backend", "rules", "-o", str(out)]) == 0
    assert "audit.indicators.csv" in capsys.readouterr().err
    reports = list(csv.DictReader(out.open(encoding="utf-8")))
    values = list(csv.DictReader((tmp_path / "audit.indicators.csv").open(encoding="utf-8")))
    assert [r["entity"] for r in reports] == ["青枫镇", "雁栖县市场监督管理局"] and reports[0]["part_plans"] == "True"
    assert len(values) == sum(len(r["indicators"]) for r in rows) and values[0]["clause"]
    assert main(["audit", str(folder), "--backend", "rules", "-o", str(tmp_path / "a.jsonl")]) == 0
    assert len((tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()) == 2


def test_audit_errors(folder: Path, tmp_path: Path, capsys):
    (folder / "bad.txt").write_bytes(b"\x00\x01\x02" * 50)
    assert main(["audit", str(folder), "--backend", "rules", "-o", str(tmp_path / "a.jsonl")]) == 1
    assert "bad.txt" in capsys.readouterr().err and len((tmp_path / "a.jsonl").read_text().splitlines()) == 3
    for argv, code, word in (
        (["audit", str(folder), "-o", str(tmp_path / "a.txt")], 2, ".jsonl, .csv or .parquet"),
        (["audit", str(tmp_path / "nothing")], 1, "nothing"),
    ):
        assert main(argv + ["--backend", "rules"]) == code
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and word in err[0], err


def _results(reports: list[Report], path: Path) -> Path:
    fmt = path.suffix[1:]
    out = open_output(str(path), fmt)
    for r in reports:
        r.audit, r.indicators = audit_report(r), extract_indicators(r)
        out.write(r)
    out.close()
    return path


def test_compare_reads_every_format_and_writes_tables(tmp_path: Path, capsys):
    pd = pytest.importorskip("pandas")
    corpus = pairs_corpus()
    earlier = _results([r for r in corpus if r.meta.year == 2022], tmp_path / "2022.jsonl")
    later = _results([r for r in corpus if r.meta.year == 2023], tmp_path / "2023.csv")
    out = tmp_path / "tables"
    assert main(["compare", str(earlier), str(later), "-o", str(out)]) == 0
    assert capsys.readouterr().err.count("wrote ") == 4
    yoy = list(csv.DictReader((out / "year_over_year.csv").open(encoding="utf-8")))
    assert {(r["entity"], r["repeated"]) for r in yoy} == {("苇塘镇", "True"), ("杏林乡", "False")}
    assert next(r for r in yoy if r["entity"] == "苇塘镇")["repeated_paragraphs"].startswith("6:7;")
    (copy,) = csv.DictReader((out / "copying.csv").open(encoding="utf-8"))
    assert {copy["entity_a"], copy["entity_b"]} == {"苇塘镇", "荷岭乡"} and ":" in copy["copied_paragraphs"]
    corpus_rows = list(csv.DictReader((out / "corpus.csv").open(encoding="utf-8")))
    assert [(r["level"], r["year"], r["reports"]) for r in corpus_rows] == [
        ("township", "2022", "2"),
        ("township", "2023", "3"),
    ]
    assert "has_causes_low" in corpus_rows[0] and "theme_talent_shortage_high" in corpus_rows[0]
    fake = pairs_corpus()[1]
    fake.source, fake.meta.entity, fake.genre = "notice.txt", "某公司", 0.1  # a copy flagged as not a report
    other = _results([fake], tmp_path / "other.jsonl")
    argv = ["compare", str(earlier), str(later), str(other), "-o", str(out), "--format", "parquet", "--by", "county"]
    assert main(argv) == 0
    assert "left out 1 inputs that are not annual reports" in capsys.readouterr().err
    assert len(pd.read_parquet(out / "copying.parquet")) == 1
    df = pd.read_parquet(out / "corpus.parquet")
    assert df["county"].tolist() == ["临波县"] and df["reports"].tolist() == [5]
    assert len(pd.read_parquet(out / "reports.parquet")) == 5


def test_compare_errors(tmp_path: Path, capsys):
    results = _results(pairs_corpus()[:2], tmp_path / "r.jsonl")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    cases = [
        (["compare", str(tmp_path / "none.jsonl"), "-o", str(tmp_path / "t")], 1, "file not found"),
        (["compare", str(results), "-o", str(tmp_path / "file")], 1, "not a folder"),
        (["compare", str(results), "-o", str(tmp_path / "t"), "--by", "level,nope"], 2, "no column nope"),
    ]
    for argv, code, words in cases:
        assert main(argv) == code
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and words in err[0], err


def _annotated(r: Report, meta: dict | None = None) -> AnnotatedReport:
    m = {"entity": r.meta.entity, "county": r.meta.county, "year": r.meta.year, "level": r.meta.level} | (meta or {})
    return AnnotatedReport(
        r.source, [p.text for p in r.paragraphs], [p.section for p in r.paragraphs], [p.themes for p in r.paragraphs], m
    )


@pytest.fixture()
def gold_data(tmp_path: Path) -> Path:
    qf = report(QINGFENG_2023, entity="青枫镇", county="雁栖县", year=2023, source="qf-2023")
    sc = report(
        SHICHANG_2023, entity="雁栖县市场监督管理局", county="雁栖县", year=2023, level="department", source="sc-2023"
    )
    annotated = [_annotated(r) for r in [qf, sc, *pairs_corpus()]]
    paragraphs, meta = paragraphs_jsonl(annotated)
    (tmp_path / "paragraphs.jsonl").write_text(paragraphs, encoding="utf-8")
    (tmp_path / "reports.jsonl").write_text(meta, encoding="utf-8")
    parts = {"measures": True, "leadership": True, "shortcomings": True, "causes": True, "plans": True}
    gold = [
        {
            "report_id": "qf-2023",
            "parts": parts,
            "shortcoming_items": 3,
            "published": "2024-01-15",
            "indicators": [{"id": "disputes_handled", "value": 214}, {"id": "legal_aid_cases", "value": 7}],
        },
        {
            "report_id": "sc-2023",
            "parts": parts | {"leadership": False, "causes": True, "plans": False},  # causes: deliberately wrong
            "shortcoming_items": 4,
            "published": "2024-03-28",
            "indicators": [{"id": "enforcement_cases", "value": 120}],
        },
    ]
    (tmp_path / "measures_gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    pairs = [
        {"kind": "year_over_year", "earlier": "苇塘镇-2022", "later": "苇塘镇-2023", "planted": True},
        {"kind": "year_over_year", "earlier": "杏林乡-2022", "later": "杏林乡-2023", "planted": False},
        {"kind": "copying", "a": "苇塘镇-2023", "b": "荷岭乡-2023", "year": 2023, "planted": True},
        {"kind": "copying", "a": "杏林乡-2023", "b": "荷岭乡-2023", "year": 2023, "planted": False},
    ]
    (tmp_path / "measures_pairs.jsonl").write_text(
        "".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pairs), encoding="utf-8"
    )
    return tmp_path / "paragraphs.jsonl"


def test_evaluate_measures_with_gold_sections(gold_data: Path, capsys):
    base = ["evaluate", "--data", str(gold_data), "--sections-from-gold"]
    assert main(base + ["--task", "audit", "--json"]) == 0
    audit = json.loads(capsys.readouterr().out)
    assert audit["source"] == "gold sections" and audit["reports"] == 2
    assert audit["accuracy"]["parts.causes"] == 0.5 and audit["accuracy"]["parts.plans"] == 1.0
    assert audit["accuracy"]["published"] == 1.0 and audit["errors"]["parts.causes"][0]["report_id"] == "sc-2023"
    assert main(base + ["--task", "audit"]) == 0
    table = capsys.readouterr().out
    assert "parts.causes" in table and "1/2" in table and "wrong parts.causes: sc-2023" in table
    assert main(base + ["--task", "indicators", "--json"]) == 0
    ind = json.loads(capsys.readouterr().out)
    assert (ind["tp"], ind["fp"], ind["fn"]) == (2, 11, 1) and ind["per_id"]["legal_aid_cases"]["recall"] == 0.0
    assert main(base + ["--task", "indicators"]) == 0
    assert "all (id, value) pairs" in capsys.readouterr().out
    assert main(base + ["--task", "pairs", "--json"]) == 0
    pairs = json.loads(capsys.readouterr().out)
    assert pairs["summary"]["yoy_planted_flagged"] == "1/1" and pairs["summary"]["copying_planted_found"] == "1/1"
    assert pairs["summary"]["false_copying_pairs"] == 0 and pairs["reports"] == 7


def test_evaluate_measures_end_to_end_and_errors(gold_data: Path, tmp_path: Path, capsys):
    assert main(["evaluate", "--data", str(gold_data), "--task", "audit", "--backend", "rules"]) == 0
    assert "rules backend, 2 reports" in capsys.readouterr().out
    argv = ["evaluate", "--data", str(gold_data), "--task", "audit", "--gold", str(tmp_path / "none.jsonl")]
    assert main(argv) == 1
    assert "gold file not found" in capsys.readouterr().err
    (tmp_path / "other.jsonl").write_text(json.dumps({"report_id": "nowhere", "parts": {}}) + "\n", encoding="utf-8")
    assert main(argv[:-1] + [str(tmp_path / "other.jsonl")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not in the annotations" in err[0]
