"""The private-data scrubber (lawnlp.scrub), on invented examples."""

from __future__ import annotations

import pytest

from lawnlp.text.privacy import find_names, find_private, scrub


@pytest.mark.parametrize(
    "text,expected",
    [
        ("联系电话：13812345678", "13812345678"),
        ("手机 139-1234-5678", "139-1234-5678"),
        ("电话：0831-6543210", "0831-6543210"),
        ("联系电话（028）87654321", "（028）87654321"),
        ("传真：02387654321", "02387654321"),
        ("身份证号510101199001011234", "510101199001011234"),
        ("证件号码51010119900101123X", "51010119900101123X"),
        ("请发送至 fzb_office@example.com 。", "fzb_office@example.com"),
    ],
)
def test_contact_data_found(text, expected):
    assert find_private(text) == [expected]
    assert expected not in scrub(text)


@pytest.mark.parametrize(
    "text",
    [
        "拨打12345政务服务便民热线，12348公共法律服务热线，110报警。",
        "全年调处矛盾纠纷338件，罚没金额0.05万元，成功率97.9%。",
        "发放宣传资料15000余份，覆盖群众29000人次，投入经费1380000元。",
        "2024年1月8日，文号〔2024〕12号。",
    ],
)
def test_hotlines_and_figures_are_not_private(text):
    assert find_private(text) == []
    assert scrub(text) == text


@pytest.mark.parametrize(
    "text,names",
    [
        ("当事人王某某与张三因宅基地发生纠纷", ["王某某", "张三"]),
        ("联系人：李明，电话：13812345678", ["李明"]),
        ("联系人：县司法局　孙某　电话：0831-1234567", ["孙某"]),
        ("村民刘德华反映邻里矛盾", ["刘德华"]),
        ("申请人陈小红对处罚决定不服", ["陈小红"]),
        ("原告周大海诉镇政府", ["周大海"]),
        ("东山村杨秀英和西岭村乡春兰离婚问题，因乡春兰外出务工暂未调解", ["杨秀英", "乡春兰"]),
        ("原水利站站长钱志远（已故）家属多次上访一事", ["钱志远"]),
        ("村民郑某与邻居何建军因排水沟发生争执", ["郑某", "何建军"]),
        ("在办理当事人吴国华经营的商店销售过期食品一案中", ["吴国华"]),
        ("居民欧阳明因房屋漏水问题多次来访", ["欧阳明"]),
    ],
)
def test_private_person_names_found(text, names):
    assert find_names(text) == names
    out = scrub(text)
    for name in names:
        assert name not in out
    assert "〔姓名〕" in out


@pytest.mark.parametrize(
    "text",
    [
        "镇党委书记、镇长带头述法，站长列席会议。",
        "镇长李建国主持召开党委会专题研究法治工作。",
        "深入学习贯彻习近平法治思想。",
        "群众法治意识薄弱，当事人双方达成调解协议。",
        "市政府主要负责同志主持召开常务会议，2名同志取得法律职业资格。",
        "部分同志依法行政意识不强，认为法治建设是司法所一家的事。",
        "委托广西某律师事务所担任法律顾问，某些村干部学法不够。",
        "充分考虑当事人系初次违法，当事人表示认可处罚决定。",
    ],
)
def test_officials_titles_and_ordinary_words_stay(text):
    assert find_names(text) == []
    assert scrub(text) == text


def test_every_occurrence_of_a_name_is_scrubbed():
    text = "东山村杨秀英和西岭村乡春兰离婚问题，因乡春兰外出务工，杨秀英多次来访。"
    out = scrub(text)
    assert "杨秀英" not in out and "乡春兰" not in out
    assert out.count("〔姓名〕") == 4


def test_scrub_is_idempotent_and_placeholders_are_not_private():
    text = "当事人王某某与张三因宅基地纠纷，联系人：李明，电话13812345678，邮箱a.b@example.com。"
    once = scrub(text)
    assert find_private(once) == []
    assert scrub(once) == once


def test_find_private_keeps_order_and_deduplicates():
    text = "联系人：李明，电话：13812345678；如无人接听请联系李明，13812345678。"
    assert find_private(text) == ["李明", "13812345678"]
