"""Structural augmentation keeps labels aligned and themes on shortcomings lines only."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from lawnlp.annotations import AnnotatedReport, load_corpus
from lawnlp.text.furniture import is_debris
from lawnlp.text.normalize import normalize
from lawnlp.training import augment as A

CORPUS = Path(__file__).resolve().parents[2] / "training" / "data" / "paragraphs.jsonl"

ROWS = [
    ("某镇2023年法治政府建设工作报告", "other", []),
    ("县委、县政府：", "other", []),
    ("2023年，某镇坚持以习近平法治思想为指导。现将有关情况报告如下：", "preamble", []),
    ("一、主要举措和成效", "measures", []),  # 3
    ("（一）加强学法", "measures", []),  # 4
    ("全年组织集中学法12次（含专题讲座3次）。", "measures", []),
    ("（二）规范执法", "measures", []),  # 6
    ("开展执法检查286次，立案31件。", "measures", []),
    ("二、党政主要负责人履行推进法治建设第一责任人职责情况", "leadership", []),  # 8
    ("镇党委书记带头述法，主持专题会议4次。", "leadership", []),
    ("三、存在的不足和原因", "shortcomings", []),  # 10
    ("（一）法治队伍力量薄弱", "shortcomings", ["talent_shortage"]),  # 11
    ("一是法治人才不足；二是经费保障不足。", "shortcomings", ["talent_shortage", "resources_weak"]),
    ("四、2024年工作安排", "plans", []),  # 13
    ("继续加强法治队伍建设。", "plans", []),
    ("某镇人民政府", "other", []),
    ("2024年1月10日", "other", []),
]


def make() -> AnnotatedReport:
    return AnnotatedReport(
        "r1",
        [r[0] for r in ROWS],
        [r[1] for r in ROWS],
        [list(r[2]) for r in ROWS],
        {"report_id": "r1", "year": 2023, "level": "township"},
    )


def check(r: AnnotatedReport) -> None:
    assert len(r.texts) == len(r.sections) == len(r.themes)
    assert all(t.strip() and "\n" not in t for t in r.texts)
    assert all(not th or s == "shortcomings" for s, th in zip(r.sections, r.themes))


def pairs(r: AnnotatedReport) -> set[tuple[str, str]]:
    return {(t, s) for t, s in zip(r.texts, r.sections)}


def test_heading_level() -> None:
    assert A.heading_level("一、主要举措和成效") == 1 and A.heading_level("（二）规范执法") == 2
    assert A.heading_level("一是法治人才不足；二是经费保障不足。") is None
    assert A.heading_level("（一）坚持依法防控疫情。疫情发生后，启动应急响应。") is None


def test_drop_headings() -> None:
    r = make()
    out = A.drop_headings(r)
    check(out)
    assert len(out.texts) == len(r.texts) - 7  # lines 3 4 6 8 10 11 13
    assert all(A.heading_level(t) is None for t in out.texts)
    assert pairs(out) <= pairs(r)
    assert out.themes[out.texts.index(ROWS[12][0])] == ["talent_shortage", "resources_weak"]
    assert r.texts == [x[0] for x in ROWS]  # input untouched


def test_inline_headings() -> None:
    r = make()
    out = A.inline_headings(r)
    check(out)
    # joined: （一）+body, （二）+body, 二、+body, （一）法治队伍+body, 四、+body  (一、 and 三、 precede headings)
    assert len(out.texts) == len(r.texts) - 5
    assert "（一）加强学法全年组织集中学法12次（含专题讲座3次）。" in out.texts
    k = out.texts.index("（一）法治队伍力量薄弱一是法治人才不足；二是经费保障不足。")
    assert out.sections[k] == "shortcomings" and out.themes[k] == ["talent_shortage", "resources_weak"]
    assert out.sections[out.texts.index("四、2024年工作安排继续加强法治队伍建设。")] == "plans"
    assert "一、主要举措和成效" in out.texts and "三、存在的不足和原因" in out.texts
    with_stop = A.inline_headings(r, random.Random(0))
    check(with_stop)
    assert len(with_stop.texts) == len(out.texts)


def test_inline_needs_same_section() -> None:
    r = make()
    r.sections[5] = "leadership"
    out = A.inline_headings(r)
    assert "（一）加强学法" in out.texts


def test_reorder_parts() -> None:
    r = make()
    head, parts, tail = A.top_level_parts(r)
    assert head == [0, 1, 2] and [p[0] for p in parts] == [3, 8, 10, 13] and tail == [15, 16]
    for seed in range(5):
        out = A.reorder_parts(r, random.Random(seed))
        check(out)
        assert len(out.texts) == len(r.texts)
        assert out.texts[:3] == r.texts[:3] and out.texts[-2:] == r.texts[-2:]
        firsts = [t for t in out.texts if A.heading_level(t) == 1]
        assert [t[0] for t in firsts] == list("一二三四")  # renumbered in the new order
        assert [t[2:] for t in firsts] != [r.texts[i][2:] for i in (3, 8, 10, 13)]  # order changed
        # every line keeps its labels (compare without the level-1 numbers)
        strip = lambda rep: sorted(
            (t[1:] if A.heading_level(t) == 1 else t, s, tuple(th))
            for t, s, th in zip(rep.texts, rep.sections, rep.themes)
        )
        assert strip(out) == strip(r)
        # a part moves as a whole: the shortcomings heading is still followed by its lines
        k = next(i for i, t in enumerate(out.texts) if t.endswith("存在的不足和原因"))
        assert out.texts[k + 1 : k + 3] == r.texts[11:13] and out.themes[k + 1 : k + 3] == r.themes[11:13]


def test_reorder_without_parts_unchanged() -> None:
    r = A.drop_headings(make())
    out = A.reorder_parts(r, random.Random(1))
    assert out.texts == r.texts and out.sections == r.sections


def test_to_traditional() -> None:
    r = make()
    out = A.to_traditional(r)
    check(out)
    assert out.sections == r.sections and out.themes == r.themes
    assert "黨政主要負責人" in out.texts[8]
    assert [normalize(t) for t in out.texts] == [normalize(t) for t in r.texts]


def test_half_width() -> None:
    r = make()
    out = A.half_width(r)
    check(out)
    assert out.texts[5] == "全年组织集中学法12次(含专题讲座3次)。" and out.texts[1] == "县委、县政府:"
    assert not any(ch in t for t in out.texts for ch in "，：；（）")
    assert out.sections == r.sections and out.themes == r.themes


@pytest.mark.parametrize("where", ["start", "end"])
def test_add_debris(where: str) -> None:
    r = make()
    out = A.add_debris(r, random.Random(3), where=where)
    check(out)
    k = len(out.texts) - len(r.texts)
    assert 1 <= k <= 3
    added = out.texts[:k] if where == "start" else out.texts[-k:]
    kept = out.texts[k:] if where == "start" else out.texts[:-k]
    assert kept == r.texts
    assert (out.sections[:k] if where == "start" else out.sections[-k:]) == ["other"] * k
    assert all(is_debris(normalize(t)) for t in added)


def test_augment_random_subset() -> None:
    rng = random.Random(13)
    r = make()
    changed = 0
    for _ in range(50):
        out = A.augment(r, rng, p=0.5)
        check(out)
        assert out.report_id == r.report_id and out.meta == r.meta and out.meta is not r.meta
        changed += out.texts != r.texts
    assert changed > 30
    assert A.augment(r, random.Random(1), p=0.0).texts == r.texts
    assert r.texts == [x[0] for x in ROWS]


def test_augment_real_corpus() -> None:
    if not CORPUS.exists():
        pytest.skip("training/data/paragraphs.jsonl not built")
    rng = random.Random(5)
    for r in load_corpus(CORPUS)[:40]:
        for out in (A.reorder_parts(r, rng), A.inline_headings(r)):
            check(out)
            assert sorted(out.sections) == sorted(r.sections) or len(out.texts) != len(r.texts)
        out = A.augment(r, rng, p=0.5)  # headings may go and debris (other) come: content labels never grow
        check(out)
        content = Counter(s for s in out.sections if s != "other")
        assert not content - Counter(s for s in r.sections if s != "other")
