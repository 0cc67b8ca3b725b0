"""The research measures in the row layout (lawnlp.rows, lawnlp.outputs.frames): audit columns on report
rows, the long indicator table, and every result format keeping the audit's report-level fields and the
indicators (invented reports, no models)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from measures_fixtures import QINGFENG_2023, SHICHANG_2023, report

from lawnlp import Audit, Indicator, to_frame
from lawnlp.measures import audit_report, extract_indicators, load_reports
from lawnlp.outputs.writers import open_output
from lawnlp.rows import AUDIT_COLUMNS, INDICATOR_ROW_COLUMNS, REPORT_ROW_COLUMNS, read_results, result_fields
from lawnlp.schema import Meta, Report


def _measured(r: Report) -> Report:
    r.audit, r.indicators = audit_report(r), extract_indicators(r)
    return r


@pytest.fixture(scope="module")
def reports() -> list[Report]:
    return [
        _measured(report(QINGFENG_2023, entity="青枫镇", county="雁栖县", year=2023, source="qf.txt")),
        _measured(report(SHICHANG_2023, entity="雁栖县市场监督管理局", year=2023, level="department", source="sc.txt")),
        Report(source="bad.txt", meta=Meta(), paragraphs=[], error="bad.txt: binary data, not a text report"),
    ]


def test_report_frame_has_the_audit_columns(reports):
    df = to_frame(reports, level="report")
    assert list(df.columns) == list(REPORT_ROW_COLUMNS) and set(AUDIT_COLUMNS) <= set(df.columns)
    qf, sc, bad = df.to_dict("records")
    assert [qf[f"part_{p}"] for p in ("measures", "leadership", "shortcomings", "causes", "plans")] == [True] * 5
    assert qf["missing"] == [] and sc["missing"] == ["leadership", "causes", "plans"]
    assert qf["shortcoming_items"] == 3 and qf["specificity_mean"] == pytest.approx(1.0)
    assert qf["published"] == "2024-01-15" and qf["on_time"] is True  # the signature date, found by the audit
    assert sc["plan_coverage"] == 0.0 and sc["unaddressed"] == ["enforcement_weak", "decision_review_weak"]
    assert qf["chars_measures"] == reports[0].audit.chars["measures"]
    assert bad["part_measures"] is None and bad["missing"] is None  # a failed report has no audit


def test_indicator_frame_is_long(reports):
    df = to_frame(reports, level="indicator")
    assert list(df.columns) == list(INDICATOR_ROW_COLUMNS)
    assert len(df) == len(reports[0].indicators) + len(reports[1].indicators)
    row = df[(df["source"] == "qf.txt") & (df["id"] == "disputes_handled")].iloc[0]
    assert (row["value"], row["unit"], row["entity"], row["year"]) == (214, "件", "青枫镇", 2023)
    assert "矛盾纠纷" in row["clause"] and row["paragraph"] == 4 and not row["approx"]
    events = df[(df["source"] == "qf.txt") & (df["id"] == "publicity_events")].iloc[0]
    assert events["approx"] and events["value"] == 40
    with pytest.raises(ValueError, match="indicator"):
        to_frame(reports, level="sentence")


def _write(reports: list[Report], path: Path, fmt: str) -> Path:
    out = open_output(str(path), fmt)
    for r in reports:
        out.write(r)
    out.close()
    return path


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_every_format_keeps_the_audit_fields_and_the_indicators(reports, tmp_path: Path, fmt: str):
    jsonl = [r for r in read_results(_write(reports, tmp_path / "r.jsonl", "jsonl"))]
    table = list(read_results(_write(reports, tmp_path / f"r.{fmt}", fmt)))
    assert [result_fields(r) for r in jsonl] == [result_fields(r) for r in table]
    assert jsonl[0]["audit"] == reports[0].audit.to_dict()  # JSONL: the whole audit (items, evidence)
    assert table[0]["indicators"] == [i.to_dict() for i in reports[0].indicators]
    assert table[0]["audit"]["parts"]["causes"] is True and table[0]["audit"]["shortcoming_items"] == 3
    assert "items" not in table[0]["audit"] and table[2]["audit"] is None
    for level in ("report", "indicator"):
        assert to_frame(tmp_path / f"r.{fmt}", level=level).equals(to_frame(tmp_path / "r.jsonl", level=level))


def test_reports_read_back_carry_typed_measures(reports, tmp_path: Path):
    path = _write(reports, tmp_path / "r.jsonl", "jsonl")
    first = load_reports([path])[0]
    assert isinstance(first.audit, Audit) and first.audit == reports[0].audit
    assert all(isinstance(i, Indicator) for i in first.indicators) and first.indicators == reports[0].indicators
    assert json.loads(json.dumps(first.to_dict()))["audit"]["missing"] == []
    # CSV keeps the report-level fields only: the audit is computed again from the paragraphs.
    again = load_reports([_write(reports, tmp_path / "r.csv", "csv")])[0]
    assert again.audit is None and again.indicators == reports[0].indicators


def test_a_paragraph_table_written_by_pandas_is_read(reports, tmp_path: Path):
    df = to_frame(reports[:2]).drop(columns=["n_paragraphs", "indicators"])
    df.to_csv(tmp_path / "p.csv", index=False)
    df.to_parquet(tmp_path / "p.parquet")
    for name in ("p.csv", "p.parquet"):
        got = load_reports([tmp_path / name])
        assert [r.source for r in got] == ["qf.txt", "sc.txt"]
        assert [len(r.paragraphs) for r in got] == [len(r.paragraphs) for r in reports[:2]]
        assert audit_report(got[0]).shortcoming_items == 3 and got[0].paragraphs[9].themes == ["talent_shortage"]
