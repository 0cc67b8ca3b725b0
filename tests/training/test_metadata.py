"""Metadata evaluation (lawnlp.training.metadata, lawnlp evaluate --task meta) on invented reports."""

from __future__ import annotations

import json

from lawnlp.annotations.schema import AnnotatedReport
from lawnlp.cli import main
from lawnlp.training.metadata import evaluate_meta, format_meta_table

LINES = ["云岭县青禾镇2024年法治政府建设工作报告", "一、主要举措", "全年调处矛盾纠纷38件。"]


def _report(rid: str, **meta) -> AnnotatedReport:
    return AnnotatedReport(rid, LINES, ["other", "measures", "measures"], [[], [], []], meta)


def test_fields_compared_with_the_annotation():
    right = _report("a", entity="青禾镇", county="云岭县", year=2024, level="township")
    wrong = _report("b", entity="青禾镇", county="", year=2023, level="township", published="2025-01-10")
    m = evaluate_meta([right, wrong])
    assert m["entity"] == {"accuracy": 1.0, "n": 2, "recall": 1.0, "named": 2}
    assert m["year"]["accuracy"] == 0.5 and ("b", "year", 2023, 2024) in m["errors"]
    # an empty annotation is None: the county found in the title is an error there, and not in recall
    assert m["county"] == {"accuracy": 0.5, "n": 2, "recall": 1.0, "named": 1}
    assert m["published"] == {"accuracy": 0.0, "n": 1, "recall": 0.0, "named": 1}  # only b has it
    assert "b year: annotated 2023, found 2024" in format_meta_table(m)


def test_evaluate_task_meta_on_the_command_line(tmp_path, capsys):
    with open(tmp_path / "paragraphs.jsonl", "w", encoding="utf-8") as f:
        for i, (text, section) in enumerate(zip(LINES, ["other", "measures", "measures"])):
            row = {"report_id": "qinghe-2024", "index": i, "text": text, "section": section, "themes": []}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    meta = {"report_id": "qinghe-2024", "entity": "青禾镇", "county": "云岭县", "year": 2024, "level": "township"}
    (tmp_path / "reports.jsonl").write_text(json.dumps(meta, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["evaluate", "--data", str(tmp_path / "paragraphs.jsonl"), "--task", "meta", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["reports"] == 1 and all(out[f]["accuracy"] == 1.0 for f in ("entity", "county", "year", "level"))
