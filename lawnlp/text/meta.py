"""Report metadata (entity, county, year, level) from the title, the opening and the signature block."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from lawnlp.schema import Meta, Paragraph
from lawnlp.text.patterns import FULL_DATE_RE, TITLE_WORD_RE, YEAR_RE, cn_year

_CJK = r"\u4e00-\u9fff"

# Administrative units: suffix -> level.  Longer suffixes first.
UNIT_SUFFIXES = {
    "特别行政区": "province",
    "自治区": "province",
    "省": "province",
    "自治州": "city",
    "地区": "city",
    "盟": "city",
    "州": "city",
    "自治县": "county",
    "县": "county",
    "旗": "county",
    "区": "county",
    "市": "city",
    "街道办事处": "township",
    "街道": "township",
    "镇": "township",
    "乡": "township",
}
NO_NAME_START = set("省市州县区旗镇乡")
_SUFFIX_RE = "|".join(sorted(UNIT_SUFFIXES, key=len, reverse=True))
# A government department: how its name begins and ends.
DEPT_PREFIXES = (
    "市场",
    "自然资源",
    "生态环境",
    "交通",
    "司法",
    "教育",
    "卫生",
    "卫健",
    "应急",
    "城市管理",
    "城管",
    "综合行政执法",
    "农业",
    "人力资源",
    "住房",
    "住建",
    "水利",
    "水务",
    "文化",
    "文旅",
    "税务",
    "医疗",
    "医保",
    "退役军人",
    "统计",
    "公安",
    "民政",
    "财政",
    "审计",
    "商务",
    "发展和改革",
    "发改",
    "科学技术",
    "科技",
    "工业和信息化",
    "工信",
    "林业",
    "体育",
    "信访",
    "国有资产",
    "国资",
    "档案",
    "粮食",
    "气象",
    "消防",
    "规划",
    "政务服务",
    "行政审批",
    "数据",
    "乡村振兴",
    "民族",
    "人民防空",
    "机关事务",
    "经济",
    "外事",
    "供销",
    "烟草",
    "海关",
    "残疾人",
    "妇女",
)
DEPT_RE = re.compile(
    rf"^(?:{'|'.join(DEPT_PREFIXES)})[{_CJK}（）()]{{0,16}}(?:局|委员会|委|办公室|厅|中心|院|署|所|队|办)$"
)
GOV_TAIL_RE = re.compile(r"(?:人民政府|政府|办事处|党委|党工委|管委会|管理委员会)$")
ADDRESSEE_RE = re.compile(r"^[^，。]{2,30}[：:]$")
ADDRESSEE_PARENT_RE = re.compile(rf"^(?:中共)?([{_CJK}]{{1,6}}?(?:市|县|区|州|盟))(?:委|人民政府|政府)")
OPENING_PARENT_RE = re.compile(rf"在(?:中共)?([{_CJK}]{{1,6}}?(?:市|县|区|州|盟|地区))委")


@lru_cache(maxsize=4096)
def segment_units(subject: str) -> tuple[tuple[str, str], ...] | None:
    """Split a name like 泸县方洞镇 or 丰都县市场监督管理局 into ((name, level), ...), or None."""
    if not subject:
        return ()
    if DEPT_RE.match(subject):
        return ((subject, "department"),)
    for n in range(1, min(8, len(subject) - 1) + 1):
        m = re.match(rf"([{_CJK}]{{{n}}})({_SUFFIX_RE})", subject)
        if not m or m.group()[0] in NO_NAME_START:
            continue
        rest = segment_units(subject[m.end() :])
        if rest is not None:
            return ((m.group(), UNIT_SUFFIXES[m.group(2)]),) + rest
    return None


def _subject(line: str) -> str:
    """The name part of a title or signature line: 2024年度乌苏市四棵树镇法治政府建设 -> 乌苏市四棵树镇."""
    s = cn_year(re.sub(r"\s+", "", line))
    s = re.sub(r"^中共[^，。]{0,20}?(?:委员会|党委|工委|委)(?=[" + _CJK + r"])", "", s)
    s = re.sub(r"^(?:20[0-4]\d|20xx|20XX)年度?", "", s)
    s = re.split(r"关于|20[0-4]\d|20xx|20XX|法治政府|法治建设|依法行政|年度|工作报告|报告|推进|全面", s)[0]
    s = s.replace("人民政府办公室", "").replace("办事处", "").replace("国家税务总局", "")
    s = GOV_TAIL_RE.sub("", s)
    return s


def _units_in(line: str) -> tuple[tuple[str, str], ...]:
    """Units named by a title/signature line; the longest tail that segments if the whole does not."""
    subject = _subject(line)
    for start in range(len(subject)):
        units = segment_units(subject[start:])
        if units:
            return units
    return ()


def _candidate_chains(paragraphs: list[Paragraph]) -> tuple[list, list]:
    """Unit chains named by title lines (with a title word) and by header/signature lines."""
    first_heading = next((p.index for p in paragraphs if p.heading_level == 1), len(paragraphs))
    head = [p.norm for p in paragraphs[: min(first_heading, 8)] if not p.debris and p.heading_level is None]
    tail = [p.norm for p in paragraphs[-10:] if not p.debris and p.heading_level is None and p.numbering is None]
    titles, others = [], []
    for line in head:
        if len(line) <= 60 and not line.endswith(("。", "：", ":")) and TITLE_WORD_RE.search(line):
            if units := _units_in(line):
                titles.append(units)
    for line in head + tail:
        if len(line) <= 30 and not re.search(r"[，。：:；、]", line) and not TITLE_WORD_RE.search(line):
            if units := segment_units(_subject(line)):
                others.append(units)
    return titles, others


def _entity_units(paragraphs: list[Paragraph]) -> tuple[tuple[str, str], ...]:
    titles, others = _candidate_chains(paragraphs)
    chains = titles or others
    if chains:
        best = max(chains, key=len)
        entity = best[-1]
        # a parent named elsewhere (site header 北京市潮白区人民政府 above a title naming 枣林街道)
        if len(best) == 1:
            rank = {"department": 0, "township": 1, "county": 2, "city": 3, "province": 4}
            for chain in titles + others:
                if chain[-1][0] == entity[0] and len(chain) > 1:
                    return chain
            for chain in others:
                if rank[chain[-1][1]] > rank[entity[1]] and chain[-1][1] != "province":
                    return (chain[-1], entity)
        return best
    # No title or signature: the unit the body names most often (我镇 texts name themselves).
    counts: Counter[str] = Counter()
    for p in paragraphs[:12]:
        for m in re.finditer(rf"(?:^|(?<=[，。：、\s年]))([{_CJK}]{{2,4}}?(?:街道|镇|乡))(?=[{_CJK}，])", p.norm):
            name = m.group(1)
            if not name.startswith(("全", "我", "本", "各", "该", "乡镇", "城镇", "村镇")):
                counts[name] += 1
    if counts:
        name, _ = counts.most_common(1)[0]
        return ((name, "township"),)
    return ()


def extract_year(paragraphs: list[Paragraph]) -> int | None:
    """The year reported on: title, then opening, then a measures/plans heading, then the date line."""
    first_heading = next((p.index for p in paragraphs if p.heading_level == 1), min(len(paragraphs), 4))
    opening = [p for p in paragraphs[: first_heading + 1] if not p.debris]
    for p in opening:
        m = YEAR_RE.search(cn_year(p.norm))
        if m:
            return int(m.group(1))
    for p in paragraphs:
        if p.heading_level == 1 and (m := YEAR_RE.search(cn_year(p.norm))):
            year = int(m.group(1))
            plan_like = re.search(r"打算|安排|计划|思路|展望|下一步|下步|目标", p.norm)
            return year - 1 if plan_like else year
    for p in reversed(paragraphs[-8:]):
        m = FULL_DATE_RE.match(cn_year(p.norm))
        if m:
            year, month = int(m.group(1)), int(m.group(2))
            return year - 1 if month <= 6 else year
    return None


def extract_meta(paragraphs: list[Paragraph]) -> Meta:
    """Metadata per the annotation guide, section 3."""
    units = [u for u in _entity_units(paragraphs) if u[1] != "province"]
    meta = Meta(year=extract_year(paragraphs))
    if units:
        entity, level = units[-1]
        if level == "department" and len(units) > 1:
            entity = units[-2][0] + entity  # 丰都县 + 市场监督管理局
        meta.entity, meta.level = entity, level
        if len(units) > 1:
            meta.county = units[-2][0]
        else:
            meta.county = _named_parent(paragraphs, entity)
            if meta.county and level == "city":
                meta.level = "county"  # a county-level city under a named prefecture
    return meta


def _named_parent(paragraphs: list[Paragraph], entity: str) -> str | None:
    """The body above the entity, named in an addressee line (秀峰市委全面依法治市委员会办公室：)
    or in the opening (在吉林市委、市政府的坚强领导下)."""
    for p in paragraphs[:6]:
        if p.debris:
            continue
        if p.norm.endswith(("：", ":")) and len(p.norm) <= 40:
            candidates = [ADDRESSEE_PARENT_RE.match(p.norm)]
        else:
            candidates = list(OPENING_PARENT_RE.finditer(p.norm[:120]))
        for m in candidates:
            if m and not re.search(r"委|政府|依法|全面|党", m.group(1)) and m.group(1) != entity:
                return m.group(1)
    return None
