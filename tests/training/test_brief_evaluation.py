"""Brief evaluation (lawnlp.briefs.evaluation, lawnlp.training.briefs) on a tiny invented corpus."""

from __future__ import annotations

import warnings

import pytest

from lawnlp.annotations import load_corpus
from lawnlp.briefs.evaluation import (
    SENT_RE,
    body_lines,
    lcs_f,
    lead_baseline,
    rouge_l,
    rouge_l_reference,
    textrank_baseline,
)
from lawnlp.text.privacy import find_names
from lawnlp.training.briefs import check_samples, evaluate_briefs, format_brief_table

from invented_reports import QINGHE, QINGHE_META, SHUIWU, SHUIWU_META, annotated, paragraphs_jsonl


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus")
    para, meta = paragraphs_jsonl(
        [annotated("qinghe-2024", QINGHE, QINGHE_META), annotated("shuiwu-20xx", SHUIWU, SHUIWU_META)]
    )
    (d / "paragraphs.jsonl").write_text(para, encoding="utf-8")
    (d / "reports.jsonl").write_text(meta, encoding="utf-8")
    return load_corpus(d / "paragraphs.jsonl")


@pytest.fixture(scope="module")
def rules():
    from lawnlp.pipeline import Analyzer

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        analyzer = Analyzer(backend="rules")
        analyzer.prepare()
    return analyzer


def test_rouge_l_matches_rouge_chinese():
    pairs = [
        ("青禾镇2024年：调处矛盾纠纷338件，开展普法活动56场次", "青禾镇2024年：调处纠纷338件、开展普法56场"),
        ("不足：法治人才短缺", "2025年：加强队伍建设"),
        ("完全相同的句子", "完全相同的句子"),
    ]
    for hyp, ref in pairs:
        assert rouge_l(hyp, ref) == pytest.approx(rouge_l_reference(hyp, ref), abs=1e-6)
    assert rouge_l("完全相同", "完全相同") == pytest.approx(1.0)
    assert lcs_f("", "参考") == 0.0 and rouge_l("，。；", "参考") == 0.0
    assert rouge_l("abc，", "ABC。") == pytest.approx(1.0)  # punctuation left out, case folded


def test_baselines_fit_the_budget():
    text = "\n".join(line.split("|", 1)[1] for line in QINGHE.splitlines())
    assert body_lines(text)[0].startswith("2024年，青禾镇")  # title and addressee skipped
    lead = lead_baseline(text, 100)
    assert len(lead) == 100 and lead.startswith("2024年，青禾镇")
    tr = textrank_baseline(text, 120)
    assert 0 < len(tr) <= 120
    pos = 0  # whole sentences of the body, in report order
    for sent in (s.strip() for line in body_lines(text) for s in SENT_RE.findall(line)):
        if tr.startswith(sent, pos):
            pos += len(sent)
    assert pos == len(tr)


def test_evaluate_briefs_on_tiny_corpus(corpus, rules):
    m = evaluate_briefs(corpus, max_chars=300, analyzer=rules, samples=None)
    assert m["reports"] == 2 and m["with_reference"] == 2
    assert set(m["rouge_l"]) == {"ours_gold", "ours_end_to_end", "lead", "textrank"}
    for v in m["rouge_l"].values():
        assert 0.0 < v <= 100.0
    assert m["rouge_l"]["ours_gold"] > max(m["rouge_l"]["lead"], m["rouge_l"]["textrank"])
    assert m["unfaithful_numbers"] == 0 and m["private_leaks"] == 0
    for mode in ("gold", "end_to_end"):
        assert m["modes"][mode]["over_budget"] == 0
    table = format_brief_table(m)
    for word in (
        "ROUGE-L",
        "Lead baseline",
        "TextRank baseline",
        "ours (gold labels)",
        "ours (end to end)",
        "unfaithful numbers 0",
        "private leaks 0",
    ):
        assert word in table


@pytest.mark.parametrize("max_chars", [100, 200])
def test_evaluate_briefs_budgets(corpus, rules, max_chars):
    m = evaluate_briefs(corpus, max_chars=max_chars, analyzer=rules, modes=("gold",), samples=None)
    assert m["mean_chars"]["ours_gold"] <= max_chars and m["mean_chars"]["lead"] <= max_chars
    assert m["modes"]["gold"]["over_budget"] == 0


def test_check_samples_counts_leaks_on_invented_reports(tmp_path, rules):
    (tmp_path / "qinghe.txt").write_text(
        "\n".join(line.split("|", 1)[1] for line in QINGHE.splitlines()), encoding="utf-8"
    )
    out = check_samples(tmp_path, 300, analyzer=rules)
    assert out["reports"] == 1 and out["unfaithful_numbers"] == 0 and out["private_leaks"] == 0
    with pytest.raises(FileNotFoundError, match="missing"):
        check_samples(tmp_path / "missing", 300, analyzer=rules)


def test_check_real_samples(samples, rules):
    directory = next(iter(samples.values())).parent
    out = check_samples(directory, 300, analyzer=rules)
    assert out["reports"] == len(samples)
    assert out["unfaithful_numbers"] == 0 and out["private_leaks"] == 0 and out["over_budget"] == 0
    suocheng = next(d for d in out["details"] if d["name"] == "suocheng-2024")
    names = find_names(samples["suocheng-2024"].read_text(encoding="utf-8"))
    assert names and not any(n in suocheng["brief"] for n in names)  # the report names private persons


def test_samples_included_in_metrics(corpus, rules, samples):
    directory = next(iter(samples.values())).parent
    m = evaluate_briefs(corpus[:1], max_chars=300, analyzer=rules, modes=("gold",), samples=directory)
    assert m["samples"]["reports"] == len(samples)
    assert m["unfaithful_numbers"] == 0 and m["private_leaks"] == 0
