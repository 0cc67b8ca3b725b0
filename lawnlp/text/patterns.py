"""Patterns shared across the library, each written once: Chinese numerals, heading and list markers,
years, and the words that name the parts of a report.

All patterns apply to normalised text (lawnlp.text.normalize: full-width punctuation, ASCII digits).
"""

from __future__ import annotations

import re

# -- numerals -------------------------------------------------------------------------------------------
CN_NUM = "一二三四五六七八九十"  # the numerals of headings and list items (一、 （二） 三是)
CN_DIGITS = "零一二三四五六七八九"  # 0-9, as written in numbers (二〇二四 uses 〇)
CN_YEAR_DIGITS = {"〇": "0", "○": "0", "零": "0"} | {c: str(i) for i, c in enumerate(CN_DIGITS) if i}
CN_YEAR_RE = re.compile(r"二[〇○零][一二三四五六七八九〇○零]{2}(?=年)")  # 二〇二四年
YEAR_RE = re.compile(r"(20[0-4]\d)\s*年")  # 2024年
FULL_DATE_RE = re.compile(r"^(20[0-4]\d)\s*年\s*(\d{1,2})\s*月(?:\s*\d{1,2}\s*日)?$")  # a date line 2025年1月10日


def cn_numeral(k: int) -> str:
    """1..99 in Chinese numerals as headings write them (一, 十, 十二, 二十三)."""
    if k < 10:
        return CN_DIGITS[k]
    tens, ones = divmod(k, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


def cn_year(text: str) -> str:
    """Years in Chinese numerals written in digits: 二〇二四年 -> 2024年."""
    return CN_YEAR_RE.sub(lambda m: "".join(CN_YEAR_DIGITS[c] for c in m.group()), text)


# -- figures ----------------------------------------------------------------------------------------------
NUMBER_RE = re.compile(r"\d+(?:\.\d+)?")
# Units of counted things a report gives figures in (longer first when matched).
UNITS = (
    "人次",
    "家次",
    "户次",
    "件次",
    "场次",
    "车次",
    "矿次",
    "批次",
    "期次",
    "个工作日",
    "工作日",
    "平方米",
    "万元",
    "亿元",
    "公里",
    "小时",
    "课时",
    "余人",
    "名",
    "件",
    "次",
    "场",
    "份",
    "人",
    "个",
    "起",
    "期",
    "篇",
    "条",
    "户",
    "家",
    "项",
    "宗",
    "张",
    "处",
    "元",
    "亩",
    "所",
    "册",
    "台",
    "辆",
    "批",
    "轮",
    "套",
    "本",
    "块",
    "幅",
    "部",
    "类",
    "堂",
    "节",
    "天",
    "日",
    "万",
    "亿",
    "%",
    "％",
    "‰",
    "支",
    "座",
    "间",
    "组",
    "村",
    "遍",
    "位",
    "单",
    "卷",
    "案",
    "宗",
    "米",
    "吨",
)
# A number with its unit: 调处矛盾纠纷274件, 1.2万余份, 98.2%.
FIGURE_RE = re.compile(
    r"\d+(?:\.\d+)?(?:\s*(?:万|亿))?(?:余|多)?\s*(?:" + "|".join(sorted(set(UNITS), key=len, reverse=True)) + ")"
)


# -- heading and list markers -----------------------------------------------------------------------------
# (level, pattern) of numbered headings; a match ends where the heading's own words begin.
HEADING_MARKERS: tuple[tuple[int, re.Pattern[str]], ...] = (
    # (一，、 a typing slip before the 、 still opens a part)
    (1, re.compile(rf"^第[{CN_NUM}]{{1,3}}(?:部分|章|篇)[、，：\s]*|^[{CN_NUM}]{{1,3}}\s*，?[、.]\s*")),
    (2, re.compile(rf"^（[{CN_NUM}]{{1,3}}）\s*")),
    (3, re.compile(r"^\d{1,2}\s*(?:[、]|\.(?!\d))\s*")),
    (4, re.compile(r"^（\d{1,2}）\s*|^[①②③④⑤⑥⑦⑧⑨⑩]\s*")),
)
# Any heading marker at the start of a line (the union of HEADING_MARKERS, with （100） as well).
NUMBERING_RE = re.compile(
    rf"^(?:第[{CN_NUM}]{{1,3}}(?:部分|章|篇)[、，：\s]*|[{CN_NUM}]{{1,3}}\s*，?[、.．]\s*|（[{CN_NUM}\d]{{1,3}}）\s*|"
    r"\d{1,2}\s*(?:[、．]|\.(?!\d))\s*|[①②③④⑤⑥⑦⑧⑨⑩]\s*)"
)
# A heading's marker in any bracket or stop style, as part keywords are looked up after it (（一） 1、 2.).
LOOSE_NUMBERING_RE = re.compile(rf"^[（(]?[{CN_NUM}\d]{{1,3}}[)）、.．]?\s*")
# List items: numbered, but not headings of a part (一是… 第二，… 首先，…).
LIST_MARKER = re.compile(
    rf"^(?:[{CN_NUM}]{{1,3}}是|第[{CN_NUM}]{{1,3}}(?=[，、：])|首先(?=[，、])|其次(?=[，、])|再次(?=[，、])|"
    r"最后(?=[，、]))"
)
ITEM_START_RE = re.compile(rf"[{CN_NUM}]是")  # where a list item begins inside a line
# A list marker or leading connective that a brief phrase leaves out (一是 第二， 首先 此外 同时 另外).
LEAD_MARKER_RE = re.compile(
    rf"^(?:[{CN_NUM}]{{1,3}}是|第[{CN_NUM}]{{1,3}}[，、]|首先|其次|再次|最后|此外|同时|另外)[，、：]?"
)
# Boundaries between the items of a dense paragraph: before 一是, or after a stop before 1. （1） 其次 此外 同时.
ITEM_SPLIT_RE = re.compile(rf"(?=[{CN_NUM}]是)|(?<=[。；;])(?=\d{{1,2}}[.、．]|（\d{{1,2}}）|[其另]次|此外|同时)")

# -- the parts of a report ---------------------------------------------------------------------------------
# The words a heading uses to name the part it opens. Decoding (lawnlp.labelling.decoding) bounds what lies
# under a heading that names one part (or the two of a merged 存在的问题及下一步打算): the patterns are
# strict ("存在…问题", not any 问题). 重点工作 / 工作重点 name no part: real measures parts use them for the
# year's own work (研究部署重点工作); a plans heading says 下一步 / 打算 / 安排, or names next year.
PART_KEYWORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("leadership", re.compile(r"第一责任人|主要负责人|述法|四个亲自")),
    ("shortcomings", re.compile(r"存在.{0,6}(?:问题|不足)|不足|短板|差距|薄弱|挑战|弱项|问题(?:和|及|与)|^问题")),
    ("plans", re.compile(r"打算|工作安排|主要安排|重点安排|工作计划|工作思路|展望|下一步|下步|努力方向|来年")),
    ("measures", re.compile(r"举措|成效|做法|成绩|亮点|进展|开展情况|建设情况|工作情况|推进情况|主要工作")),
)
# The keyword baseline (lawnlp.models.rules) must give every paragraph a part, so it reads any heading
# with broad words, first match in this order: generic 情况/工作 mean measures, 困难 a shortcoming,
# 主要领导/党政主要 leadership; 安排/计划/思路 alone mean plans.
RULE_PART_KEYWORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("plans", re.compile(r"打算|安排|计划|思路|展望|下一步|下步|努力方向|工作重点|重点工作")),
    ("shortcomings", re.compile(r"不足|问题|短板|差距|薄弱|挑战|困难|弱项")),
    ("leadership", re.compile(r"第一责任人|主要负责人|主要领导|述法|四个亲自|党政主要")),
    ("measures", re.compile(r"举措|成效|情况|做法|工作|成绩|亮点")),
)
# A phrase that reads like the name of a part (主要举措, 存在问题, 下一步打算, 第一责任人职责): briefs never
# quote it as a measure or a plan. Broad on purpose: any part word at all.
PART_WORD_RE = re.compile(r"举措|成效|情况|工作|做法|不足|问题|打算|安排|计划|思路|展望|下一步|责任|职责")
# Words of a report's title line (lawnlp.text.meta): not part words.
TITLE_WORD_RE = re.compile(r"报告|法治政府|法治建设|依法行政|年度")
