"""The reporting body of a report that is a government department: its full name with its place prefix
(市水务局 -> 武汉市水务局) and the place whose government it belongs to (annotation guide, section 3: a
department keeps its place prefix). Used by lawnlp.text.meta.

Where the place comes from, most telling first: the department's own chain (丰都县市场监督管理局), the page
spelling the name out in full (a site banner: 武汉市水务局), the 来源 / 发布机构 furniture, 《X市…》 titles, the
signature or address, then the one place of that level the page names most.
"""

from __future__ import annotations

import re
from collections import Counter

from lawnlp.text.departments import (
    CJK,
    MINISTRY_RE,
    full_department_name,
    is_department,
    system_department,
)
from lawnlp.text.named import PARTNER_BEFORE_RE, named_by_level
from lawnlp.text.names import (
    FURNITURE_BODY_RE,
    OPENING_LEAD_RE,
    Chain,
    book_titles,
    chain_of,
    context_units,
    furniture_chains,
    leading_chain,
    opening_chain,
    opening_subject,
    subject,
)
from lawnlp.text.page import Page
from lawnlp.text.places import gazetteer, segment_units

# A report's words for itself as a department (我局, 局党组, 我厅, 委党组).
DEPARTMENT_SELF_RE = re.compile(r"我局|本局|局党组|局机关|我厅|厅党组|我委|委党组|我办|我部|部党组")

PLACE_OF_PREFIX = {
    "省": "province",
    "自治区": "province",
    "市": "city",
    "州": "city",
    "县": "county",
    "区": "county",
    "旗": "county",
}

ABBREVIATED_DEPT_RE = re.compile(rf"^(省|自治区|市|州|县|区|旗)([{CJK}（）()]{{2,18}})$")


def _department_place(page: Page, level: str) -> str | None:
    """The place of a ``level`` (city, county, province) that a department named without it belongs to."""
    sources = [m.group(m.lastindex) for line in page.furniture for m in FURNITURE_BODY_RE.finditer(line)]
    sources += book_titles(page)
    sources += [line for line in page.tail if not re.search(r"[，。；]", line)]  # a signature, not a sentence
    sources += [line for line in page.body if re.match(r"^(?:地址|通讯地址|联系地址)", line)]
    sources += [re.sub(r"^.*?(?:地址|地点)[:：]", "", line) for line in page.body if "地址" in line]
    for text in sources:
        for name, lv in chain_of(text) or leading_chain(re.sub(r"^(?:中共)?", "", text)):
            if lv == level:
                return name
    return None


def _spelt_out_place(page: Page, prefix: str, department: str) -> str | None:
    """The place of a department the report names as 市水务局 where the page also spells it out in full (a
    site banner or 来源 line: 武汉市水务局): the place so named most often that the gazetteer lists or the
    page names twice."""
    text = "\n".join(page.furniture + page.titles + page.head + page.body)
    names = {department, full_department_name(department)}
    counts: Counter[str] = Counter()
    for name in names:
        for m in re.finditer(rf"([{CJK}]{{1,10}}?{prefix}){re.escape(name)}", text):
            if PARTNER_BEFORE_RE.search(text[max(0, m.start() - 24) : m.start()]):
                continue  # 与X区、Y区市场监督管理局共同发布: a partner's name
            for start in range(len(m.group(1)) - len(prefix)):  # the longest name that is one place
                place = m.group(1)[start:]
                units = segment_units(place)
                one_place = units and len(units) == 1 and units[0][1] == PLACE_OF_PREFIX[prefix]
                if one_place and (gazetteer().lookup(place) or text.count(place) >= 2):  # not 现将市…
                    counts[place] += 1
                    break
    return counts.most_common(1)[0][0] if counts else None


def abbreviated_department(page: Page) -> tuple[str | None, str | None] | None:
    """(entity, place) of a department that names itself without its place (市人社局, 省司法厅); (the name as
    written, None) when its place is named nowhere; None when the page names no such department."""
    candidates = [subject(t) for t in page.titles] + [OPENING_LEAD_RE.sub("", page.opening)[:20]]
    candidates.append(opening_subject(page.opening)[:20])  # 在县委…领导下，县市场监管局…
    # an opening that does not name the body (根据《…》要求…): the first sentences of the text (2019年以来，市人力
    # 社保局坚持…)
    heading_texts = {h for _, h in page.headings}
    sentences = [line for line in page.body if line not in heading_texts and line != page.opening and "，" in line]
    candidates += [opening_subject(line)[:20] for line in sentences[:2]]
    candidates += [
        m.group(1) for m in re.finditer(rf"将((?:市|县|区|省|州)[{CJK}]{{2,16}}?(?:局|厅|委|办))", page.opening)
    ]
    # 2022年，全市司法行政系统… in a report that calls itself 我局: the 市司法局
    calls_itself_a_department = bool(DEPARTMENT_SELF_RE.search("\n".join(page.body[:20])))
    if (dept := system_department(page.opening[:60])) and calls_itself_a_department:
        candidates.append(dept)
    for text in candidates:
        m = ABBREVIATED_DEPT_RE.match(text)
        if not m:
            mm = re.match(rf"^((?:省|自治区|市|州|县|区|旗)[{CJK}]{{2,16}}?(?:局|厅|委员会|委|办公室))", text)
            m = ABBREVIATED_DEPT_RE.match(mm.group(1)) if mm else None
        if m and is_department(m.group(2)):
            level = PLACE_OF_PREFIX[m.group(1)]
            # its place in furniture, 《…》 titles or the signature, else the one place of its level the text
            # names most (省人社厅 on a page that names only 湖北): a department either way, never the place
            place = (
                _spelt_out_place(page, m.group(1), m.group(2))
                or _department_place(page, level)
                or named_by_level(page, level)
            )
            if place:
                return place + full_department_name(m.group(2)), place
            return m.group(0), None  # its place named nowhere: the name as the page writes it (区市场监管局)
    if calls_itself_a_department and (titled := _titled_department(page)):
        return titled
    return None


def _titled_department(page: Page) -> tuple[str, str] | None:
    """A report that calls itself 局党组 / 我局 and names no body: the department, with its place, that opens
    the most of its 《…》 titles (印发《X市水务局重大行政决策事项目录》: its own documents)."""
    named = Counter(
        (chain[-2][0] + chain[-1][0], chain[-2][0])
        for title in book_titles(page)
        if len(chain := leading_chain(title)) >= 2 and chain[-1][1] == "department"
    )
    return named.most_common(1)[0][0] if named else None


def department(page: Page, chain: Chain) -> tuple[str | None, str | None]:
    """(entity, county) of a department: its own chain (丰都县市场监督管理局), a chain naming it with its place
    elsewhere (the opening: 上海市人力资源和社会保障局（以下称市人社局）), or its place found by level (市人社局 +
    《长治市…》; 司法厅 + 四川省); when the page never names its place, (区市场监管局, None) for a name written
    with its level (区, 市, 省), else (None, None)."""
    name = full_department_name(chain[-1][0])
    if len(chain) > 1:
        return chain[-2][0] + name, chain[-2][0]
    found = abbreviated_department(page)
    if found and found[1]:
        return found
    others = [c for c in [opening_chain(page.opening), *furniture_chains(page)] if len(c) > 1]
    for other in others:
        if other[-1][1] == "department" and full_department_name(other[-1][0]) == name:
            return other[-2][0] + name, other[-2][0]
    if MINISTRY_RE.match(name):
        return name, None
    wanted = ("province",) if name.endswith("厅") else ("city", "county")
    for place, lv in context_units(page):
        if lv in wanted:
            return place + name, place
    return found if found else (None, None)


# 在区委、区政府的坚强领导下 / 在市委市政府领导下: the level of the government a department answers to.
GOVERNED_BY_RE = re.compile(r"在(省|自治区|市|州|区|县|旗)委[、，,]?(?:\1)?(?:人民)?政府")


def governing_level(page: Page) -> str | None:
    m = GOVERNED_BY_RE.search(page.opening) or GOVERNED_BY_RE.search("\n".join(page.body[:5]))
    return PLACE_OF_PREFIX[m.group(1)] if m else None
