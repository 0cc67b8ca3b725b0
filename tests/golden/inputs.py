"""The exact strings each backend's models read for a parsed report (used by build.py and test_golden.py)."""

from __future__ import annotations

import hashlib


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def model_inputs(report) -> dict:
    """Section inputs (text hash; the BERT sentence-pair first segment, the lite feature tokens' hash and the
    rules' enclosing headings) and theme inputs (hashes of the paragraph and item texts) of a parsed report."""
    from lawnlp.labelling.decoding import split_items
    from lawnlp.models.lite import _features
    from lawnlp.text.context import bert_segment, section_inputs

    paragraphs = report.paragraphs
    texts, contexts = section_inputs(paragraphs, report.meta.year)
    rows = []
    for p, t, c in zip(paragraphs, texts, contexts):
        if p.debris:
            continue
        rows.append([_sha(t), bert_segment(c), _sha("\x1f".join(_features(t, c))), list(c.headings)])
    items = [[_sha(t) for t in split_items(p.norm)] for p in paragraphs]
    return {"sections": rows, "items": items}
