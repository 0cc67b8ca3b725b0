"""Masking and the boilerplate reference on invented reports."""

from __future__ import annotations

import pytest
from measures_fixtures import report

from lawnlp.measures import BoilerplateReference, mask, masked_sentences
from lawnlp.measures.text import names_of, parse_number
from lawnlp.schema import Meta

TOWNS = ["青枫镇", "白石镇", "松岭乡", "柳溪镇", "石门街道", "云渡镇"]
STOCK = "{name}{year}年法治政府建设扎实推进，现将有关情况报告如下。"
VARIANT = "{name}{year}年法治政府建设稳步推进，现将有关情况报告如下。"
OWN = [  # one sentence of each body's own (invented)
    "{name}在3个村建成说法议事亭，由退休法官每周坐班解答邻里宅基地边界问题。",
    "{name}为茶叶合作社梳理采购合同风险点，帮助农户追回货款十余万元。",
    "{name}组织中学生模拟法庭，围绕校园欺凌案例开展辩论。",
    "{name}联合供电所排查私拉乱接电线隐患，对出租屋业主逐户告知安全责任。",
    "{name}把渡口管理纳入网格巡查，夜间禁渡规定写进了船工承诺书。",
    "{name}在集市设立劳资纠纷速裁点，当场为务工人员出具调解书。",
]


def corpus():
    out = []
    for i, name in enumerate(TOWNS):
        stock = (STOCK if i % 2 else VARIANT).format(name=name, year=2020 + i % 4)
        text = f"P|{stock}\nM|{OWN[i].format(name=name)}\nO|{name}人民政府"
        out.append(report(text, entity=name, county="雁栖县", year=2020 + i % 4))
    return out


def test_mask_names_numbers_years():
    names = names_of(Meta(entity="青枫镇", county="雁栖县"))
    assert names == ("雁栖县", "青枫镇", "雁栖", "青枫")
    a = mask("2023年，青枫镇在县委、县政府领导下调处纠纷214件，成功率97.7%。王某某", names)
    b = mask("2024年，白石镇在县委、县政府领导下调处纠纷86件，成功率99.1%。李某", ("白石镇", "白石"))
    assert a == b == "＃年Ｐ在Ｐ委Ｐ政府领导下调处纠纷＃件成功率＃%Ｘ"
    assert mask("我镇", ()) == mask("全县", ()) == "Ｐ"


def test_department_names():
    assert set(names_of(Meta(entity="雁栖县市场监督管理局", county="雁栖县"))) == {
        "雁栖县市场监督管理局",
        "雁栖县",
        "雁栖",
    }


@pytest.mark.parametrize(
    "text,value", [("45", 45), ("1.2万", 12000), ("十二", 12), ("两千", 2000), ("1,234", 1234), ("三百零五", 305)]
)
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_batch_reference_finds_stock_and_variants():
    reports = corpus()
    ref = BoilerplateReference.from_reports(reports)
    assert ref.reports == 6 and ref.min_count == 2
    names = names_of(Meta(entity="龙湾乡"))
    assert ref.is_boilerplate(mask(STOCK.format(name="龙湾乡", year=2023), names)) is True
    assert ref.is_boilerplate(mask(VARIANT.format(name="龙湾乡", year=2023), names)) is True
    assert ref.is_boilerplate(mask(OWN[0].format(name="龙湾乡"), names)) is False
    assert ref.is_boilerplate("现将") is None  # too short to judge
    share, paragraphs = ref.share(reports[0])
    assert share == pytest.approx(0.5) and paragraphs == [0]


def test_threshold_is_a_share_of_the_reference():
    reports = corpus()
    twin = report(f"M|{OWN[1].format(name='龙湾乡')}", entity="龙湾乡", year=2021)  # 2 of 7 reports
    assert BoilerplateReference.from_reports(reports + [twin]).share(twin)[0] == 1.0
    assert BoilerplateReference.from_reports(reports + [twin], min_share=0.5).share(twin)[0] == 0.0


def test_save_load_and_shipped(tmp_path):
    ref = BoilerplateReference.from_reports(corpus())
    path = tmp_path / "bp.json"
    ref.save(path)
    assert BoilerplateReference.load(path) == ref
    shipped = BoilerplateReference.default()
    assert shipped.reports > 100 and len(shipped.stock) > 20
    assert shipped.is_boilerplate("现将有关情况报告如下") is True


def test_masked_sentences_skip_other_and_markers():
    r = report("O|青枫镇2023年法治政府建设工作报告\nS|一是法治力量不足；二是执法不规范。", entity="青枫镇", year=2023)
    assert masked_sentences(r) == [(1, "法治力量不足"), (1, "执法不规范")]
