"""Indicators: the values a report states, by the vocabulary of research-measures.md section 2.

    from lawnlp.measures import extract_indicators
    for ind in extract_indicators(report):
        ind.id, ind.value, ind.unit, ind.approx, ind.paragraph, ind.clause

How a value is found (clause by clause; never computed or inferred):
1. Only the parts that report the year's work are read (``measures`` and ``leadership``), and of
   them only the paragraphs that name a topic (FAMILY_RE) and hold a number.
2. Each number with a unit (VALUE_RE: 45件, 40余次, 1.2万余份, 十二次, 97.6%, 112.6万元) belongs to
   the topic named nearest before it in its clause (审核规范性文件12件); or, when the words before it
   are only an action (审结42件, 成功率98%, 宣布失效和废止17件), to the topic of the clause before
   (受理行政复议案件45件，审结42件); or to a topic named just after it (7项重大行政决策事项).
3. The topic's RULES pick the id from the action words and the unit; values that fit no rule (纠错4件,
   调处率100%, 开展执法检查213次) are left out.
4. Left out as well: values of another year (同比, 上年, 去年, a sentence opened by another year),
   differences (增长12%, 下降3件; but 下降至4.2% is a level), targets (力争, 目标), totals over several
   years (近三年, 累计…), frequencies (每周2次), breakdowns (其中婚姻家庭纠纷27件), and counts that are
   not the topic's own (不予处罚, 集体讨论重大执法案件, 纠错11件, 投诉26件).
5. Units are normalised (场次/场/次/期 -> 次; 起/宗/件 -> 件; 元, 亿元 -> 万元 scaled); 40余次 is 40
   with ``approx``; one Indicator per (id, value) in a report.

The tables and patterns named here live in vocabulary.py. A paragraph without a topic or a number
costs one regex search; a sentence without a value another.
"""

from __future__ import annotations

import re

from lawnlp.measures.text import full_sentences, paragraph_text, parse_number
from lawnlp.measures.vocabulary import (
    CLAUSE_SPLIT_RE,
    DECISION_AFTER_RE,
    DECISION_CONTEXT_RE,
    DECISION_NOT_RE,
    DIFFERENCE_RE,
    FAMILY_RE,
    HAS_NUMBER_RE,
    LEAD_TRIM_RE,
    LEVEL_VERB_RE,
    MIXED_REVIEW_RE,
    NORMATIVE_CHECKED_RE,
    NORMATIVE_MADE_RE,
    NOT_OWN_RE,
    OTHER_YEAR_RE,
    PART_OF_RE,
    READ_SECTIONS,
    RULE_RES,
    SPAN_RE,
    TARGET_RE,
    TITLE_RE,
    UNITS,
    VALUE_RE,
    WEAK_FAMILIES,
    YEAR_RE,
    YEAR_START_RE,
)
from lawnlp.schema import Indicator, Report


def _family_before(text: str) -> str | None:
    """The topic named last (nearest the value) in ``text``."""
    last = None
    for m in FAMILY_RE.finditer(text):
        last = m.lastgroup
    return last


def _value(m: re.Match[str]) -> tuple[float, str, str, bool] | None:
    """(value, normalised unit, written unit, approx) of a VALUE_RE match."""
    if m.group("cnpct"):
        v = parse_number(m.group("cnpct").replace("点", "."))
        return (v, "%", "%", False) if v is not None else None
    num, unit = m.group("num"), m.group("unit")
    if num == "一":
        return None  # 一次, 一批: not a count
    v = parse_number(num)
    if v is None:
        return None
    norm, scale = UNITS[unit]
    approx = bool(m.group("approx") or m.group("post") or (m.group("pre") in ("近", "约", "逾", "超过")))
    return v * scale, norm, unit, approx


def _rule(family: str, words: str, unit: str, raw: str, need_action: bool = False) -> str | None:
    for ind_id, action, units in RULE_RES[family]:
        if unit not in units or (raw == "个" and "个" not in units):
            continue
        if action.search(words) if action is not None else not need_action:
            return ind_id
    return None


def _short(local: str) -> bool:
    """Are the words before a value only an action (审结, 调解成功, 直接纠错率), no topic of their own?"""
    words = LEAD_TRIM_RE.sub("", local)
    return len(words) <= 4 or (len(words) <= 6 and words.endswith("率"))


def _attribute(local: str, before: str, after: str, carried: list[str], unit: str, raw: str) -> str | None:
    """The indicator id of a value, from the ``local`` words since the previous value, the ``before``
    words since the clause start, the ``after`` words to the sentence end, and the topics ``carried``
    from the earlier clauses of the sentence (most recent first)."""
    family = _family_before(local)
    if family in ("legality", "normative", "decision", "contracts") and MIXED_REVIEW_RE.search(local):
        return "legality_reviews" if unit in ("件", "份", "项") else None  # 审查合同、规范性文件和涉法议题273件
    if family == "legality" and "规范性文件" in local:
        family = "normative"  # 规范性文件合法性审核30件
    if family == "normative" and NORMATIVE_MADE_RE.search(local) and NORMATIVE_CHECKED_RE.search(after):
        return "normative_documents_reviewed" if unit in ("件", "份") else None  # 出台…8件，全部经合法性审核
    if family == "mediation":
        kinds = [m.lastgroup for m in FAMILY_RE.finditer(local) if m.lastgroup in ("disputes", "typed_disputes")]
        if kinds:
            family = kinds[-1]  # 受理消费纠纷调解1460件
        elif carried[:1] and carried[0] in ("reconsideration", "litigation"):
            return None  # 复议…调解和解16件: not a dispute count
    if family is not None and (found := _rule(family, local, unit, raw) or _rule(family, before, unit, raw)):
        return found
    if (
        DECISION_AFTER_RE.match(after)
        and DECISION_CONTEXT_RE.search(before + after[:12])
        and not DECISION_NOT_RE.search(after[:16])
    ):
        return _rule("decision", "事项", unit, raw)  # 将…等7项重大行政决策事项纳入目录
    if family is not None and family not in WEAK_FAMILIES:
        return None
    stated = ([f] if (f := _family_before(before)) else []) + [c for c in carried if c != f]
    words = LEAD_TRIM_RE.sub("", local)
    for fam in stated:
        if LEVEL_VERB_RE.match(local):  # 败诉率由上年的9.8%下降到6.4%
            found = _rule(fam, before, unit, raw, need_action=True)
        elif local in ("、", "和", "及", "与"):  # 学法8次和12次
            found = _rule(fam, before, unit, raw)
        elif _short(local) or (len(words) <= 16 and _rule(fam, words[-4:], unit, raw, need_action=True)):
            found = _rule(fam, local, unit, raw, need_action=True)  # 审结42件; 向省政府…报备21件
        else:
            return None
        if found:
            return found
    return None


def _other_year(text: str, year: int | None) -> bool:
    """Does ``text`` (outside 《…》 titles) name a year other than ``year``?"""
    if year is None:
        return False
    years = {int(y) for y in YEAR_RE.findall(TITLE_RE.sub("", text))}
    return bool(years) and year not in years


def _sentence_values(sentence: str, year: int | None, topic: str | None):
    """(id, value, unit, approx, clause) of each value in one sentence (split at 。！？); ``topic``
    is the paragraph's heading topic (used for publicity activities only)."""
    parts = CLAUSE_SPLIT_RE.split(sentence)
    if _other_year(parts[0], year) and YEAR_START_RE.match(parts[0]):
        return  # 2023年，… in a report on 2024
    carried: list[str] = []
    found: set[str] = set()
    offset, span = 0, bool(SPAN_RE.search(parts[0]))
    for k, clause in enumerate(parts):
        if k and sentence[offset - 1 : offset] == "；":
            span = bool(SPAN_RE.search(clause))  # a new statement after ；
        start = 0
        breakdown = bool(PART_OF_RE.match(clause))
        for m in VALUE_RE.finditer(clause):
            local, before = clause[start : m.start()], clause[: m.start()]
            start = m.end()
            if span or (m.group("num") and clause[m.end() : m.end() + 1] in ("性", "年", "月", "日")):
                continue
            got = _value(m)
            if (
                got is None
                or OTHER_YEAR_RE.search(local)
                or DIFFERENCE_RE.search(local)
                or TARGET_RE.search(before)
                or _other_year(before, year)
                or SPAN_RE.search(before)
            ):
                continue
            if NOT_OWN_RE.search(local) and not local.rstrip().endswith("率"):
                continue
            value, unit, raw, approx = got
            after = sentence[offset + m.end() :]
            ind_id = _attribute(local, before, after, carried, unit, raw)
            if ind_id is None and topic == "publicity" and _family_before(local) is None:
                ind_id = _rule("publicity", local, unit, raw, need_action=True)
            if ind_id is None or (ind_id in found and (breakdown or PART_OF_RE.match(local))):
                continue  # 其中涉边民婚姻纠纷27件: a part of a count already given
            found.add(ind_id)
            yield ind_id, value, ("项" if ind_id == "major_decisions" and raw == "个" else unit), approx, clause
        for fam in [m.lastgroup for m in FAMILY_RE.finditer(clause)]:
            if fam not in WEAK_FAMILIES:
                carried = [fam] + [c for c in carried if c != fam]
        offset += len(clause) + 1


def extract_indicators(report: Report) -> list[Indicator]:
    """Every value the report states that fits the indicator vocabulary, in report order, one per
    (id, value)."""
    out: list[Indicator] = []
    seen: set[tuple[str, float]] = set()
    year = report.meta.year
    topic: str | None = None
    for p in report.paragraphs:
        if p.section not in READ_SECTIONS or p.debris:
            continue
        text = paragraph_text(p)
        if p.heading_level is not None:
            topic = _family_before(text)
        if not FAMILY_RE.search(text) and topic is None or not HAS_NUMBER_RE.search(text):
            continue
        sentences = full_sentences(text)
        local_topic = topic
        if p.heading_level is None and sentences and len(sentences[0]) <= 25:
            local_topic = _family_before(sentences[0]) or topic  # （五）加强普法宣传。开展…
        for sentence in sentences:
            if not VALUE_RE.search(sentence) or (local_topic != "publicity" and not FAMILY_RE.search(sentence)):
                continue
            for ind_id, value, unit, approx, clause in _sentence_values(sentence, year, local_topic):
                key = (ind_id, round(value, 4))
                if key not in seen:
                    seen.add(key)
                    out.append(Indicator(ind_id, value, unit, p.index, clause, approx, p.line))
    return out
