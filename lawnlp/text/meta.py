"""Report metadata (annotation guide, section 3): entity, county (the place one level above), year, level and
publication date.

Where each comes from, most telling first:

* entity: the title (also a title inside a metadata table or split over two lines), then the opening's
  subject (2024年，X县…; 广东坚持…), the 发布机构 / 来源 furniture, the signature; a department named
  without its place (市人社局, 我局) takes the place the page names (来源 line, 《X市…》 titles, address);
* level: the entity's unit (suffix, and the gazetteer for X市), else the report's self-references (我市, 我局);
* county: the entity's own chain (X县Y镇), then units of the right level named in the furniture, addressee,
  opening (在X县委…领导下), 《X县…》 titles and signature; for a place the gazetteer knows, its parent when
  the text names it anywhere;
* year: the title, then the opening, then part headings (a plans heading names the next year), then the
  publication or signature date — never a date in page furniture;
* published: the furniture's publication date (发布时间 before 成文日期), else the signature date.

Names are found in the normalised (simplified) text and given as the page spells them: 湘潭縣衛生健康局 on a page
in traditional characters, as an annotator copies a proper name (three independent annotators of real pages all
did). Code that groups reports by body compares names simplified (lawnlp.text.normalize.name_key).
"""

from __future__ import annotations

import re
from collections import Counter

from lawnlp.schema import Meta, Paragraph
from lawnlp.text.departments import CJK
from lawnlp.text.meta_department import (
    DEPARTMENT_SELF_RE,
    PLACE_OF_PREFIX,
    abbreviated_department,
    department,
    governing_level,
)
from lawnlp.text.named import named_by_level, provinces_named, township_named
from lawnlp.text.names import (
    Chain,
    addressed_units,
    chain_of,
    context_units,
    furniture_chains,
    governing_units,
    named_anywhere,
    named_as,
    opening_chain,
    page_names,
    subject,
)
from lawnlp.text.normalize import printed_spelling
from lawnlp.text.page import Page, extract_year, page_of, published_of
from lawnlp.text.places import gazetteer, is_place_name, segment_units

LEVEL_RANK = {"township": 0, "county": 1, "city": 2, "province": 3}

PARENT_LEVEL = {"township": ("county",), "county": ("city",), "city": ("province",)}

# Bodies only a county-level city answers to (a prefecture's 盟委, 州委, 地委, 行署).
ABOVE_COUNTY_CITY_RE = re.compile(r"盟委|州委|地委|行署|行政公署")

SELF_REF = (  # level named by the report's words for itself
    ("department", DEPARTMENT_SELF_RE),
    ("township", re.compile(r"我镇|我乡|我街道|本街道|我街|全镇|全乡|全街道|镇党委|乡党委|街道党工委|苏木")),
    ("county", re.compile(r"我县|我区|我旗|全县|全区|全旗|县委|区委")),
    ("city", re.compile(r"我市|我州|全市|全州|市委|州委|我盟")),
    ("province", re.compile(r"我省|全省|省委|自治区党委|全区各族")),
)

# The opening formula naming the body: 现将X镇2020年度…报告如下 / 现就X县2023年…报告如下.
FORMULA_NAME_RE = re.compile(rf"(?:现将|现就|特将)([{CJK}]{{2,20}}?)(?:20[0-4]\d|二[〇○零])")


def _entity_chain(page: Page) -> tuple[Chain, str]:
    """The entity's unit chain and where it was found."""
    title_chains = [c for t in page.titles if (c := chain_of(t))]
    if title_chains:
        return max(title_chains, key=len), "title"
    if page.opening and (chain := opening_chain(page.opening)):
        return chain, "opening"
    if page.opening and (m := FORMULA_NAME_RE.search(page.opening)) and (chain := segment_units(m.group(1))):
        return chain, "opening"  # 根据…要求，现将庆隆镇2020年度法治政府建设情况报告如下
    for line in page.head:  # a name alone above the title (赵县人民政府 / 2022年度法治政府建设情况报告)
        if len(line) <= 30 and not re.search(r"[，。；、：:]", line) and (chain := segment_units(subject(line))):
            return chain, "head"
    for line in page.tail:  # a government's signature outranks a 来源 line (the office that put the page up)
        if re.fullmatch(rf"[{CJK}]{{2,20}}人民政府", line) and (chain := segment_units(subject(line))):
            return chain, "signature"
    if chains := furniture_chains(page):
        return max(chains, key=len), "furniture"
    for line in page.tail:
        if not re.search(r"[，。；、：:\d]", line) and (chain := segment_units(subject(line))):
            return chain, "signature"
    return (), ""


def _parent(page: Page, chain: Chain, entity: str, level: str) -> str | None:
    if len(chain) > 1 and level != "department":
        return chain[-2][0]
    if level == "department":
        return chain[-2][0] if len(chain) > 1 else None
    wanted = PARENT_LEVEL.get(level, ())
    g = gazetteer()
    known = [p for p in g.lookup(entity) if p.level == level]
    for place in known:  # a place the gazetteer knows: its parent, when the page names it anywhere
        parent = g.parent(place)
        if parent and named_anywhere(page, g.names_of(parent) - {entity}, entity):
            return named_as(page, parent.name, g.names_of(parent) - {entity})
    for name, lv in context_units(page):
        if lv in wanted and name != entity and is_place_name(name):
            return name
    for name, lv in governing_units("\n".join(page.body), page_names(page)):  # running text: X县委, X区政府
        if lv in wanted and name != entity:
            return name
    if wanted == ("province",) and (named := provinces_named(page, entity)):
        return named.most_common(1)[0][0]
    return None


# The township as the subject of a clause of the opening (2021年来，街道按照… / 镇党委坚持…).
TOWNSHIP_SUBJECT_RE = re.compile(
    r"(?:^|[，,])\s*(?:20[0-4]\d\s*年(?:来|以来|度)?[，,]?\s*)?(?:本|我)?(?:街道|镇|乡)(?:党工委|党委|办事处|政府)?"
    r"(?=按照|坚持|始终|围绕|认真|深入|全面|紧紧|紧扣|在|以)"
)


# The government of a county, city or province as the subject of a clause (2022年，县人民政府坚持…).
GOVERNMENT_SUBJECT_RE = re.compile(
    r"(?:^|[，,。])\s*(?:20[0-4]\d\s*年(?:来|以来|度)?[，,]?\s*)?(县|区|旗|市|州|省)(?:人民)?政府"
    r"(?=坚持|始终|围绕|认真|深入|全面|紧紧|紧扣|高度|以)"
)


def _self_level(page: Page) -> str:
    if SELF_REF[0][1].search(page.opening):
        return "department"  # 我局 / 局党组 in the opening: a department, whatever else it governs
    if TOWNSHIP_SUBJECT_RE.search(page.opening[:80]):
        return "township"  # 为…，2021年来，街道按照…: the opening's subject is the township itself
    first = [page.opening[:200]] + [line[:120] for line in page.body[:8] if line != page.opening]
    for line in first:  # 根据…要求… then 2022年，县人民政府坚持…: the county's government speaks for itself
        if m := GOVERNMENT_SUBJECT_RE.search(line):
            return PLACE_OF_PREFIX[m.group(1)]
    text = "\n".join(page.body[:20])
    counts = Counter({level: len(pattern.findall(text)) for level, pattern in SELF_REF})
    level, n = counts.most_common(1)[0]
    return level if n else "unknown"


def extract_meta(paragraphs: list[Paragraph]) -> Meta:
    """Metadata per the annotation guide, section 3 (see the module docstring)."""
    meta = _extract(paragraphs)
    texts = [p.text for p in paragraphs]
    meta.entity, meta.county = printed_spelling([meta.entity, meta.county], texts)
    return meta


def _extract(paragraphs: list[Paragraph]) -> Meta:
    page = page_of(paragraphs)
    published = published_of(page, paragraphs)
    meta = Meta(year=extract_year(page, published), published=published)
    chain, _ = _entity_chain(page)
    if not chain or chain[-1][1] == "department" and len(chain) == 1:
        found = abbreviated_department(page) if not chain else department(page, chain)
        if found and found[0]:
            meta.entity, meta.county, meta.level = found[0], found[1], "department"
            return meta
        if found and not chain:  # 省人社厅 with no place named anywhere: a department all the same
            meta.level = "department"
            return meta
    if not chain or chain[-1][1] == "department" and len(chain) == 1:
        meta.level = "department" if chain else _self_level(page)
        if meta.level in ("city", "county", "province") and not chain:
            meta.entity = named_by_level(page, meta.level)  # 2024年，我市… with the city named elsewhere
        elif meta.level == "township" and not chain:
            meta.entity = township_named(page)  # 我镇… with no title: the township its text names most
        if meta.entity:
            chain = ((meta.entity, meta.level),)
        elif meta.level in PARENT_LEVEL:
            meta.county = _parent(page, (("", meta.level),), "", meta.level)
            return meta
        elif meta.level == "department":  # 我局 without a name: the place the page names
            governing = governing_level(page)  # 在区委、区政府的领导下: a district's department
            meta.county = (named_by_level(page, governing) if governing else None) or next(
                (n for n, lv in context_units(page) if lv in ("county", "city")), None
            )
            return meta
        else:
            return meta
    entity, level = chain[-1]
    if level == "department":
        entity, meta.county = department(page, chain)
        meta.entity, meta.level = entity, level
        return meta
    meta.entity, meta.level = entity, level
    if level == "city" and entity.endswith("市") and len(chain) == 1 and not gazetteer().lookup(entity):
        above = [n for n, lv in addressed_units(page) if lv == "city" and n != entity]
        if above:  # an (unlisted) X市 answering to another city's committee: a county-level city
            meta.level, meta.county = "county", above[0]
            return meta
        if ABOVE_COUNTY_CITY_RE.search("\n".join(page.head) + page.opening[:200]):
            meta.level = "county"  # it answers to a prefecture's 盟委 / 州委 / 地委
    meta.county = _parent(page, chain, chain[-1][0] if level != "department" else entity, level)
    if meta.level == "province":
        meta.county = None
    return meta
