"""Rendering a brief from its selected items, within the character budget: the lowest-ranked items are
dropped (figure attachments first, then the part most over its share), never a phrase cut."""

from __future__ import annotations

import re

from lawnlp.briefs.candidates import Item
from lawnlp.config import BRIEF
from lawnlp.schema import Report


def plans_head(report: Report) -> str:
    year = report.meta.year
    if year is not None:
        nxt = str(year + 1)
        if any(nxt in p.norm for p in report.paragraphs if p.section == "plans"):
            return f"{nxt}年"
    return "下一步"


def render(head: str, figures: list[Item], themes: list[Item], plans_head: str, plans: list[Item]) -> str:
    parts = []
    if figures:
        chunks: list[str] = []
        for it in sorted(figures, key=lambda it: it.order):
            chunks.append("、".join([it.text] + it.extra.get("attached", [])))
        parts.append("，".join(chunks))
    if themes:
        parts.append("不足：" + "、".join(it.text for it in sorted(themes, key=lambda it: it.order)))
    if plans:
        parts.append(f"{plans_head}：" + "，".join(it.text for it in sorted(plans, key=lambda it: it.order)))
    body = "；".join(parts)
    if head:
        return f"{head}：{body}。" if body else f"{head}。"
    return f"{body}。" if body else ""


def fit_budget(
    head: str, figures: list[Item], themes: list[Item], plans_head: str, plans: list[Item], max_chars: int
) -> tuple[list[Item], list[Item], list[Item], str]:
    """Drop the lowest-ranked items (figure attachments first) until the brief fits ``max_chars``."""
    figures, themes, plans = list(figures), list(themes), list(plans)
    quota = BRIEF.part_shares
    while True:
        text = render(head, figures, themes, plans_head, plans)
        if len(text) <= max_chars:
            return figures, themes, plans, text
        attached = [it for it in figures if it.extra.get("attached")]
        if attached:
            min(attached, key=lambda it: it.score).extra["attached"] = []
            continue
        parts = [("figures", figures), ("themes", themes), ("plans", plans)]
        over = [
            (sum(len(it.text) + 1 for it in lst) / (quota[name] * max_chars), name, lst)
            for name, lst in parts
            if len(lst) > 1
        ]
        if over:
            _, _, lst = max(over, key=lambda x: x[0])
            lst.remove(min(lst, key=lambda it: it.score))
            continue
        for lst in (plans, themes, figures):  # one item each left: drop whole parts, plans first
            if lst:
                lst.clear()
                break
        else:
            return figures, themes, plans, cut(text, max_chars)


def cut(text: str, max_chars: int) -> str:
    """Last resort (a head longer than the budget): cut at a character boundary outside any number."""
    cut = text[:max_chars]
    while cut and (
        cut[-1].isdigit() or cut[-1] == "." or (len(text) > len(cut) and text[len(cut)].isdigit() and cut[-1].isdigit())
    ):
        cut = cut[:-1]
    m = re.search(r"\d[\d.]*$", cut)
    if m and len(text) > len(cut) and (text[len(cut)].isdigit() or text[len(cut)] == "."):
        cut = cut[: m.start()]
    return cut
