"""lawnlp.text.genre: reports in the genre pass, invented look-alikes (news, disclosure report, 政府工作报告,
work points and their notice, a personal 述法报告, a speech, an interpretation, English) fall below the
threshold with a warning that names what they look like; every corpus report passes."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from lawnlp.config import GENRE
from lawnlp.pipeline import Analyzer
from lawnlp.rows import paragraph_rows, report_row
from lawnlp.text.genre import genre_cues, genre_score, genre_warning
from lawnlp.text.normalize import normalize

from invented_reports import QINGHE, SHUIWU
from paths import CORPUS

# Every text below is invented for these tests (no real place, person or page).
LOOKALIKES = {
    "news": (
        "云岭县召开会议审议2024年度法治政府建设情况报告\n"
        "本报云岭3月12日讯（记者 林远 通讯员 周和）3月11日，云岭县政府召开常务会议，审议《云岭县2024年度"
        "法治政府建设情况报告》。\n"
        "会议强调，要深入学习贯彻习近平法治思想，持续推进法治政府建设，依法行政水平要再上新台阶。\n"
        "会议还研究了其他事项。\n"
        "责任编辑：何青",
        "a news article",
    ),
    "disclosure": (
        "青禾镇人民政府2024年政府信息公开工作年度报告\n"
        "本报告依据《中华人民共和国政府信息公开条例》编制。\n"
        "一、总体情况\n"
        "2024年，青禾镇认真落实政府信息公开各项要求。\n"
        "二、主动公开政府信息情况\n"
        "全年主动公开政府信息126条。\n"
        "三、收到和处理政府信息公开申请情况\n"
        "全年收到依申请公开3件，均按期答复。\n"
        "四、政府信息公开行政复议、行政诉讼情况\n"
        "未发生因政府信息公开引起的行政复议、行政诉讼。",
        "政府信息公开",
    ),
    "government work report": (
        "政府工作报告\n"
        "——2025年1月10日在云岭县第九届人民代表大会第四次会议上\n"
        "各位代表：\n"
        "现在，我代表县人民政府，向大会报告工作，请予审议，并请县政协委员提出意见。\n"
        "过去一年，全县地区生产总值增长5.6%，一般公共预算收入完成8.2亿元，固定资产投资增长7.1%。\n"
        "我们坚持依法行政，法治政府建设扎实推进。",
        "政府工作报告",
    ),
    "work points notice": (
        "云岭县人民政府办公室关于印发《云岭县2025年法治政府建设工作要点》的通知\n"
        "云府办发〔2025〕7号\n"
        "各乡镇人民政府，县政府各部门：\n"
        "《云岭县2025年法治政府建设工作要点》已经县政府同意，现印发给你们，请认真贯彻执行。\n"
        "一、深入学习贯彻习近平法治思想\n"
        "责任单位：县司法局\n"
        "二、依法全面履行政府职能\n"
        "责任单位：县发展改革局、县市场监管局",
        "工作要点",
    ),
    "personal shufa report": (
        "青禾镇镇长2024年述法报告\n"
        "2024年，我认真履行推进法治建设第一责任人职责，现将本人述法情况报告如下：\n"
        "一、带头学法\n"
        "我带头学习习近平法治思想，本人全年参加会前学法12次。\n"
        "二、依法决策\n"
        "我始终坚持重大决策合法性审查，我作为镇长带头落实法律顾问制度。",
        "述法报告",
    ),
    "speech": (
        "在全县法治政府建设推进会上的讲话\n"
        "同志们：\n"
        "今天召开全县法治政府建设推进会，主要任务是总结工作、部署任务。下面，我讲几点意见。\n"
        "一、提高站位，深刻认识法治政府建设的重要意义\n"
        "二、突出重点，扎实推进依法行政",
        "a speech",
    ),
    "interpretation": (
        "【政策解读】《云岭县2024年度法治政府建设情况报告》解读\n"
        "一、起草背景\n"
        "按照法治政府建设年度报告制度要求，县司法局起草了年度报告。\n"
        "二、起草过程\n"
        "县司法局收集各部门材料，形成报告初稿，经县政府常务会议审议通过。\n"
        "三、主要内容\n"
        "报告分为工作开展情况、存在的不足、下一步工作打算三部分。",
        "解读",
    ),
    "english": (
        "Annual Report on the Construction of a Law-based Government of Yunling County (2024)\n"
        "In 2024, Yunling County continued to advance the rule of law in government.\n"
        "The county reviewed 36 normative documents and settled 338 disputes through mediation.\n"
        "Shortcomings remain: the legal workforce is small and public awareness is uneven.\n"
        "Next year the county will strengthen training and publicity.",
        "not Chinese",
    ),
}


def plain(source: str) -> str:
    return "\n".join(line.split("|", 1)[1] for line in source.splitlines())


def lines(text: str) -> list[str]:
    return [normalize(t) for t in text.splitlines() if t.strip()]


@pytest.mark.parametrize("source", [QINGHE, SHUIWU])
def test_invented_reports_pass(source):
    ls = lines(plain(source))
    assert genre_score(ls) >= GENRE.threshold and genre_warning(ls) is None
    assert {"title", "report sentence", "shortcomings part"} <= set(genre_cues(ls))


@pytest.mark.parametrize("kind", sorted(LOOKALIKES))
def test_lookalikes_fall_below_the_threshold(kind):
    text, looks_like = LOOKALIKES[kind]
    ls = lines(text)
    score = genre_score(ls)
    assert 0.0 <= score < GENRE.threshold, (kind, score, genre_cues(ls))
    warning = genre_warning(ls)
    assert warning.startswith("does not look like a 法治政府建设年度报告") and looks_like in warning
    assert "\n" not in warning


def test_every_corpus_report_passes():
    reports: dict[str, list[str]] = defaultdict(list)
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        reports[d["report_id"]].append(normalize(d["text"]))
    low = {rid: genre_score(ls) for rid, ls in reports.items() if genre_score(ls) < GENRE.threshold}
    assert len(reports) > 300 and not low


def test_only_the_opening_counts():
    """Appending many genre words after the opening does not lift a news article over the threshold."""
    text, _ = LOOKALIKES["news"]
    padded = text + "\n" + "\n".join(["法治政府建设依法行政法治建设。" * 10] * 400)
    assert genre_score(lines(padded)) < GENRE.threshold


def test_analyzer_sets_genre_warning_and_row_flag():
    analyzer = Analyzer(backend="rules")
    good = analyzer.analyze(plain(QINGHE), name="qinghe.txt")
    assert good.genre >= GENRE.threshold and not any("法治政府建设年度报告" in w for w in good.warnings)
    news = analyzer.analyze(LOOKALIKES["news"][0], name="news.txt")
    assert news.genre < GENRE.threshold
    assert any(w.startswith("does not look like") for w in news.warnings)
    assert news.to_dict()["genre"] == news.genre
    assert report_row(news)["not_report"] is True and report_row(good)["not_report"] is False
    assert all(row["not_report"] for row in paragraph_rows(news.to_dict()))
