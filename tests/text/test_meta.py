"""Report metadata (lawnlp.text.meta) on invented reports: every name and number here is made up."""

from __future__ import annotations

import pytest

from lawnlp.text.meta import extract_meta, segment_units
from lawnlp.text.structure import parse

CASES = {
    "township with county in title and signature": (
        "云岭县青禾镇2024年法治政府建设工作报告\n县委、县政府：\n2024年，青禾镇在县委、县政府的领导下，扎实推进法治政府建设。"
        "现将有关情况报告如下：\n一、主要举措\n全年调处矛盾纠纷38件。\n云岭县青禾镇人民政府\n2025年1月10日",
        ("青禾镇", "云岭县", 2024, "township"),
    ),
    "department keeps its place prefix": (
        "河西县市场监督管理局关于2023年度法治政府建设工作情况的报告\n一、主要工作\n全年办理案件12件。",
        ("河西县市场监督管理局", "河西县", 2023, "department"),
    ),
    "year in Chinese numerals": (
        "松岗县人民政府\n关于二〇二二年法治政府建设情况的报告\n市委、市政府：\n一、主要做法\n开展执法检查。",
        ("松岗县", None, 2022, "county"),
    ),
    "county-level city under the prefecture named in the addressee": (
        "临川市2021年法治政府建设年度报告\n秀峰市委全面依法治市委员会办公室：\n一、工作情况\n推进依法行政。",
        ("临川市", "秀峰市", 2021, "county"),
    ),
    "placeholder year": (
        "桃源镇20xx年法治政府建设工作总结\n一、主要成效\n开展普法活动。",
        ("桃源镇", None, None, "township"),
    ),
    "year from an early-year date line": (
        "梅溪乡法治建设工作情况\n一、工作开展情况\n调解纠纷10件。\n二、存在问题\n人员不足。\n梅溪乡人民政府\n2023年1月5日",
        ("梅溪乡", None, 2022, "township"),
    ),
    "year from a plans heading": (
        "法治政府建设情况报告\n一、2022年工作情况\n开展普法。\n二、2023年工作打算\n加强学习。",
        (None, None, 2022, "unknown"),
    ),
    "street office under its district": (
        "江北区石桥街道办事处2022年度法治政府建设情况报告\n一、主要举措\n开展学法活动8次。",
        ("石桥街道", "江北区", 2022, "township"),
    ),
    "unnamed department answering to a district": (
        "2022年，在区委、区政府的坚强领导下，为贯彻《云州市法治政府建设实施方案》和《青川区法治政府建设实施方案》，"
        "我局切实加强领导，压实责任，推进依法行政。现将有关情况报告如下。\n一、主要措施\n全年办理行政许可40件。",
        (None, "青川区", 2022, "department"),
    ),
    "joint report of a Party working committee and its department": (
        "中共云岭县委教育工作委员会 云岭县教育委员会\n关于2024年法治政府建设情况的报告\n"
        "2024年，县教委坚持依法治教。现将有关情况报告如下。\n一、主要举措\n办理案件3件。",
        ("云岭县教育委员会", "云岭县", 2024, "department"),
    ),
    "joint issuers written apart, the department's Party committee first": (
        "云州市教育局党委 云州市教育局法治政府建设工作2019年度报告\n一、主要举措\n办理案件3件。",
        ("云州市教育局", "云州市", 2019, "department"),
    ),
    "a document number before the title": (
        "[云政发〔2026〕7号]云州市人民政府关于2025年法治政府建设情况的报告\n省委：\n一、主要举措\n办理案件3件。",
        ("云州市", None, 2025, "city"),
    ),
    # real places from the gazetteer (a closed list), in an invented sentence: named only as partners
    "department whose place is named only as a partner's": (
        "区市场监管局关于2023年法治政府建设情况的报告\n2023年以来，区市场监管局坚持依法监管。\n一、工作情况\n"
        "与浙江省杭州市萧山区、滨江区市场监督管理局共同发布消费警示2期，向浙江省杭州市萧山区移送线索3件。",
        ("区市场监管局", None, 2023, "department"),
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_metadata(case):
    text, expected = CASES[case]
    meta = extract_meta(parse(text))
    assert (meta.entity, meta.county, meta.year, meta.level) == expected


def test_segment_units():
    assert segment_units("云岭县青禾镇") == (("云岭县", "county"), ("青禾镇", "township"))
    assert segment_units("河西县市场监督管理局") == (("河西县", "county"), ("市场监督管理局", "department"))
    assert segment_units("加强领导") is None


def test_publication_date_after_a_news_site_name():
    text = (
        "关于云州市2024年度法治政府建设情况的报告\n云州网  发布时间:2025-05-28 14:14:25 Wed\n一、主要举措\n开展普法。"
    )
    meta = extract_meta(parse(text))
    assert (meta.entity, meta.year, meta.published) == ("云州市", 2024, "2025-05-28")


def test_publication_date_in_a_pipe_table_beats_the_signature_date():
    text = (
        "发布日期 | 2021-03-26 | 文号 |\n主题分类 | 政府工作 | 成文日期 | 2021-03-22\n"
        "云岭县2020年法治政府建设情况报告\n一、主要举措\n开展普法。\n云岭县人民政府\n2021年3月22日"
    )
    meta = extract_meta(parse(text))
    assert (meta.entity, meta.year, meta.published) == ("云岭县", 2020, "2021-03-26")


def test_autonomous_prefecture_before_its_committee():
    from lawnlp.text.names import governing_units

    # the name ends before the second 州 of 自治州州委, and a listed one is found whole
    assert governing_units("在黔东南苗族侗族自治州州委、州政府的领导下") == [("黔东南苗族侗族自治州", "city")]
    assert all(not name.startswith("治") for name, _ in governing_units("在雷公山苗族侗族自治州州委、州政府和县委"))


def test_city_that_says_only_its_government_is_named_from_the_text():
    # no title; the report calls itself 市政府 and names its city once in passing (a listed city: the
    # gazetteer is a closed list of real places, the sentence is invented)
    text = (
        "2024年，市政府坚持依法行政，全市法治政府建设取得明显成效。现将有关情况报告如下。\n一、工作开展情况\n"
        "推动乌海市公共法律服务中心建设，全市办理法律援助案件300件。"
    )
    meta = extract_meta(parse(text))
    assert (meta.entity, meta.year, meta.level) == ("乌海市", 2024, "city")


@pytest.mark.parametrize(
    "line",
    [
        "| [ 成文日期 ] | 2026-01-30 | [ 发布日期 ] | 2026-02-25 |",
        "信息来源:云岭县司法局 信息提供日期:2026-02-25 16:51 【字体: 视力保护色:",
        "2026-02-25 投稿人 : 佚名 围观 : 0 评论",
        "来源:时间:2026-02-25",
        "云岭县人民政府门户网站 www.yunling.gov.cn 时间:2026-02-25 来源:云岭县司法局",
        "发布日期2026-02-25",
        "2026-02-25 17:46 云岭县司法局 发文日期 2026-02-20",  # the posting stamp, not the issuing date
        "云岭县司法局   2026-02-25 09:07:00   来源:法规科",  # the publisher's name before the stamp
    ],
)
def test_publication_date_layouts(line):
    text = f"{line}\n云岭县司法局2025年法治政府建设情况报告\n一、主要举措\n开展普法。\n云岭县司法局\n2026年1月20日"
    assert extract_meta(parse(text)).published == "2026-02-25"


def test_short_names_of_autonomous_places():
    from lawnlp.text.places import gazetteer

    g = gazetteer()

    def short(name):
        return g.names_of(g.lookup(name)[0]) - {name}

    assert (
        short("广西壮族自治区") == {"广西"}
        and short("新疆维吾尔自治区") == {"新疆"}
        and short("内蒙古自治区") == {"内蒙古"}
    )
    assert short("黔东南苗族侗族自治州") == {"黔东南州"} and short("西双版纳傣族自治州") == {"西双版纳州"}
    assert short("博尔塔拉蒙古自治州") == {"博尔塔拉州", "博州"}


def test_opening_that_frames_the_year_first():
    text = (
        "2024年是全面深化改革的关键之年，也是青禾街道发展的重要之年。青禾街道始终坚持依法行政，推进法治建设。"
        "现将有关情况报告如下。\n一、主要举措\n开展普法活动12场。"
    )
    meta = extract_meta(parse(text))
    assert (meta.entity, meta.year, meta.level) == ("青禾街道", 2024, "township")


def test_abbreviated_provincial_department_is_a_department():
    # 省人社厅 without its province in the title or furniture: the province the text names (a listed one;
    # the sentence is invented), and a department either way, never the province itself
    named = (
        "2024年，省人社厅坚持依法行政，推进法治建设。现将有关情况报告如下：\n一、主要举措\n配合云南省博物馆开展普法。"
    )
    meta = extract_meta(parse(named))
    assert (meta.entity, meta.county, meta.level) == ("云南省人力资源和社会保障厅", "云南省", "department")
    unnamed = "2024年，省人社厅坚持依法行政，全省人社系统推进法治建设。现将有关情况报告如下：\n一、主要举措\n开展普法。"
    assert extract_meta(parse(unnamed)).level == "department"


def test_metadata_table_without_colons():
    # a portal table printed as key and value run together, one per line, with bullet lines between
    text = (
        "- 乡镇信息公开\n-\n索引号ylxqhx/2026-00001\n-\n发布机构云岭县青禾乡人民政府\n-\n文号\n-\n"
        "发布日期2026-01-27\n-\n时效性有效\n青禾乡2025年法治政府建设工作情况报告\n"
        "2025年，青禾乡在县委、县政府的坚强领导下，扎实推进法治政府建设。\n一、主要措施\n调解纠纷20件。"
    )
    ps = parse(text)
    assert all(p.debris for p in ps[1:11])  # the category line (乡镇信息公开) is head, not furniture
    meta = extract_meta(ps)
    assert (meta.entity, meta.county, meta.year, meta.published) == ("青禾乡", "云岭县", 2025, "2026-01-27")


@pytest.mark.parametrize(
    "opening, entity",
    [
        # the opening formula names the body; nothing before it does
        ("根据《法治政府建设实施纲要》等要求，现将青禾镇2020年度法治政府建设情况报告如下：", "青禾镇"),
        # a mirror's placeholders before the opening
        (
            "? ? ? 2024年，在县委、县政府的领导下，青禾镇始终坚持以习近平法治思想为指导，扎实推进法治政府建设。",
            "青禾镇",
        ),
        # a street office whose short name holds 市 (新市街道)
        (
            "2023年，在区委、区政府的正确领导下，新市街道办事处坚持以习近平新时代中国特色社会主义思想为指导，扎实推进法治政府建设。",
            "新市街道",
        ),
    ],
)
def test_entity_from_the_opening(opening, entity):
    meta = extract_meta(parse(f"{opening}\n一、主要举措\n调解纠纷20件。"))
    assert (meta.entity, meta.level) == (entity, "township")


def test_names_of_a_traditional_page_are_spelt_as_printed():
    text = "雲嶺縣衛生健康局2025年法治政府建設年度工作報告\n2025年，雲嶺縣衛生健康局堅持依法行政。\n一、主要舉措\n受理申請27件。"
    meta = extract_meta(parse(text))
    assert (meta.entity, meta.county, meta.level) == ("雲嶺縣衛生健康局", "雲嶺縣", "department")


def test_a_name_put_together_from_two_places_is_spelt_as_printed():
    # the department is named without its place (縣市場監管局); the place comes from a 《…》 title
    text = (
        "2021年，縣市場監管局以依法行政為主線，制定《雲嶺縣市場監管局依法行政工作安排》。\n一、主要舉措\n辦理案件12件。"
    )
    meta = extract_meta(parse(text))
    assert meta.level == "department" and meta.entity.startswith("雲嶺縣市場監")


def test_a_simplified_page_keeps_simplified_names():
    meta = extract_meta(parse("云岭县卫生健康局2025年法治政府建设年度工作报告\n一、主要举措\n受理申请27件。"))
    assert meta.entity == "云岭县卫生健康局"


def test_department_named_after_two_guiding_bodies():
    # 在县委…领导下和市局的指导下，县市场监管局…: the second clause is not the body's name
    text = (
        "2021年在县委、县政府正确领导下和市市场监督管理局的支持指导下，县市场监管局以依法行政为主线，"
        "及时制定《云岭县市场监管局2021年依法行政重点工作安排》。\n一、主要举措\n办理案件12件。"
    )
    meta = extract_meta(parse(text))
    assert (meta.county, meta.level) == ("云岭县", "department") and meta.entity.startswith("云岭县市场监")


def test_township_without_a_title_named_once():
    # the only township its text names, once; a verb before 镇级 (加大镇级…) is no name
    text = (
        "2020年以来，我镇认真贯彻落实上级决策部署，扎实推进法治政府建设。\n一、依法全面履行政府职能\n"
        "（一）加大镇级简政放权力度。截至2020年12月31日，青禾镇人民调解委员会调处纠纷21起。"
    )
    meta = extract_meta(parse(text))
    assert (meta.entity, meta.year, meta.level) == ("青禾镇", 2020, "township")


def test_township_without_a_title_named_in_its_text():
    # no title, no opening naming it: 我镇 and the name its running text gives most often; the year likewise
    text = (
        "一、主要举措和成效\n（一）强化行政执法\n2022年青禾镇组织开展行政执法检查6次，"
        "我镇执法人员全部持证上岗。\n（二）优化政务服务\n印制青禾镇公共服务中心办事指南，"
        "2022年办理事项300件，全镇群众满意。"
    )
    meta = extract_meta(parse(text))
    assert (meta.entity, meta.year, meta.level) == ("青禾镇", 2022, "township")


def test_a_street_office_that_calls_itself_only_the_street_office():
    # no title and no name: 街道 is the opening's subject, though the text names the county's 县委 often
    text = (
        "为进一步加强法治政府建设，2021年来，街道按照《云岭县法治政府建设实施方案》的要求，在县委、县政府领导下扎实推进。\n"
        "一、主要举措\n落实县委部署，配合县委依法治县办开展督查。"
    )
    meta = extract_meta(parse(text))
    assert (meta.level, meta.county) == ("township", "云岭县")


# A department named without its place (市交通运输局, 州政务局): the fields each case pins down.
DEPARTMENT_CASES = {
    "city named only by its stem": (
        "市交通运输局2022年法治政府建设年度报告\n2022年，在市委、市政府的正确领导下，市交通运输局服务惠州高质量发展，"
        "扎实推进依法行政，现将情况报告如下。\n一、主要举措\n制定规范性文件5件。",
        {"entity": "惠州市交通运输局", "county": "惠州市", "level": "department"},
    ),
    "two city stems name no city": (
        "市交通运输局2022年法治政府建设年度报告\n2022年，市交通运输局对接惠州、汕尾两地交通规划，扎实推进依法行政，"
        "现将情况报告如下。\n一、主要举措\n制定规范性文件5件。",
        {"entity": "市交通运输局", "county": None, "level": "department"},
    ),
    "a stem inside a longer word is no city": (
        "市司法局2022年法治政府建设年度报告\n2022年，市司法局坚持以长治久安为目标，扎实推进依法行政，"
        "现将情况报告如下。\n一、主要举措\n办理复议案件5件。",
        {"county": None},
    ),
    "a prefecture's government affairs bureau": (
        "州政务局2023年法治政府建设工作报告\n2023年，州政务局在州委、州政府的坚强领导下，扎实推进法治政府建设，"
        "现将有关情况报告如下。\n一、主要举措和成效\n全年办理事项12万件。",
        {"entity": "州政务局", "level": "department"},
    ),
    "a formula line ending in a colon is the opening, not an addressee": (
        "现将市人力社保局2019年度法治政府建设工作报告如下：\n一、主要举措\n"
        "2019年以来，温州市人力资源和社会保障局深化改革，成效明显。",
        {"entity": "温州市人力资源和社会保障局", "level": "department"},
    ),
}


@pytest.mark.parametrize("text, expected", DEPARTMENT_CASES.values(), ids=DEPARTMENT_CASES.keys())
def test_department_named_without_its_place(text, expected):
    meta = extract_meta(parse(text))
    assert {field: getattr(meta, field) for field in expected} == expected


def test_addressee_run_into_the_opening_on_one_line():
    from lawnlp.text.page import page_of

    text = (
        "关于2024年度法治政府建设情况的报告\n青州市人大常委会：2024年，我市坚持以习近平法治思想为指导，全面推进依法行政，"
        "法治政府建设取得新成效。现将有关情况报告如下。\n一、主要工作\n全年新增市场主体3万户。"
    )
    page = page_of(parse(text))
    # the corpus labels such a line as the addressee (`other`); the opening is still read from it
    assert page.opening.startswith("2024年，我市")
    assert page.head[-1].startswith("青州市人大常委会：2024年")


def test_county_government_as_the_subject_of_the_first_sentence():
    text = (
        "根据上级要求，报告如下。\n一、主要成效\n2022年，县人民政府坚持以习近平法治思想为指导，全面推进依法行政。\n"
        "（一）完善制度\n制定了《云岭县法治政府建设实施方案》。"
    )
    meta = extract_meta(parse(text))
    assert (meta.entity, meta.level) == ("云岭县", "county")


# Real-page forms met at stop 18 (invented text with the same shapes).
PARENT_CASES = [
    # a parent named only inside a quoted title: 《关于印发<X市2022年…>的通知》
    (
        "2022年，青禾镇党委、政府深入学习贯彻习近平法治思想。\n一、主要举措\n"
        "（一）对照《关于印发<云岭县2022年依法行政工作要点>的通知》逐项落实，调解纠纷20件。",
        "青禾镇",
        "云岭县",
    ),
    # a parent named only by a document written without 《》 in running text
    (
        "2021年，新禾街道坚持以习近平新时代中国特色社会主义思想为指导。\n一、主要举措\n"
        "认真落实省、市工作部署和云渡区2021年全面依法治区工作要点，梳理街道年度任务18项。",
        "新禾街道",
        "云渡区",
    ),
]


@pytest.mark.parametrize(("text", "entity", "county"), PARENT_CASES)
def test_parent_named_in_a_quoted_title_or_a_document_name(text, entity, county):
    meta = extract_meta(parse(text))
    assert (meta.entity, meta.county, meta.level) == (entity, county, "township")


def test_a_report_that_opens_with_its_whole_system_is_the_department():
    text = (
        "2022年，全市司法行政系统在市委、市政府的正确领导下，深入践行习近平法治思想。\n"
        "一、主要举措和成效\n（一）科学部署。我局始终把法治政府建设作为主体工程，制定《云州市规章起草流程》。\n"
        "（二）审查备案规范性文件54件。"
    )
    meta = extract_meta(parse(text))
    assert (meta.entity, meta.county, meta.level) == ("云州市司法局", "云州市", "department")
    # the same opening in a city government's report (no 我局): not a department
    city = text.replace("我局", "市政府")
    assert extract_meta(parse(city)).level != "department"


def test_publisher_in_a_markdown_table_of_page_furniture():
    text = (
        "| 索引号 | 620000/2026-00002 | 发文字号 | 云林草发〔2026〕6号 |\n|---|---|---|---|\n"
        "| 关键词 | 发布机构 | 云岭县林业和草原局 | |\n"
        "2025年，我局法治政府建设坚持以习近平新时代中国特色社会主义思想为指导。\n一、主要举措\n办理案件12件。"
    )
    meta = extract_meta(parse(text))
    assert (meta.entity, meta.county, meta.level) == ("云岭县林业和草原局", "云岭县", "department")


def test_department_name_ends_at_its_bureau():
    # 2021年以来，X市公安局按照市委…: the name is not 公安局按照市委
    text = "2021年以来，云州市公安局按照市委、市政府的工作部署，推进法治公安建设。\n一、主要举措\n办理案件12件。"
    assert extract_meta(parse(text)).entity == "云州市公安局"


def test_department_prefix_wenti():
    text = "云岭县文体和旅游局2025年度法治政府建设情况报告\n2025年，云岭县文体和旅游局深入贯彻落实纲要。\n一、工作开展情况\n开展执法检查6次。"
    meta = extract_meta(parse(text))
    assert (meta.entity, meta.county, meta.level) == ("云岭县文体和旅游局", "云岭县", "department")


def test_parent_given_as_the_page_names_it():
    # the gazetteer knows 文山市's parent as 文山壮族苗族自治州; the page writes only 文山州
    text = "文山市2022年法治政府建设年度报告\n2022年，在文山州委、州政府的坚强领导下，文山市深入推进依法行政。\n一、主要举措\n办理案件12件。"
    meta = extract_meta(parse(text))
    assert (meta.entity, meta.county, meta.level) == ("文山市", "文山州", "county")
    full = text.replace("文山州委", "文山壮族苗族自治州州委")
    assert extract_meta(parse(full)).county == "文山壮族苗族自治州"


def test_a_government_signature_outranks_the_source_line():
    # no title; 来源：市司法局 is the office that put the page up, the signature is the body
    text = (
        "发布时间：2020-03-02 来源：市司法局 【打印】\n2019年，市政府坚持依法行政，清理证明事项126项。\n"
        "一、主要举措\n办理复议案件41件。\n云州市人民政府\n2020年3月1日"
    )
    meta = extract_meta(parse(text))
    assert (meta.entity, meta.level) == ("云州市", "city")


PUBLISHER_PAGES = {  # the publisher in bracketed furniture keys; the portal at a breadcrumb's root
    "bracketed keys": (
        "[ 索引号 ] 000014349/2024-00021 [ 主题分类 ] 政务公开 [ 发布机构 ] 云岭县青禾镇人民政府 [ 发布日期 ] 2024-01-26\n"
        "青禾镇2023年法治政府建设年度报告\n2023年，青禾镇党委、政府在县委、县政府的坚强领导下推进法治建设。\n一、主要举措\n调解纠纷20件。",
        ("青禾镇", "云岭县"),
    ),
    "breadcrumb root": (
        "云渡区人民政府 > 政务公开 > 法治政府建设年度报告\n新禾街道2024年法治政府建设工作报告\n"
        "2024年，新禾街道紧扣全区发展定位推进法治建设。\n一、主要举措\n调解纠纷20件。",
        ("新禾街道", "云渡区"),
    ),
}


@pytest.mark.parametrize("case", sorted(PUBLISHER_PAGES))
def test_publisher_in_furniture_keys_and_the_portal_of_a_breadcrumb(case):
    text, expected = PUBLISHER_PAGES[case]
    meta = extract_meta(parse(text))
    assert (meta.entity, meta.county) == expected


def test_a_department_that_names_itself_only_in_its_own_document_titles():
    text = (
        "一、2020年法治政府建设基本情况\n（一）加强依法行政能力建设。局党组全年组织集中学法12次。\n"
        "（二）推进依法决策。印发年度《云州市水务局重大行政决策事项目录》，审查规范性文件9件。"
    )
    meta = extract_meta(parse(text))
    assert (meta.entity, meta.county, meta.level) == ("云州市水务局", "云州市", "department")
    # without 局党组 / 我局 the title is only a document the report cites
    assert extract_meta(parse(text.replace("局党组", "市政府"))).entity != "云州市水务局"
