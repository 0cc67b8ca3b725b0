"""Briefs (lawnlp.summary): budget, faithfulness, privacy, structure, metadata.

The reports below are invented (no real place or person); the real sample reports are read from
../shared/samples at test time (conftest ``samples``); the invented reports live in invented_reports.py.
"""

from __future__ import annotations

import hashlib
import json
import re
import warnings
from pathlib import Path

import pytest

from lawnlp.briefs import build_brief as summarize_report
from lawnlp.briefs.faithfulness import numbers_not_in
from lawnlp.labels import THEMES
from lawnlp.schema import Meta
from lawnlp.text.privacy import find_private

from invented_reports import qinghe, shuiwu


def _source(report) -> str:
    return "\n".join(p.text for p in report.paragraphs)


# -- budget ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("max_chars", [100, 200, 300])
@pytest.mark.parametrize("make", [qinghe, shuiwu])
def test_brief_within_budget(make, max_chars):
    brief = summarize_report(make(), max_chars=max_chars)
    assert 0 < len(brief.text) <= max_chars
    assert brief.figures or brief.measures
    assert brief.text.endswith("。")


@pytest.mark.parametrize("max_chars", [5, 12, 20, 30, 45, 60])
def test_tiny_budgets_never_cut_a_number(max_chars):
    report = qinghe()
    brief = summarize_report(report, max_chars=max_chars)
    assert len(brief.text) <= max_chars
    assert numbers_not_in(brief.text, _source(report)) == []


def test_smaller_budget_drops_items_not_words():
    report = qinghe()
    long, short = summarize_report(report, 300), summarize_report(report, 100)
    assert len(short.text) < len(long.text)
    # every phrase of the short brief is a phrase of the long one: items are dropped whole
    for phrase in short.figures + short.plans:
        assert phrase.split("、")[0] in long.text


# -- faithfulness ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("max_chars", [100, 200, 300])
def test_every_number_appears_in_the_source(max_chars):
    for report in (qinghe(), shuiwu()):
        brief = summarize_report(report, max_chars=max_chars)
        assert numbers_not_in(brief.text, _source(report)) == []
        for fig in brief.figures:  # figure phrases are copied from one paragraph, not composed
            for part in fig.split("、"):
                assert any(part in p.norm for p in report.paragraphs), part


def test_figures_carry_what_they_count():
    brief = summarize_report(qinghe(), 300)
    assert any(f.startswith("调处矛盾纠纷338件") for f in brief.figures)
    assert "开展普法活动56场次" in brief.text
    assert all(re.search(r"[\u4e00-\u9fff]{2}", f.split(re.search(r"\d", f).group())[0]) for f in brief.figures)


def test_numbers_not_in_checks_unit_and_whole_number():
    src = "全年调处矛盾纠纷146件，成功率98.2%。二〇二四年工作报告"
    assert numbers_not_in("调处矛盾纠纷146件，成功率98.2%，2024年", src) == []
    assert numbers_not_in("调处矛盾纠纷46件", src) == ["46件"]
    assert numbers_not_in("调处矛盾纠纷146次", src) == ["146次"]
    assert numbers_not_in("成功率98%", src) == ["98%"]


# -- privacy --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("max_chars", [100, 200, 300, 1000])
def test_no_private_data_in_brief(max_chars):
    report = qinghe()
    assert {"王某某", "张三", "李明", "13812345678"} <= set(find_private(_source(report)))
    brief = summarize_report(report, max_chars=max_chars)
    for private in ("王某某", "张三", "李明", "13812345678", "510101199001011234", "qinghe_fz@example.com", "宅基地"):
        assert private not in brief.text
    assert find_private(brief.text) == []


def _suocheng_reports(samples):
    """The suocheng sample analysed by the keyword rules, and with its gold labels when they exist."""
    from lawnlp.pipeline import Analyzer

    text = samples["suocheng-2024"].read_text(encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = [Analyzer(backend="rules").analyze(text, brief=False)]
    labels = Path(__file__).resolve().parents[2] / "training" / "data" / "samples_labels.jsonl"
    if labels.exists():
        from lawnlp.text.structure import parse

        gold = [json.loads(line) for line in labels.read_text(encoding="utf-8").splitlines() if line.strip()]
        gold = {o["index"]: o for o in gold if o["report_id"] == "suocheng-2024"}
        ps = parse(text)
        if gold and max(p.line for p in ps) + 1 == len(gold):
            for p in ps:
                p.section, p.themes = gold[p.line]["section"], list(gold[p.line]["themes"])
            from lawnlp.schema import Report

            out.append(Report(source="suocheng", meta=Meta("所城镇", None, 2024, "township"), paragraphs=ps))
    return text, out


# The three private persons the suocheng sample names, as hashes (their names stay out of the repository).
SUOCHENG_NAME_HASHES = {"2e938603641b", "2b77c9d6f31e", "6b1c6827b165"}


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@pytest.mark.parametrize("max_chars", [100, 200, 300])
def test_real_suocheng_brief_names_no_private_person(samples, max_chars):
    text, reports = _suocheng_reports(samples)
    found = set(find_private(text))
    names = {n for n in found if _sha(n) in SUOCHENG_NAME_HASHES}
    assert {_sha(n) for n in names} == SUOCHENG_NAME_HASHES
    for report in reports:
        brief = summarize_report(report, max_chars=max_chars)
        assert len(brief.text) <= max_chars
        for name in (*names, "家属", "离婚"):
            assert name not in brief.text
        assert find_private(brief.text) == []
        assert numbers_not_in(brief.text, text) == []


# -- structure and metadata -----------------------------------------------------------------------------
def test_themes_named_in_text():
    brief = summarize_report(qinghe(), 300)
    assert brief.themes == ["talent_shortage", "public_awareness", "publicity_weak"]
    for t in brief.themes:
        assert THEMES[t] in brief.text
    assert "不足：" in brief.text
    assert brief.text.index("不足：") > brief.text.index("调处矛盾纠纷")


def test_other_shortcoming_keeps_its_name():
    report = qinghe()
    for p in report.paragraphs:
        if p.text.startswith("（三）普法形式单一"):
            p.themes = ["other_shortcoming"]
    brief = summarize_report(report, 300)
    assert "other_shortcoming" in brief.themes and "其他不足" in brief.text


def test_entity_and_year_from_meta():
    brief = summarize_report(qinghe(), 300)
    assert (brief.entity, brief.year) == ("青禾镇", 2024)
    assert brief.text.startswith("青禾镇2024年：")


def test_entity_and_year_left_out_when_none():
    report = qinghe()
    report.meta = Meta(entity=None, county=None, year=None)
    brief = summarize_report(report, 300)
    assert brief.entity is None and brief.year is None
    assert "青禾镇" not in brief.text and "2024年" not in brief.text
    assert "2025年" not in brief.text and "下一步：" in brief.text  # no year to add one to
    report.meta = Meta(entity="青禾镇", year=None)
    assert summarize_report(report, 300).text.startswith("青禾镇：")
    report.meta = Meta(entity=None, year=2024)
    assert summarize_report(report, 300).text.startswith("2024年：")


def test_next_year_only_when_plans_name_it():
    report = qinghe()
    assert "2025年：" in summarize_report(report, 300).text
    for p in report.paragraphs:
        if p.section == "plans":
            p.norm = p.norm.replace("2025年", "下一年度")
    brief = summarize_report(report, 300)
    assert "2025年" not in brief.text and "下一步：" in brief.text
    # a department report with no year at all
    assert "下一步：" in summarize_report(shuiwu(), 300).text


def test_plans_and_measures_are_short_phrases():
    brief = summarize_report(qinghe(), 300)
    assert brief.plans[:2] == ["加强法治队伍建设", "深化精准普法"]
    assert "化解矛盾纠纷" in brief.measures and "强化组织领导" in brief.measures
    assert all(len(p) <= 18 for p in brief.plans)


def test_brief_uses_labels_not_position():
    report = qinghe()
    for p in report.paragraphs:  # nothing labelled measures: no figures
        if p.section in ("measures", "leadership"):
            p.section = "other"
    brief = summarize_report(report, 300)
    assert brief.figures == [] and "338" not in brief.text
    assert THEMES["talent_shortage"] in brief.text


def test_empty_report():
    report = qinghe()
    report.paragraphs = []
    brief = summarize_report(report, 300)
    assert brief.text == "青禾镇2024年。" and brief.figures == [] and brief.themes == []


def test_pipeline_summarize_uses_summary(samples):
    from lawnlp.pipeline import Analyzer

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        brief = Analyzer(backend="rules").summarize(samples["sikeshu-2024"], max_chars=200)
    assert brief.text.startswith("四棵树镇2024年：") and len(brief.text) <= 200


def test_page_cut_before_its_first_measure_still_gets_a_brief():
    # only the opening survives (a cover letter and the report's first paragraph): the brief says what it did
    from lawnlp.pipeline import Analyzer

    text = (
        "云州市生态环境局关于2023年度法治政府建设情况的报告\n"
        "2023年，云州市生态环境局坚持依法行政，在法治轨道上统筹推进减污降碳协同增效，有力保障了全市环境质量持续改善。\n"
        "一、2023年推进法治政府建设主要举措"
    )
    brief = Analyzer(backend="lite").analyze(text).brief
    assert brief.text.startswith("云州市生态环境局2023年：") and len(brief.text) >= 40
    assert "统筹推进减污降碳协同增效" in brief.text
