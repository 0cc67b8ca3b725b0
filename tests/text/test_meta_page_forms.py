"""Metadata on page forms met in real published reports (stop 19), each in an invented report: the bodies
are made up, except places from the gazetteer (a closed list) in invented sentences. Each case failed before
the rule it tests was written."""

from __future__ import annotations

import pytest

from lawnlp.text.meta import extract_meta
from lawnlp.text.structure import parse

PAGES = {
    "unlisted county-level city whose name holds 乡": "清乡市白石镇2021年度法治政府建设工作情况的报告\n2021年，白石镇坚持依法行政，全年调处纠纷20件。\n一、主要举措\n全年调处矛盾纠纷38件。",
    "opening that thanks its county first": "2024年，得益于县委、县政府的坚强领导和县委依法治县委员会的引领，我乡积极作为，扎实推进法治政府建设，全面开展法治青禾建设。\n一、主要举措\n（一）强化组织保障。我乡调处矛盾纠纷38件，我乡干部全员持证。",
    "bare 标题 key": "索 引 号 10001-01-2024-00122\n标  题 河北省人民政府关于2023年度法治政府建设情况的报告\n河北省人民政府\n关于2023年度法治政府建设情况的报告\n2023年，全省各级政府坚持依法行政，扎实推进法治政府建设各项工作。\n一、主要举措\n全年办理复议案件120件。",
    "department spelt out in the banner": "2026-01-20 17:01 | 武汉市水务局\n市水务局2025年度法治政府建设情况报告\n2025年，我局深入推进依法行政，扎实推进法治政府建设各项工作。\n一、主要举措\n全年办理案件12件。",
    "doubled county suffix": "2022年，鹤川县县卫生健康局在县委、县政府的坚强领导下，扎实推进法治政府建设各项工作。\n一、主要做法\n全年办理案件12件。",
    "formula after 根据 clause": "根据市政府有关工作要求，现将鹤川市人力资源和社会保障局2019年度法治政府建设情况报告如下：\n一、主要举措\n全年办理案件12件。\n鹤川市人力资源和社会保障局",
    "copy site quoting the title": "《鹤川市人民政府2018年度法治政府建设工作报告》是2019年鹤川市人民政府发布的通知。\n2018年，我市政府扎实推进法治政府建设。\n一、主要举措\n全年办理案件12件。",
    "street office with date run on": "鹤川区青禾街道办事处2021年法治政府建设情况报告\n发布机构：青禾街道办事处日期：2022-02-15 11:47\n2021年，青禾街道坚持依法行政，扎实推进法治政府建设各项工作。\n一、主要举措\n全年调处纠纷12件。",
    "publisher and date line": "江西省人民政府关于2021年法治政府建设情况的报告\n省政府办公厅 2022-03-15\n2021年，省政府坚持依法行政，扎实推进法治政府建设各项工作。\n一、主要举措\n全年办理复议案件120件。",
    "one township opens a line": "鹤川市青禾府〔2025〕26号\n2025年以来，在鹤川市委、市政府的坚强领导下，我镇政府扎实推进法治政府建设各项工作，取得了新成效。\n一、提高政治站位\n青禾镇深入贯彻全面依法治国战略，健全工作机制。\n（一）健全机制。组织机关干部赴李胜镇学习2次。",
    "city named in its province's stem only": "吉林市2021年度法治政府建设情况报告\n2021年，吉林市委、市政府严格贯彻落实法治政府建设实施纲要，扎实推进各项工作。\n一、主要举措\n全年办理复议案件120件。",
    "a verb phrase ending in 我区": "区委、区政府：\n2025年以来，在区委、区政府的坚强领导下，青禾镇党委、政府深入学习贯彻习近平法治思想。\n一、主要举措\n切实落实我区2025年度重大行政决策事项目录，办理案件12件。",
}

# (entity, county, year, level, published)
EXPECTED = {
    "unlisted county-level city whose name holds 乡": ("白石镇", "清乡市", 2021, "township", None),
    "opening that thanks its county first": ("青禾乡", None, 2024, "township", None),
    "bare 标题 key": ("河北省", None, 2023, "province", None),
    "department spelt out in the banner": ("武汉市水务局", "武汉市", 2025, "department", "2026-01-20"),
    "doubled county suffix": ("鹤川县卫生健康局", "鹤川县", 2022, "department", None),
    "formula after 根据 clause": ("鹤川市人力资源和社会保障局", "鹤川市", 2019, "department", None),
    "copy site quoting the title": ("鹤川市", None, 2018, "city", None),
    "street office with date run on": ("青禾街道", "鹤川区", 2021, "township", "2022-02-15"),
    "publisher and date line": ("江西省", None, 2021, "province", "2022-03-15"),
    "one township opens a line": ("青禾镇", None, 2025, "township", None),
    "city named in its province's stem only": ("吉林市", None, 2021, "city", None),
    "a verb phrase ending in 我区": ("青禾镇", None, 2025, "township", None),
}


@pytest.mark.parametrize("case", sorted(PAGES))
def test_page_forms(case):
    meta = extract_meta(parse(PAGES[case]))
    assert (meta.entity, meta.county, meta.year, meta.level, meta.published) == EXPECTED[case]


def test_every_page_has_an_expectation():
    assert set(PAGES) == set(EXPECTED)
