"""Near-duplicate check across the annotated corpus (no dependencies beyond Python).

Each paragraph of at least --min-chars characters (whitespace removed) is cut into character
--ngram shingles (8 by default). A report's shingle set is the union over its paragraphs.
  * report pairs: Jaccard similarity of their shingle sets;
  * paragraphs: a paragraph has a near-duplicate when another report holds the same text, or a
    paragraph whose shingle set has Jaccard >= --para-threshold (0.8) with it.

    python training/near_duplicates.py                       # training/data/paragraphs.jsonl
    python training/near_duplicates.py other.jsonl --json out.json --max-pair 0.4

Prints the largest report-pair similarity, the number of report pairs over 0.5 and the share of
paragraphs with a near-duplicate in another report. Exit status 1 when a report pair is over --max-pair.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent
_SPACE = re.compile(r"\s+")


def shingles(text: str, n: int = 8) -> frozenset[str]:
    """Character n-grams of a text with its whitespace removed."""
    text = _SPACE.sub("", text)
    return frozenset(text[i : i + n] for i in range(len(text) - n + 1))


def jaccard(a: frozenset | set, b: frozenset | set) -> float:
    """|a & b| / |a | b| (0 for two empty sets)."""
    if not a and not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def read_paragraphs(path: Path) -> list[tuple[str, int, str]]:
    """(report_id, index, text) of every paragraph of a lawnlp paragraph JSONL file."""
    out = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                obj = json.loads(line)
                out.append((str(obj["report_id"]), int(obj.get("index", 0)), str(obj["text"])))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise SystemExit(f"{path}:{lineno}: not a paragraph record ({exc})") from None
    return out


def analyse(
    paragraphs: list[tuple[str, int, str]],
    n: int = 8,
    min_chars: int = 20,
    pair_threshold: float = 0.5,
    para_threshold: float = 0.8,
    top: int = 20,
    max_pair: float = 0.5,
) -> dict:
    """Report-pair similarities and cross-report near-duplicate paragraphs."""
    paras = [
        (rid, idx, text, shingles(text, n)) for rid, idx, text in paragraphs if len(_SPACE.sub("", text)) >= min_chars
    ]
    by_report: dict[str, set[str]] = defaultdict(set)
    for rid, _, _, sh in paras:
        by_report[rid] |= sh
    for rid, _, _ in paragraphs:
        by_report.setdefault(rid, set())

    # report pairs: intersections counted through an inverted index of shingles
    owners: dict[str, list[str]] = defaultdict(list)
    for rid, sh in by_report.items():
        for s in sh:
            owners[s].append(rid)
    inter: dict[tuple[str, str], int] = defaultdict(int)
    for rids in owners.values():
        if len(rids) > 1:
            for a, b in combinations(sorted(rids), 2):
                inter[a, b] += 1
    pairs = []
    for (a, b), k in inter.items():
        sim = k / (len(by_report[a]) + len(by_report[b]) - k)
        pairs.append({"a": a, "b": b, "jaccard": round(sim, 4), "shared_shingles": k})
    pairs.sort(key=lambda p: -p["jaccard"])

    # paragraphs: verbatim copies and near-duplicates in another report
    para_index: dict[str, list[int]] = defaultdict(list)
    for k, (_, _, _, sh) in enumerate(paras):
        for s in sh:
            para_index[s].append(k)
    by_text: dict[str, set[str]] = defaultdict(set)
    for rid, _, text, _ in paras:
        by_text[_SPACE.sub("", text)].add(rid)
    dup_examples, n_dup, n_verbatim = [], 0, 0
    for rid, idx, text, sh in paras:
        verbatim = len(by_text[_SPACE.sub("", text)]) > 1
        best, best_k = 0.0, None
        if not verbatim and sh:
            counts: dict[int, int] = defaultdict(int)
            for s in sh:
                for j in para_index[s]:
                    if paras[j][0] != rid:
                        counts[j] += 1
            for j, c in counts.items():
                sim = c / (len(sh) + len(paras[j][3]) - c)
                if sim > best:
                    best, best_k = sim, j
        if verbatim or best >= para_threshold:
            n_dup += 1
            n_verbatim += verbatim
            if len(dup_examples) < 200:
                other = sorted(by_text[_SPACE.sub("", text)] - {rid})[0] if verbatim else paras[best_k][0]
                dup_examples.append(
                    {
                        "report_id": rid,
                        "index": idx,
                        "text": text,
                        "other_report": other,
                        "jaccard": 1.0 if verbatim else round(best, 4),
                        "verbatim": verbatim,
                    }
                )
    n_rep = len(by_report)
    return {
        "reports": n_rep,
        "report_pairs": n_rep * (n_rep - 1) // 2,
        "paragraphs_checked": len(paras),
        "ngram": n,
        "min_chars": min_chars,
        "max_pair_jaccard": pairs[0]["jaccard"] if pairs else 0.0,
        "max_pair": pairs[0] if pairs else None,
        "pairs_over_threshold": sum(p["jaccard"] > pair_threshold for p in pairs),
        "pair_threshold": pair_threshold,
        "pairs_over_max_pair": sum(p["jaccard"] > max_pair for p in pairs),
        "max_pair_threshold": max_pair,
        "paragraphs_with_near_duplicate": n_dup,
        "paragraphs_verbatim_shared": n_verbatim,
        "near_duplicate_share": round(n_dup / len(paras), 4) if paras else 0.0,
        "para_threshold": para_threshold,
        "top_pairs": pairs[:top],
        "duplicate_paragraphs": dup_examples,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        default=ROOT / "data" / "paragraphs.jsonl",
        help="paragraph JSONL (default: training/data/paragraphs.jsonl)",
    )
    parser.add_argument("--ngram", type=int, default=8, help="shingle length in characters (default 8)")
    parser.add_argument("--min-chars", type=int, default=20, help="shortest paragraph checked (default 20)")
    parser.add_argument(
        "--para-threshold",
        type=float,
        default=0.8,
        help="Jaccard at which two paragraphs count as near-duplicates (default 0.8)",
    )
    parser.add_argument(
        "--max-pair",
        type=float,
        default=0.5,
        help="fail (exit 1) when a report pair's Jaccard is over this (default 0.5)",
    )
    parser.add_argument("--top", type=int, default=10, help="most similar report pairs to print (default 10)")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write the full result as JSON here")
    args = parser.parse_args(argv)

    result = analyse(
        read_paragraphs(args.path),
        n=args.ngram,
        min_chars=args.min_chars,
        pair_threshold=0.5,
        para_threshold=args.para_threshold,
        top=max(args.top, 20),
        max_pair=args.max_pair,
    )
    over_n = result["pairs_over_max_pair"]
    print(
        f"{result['reports']} reports ({result['report_pairs']} pairs), "
        f"{result['paragraphs_checked']} paragraphs of >= {args.min_chars} chars, {args.ngram}-gram shingles"
    )
    mp = result["max_pair"]
    print(f"max report-pair Jaccard: {result['max_pair_jaccard']:.3f}" + (f" ({mp['a']} / {mp['b']})" if mp else ""))
    print(f"report pairs over 0.5: {result['pairs_over_threshold']}")
    print(
        f"paragraphs with a near-duplicate (verbatim or Jaccard >= {args.para_threshold}) in another report: "
        f"{result['paragraphs_with_near_duplicate']} of {result['paragraphs_checked']} "
        f"({result['near_duplicate_share']:.1%}; verbatim {result['paragraphs_verbatim_shared']})"
    )
    for p in result["top_pairs"][: args.top]:
        print(f"  {p['jaccard']:.3f}  {p['a']}  {p['b']}")
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if over_n:
        print(f"FAIL: {over_n} report pair(s) over --max-pair {args.max_pair}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
