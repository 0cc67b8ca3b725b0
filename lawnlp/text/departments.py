"""Names of government departments: how they begin and end, national ministries, and the full names of
common abbreviations (人社局 -> 人力资源和社会保障局)."""

from __future__ import annotations

import re

CJK = r"\u4e00-\u9fff"
# Function words that never occur in the name of a place (成立了以镇 is a phrase, not a town).
NAME_STOP_CHARS = set("了的以在对把被并也就着这要能已又还再更最很而但则是为某")

# A government department: how its name begins and ends.
DEPT_PREFIXES = (
    "市场",
    "自然资源",
    "生态环境",
    "环境保护",
    "交通",
    "司法",
    "教育",
    "卫生",
    "卫健",
    "应急",
    "城市管理",
    "城管",
    "综合行政执法",
    "综合执法",
    "农业",
    "人力资源",
    "人社",
    "人力社保",
    "住房",
    "住建",
    "水利",
    "水务",
    "文化",
    "文旅",
    "文体",
    "文广",
    "广播电视",
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
    "林草",
    "体育",
    "信访",
    "国有资产",
    "国资",
    "档案",
    "粮食",
    "气象",
    "消防",
    "规划",
    "政务",  # 政务局, 政务服务和数据管理局, 政务服务中心
    "政数",
    "营商环境",
    "公共资源交易",
    "投资促进",
    "机构编制",
    "侨务",
    "国土",
    "工商",
    "质量技术监督",
    "食品药品",
    "药品",
    "安全生产",
    "安监",
    "人防",
    "地震",
    "水文",
    "邮政",
    "口岸",
    "行政审批",
    "数据",
    "大数据",
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
    "地方金融",
    "金融",
    "知识产权",
    "能源",
    "港航",
    "海洋",
    "渔业",
    "畜牧",
    "城乡建设",
    "人民政府办公室",
    "政府办公室",
    "政府办",
    "法制",
    "国家",
)
DEPT_SUFFIX = r"(?:局|总局|委员会|委|办公室|厅|中心|院|署|所|队|办|部)"
DEPT_RE = re.compile(
    rf"^(?:(?:{'|'.join(DEPT_PREFIXES)})[{CJK}（）()]{{0,16}}{DEPT_SUFFIX}|人民政府办公室|政府办公室|政府办)$"
)
# A national ministry or administration: 司法部, 生态环境部, 国家税务总局 (no place above it).
MINISTRY_RE = re.compile(
    r"^(?:国家[\u4e00-\u9fff]{2,12}(?:局|总局|委员会|署)|审计署|中国人民银行|"
    r"(?:外交|国防|教育|科学技术|科技|工业和信息化|公安|国家安全|民政|司法|财政|人力资源和社会保障|人力资源社会保障|"
    r"自然资源|国土资源|生态环境|环境保护|住房和城乡建设|住房城乡建设|交通运输|铁道|水利|农业农村|农业|商务|文化和旅游|"
    r"文化|卫生|退役军人事务|应急管理|监察)部)$"
)
NOT_MINISTRY = {"干部", "内部", "全部", "局部", "基层部", "组织部", "宣传部", "统战部", "政法委", "各部"}
# Common short forms of department names and the full name they stand for.
DEPT_FULL_NAMES = {
    "人社局": "人力资源和社会保障局",
    "人力资源社会保障局": "人力资源和社会保障局",
    "人力社保局": "人力资源和社会保障局",
    "人社厅": "人力资源和社会保障厅",
    "人力资源社会保障厅": "人力资源和社会保障厅",
    "住建厅": "住房和城乡建设厅",
    "交通厅": "交通运输厅",
    "文旅厅": "文化和旅游厅",
    "文旅局": "文化和旅游局",
    "综合执法局": "综合行政执法局",
    "市场监管局": "市场监督管理局",
    "住建局": "住房和城乡建设局",
    "卫健委": "卫生健康委员会",
    "卫生健康委": "卫生健康委员会",
    "发展改革委": "发展和改革委员会",
    "卫健局": "卫生健康局",
    "发改委": "发展和改革委员会",
    "发改局": "发展和改革局",
    "应急局": "应急管理局",
    "交通局": "交通运输局",
    "医保局": "医疗保障局",
    "教体局": "教育和体育局",
    "政府办": "人民政府办公室",
    "政府办公室": "人民政府办公室",
    "生态局": "生态环境局",
    "环保局": "环境保护局",
    "林草局": "林业和草原局",
    "退役军人局": "退役军人事务局",
}


def full_department_name(name: str) -> str:
    """The full name of a department given by a common short form (人社局 -> 人力资源和社会保障局)."""
    return DEPT_FULL_NAMES.get(name, name)


def is_department(name: str) -> bool:
    if NAME_STOP_CHARS & set(name):  # 市场监督管理局在县委 is a phrase
        return False
    if re.search(r"[局厅]", name[:-1]):  # 公安局按照市委: a department's name has its 局 / 厅 at the end
        return False
    return bool(DEPT_RE.match(name)) or (bool(MINISTRY_RE.match(name)) and name not in NOT_MINISTRY)


# The department a report speaks for when it opens with its whole system (全市司法行政系统…, 全省公安机关…):
# the system's name -> the department's name without its place's suffix; at a province most take 厅.
SYSTEM_DEPARTMENTS = {
    "司法行政": "司法",
    "公安": "公安",
    "民政": "民政",
    "税务": "税务",
    "交通运输": "交通运输",
    "市场监管": "市场监督管理",
    "市场监督管理": "市场监督管理",
    "应急管理": "应急管理",
    "生态环境": "生态环境",
    "自然资源": "自然资源",
    "自然资源和规划": "自然资源和规划",
    "人力资源社会保障": "人力资源和社会保障",
    "人力资源和社会保障": "人力资源和社会保障",
    "人社": "人力资源和社会保障",
    "财政": "财政",
    "审计": "审计",
    "水利": "水利",
    "水务": "水务",
    "住房城乡建设": "住房和城乡建设",
    "住房和城乡建设": "住房和城乡建设",
    "农业农村": "农业农村",
    "教育": "教育",
    "统计": "统计",
    "医疗保障": "医疗保障",
    "文化和旅游": "文化和旅游",
    "商务": "商务",
}
_BUREAU_AT_PROVINCE = {"税务", "市场监督管理", "统计", "医疗保障"}  # 省税务局, not 厅
SYSTEM_RE = re.compile(
    r"全(省|自治区|市|州|县|区|旗)("
    + "|".join(sorted(SYSTEM_DEPARTMENTS, key=len, reverse=True))
    + r")(?:系统|机关|部门)"
)


def system_department(text: str) -> str | None:
    """The department, with its place written as 市/县/省, of a report that opens with its whole system
    (2022年，全市司法行政系统… -> 市司法局); None when ``text`` names no such system."""
    m = SYSTEM_RE.search(text)
    if not m:
        return None
    stem = SYSTEM_DEPARTMENTS[m.group(2)]
    suffix = "厅" if m.group(1) in ("省", "自治区") and stem not in _BUREAU_AT_PROVINCE else "局"
    return m.group(1) + stem + suffix
