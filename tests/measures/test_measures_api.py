"""The research measures in the public API: ``lawnlp.Audit``, ``lawnlp.Indicator``, ``lawnlp.compare`` (and
the paragraphs behind a year-over-year repeat), on invented reports."""

from __future__ import annotations

from measures_fixtures import QINGFENG_2023, pairs_corpus

import lawnlp
from lawnlp.pipeline import Analyzer


def test_public_names():
    assert {"Audit", "Indicator", "compare"} <= set(lawnlp.__all__)
    assert lawnlp.compare is lawnlp.measures.compare


def test_analysed_report_carries_typed_measures():
    text = "\n".join(line.split("|", 1)[1] for line in QINGFENG_2023.strip().splitlines())
    report = Analyzer(backend="rules").analyze(text=text, name="qf.txt")
    assert isinstance(report.audit, lawnlp.Audit) and report.audit.published == "2024-01-15"
    assert report.indicators and all(isinstance(i, lawnlp.Indicator) for i in report.indicators)
    assert report.to_dict()["indicators"][0] == report.indicators[0].to_dict()


def test_compare_names_the_repeated_paragraphs():
    c = lawnlp.compare(pairs_corpus())
    row = c.year_over_year.set_index("entity").loc["苇塘镇"]
    assert bool(row["repeated"]) and row["repeated_paragraphs"] == [(6, 7), (7, 8), (8, 9)]
    control = c.year_over_year.set_index("entity").loc["杏林乡"]
    assert not control["repeated"] and control["repeated_paragraphs"] == []
