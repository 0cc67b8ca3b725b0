"""Names of places and bodies in a report's ``Page``: the subject of a title or signature line, the unit chain
at the start of the opening, the bodies of furniture lines, governing bodies named by place (鹤川市委), and
the units named where a parent place is usually named (also in 《…》 titles and in documents named without
them). The place of a level that a page naming itself only as 我市 / 我镇 names most is lawnlp.text.named."""

from __future__ import annotations

import re

from lawnlp.text.page import ADDRESSEE_RE, BOOK_TITLE_RE, Page
from lawnlp.text.patterns import cn_year
from lawnlp.text.places import CJK, GENERIC_NAMES, gazetteer, is_word, segment_units

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

_PUBLISHER_KEY = r"(?:发\s*布\s*机\s*构|发文机关|发文单位|发文部门|发布单位|发布部门|制发机关|所属机构)"
FURNITURE_BODY_RE = re.compile(
    rf"(?:{_PUBLISHER_KEY}|来\s*源|信息来源|文章来源)\s*[:：]\s*([^\s:：|]{{2,30}})"
    rf"|^[\s•·\-|]*{_PUBLISHER_KEY}\s*([^\s:：|]{{2,30}})$"  # a table cell, no colon
    rf"|{_PUBLISHER_KEY}\s*\|\s*([^\s:：|]{{2,30}})"  # a Markdown-style table: | 发布机构 | X县林草局 |
    rf"|[\[【]\s*{_PUBLISHER_KEY}\s*[\]】]\s*([^\s:：|\[【]{{2,30}})"  # [ 发布机构 ] X县Y镇人民政府
)

OPENING_LEAD_RE = re.compile(
    r"^(?:(?:20[0-4]\d|二[〇○零][一二三四五六七八九〇○零]{2})\s*年(?:度|以来|来)?|今年以来|今年|一年来|过去一年|本年度)[，、\s]*"
)

# 在县委、县政府正确领导下(和市局的指导下)，… before the body names itself.
UNDER_LEADERSHIP_RE = re.compile(
    r"^(?:在[^，。；]{2,50}?(?:下|上|中)|[和及与]在?[^，。；]{2,30}?(?:指导|支持|领导)下|原"
    r"|(?:得益于|受益于)[^，。；]{2,80}?(?:领导|引领|支持|指导)[^，。；]{0,40}?[，]"
    r"|(?:根据|按照)[^，。；]{2,80}?(?:要求|部署|安排|规定|精神)[，])[，\s]*"
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
    text, before = opening, None
    while text != before:  # 根据…要求，现将市人社局2019年度…报告如下: the formula after the lead clauses too
        before, text = text, OPENING_LEAD_RE.sub("", UNDER_LEADERSHIP_RE.sub("", text))
        text = re.sub(r"^(?:现将|现就|特将|兹将|现把)", "", text)
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


# A title that quotes another (《关于印发<X县2022年依法行政工作要点>的通知》): the quoted one names the place.
_QUOTED_TITLE_RE = re.compile(r"[<〈＜]([^<>〈〉＜＞]{2,40})[>〉＞]")

# A document named without 《》 in running text (…和X区2021年全面依法治区工作要点): the place that opens it.
DOCUMENT_NAME_RE = re.compile(
    rf"(?:^|[、，,。；;和及与“])((?:(?![和及与的])[{CJK}]){{1,8}}?(?:自治县|县|区|市|旗))(?=20[0-4]\d年度?[{CJK}]{{0,20}}?"
    r"(?:要点|方案|计划|安排|意见|规划|清单))"
)


def book_titles(page: Page) -> list[str]:
    """The 《…》 titles of the body, a quoted title (《关于印发<…>的通知》) given by what it quotes."""
    out = []
    for line in page.body:
        for m in BOOK_TITLE_RE.finditer(line):
            inner = _QUOTED_TITLE_RE.search(m.group(1))
            out.append(inner.group(1) if inner else m.group(1))
    return out


def page_names(page: Page) -> set[str]:
    """Unit names the page states outright: in titles, furniture, the signature and 《…》 titles."""
    names = {n for t in page.titles for n, _ in chain_of(t)} | {n for c in furniture_chains(page) for n, _ in c}
    names |= {n for line in page.tail for n, _ in chain_of(line)}
    names |= {n for title in book_titles(page) for n, _ in leading_chain(title)}
    return names


SITE_ROOT_RE = re.compile(rf"^\s*(?:首页\s*[>＞→]\s*)?([{CJK}]{{2,20}}人民政府)(?:门户网站|网站)?\s*[>＞→]")


def context_units(page: Page) -> list[tuple[str, str]]:
    """Units the page names in the places a parent is named, most telling first."""
    out: list[tuple[str, str]] = []
    for chain in furniture_chains(page):
        out += chain
    for line in page.furniture:  # the portal a breadcrumb starts from: 临澄区人民政府 > 政务公开 > …
        if m := SITE_ROOT_RE.match(line):
            out += chain_of(m.group(1))
    for line in page.head:
        if ADDRESSEE_RE.match(line):
            for part in re.split(r"[、，,]", ADDRESSEE_RE.match(line).group().rstrip("：:")):
                out += chain_of(JOINT_PREFIX_RE.sub("", part)) or leading_chain(re.sub(r"^中共", "", part))
    out += governing_units(page.opening[:200], page_names(page))
    for line in page.tail:
        out += chain_of(line)
    for title in book_titles(page):
        out += leading_chain(title)
    for line in page.body:  # documents named without 《》
        out += [u for m in DOCUMENT_NAME_RE.finditer(line) for u in leading_chain(m.group(1))]
    return out


def addressed_units(page: Page) -> list[tuple[str, str]]:
    """Units of the addressee and of 在X委…领导下 in the opening: the bodies the report answers to."""
    out: list[tuple[str, str]] = []
    for line in page.head:
        if ADDRESSEE_RE.match(line):
            for part in re.split(r"[、，,]", ADDRESSEE_RE.match(line).group().rstrip("：:")):
                out += leading_chain(re.sub(r"^中共", "", part))
    out += governing_units(page.opening[:200], page_names(page))
    return out


def page_text(page: Page, besides: str = "") -> str:
    """The page's furniture, titles and body as one text, with the name ``besides`` blanked out (so that 吉林
    inside 吉林市 is no mention of 吉林省)."""
    text = "\n".join(page.furniture + page.titles + page.body)
    return text.replace(besides, "\x00") if besides else text


def named_anywhere(page: Page, names: set[str], besides: str = "") -> bool:
    """Does the page name any of ``names`` other than inside ``besides``?"""
    text = page_text(page, besides)
    return any(n in text for n in names)


def named_as(page: Page, full: str, names: set[str]) -> str:
    """How the page names a place of full name ``full`` that goes by ``names``: the full name where the page
    prints it, else its longest short form with a unit's suffix that the page prints (文山州 for 文山壮族苗族
    自治州, 石柱县 for 石柱土家族自治县), else the full name."""
    text = "\n".join(page.furniture + page.titles + page.body + page.tail)
    if full in text:
        return full
    printed = [n for n in names if n != full and n[-1] in "州市县区旗盟" and len(n) >= 3 and n in text]
    return max(printed, key=len) if printed else full
