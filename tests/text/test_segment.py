"""Text that lost its line breaks (lawnlp.text.segment), alone and through the analyser.

Measured on the whole corpus (376 reports, lite backend, each report's lines joined with nothing or a
space between them; the method of ``test_joined_corpus_reports_come_back``, over every report):

| joined text, as analysed         | section accuracy (characters) | themes Jaccard vs original | brief length | entity as original |
|----------------------------------|------------------------------:|---------------------------:|-------------:|-------------------:|
| not re-segmented (before)        | 0.131                         | 0.028                      | 0.16x        | 0.80               |
| re-segmented                     | 0.913                         | 0.947                      | 0.96x        | 0.93               |
| re-segmented, joined with spaces | 0.967                         | 0.976                      | 0.97x        | 1.00               |

The original reports give 0.984; re-segmentation fires on none of the 376 originals and on every joined one.
"""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from lawnlp.pipeline import Analyzer
from lawnlp.text.segment import lost_line_breaks, resegment

from paths import CORPUS

REPORT_LINES = [
    "青禾镇2024年法治政府建设年度报告",
    "县委依法治县办：",
    "2024年，青禾镇坚持以法治思维推进基层治理，各项工作取得新进展。现将有关情况报告如下。",
    "一、主要举措和成效",
    "（一）加强组织领导。镇党委召开专题会议4次，研究部署法治建设工作。",
    "（二）规范行政执法。全年办理执法案件36件，调处矛盾纠纷118件。",
    "二、存在的不足",
    "一是法治工作力量薄弱，专业人才缺乏。",
    "二是群众法治意识有待提高，普法宣传形式单一。",
    "三、下一步工作打算",
    "1.加强法治队伍建设，选派干部参加法律培训。",
    "2.创新普法宣传方式，提升群众法治素养。",
    "青禾镇人民政府",
    "2025年1月10日",
]


def test_joined_report_is_cut_back_into_its_lines():
    seg = resegment("".join(REPORT_LINES))
    assert seg.changed and "lost its line breaks" in seg.warning
    assert seg.text.split("\n") == REPORT_LINES


def test_lines_joined_with_spaces_come_back_too():
    seg = resegment(" ".join(REPORT_LINES))
    assert seg.text.split("\n") == REPORT_LINES


def test_a_report_with_its_lines_is_left_alone():
    text = "\n".join(REPORT_LINES)
    seg = resegment(text)
    assert not seg.changed and seg.text == text and seg.warning is None
    assert not lost_line_breaks(text)


def test_numbers_out_of_order_and_numeral_lists_are_not_headings():
    # 三、 before 一、 and 一、二、三级 are words here, 统一是 is no item: only sentence ends cut this text.
    text = "全镇三、四月份开展专项行动。统一是各村的共识。" * 12 + "一、二、三级网格全部建成。"
    lines = resegment(text).text.split("\n")
    assert all(not line.startswith(("三、", "一、", "是")) for line in lines[1:])
    assert all(line.endswith("。") for line in lines)


def test_a_long_paragraph_alone_is_cut_at_sentence_ends():
    text = "镇政府依法履行职能，规范行政执法行为，全年未发生行政败诉案件。" * 20
    seg = resegment(text)
    assert seg.changed
    assert all(line.endswith("。") and len(line) <= 300 for line in seg.text.split("\n"))
    assert seg.text.replace("\n", "") == text


def test_inline_lists_of_a_normal_report_do_not_fire():
    text = "\n".join(
        REPORT_LINES[:9]
        + ["2025年，我镇将重点做好以下工作：（一）加强队伍建设；（二）创新普法方式；（三）强化执法监督。"]
    )
    assert not resegment(text).changed


def test_analyzer_warns_and_labels_the_joined_report():
    analyzer = Analyzer(backend="rules")
    joined = analyzer.analyze(text="".join(REPORT_LINES))
    original = analyzer.analyze(text="\n".join(REPORT_LINES))
    assert not original.warnings
    assert len(joined.warnings) == 1 and "line breaks" in joined.warnings[0]
    assert [p.text for p in joined.paragraphs] == [p.text for p in original.paragraphs]
    assert joined.themes == original.themes and joined.brief.text == original.brief.text
    assert (joined.meta.entity, joined.meta.year) == ("青禾镇", 2024)


def _corpus() -> dict[str, list[dict]]:
    reports: dict[str, list[dict]] = defaultdict(list)
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        reports[d["report_id"]].append(d)
    return reports


def test_no_corpus_report_fires():
    assert not [rid for rid, rows in _corpus().items() if resegment("\n".join(r["text"] for r in rows)).changed]


def _char_sections(text: str, report) -> list[str | None]:
    labels: list[str | None] = [None] * len(text)
    pos = 0
    for p in report.paragraphs:
        i = text.find(p.text, pos)
        if i >= 0:
            labels[i : i + len(p.text)] = [p.section] * len(p.text)
            pos = i + len(p.text)
    return labels


@pytest.mark.parametrize("sep", ["", " "])
def test_joined_corpus_reports_come_back(sep: str):
    """Every 9th corpus report, lines joined: section accuracy per character, themes and brief length
    against the original report, lite backend (floors a little under the figures in the docstring)."""
    analyzer = Analyzer(backend="lite")
    reports = list(_corpus().values())[::9]
    acc = jaccard = brief = 0.0
    for rows in reports:
        lines = [r["text"] for r in rows]
        joined = sep.join(lines)
        gold: list[str | None] = []
        for k, r in enumerate(rows):
            gold += [r["section"]] * len(r["text"]) + ([None] * len(sep) if k < len(rows) - 1 else [])
        original, cut = analyzer.analyze(text="\n".join(lines)), analyzer.analyze(text=joined)
        assert cut.warnings and not original.warnings
        predicted = _char_sections(joined, cut)
        acc += sum(p == g for p, g in zip(predicted, gold) if g) / sum(1 for g in gold if g)
        a, b = set(original.themes), set(cut.themes)
        jaccard += len(a & b) / len(a | b) if a | b else 1.0
        brief += len(cut.brief.text) / max(1, len(original.brief.text))
    n = len(reports)
    assert acc / n >= 0.87 and jaccard / n >= 0.88 and brief / n >= 0.88, (acc / n, jaccard / n, brief / n)


def test_a_short_excerpt_that_kept_its_line_breaks_is_left_alone():
    # three long lines, two of them opening with a part heading: an excerpt cut short, not a joined report
    text = (
        "根据《关于报送年度报告的通知》要求，云州市人民政府高度重视，组织各部门认真总结，"
        + "现将云州市2021年度法治政府建设情况报告如下：" * 3
        + "\n一、2021年法治政府建设情况及主要做法\n（一）强化组织领导。一是严格落实报告制度。"
        + "全市建立法治政府建设情况报告制度，按时向社会公开。" * 6
    )
    assert not resegment(text).changed
