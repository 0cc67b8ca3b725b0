import re

from hypothesis import given, settings
from hypothesis import strategies as st

from lawnlp.text.context import section_contexts
from lawnlp.text.furniture import is_debris
from lawnlp.text.normalize import normalize, strip_artefacts
from lawnlp.text.structure import parse


def test_normalize_punctuation_width_and_traditional():
    assert normalize("一、工作開展情況,成效(一)") == "一、工作开展情况，成效（一）"
    assert normalize("发放资料1,200份,时间10:30") == "发放资料1,200份，时间10:30"
    assert normalize("１２３ＡＢ　测试") == "123AB 测试"
    assert normalize("[bookmark: _GoBack]今年以来") == "今年以来"
    # pinyin a copy site printed after characters goes; an abbreviation in brackets stays
    assert normalize("云(yún)岭(lǐng)县关(guān)于") == "云岭县关于"
    assert normalize("世界贸易组织(WTO)规则(gui)") == "世界贸易组织（WTO）规则（gui）"


def test_heading_levels_and_numbering():
    text = (
        "一、主要举措\n（一）加强领导\n(二)半角括号\n1.第一项\n2、第二项\n（1）小项\n一是落实责任。\n第一，强化学习。"
    )
    ps = parse(text)
    assert [p.heading_level for p in ps] == [1, 2, 2, 3, 3, 4, None, None]
    assert [p.numbering for p in ps] == ["一、", "（一）", "（二）", "1.", "2、", "（1）", "一是", "第一"]


def test_numbers_that_are_not_headings():
    ps = parse("1.5万余份资料已发放。\n2024年工作总结\n12345热线")
    assert all(p.heading_level is None for p in ps)


def test_enclosing_headings():
    ps = parse("一、主要举措\n（一）加强领导\n正文一\n（二）化解纠纷\n正文二\n二、存在问题\n正文三")
    assert ps[2].headings == ["一、主要举措", "（一）加强领导"]
    assert ps[4].headings == ["一、主要举措", "（二）化解纠纷"]
    assert ps[6].headings == ["二、存在问题"]


def test_inline_heading_split_at_list_marker():
    ps = parse("二、主要负责人履行推进法治建设第一责任人职责情况一是带头学法用法。二是定期听取工作汇报。")
    assert len(ps) == 2
    assert ps[0].text == "二、主要负责人履行推进法治建设第一责任人职责情况" and ps[0].heading_level == 1
    assert ps[1].text.startswith("一是带头学法") and ps[1].numbering == "一是"
    assert ps[1].headings == [ps[0].norm] and ps[0].line == ps[1].line == 0


def test_inline_heading_split_at_full_stop():
    ps = parse(
        "（一）聚焦政治引领，履行主体责任。一是构建法治新格局，召开专题会议6次，研究部署全年法治建设工作，形成工作合力。"
    )
    assert [p.heading_level for p in ps] == [2, None]
    assert ps[0].text.endswith("履行主体责任。")


def test_a_long_heading_is_split_where_a_list_starts_after_its_first_full_stop():
    head = "（一）学习贯彻习近平法治思想，坚持党对法治政府建设的领导，局主要负责人履行推进法治建设第一责任人职责情况。"
    ps = parse(head + "一是把法治学习列入党组中心组学习计划，全年集中学法6次。二是听取法治工作汇报2次。")
    assert [p.heading_level for p in ps] == [2, None] and ps[0].text == head
    # the same long first sentence without a list after it stays one numbered item
    item = parse(head + "全年集中学法6次，听取法治工作汇报2次。")
    assert [p.heading_level for p in item] == [None]


def test_debris_lines():
    for line in [
        "账号+密码登录",
        "立即注册",
        "发布时间：2024-01-15",
        "【打印本页】【关闭窗口】",
        "字号：大 中 小",
        "分享到：",
        "相關詞條",  # site chrome of a traditional-character mirror
        "聯絡我們",
    ]:
        assert is_debris(normalize(line)), line
    assert not is_debris(normalize("发布宣传资料1200份，群众满意度明显提升。"))
    assert not is_debris(normalize("联系我们的群众很多，全年走访200户。"))
    ps = parse("一、主要举措\n[bookmark: _GoBack]\n正文")
    assert ps[1].debris and ps[1].text == ""


def test_contexts_carry_headings():
    ps = parse("标题\n一、存在问题\n一是人才不足。")
    ctx = section_contexts(ps)
    assert ctx[2].headings == ("一、存在问题",) and ctx[2].previous == "一、存在问题"
    deep = section_contexts(parse("一、主要举措\n（一）加强领导\n1.学法\n（1）会前学法\n正文一句。"))
    assert deep[-1].headings == ("一、主要举措", "1.学法", "（1）会前学法")  # the part heading and the innermost two
    assert ctx[0].headings == () and ctx[0].previous == ""


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("一二三、（）()1.。，,：是法治建设[bookmark: _GoBack]\n \t\u3000报告登录第部分"))
        | st.characters(),
        max_size=300,
    )
)
def test_parser_never_crashes_and_loses_no_characters(text):
    ps = parse(text)
    got = re.sub(r"\s", "", "".join(p.text for p in ps))
    want = re.sub(r"\s", "", "".join(strip_artefacts(line) for line in text.splitlines()))
    assert got == want


def test_a_portal_summary_that_the_opening_repeats_is_furniture():
    opening = "2020年，在市委的正确领导下，云州市坚持以习近平法治思想为指导，全面贯彻依法治国方略，推进法治政府建设。"
    summary = opening[:40] + "…"
    text = f"云州市人民政府2020年法治政府建设年度报告\n{summary}\n{opening}\n一、主要工作\n全年办理案件12件。"
    debris = [p.debris for p in parse(text)]
    assert debris == [False, True, False, False, False]
    # a paragraph the next one does not repeat stays report text, as does anything after the first heading
    other = f"云州市人民政府2020年法治政府建设年度报告\n{opening}\n一、主要工作\n{summary}\n{opening}"
    assert not any(p.debris for p in parse(other))
