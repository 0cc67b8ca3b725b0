"""Evaluation of the section classifier and the theme tagger: on annotated reports (per-label tables),
and end to end through an analyser on whole reports (the real samples)."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from lawnlp.annotations.schema import AnnotatedReport
from lawnlp.jsonl import read_jsonl
from lawnlp.labels import SECTION_IDS, THEME_IDS
from lawnlp.training.examples import examples


def evaluate(task: str, model, reports: list[AnnotatedReport]) -> dict:
    """Sections: accuracy, macro-F1 and per-label F1, in context and isolated.
    Themes: micro/macro-F1 and per-theme precision/recall/F1.
    Macro-F1 averages over the labels that are in the gold labels or the predictions (a label the model
    predicts that never occurs counts with F1 0; labels that occur in neither are left out)."""
    from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support

    ex = examples(task, reports)
    if not len(ex):
        return {}
    if task == "sections":
        out = {}
        for mode, ctx in (("in_context", ex.contexts), ("isolated", None)):
            pred = model.predict(ex.texts, ctx)
            p, r, f, s = precision_recall_fscore_support(ex.labels, pred, labels=list(SECTION_IDS), zero_division=0)
            out[mode] = {
                "accuracy": round(accuracy_score(ex.labels, pred), 4),
                "macro_f1": round(
                    f1_score(
                        ex.labels, pred, labels=sorted(set(ex.labels) | set(pred)), average="macro", zero_division=0
                    ),
                    4,
                ),
                "per_label": {
                    lab: {
                        "precision": round(p[i], 3),
                        "recall": round(r[i], 3),
                        "f1": round(f[i], 3),
                        "support": int(s[i]),
                    }
                    for i, lab in enumerate(SECTION_IDS)
                },
            }
        out["n"] = len(ex)
        return out
    pred = model.predict(ex.texts)
    gold = np.array([[lab in ys for lab in THEME_IDS] for ys in ex.labels])
    got = np.array([[lab in ys for lab in THEME_IDS] for ys in pred])
    p, r, f, s = precision_recall_fscore_support(gold, got, zero_division=0)
    present = gold.any(axis=0) | got.any(axis=0)  # a label only predicted (false positives) counts, at F1 0
    return {
        "micro_f1": round(f1_score(gold, got, average="micro", zero_division=0), 4),
        "macro_f1": round(float(np.mean(f[present])), 4) if present.any() else 0.0,
        "exact_match": round(float(np.mean((gold == got).all(axis=1))), 4),
        "per_label": {
            lab: {"precision": round(p[i], 3), "recall": round(r[i], 3), "f1": round(f[i], 3), "support": int(s[i])}
            for i, lab in enumerate(THEME_IDS)
        },
        "n": len(ex),
    }


def format_table(task: str, metrics: dict) -> str:
    """A readable per-label table of ``evaluate`` output."""
    rows = []
    if task == "sections":
        for mode in ("in_context", "isolated"):
            m = metrics[mode]
            rows.append(f"{mode}: accuracy {m['accuracy']:.4f}  macro-F1 {m['macro_f1']:.4f}")
        per = metrics["in_context"]["per_label"]
    else:
        rows.append(
            f"micro-F1 {metrics['micro_f1']:.4f}  macro-F1 {metrics['macro_f1']:.4f}  "
            f"exact {metrics['exact_match']:.4f}"
        )
        per = metrics["per_label"]
    rows.append(f"{'label':<22}{'P':>7}{'R':>7}{'F1':>7}{'n':>6}")
    for lab, v in per.items():
        rows.append(f"{lab:<22}{v['precision']:>7.3f}{v['recall']:>7.3f}{v['f1']:>7.3f}{v['support']:>6}")
    return "\n".join(rows)


def evaluate_end_to_end(analyzer, items: list[tuple[str, str, list[str], list[list[str]]]]) -> dict:
    """Whole-report evaluation through ``analyzer.analyze``: ``items`` are (name, text, gold section per
    non-empty line, gold themes per line). Line accuracy of sections, and per report the annotated
    themes found (report-level recall) and the themes tagged that are not annotated."""
    correct = total = 0
    per_report = {}
    for name, text, gold_sections, gold_themes in items:
        report = analyzer.analyze(text, name=name, brief=False)
        pred = report.line_sections()
        if len(pred) != len(gold_sections):
            raise ValueError(f"{name}: {len(pred)} lines parsed, {len(gold_sections)} annotated")
        hits = sum(p == g for p, g in zip(pred, gold_sections))
        correct, total = correct + hits, total + len(gold_sections)
        gold_t = {t for ts in gold_themes for t in ts}
        got_t = set(report.themes)
        per_report[name] = {
            "accuracy": round(hits / len(gold_sections), 4),
            "themes_missed": sorted(gold_t - got_t),
            "themes_extra": sorted(got_t - gold_t),
            "errors": [(i, g, p) for i, (g, p) in enumerate(zip(gold_sections, pred)) if g != p],
        }
    return {
        "accuracy": round(correct / max(total, 1), 4),
        "lines": total,
        "all_themes_found": all(not r["themes_missed"] for r in per_report.values()),
        "reports": per_report,
    }


def sample_items(
    samples_dir: str | os.PathLike, labels: str | os.PathLike
) -> list[tuple[str, str, list[str], list[list[str]]]]:
    """The real sample reports (text from ``samples_dir``) with their line labels (text-free JSONL)."""
    by_report: dict[str, dict[int, dict]] = {}
    for _, obj in read_jsonl(labels):
        by_report.setdefault(obj["report_id"], {})[obj["index"]] = obj
    items = []
    for rid, rows in sorted(by_report.items()):
        text = (Path(samples_dir) / f"{rid}.txt").read_text(encoding="utf-8")
        order = [rows[i] for i in range(len(rows))]
        items.append((rid, text, [o["section"] for o in order], [o.get("themes", []) for o in order]))
    return items
