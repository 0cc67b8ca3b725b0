"""The three real reports in ../shared/samples (read at test time)."""

import pytest

import lawnlp
from lawnlp.text.meta import extract_meta
from lawnlp.text.structure import parse

EXPECTED_META = {
    "fangdong-2023": ("方洞镇", "泸县", 2023, "township"),
    "sikeshu-2024": ("四棵树镇", "乌苏市", 2024, "township"),
    "suocheng-2024": ("所城镇", None, 2024, "township"),
}
# Numbered headings each sample has, by level: (level-1 count, level-2 count, level-3 count).
EXPECTED_HEADINGS = {
    "fangdong-2023": (2, 11, 7),
    "sikeshu-2024": (3, 9, 5),
    "suocheng-2024": (4, 7, 0),
}


@pytest.mark.parametrize("name", sorted(EXPECTED_META))
def test_metadata_exact(samples, name):
    meta = extract_meta(parse(samples[name].read_text(encoding="utf-8")))
    assert (meta.entity, meta.county, meta.year, meta.level) == EXPECTED_META[name]


@pytest.mark.parametrize("name", sorted(EXPECTED_HEADINGS))
def test_every_numbered_heading_found(samples, name):
    text = samples[name].read_text(encoding="utf-8")
    ps = parse(text)
    counts = tuple(sum(p.heading_level == lvl for p in ps) for lvl in (1, 2, 3))
    assert counts == EXPECTED_HEADINGS[name]
    # every line that starts with 一、 / （一） is a heading (or the heading half of a split line)
    for i, line in enumerate(x for x in text.splitlines() if x.strip()):
        if line.removeprefix("[bookmark: _GoBack]").startswith(
            ("一、", "二、", "三、", "四、", "（一）", "(一)", "（二）", "(二)")
        ):
            assert any(p.line == i and p.heading_level for p in ps), line[:20]


def test_inline_heading_split_in_real_report(samples):
    ps = parse(samples["suocheng-2024"].read_text(encoding="utf-8"))
    split = [p for p in ps if p.text.startswith("二、党政主要负责人")]
    assert len(split) == 1 and split[0].heading_level == 1 and split[0].text.endswith("第一责任人职责")
    body = ps[split[0].index + 1]
    assert body.line == split[0].line and body.text.startswith("一是") and body.headings == [split[0].norm]


def test_debris_lines_marked_other(samples):
    report = lawnlp.analyze(samples["fangdong-2023"])
    tail = [p for p in report.paragraphs if p.debris]
    assert [p.text for p in tail][-4:] == ["账号+密码登录", "手机+密码登录", "还没有账号?", "立即注册"]
    assert all(p.section == "other" for p in tail)
    artefacts = [p for p in lawnlp.analyze(samples["sikeshu-2024"]).paragraphs if "bookmark" in p.text]
    assert artefacts == []
