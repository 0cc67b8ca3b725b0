"""End-to-end section accuracy on the corpus: whole reports through ``lawnlp.Analyzer`` (parsing, models,
cascade, document decoding), line by line against the annotations.

    python training/eval_e2e.py [--split dev|test] [--backend auto|bert|lite] [--no-cascade] [--show-errors]

This is the figure the document decoding (lawnlp.labelling.decoding) is judged by on the corpus;
``lawnlp evaluate`` scores the section model on its own (in context and isolated).
"""

from __future__ import annotations

import argparse
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    import lawnlp
    from lawnlp.annotations import load_corpus, split_reports
    from lawnlp.training import evaluate_end_to_end

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(REPO / "training" / "data" / "paragraphs.jsonl"))
    ap.add_argument("--split", default="test", choices=["train", "dev", "test"])
    ap.add_argument("--backend", default="auto", choices=["auto", "bert", "lite"])
    ap.add_argument("--no-cascade", action="store_true", help="BERT alone, without the lite cascade")
    ap.add_argument("--show-errors", action="store_true", help="print every wrong line (corpus text)")
    args = ap.parse_args(argv)

    reports = split_reports(load_corpus(args.data))[args.split]
    items = [(r.report_id, r.text, list(r.sections), [list(t) for t in r.themes]) for r in reports]
    analyzer = lawnlp.Analyzer(backend=args.backend, cascade=not args.no_cascade, measures=False)
    result = evaluate_end_to_end(analyzer, items)
    errors = [(name, e) for name, rep in result["reports"].items() for e in rep["errors"]]
    print(
        f"{args.split}: {len(items)} reports, {result['lines']} lines, accuracy {result['accuracy']:.4f}, "
        f"{len(errors)} wrong lines, all annotated themes found: {result['all_themes_found']}"
    )
    if args.show_errors:
        texts = {r.report_id: r.texts for r in reports}
        for name, (i, gold, pred) in errors:
            print(f"  {name} line {i}: gold {gold}, predicted {pred}: {texts[name][i][:40]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
