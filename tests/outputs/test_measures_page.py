"""The research measures on the corpus page (lawnlp.outputs.measures_page and the template): compliance
with Wilson intervals, indicators, theme prevalence by level and year, repeated and copied pairs linked to
the paragraphs behind them; reports that are not of the genre left out (invented reports, no models)."""

from __future__ import annotations

import re

import pytest
from measures_fixtures import pairs_corpus

from lawnlp.measures import audit_report, extract_indicators, wilson_interval
from lawnlp.outputs.measures_page import measures_view
from lawnlp.outputs.page import render_html


@pytest.fixture(scope="module")
def corpus() -> list[dict]:
    out = []
    for r in pairs_corpus():
        r.audit, r.indicators = audit_report(r), extract_indicators(r)
        out.append(r.to_dict())
    out[4]["audit"], out[4]["indicators"] = None, []  # analysed without measures: computed by the page
    return out


def test_view_figures(corpus):
    view = measures_view(corpus)
    assert view["n"] == 5
    rows = {c["id"]: c for c in view["compliance"]}
    assert rows["plans"]["k"] == 5 and rows["causes"]["k"] == 0 and rows["leadership"]["k"] == 0
    assert (rows["on_time"]["k"], rows["on_time"]["n"]) == (5, 5)  # signature dates in January
    assert (rows["causes"]["low"], rows["causes"]["high"]) == wilson_interval(0, 5)
    ids = {i["id"]: i for i in view["indicators"]}
    assert ids["disputes_handled"]["reports"] == 1 and ids["disputes_handled"]["median"] == 121
    assert ids["mediation_success_rate"]["reports"] == 1  # 杏林乡 2022, whose indicators the page computed
    assert [r["label"] for r in view["by_year"]["rows"]] == ["2022", "2023"]
    township = view["by_level"]["rows"][0]
    assert township["n"] == 5 and township["cells"][0]["share"] == pytest.approx(2 / 5)  # talent_shortage
    (repeated,) = view["repeated"]
    assert repeated["entity"] == "苇塘镇" and repeated["year"] == 2023 and repeated["repeated_text"] == 1.0
    (copied,) = view["copied"]
    assert {copied["entity_a"], copied["entity_b"]} == {"苇塘镇", "荷岭乡"}


def test_page_links_every_pair_to_its_paragraphs(corpus):
    page = render_html(corpus)
    for key in ("compliance", "indicators", "prevalence-level", "prevalence-year", "repeated", "copied"):
        assert f'id="{key}"' in page
    targets = set(re.findall(r'href="#([^"]+)"', page))
    ids = set(re.findall(r'id="([^"]+)"', page))
    assert targets and targets <= ids  # every link lands on the page (self-contained)
    assert {"r0-p6", "r1-p7"} <= targets  # 苇塘镇's first problem in 2022 and, repeated, in 2023
    assert "镇司法所仅有工作人员3名" in page  # the paragraph behind the link is quoted
    assert "40%（12–77%）" in page  # talent_shortage in 2 of 5 reports, with its Wilson interval
    assert "https://" not in page and "<script src" not in page


def test_reports_not_of_the_genre_are_left_out(corpus):
    fake = dict(corpus[1], source="copy.txt", genre=0.05)  # a verbatim copy flagged as not a report
    fake["meta"] = dict(fake["meta"], entity="某公司")
    view = measures_view([r for r in corpus])
    page = render_html(corpus + [fake])
    assert view["n"] == 5 and len(view["copied"]) == 1
    assert "某公司" not in page.split("不像法治政府建设年度报告的输入")[0]
    assert page.count('<tr data-id="plans">') == 1 and '<td class="num">5</td><td class="num">5</td>' in page
