"""The audit of one analysed report (research-measures.md, section 1).

    from lawnlp.measures import audit_report
    a = audit_report(report)            # report: a Report whose paragraphs carry section and themes
    a.parts, a.missing, a.shortcoming_items, a.on_time, a.evidence["causes"]

Nothing is re-classified: parts, shortcomings and themes are the report's own labels. Every field is
order-independent (a part counts wherever it sits) and explainable through ``Audit.evidence``.
"""

from __future__ import annotations

import datetime as dt
import re

from lawnlp.labels import SECTION_IDS, THEME_IDS
from lawnlp.measures import cues
from lawnlp.measures.boilerplate import BoilerplateReference, masked_sentences
from lawnlp.measures.items import shortcoming_items, specificity
from lawnlp.measures.text import paragraph_text, parse_number
from lawnlp.schema import PART_IDS, Audit, Paragraph, Report, ShortcomingItem

# A figure: a number with a unit, or a percentage / rate (years, dates and list markers are not).
_UNITS = (
    "个百分点|万元|亿元|元|人次|场次|件次|户次|课时|学时|平方米|公里|小时|余[件次场个名人份项户家]|多[件次场个名人份项]|"
    "[件次场个名人份项户家所处起宗篇期条部批支台辆亩米吨天册套本张位万%]"
)
FIGURE_RE = re.compile(
    rf"(?<![\d.])(?:\d+(?:,\d{{3}})*(?:\.\d+)?|[一二两三四五六七八九]?[十百千万][零一二两三四五六七八九十百千万]*)"
    rf"(?:{_UNITS})|百分之[一二两三四五六七八九十百]+"
)
_DATE_RE = re.compile(
    r"((?:19|20)\d\d)\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号])"
)
_CN_DATE_RE = re.compile(
    r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)
# Page furniture carrying the publication date, best first: 发布时间 / 发布日期, then a bare 时间: / 日期:,
# then the date the page says the document was made (生成日期, 成文日期).
_FURNITURE_DATE_RES = (
    re.compile(r"(?:发布|公开|公布|发文|上传|更新)(?:时间|日期)"),
    re.compile(r"(?:^|\s|[\]】|])\s*[\[【]?\s*(?:时间|日期)\s*[\]】]?\s*[：:]"),
    re.compile(r"(?:生成|成文|印发|签发)(?:时间|日期)"),
)
_CLOCK_RE = re.compile(r"星期|周[一二三四五六日天]|今天是|今日")
_MISSING = object()


def _date(text: str) -> str | None:
    m = _DATE_RE.search(text)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2) or m.group(4)), int(m.group(3) or m.group(5))
    else:
        m = _CN_DATE_RE.search(text)
        if not m:
            return None
        y = int("".join(str("〇一二三四五六七八九".index(c)) if c != "零" else "0" for c in m.group(1)))
        mo, d = int(parse_number(m.group(2)) or 0), int(parse_number(m.group(3)) or 0)
    try:
        return dt.date(y, mo, d).isoformat()
    except ValueError:
        return None


def published_date(report: Report) -> tuple[str | None, int | None]:
    """(ISO date, paragraph index) of publication from the text: a page-furniture date (发布时间 /
    发布日期 …) first, else the date line under the signature (the last line that is only a date,
    perhaps after the body's name); a site clock (…星期二, 今天是…) is never one."""
    signature: tuple[str, int] | None = None
    furniture: list[tuple[int, str, int]] = []  # (rank, date, paragraph)
    for p in report.paragraphs:
        text = p.norm or p.text
        if _CLOCK_RE.search(text):
            continue
        for rank, rx in enumerate(_FURNITURE_DATE_RES):
            if (m := rx.search(text)) and (d := _date(text[m.end() : m.end() + 30])):
                furniture.append((rank, d, p.index))
                break
        if len(text) <= 40 and p.section in (None, "other") and (d := _date(text)):
            rest = _DATE_RE.sub("", _CN_DATE_RE.sub("", text))
            if not re.search(r"[。，；]|报告|工作|情况", rest):
                signature = (d, p.index)
    if furniture:
        _, d, i = min(furniture)
        return d, i
    return signature if signature else (None, None)


def _iso(value: object) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return _date(str(value)) or str(value)


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)} - cues.STOP_BIGRAMS


def plan_coverage(report: Report) -> tuple[list[str], list[str], list[int]]:
    """(shortcoming themes, unaddressed themes, plans paragraphs that address one): a theme is
    addressed when some plans paragraph carries one of its THEME_CUES (other_shortcoming: shares
    OTHER_OVERLAP bigrams with the paragraphs tagged with it)."""
    short = [p for p in report.paragraphs if p.section == "shortcomings"]
    plans = [(p.index, paragraph_text(p)) for p in report.paragraphs if p.section == "plans"]
    themes = [t for t in THEME_IDS if any(t in p.themes for p in short)]
    unaddressed, used = [], set()
    for t in themes:
        if t == "other_shortcoming":
            own = set().union(*(_bigrams(paragraph_text(p)) for p in short if t in p.themes))
            hits = [i for i, text in plans if len(own & _bigrams(text)) >= cues.OTHER_OVERLAP]
        else:
            hits = [i for i, text in plans if cues.THEME_CUE_RE[t].search(text)]
        used.update(hits)
        if not hits:
            unaddressed.append(t)
    return themes, unaddressed, sorted(used)


def _has_cause(p: Paragraph) -> bool:
    text = paragraph_text(p)
    if p.heading_level is not None or len(text) <= 20:
        return bool(cues.CAUSE_HEADING_RE.search(text)) and not cues.PART_TITLE_CAUSE_RE.search(text.rstrip("。："))
    return bool(cues.CAUSE_RE.search(text))


def audit_report(report: Report, reference: BoilerplateReference | None = None) -> Audit:
    """Audit one report whose paragraphs carry ``section`` and ``themes``. ``reference`` is the
    boilerplate reference (None: the one shipped with lawnlp; a batch passes its own)."""
    return audit_units(report, reference, masked_sentences(report))


def audit_units(report: Report, reference: BoilerplateReference | None, units: list[tuple[int, str]]) -> Audit:
    """``audit_report`` given the report's masked_sentences() already computed (compare reuses them)."""
    paragraphs = report.paragraphs
    by_section: dict[str, list[Paragraph]] = {s: [] for s in SECTION_IDS}
    for p in paragraphs:
        if p.section in by_section:
            by_section[p.section].append(p)
    chars = {s: sum(len(p.text) for p in ps) for s, ps in by_section.items()}
    evidence: dict[str, list[int]] = {
        s: [p.index for p in by_section[s]] for s in ("measures", "leadership", "shortcomings", "plans")
    }
    evidence["causes"] = [p.index for p in by_section["shortcomings"] if _has_cause(p)]
    parts = {k: bool(evidence[k]) for k in PART_IDS}
    missing = [k for k in PART_IDS if not parts[k]]

    raw_items = shortcoming_items(report)
    items = tuple(ShortcomingItem(text, tuple(ps), specificity(text)) for text, ps in raw_items)
    evidence["shortcoming_items"] = sorted({i for it in items for i in it.paragraphs})
    scores = [it.specificity for it in items]

    figures, fig_pars = 0, []
    for p in by_section["measures"]:
        n = len(FIGURE_RE.findall(paragraph_text(p)))
        figures += n
        if n:
            fig_pars.append(p.index)
    evidence["figures_per_1000"] = fig_pars
    m_chars = chars["measures"]

    themes, unaddressed, used = plan_coverage(report)
    evidence["plan_coverage"] = used
    evidence["unaddressed"] = [p.index for p in by_section["shortcomings"] if set(p.themes) & set(unaddressed)]

    stated = getattr(report.meta, "published", _MISSING)
    if stated not in (_MISSING, None, ""):
        published, where = _iso(stated), None
    else:
        published, where = published_date(report)
    evidence["published"] = [where] if where is not None else []
    year = report.meta.year
    on_time = None if published is None or year is None else published <= f"{year + 1}-04-01"

    ref = reference if reference is not None else BoilerplateReference.default()
    share, bp_pars = ref.share(units)
    evidence["boilerplate_share"] = bp_pars

    return Audit(
        parts=parts,
        missing=missing,
        chars=chars,
        shortcoming_ratio=chars["shortcomings"] / m_chars if m_chars else None,
        shortcoming_items=len(items),
        figures_per_1000=1000 * figures / m_chars if m_chars else None,
        specificity=scores,
        specificity_mean=sum(scores) / len(scores) if scores else None,
        plan_coverage=(len(themes) - len(unaddressed)) / len(themes) if themes else None,
        unaddressed=unaddressed,
        published=published,
        on_time=on_time,
        boilerplate_share=share,
        items=items,
        themes=themes,
        evidence=evidence,
    )
