"""Label Studio and doccano: round trips, sniffing, and errors that name file, task and line."""

from __future__ import annotations

import copy
import json
import xml.dom.minidom
from pathlib import Path

import pytest

from lawnlp.annotations import AnnotatedReport, load_annotations, load_corpus, write_lawnlp
from lawnlp.annotations.doccano import export_doccano, load_doccano, to_doccano
from lawnlp.annotations.label_studio import export_label_studio, label_studio_config, to_label_studio
from lawnlp.annotations.tools import load_export, sniff
from lawnlp.errors import ReportError
from lawnlp.labels import LEVELS, SECTION_IDS, THEME_IDS

from paths import CORPUS

EXPORT = {"label_studio": export_label_studio, "doccano": export_doccano}


def _report(rid: str, **meta) -> AnnotatedReport:
    rows = [
        ("仁沙镇2024年法治政府建设工作报告", "other", []),
        ("县委、县政府：", "other", []),
        ("2024年，仁沙镇在县委、县政府的坚强领导下……现将有关情况报告如下：", "preamble", []),
        ("一、2024年法治政府建设主要举措和成效", "measures", []),
        ("（一）党政主要负责人履行推进法治建设第一责任人职责情况", "leadership", []),
        ("  镇党委书记带头讲法治课2次，“𠮷”字旁注。", "leadership", []),
        ("二、存在的不足和原因", "shortcomings", []),
        ("（一）法治队伍力量薄弱", "shortcomings", ["talent_shortage"]),
        (
            "一是法治人才不足；二是干部重业务轻法治，經費不足。",
            "shortcomings",
            ["cadre_awareness", "talent_shortage", "resources_weak"],
        ),
        ("三、2025年工作安排 ", "plans", []),
        ("丰都县仁沙镇人民政府", "other", []),
    ]
    m = {
        "report_id": rid,
        "entity": "仁沙镇",
        "county": "丰都县",
        "year": 2024,
        "level": "township",
        "brief": "仁沙镇2024年：带头讲法治课2次；不足：法治人才不足。",
    }
    m.update(meta)
    return AnnotatedReport(rid, [r[0] for r in rows], [r[1] for r in rows], [list(r[2]) for r in rows], m)


def _key(reports: list[AnnotatedReport]) -> list[tuple]:
    return [(r.report_id, r.texts, r.sections, r.themes, r.meta) for r in reports]


@pytest.fixture
def reports() -> list[AnnotatedReport]:
    return [_report("renshazhen-2024"), _report("x-20xx", county=None, year=None, level="unknown", brief=None)]


@pytest.mark.parametrize("tool", ["label_studio", "doccano"])
def test_round_trip(tool: str, reports: list[AnnotatedReport], tmp_path: Path) -> None:
    path = tmp_path / ("export.json" if tool == "label_studio" else "export.jsonl")
    EXPORT[tool](reports, path)
    assert sniff(path) == tool
    back = load_export(path)
    assert _key(back) == _key(reports)
    assert _key(load_annotations(path)) == _key(reports)


@pytest.mark.parametrize("tool", ["label_studio", "doccano"])
def test_round_trip_without_meta(tool: str, tmp_path: Path) -> None:
    r = _report("bare")
    r.meta = {}
    path = EXPORT[tool]([r], tmp_path / f"e.{tool}")
    assert _key(load_export(path)) == _key([r])


def test_real_corpus_round_trip(tmp_path: Path) -> None:
    if not CORPUS.exists():
        pytest.skip("training/data/paragraphs.jsonl not built")
    reports = load_corpus(CORPUS)
    for tool in ("label_studio", "doccano"):
        path = EXPORT[tool](reports, tmp_path / f"all.{tool}")
        assert _key(load_export(path)) == _key(reports)


def test_write_lawnlp_validates(reports: list[AnnotatedReport], tmp_path: Path) -> None:
    r = _report("bare")
    r.meta = {}
    paragraphs, meta = write_lawnlp(reports + [r], tmp_path / "p.jsonl")
    assert meta == tmp_path / "reports.jsonl"
    back = load_corpus(paragraphs)
    assert _key(back[:2]) == _key(reports)
    assert back[2].meta["level"] == "unknown" and back[2].meta["entity"] is None


def test_label_studio_format(reports: list[AnnotatedReport]) -> None:
    task = to_label_studio(reports[:1])[0]
    assert task["data"]["report_id"] == "renshazhen-2024"
    assert task["data"]["text"] == "\n".join(reports[0].texts)
    result = task["annotations"][0]["result"]
    sections = [x for x in result if x["from_name"] == "section"]
    themes = [x for x in result if x["from_name"] == "themes"]
    assert len(sections) == 11 and all(x["type"] == "labels" for x in sections + themes)
    assert [x["value"]["labels"] for x in themes] == [
        ["talent_shortage"],
        ["cadre_awareness", "talent_shortage", "resources_weak"],
    ]
    by_id = {x["id"]: x for x in sections}
    for t in themes:  # same region as the line's section span
        assert by_id[t["id"]]["value"]["start"] == t["value"]["start"]
    text = task["data"]["text"]
    for x in sections:
        assert text[x["value"]["start"] : x["value"]["end"]] == x["value"]["text"]
    meta = {x["from_name"]: x for x in result if x["type"] in ("textarea", "choices")}
    assert meta["level"]["value"] == {"choices": ["township"]} and meta["year"]["value"] == {"text": ["2024"]}
    assert set(meta) == {"entity", "county", "year", "level", "brief"}


def test_label_studio_config_matches() -> None:
    cfg = label_studio_config()
    dom = xml.dom.minidom.parseString(cfg)
    names = {
        e.getAttribute("name"): e
        for tag in ("Labels", "TextArea", "Choices", "Text")
        for e in dom.getElementsByTagName(tag)
    }
    assert set(names) == {"section", "themes", "entity", "county", "year", "published", "brief", "level", "text"}
    values = lambda e, tag: [x.getAttribute("value") for x in e.getElementsByTagName(tag)]
    assert values(names["section"], "Label") == list(SECTION_IDS)
    assert values(names["themes"], "Label") == list(THEME_IDS)
    assert values(names["level"], "Choice") == list(LEVELS)
    assert names["text"].getAttribute("value") == "$text"


def test_doccano_format(reports: list[AnnotatedReport]) -> None:
    rec = to_doccano(reports[:1])[0]
    assert rec["report_id"] == "renshazhen-2024" and rec["level"] == "township" and rec["year"] == 2024
    labels = rec["label"]
    assert sum(1 for x in labels if not x[2].startswith("theme:")) == 11
    assert [x[2] for x in labels if x[2].startswith("theme:")] == [
        "theme:talent_shortage",
        "theme:cadre_awareness",
        "theme:talent_shortage",
        "theme:resources_weak",
    ]


def test_doccano_entities_form_and_multiline_span(tmp_path: Path) -> None:
    text = "标题\n\n一、举措\n做了很多工作。\n二、不足\n人才不足。"
    rec = {
        "text": text,
        "report_id": "r",
        "level": "county",
        "entities": [
            {"id": 1, "label": "other", "start_offset": 0, "end_offset": 2},
            {"id": 2, "label": "measures", "start_offset": 4, "end_offset": 16},  # two whole lines
            {"id": 3, "label": "shortcomings", "start_offset": 17, "end_offset": 27},
            {"id": 4, "label": "theme:talent_shortage", "start_offset": 22, "end_offset": 27},
        ],
    }
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    [r] = load_export(path)
    assert r.texts == ["标题", "一、举措", "做了很多工作。", "二、不足", "人才不足。"]
    assert r.sections == ["other", "measures", "measures", "shortcomings", "shortcomings"]
    assert r.themes == [[], [], [], [], ["talent_shortage"]]
    assert r.meta["level"] == "county" and r.meta["year"] is None


def test_label_studio_utf16_offsets(tmp_path: Path) -> None:
    r = _report("u")
    tasks = to_label_studio([r])
    text = tasks[0]["data"]["text"]
    for res in tasks[0]["annotations"][0]["result"]:
        v = res["value"]
        if "start" in v:  # rewrite as UTF-16 code units, as some Label Studio front ends count
            v["start"] = len(text[: v["start"]].encode("utf-16-le")) // 2
            v["end"] = len(text[: v["end"]].encode("utf-16-le")) // 2
    path = tmp_path / "u.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    assert _key(load_export(path)) == _key([r])


def test_unannotated_tasks_skipped(tmp_path: Path) -> None:
    tasks = to_label_studio([_report("a"), _report("b")])
    tasks[1]["annotations"] = []
    path = tmp_path / "t.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    with pytest.warns(UserWarning, match="1 task"):
        assert [r.report_id for r in load_export(path)] == ["a"]


def test_sniff(tmp_path: Path) -> None:
    lawnlp_file = tmp_path / "p.jsonl"
    lawnlp_file.write_text(
        json.dumps({"report_id": "r", "index": 0, "text": "x", "section": "other", "themes": []}) + "\n",
        encoding="utf-8",
    )
    other = tmp_path / "o.json"
    other.write_text('{"a": 1}', encoding="utf-8")
    assert sniff(lawnlp_file) is None and sniff(other) is None
    assert sniff(tmp_path / "missing.json") is None
    with pytest.raises(ReportError, match="not a Label Studio"):
        load_export(other)


# --------------------------------------------------------------------------- errors


def _ls_file(tmp_path: Path, mutate) -> Path:
    tasks = to_label_studio([_report("a"), _report("b")])
    mutate(tasks[1]["annotations"][0]["result"])
    path = tmp_path / "ls.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    return path


def _set(result: list, line: int, name: str, **value) -> None:
    res = [x for x in result if x["id"] == f"r{line}" and x["from_name"] == name][0]
    res["value"].update(value)


@pytest.mark.parametrize(
    "mutate, words, line",
    [
        (
            lambda res: _set(res, 3, "section", start=[x for x in res if x["id"] == "r3"][0]["value"]["start"] + 2),
            "does not align",
            4,
        ),
        (lambda res: _set(res, 3, "section", labels=["results"]), "unknown section id 'results'", 4),
        (lambda res: _set(res, 7, "themes", labels=["lack_of_money"]), "unknown theme id 'lack_of_money'", 8),
        (
            lambda res: res.append(
                {
                    **copy.deepcopy([x for x in res if x["id"] == "r7" and x["from_name"] == "themes"][0]),
                    "value": {**[x for x in res if x["id"] == "r3"][0]["value"], "labels": ["talent_shortage"]},
                }
            ),
            "themes on a 'measures' line",
            4,
        ),
        (lambda res: res.remove([x for x in res if x["id"] == "r9"][0]), "no section label", 10),
    ],
)
def test_label_studio_errors(tmp_path: Path, mutate, words: str, line: int) -> None:
    path = _ls_file(tmp_path, mutate)
    with pytest.raises(ReportError) as err:
        load_export(path)
    msg = str(err.value)
    assert err.value.source == str(path) and str(path) in msg
    assert "task 2" in msg and "'b'" in msg and f"report line {line}" in msg and words in msg


def _dc_file(tmp_path: Path, mutate) -> Path:
    recs = to_doccano([_report("a"), _report("b")])
    mutate(recs[1])
    path = tmp_path / "dc.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "mutate, words, line",
    [
        (lambda rec: rec["label"][3].__setitem__(1, rec["label"][3][1] - 3), "does not align", 4),
        (lambda rec: rec["label"][3].__setitem__(2, "results"), "unknown section id", 4),
        (lambda rec: rec["label"].append([*rec["label"][3][:2], "theme:lack_of_money"]), "unknown theme id", 4),
        (lambda rec: rec["label"].append([*rec["label"][3][:2], "theme:resources_weak"]), "themes on a 'measures'", 4),
        (lambda rec: rec["label"].append([*rec["label"][3][:2], "plans"]), "two sections on one line", 4),
        (lambda rec: rec.update(level="village"), "unknown level", None),
        (lambda rec: rec.update(year="二〇二四"), "year", None),
    ],
)
def test_doccano_errors(tmp_path: Path, mutate, words: str, line: int | None) -> None:
    path = _dc_file(tmp_path, mutate)
    with pytest.raises(ReportError) as err:
        load_export(path)
    msg = str(err.value)
    assert err.value.source == str(path) and err.value.line == 2 and f"{path}:2:" in msg
    assert "'b'" in msg and words in msg
    if line is not None:
        assert f"report line {line}" in msg


def test_bad_json_names_line(tmp_path: Path) -> None:
    path = tmp_path / "dc.jsonl"
    recs = to_doccano([_report("a")])
    path.write_text(json.dumps(recs[0], ensure_ascii=False) + '\n{"text": \n', encoding="utf-8")
    with pytest.raises(ReportError) as err:
        load_doccano(path)
    assert err.value.line == 2 and "bad JSON" in str(err.value)
