"""Names of places and bodies in a report's ``Page``: the subject of a title or signature line, the unit chain
at the start of the opening, the bodies of furniture lines, governing bodies named by place (鹤川市委), and
the units named where a parent place is usually named, and the place or township of a level that a page
naming itself only as 我市 / 我镇 names most (``named_by_level``, ``township_named``, ``provinces_named``)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from lawnlp.text.page import ADDRESSEE_RE, BOOK_TITLE_RE, Page
from lawnlp.text.patterns import cn_year
from lawnlp.text.places import CJK, GENERIC_NAMES, gazetteer, is_word, jieba_words, segment_units

Chain = tuple[tuple[str, str], ...]  # ((name, level), ...), outermost first

# What a title or signature line says after the body's name.
SUBJECT_END_RE = re.compile(
    r"关于|(?:20[0-4]\d|20xx|20XX)|法治政府|法治建设|依法行政|年度|工作报告|报告|推进|全面|工作情况"
)

GOV_WORDS_RE = re.compile(r"人民政府(?!办公室)|政府(?!办)|办事处|党委|党工委|管委会|管理委员会|行政公署|行署")

# 中共X县委 / 中共X区委教育工作委员会 (a Party working committee, no place of its own) before the body's name.
JOINT_PREFIX_RE = re.compile(
    rf"^中共[{CJK}]{{1,20}}?(?:委员会|党委|工委|委)(?:[^{{市县区省州旗}}]{{1,8}}?(?:工作委员会|工委))?(?=[{CJK}])"
)

FURNITURE_BODY_RE = re.compile(
    r"(?:发\s*布\s*机\s*构|发文机关|发布单位|来\s*源|信息来源|文章来源|所属机构)\s*[:：]\s*([^\s:：|]{2,30})"
    r"|^[\s•·\-|]*(?:发\s*布\s*机\s*构|发文机关|发布单位|所属机构)\s*([^\s:：|]{2,30})$"  # a table cell, no colon
)

OPENING_LEAD_RE = re.compile(
    r"^(?:(?:20[0-4]\d|二[〇○零][一二三四五六七八九〇○零]{2})\s*年(?:度|以来|来)?|今年以来|今年|一年来|过去一年|本年度)[，、\s]*"
)

# 在县委、县政府正确领导下(和市局的指导下)，… before the body names itself.
UNDER_LEADERSHIP_RE = re.compile(
    r"^(?:在[^，。；]{2,50}?(?:下|上|中)|[和及与]在?[^，。；]{2,30}?(?:指导|支持|领导)下|原)[，\s]*"
)
# A governing body named by its place: 鹤川市委, 广东省委, 泸县人民政府 (the unit's suffix, then the body).

# A governing body named by its place: 鹤川市委, 广东省委, 泸县人民政府 (the unit's suffix, then the body).
GOVERNING_RE = re.compile(r"(自治区|地区|市|县|区|州|盟|旗|省)(?=委|人民政府|政府|党委|党工委)")
# Bodies only a county-level city answers to (a prefecture's 盟委, 州委, 地委, 行署).

# Two-character stems that are words before 县委 / 市委, not names (落实县委, 按照省委, 政府和州委).
NOT_A_NAME_RE = re.compile(r"^[在和及与向经由对受按根落贯执坚报提接充积关支领指部要决府民认全]|[和及与在向府]$")

# A one-character name after a conjunction reads as the conjunction (市政府和县委: not the county 和县).
CONJUNCTION_NAME_RE = re.compile(r"^[和及与或并][县区市旗]$")


def subject(line: str) -> str:
    """The name part of a title or signature line: 2024年度乌苏市四棵树镇法治政府建设 -> 乌苏市四棵树镇."""
    # joint issuers written apart: 市教育局党委 市教育局… / 中共X市委员会 X市人民政府… -> the government body
    line = re.sub(r"^\S+?(?:党委|党组|党工委|工委|委员会)\s+(?=\S)", "", line.strip())
    s = cn_year(re.sub(r"\s+", "", line))
    s = re.sub(r"^[【\[［][^】\]］]{0,20}[】\]］]", "", s)  # 【…】 or a document number [天政发〔2026〕7号]
    s = JOINT_PREFIX_RE.sub("", s)
    s = re.sub(r"^关于", "", s)  # 关于云州市2024年度…的报告: the name follows
    s = re.sub(r"^(?:20[0-4]\d|20xx|20XX)年度?", "", s)
    s = SUBJECT_END_RE.split(s)[0]
    s = s.replace("国家税务总局", "").replace("办事处", "")
    if not s.endswith(("人民政府办公室", "政府办公室")):
        s = GOV_WORDS_RE.sub("", s)  # 人民政府 also inside a name: X区人民政府Y街道办事处 -> X区Y街道
    s = re.sub(r"[（(]([^（）()]{2,10}(?:区|县|市))[）)]$", lambda m: "|" + m.group(1), s)  # 高新区(新市区) -> 新市区
    return s.split("|")[-1]


def chain_of(text: str) -> Chain:
    """Units named by a title/signature/furniture line; the longest tail that segments if the whole does not."""
    name = subject(text)
    for start in range(len(name)):
        units = segment_units(name[start:])
        if units:
            return units
    return ()


def leading_chain(text: str) -> Chain:
    """Units at the very start of ``text`` (an opening's subject: X县全面贯彻…, 广东坚持…), longest first."""
    g = gazetteer()
    for n in range(min(24, len(text)), 1, -1):
        head = GOV_WORDS_RE.sub("", text[:n])
        units = segment_units(head)
        if units:
            return units
    for n in (3, 2):  # a province or city by its short name: 广东坚持…, 宁夏深入…
        places = g.lookup(text[:n])
        if len(places) == 1 and places[0].level in ("province", "city"):
            return ((places[0].name, places[0].level),)
    return ()


def opening_subject(opening: str) -> str:
    """The opening from where the body names itself: 2022年，在县委…领导下，在县司法局的指导下，X… -> X…"""
    opening = re.sub(r"^[\s?？·•*\-]+", "", opening)  # a mirror's placeholders (? ? ?) before the text
    opening = re.sub(r"^(?:现将|现就|特将|兹将|现把)", "", opening)  # the formula: 现将市人社局2019年度…报告如下
    text, before = OPENING_LEAD_RE.sub("", opening), None
    while text != before:
        before, text = text, OPENING_LEAD_RE.sub("", UNDER_LEADERSHIP_RE.sub("", text))
    return text


def opening_chain(opening: str) -> Chain:
    text = opening_subject(opening)
    chain = leading_chain(text)
    if not chain and text.startswith("是") and "。" in text[:300]:
        # 2024年是…的关键之年，…。西兴街道始终坚持…: the body names itself in the next sentence
        chain = leading_chain(text.split("。", 1)[1])
    return chain


def furniture_chains(page: Page) -> list[Chain]:
    out = []
    for line in page.furniture:
        for m in FURNITURE_BODY_RE.finditer(line):
            if chain := chain_of(m.group(m.lastindex)):
                out.append(chain)
    return out


def governing_units(text: str, known: set[str] = frozenset()) -> list[tuple[str, str]]:
    """The places of governing bodies named in ``text`` (落实鹤川市委、市政府… -> 鹤川市): for each unit suffix
    before 委/政府, the longest name the page names elsewhere (``known``) or the gazetteer knows, else a
    two-character name that reads like one; provinces only by the gazetteer (a closed set)."""
    g = gazetteer()
    out = []
    for m in GOVERNING_RE.finditer(text):
        end, suffix = m.end(), m.group(1)
        if suffix == "州" and text[: end - 1].endswith("自治州"):  # X自治州州委: the name ends before the second 州
            end, suffix = end - 1, "自治州"
        longest = 12 if suffix == "自治州" else 6  # 黔东南苗族侗族自治州
        names = [text[end - len(suffix) - k : end] for k in range(1, longest + 1) if end - len(suffix) - k >= 0]
        listed = [
            n
            for n in names
            if n in known or (n not in GENERIC_NAMES and g.lookup(n) and not CONJUNCTION_NAME_RE.match(n))
        ]
        if listed:
            name = listed[-1]
        elif (
            suffix in ("省", "自治区") or len(names) < 2 or NOT_A_NAME_RE.search(names[1][:2]) or is_word(names[1][:2])
        ):
            continue
        else:
            name = names[1]
        units = segment_units(name)
        if units and len(units) == 1:
            out.append(units[0])
    return out


def page_names(page: Page) -> set[str]:
    """Unit names the page states outright: in titles, furniture, the signature and 《…》 titles."""
    names = {n for t in page.titles for n, _ in chain_of(t)} | {n for c in furniture_chains(page) for n, _ in c}
    names |= {n for line in page.tail for n, _ in chain_of(line)}
    names |= {n for line in page.body for m in BOOK_TITLE_RE.finditer(line) for n, _ in leading_chain(m.group(1))}
    return names


def context_units(page: Page) -> list[tuple[str, str]]:
    """Units the page names in the places a parent is named, most telling first."""
    out: list[tuple[str, str]] = []
    for chain in furniture_chains(page):
        out += chain
    for line in page.head:
        if ADDRESSEE_RE.match(line):
            for part in re.split(r"[、，,]", ADDRESSEE_RE.match(line).group().rstrip("：:")):
                out += chain_of(JOINT_PREFIX_RE.sub("", part)) or leading_chain(re.sub(r"^中共", "", part))
    out += governing_units(page.opening[:200], page_names(page))
    for line in page.tail:
        out += chain_of(line)
    for line in page.body:
        for m in BOOK_TITLE_RE.finditer(line):
            out += leading_chain(m.group(1))
    return out


# Two-character stems that are words before 县委 / 市委, not names (落实县委, 按照省委, 政府和州委).
NOT_A_NAME_RE = re.compile(r"^[在和及与向经由对受按根落贯执坚报提接充积关支领指部要决府民认全]|[和及与在向府]$")


# A one-character name after a conjunction reads as the conjunction (市政府和县委: not the county 和县).
CONJUNCTION_NAME_RE = re.compile(r"^[和及与或并][县区市旗]$")


def addressed_units(page: Page) -> list[tuple[str, str]]:
    """Units of the addressee and of 在X委…领导下 in the opening: the bodies the report answers to."""
    out: list[tuple[str, str]] = []
    for line in page.head:
        if ADDRESSEE_RE.match(line):
            for part in re.split(r"[、，,]", ADDRESSEE_RE.match(line).group().rstrip("：:")):
                out += leading_chain(re.sub(r"^中共", "", part))
    out += governing_units(page.opening[:200], page_names(page))
    return out


def named_anywhere(page: Page, names: set[str]) -> bool:
    text = "\n".join(page.furniture + page.titles + page.body)
    return any(n in text for n in names)


# -- a place or township named by level, when the page names itself only as 我市 / 我镇 --------------------
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
    at least twice (or once, when it names no other); None when none is."""
    text = "\n".join(page.body)
    counts: Counter[str] = Counter()
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
    if not counts:
        return None
    # the name met most often (增福镇, in every mention), the longer of two met as often (四棵树镇, not 棵树镇)
    name = max(counts, key=lambda k: (counts[k], len(k)))
    return name if counts[name] >= 2 or len(counts) == 1 else None  # twice, or the only township it names


def provinces_named(page: Page) -> Counter[str]:
    """How often the page names each province (full or short name: 江苏省, 江苏)."""
    text = "\n".join(page.furniture + page.titles + page.body)
    g = gazetteer()
    counts: Counter[str] = Counter()
    for place in g.by_code.values():
        if place.level == "province":
            n = sum(text.count(name) for name in g.names_of(place) if name != place.name) + text.count(place.name)
            if n:
                counts[place.name] = n
    return counts
