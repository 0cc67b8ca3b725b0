"""The place or township of a level that a page naming itself only as 我市 / 我镇 names most
(``named_by_level``, ``township_named``, ``provinces_named``): counted over the page's own mentions, never a
place it names as a partner."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from lawnlp.text.names import context_units, governing_units, page_names, page_text
from lawnlp.text.page import Page
from lawnlp.text.places import gazetteer, is_word, jieba_words, segment_units

# A place named as a partner, not as the reporting body's own: 与四川省成都市新都区…共同发布, 协助X县查办.
PARTNER_BEFORE_RE = re.compile(r"(?:与|同|向|对|联合|协助|携手|配合|赴|前往)[^，。；]{0,16}$")


def own_mentions(text: str, name: str) -> int:
    """How often ``text`` names ``name`` other than as a partner (see PARTNER_BEFORE_RE)."""
    if name not in text:
        return 0
    return sum(
        1
        for m in re.finditer(re.escape(name), text)
        if not PARTNER_BEFORE_RE.search(text[max(0, m.start() - 24) : m.start()])  # the clause before it
    )


def named_by_level(page: Page, level: str) -> str | None:
    """The place of ``level`` a report that names itself only as 我市 / 全省 belongs to: the one its furniture,
    《…》 titles and running text name most often (a province: any province the text names, full or short)."""
    if level == "province":
        counts = provinces_named(page)
    else:
        counts = Counter(n for n, lv in context_units(page) if lv == level)
        counts.update(n for n, lv in governing_units("\n".join(page.body), page_names(page)) if lv == level)
    if not counts and level in ("city", "county"):  # 市政府 only: the listed place of that level the text names
        text = "\n".join(page.titles + page.body)
        counts = Counter(
            {
                place.name: n
                for place in gazetteer().by_code.values()
                if place.level == level and len(place.name) >= 3 and (n := own_mentions(text, place.name))
            }
        )
    if not counts and level == "city":  # 深圳 without 市, named in passing: the one prefecture so named
        counts = _city_stems(page)
        if len(counts) > 1:  # 深圳 and 广州 both: nothing says which is the body's own
            return None
    return counts.most_common(1)[0][0] if counts else None


# City stems that the genre writes as words or as places of Party history, not as the body's own city
# (长治久安 is one word to jieba; 大同 / 安康 / 日照 / 来宾 / 白银 / 开封 / 包头 are also common words).
NOT_OWN_CITY_STEMS = {"大同", "安康", "日照", "来宾", "白银", "开封", "包头", "延安", "遵义", "嘉兴", "井冈", "瑞金"}


@lru_cache(maxsize=1)
def _prefecture_city_stems() -> dict[str, str]:
    """深圳 -> 深圳市, for every prefecture-level city whose name ends in 市 (read once from the gazetteer)."""
    return {
        place.name[:-1]: place.name
        for place in gazetteer().by_code.values()
        if place.level == "city" and place.name.endswith("市") and len(place.name) >= 3
    }


def _city_stems(page: Page) -> Counter[str]:
    """Prefecture-level cities the page names by their stem alone (深圳 for 深圳市), counted where jieba reads
    the stem as a word of its own (not inside 长治久安) and not as a partner."""
    import jieba

    text = "\n".join(page.titles + page.body)
    stems = _prefecture_city_stems()
    present = {stem for stem in stems if stem in text and stem not in NOT_OWN_CITY_STEMS}
    if not present:
        return Counter()
    jieba_words()  # jieba initialised quietly
    tokens = set(jieba.lcut(text))
    return Counter({stems[stem]: n for stem in present if stem in tokens and (n := own_mentions(text, stem))})


TOWNSHIP_SUFFIX_RE = re.compile(r"街道|镇|乡")
NOT_A_STEM_RE = re.compile(r"[全各本我该其每负责，。、；：（）()]")
GENERIC_TOWNSHIP_RE = re.compile(r"^(?:全|我|本|各|该|乡|城|村|集|市|县|区|重|小|特色|中心|示范|美丽|文明|平安|法治)")


def township_named(page: Page) -> str | None:
    """The township a report without a title names most often in its text (下太镇 on a page that says 我镇),
    at least twice, or once when it names no other or is the one a line opens with; None when none is."""
    text = "\n".join(page.body)
    counts: Counter[str] = Counter()
    leads: set[str] = set()
    for m in TOWNSHIP_SUFFIX_RE.finditer(text):
        for n in (2, 3, 4):  # every name that reads as one township (年增福镇 and 增福镇 alike)
            name = text[max(0, m.start() - n) : m.end()]
            stem = name[:n]
            if len(name) - len(m.group()) < n or GENERIC_TOWNSHIP_RE.match(name) or NOT_A_STEM_RE.search(stem):
                continue
            if text[m.end() : m.end() + 1] in ("级", "村", "域"):  # 加大镇级…: a verb before 镇级, not a name
                continue
            units = segment_units(name)
            if units and len(units) == 1 and units[0][1] == "township":
                counts[name] += 1
                if m.start() - n == 0 or text[m.start() - n - 1] == "\n":
                    leads.add(name)  # the subject a line opens with (东里镇深入贯彻…)
    if not counts:
        return _motto_township(text)
    # the name met most often (增福镇, in every mention), the longer of two met as often (四棵树镇, not 棵树镇)
    name = max(counts, key=lambda k: (counts[k], len(k)))
    if counts[name] < 2 and len(leads) == 1:  # each named once: the one a line opens with
        return next(iter(leads))
    return name if counts[name] >= 2 or len(counts) == 1 else None  # twice, or the only township it names


def provinces_named(page: Page, besides: str = "") -> Counter[str]:
    """How often the page names each province (full or short name: 江苏省, 江苏), not counting the name
    ``besides`` (吉林 inside 吉林市)."""
    text = page_text(page, besides)
    g = gazetteer()
    counts: Counter[str] = Counter()
    for place in g.by_code.values():
        if place.level == "province":
            n = sum(text.count(name) for name in g.names_of(place) if name != place.name) + text.count(place.name)
            if n:
                counts[place.name] = n
    return counts


# The genre's motto for the body's own place: 法治X建设 / 平安X建设, X its two-character stem (法治舒桥建设).
MOTTO_RE = re.compile(r"(?:法治|平安)([\u4e00-\u9fff]{2})建设")
SELF_SUFFIX_RE = re.compile(r"[我本全](乡|镇|街道)")
NOT_MOTTO_STEMS = {"城市", "乡风", "城乡", "村居", "村社", "镇村", "基层"}  # words jieba does not list as such


def _motto_township(text: str) -> str | None:
    """A township whose text names itself only as 我乡 and in its motto (法治舒桥建设): 舒桥乡; else None."""
    suffix = SELF_SUFFIX_RE.search(text)
    stems = {stem for m in MOTTO_RE.finditer(text) if not _common_word(stem := m.group(1))}
    if not suffix or len(stems) != 1:
        return None
    return stems.pop() + suffix.group(1)


def _common_word(stem: str) -> bool:
    return is_word(stem) or stem in NOT_MOTTO_STEMS or bool(NOT_A_STEM_RE.search(stem))
