"""The audit of one report (research-measures.md, section 1) on invented reports."""

from __future__ import annotations

import json

import pytest
from measures_fixtures import QINGFENG_2023, SHICHANG_2023, SONGLING_2023, report

from lawnlp.measures import Audit, audit_report, shortcoming_items
from lawnlp.measures.boilerplate import BoilerplateReference


@pytest.fixture
def qingfeng():
    return report(QINGFENG_2023, entity="青枫镇", county="雁栖县", year=2023)


def test_complete_report(qingfeng):
    a = audit_report(qingfeng)
    assert a.parts == {"measures": True, "leadership": True, "shortcomings": True, "causes": True, "plans": True}
    assert a.missing == []
    assert a.evidence["causes"] == [12]  # 究其原因，… decided it
    assert a.evidence["leadership"] == [3]


def test_missing_parts_in_contract_order():
    a = audit_report(
        report(SHICHANG_2023, entity="雁栖县市场监督管理局", county="雁栖县", year=2023, level="department")
    )
    assert a.missing == ["leadership", "causes", "plans"]
    assert a.plan_coverage == 0.0 and a.unaddressed == ["enforcement_weak", "decision_review_weak"]


def test_no_plans_part():
    text = "\n".join(line for line in QINGFENG_2023.splitlines() if not line.startswith("N|"))
    a = audit_report(report(text, entity="青枫镇", year=2023))
    assert a.missing == ["plans"]
    assert a.plan_coverage == 0.0


def test_order_independent(qingfeng):
    lines = QINGFENG_2023.strip().splitlines()
    plans = [ln for ln in lines if ln.startswith("N|")]
    moved = report("\n".join(plans + [ln for ln in lines if not ln.startswith("N|")]), entity="青枫镇", year=2023)
    a, b = audit_report(qingfeng), audit_report(moved)
    assert (a.parts, a.missing, a.shortcoming_items, a.unaddressed) == (
        b.parts,
        b.missing,
        b.shortcoming_items,
        b.unaddressed,
    )


def test_items_list_markers_intro_and_cause_left_out(qingfeng):
    a = audit_report(qingfeng)
    assert a.shortcoming_items == 3  # 一是 二是 三是; intro and 究其原因 not counted
    assert a.specificity == [2, 1, 0]  # figure; a concrete group; a stock phrase
    assert a.specificity_mean == pytest.approx(1.0)
    assert [it.paragraphs for it in a.items] == [(9,), (10,), (11,)]


def test_items_subheading_with_body_and_listed_body():
    r = report(SHICHANG_2023, entity="雁栖县市场监督管理局", year=2023, level="department")
    items = shortcoming_items(r)
    # （一） heading + body is one item; （二）'s body lists 一是/二是, which count instead
    assert [ps for _, ps in items] == [[6, 7], [9], [9]]


def test_items_semicolon_chain_and_cause_subsection():
    a = audit_report(report(SONGLING_2023, entity="松岭乡", year=2023))
    assert a.shortcoming_items == 3  # three problems chained with ；; 原因分析 items left out
    assert a.parts["causes"] is True
    assert a.parts["shortcomings"] and a.missing == []


def test_heading_levels_from_pipeline_are_used():
    r = report(SHICHANG_2023, entity="雁栖县市场监督管理局", year=2023, level="department")
    for p in r.paragraphs:
        if p.text.startswith("（"):
            p.heading_level = 2
    assert audit_report(r).shortcoming_items == 3


def test_published_and_on_time():
    a = audit_report(report(SHICHANG_2023, year=2023, level="department"))
    assert a.published == "2024-03-28"  # furniture date; the site clock (星期二) is ignored
    assert a.on_time is True and a.evidence["published"] == [1]
    late = audit_report(report(SONGLING_2023, entity="松岭乡", year=2023))
    assert late.published == "2024-05-20" and late.on_time is False
    assert audit_report(report(SONGLING_2023, year=None)).on_time is None


def test_published_from_metadata_wins():
    a = audit_report(report(SONGLING_2023, entity="松岭乡", year=2023, published="2024-03-30"))
    assert a.published == "2024-03-30" and a.on_time is True and a.evidence["published"] == []


def test_chars_ratio_and_figures(qingfeng):
    a = audit_report(qingfeng)
    measures = sum(len(p.text) for p in qingfeng.paragraphs if p.section == "measures")
    assert a.chars["measures"] == measures and set(a.chars) >= {"preamble", "other"}
    assert a.shortcoming_ratio == pytest.approx(a.chars["shortcomings"] / measures)
    # 214件 209件 97.7% 3.1% 40余次 8500份 6000份 31件 2.6万元 45份
    assert a.figures_per_1000 == pytest.approx(10 * 1000 / measures)


def test_boilerplate_share_with_a_reference(qingfeng):
    ref = BoilerplateReference({"现将有关情况报告如下": 40}, reports=100)
    a = audit_report(qingfeng, ref)
    assert 0 < a.boilerplate_share < 0.2 and a.evidence["boilerplate_share"] == [1]
    assert audit_report(qingfeng, BoilerplateReference({}, 0)).boilerplate_share is None


def test_to_dict_round_trip(qingfeng):
    a = audit_report(qingfeng)
    d = json.loads(json.dumps(a.to_dict(), ensure_ascii=False))
    assert d["parts"]["causes"] is True and d["items"][0]["specificity"] == 2
    assert Audit.from_dict(d) == a


def test_evaluate_audit(qingfeng):
    from lawnlp.measures import evaluate_audit

    gold = [
        {
            "report_id": "qf",
            "parts": {"measures": True, "leadership": True, "shortcomings": True, "causes": False, "plans": True},
            "shortcoming_items": 4,
            "published": "2024-01-15",
        }
    ]
    out = evaluate_audit(gold, {"qf": qingfeng})
    assert out["accuracy"]["parts.measures"] == 1.0 and out["accuracy"]["parts.causes"] == 0.0
    assert out["accuracy"]["shortcoming_items_within_one"] == 1.0 and out["accuracy"]["shortcoming_items_exact"] == 0.0
    assert out["errors"]["parts.causes"] == [{"report_id": "qf", "got": True, "gold": False}]
