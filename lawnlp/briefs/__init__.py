"""Briefs (annotation guide, section 4): short, faithful, structure-aware extractive summaries.

A brief reads like 「仁沙镇2024年：调处矛盾纠纷338件，开展普法活动56场次，……；不足：法治人才与工作力量不足、
群众法治意识薄弱；2025年：强化组织领导，……。」 and is built part by part from the classified paragraphs:

* head: entity and year from ``report.meta`` only (left out when None, never guessed);
* measures: figure clauses and heading phrases from ``measures`` and ``leadership`` paragraphs
  (``candidates``), ranked by centrality, a topic prior and their place (``ranking``, weights.json);
* shortcomings: the themes tagged on ``shortcomings`` paragraphs, by their Chinese names;
* plans: the leading phrase of each item of the ``plans`` part; headed 「2025年」 (meta.year + 1) only when
  the plans part itself names that year, else 「下一步」;
* ``render`` fits the budget by dropping the lowest-ranked items; ``faithfulness`` checks numbers;
  ``rewrite`` is an optional seq2seq rewrite behind that check; ``evaluation`` has ROUGE-L and baselines.

Faithfulness: every phrase is a verbatim span of one source clause (the leading 全年/共/累计 and the
subject may be left off, never a number's own words); nothing is computed.
"""

from __future__ import annotations

from typing import Any

from lawnlp.briefs.candidates import clause_items, figure_items, sentences
from lawnlp.briefs.faithfulness import guard_numbers
from lawnlp.briefs.ranking import TfIdf, select_figures
from lawnlp.briefs.render import cut, fit_budget, plans_head
from lawnlp.briefs.themes_plans import plan_items, theme_items
from lawnlp.config import BRIEF
from lawnlp.schema import Brief, Report
from lawnlp.text.normalize import name_key
from lawnlp.text.privacy import find_private, scrub

__all__ = ["build_brief"]


def build_brief(report: Report, max_chars: int = BRIEF.max_chars, rewriter: Any = None) -> Brief:
    """A short faithful brief of an analysed report (paragraph sections and themes already set).

    ``rewriter`` (lawnlp.briefs.rewrite.Rewriter) optionally rewrites the extractive draft; its output is
    kept only after ``guard_numbers`` and only if it fits the budget.
    """
    meta = report.meta
    source = "\n".join(p.norm for p in report.paragraphs)
    private = set(find_private("\n".join(p.text for p in report.paragraphs)))
    private |= set(find_private(source))
    # The brief is drawn from the normalised text, so it names the body in simplified characters too.
    head = f"{name_key(meta.entity) or ''}{f'{meta.year}年' if meta.year is not None else ''}"
    body_sents = [
        s for p in report.paragraphs if p.section not in (None, "other") and not p.debris for s in sentences(p, private)
    ]
    tfidf = TfIdf(body_sents or [source])

    figures, phrases = figure_items(report, private, tfidf)
    sel_figures = select_figures(figures, BRIEF.max_figures)
    if len(sel_figures) < BRIEF.min_figures:  # few figures: heading phrases stand in
        used = {it.order[0] for it in sel_figures}
        extra = [it for it in phrases if it.order[0] not in used]
        sel_figures += extra[: BRIEF.min_figures + 1 - len(sel_figures)]
    themes = theme_items(report, private)[: BRIEF.max_themes]
    plans = plan_items(report, private, tfidf)[: BRIEF.max_plans]
    head_of_plans = plans_head(report)

    sel_figures, themes, plans, text = fit_budget(head, sel_figures, themes, head_of_plans, plans, max_chars)
    spare = [it for it in phrases if it not in sel_figures]
    if len(text) < BRIEF.min_chars:
        taken = {it.text for it in sel_figures} | {it.text for it in spare}
        spare += [it for it in clause_items(report, private, tfidf) if it.text not in taken]
        if not spare:  # a page cut before its first measure: what its opening says was done
            spare = clause_items(report, private, tfidf, parts=("preamble",))
    while len(text) < min(BRIEF.min_chars, max_chars) and spare:  # never nearly empty: more of what was done
        sel_figures.append(spare.pop(0))
        more = fit_budget(head, sel_figures, themes, head_of_plans, plans, max_chars)
        if len(more[3]) <= len(text):
            break
        sel_figures, themes, plans, text = more
    if find_private(text):  # never expected: every phrase was checked; scrub as a last guard
        text = scrub(text)
        if len(text) > max_chars:
            text = cut(text, max_chars)

    figure_texts = [
        "、".join([it.text] + it.extra.get("attached", []))
        for it in sorted(sel_figures, key=lambda i: i.order)
        if it.kind == "figure"
    ]
    measure_phrases = [it.text for it in phrases[: BRIEF.max_measures]]
    if not measure_phrases:
        measure_phrases = [it.text for it in sel_figures]
    theme_ids = [it.extra["id"] for it in sorted(themes, key=lambda i: i.order) if "id" in it.extra]
    plan_texts = [it.text for it in sorted(plans, key=lambda i: i.order)]
    brief = Brief(
        text=text,
        entity=meta.entity,
        year=meta.year,
        measures=measure_phrases,
        figures=figure_texts,
        themes=theme_ids,
        plans=plan_texts,
    )
    if rewriter is not None:
        try:
            out = guard_numbers(rewriter.rewrite(text), source)
        except Exception:
            out = ""
        if out and len(out) <= max_chars:
            brief.text = out
    return brief
