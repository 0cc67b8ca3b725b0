"""Invented annotated reports (no real place or person) shared by the brief tests: test_summary,
test_brief_eval and test_abstractive import them from here (tests/ is on pytest's pythonpath)."""

from __future__ import annotations

from lawnlp.annotations import AnnotatedReport
from lawnlp.training.briefs import gold_report

CODES = {"P": "preamble", "M": "measures", "L": "leadership", "S": "shortcomings", "N": "plans", "O": "other"}

# Invented: 青禾镇 does not stand for any real township; every name, number and phone is made up.
QINGHE = """\
O|云岭县青禾镇2024年法治政府建设工作报告
O|县委、县政府：
P|2024年，青禾镇在县委、县政府的领导下，深入学习贯彻习近平法治思想，扎实推进法治政府建设。现将有关情况报告如下：
M|一、2024年推进法治政府建设的主要举措和成效
L|（一）强化组织领导。镇党委书记履行推进法治建设第一责任人职责，全年召开党委会专题研究法治工作7次，会前学法15次。
M|（二）化解矛盾纠纷。全年调处矛盾纠纷338件，调解成功331件，成功率97.9%。其中，村民王某某与张三因宅基地界址发生纠纷，经镇村两级多次调解达成协议。
M|（三）加强普法宣传。开展普法活动56场次，发放宣传资料1.2万余份，培育“法律明白人”146名。
M|（四）规范行政执法。镇综合行政执法队开展执法检查213次，立案查处违法行为29件，法律顾问审查合同协议41份。
S|二、存在的不足和原因
S|对照上级要求，我镇法治政府建设仍存在一些不足：
S:talent_shortage|（一）法治人才短缺。镇司法所仅有工作人员2名，村级法治工作多由村干部兼任。
S:public_awareness|（二）群众法治意识薄弱。部分群众遇事不找法，信访不信法的现象仍然存在。
S:publicity_weak|（三）普法形式单一。普法活动以发放资料为主，针对性和实效性不强。
N|三、2025年工作安排
N|（一）加强法治队伍建设，配齐配强司法所工作人员。
N|（二）深化精准普法，推动普法向边远村组延伸。
N|（三）规范行政执法，开展执法案卷评查。
O|联系人：李明，联系电话：13812345678，身份证号：510101199001011234，邮箱：qinghe_fz@example.com
O|青禾镇人民政府
O|2025年1月8日
"""

QINGHE_META = {
    "entity": "青禾镇",
    "county": "云岭县",
    "year": 2024,
    "level": "township",
    "brief": "青禾镇2024年：党委会专题研究法治工作7次，调处矛盾纠纷338件、成功率97.9%，开展普法活动56场次，"
    "立案查处违法行为29件；不足：法治人才短缺、群众法治意识薄弱、普法形式单一；"
    "2025年：加强法治队伍建设、深化精准普法、规范行政执法。",
}

# A second invented report: a department, no year written anywhere (20xx), plans without a year.
SHUIWU = """\
O|松河县水务局20xx年度法治政府建设情况报告
P|20xx年，县水务局坚持依法治水管水，现将有关情况报告如下：
M|一、工作开展情况
M|全年查处水事违法案件18件，办理取水许可事项64件，开展“世界水日”“中国水周”宣传活动9场。
L|局主要负责人主持召开党组会研究法治工作3次，带头旁听庭审1次。
S|二、存在的问题
S:enforcement_weak,talent_shortage|水行政执法人员少，专职执法人员不足5人，执法装备落后。
S:resources_weak|河湖巡查信息化手段缺乏。
N|三、下一步打算
N|一是推进水行政执法队伍专职化建设。二是建设智慧河湖管理平台。三是深化水法规宣传。
O|松河县水务局
"""

SHUIWU_META = {
    "entity": "松河县水务局",
    "county": "松河县",
    "year": None,
    "level": "department",
    "brief": "松河县水务局：查处水事违法案件18件，办理取水许可事项64件，宣传活动9场；不足：执法人员少、"
    "信息化手段缺乏；下一步：推进执法队伍专职化、建设智慧河湖平台、深化水法规宣传。",
}


def annotated(report_id: str, source: str, meta: dict) -> AnnotatedReport:
    """An AnnotatedReport from the ``CODE[:themes]|text`` lines above."""
    rep = AnnotatedReport(report_id, [], [], [], dict(meta))
    for line in source.splitlines():
        code, text = line.split("|", 1)
        code, _, themes = code.partition(":")
        rep.texts.append(text)
        rep.sections.append(CODES[code])
        rep.themes.append([t for t in themes.split(",") if t])
    return rep


def paragraphs_jsonl(reports: list[AnnotatedReport]) -> tuple[str, str]:
    """The two JSONL files (paragraphs, reports) of ``reports``, as text."""
    import json

    para = [
        json.dumps({"report_id": r.report_id, "index": i, "text": t, "section": s, "themes": th}, ensure_ascii=False)
        for r in reports
        for i, (t, s, th) in enumerate(zip(r.texts, r.sections, r.themes))
    ]
    meta = [json.dumps({"report_id": r.report_id, **r.meta}, ensure_ascii=False) for r in reports]
    return "\n".join(para) + "\n", "\n".join(meta) + "\n"


def qinghe():
    return gold_report(annotated("qinghe-2024", QINGHE, QINGHE_META))


def shuiwu():
    return gold_report(annotated("shuiwu-20xx", SHUIWU, SHUIWU_META))
