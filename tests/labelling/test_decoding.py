"""Document-level decoding: part-naming headings, heading groups, list items."""

import numpy as np

from lawnlp.labelling.decoding import smooth_sections, split_items
from lawnlp.labelling.parts import heading_part
from lawnlp.labels import SECTION_IDS
from lawnlp.text.structure import parse


def _proba(rows):
    out = np.full((len(rows), len(SECTION_IDS)), 0.02)
    for i, (label, p) in enumerate(rows):
        out[i, SECTION_IDS.index(label)] = p
    return out / out.sum(axis=1, keepdims=True)


def test_heading_part_keywords():
    assert heading_part("二、存在的问题和不足", 1) == "shortcomings"
    assert heading_part("三、下一步工作打算", 1) == "plans"
    assert heading_part("一、党政主要负责人履行推进法治建设第一责任人职责情况", 1) == "leadership"
    assert heading_part("（一）主要做法。", 2) == "measures"
    assert heading_part("二、存在问题和下一步工作打算", 1) is None  # names two parts
    assert heading_part("（三）着力解决群众关心的急难愁盼事项和历史遗留难题", 2) is None  # long sub-heading


def test_part_heading_bounds_what_lies_under_it():
    ps = parse("一、主要做法\n1、发挥法律顾问作用\n聘请律师担任法律顾问。\n二、下一步工作打算\n加强队伍建设。")
    # the model wrongly thinks the measures items are plans, weakly; the part heading outweighs it
    proba = _proba([("measures", 0.9), ("plans", 0.5), ("plans", 0.5), ("plans", 0.9), ("plans", 0.9)])
    assert smooth_sections(ps, proba, SECTION_IDS) == ["measures", "measures", "measures", "plans", "plans"]


def test_heading_group_takes_one_label_and_other_stays():
    ps = parse("（一）履行第一责任人职责\n召开会议6次。\n研究部署工作。\n某镇人民政府")
    proba = _proba([("leadership", 0.9), ("measures", 0.5), ("leadership", 0.8), ("other", 0.95)])
    assert smooth_sections(ps, proba, SECTION_IDS) == ["leadership", "leadership", "leadership", "other"]


def test_split_items():
    text = "但仍存在一些薄弱环节，主要表现在：一是法治宣传教育的覆盖面不够广，部分群众对法律法规了解不全面。二是执法队伍整体素质有待提高。三是学习主动性不够，形式单一。"
    items = split_items(text)
    assert len(items) == 4 and items[1].startswith("一是") and items[3].startswith("三是")
    assert split_items("一是人才不足。") == []


def test_next_year_wording_inside_a_heading_group_starts_the_plans_part():
    # the last problem's heading is followed, without a new heading, by 下一步 and the plans: the problem
    # keeps its label although the plans outnumber it in the heading's group
    ps = parse(
        "二、存在的问题和下一步打算\n（一）执法力量不足。\n乡镇执法队伍仅3人。\n（二）政务公开质量参差不齐。\n"
        "部分网站更新不及时。\n下一步，我们将重点做好以下工作：一是充实执法力量。\n二是推进精准普法。\n三是加强政务公开。"
    )
    proba = _proba(
        [("shortcomings", 0.6), ("shortcomings", 0.9), ("shortcomings", 0.9), ("shortcomings", 0.9)]
        + [("shortcomings", 0.9), ("plans", 0.97), ("plans", 0.97), ("plans", 0.97)]
    )
    assert smooth_sections(ps, proba, SECTION_IDS) == ["shortcomings"] * 5 + ["plans"] * 3


def test_opening_formula_is_the_preamble_on_a_page_without_a_title():
    # no title line: the page opens with the short formula sentence; the model thinks it is a title (other)
    ps = parse("按照上级要求，现将我镇本年度工作情况报告如下。\n一、主要做法\n召开会议6次。")
    proba = _proba([("other", 0.8), ("measures", 0.9), ("measures", 0.9)])
    assert smooth_sections(ps, proba, SECTION_IDS) == ["preamble", "measures", "measures"]
    # a short line without the formula stays where the model and the head put it
    ps = parse("某镇人民政府\n一、主要做法\n召开会议6次。")
    assert smooth_sections(ps, proba, SECTION_IDS)[0] == "other"


def test_cover_letter_sentence_is_the_preamble_though_the_model_says_other():
    ps = parse(
        "省委、省人民政府：\n根据《关于报送年度报告的通知》要求，现将《云州市2023年度法治政府建设情况的报告》呈报，请予审阅。\n"
        "云州市人民政府\n一、主要举措\n调解纠纷12件。"
    )
    proba = _proba([("other", 0.99), ("other", 0.98), ("other", 0.99), ("measures", 0.9), ("measures", 0.9)])
    assert smooth_sections(ps, proba, SECTION_IDS)[1] == "preamble"


def test_a_numbered_heading_is_never_the_preamble_nor_shortcomings_without_a_problem_word():
    # the first part's heading reads as framing; the model is sure it is the preamble
    ps = parse(
        "2023年，全市坚持以习近平法治思想为指导，扎实推进法治政府建设，各项工作取得新成效。\n"
        "一、以习近平法治思想为指引，努力推动法治政府建设迈上新台阶\n（一）认真学习。\n全年学法12次。"
    )
    proba = _proba([("preamble", 0.9), ("preamble", 0.99), ("measures", 0.9), ("measures", 0.9)])
    proba[1] = [0.99, 0.003, 0.002, 0.004, 0.0005, 0.0005]  # shortcomings next after the preamble
    assert SECTION_IDS[:4] == ("preamble", "measures", "leadership", "shortcomings")
    assert smooth_sections(ps, proba, SECTION_IDS) == ["preamble", "measures", "measures", "measures"]


def test_a_heading_with_no_body_takes_the_label_of_most_of_its_subtree():
    ps = parse(
        "一、主要举措\n调解纠纷12件。\n二、聚焦关键环节，提升法治建设质效\n（一）健全工作机制。\n成立领导小组。\n"
        "（二）规范执法行为。\n公示执法信息6条。"
    )
    proba = _proba([("measures", 0.9), ("measures", 0.9), ("leadership", 0.7)] + [("measures", 0.9)] * 4)
    assert smooth_sections(ps, proba, SECTION_IDS)[2] == "measures"


def test_highlights_before_the_first_part_heading_are_the_preamble():
    # a lead's bulleted highlights read like measures to the model; before 一、 they are the opening
    ps = parse(
        "2023年，市市场监管局坚持依法行政，各项工作取得新成效，主要体现在以下方面：\n"
        "--成功创建国家食品安全示范城市，全省率先实现示范县全覆盖，群众满意度持续提升。\n"
        "--从制度上破解电梯安全治理中的难点堵点，出台电梯安全管理办法，全年处置隐患120处。\n"
        "一、法治政府建设水平持续提升\n出台年度工作要点。"
    )
    proba = _proba([("preamble", 0.9), ("measures", 0.99), ("leadership", 0.99), ("measures", 0.9), ("measures", 0.9)])
    assert smooth_sections(ps, proba, SECTION_IDS)[:3] == ["preamble"] * 3


def test_a_slip_before_the_part_marker_still_opens_a_part():
    ps = parse("一，、法治建设第一责任人履职情况\n主要负责人带头述法。")
    assert ps[0].heading_level == 1


def test_party_leadership_subpart_of_the_measures_part_is_measures():
    # FORMAT.md rule 4: inside the measures part, leadership needs the leaders' own duty in a heading above
    # the line or in the lead sentence of its sub-part, however sure the model is
    text = (
        "一、2024年法治政府建设主要举措\n（一）强化组织引领，明确责任担当\n调整依法治镇工作领导小组，召开专题会议3次。\n"
        "（二）压实法治责任\n党政主要负责人严格履行推进法治建设第一责任人职责，带头述法。\n"
        "（三）履行第一责任人职责\n召开专题会议研究法治工作4次。"
    )
    ps = parse(text)
    proba = _proba([("measures", 0.9)] + [("leadership", 0.999)] * 6)
    assert smooth_sections(ps, proba, SECTION_IDS) == ["measures"] * 3 + ["leadership"] * 4


def test_a_top_level_part_on_party_leadership_is_leadership_a_part_on_other_work_is_not():
    body = "一、坚持党对法治政府建设的领导\n（一）强化政治引领\n专题研究法治工作4次。\n二、主要举措\n调解纠纷12件。"
    proba = _proba([("leadership", 0.9)] * 3 + [("measures", 0.9)] * 2)
    assert smooth_sections(parse(body), proba, SECTION_IDS) == ["leadership"] * 3 + ["measures"] * 2
    other = body.replace("坚持党对法治政府建设的领导", "深化放管服改革").replace("强化政治引领", "优化营商环境")
    assert smooth_sections(parse(other), proba, SECTION_IDS) == ["measures"] * 5
    # its heading names the duty: the leadership part
    named = body.replace("坚持党对法治政府建设的领导", "党政主要负责人履行推进法治建设第一责任人职责情况")
    assert smooth_sections(parse(named), proba, SECTION_IDS) == ["leadership"] * 3 + ["measures"] * 2
    # the report's title names the duty (a report that is mostly the leadership part): its parts stand
    titled = "云州市民政局2022年度法治政府建设暨主要负责人履行推进法治建设第一责任人职责情况报告\n" + body
    proba = _proba([("other", 0.9)] + [("leadership", 0.9)] * 3 + [("measures", 0.9)] * 2)
    assert smooth_sections(parse(titled), proba, SECTION_IDS) == ["other"] + ["leadership"] * 3 + ["measures"] * 2


def test_a_heading_that_names_the_measures_and_the_shortcomings_takes_its_first_content():
    # FORMAT.md rule 5: 主要举措、成效及存在的问题 opens with the measures; its sub-headings follow at once
    ps = parse(
        "一、主要举措、成效及存在的问题与原因分析\n（一）规范行政执法\n开展执法检查5次。\n"
        "（二）存在的问题\n执法人员不足。"
    )
    proba = _proba(
        [("shortcomings", 0.9), ("measures", 0.9), ("measures", 0.9), ("shortcomings", 0.9), ("shortcomings", 0.9)]
    )
    assert smooth_sections(ps, proba, SECTION_IDS) == ["measures"] * 3 + ["shortcomings"] * 2


def test_a_part_on_party_leadership_and_a_sub_part_naming_the_duty_are_leadership():
    ps = parse(
        "一、加强党对法治政府建设的领导\n局党组全年研究法治工作6次。\n二、主要举措\n（一）加强组织领导，切实履行第一责任人职责\n"
        "1.深入学习习近平法治思想。全年集中学法4次。\n（二）加强组织领导\n成立领导小组。\n（三）推进执法规范化\n办理案件12件。"
    )
    proba = _proba([("measures", 0.9)] * len(ps))
    pred = smooth_sections(ps, proba, SECTION_IDS)
    assert pred[:2] == ["leadership", "leadership"]  # a top-level part on Party leadership
    assert pred[3:6] == ["leadership"] * 3  # a sub-part whose heading names the duty
    assert pred[6:] == ["measures"] * 4  # a sub-part on Party leadership in general, and the rest


def test_a_part_heading_is_other_only_when_it_names_the_other_part():
    # 一、需要报告的重点事项 opens the measures (a province's department); 五、其他需要报告的事项 is `other`
    ps = parse(
        "一、需要报告的重点事项\n（一）全面部署安排，压紧压实法治建设责任。\n"
        "制定印发本系统法治政府建设实施方案，明确年度重点任务24项并逐项分解到处室和直属单位。\n"
        "五、其他需要报告的事项\n本年度未发生行政诉讼败诉案件，也未收到上级法治督察整改通知书。"
    )
    proba = _proba([("other", 0.8), ("other", 0.6), ("other", 0.6), ("other", 0.9), ("other", 0.9)])
    assert smooth_sections(ps, proba, SECTION_IDS) == ["measures"] * 3 + ["other"] * 2


def test_a_top_level_part_on_leading_the_work_of_its_own_field_is_leadership():
    # 一、着力加强民政法治建设领导: the Party's leadership of the work, worded for one field
    body = "一、着力加强民政法治建设领导\n厅党组全年专题研究法治工作5次。\n二、推进依法行政\n办理复议案件12件。"
    proba = _proba([("measures", 0.9)] * 4)
    assert smooth_sections(parse(body), proba, SECTION_IDS) == ["leadership"] * 2 + ["measures"] * 2
    cadres = body.replace("加强民政法治建设领导", "加强民政法治建设领导干部培训")
    assert smooth_sections(parse(cadres), proba, SECTION_IDS) == ["measures"] * 4


def test_an_addressee_run_into_the_opening_is_the_preamble():
    ps = parse(
        "青禾镇2024年法治政府建设工作报告\n县委、县政府：2024年，青禾镇坚持以习近平法治思想为指导，扎实推进法治政府建设。"
        "现将有关情况报告如下。\n一、主要举措\n调解纠纷20件。"
    )
    proba = _proba([("other", 0.9), ("other", 0.9), ("measures", 0.9), ("measures", 0.9)])
    assert smooth_sections(ps, proba, SECTION_IDS) == ["other", "preamble", "measures", "measures"]
    alone = parse("青禾镇2024年法治政府建设工作报告\n县委、县政府：\n一、主要举措\n调解纠纷20件。")
    assert smooth_sections(alone, proba, SECTION_IDS) == ["other", "other", "measures", "measures"]
