"""Indicators (research-measures.md, section 2) on invented sentences and reports."""

from __future__ import annotations

import pytest
from measures_fixtures import QINGFENG_2023, SHICHANG_2023, report

from lawnlp.measures import INDICATOR_IDS, Indicator, extract_indicators


def values(text: str, year: int = 2023, section: str = "M") -> set[tuple[str, float]]:
    r = report(f"{section}|{text}", entity="青枫镇", year=year)
    return {(i.id, i.value) for i in extract_indicators(r)}


def test_report_values(tmp_path):
    found = extract_indicators(report(QINGFENG_2023, entity="青枫镇", year=2023))
    assert {(i.id, i.value) for i in found} == {
        ("law_study_sessions", 12),
        ("disputes_handled", 214),
        ("disputes_resolved", 209),
        ("mediation_success_rate", 97.7),
        ("publicity_events", 40),
        ("publicity_materials", 8500),
        ("enforcement_cases", 31),
        ("enforcement_fines", 2.6),
        ("legality_reviews", 45),
    }
    assert all(i.id in INDICATOR_IDS for i in found)
    by_id = {i.id: i for i in found}
    assert by_id["publicity_events"].approx is True and by_id["publicity_events"].unit == "次"
    assert by_id["disputes_handled"].approx is False and by_id["disputes_handled"].paragraph == 4
    assert "214件" in by_id["disputes_handled"].clause


def test_other_year_differences_and_targets_left_out():
    assert values("调解成功率97.7%，同比增长3.1%。") == {("mediation_success_rate", 97.7)}
    assert values("发放宣传资料8500份，较上年的6000份有所增加。") == {("publicity_materials", 8500)}
    assert values("受理行政复议案件12件，比上年增加5件。") == {("reconsideration_received", 12)}
    assert values("2022年办理行政处罚案件98件。") == set()
    assert values("力争全年开展普法活动60场次。") == set()
    assert values("开展普法活动60场次。", section="N") == set()  # plans: targets
    assert values("近三年累计办理法律援助案件300件。") == set()


def test_levels_are_kept_but_changes_are_not():
    assert values("行政诉讼败诉率下降至4.2%。") == {("litigation_loss_rate", 4.2)}
    assert values("行政诉讼败诉率下降2.1%。") == set()


def test_approx_chinese_numerals_and_units():
    r = report("M|开展普法活动40余次，发放宣传手册1.2万余份，会前学法十二次，罚款3500元。", year=2023)
    got = {i.id: i for i in extract_indicators(r)}
    assert (got["publicity_events"].value, got["publicity_events"].approx) == (40, True)
    assert (got["publicity_materials"].value, got["publicity_materials"].approx) == (12000, True)
    assert (got["law_study_sessions"].value, got["law_study_sessions"].unit) == (12, "次")
    assert got["enforcement_fines"].value == pytest.approx(0.35) and got["enforcement_fines"].unit == "万元"


def test_topic_carried_through_the_sentence():
    assert values(
        "受理行政复议案件12件、审结10件，直接纠错率8.3%；行政诉讼案件21件，行政机关负责人出庭应诉率100%。"
    ) == {
        ("reconsideration_received", 12),
        ("reconsideration_concluded", 10),
        ("reconsideration_correction_rate", 8.3),
        ("litigation_cases", 21),
        ("head_appearance_rate", 100),
    }
    assert values("调处矛盾纠纷356件、成功率98%；办理信访事项37件，按期办结率100%。") == {
        ("disputes_handled", 356),
        ("mediation_success_rate", 98),
    }


def test_vocabulary():
    assert values("审核规范性文件12件，废止规范性文件3件。") == {
        ("normative_documents_reviewed", 12),
        ("normative_documents_cleaned", 3),
    }
    assert values("公布重大行政决策事项目录5项，法律顾问覆盖率100%。") == {
        ("major_decisions", 5),
        ("legal_adviser_coverage", 100),
    }
    assert values("办理法律援助案件37件，审查规范性文件7件、合同协议109份。") == {
        ("legal_aid_cases", 37),
        ("normative_documents_reviewed", 7),
        ("legality_reviews", 109),
    }
    assert values("全镇化解矛盾纠纷66起。") == {("disputes_resolved", 66)}  # 起 -> 件


def test_counts_that_are_not_the_topic_left_out():
    assert values("依法不予处罚47件，主持集体讨论重大执法案件6件。") == set()
    assert values("开展规范性文件清理2次，开展执法检查213次。") == set()
    assert values("法律顾问全年审查合同协议67份、出具法律意见31份。") == {("legality_reviews", 67)}
    assert values("调处矛盾纠纷120件，其中婚姻家庭纠纷27件。") == {("disputes_handled", 120)}


def test_one_per_id_and_value():
    r = report("M|全年办理行政处罚案件31件。\nM|综上，办理行政处罚案件31件。", year=2023)
    assert [(i.id, i.value, i.paragraph) for i in extract_indicators(r)] == [("enforcement_cases", 31, 0)]


def test_department_report():
    got = extract_indicators(report(SHICHANG_2023, year=2023, level="department"))
    assert {(i.id, i.value) for i in got} == {
        ("enforcement_cases", 120),
        ("enforcement_fines", 36.5),
        ("reconsideration_received", 5),
        ("reconsideration_concluded", 4),
    }


def test_indicator_to_dict():
    i = Indicator("legal_aid_cases", 37.0, "件", 3, "办理法律援助案件37件", False, 3)
    assert i.to_dict() == {
        "id": "legal_aid_cases",
        "value": 37.0,
        "unit": "件",
        "paragraph": 3,
        "clause": "办理法律援助案件37件",
        "approx": False,
        "line": 3,
    }


def test_evaluate_indicators_counts_pairs():
    from lawnlp.measures import evaluate_indicators

    r = report(QINGFENG_2023, entity="青枫镇", year=2023, source="qf")
    gold = [
        {
            "report_id": "qf",
            "indicators": [{"id": "disputes_handled", "value": 214}, {"id": "legal_aid_cases", "value": 5}],
        }
    ]
    out = evaluate_indicators(gold, {"qf": r})
    assert (out["tp"], out["fn"], out["fp"]) == (1, 1, 8)
    assert out["per_id"]["disputes_handled"]["precision"] == 1.0 and out["per_id"]["legal_aid_cases"]["recall"] == 0.0
