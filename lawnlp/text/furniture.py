"""Page furniture and debris: what web portals and copy sites print around a report (breadcrumbs, metadata
tables, date, source and view lines, font, print and share controls, accessibility switches, site clocks,
copyright lines, copy-site notes) and word-processor leftovers. Such lines are never report content
(section ``other``) and never give the report's title or year; a publication date they carry is read by
``publication_date``.

The kinds and their layouts were collected from real portal pages (training/data/GENRE.md, section 1).
"""

from __future__ import annotations

import re

# A line may start with bullets, dashes, pipes or brackets before its key (• 来源: / - 索 引 号: / | 标题: |).
_LEAD = r"^[\s•·●▪◆■\-–—|｜【\[（(]*"
# Metadata keys of portal pages: a key, then a colon (or the end of the line for controls).
_KEYS = (
    r"索\s*引\s*号|主\s*题\s*分\s*类|体\s*裁\s*分\s*类|服\s*务\s*对\s*象|公\s*开\s*范\s*围|公\s*开\s*方\s*式|公开时限|"
    r"内\s*容\s*分\s*类|信息分类|组配分类|文件分类|主\s*题\s*词|关\s*键\s*[词字]|发\s*布\s*机\s*构|发文机关|发文单位|"
    r"发布单位|发布部门|责任部门|所属机构|公开形式|是否有效|"
    r"文\s*号|发文字号|备注/文号|成\s*文\s*日\s*期|成文时间|发\s*文\s*日\s*期|发文时间|公文生成日期|生成日期|"
    r"发\s*布\s*日\s*期|发\s*布\s*时\s*间|更\s*新\s*时\s*间|有\s*效\s*性|效力状态|标\s*题|名\s*称|"
    r"时\s*间|日\s*期|来\s*源|信息来源|文章来源|稿件来源|栏\s*目|作\s*者|编\s*辑|责任编辑|浏览次数|阅读次数|阅读量|阅\s*读|访问量|"
    r"点击[数量率次]|字\s*号|字\s*体|字体大小|投\s*稿\s*人|围\s*观|评\s*论|信息提供日期|时\s*效\s*性"
)
# Keys a metadata table may print with no colon before the value (发布机构屏边县…, 索引号abc/2026-00001, 文号
# alone): only keys that never open a sentence of a report.
_BARE_KEYS = (
    r"索\s*引\s*号|主\s*题\s*分\s*类|体\s*裁\s*分\s*类|服\s*务\s*对\s*象|公\s*开\s*范\s*围|公\s*开\s*方\s*式|"
    r"内\s*容\s*分\s*类|发\s*布\s*机\s*构|发文机关|发文字号|文\s*号|成\s*文\s*日\s*期|发\s*文\s*日\s*期|"
    r"发\s*布\s*日\s*期|有\s*效\s*性|时\s*效\s*性|效力状态|标\s+题"
)
_LEADING_DATE = (
    r"(?:(?:20|19)\d\d\s*[-/年.]\s*\d{1,2}\s*[-/月.]\s*\d{1,2}\s*日?(?:\s*\d{1,2}\s*[:：时]\s*\d{1,2}\S*)?\s+)?"
)
# A news site's name (and address) before the key (杭州网  发布时间: … / X市人民政府门户网站 www.x.gov.cn 时间: …).
_SITE_NAME = (
    r"(?:[\u4e00-\u9fff]{1,16}(?:网站|网|报|在线|客户端|发布)\s+(?:(?:https?://)?[\w.-]+\.[A-Za-z]{2,}\S*\s+)?)?"
)
# The publisher's name and a clock time before the key (四平市教育局  2025-01-07 09:07:00  来源:…).
_PUBLISHER_STAMP = r"(?:[\u4e00-\u9fff]{2,16}\s+(?=(?:20|19)\d\d\s*[-/年.]\s*\d{1,2}\s*[-/月.]\s*\d{1,2}\s*日?\s+\d))?"
KEY_LINE_RE = re.compile(
    _LEAD
    + _SITE_NAME
    + _PUBLISHER_STAMP
    + _LEADING_DATE
    + rf"(?:{_KEYS})\s*[:：|｜]|^[\s•·\-|]*[\[【]\s*(?:{_KEYS})\s*[\]】]"
)
BARE_KEY_LINE_RE = re.compile(_LEAD + rf"(?:{_BARE_KEYS})(?:\s*[^，。；,;\s][^，。；,;]{{0,40}})?$")
# Controls and site chrome: matched at the start of a short line.
CONTROL_RE = re.compile(
    _LEAD + r"(?:【?打印|【?关闭|【?收藏|分享到?|扫一扫|听全文|语音播报|退出播报|设为首页|加入收藏|无障碍|长者版|"
    r"(?:进入|退出)?老年模式|简体|繁体|上一篇|下一篇|返回顶部|网站地图|主办单位|承办单位|(?:相关词条|热门词条|联[络系]我们)\s*$|.{0,6}登录|.{0,4}注册|还没有账号|忘记密码|账号|"
    r"(?:首页|主页)\s*[>＞/→]|您(?:当前)?(?:所在)?的位置|当前位置|字\s*[号体]\s*[大中小【]|【?大】?\s+【?中】?\s+【?小】?\s*$)",
    re.IGNORECASE,
)
# Site identity lines (copyright, registration numbers): long lines, still furniture.
SITE_ID_RE = re.compile(r"版权所有|Copyright|©|ICP备|公网安备|网站标识码", re.IGNORECASE)
# Site clocks (today's date printed by the site): never the report's year or publication date.
SITE_CLOCK_RE = re.compile(r"今天是|农历|星期[一二三四五六日天]|周[一二三四五六日]\s*$")
_CLOCK_DATE_RE = re.compile(r"\d{4}\s*[-/年]\s*\d{1,2}\s*[-/月]")
# Copy-site and file debris.
COPY_SITE_RE = re.compile(
    r"小编|供大家参考|供参考借鉴|一图读懂|开头部分已省略|已省略|仅展示|查看全文|点击查看|下载文档|\.(?:docx?|pdf|wps)\s*$",
    re.IGNORECASE,
)
# Breadcrumbs: several short segments joined by > / → (首页 > 政务公开 > 工作报告).
BREADCRUMB_RE = re.compile(
    r"^[^。，]{0,20}(?:\s*[>＞→]\s*[^。，>＞→]{1,20}){2,}\s*$|^[^。，]{0,12}(?:\s+/\s+[^。，/]{1,16}){2,}\s*$"
)
# A line of a date (and time) alone, or a bare bullet: furniture near the title.
DATE_ONLY_RE = re.compile(
    r"^[\s•·\-]*(?:20\d\d|19\d\d)\s*[-/年.]\s*\d{1,2}\s*[-/月.]\s*\d{1,2}\s*日?(?:\s*\d{1,2}\s*[:：时]\s*\d{1,2}.*)?$"
)
# The publisher's name and a dashed date alone (省政府办公厅 2022-03-15 / … 08:15): a posting stamp.
PUBLISHER_DATE_RE = re.compile(
    r"^[\u4e00-\u9fff]{2,20}\s+(?:20|19)\d\d-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$"
)
BULLET_ONLY_RE = re.compile(r"^[\s•·●▪◆■\-–—|?？]*$")
# A line that only names the page's category or a document number (综合政务报告, 昆政呈〔2022〕6号, kss622/2022-00020).
DOC_NUMBER_RE = re.compile(r"^[^\s，。]{1,10}〔\d{4}〕\d+号$|^[A-Za-z0-9]+/\d{4}-\d+$")

FURNITURE_MAX_CHARS = 160  # a keyed metadata line may be long (several keys on one line); a sentence is not
SHORT_MAX_CHARS = 40  # controls and copy-site notes are short lines


def is_debris(norm: str) -> bool:
    """Is this (normalised) line page furniture or debris, never report text?"""
    line = norm.strip()
    if not line or BULLET_ONLY_RE.match(line):
        return True
    if "。" in line.rstrip("。") and len(line) > SHORT_MAX_CHARS:
        return False  # a sentence is never furniture (a metadata line has no full stop inside)
    if len(line) <= FURNITURE_MAX_CHARS and (
        KEY_LINE_RE.match(line) or BREADCRUMB_RE.match(line) or SITE_ID_RE.search(line)
    ):
        return True
    if len(line) <= SHORT_MAX_CHARS and (
        BARE_KEY_LINE_RE.match(line)
        or CONTROL_RE.match(line)
        or COPY_SITE_RE.search(line)
        or DATE_ONLY_RE.match(line)
        or PUBLISHER_DATE_RE.match(line)
        or DOC_NUMBER_RE.match(line)
    ):
        return True
    return len(line) <= SHORT_MAX_CHARS and bool(SITE_CLOCK_RE.search(line)) and bool(_CLOCK_DATE_RE.search(line))


# -- publication dates ---------------------------------------------------------------------------------
_DATE = r"((?:20|19)\d\d)\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})"
_SEP = r"(?:\s*[:：\]】|｜])"  # between a date key and its date: colons, brackets, table pipes
PUBLISHED_KEYS = (  # most telling first: a publication date beats a writing date
    ("published", re.compile(rf"(?:发\s*布|信息提供)\s*(?:日\s*期|时\s*间){_SEP}*\s*{_DATE}")),
    ("dated", re.compile(rf"(?:^|[\s•·\-|\[【:：])(?:时\s*间|日\s*期|更\s*新\s*时\s*间){_SEP}+\s*{_DATE}")),
    # a date key run on after the publisher's name (发布机构:X街道办事处日期:2022-02-15), not 成文日期 / 发文日期
    ("dated", re.compile(rf"(?<!成文)(?<!发文)(?<!生成)(?<!文\s)(?:日\s*期){_SEP}+\s*{_DATE}")),
    # a line that opens with a date and a clock time (2020-03-27 17:46 X省人民政府): the posting stamp
    # (after the publisher's name: 四平市教育局  2025-01-07 09:07:00  来源:…)
    ("posted", re.compile(rf"^[\s•·\-]*(?:[\u4e00-\u9fff]{{2,16}}\s+)?{_DATE}\s*日?\s+\d{{1,2}}[:：]\d{{2}}")),
    # a source or publisher, then a dashed date (来源:X日报 2026-03-16 08:15 / 省政府办公厅 2022-03-15)
    ("posted", re.compile(rf"^(?:来\s*源[:：]\s*)?[\u4e00-\u9fff]{{2,20}}\s+{_DATE}(?:\s+\d{{1,2}}:\d{{2}}.*)?$")),
    ("issued", re.compile(rf"发\s*文\s*(?:日\s*期|时\s*间){_SEP}*\s*{_DATE}")),
    ("written", re.compile(rf"(?:成\s*文\s*(?:日\s*期|时\s*间)|公文生成日期|生成日期){_SEP}*\s*{_DATE}")),
    ("bare", re.compile(rf"^[\s•·\-]*{_DATE}\s*日?(?:\s.*)?$")),  # a furniture line that starts with a date
)
SIGNATURE_DATE_RE = re.compile(r"^((?:20|19)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$")


def _iso(y: str, m: str, d: str) -> str | None:
    y_, m_, d_ = int(y), int(m), int(d)
    if not (1 <= m_ <= 12 and 1 <= d_ <= 31):
        return None
    return f"{y_:04d}-{m_:02d}-{d_:02d}"


def publication_date(lines: list[str]) -> tuple[str, str] | None:
    """(kind, ISO date) of the most telling publication date among furniture ``lines`` (normalised): a
    发布时间/发布日期 key, then a plain 时间/日期 key, then 发文, then 成文 dates, then a date line alone.
    Site clocks are never taken."""
    best: tuple[int, str, str] | None = None
    for line in lines:
        if SITE_CLOCK_RE.search(line):
            continue
        for rank, (kind, pattern) in enumerate(PUBLISHED_KEYS):
            m = pattern.search(line)
            if m and (iso := _iso(*m.groups()[-3:])) and (best is None or rank < best[0]):
                best = (rank, kind, iso)
                break
    return (best[1], best[2]) if best else None


def signature_date(norm: str) -> str | None:
    """The ISO date of a signature date line (2025年1月10日), or None."""
    m = SIGNATURE_DATE_RE.match(norm.strip())
    return _iso(*m.groups()) if m else None
