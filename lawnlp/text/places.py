"""Places and bodies: China's administrative divisions, and the names of reporting bodies in text.

- ``gazetteer()``: every province-, city- and county-level division with its level and parent, from the
  table of administrative division codes that the ``cpca`` package ships (read as data; cpca's own code is
  not imported). Provinces are also known by their short names (广东, 宁夏, 新疆), autonomous prefectures by
  theirs (恩施州). Direct-controlled municipalities (北京市 …) are ``city`` (the annotation guide).
- ``segment_units(name)``: a name such as 泸县方洞镇 or 丰都县市场监督管理局 as (name, level) units, by their
  suffixes, so that invented or unlisted places work too; ``unit_level`` corrects the level of an X市 the
  gazetteer knows (county-level city or prefecture).
Department names (how they begin and end, ministries, abbreviations) are in lawnlp.text.departments.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lawnlp.text.departments import CJK, NAME_STOP_CHARS, is_department

# -- the gazetteer ---------------------------------------------------------------------------------------
MUNICIPALITIES = {"11", "12", "31", "50"}  # 北京 天津 上海 重庆: province-level cities, level "city"
PLACEHOLDER_NAMES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "省直辖县", "自治区直辖县"}
# Two-character district names that are ordinary words too (城区面积, 矿区治理): never matched on their own.
GENERIC_NAMES = {"城区", "郊区", "矿区", "东区", "西区", "南区", "北区", "新区", "市区", "特区", "林区"}
# The 56 nationalities' names, longest first, as they stand before 族 in autonomous place names; an
# alternation, not a character class (a class took the 西 of 广西壮族 for the 西 of 纳西).
_NATIONALITIES = sorted(
    "蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇 "
    "柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 "
    "塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 蒙".split(),
    key=len,
    reverse=True,
)
ETHNIC_RE = re.compile(rf"(?:(?:{'|'.join(_NATIONALITIES)})族)+$")


@dataclass(frozen=True)
class Place:
    """One administrative division."""

    name: str  # the full name: 泸县, 苏州市, 广西壮族自治区
    level: str  # "province", "city" or "county" (the guide's levels)
    code: str  # the six-digit division code
    parent: str | None  # the code of the division above it


# Prefectures known by one character and 州 (博尔塔拉蒙古自治州: 博州).
PREFECTURE_ONE_CHARACTER = {"博尔塔拉": "博州", "巴音郭楞": "巴州", "克孜勒苏": "克州"}


def short_names(place: Place) -> set[str]:
    """Other names the place goes by: 广东 (广东省), 广西 (广西壮族自治区), 恩施州 (恩施土家族苗族自治州)."""
    out: set[str] = set()
    name = place.name
    if (
        place.level == "province"
        or place.code[:2] in MUNICIPALITIES
        and place.level == "city"
        and place.code[2:] == "0000"
    ):
        stem = ETHNIC_RE.sub("", re.sub(r"(?:特别行政区|自治区|省|市)$", "", name)).removesuffix("维吾尔")
        if len(stem) >= 2:
            out.add(stem)
    elif name.endswith("自治州"):
        stem = ETHNIC_RE.sub("", name[: -len("自治州")])
        stem = re.sub(r"(?:蒙古|哈萨克|柯尔克孜)$", "", stem)  # 伊犁哈萨克自治州: a nationality without 族
        if len(stem) >= 2:
            out.add(stem + "州")  # 恩施州, 黔东南州, 西双版纳州
            if stem in PREFECTURE_ONE_CHARACTER:
                out.add(PREFECTURE_ONE_CHARACTER[stem])
    return out - {name}


class Gazetteer:
    """Administrative divisions by name and code (see the module docstring)."""

    def __init__(self, rows: list[tuple[str, str]]):
        names = {code: name for code, name in rows}
        self.by_code: dict[str, Place] = {}
        for code, name in rows:
            if name in PLACEHOLDER_NAMES:
                continue
            if code[2:] == "0000":
                level, parent = ("city" if code[:2] in MUNICIPALITIES else "province"), None
            elif code[4:] == "00":
                level, parent = "city", code[:2] + "0000"
            else:
                level = "county"
                city = code[:4] + "00"
                parent = city if city in names and names[city] not in PLACEHOLDER_NAMES else code[:2] + "0000"
            self.by_code[code] = Place(name, level, code, parent)
        self.by_name: dict[str, list[Place]] = {}
        for place in self.by_code.values():
            for n in {place.name} | short_names(place):
                self.by_name.setdefault(n, []).append(place)

    def lookup(self, name: str) -> list[Place]:
        """The places called ``name`` (full or short name); several when the name repeats (朝阳区)."""
        return list(self.by_name.get(name, ()))

    def parent(self, place: Place) -> Place | None:
        return self.by_code.get(place.parent) if place.parent else None

    def names_of(self, place: Place) -> set[str]:
        """Every name ``place`` goes by in text (full and short)."""
        return {place.name} | short_names(place)


def _table_path() -> Path:
    """cpca's division table, located without importing cpca (its import loads pandas and builds matchers)."""
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("the division table comes with the package cpca: pip install cpca==0.5.5")
    return Path(next(iter(spec.submodule_search_locations))) / "resources" / "adcodes.csv"


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The divisions of China (read once)."""
    with open(_table_path(), encoding="utf-8", newline="") as f:
        rows = [(r["adcode"][:6], r["name"].strip()) for r in csv.DictReader(f) if r.get("adcode")]
    return Gazetteer(rows)


# -- unit names by suffix ------------------------------------------------------------------------------------
# Administrative units: suffix -> level. Longer suffixes first.
UNIT_SUFFIXES = {
    "特别行政区": "province",
    "自治区": "province",
    "省": "province",
    "自治州": "city",
    "地区": "city",
    "盟": "city",
    "州": "city",
    "自治县": "county",
    "自治旗": "county",
    "县": "county",
    "旗": "county",
    "区": "county",
    "市": "city",
    "街道办事处": "township",
    "街": "township",
    "街道": "township",
    "镇": "township",
    "乡": "township",
    "苏木": "township",
}
NO_NAME_START = set("省市州县区旗镇乡")
_SUFFIX_RE = "|".join(sorted(UNIT_SUFFIXES, key=len, reverse=True))
# Not the name of a place, though it ends like one (全县, 我市, 各乡镇, 城区, 辖区, 社区, 园区, 景区, 城镇, 新区 ...).
NOT_PLACE_RE = re.compile(
    r"(?:[全我本各该此每]|市县|县区|乡镇|城镇|村镇|县乡|镇村|.{0,2}[各全])(?:省|市|州|县|区|旗|镇|乡|街道|苏木)|"
    r".+[我该此每](?:省|市|州|县|区|旗|镇|乡|街道)|"  # 切实落实我区: a verb phrase ending in 我区
    r"社区|园区|景区|辖区|片区|城区|郊区|矿区|新区|开发区|高新区|保税区|试验区|示范区|功能区|街区|"
    r"小区|库区|山区|牧区|农区|林区|老区|灾区|城市|县市区|市州|州市|"
    r".*(?:依法治|法治|全面|推进|建设|委员会|领导|政府).*|自治[州县区旗]"
)


@lru_cache(maxsize=8192)
def segment_units(subject: str) -> tuple[tuple[str, str], ...] | None:
    """Split a name like 泸县方洞镇 or 丰都县市场监督管理局 into ((name, level), ...), or None.

    Levels by suffix; an X市 the gazetteer lists as a county-level city is ``county``. Each unit lies inside
    the one before it (levels strictly fall: 省 > 市 > 县 > 镇, a department last), so 方洞镇按照县 is no chain."""
    if not subject:
        return ()
    if is_department(subject):
        return ((subject, "department"),)
    for n in range(1, min(8, len(subject) - 1) + 1):
        m = re.match(rf"([{CJK}]{{{n}}})({_SUFFIX_RE})", subject)
        if not m:
            continue
        known = bool(gazetteer().lookup(m.group()))
        # a suffix after two characters or more inside an unlisted name (方洞镇按照县); not 宁乡市's 乡
        inner = INNER_SUFFIX_RE.search(m.group(1), 2) and not SHORT_TOWNSHIP_RE.match(m.group())
        if not known and (m.group()[0] in NO_NAME_START or inner or not is_place_name(m.group())):
            continue
        after = subject[m.end() :]
        if after.startswith(m.group(2)) and is_department(after[len(m.group(2)) :]):
            after = after[len(m.group(2)) :]  # a doubled suffix before a department (X县县卫生健康局)
        rest = segment_units(after)
        level = unit_level(m.group(), UNIT_SUFFIXES[m.group(2)])
        if rest is not None and (not rest or LEVEL_RANK[rest[0][1]] < LEVEL_RANK[level]):
            return ((m.group(), level),) + rest
    return None


# An unlisted name never holds another unit's suffix inside (方洞镇按照县 is two pieces, not one county).
INNER_SUFFIX_RE = re.compile(r"[省市县区镇乡]|街道")
# ...except a short township name that holds one (新市街道, 东区街道, 县前镇) when nothing splits it.
SHORT_TOWNSHIP_RE = re.compile(r"^[^省市县区镇乡]{0,2}[市区县][^省市县区镇乡]{0,1}(?:街道|镇|乡)$")
LEVEL_RANK = {"department": -1, "township": 0, "county": 1, "city": 2, "province": 3}


@lru_cache(maxsize=1)
def jieba_words():
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt.FREQ, jieba.posseg.dt.word_tag_tab


def is_word(stem: str) -> bool:
    """Is ``stem`` a common word that is not a place name in jieba's dictionary (召开, 围绕, 方案: not 鹤川)?"""
    freq, tags = jieba_words()
    tag = tags.get(stem)
    return bool(freq.get(stem)) and tag is not None and not tag.startswith("ns")


def is_place_name(name: str) -> bool:
    """Could ``name`` (ending in a unit suffix) be a place? Not 全县, 我市, 各乡镇, 辖区, 开发区 or a phrase
    with function words, unless the gazetteer lists it (全椒县, 本溪市 are places)."""
    if gazetteer().lookup(name):
        return True
    return not NOT_PLACE_RE.fullmatch(name) and not NAME_STOP_CHARS & set(name)


def unit_level(name: str, by_suffix: str) -> str:
    """The level of a unit: the gazetteer's for a place it knows (昆山市: county), else by suffix."""
    known = {p.level for p in gazetteer().lookup(name)} if name not in GENERIC_NAMES else set()
    if len(known) == 1:
        return known.pop()
    return by_suffix
