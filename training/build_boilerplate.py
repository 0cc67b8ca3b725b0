"""Build the boilerplate reference shipped with lawnlp (lawnlp/measures/data/boilerplate.json) from the
annotated corpus (training/data/paragraphs.jsonl with reports.jsonl beside it), and measure the two
ways of finding stock sentences.

    python training/build_boilerplate.py              # write the reference, print its size
    python training/build_boilerplate.py --measure    # also compare n-gram and sentence-hash methods

The measurement builds a reference from half of the reports (by a hash of the report id) and judges
the sentences of the other half against the definition (a masked sentence near-identical, bigram
Jaccard >= 0.7, to sentences of >= 5% of the reference reports) with the exact masked-sentence hash,
with masked 6-gram document frequencies (>= 80% of a sentence's 6-grams common) and with the shipped
stock-sentence rule; "one-char variants" changes one character in the middle of each held-out stock
sentence of 12+ characters. Measured on the project corpus (339 reports of paragraphs.jsonl, 2 halves of 168 and 171):

    rule                       precision recall  one-char variants found
    masked sentence hash           1.000  0.713    0/216
    masked 6-gram df               0.790  0.880    0/216
    stock sentences (shipped)      0.910  1.000  188/216

(the stock-sentence rule loses some precision only because near-identity is not transitive: a
sentence close to a stock sentence need not be close to that sentence's own near copies.)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT.parent))

from lawnlp.measures.boilerplate import MIN_CHARS, BoilerplateReference, bigrams, masked_sentences  # noqa: E402
from lawnlp.measures.text import light_normalize  # noqa: E402
from lawnlp.schema import Meta, Paragraph, Report  # noqa: E402

OUT = ROOT.parent / "lawnlp" / "measures" / "data" / "boilerplate.json"


def corpus_reports(paragraphs: Path) -> list[Report]:
    """Reports of the annotation JSONL with their gold sections and themes (one paragraph per line)."""
    metas = {}
    meta_path = paragraphs.with_name("reports.jsonl")
    if meta_path.exists():
        for line in meta_path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                m = json.loads(line)
                metas[m["report_id"]] = m
    rows: dict[str, list[dict]] = {}
    for line in paragraphs.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            rows.setdefault(r["report_id"], []).append(r)
    reports = []
    for rid, recs in rows.items():
        recs.sort(key=lambda r: r["index"])
        m = metas.get(rid, {})
        meta = Meta(entity=m.get("entity"), county=m.get("county"), year=m.get("year"), level=m.get("level", "unknown"))
        paras = [
            Paragraph(
                index=r["index"],
                line=r["index"],
                text=r["text"],
                norm=light_normalize(r["text"], True),
                section=r["section"],
                themes=list(r.get("themes") or []),
            )
            for r in recs
        ]
        reports.append(Report(source=rid, meta=meta, paragraphs=paras))
    return reports


def _half(report_id: str) -> int:
    return hashlib.sha1(report_id.encode()).digest()[0] % 2


def _variant(s: str) -> str:
    mid = len(s) // 2
    return s[:mid] + ("甲" if s[mid] != "甲" else "乙") + s[mid + 1 :]


def _ngram_rule(train: list[list[str]], floor: int, n: int = 6, coverage: float = 0.8):
    df = Counter(g for doc in train for g in {s[i : i + n] for s in doc for i in range(len(s) - n + 1)})
    common = {g for g, c in df.items() if c >= floor}

    def stock(s: str) -> bool:
        grams = {s[i : i + n] for i in range(len(s) - n + 1)} or {s}
        return sum(g in common for g in grams) >= coverage * len(grams)

    return stock


def _truth(judged: list[str], train: list[list[str]], floor: int, near: float) -> list[bool]:
    """By brute force (sparse bigram matrices): is each judged sentence near-identical to sentences
    of at least ``floor`` reference documents?"""
    import numpy as np
    from scipy import sparse

    ref = [(d, s) for d, doc in enumerate(train) for s in doc if len(s) >= MIN_CHARS]
    vocab: dict[str, int] = {}

    def matrix(texts: list[str]):
        rows, cols = [], []
        for i, s in enumerate(texts):
            for g in bigrams(s):
                rows.append(i)
                cols.append(vocab.setdefault(g, len(vocab)))
        return rows, cols

    ra, ca = matrix([s for _, s in ref])
    rb, cb = matrix(judged)
    a = sparse.csr_matrix((np.ones(len(ra)), (ra, ca)), shape=(len(ref), len(vocab)))
    b = sparse.csr_matrix((np.ones(len(rb)), (rb, cb)), shape=(len(judged), len(vocab)))
    docs = np.array([d for d, _ in ref])
    la, lb = np.asarray(a.sum(1)).ravel(), np.asarray(b.sum(1)).ravel()
    out = []
    for start in range(0, len(judged), 1000):
        inter = (b[start : start + 1000] @ a.T).toarray()
        jac = inter / (lb[start : start + 1000, None] + la[None, :] - inter)
        out.extend(len(set(docs[row >= near - 1e-9].tolist())) >= floor for row in jac)
    return out


def measure(reports: list[Report]) -> None:
    """Exact masked-sentence hashes and masked 6-gram frequencies against the definition (a sentence
    near-identical to sentences of >= 5% of the reference reports), on held-out reports."""
    train = [[s for _, s in masked_sentences(r)] for r in reports if _half(r.source) == 0]
    test = [[s for _, s in masked_sentences(r)] for r in reports if _half(r.source) == 1]
    ref = BoilerplateReference.from_masked(train)
    floor = ref.min_count
    judged = [s for doc in test for s in doc if len(s) >= MIN_CHARS]
    truth = _truth(judged, train, floor, ref.near)
    sent_df = Counter(s for doc in train for s in set(doc))
    ngram = _ngram_rule(train, floor)
    variants = [_variant(s) for s, t in zip(judged, truth) if t and len(s) >= 12]
    print(
        f"reference {len(train)} reports, held out {len(test)} reports, {len(judged)} sentences judged, "
        f"{sum(truth)} stock by the definition"
    )
    for name, rule in (
        ("masked sentence hash", lambda s: sent_df[s] >= floor),
        ("masked 6-gram df", ngram),
        ("stock sentences (shipped)", lambda s: bool(ref.is_boilerplate(s))),
    ):
        pred = [rule(s) for s in judged]
        tp = sum(p and t for p, t in zip(pred, truth))
        print(
            f"  {name:26s} precision {tp / max(sum(pred), 1):.3f} recall {tp / max(sum(truth), 1):.3f}"
            f"  one-char variants found {sum(map(rule, variants))}/{len(variants)}"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--paragraphs", type=Path, default=ROOT / "data" / "paragraphs.jsonl")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--measure", action="store_true", help="compare the n-gram and sentence-hash rules")
    args = parser.parse_args(argv)
    reports = corpus_reports(args.paragraphs)
    ref = BoilerplateReference.from_reports(reports)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    ref.save(args.out)
    shares = [s for s in (ref.share(r)[0] for r in reports) if s is not None]
    print(
        f"{args.out}: {len(ref.stock)} stock sentences from {ref.reports} reports, "
        f"{args.out.stat().st_size / 1024:.0f} KiB; mean boilerplate share {sum(shares) / len(shares):.3f}"
    )
    if args.measure:
        measure(reports)
    return 0


if __name__ == "__main__":
    sys.exit(main())
