"""Private data in report text: phone numbers, ID card numbers, e-mail addresses and names of private persons.

``find_private(text)`` lists what it finds; ``scrub(text)`` replaces it with placeholders (〔电话〕, 〔证件号〕,
〔邮箱〕, 〔姓名〕). Service hotlines (12345, 12348, 110) and office titles (镇长, 书记, 站长) are kept.

Person names are found conservatively, by context: a name after 当事人 / 联系人 / 申请人 / 原告 / 村民 …,
a pseudonym such as 王某某, a name before 家属 / 离婚 / 一事 / 同志 …, and a name joined by 和 / 与 to one
already found (赵某和钱某离婚). jieba's part-of-speech tags (``nr``) confirm the weaker contexts and
delimit names that run on into the next word. Once a name is found, every occurrence of it is private.

Long: the name finder's contexts (prefixes, suffixes, conjunctions, titles, surname tables) and the
scrubber that uses them belong together; split, each half would need the other's tables.
"""

from __future__ import annotations

import re
from functools import lru_cache

_CJK = "\u4e00-\u9fff"

# Common Chinese surnames (single and compound); a candidate name must begin with one in weak contexts.
SURNAMES_1 = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施"
    "文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛"
    "曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏"
    "席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐"
    "冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平"
    "计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公"
    "哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由岩乡"
)
SURNAMES_2 = {
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "令狐",
    "长孙",
    "宇文",
    "司徒",
    "夏侯",
    "端木",
    "澹台",
    "呼延",
    "西门",
    "南宫",
    "独孤",
    "钟离",
    "轩辕",
}

# -- phone numbers, ID cards, e-mail ------------------------------------------------------------------
ID_RE = re.compile(
    r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]"
    r"(?![0-9A-Za-z])"
)
MOBILE_RE = re.compile(r"(?<![\d.])(?:\+?86[-\s]?)?1[3-9]\d(?:[-\s]?\d{4}){2}(?![\d.])")
LANDLINE_RE = re.compile(
    r"(?<![\d.])(?:0\d{2,3}\s*[-－—–]\s*\d{7,8}|[（(]0\d{2,3}[）)]\s*\d{7,8})(?:\s*[-－—–转]\s*\d{1,5})?(?![\d.])"
    r"|(?<=[电话机真：:])\s*0\d{9,11}(?![\d.])"
)
EMAIL_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")

# -- person names -------------------------------------------------------------------------------------
# Strong prefixes: what follows (after an optional colon) is a person's name when it looks like one.
STRONG_PREFIX = (
    "被申请人",
    "申请执行人",
    "被执行人",
    "第三人",
    "当事人",
    "联系人",
    "申请人",
    "原告",
    "被告",
    "上访人",
    "信访人",
    "举报人",
    "投诉人",
    "嫌疑人",
    "受害人",
    "被害人",
    "负责人",
    "法定代表人",
    "代理人",
    "户主",
)
# Weak prefixes: a name only when jieba also tags it as a person name.
WEAK_PREFIX = (
    "村民",
    "居民",
    "群众",
    "农户",
    "农民",
    "业主",
    "职工",
    "工人",
    "患者",
    "老人",
    "学生",
    "妇女",
    "儿童",
    "贫困户",
    "低保户",
    "脱贫户",
    "邻居",
    "承包户",
    "养殖户",
    "住户",
    "客商",
    "商户",
    "经营户",
    "摊主",
    "退役军人",
    "党员",
    "志愿者",
    "调解员",
    "网格员",
    "律师",
    "法律工作者",
)
PREFIX_RE = re.compile("(?:" + "|".join(sorted(STRONG_PREFIX + WEAK_PREFIX, key=len, reverse=True)) + r")[：:\s]*")
# Suffixes: the name before them is a person's (曾某家属, 赵某离婚, 张某一事, 李某同志).
SUFFIX_RE = re.compile(
    r"(?:[（(][^（）()]{1,6}[）)])?(?=家属|离婚|一事|同志|夫妇|之妻|之夫|之子|之女|之父|之母|等人|一家|的妻子|的丈夫|"
    r"的父亲|的母亲|的儿子|的女儿|的家属)"
)
# A pseudonym: 王某, 王某某 (not 广西某律师事务所, 某村, 某些).
PSEUDONYM_RE = re.compile(
    rf"(?:{'|'.join(SURNAMES_2)}|[{''.join(sorted(SURNAMES_1))}])某{{1,2}}"
    r"(?![某些种项类个样地处村镇乡县市区省厂店部门公司企业单位律师事务方面一二三四五六七八九十\d])"
)
# What may follow a name: punctuation, a conjunction, or a verb that starts a new word.
AFTER_NAME = re.compile(
    r"(?:[，。；：、,.;:!！?？\s（）()“”\"'》]|和|与|及|同|跟|因|的|等|家|反映|称|诉|向|在|于|将|对|被|户|系|"
    r"同志|离婚|纠纷|一事|家属|夫妇|$)"
)
# What may precede a name in a suffix or conjunction context (a place, a title, a conjunction).
BEFORE_NAME = set(
    "，。；：、,.;:!！?？ \t（）()“”\"'和与及同跟对向让把将被由给从的了是为原有村镇乡组区县市省长记任员人者民众户"
)
CONJ = ("和", "与", "及", "同", "、", "跟")
TITLES = (
    "书记",
    "镇长",
    "乡长",
    "县长",
    "区长",
    "市长",
    "主任",
    "站长",
    "所长",
    "局长",
    "厅长",
    "科长",
    "股长",
    "队长",
    "院长",
    "庭长",
    "部长",
    "主席",
    "委员",
    "干部",
    "同志",
    "领导",
    "组长",
    "支书",
    "顾问",
    "律师",
    "法官",
    "民警",
    "检察官",
    "调解员",
    "网格员",
    "专干",
    "代表",
)
# A candidate that ends like an institution is not a person (司法所, 派出所, 综治办).
INSTITUTION_END = tuple("所局站办院队处科委会部厅室庭校村镇乡组")
CJK_RE = re.compile(f"[{_CJK}]")
# A conjunction, then perhaps the place the next person lives in (新山田村), between two names.
_PLACE = rf"(?:[{_CJK}]{{1,8}}?(?:村|社区|镇|乡|街道|组|屯|寨))?"
JOIN_LEFT_RE = re.compile(rf"[和与及同跟、]{_PLACE}$")
_RELATION = r"(?:邻居|承包户|养殖户|住户|客商|商户|经营户|村民|居民|群众|妻子|丈夫|父亲|母亲|儿子|女儿|亲属|前妻|前夫)?"
JOIN_RIGHT_RE = re.compile(rf"[和与及同跟、]{_PLACE}{_RELATION}")


@lru_cache(maxsize=1)
def _jieba():
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    return jieba, jieba.posseg


def _common_word(word: str) -> bool:
    """A word jieba knows as something other than a person name (双方, 全体, 负责)."""
    jieba, posseg = _jieba()
    tag = posseg.dt.word_tag_tab.get(word)
    return tag is not None and not tag.startswith("nr") and jieba.dt.FREQ.get(word, 0) > 0


def _has_surname(word: str) -> bool:
    return word[:2] in SURNAMES_2 or word[:1] in SURNAMES_1


def _plausible(word: str, surname: bool = True) -> bool:
    if not 2 <= len(word) <= 4 or not all(CJK_RE.match(c) for c in word):
        return False
    if "某" in word or word.endswith(INSTITUTION_END) or any(word.endswith(t) or word.startswith(t) for t in TITLES):
        return False
    if surname and not _has_surname(word):
        return False
    return not _common_word(word)


def _nr_spans(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(start, end, word) of every token jieba tags as a person name (nr, not nrfg / nrt) in the window
    ``text[start:end]``, with offsets in ``text``."""
    _, posseg = _jieba()
    start, end = max(0, start), min(len(text), end)
    out, pos = [], start
    for w, flag in posseg.cut(text[start:end]):
        if flag == "nr" and 2 <= len(w) <= 4:
            out.append((pos, pos + len(w), w))
        pos += len(w)
    return out


def _name_after(text: str, start: int, nr: list[tuple[int, int, str]], strong: bool) -> str | None:
    """The person name that begins at ``start`` (after a prefix), or None."""
    for s, _e, w in nr:
        if s == start:
            w = w[:-1] if len(w) == 3 and w.endswith(("因", "在", "和", "与")) else w
            if _plausible(w):
                return w
    if not strong:
        return None
    for n in (2, 3) if text[start : start + 2] not in SURNAMES_2 else (3, 4):
        cand = text[start : start + n]
        if len(cand) == n and AFTER_NAME.match(text, start + n) and _plausible(cand):
            return cand
    return None


def _name_before(text: str, end: int, nr: list[tuple[int, int, str]], need_surname: bool = False) -> str | None:
    """The person name that ends at ``end`` (before a suffix or a conjunction), or None."""
    for _s, e, w in nr:
        if e == end and _plausible(w):
            return w
    for n in (2, 3):
        s = end - n
        if s < 0:
            break
        cand = text[s:end]
        before = text[s - 1] if s > 0 else "，"
        if before in BEFORE_NAME and _plausible(cand, surname=need_surname or n == 2):
            return cand
    return None


def find_names(text: str) -> list[str]:
    """Names of private persons in ``text`` (conservative: by context), in order of first appearance."""
    found: dict[str, int] = {}

    def add(name: str | None, pos: int) -> None:
        if name and name not in found:
            found[name] = pos

    for m in PSEUDONYM_RE.finditer(text):
        add(m.group(), m.start())
    for m in PREFIX_RE.finditer(text):
        word = m.group().rstrip("：: \t")
        if text.startswith("某", m.end()) or not _has_surname(text[m.end() : m.end() + 2]):
            continue
        nr = _nr_spans(text, m.end(), m.end() + 8)
        add(_name_after(text, m.end(), nr, strong=word in STRONG_PREFIX), m.end())
    for m in SUFFIX_RE.finditer(text):
        nr = _nr_spans(text, m.start() - 6, m.start() + 2)
        add(_name_before(text, m.start(), nr), m.start())
    # 赵某和新山村钱某离婚: a name joined by 和 / 与 to one already found is a name too (both directions).
    for _ in range(2):
        for name in list(found):
            for m in re.finditer(re.escape(name), text):
                left = JOIN_LEFT_RE.search(text[max(0, m.start() - 12) : m.start()])
                if left:
                    end = m.start() - len(left.group())
                    add(_name_before(text, end, _nr_spans(text, end - 6, end + 1), need_surname=True), end)
                right = JOIN_RIGHT_RE.match(text, m.end())
                if right:
                    add(
                        _name_after(text, right.end(), _nr_spans(text, right.end(), right.end() + 8), strong=True),
                        right.end(),
                    )
    return sorted(found, key=found.__getitem__)


def find_private(text: str) -> list[str]:
    """Every piece of private data in ``text``: ID card numbers, phone numbers, e-mail addresses and
    names of private persons, each once, in order of appearance."""
    hits: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern in (ID_RE, EMAIL_RE, MOBILE_RE, LANDLINE_RE):
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            hits.append((m.start(), m.group().strip()))
    for name in find_names(text):
        hits.append((text.find(name), name))
    out: dict[str, None] = {}
    for _, h in sorted(hits):
        out.setdefault(h, None)
    return list(out)


PLACEHOLDERS = {"id": "〔证件号〕", "phone": "〔电话〕", "email": "〔邮箱〕", "name": "〔姓名〕"}


def scrub(text: str) -> str:
    """``text`` with every piece of private data replaced by a placeholder (〔电话〕, 〔姓名〕 …)."""
    text = ID_RE.sub(PLACEHOLDERS["id"], text)
    text = EMAIL_RE.sub(PLACEHOLDERS["email"], text)
    text = MOBILE_RE.sub(PLACEHOLDERS["phone"], text)
    text = LANDLINE_RE.sub(lambda m: (" " if m.group().startswith(" ") else "") + PLACEHOLDERS["phone"], text)
    for name in sorted(find_names(text), key=len, reverse=True):
        text = text.replace(name, PLACEHOLDERS["name"])
    return text


def has_private(text: str) -> bool:
    """Does ``text`` carry any private data?"""
    return bool(find_private(text))
