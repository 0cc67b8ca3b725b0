"""Scoring briefs against reference briefs: character-level ROUGE-L, and the Lead and TextRank baselines
of the same budget. (The corpus-level evaluation, which needs annotations and an analyser, is
lawnlp.training.briefs.)

ROUGE-L is the F-measure of the longest common subsequence of characters (Chinese characters, letters and
digits; punctuation and spaces left out), as ``rouge_chinese`` computes it on space-joined characters.
"""

from __future__ import annotations

import math
import re

from lawnlp.config import BRIEF
from lawnlp.text.furniture import is_debris
from lawnlp.text.normalize import normalize

KEEP_RE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
SENT_RE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]?")


# -- ROUGE-L ------------------------------------------------------------------------------------------
def _chars(text: str) -> list[str]:
    return KEEP_RE.findall(normalize(text.replace("\n", " ")).lower())


def _lcs(a: list[str], b: list[str]) -> int:
    if not a or not b:
        return 0
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def lcs_f(hyp: str, ref: str) -> float:
    """Character-level ROUGE-L F1 (our own LCS), 0-1."""
    h, r = _chars(hyp), _chars(ref)
    lcs = _lcs(h, r)
    if not lcs:
        return 0.0
    p, rc = lcs / len(h), lcs / len(r)
    return 2 * p * rc / (p + rc)


def rouge_l(hyp: str, ref: str) -> float:
    """Character-level ROUGE-L F, 0-1: our LCS, which gives the same figures as ``rouge_chinese.Rouge``
    on space-joined characters (tests/training/test_brief_evaluation.py checks this) in a fraction of the
    time. Kept over the library: on 60 corpus briefs against the Lead baseline the two differ by at most
    5e-9, and ours takes 3.6 ms a pair against 10.4 ms for ``rouge_chinese``."""
    return lcs_f(hyp, ref)


def rouge_l_reference(hyp: str, ref: str) -> float:
    """The same figure computed by ``rouge_chinese`` (slow; used to check ``rouge_l``)."""
    from rouge_chinese import Rouge

    h, r = _chars(hyp), _chars(ref)
    if not h or not r:
        return 0.0
    return float(Rouge(metrics=["rouge-l"]).get_scores(" ".join(h), " ".join(r))[0]["rouge-l"]["f"])


# -- baselines ----------------------------------------------------------------------------------------
def body_lines(text: str) -> list[str]:
    """The report's normalised lines after its title lines (leading short lines without a full stop,
    web debris, the addressee)."""
    lines = [normalize(line) for line in text.splitlines() if line.strip()]
    lines = [line for line in lines if line]
    i = 0
    while i < len(lines) and (is_debris(lines[i]) or ("。" not in lines[i] and len(lines[i]) <= 40)):
        i += 1
    return lines[i:] if i < len(lines) else lines


def lead_baseline(text: str, max_chars: int = BRIEF.max_chars) -> str:
    """Lead: the first ``max_chars`` characters of the body."""
    return "".join(body_lines(text))[:max_chars]


def textrank_baseline(text: str, max_chars: int = BRIEF.max_chars) -> str:
    """TextRank over the body's sentences (jieba words, similarity as in Mihalcea & Tarau 2004, PageRank
    by networkx): the best-ranked sentences that fit ``max_chars``, in report order. (networkx replaced
    our own power iteration: the same brief for 60 of 60 corpus reports, in 0.23 s against 0.44 s.)"""
    import jieba
    import networkx as nx

    jieba.setLogLevel(60)
    sents = [s.strip() for line in body_lines(text) for s in SENT_RE.findall(line) if len(s.strip()) >= 6]
    if not sents:
        return lead_baseline(text, max_chars)
    words = [set(w for w in jieba.lcut(s) if KEEP_RE.search(w)) for s in sents]
    n = len(sents)
    graph = nx.Graph()
    graph.add_nodes_from(range(n))
    for i in range(n):
        for j in range(i + 1, n):
            common = len(words[i] & words[j])
            if common and len(words[i]) > 1 and len(words[j]) > 1:
                graph.add_edge(i, j, weight=common / (math.log(len(words[i])) + math.log(len(words[j]))))
    score = nx.pagerank(graph, alpha=0.85, weight="weight")
    chosen: list[int] = []
    used = 0
    for i in sorted(range(n), key=lambda i: -score[i]):
        if used + len(sents[i]) <= max_chars:
            chosen.append(i)
            used += len(sents[i])
    if not chosen:
        return sents[max(range(n), key=lambda i: score[i])][:max_chars]
    return "".join(sents[i] for i in sorted(chosen))
