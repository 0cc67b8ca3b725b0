"""The boilerplate reference: which (masked) sentences are stock phrases of the genre.

A sentence is *boilerplate* when it occurs near-identically in at least ``min_share`` (5%) of the
reports of a reference corpus, once names, places, numbers and years are masked (text.mask) and its
list marker dropped. Near-identical: Jaccard similarity of the masked sentences' character bigrams
>= ``near`` (0.7; 法治政府建设主要举措和成效 ~ 法治政府建设主要举措及成效). The reference stores the
stock sentences themselves with their document frequency; a sentence is looked up exactly, then
among the stock sentences by an exact prefix-filter similarity search (never a scan of all of them).
``boilerplate_share`` is the share of a report's sentences (paragraphs outside ``other``, split at
。！？；, at least MIN_CHARS masked characters) that are boilerplate.

Why stock sentences and not the two simpler tables (measured by ``training/build_boilerplate.py
--measure``: reference from half of the project corpus, sentences of the other half judged against
the definition above, computed by brute force; 339 reports): exact masked-sentence hashes find
only identical sentences (precision 1.00, recall 0.71; none of 216 one-character variants found);
document frequencies of masked 6-grams (a sentence is stock when 80% of its 6-grams are common) take
sentences stitched from common fragments for stock ones (precision 0.79, recall 0.88; no variant
found); the stock-sentence table: precision 0.91 (near-identity is not transitive), recall 1.00,
188 of 216 variants found. It is small (lawnlp/measures/data/boilerplate.json, under 10 KiB for the
project corpus; built by training/build_boilerplate.py).

    ref = BoilerplateReference.default()            # shipped, built from the project corpus
    ref = BoilerplateReference.from_reports(batch)  # a batch's own reference
    share, paragraphs = ref.share(report)
"""

from __future__ import annotations

import heapq
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from lawnlp.measures.text import LEADING_MARKER_RE, mask_words, names_of, paragraph_text, sentences, strip_punctuation
from lawnlp.schema import Report

FORMAT = "lawnlp-boilerplate"
_MASKED_MARKER_RE = re.compile(r"^(?:＃\s*(?:[、]|\.(?!＃))|（＃）)\s*")  # 1. and （1） once numbers are masked
_MARKER_STARTS = frozenset("一二三四五六七八九十（0123456789①②③④⑤⑥⑦⑧⑨⑩第首其再最＃")  # where a list marker can begin
DEFAULT_MIN_SHARE, DEFAULT_NEAR, MIN_CHARS = 0.05, 0.7, 6


def masked_sentences(report: Report) -> list[tuple[int, str]]:
    """(paragraph index, masked sentence) for every sentence of the report outside section ``other``
    (its list marker dropped: 一是 and 二是 open the same stock sentence)."""
    names = names_of(report.meta)
    out = []
    for p in report.paragraphs:
        if p.debris or p.section in ("other", None):
            continue
        text = paragraph_text(p)
        if not text:
            continue
        for s in sentences(mask_words(text, names)):
            if s[0] in _MARKER_STARTS:
                s = _MASKED_MARKER_RE.sub("", LEADING_MARKER_RE.sub("", s, count=1), count=1)
            m = strip_punctuation(s)
            if m:
                out.append((p.index, m))
    return out


def bigrams(s: str) -> frozenset[str]:
    """The character bigrams of a masked sentence (the tokens of the near-identity test)."""
    return frozenset(s[i : i + 2] for i in range(len(s) - 1)) if len(s) > 1 else frozenset((s,))


def _prefix_len(size: int, near: float) -> int:
    return size - math.ceil(near * size - 1e-9) + 1


class NearIndex:
    """Sets of bigrams with a prefix-filter index: ``query(tokens)`` gives the ids of the sets whose
    Jaccard similarity with ``tokens`` is at least ``near`` (exact, no pairwise scan: only sets that
    share one of the rarest tokens of the query are verified)."""

    def __init__(self, sets: list[frozenset[str]], near: float):
        self.sets, self.near = sets, near
        freq = Counter(t for s in sets for t in s)
        self.rank = {t: r for r, (t, _) in enumerate(sorted(freq.items(), key=lambda kv: (kv[1], kv[0])))}
        self.index: dict[str, list[int]] = {}
        for i, s in enumerate(sets):
            for t in self._ordered(s)[: _prefix_len(len(s), near)]:
                self.index.setdefault(t, []).append(i)

    def _ordered(self, tokens: frozenset[str]) -> list[str]:
        return sorted(tokens, key=self.rank.__getitem__)

    def query(self, tokens: frozenset[str]) -> list[int]:
        size, near, rank = len(tokens), self.near, self.rank
        prefix = _prefix_len(size, near)
        known = [t for t in tokens if t in rank]
        # tokens no indexed set has come first in the order: they take prefix places and find nothing
        probe = prefix - (size - len(known))
        if probe <= 0:
            return []
        seen: set[int] = set()
        out = []
        for t in heapq.nsmallest(probe, known, key=rank.__getitem__):
            for i in self.index.get(t, ()):
                if i in seen:
                    continue
                seen.add(i)
                other = self.sets[i]
                if near * size <= len(other) <= size / near:
                    inter = len(tokens & other)
                    if inter >= near * (size + len(other) - inter):
                        out.append(i)
        return out


@dataclass(frozen=True)
class BoilerplateReference:
    """The stock sentences of a reference corpus: masked sentences whose near-identical copies
    (bigram Jaccard >= ``near``) occur in at least ``min_share`` of the ``reports`` reference
    reports, each with that document frequency."""

    stock: Mapping[str, int]
    reports: int
    min_share: float = DEFAULT_MIN_SHARE
    near: float = DEFAULT_NEAR
    _index: NearIndex = field(init=False, repr=False, compare=False)
    _max_chars: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index = NearIndex([bigrams(s) for s in self.stock], self.near)
        object.__setattr__(self, "_index", index)
        # longest masked sentence that can be near a stock one (1.5x slack for repeated bigrams)
        longest = max((len(s) for s in index.sets), default=0)
        object.__setattr__(self, "_max_chars", int(1.5 * longest / self.near) + 2)

    @property
    def min_count(self) -> int:
        """Reports a sentence must occur in to be stock: ``min_share`` of the reference, at least 2."""
        return max(2, math.ceil(self.min_share * self.reports - 1e-9))

    # -- building ---------------------------------------------------------------------------------
    @classmethod
    def from_masked(
        cls, docs: Iterable[Iterable[str]], min_share: float = DEFAULT_MIN_SHARE, near: float = DEFAULT_NEAR
    ) -> BoilerplateReference:
        """A reference from documents given as their masked sentences."""
        where: dict[str, set[int]] = {}
        total = 0
        for d, doc in enumerate(docs):
            for s in doc:
                if len(s) >= MIN_CHARS:
                    where.setdefault(s, set()).add(d)
            total = d + 1
        floor = max(2, math.ceil(min_share * total - 1e-9))
        distinct = list(where)
        sets = [bigrams(s) for s in distinct]
        index = NearIndex(sets, near)
        stock = {}
        for i, s in enumerate(distinct):
            docs_near = set(where[s])
            if len(docs_near) < floor:
                for j in index.query(sets[i]):
                    docs_near |= where[distinct[j]]
            if len(docs_near) >= floor:
                stock[s] = len(docs_near)
        return cls(stock, total, min_share, near)

    @classmethod
    def from_reports(
        cls, reports: Iterable[Report], min_share: float = DEFAULT_MIN_SHARE, near: float = DEFAULT_NEAR
    ) -> BoilerplateReference:
        """A batch's own reference, built from its analysed reports."""
        return cls.from_masked(([s for _, s in masked_sentences(r)] for r in reports), min_share, near)

    @classmethod
    def load(cls, path: str | Path) -> BoilerplateReference:
        d = json.loads(Path(path).read_text(encoding="utf-8"))
        if d.get("format") != FORMAT:
            raise ValueError(f"{path}: not a {FORMAT} file")
        return cls(d["sentences"], d["reports"], d["min_share"], d["near"])

    @classmethod
    def default(cls) -> BoilerplateReference:
        """The reference shipped with lawnlp (lawnlp/measures/data/boilerplate.json); an empty one
        (every share None) when the file is absent."""
        return _shipped()

    def save(self, path: str | Path) -> None:
        d = {
            "format": FORMAT,
            "version": 1,
            "method": "near-identical masked sentences",
            "reports": self.reports,
            "min_share": self.min_share,
            "near": self.near,
            "min_chars": MIN_CHARS,
            "sentences": dict(sorted(self.stock.items(), key=lambda kv: (-kv[1], kv[0]))),
        }
        Path(path).write_text(json.dumps(d, ensure_ascii=False, indent=0), encoding="utf-8")

    # -- using ------------------------------------------------------------------------------------
    def is_boilerplate(self, masked: str) -> bool | None:
        """Is this masked sentence stock? None when it is too short to tell (under MIN_CHARS)."""
        if len(masked) < MIN_CHARS or not self.reports:
            return None
        if masked in self.stock:
            return True
        return len(masked) <= self._max_chars and bool(self._index.query(bigrams(masked)))

    def flags(self, units: Iterable[tuple[int, str]]) -> list[tuple[int, str, bool]]:
        """(paragraph, masked sentence, stock?) for each sentence long enough to judge."""
        out = []
        for i, s in units:
            b = self.is_boilerplate(s)
            if b is not None:
                out.append((i, s, b))
        return out

    def share(self, report: Report | Iterable[tuple[int, str]]) -> tuple[float | None, list[int]]:
        """(share of the report's sentences that are boilerplate, paragraphs with one); None when the
        reference is empty or the report has no sentence to judge. ``report`` may also be given as
        its masked_sentences()."""
        units = masked_sentences(report) if isinstance(report, Report) else report
        flagged = self.flags(units)
        if not flagged:
            return None, []
        return sum(b for _, _, b in flagged) / len(flagged), sorted({i for i, _, b in flagged if b})


@lru_cache(maxsize=1)
def _shipped() -> BoilerplateReference:
    path = resources.files("lawnlp.measures") / "data" / "boilerplate.json"
    if path.is_file():
        with resources.as_file(path) as p:
            return BoilerplateReference.load(p)
    return BoilerplateReference({}, 0)
