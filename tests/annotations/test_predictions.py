"""lawnlp.annotations.predictions: analysed reports (Report objects or their dicts) as pre-annotated
Label Studio tasks (predictions with model_version) and doccano records (labels pre-filled), which the
importers read back to the same lines and labels once a person has accepted them."""

from __future__ import annotations

import json

from lawnlp.annotations.doccano import load_doccano
from lawnlp.annotations.label_studio import load_label_studio
from lawnlp.annotations.predictions import (
    doccano_predictions,
    export_predictions,
    label_studio_predictions,
    to_annotated,
)
from lawnlp.pipeline import Analyzer
from lawnlp.schema import Meta, Report

from invented_reports import QINGHE, SHUIWU


def plain(source: str) -> str:
    return "\n".join(line.split("|", 1)[1] for line in source.splitlines())


def analysed() -> list[Report]:
    analyzer = Analyzer(backend="rules")
    return [
        analyzer.analyze(plain(QINGHE), name="in/qinghe.txt"),
        analyzer.analyze(plain(SHUIWU), name="in/shuiwu.txt"),
        Report(source="in/bad.txt", meta=Meta(), paragraphs=[], error="in/bad.txt: binary data"),
    ]


def test_one_annotation_line_per_source_line():
    report = analysed()[0]
    ann = to_annotated(report, "qinghe")
    assert ann.texts == [line for line in plain(QINGHE).splitlines() if line.strip()]
    assert ann.sections == report.line_sections()
    assert all(not t or s == "shortcomings" for s, t in zip(ann.sections, ann.themes))
    assert ann.meta["entity"] == report.meta.entity and ann.meta["brief"] == report.brief.text
    assert to_annotated(report.to_dict(), "qinghe") == ann  # a JSONL line converts the same


def test_label_studio_tasks_carry_predictions_not_annotations(tmp_path):
    reports = analysed()
    tasks = label_studio_predictions(reports)
    assert [t["data"]["report_id"] for t in tasks] == ["qinghe", "shuiwu"]  # the failed report is left out
    for task, report in zip(tasks, reports):
        assert "annotations" not in task and task["data"]["source"] == report.source
        [pred] = task["predictions"]
        assert pred["model_version"] == "lawnlp 0.1.0 rules rules"
        sections = [r["value"]["labels"][0] for r in pred["result"] if r["from_name"] == "section"]
        assert sections == report.line_sections()
    # A person accepts the predictions: Label Studio exports them as annotations, and they import back.
    for task in tasks:
        task["annotations"] = [{"id": 1, "result": task.pop("predictions")[0]["result"]}]
    (tmp_path / "done.json").write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    back = load_label_studio(tmp_path / "done.json")
    assert [b.sections for b in back] == [r.line_sections() for r in reports[:2]]
    assert back[0].meta["entity"] == "青禾镇" and back[1].meta["entity"] == reports[1].meta.entity


def test_doccano_records_are_prefilled_and_import_back(tmp_path):
    reports = analysed()
    records = doccano_predictions([r.to_dict() for r in reports])
    assert len(records) == 2 and records[0]["model_version"].startswith("lawnlp ")
    path, n = export_predictions(reports, tmp_path / "tasks.jsonl", "doccano")
    assert n == 2
    back = load_doccano(path)
    assert [b.report_id for b in back] == ["qinghe", "shuiwu"]
    assert [b.sections for b in back] == [r.line_sections() for r in reports[:2]]
    assert [b.themes for b in back][0] == to_annotated(reports[0], "qinghe").themes


def test_same_file_names_get_distinct_ids(tmp_path):
    report = analysed()[0]
    other = Analyzer(backend="rules").analyze(plain(QINGHE), name="elsewhere/qinghe.txt")
    path, n = export_predictions([report, other], tmp_path / "t.json", "label-studio")
    ids = [t["data"]["report_id"] for t in json.loads(path.read_text(encoding="utf-8"))]
    assert n == 2 and ids == ["qinghe", "qinghe-2"]
