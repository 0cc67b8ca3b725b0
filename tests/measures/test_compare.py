"""Tables across reports (research-measures.md, section 3) on invented reports: a planted year-over-year
repeat and a control, a planted copy between two bodies and a control, Wilson intervals."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from measures_fixtures import yearly

from lawnlp.measures import compare, wilson_interval

QF_MEASURES = {
    2022: """M|（一）镇党委把法治建设纳入年度目标考核，全年召开党委会专题研究法治工作5次，落实会前学法制度。
M|（二）在茶园片区设立巡回调解点，调解员每周两次进村，全年调处矛盾纠纷163件。
M|（三）为村集体经济合同建立台账，聘请律师逐份审查，纠正条款缺陷的合同21份。""",
    2023: """M|（一）青枫镇以“院坝说法”为载体，组织驻村律师在农闲时节进院坝讲解土地承包和继承知识，全年开展48场。
M|（二）镇综合执法队对河道采砂实行无人机巡查与群众举报相结合，办理行政处罚案件31件，罚没款2.6万元。
M|（三）建立重大事项合法性审查清单，未经镇法律顾问审查的合同一律不得提交党政联席会议，全年审查合同协议45份。""",
}
QF_SHORT = {
    2022: """S:talent_shortage|一是法治工作力量不足，镇司法所仅有工作人员2名，村级调解员多由村干部兼任，专业调解能力不强。
S:publicity_weak|二是普法针对性不强，茶园片区外来采茶工流动性大，普法宣传难以覆盖到人。
S:supervision_weak|三是考核督办偏软，对村级法治工作的年终考核以查阅台账为主，实地核查不够。""",
    2023: """S:talent_shortage|一是法治工作力量不足，镇司法所仅有工作人员3名，村级调解员多由村干部兼任，专业调解能力不强。
S:publicity_weak|二是普法针对性不强，茶园片区外来采茶工流动性大，普法宣传难以覆盖到人。
S:supervision_weak|三是考核督办偏软，对村级法治工作的年终考核以查阅台账为主，实地核查不够。""",
}
SL_MEASURES = {
    2022: """M|（一）乡政府与县人民法院共建诉源治理工作站，将山林界址纠纷引入诉前调解，调解成功率96%。
M|（二）乡综合执法队开展烟花爆竹非法储存专项整治，查扣违规产品并立案查处违法行为9件。""",
    2023: """M|（一）在乡中心小学开设“法治第一课”，由司法所长与派出所民警轮流授课，覆盖学生一千二百余人次。
M|（二）针对外出返乡人员集中的春节时段，设立劳务维权咨询台，协助追讨欠薪案件14件。""",
}
SL_SHORT = {
    2022: """S:resources_weak|一是乡村两级法治阵地设施陈旧，部分村法治文化墙多年未更新。
S:cadre_awareness|二是少数乡干部处理山林权属纠纷时习惯于行政调处，运用法律程序不够。""",
    2023: """S:enforcement_weak|一是综合执法队伍新组建，执法人员对赋权事项法律依据掌握不熟，文书制作不规范。
S:public_awareness|二是部分返乡务工人员维权意识强但守法意识弱，讨薪时有过激行为。""",
}


def _copy_of_qingfeng_2023() -> str:
    """白石镇's 2023 measures: 青枫镇's paragraphs with the name changed and the figures altered."""
    return (
        QF_MEASURES[2023]
        .replace("青枫镇", "白石镇")
        .replace("48场", "52场")
        .replace("31件", "19件")
        .replace("45份", "38份")
    )


LX_MEASURES = """M|（一）柳溪镇把古村落保护纳入村规民约，依法劝阻擅自拆改老宅行为，全年制止违规建设12处。
M|（二）镇政府对自来水厂改制实行公开听证，邀请群众代表和专家论证水价方案，听证意见全部公开回应。"""
LX_SHORT = """S:resources_weak|一是法治宣传阵地不足，部分村没有固定的法治宣传场所。"""


@pytest.fixture(scope="module")
def reports():
    return [
        yearly("青枫镇", "雁栖县", 2022, QF_SHORT[2022], QF_MEASURES[2022]),
        yearly("青枫镇", "雁栖县", 2023, QF_SHORT[2023], QF_MEASURES[2023]),
        yearly("松岭乡", "雁栖县", 2022, SL_SHORT[2022], SL_MEASURES[2022]),
        yearly("松岭乡", "雁栖县", 2023, SL_SHORT[2023], SL_MEASURES[2023]),
        yearly("白石镇", "云渡县", 2023, SL_SHORT[2022].replace("乡", "镇"), _copy_of_qingfeng_2023()),
        yearly("柳溪镇", "云渡县", 2023, LX_SHORT, LX_MEASURES),
    ]


@pytest.fixture(scope="module")
def comparison(reports):
    return compare(reports)


def test_year_over_year_planted_and_control(comparison):
    yoy = comparison.year_over_year.set_index("entity")
    assert set(yoy.index) == {"青枫镇", "松岭乡"}
    qf, sl = yoy.loc["青枫镇"], yoy.loc["松岭乡"]
    assert qf["year"] == 2023 and qf["earlier"] == "青枫镇-2022" and qf["later"] == "青枫镇-2023"
    assert qf["repeated_themes"] == ["talent_shortage", "publicity_weak", "supervision_weak"]
    assert qf["repeated_text"] > 0.8 and qf["repeated"]
    assert qf["dropped_themes"] == []
    assert sl["repeated_themes"] == [] and sl["repeated_text"] == 0 and not sl["repeated"]
    assert sl["dropped_themes"] == ["cadre_awareness", "resources_weak"]
    # 青枫镇's 2022 plans address talent_shortage and publicity_weak: both still named in 2023
    assert qf["plans_followed"] == 0.0
    # 松岭乡's 2022 plans address neither of its themes: nothing planned, nothing to follow
    assert pd.isna(sl["plans_followed"])


def test_copying_planted_pair_found_control_not(comparison):
    copies = comparison.copying
    pairs = {frozenset((a, b)) for a, b in zip(copies["entity_a"], copies["entity_b"])}
    assert frozenset(("青枫镇", "白石镇")) in pairs
    assert all("柳溪镇" not in p for p in pairs)
    assert len(pairs) == 1
    row = copies.iloc[0]
    assert row["year"] == 2023 and row["shared_share"] >= 0.6 and len(row["copied_paragraphs"]) >= 2


def test_report_table_and_corpus(comparison):
    table = comparison.reports
    assert len(table) == 6 and table["has_plans"].all()
    corpus = comparison.corpus(by=["year"])
    assert list(corpus["year"]) == [2022, 2023] and list(corpus["reports"]) == [2, 4]
    row = corpus.set_index("year").loc[2023]
    assert row["has_plans"] == 1.0 and row["has_plans_low"] == pytest.approx(wilson_interval(4, 4)[0])
    assert row["theme_resources_weak"] == pytest.approx(0.5)
    assert row["theme_resources_weak_low"] < 0.5 < row["theme_resources_weak_high"]


def test_wilson_matches_known_values():
    from scipy.stats import binomtest

    for k, n in [(0, 10), (3, 10), (10, 10), (41, 57), (1, 1000)]:
        ci = binomtest(k, n).proportion_ci(0.95, method="wilson")
        assert wilson_interval(k, n) == pytest.approx((ci.low, ci.high), abs=1e-9)
    assert wilson_interval(3, 10) == pytest.approx((0.1078, 0.6032), abs=1e-4)  # textbook value
    assert wilson_interval(0, 0) == (None, None)


def test_compare_reads_result_files(tmp_path, reports, comparison):
    path = tmp_path / "results.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for r in reports:
            fh.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
    again = compare([path])
    assert again.year_over_year["repeated"].tolist() == comparison.year_over_year["repeated"].tolist()
    assert len(again.copying) == len(comparison.copying) == 1
    mixed = compare([r.to_dict() for r in reports])
    assert mixed.reports["source"].tolist() == comparison.reports["source"].tolist()


def test_compare_reads_a_paragraph_table(tmp_path, reports, comparison):
    rows = [
        {
            "source": r.source,
            "entity": r.meta.entity,
            "county": r.meta.county,
            "year": r.meta.year,
            "level": r.meta.level,
            "index": p.index,
            "line": p.line,
            "text": p.text,
            "section": p.section,
            "themes": p.themes,
            "heading_level": p.heading_level,
        }
        for r in reports
        for p in r.paragraphs
    ]
    path = tmp_path / "results.parquet"
    pd.DataFrame(rows).to_parquet(path)
    again = compare([path])
    assert again.reports["shortcoming_items"].tolist() == comparison.reports["shortcoming_items"].tolist()
    assert len(again.copying) == 1 and again.year_over_year["repeated"].sum() == 1


def test_evaluate_pairs(comparison):
    from lawnlp.measures import evaluate_pairs

    gold = [
        {
            "kind": "year_over_year",
            "earlier": "青枫镇-2022",
            "later": "青枫镇-2023",
            "planted": True,
            "repeated_themes": ["talent_shortage", "publicity_weak", "supervision_weak"],
        },
        {
            "kind": "year_over_year",
            "earlier": "松岭乡-2022",
            "later": "松岭乡-2023",
            "planted": False,
            "repeated_themes": [],
        },
        {"kind": "copying", "a": "白石镇-2023", "b": "青枫镇-2023", "year": 2023, "planted": True},
        {"kind": "copying", "a": "柳溪镇-2023", "b": "青枫镇-2023", "year": 2023, "planted": False},
    ]
    out = evaluate_pairs(gold, comparison)
    assert out["summary"] == {
        "yoy_planted_flagged": "1/1",
        "yoy_controls_clear": "1/1",
        "yoy_themes_exact": "2/2",
        "copying_planted_found": "1/1",
        "false_copying_pairs": 0,
    }


def test_year_over_year_pairs_a_body_across_scripts():
    # the 2023 page prints the body's name in traditional characters: still the same body as in 2022
    later = yearly("青楓鎮", "雁棲縣", 2023, QF_SHORT[2023], QF_MEASURES[2023])
    yoy = compare([yearly("青枫镇", "雁栖县", 2022, QF_SHORT[2022], QF_MEASURES[2022]), later]).year_over_year
    assert len(yoy) == 1 and yoy.iloc[0]["entity"] == "青楓鎮" and yoy.iloc[0]["repeated"]
