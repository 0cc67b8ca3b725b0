"""Evaluation of briefs on annotated reports: ROUGE-L against reference briefs, beside two baselines
(lawnlp.briefs.evaluation), with faithfulness and privacy counts.

``evaluate_briefs(reports)`` scores our briefs on annotated reports in two modes, side by side with the
Lead and TextRank baselines of the same budget:

* ``gold``: paragraphs parsed from the report text, sections/themes/meta from the annotations;
* ``end_to_end``: the report text through ``lawnlp.analyze`` (the shipped models, or keyword rules).

ROUGE-L is the F-measure of the longest common subsequence of characters (Chinese characters, letters
and digits; punctuation and spaces left out), as ``rouge_chinese`` computes it on space-joined characters,
averaged over reports, in points (0-100). ``unfaithful_numbers`` counts numbers in our briefs that the
report does not contain (with the same unit); ``private_leaks`` counts private data (lawnlp.text.privacy)
in our briefs. Both are summed over the two modes and, when a directory of real reports is given
(``samples``), over those reports too (``check_samples``).
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path
from typing import Any

from lawnlp.annotations.schema import AnnotatedReport
from lawnlp.briefs import build_brief
from lawnlp.briefs.evaluation import lead_baseline, rouge_l, textrank_baseline
from lawnlp.briefs.faithfulness import numbers_not_in
from lawnlp.config import BRIEF
from lawnlp.schema import Meta, Report
from lawnlp.text.privacy import find_private
from lawnlp.text.structure import parse


def gold_report(rep: AnnotatedReport) -> Report:
    """A Report with the annotated sections, themes and metadata (paragraphs parsed from the text)."""
    paragraphs = parse(rep.text)
    for p in paragraphs:
        if p.line < len(rep.sections):
            p.section = rep.sections[p.line]
            p.themes = list(rep.themes[p.line]) if p.section == "shortcomings" else []
        else:  # pragma: no cover - parse and the annotations disagree on the lines
            p.section = "other"
    m = rep.meta or {}
    meta = Meta(
        entity=m.get("entity") or None,
        county=m.get("county") or None,
        year=m.get("year"),
        level=m.get("level") or "unknown",
    )
    return Report(source=rep.report_id, meta=meta, paragraphs=paragraphs)


def _check(brief_text: str, source: str) -> tuple[list[str], list[str]]:
    return numbers_not_in(brief_text, source), find_private(brief_text)


def check_samples(
    directory: str | os.PathLike, max_chars: int = BRIEF.max_chars, analyzer: Any = None
) -> dict[str, Any]:
    """Faithfulness and privacy counts of our briefs over the report files (*.txt) in ``directory``,
    analysed end to end."""
    directory = Path(directory)
    if not directory.is_dir():
        raise FileNotFoundError(f"{directory}: not a directory of reports")
    out: dict[str, Any] = {"reports": 0, "unfaithful_numbers": 0, "private_leaks": 0, "over_budget": 0, "details": []}
    analyzer = analyzer or _analyzer()
    for path in sorted(Path(directory).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        report = analyzer.analyze(text, name=path.name, brief=False)
        brief = build_brief(report, max_chars=max_chars)
        bad, leaks = _check(brief.text, text)
        out["reports"] += 1
        out["unfaithful_numbers"] += len(bad)
        out["private_leaks"] += len(leaks)
        out["over_budget"] += len(brief.text) > max_chars
        out["details"].append({"name": path.stem, "brief": brief.text, "unfaithful": bad, "leaks": leaks})
    return out


def _analyzer():
    from lawnlp.pipeline import default_analyzer  # training sits above the pipeline

    return default_analyzer()


def evaluate_briefs(
    reports: list[AnnotatedReport],
    max_chars: int = BRIEF.max_chars,
    analyzer: Any = None,
    modes: tuple[str, ...] = ("gold", "end_to_end"),
    samples: str | os.PathLike | None = None,
    examples: int = 3,
) -> dict[str, Any]:
    """ROUGE-L (points) of our briefs and of the Lead and TextRank baselines against the reference
    briefs, with faithfulness and privacy counts. Reports without a reference brief are skipped for
    ROUGE but still checked. ``samples``: a directory of real reports to check as well (None: none)."""
    rouge: dict[str, list[float]] = {f"ours_{m}": [] for m in modes} | {"lead": [], "textrank": []}
    lengths: dict[str, list[int]] = {k: [] for k in rouge}
    per_mode: dict[str, dict[str, Any]] = {
        m: {"unfaithful_numbers": 0, "private_leaks": 0, "over_budget": 0, "problems": []} for m in modes
    }
    shown: list[dict[str, Any]] = []
    if "end_to_end" in modes:
        analyzer = analyzer or _analyzer()
    n_ref = 0
    for rep in reports:
        text = rep.text
        ref = (rep.meta or {}).get("brief")
        outs: dict[str, str] = {}
        for m in modes:
            if m == "gold":
                report = gold_report(rep)
            else:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    report = analyzer.analyze(text, name=rep.report_id, brief=False)
            brief = build_brief(report, max_chars=max_chars).text
            outs[f"ours_{m}"] = brief
            bad, leaks = _check(brief, text)
            st = per_mode[m]
            st["unfaithful_numbers"] += len(bad)
            st["private_leaks"] += len(leaks)
            st["over_budget"] += len(brief) > max_chars
            if bad or leaks:
                st["problems"].append({"report_id": rep.report_id, "unfaithful": bad, "leaks": leaks})
        outs["lead"] = lead_baseline(text, max_chars)
        outs["textrank"] = textrank_baseline(text, max_chars)
        if ref:
            n_ref += 1
            for k, hyp in outs.items():
                rouge[k].append(rouge_l(hyp, ref))
                lengths[k].append(len(hyp))
            if len(shown) < examples:
                shown.append({"report_id": rep.report_id, "reference": ref, **outs})

    def mean(xs: list[float]) -> float:
        return round(100 * sum(xs) / len(xs), 2) if xs else 0.0

    metrics: dict[str, Any] = {
        "reports": len(reports),
        "with_reference": n_ref,
        "max_chars": max_chars,
        "rouge_l": {k: mean(v) for k, v in rouge.items()},
        "mean_chars": {k: round(sum(v) / len(v), 1) if v else 0.0 for k, v in lengths.items()},
        "modes": per_mode,
    }
    best_base = max(metrics["rouge_l"]["lead"], metrics["rouge_l"]["textrank"])
    metrics["margin_over_best_baseline"] = {
        f"ours_{m}": round(metrics["rouge_l"][f"ours_{m}"] - best_base, 2) for m in modes
    }
    unfaithful = sum(s["unfaithful_numbers"] for s in per_mode.values())
    leaks = sum(s["private_leaks"] for s in per_mode.values())
    if samples is not None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            metrics["samples"] = check_samples(samples, max_chars, analyzer=analyzer)
        unfaithful += metrics["samples"]["unfaithful_numbers"]
        leaks += metrics["samples"]["private_leaks"]
    metrics["unfaithful_numbers"] = unfaithful
    metrics["private_leaks"] = leaks
    metrics["examples"] = shown
    return metrics


def format_brief_table(metrics: dict[str, Any]) -> str:
    """A readable table of ``evaluate_briefs`` metrics."""
    r, L = metrics["rouge_l"], metrics["mean_chars"]
    names = {
        "ours_gold": "ours (gold labels)",
        "ours_end_to_end": "ours (end to end)",
        "lead": "Lead baseline",
        "textrank": "TextRank baseline",
    }
    lines = [
        f"== briefs: {metrics['reports']} reports ({metrics['with_reference']} with a reference brief), "
        f"budget {metrics['max_chars']} characters",
        f"{'system':<22}{'ROUGE-L F':>10}{'mean chars':>12}",
    ]
    for k in r:
        lines.append(f"{names.get(k, k):<22}{r[k]:>10.2f}{L[k]:>12.1f}")
    for k, v in metrics.get("margin_over_best_baseline", {}).items():
        lines.append(f"margin of {names.get(k, k)} over the best baseline: {v:+.2f} points")
    for m, st in metrics["modes"].items():
        lines.append(
            f"{m}: unfaithful numbers {st['unfaithful_numbers']}, private leaks {st['private_leaks']}, "
            f"over budget {st['over_budget']}"
        )
        for prob in st["problems"][:5]:
            lines.append(f"    {prob['report_id']}: numbers {prob['unfaithful']} private {prob['leaks']}")
    if "samples" in metrics:
        s = metrics["samples"]
        lines.append(
            f"real samples ({s['reports']}): unfaithful numbers {s['unfaithful_numbers']}, "
            f"private leaks {s['private_leaks']}, over budget {s['over_budget']}"
        )
    lines.append(f"total: unfaithful numbers {metrics['unfaithful_numbers']}, private leaks {metrics['private_leaks']}")
    return "\n".join(lines)
