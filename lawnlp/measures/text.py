"""Text helpers shared by the measures: normalised paragraph text, sentences and clauses, numbers
(Arabic and Chinese), list markers, and masking of names, places, numbers and years.

Everything here is a pure function of its arguments; regexes are compiled once at import.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import MISSING, fields
from functools import lru_cache

from lawnlp.schema import Audit, Indicator, Meta, Paragraph, Report

_FULL_TO_HALF = {
    chr(c): chr(c - 0xFEE0)
    for c in list(range(0xFF10, 0xFF1A)) + list(range(0xFF21, 0xFF3B)) + list(range(0xFF41, 0xFF5B))
}
_FULL_TO_HALF.update({"\u3000": " ", "．": ".", "％": "%"})
_FULL_TO_HALF_TABLE = str.maketrans(_FULL_TO_HALF)
_HALF_PUNCT = {",": "，", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！", ":": "："}
_HALF_PUNCT_RE = re.compile(r"(?<!\d)[,:](?!\d)|[;()?!]")
# A half-width full stop used as a sentence end between Chinese text: 营商环境.建立 -> 营商环境。建立
_DOT_STOP_RE = re.compile(r"(?<=[\u4e00-\u9fff”\"）)%])\.(?=[\u4e00-\u9fff“\"（(])|(?<=[\u4e00-\u9fff”\"）)%])\.$")
_CJK_RE = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _t2s():
    try:
        import opencc
    except ImportError:  # pragma: no cover - opencc is a dependency of lawnlp
        return None
    return opencc.OpenCC("t2s")


def light_normalize(text: str, simplify: bool = False) -> str:
    """Full-width digits and letters made ASCII, half-width punctuation made full-width, a half-width
    full stop between Chinese text made 。; with ``simplify``, traditional characters made simplified."""
    text = text.translate(_FULL_TO_HALF_TABLE)
    text = _HALF_PUNCT_RE.sub(lambda m: _HALF_PUNCT[m.group()], text)
    text = _DOT_STOP_RE.sub("。", text)
    if simplify and _CJK_RE.search(text) and (cc := _t2s()) is not None:
        text = cc.convert(text)
    return text.strip()


@lru_cache(maxsize=1 << 15)
def _normalized(text: str, simplify: bool) -> str:
    return light_normalize(text, simplify)


def paragraph_text(p: Paragraph) -> str:
    """The paragraph's normalised text (``norm`` when the pipeline filled it, else ``text`` normalised);
    memoised by text, since every measure reads it."""
    return _normalized(p.norm, False) if p.norm else _normalized(p.text, True)


# -- sentences and clauses ------------------------------------------------------------------------
_SENTENCE_END_RE = re.compile(r"(?<=[。！？；])")
_FULL_STOP_RE = re.compile(r"(?<=[。！？])")
_CLAUSE_RE = re.compile(r"[^，、：；。！？]+[，、：；。！？]?")


def sentences(text: str) -> list[str]:
    """Sentences of a text, split after 。！？ and ； (each keeps its final mark); empty ones dropped."""
    return [s for s in (part.strip() for part in _SENTENCE_END_RE.split(text)) if s]


def full_sentences(text: str) -> list[str]:
    """Sentences split after 。！？ only (a semicolon chain stays one sentence)."""
    return [s for s in (part.strip() for part in _FULL_STOP_RE.split(text)) if s]


def clauses(sentence: str) -> list[tuple[int, str]]:
    """(offset, clause) pairs of a sentence, split after ，、：；。！？."""
    return [(m.start(), m.group()) for m in _CLAUSE_RE.finditer(sentence)]


# -- numbers --------------------------------------------------------------------------------------
CN_DIGITS = "零〇一二两三四五六七八九"
CN_NUMERAL = f"[{CN_DIGITS}十百千万亿]"
# A number as written: 45, 1.2, 1,234, 1.2万, 十二, 两千 (a following 余 is not part of it)
NUMBER = rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?(?:[万亿](?![元]))?|{CN_NUMERAL}{{1,8}})"


def parse_number(text: str) -> float | None:
    """The value of a number as written (``45``, ``1.2万``, ``十二``, ``两千``, ``1,234``), or None."""
    text = text.replace(",", "")
    if not text:
        return None
    scale = 1.0
    if len(text) > 1 and text[-1] in "万亿" and text[-2].isdigit():
        scale = 1e4 if text[-1] == "万" else 1e8
        text = text[:-1]
    try:
        return float(text) * scale
    except ValueError:
        return _parse_cn(text)


@lru_cache(maxsize=4096)
def _parse_cn(text: str) -> float | None:
    import cn2an

    try:
        return float(cn2an.cn2an(text.replace("〇", "零"), "smart"))
    except (ValueError, KeyError, TypeError, IndexError):
        return None


# -- list markers and headings --------------------------------------------------------------------
_CN = "一二三四五六七八九十"
# A marker that starts a list item or heading: 一、 （一） 1. 1、 （1） ① 一是 第一， 首先，
LEADING_MARKER_RE = re.compile(
    rf"^(?:[{_CN}]{{1,3}}\s*[、.]|（[{_CN}]{{1,3}}）|\d{{1,2}}\s*(?:[、]|\.(?!\d))|（\d{{1,2}}）|[①②③④⑤⑥⑦⑧⑨⑩]"
    rf"|[{_CN}]{{1,3}}是|第[{_CN}]{{1,3}}(?=[，、：是])|首先(?=[，、])|其次(?=[，、])|再次(?=[，、])|最后(?=[，、]))\s*"
)
# Enumerating markers inside a paragraph: 一是 二是 … (after the start or a mark), ①②, （1）（2）
INLINE_ITEM_RE = re.compile(
    rf"(?:^|(?<=[。；：，]))\s*(?:[{_CN}]{{1,3}}是|[①②③④⑤⑥⑦⑧⑨⑩]|（\d{{1,2}}）|第[{_CN}]{{1,3}}(?=[，、：]))"
    rf"|(?<=[。；：])\s*(?:\d{{1,2}}\s*(?:[、]|\.(?!\d))|（[{_CN}]{{1,3}}）)"
    r"|(?<=[。；])\s*(?:此外|另外)(?=[，、])"  # a further problem after the listed ones
)
HEADING_LEVEL_RE = (
    (1, re.compile(rf"^(?:第[{_CN}]{{1,3}}(?:部分|章|篇)[、，：\s]*|[{_CN}]{{1,3}}\s*[、.])")),
    (2, re.compile(rf"^（[{_CN}]{{1,3}}）")),
    (3, re.compile(r"^\d{1,2}\s*(?:[、]|\.(?!\d))")),
    (4, re.compile(r"^（\d{1,2}）|^[①②③④⑤⑥⑦⑧⑨⑩]")),
)


def leading_marker(text: str) -> str | None:
    m = LEADING_MARKER_RE.match(text)
    return m.group() if m else None


def item_starts(text: str) -> list[int]:
    """Start offsets of the enumerated items in a paragraph (一是…二是…, ①②, a leading 1./（1）)."""
    starts = sorted({m.start() + len(m.group()) - len(m.group().lstrip()) for m in INLINE_ITEM_RE.finditer(text)})
    if LEADING_MARKER_RE.match(text) and 0 not in starts:
        starts.insert(0, 0)
    return starts


def heading_level(p: Paragraph, text: str) -> int | None:
    """The paragraph's heading level: the pipeline's when set, else that of a numbered line of at
    most 40 characters without an inner full stop (a short title)."""
    if p.heading_level is not None:
        return p.heading_level
    stripped = text.rstrip("。：")
    if len(stripped) > 40 or "。" in stripped or "；" in stripped:
        return None
    for level, pattern in HEADING_LEVEL_RE:
        m = pattern.match(text)
        if m and m.end() < len(text):
            return level
    return None


# -- masking --------------------------------------------------------------------------------------
MASK_NUM, MASK_PLACE, MASK_PERSON = "＃", "Ｐ", "Ｘ"
_ADMIN_SUFFIX = "(?:自治区|自治州|自治县|街道|省|市|州|盟|县|区|旗|镇|乡)"
_YEAR_RE = re.compile(r"(?:19|20)\d\d|20[xX×]{2}|[〇零一二][〇零一二三四五六七八九]{3}(?=年)")
_NUM_MASK_RE = re.compile(
    rf"\d+(?:[,.]\d+)*|{CN_NUMERAL}{{2,8}}(?=[余多个名件次项场份人户家所处起宗篇期条万元])"
    rf"|[{CN_DIGITS}](?=[余多]?[个名件次项场份人户家所处起宗篇期条])"
)
_YEAR_OR_NUMBER_RE = re.compile(f"{_YEAR_RE.pattern}|{_NUM_MASK_RE.pattern}")
# Self-references and level words that differ only by the body's level: 我县/全镇/本局, 县委/市政府
_SELF_RE = re.compile(
    r"(?:我|全|本|该|各)(?:乡镇|街道|省|市|州|县|区|镇|乡|局|委|厅)"
    r"|(?:省|市|州|县|区|镇|乡|街道)(?=委|政府|人大|政协|党委|党工委|党政|纪委|人民政府|司法局|司法所|综合|领导班子)"
)
_PERSON_RE = re.compile(r"[\u4e00-\u9fff]某+")
_STRIP_RE = re.compile(r"[\s，、：；。！？“”‘’\"'（）()《》〈〉【】\[\]—…·\-]+")
_NAME_SUFFIX_RE = re.compile(rf"{_ADMIN_SUFFIX}$|(?:人民政府|政府)$")
_DEPT_PLACE_RE = re.compile(rf"^(.{{2,8}}?{_ADMIN_SUFFIX})(?=.{{2,}}(?:局|委|厅|办|署|院|中心|队|所|站)$)")


def names_of(meta: Meta | None, extra: Iterable[str] = ()) -> tuple[str, ...]:
    """The proper names to mask for a report: its entity and county with their stems (青岗镇, 青岗;
    a department's place prefix), longest first."""
    out: set[str] = set()
    for name in (getattr(meta, "entity", None), getattr(meta, "county", None), *extra):
        if not name:
            continue
        candidates = [name]
        if m := _DEPT_PLACE_RE.match(name):
            candidates.append(m.group(1))
        for c in candidates:
            out.add(c)
            stem = _NAME_SUFFIX_RE.sub("", c)
            if len(stem) >= 2:
                out.add(stem)
    return tuple(sorted(out, key=lambda s: (-len(s), s)))


def mask_words(text: str, names: tuple[str, ...] = ()) -> str:
    """``text`` with names, self-references, persons, years and numbers masked, punctuation kept."""
    for name in names:  # longest first (names_of)
        if name in text:
            text = text.replace(name, MASK_PLACE)
    text = _YEAR_OR_NUMBER_RE.sub(MASK_NUM, text)
    text = _SELF_RE.sub(MASK_PLACE, text)
    return _PERSON_RE.sub(MASK_PERSON, text) if "某" in text else text


def strip_punctuation(text: str) -> str:
    return _STRIP_RE.sub("", text)


def mask(text: str, names: tuple[str, ...] = ()) -> str:
    """``text`` with the given names and admin-level self-references (我县, 全镇, 县委 -> Ｐ), persons
    (王某某 -> Ｘ), years and numbers (＃) masked, punctuation and spaces removed: the form in which
    sentences and paragraphs are compared across reports."""
    return _STRIP_RE.sub("", mask_words(text, names))


def shingles(masked: str, n: int) -> set[str]:
    """Character n-grams of a masked text (the whole text when shorter than ``n``)."""
    if len(masked) <= n:
        return {masked} if masked else set()
    return {masked[i : i + n] for i in range(len(masked) - n + 1)}


# -- reports from their dict form -----------------------------------------------------------------
_PARAGRAPH_FIELDS = (
    "index",
    "line",
    "text",
    "norm",
    "heading_level",
    "numbering",
    "headings",
    "debris",
    "section",
    "themes",
)


def _audit(d: object) -> Audit | None:
    """The Audit of its dict form; None for None and for the report-level fields alone that CSV and
    Parquet result files keep (lawnlp.rows): the audit is computed again from the paragraphs then."""
    required = {f.name for f in fields(Audit) if f.default is MISSING and f.default_factory is MISSING}
    if isinstance(d, Audit) or d is None:
        return d
    return Audit.from_dict(d) if isinstance(d, dict) and required <= d.keys() else None


def _indicator(i: Indicator | dict) -> Indicator:
    known = {f.name for f in fields(Indicator)}
    return i if isinstance(i, Indicator) else Indicator(**{k: v for k, v in i.items() if k in known})


def report_from_dict(d: dict) -> Report:
    """A ``Report`` from its ``to_dict()`` form (a line of ``lawnlp analyze`` JSONL); keys neither
    ``Report`` nor ``Paragraph`` knows are ignored, metadata keys are kept (``published`` included);
    ``audit`` and ``indicators`` become ``Audit`` and ``Indicator`` objects."""
    m = d.get("meta") or {}
    meta = Meta(entity=m.get("entity"), county=m.get("county"), year=m.get("year"), level=m.get("level") or "unknown")
    for key, value in m.items():
        if key not in ("entity", "county", "year", "level"):
            setattr(meta, key, value)
    paragraphs = []
    for i, p in enumerate(d.get("paragraphs") or []):
        kw = {k: p[k] for k in _PARAGRAPH_FIELDS if p.get(k) is not None}
        kw.setdefault("index", i)
        kw.setdefault("line", kw["index"])
        kw.setdefault("text", "")
        kw.setdefault("norm", "")
        kw["headings"] = list(kw.get("headings") or [])
        kw["themes"] = list(kw.get("themes") or [])
        paragraphs.append(Paragraph(**kw))
    extra = {
        f.name: d[f.name]
        for f in fields(Report)
        if f.name in d and f.name not in ("source", "meta", "paragraphs", "brief", "error")
    }
    if "audit" in extra:
        extra["audit"] = _audit(extra["audit"])
    if "indicators" in extra:
        extra["indicators"] = [_indicator(i) for i in extra["indicators"] or []]
    return Report(source=d.get("source") or "", meta=meta, paragraphs=paragraphs, error=d.get("error"), **extra)


def as_report(item: Report | dict) -> Report:
    """``item`` itself when a Report, else the Report of its dict form."""
    return item if isinstance(item, Report) else report_from_dict(item)
