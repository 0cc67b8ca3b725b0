"""The parts of a report's text that its metadata is read from (``Page``: furniture, titles, the lines before
the opening, the opening, the signature block), and its year and publication date."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from lawnlp.schema import Paragraph
from lawnlp.text.furniture import publication_date, signature_date
from lawnlp.text.patterns import TITLE_WORD_RE, YEAR_RE, cn_year

HEAD_WINDOW = 12  # paragraphs before the opening that may hold the title

ADDRESSEE_RE = re.compile(r"^[^，。；]{2,40}[：:]")
# The report's own opening formula (现将…情况报告如下): a body sentence however short.
# The opening formula, also as a cover letter's one sentence (现将《X报告》呈报，请予审阅 / 报上，请审阅).
OPENING_FORMULA_RE = re.compile(
    r"(?:现将|特将|现就|现把|现对).{0,60}?(?:如下|予以公开|予以公布|(?:呈报|报上|呈上|报送|上报)[，,]?请(?:予)?审(?:阅|议))"
    r"|^[^。；]{6,80}报告如下[:：。]?$"  # the formula without 现将: 2020年我市…主要情况以及…工作安排报告如下：
)
# What a title or signature line says after the body's name.

FURNITURE_TITLE_RE = re.compile(r"(?:标\s*题|名\s*称)\s*[:：]\s*([^|]{6,80})|^标\s+题\s*([^|:：]{6,80})$")

BOOK_TITLE_RE = re.compile(r"《([^《》\n]{2,60})》")
OWN_TITLE_QUOTED_RE = re.compile(r"^《([^《》]{6,60}法治[^《》]{0,20}(?:报告|情况))》")

# -- year and publication date --------------------------------------------------------------------------------
_RANGE_RE = re.compile(r"20[0-4]\d\s*[-－—–~～至到]\s*20[0-4]\d\s*年")


@dataclass
class Page:
    """The parts of a report that metadata is read from (normalised lines)."""

    furniture: list[str]  # debris lines: portal furniture
    titles: list[str]  # title lines (also from a metadata table's 标题)
    head: list[str]  # other lines before the opening (addressee, a name alone, category)
    opening: str  # the first body paragraph ("" when the report starts with a heading)
    body: list[str]  # every non-debris line
    tail: list[str]  # the signature block: short lines at the end
    headings: list[tuple[int, str]]


def is_title(line: str) -> bool:
    return (
        len(line) <= 90
        and not line.endswith(("。", "：", ":"))
        and "，" not in line
        and bool(TITLE_WORD_RE.search(line))
    )


def is_body(p: Paragraph) -> bool:
    """A paragraph of the report's text proper: a heading, or a sentence (the opening)."""
    if p.heading_level is not None:
        return True
    line = p.norm
    if (
        re.match(r"(?:现将|特将|现就|现把|现对)|[^：:]+[：:]?$", line)
        and OPENING_FORMULA_RE.search(line)
        and not is_title(line)
    ):
        return True  # 现将市人社局2019年度…报告如下： ends with a colon, as an addressee does
    if ADDRESSEE_RE.match(line) or is_title(line):
        return False
    return (len(line) >= 30 and ("，" in line or "。" in line)) or bool(OPENING_FORMULA_RE.search(line))


def page_of(paragraphs: list[Paragraph]) -> Page:
    furniture = [p.norm for p in paragraphs if p.debris]
    content = [p for p in paragraphs if not p.debris]
    start = next((i for i, p in enumerate(content) if is_body(p)), len(content))
    head_ps = content[: min(start, HEAD_WINDOW)]
    titles = [p.norm for p in head_ps if is_title(p.norm)]
    titles += [(m.group(1) or m.group(2)).strip() for line in furniture if (m := FURNITURE_TITLE_RE.search(line))]
    head = [p.norm for p in head_ps if not is_title(p.norm)]
    opening = ""
    if start < len(content) and content[start].heading_level is None:
        opening = content[start].norm
    elif head and ADDRESSEE_RE.match(head[-1]) and len(head[-1]) > 40:
        opening = ADDRESSEE_RE.sub("", head[-1], count=1)
    tail = [  # the signature block; on a short page, never the opening
        p.norm
        for k, p in enumerate(content[-10:], start=max(0, len(content) - 10))
        if k != start and p.heading_level is None and p.numbering is None and len(p.norm) <= 40
    ]
    return Page(
        furniture,
        titles,
        head,
        opening,
        [p.norm for p in content],
        tail,
        [(p.heading_level, p.norm) for p in content if p.heading_level is not None],
    )


def first_year(text: str) -> int | None:
    """The first year of ``text`` that is not a plan period (2021—2025年) or inside a 《document title》."""
    text = _RANGE_RE.sub("", BOOK_TITLE_RE.sub("", cn_year(text)))
    m = YEAR_RE.search(text)
    return int(m.group(1)) if m else None


def extract_year(page: Page, published: str | None) -> int | None:
    for line in page.titles:
        if (y := first_year(line)) is not None:
            return y
    if page.opening and (m := OWN_TITLE_QUOTED_RE.match(page.opening)) and (y := first_year(m.group(1))):
        return y  # 《X市2018年度法治政府建设工作报告》是2019年X市发布的…: a copy site quoting the title
    if page.opening and (y := first_year(page.opening[:80])) is not None:
        return y
    for line in page.head:
        if (y := first_year(line)) is not None:
            return y
    for level, heading in page.headings:
        if level == 1 and (y := first_year(heading)) is not None:
            return y - 1 if re.search(r"打算|安排|计划|思路|展望|下一步|下步|目标", heading) else y
    if page.opening and (y := first_year(page.opening)) is not None:
        return y
    if published:
        year, month = int(published[:4]), int(published[5:7])
        return year - 1 if month <= 6 else year
    return body_year(page)


def body_year(page: Page) -> int | None:
    """A page with no title, opening or dated heading: the year its running text names most often (2022年增福镇
    组织开展…), not counting plan periods and 《document titles》; None when no year is named twice."""
    counts: Counter[int] = Counter()
    for line in page.body:
        text = _RANGE_RE.sub("", BOOK_TITLE_RE.sub("", cn_year(line)))
        counts.update(int(m.group(1)) for m in YEAR_RE.finditer(text))
    if not counts:
        return None
    year, n = max(counts.items(), key=lambda kv: (kv[1], -kv[0]))
    return year if n >= 2 else None


def published_of(page: Page, paragraphs: list[Paragraph]) -> str | None:
    found = publication_date(page.furniture)
    if found:
        return found[1]
    for p in reversed(paragraphs[-8:]):
        if date := signature_date(cn_year(p.norm)):
            return date
    return None
