"""Invented reports for the measures tests: every place, body, person and figure is made up (no text
of any real report). ``report(text, ...)`` builds a Report from ``CODE|text`` lines the way an
analysed report looks (sections and themes set), without the pipeline."""

from __future__ import annotations

from lawnlp.schema import Meta, Paragraph, Report

CODES = {"P": "preamble", "M": "measures", "L": "leadership", "S": "shortcomings", "N": "plans", "O": "other"}


def report(
    text: str,
    entity: str | None = None,
    county: str | None = None,
    year: int | None = None,
    level: str = "township",
    source: str | None = None,
    **meta_extra,
) -> Report:
    paragraphs = []
    for line in text.strip().splitlines():
        code, body = line.split("|", 1)
        themes: list[str] = []
        if ":" in code:
            code, theme_part = code.split(":", 1)
            themes = theme_part.split(",")
        i = len(paragraphs)
        paragraphs.append(Paragraph(index=i, line=i, text=body, norm="", section=CODES[code], themes=themes))
    meta = Meta(entity=entity, county=county, year=year, level=level)
    for k, v in meta_extra.items():
        setattr(meta, k, v)
    return Report(source=source or f"{entity}-{year}", meta=meta, paragraphs=paragraphs)


QINGFENG_2023 = """\
O|雁栖县青枫镇2023年法治政府建设工作报告
P|2023年，青枫镇坚持以习近平法治思想为指导，扎实推进法治政府建设。现将有关情况报告如下：
M|一、2023年法治政府建设主要举措和成效
L|（一）履行第一责任人职责。镇党委书记全年主持召开党委会研究法治工作6次，组织会前学法十二次。
M|（二）化解矛盾纠纷。全年排查调处矛盾纠纷214件，调解成功209件，调解成功率97.7%，同比增长3.1%。
M|（三）加强普法宣传。开展普法宣传活动40余次，发放宣传资料8500份，较上年的6000份有所增加。
M|（四）规范行政执法。镇综合执法队办理行政处罚案件31件，罚没款2.6万元；镇法律顾问审查合同协议45份。
S|二、存在的不足和原因
S|对照上级要求，我镇法治政府建设还存在一些不足：
S:talent_shortage|一是法治工作力量不足，镇司法所仅有工作人员2名；
S:publicity_weak|二是普法形式单一，针对外出务工人员的宣传较少；
S:enforcement_weak|三是执法不够规范。
S:cadre_awareness|究其原因，主要是部分干部重业务、轻法治，依法行政意识不强。
N|三、2024年工作打算
N|（一）加强法治队伍建设，配齐司法所工作人员。
N|（二）创新普法宣传方式，力争开展普法活动60场次。
O|青枫镇人民政府
O|2024年1月15日
"""

# A department: no leadership part, no causes, no plans; furniture date and a site clock.
SHICHANG_2023 = """\
O|2024年3月5日 星期二
O|发布时间：2024-03-28 来源：雁栖县市场监督管理局
O|雁栖县市场监督管理局2023年度法治政府建设情况报告
M|一、主要工作
M|全年办理行政处罚案件一百二十件，罚没款36.5万元。受理行政复议案件5件，审结4件。2022年办理行政处罚案件98件。
S|二、存在的问题
S:enforcement_weak|（一）执法力量不足
S:enforcement_weak|全局执法人员仅15名，人均监管市场主体800余户。
S:decision_review_weak|（二）合法性审查不到位
S:decision_review_weak|一是个别合同未经审查即签订；二是规范性文件备案不及时。
"""

# Shortcomings before the measures; a semicolon chain; a 原因分析 subsection; a late signature date.
SONGLING_2023 = """\
O|松岭乡2023年法治政府建设情况报告
S|一、存在的不足
S|（一）主要问题
S:talent_shortage,public_awareness,resources_weak|村级法治力量薄弱；部分群众遇事不找法；执法装备老化不足。
S|（二）原因分析
S:cadre_awareness|1.主观方面：部分干部对法治建设重视不够。
S:resources_weak|2.客观方面：经费保障不足。
M|二、工作开展情况
M|全年调解矛盾纠纷87件，办理法律援助案件9件，开展普法活动15场。
L|乡党委书记认真履行第一责任人职责，带头讲法治课2次。
N|三、下一步打算
N|加强村级法治队伍建设，争取法治建设经费。
O|松岭乡人民政府
O|2024年5月20日
"""


def yearly(entity: str, county: str, year: int, shortcomings: str, measures: str) -> Report:
    """A small invented township report for the across-report tests."""
    text = f"""\
O|{county}{entity}{year}年法治政府建设工作报告
P|{year}年，{entity}在{county}委、{county}政府的领导下，深入推进法治政府建设。现将有关情况报告如下：
M|一、{year}年法治政府建设主要举措和成效
{measures}
S|二、存在的不足
{shortcomings}
N|三、{year + 1}年工作打算
N|一是加强法治队伍建设，配齐配强法治工作人员。二是深化普法宣传，推动普法进村入户。
O|{entity}人民政府
O|{year + 1}年1月20日
"""
    return report(text, entity=entity, county=county, year=year, source=f"{entity}-{year}")


# A small invented corpus for the across-report surfaces (page, lawnlp compare): 苇塘镇 repeats its 2022
# shortcomings in 2023 (planted), 荷岭乡 copies 苇塘镇's 2023 measures (planted), 杏林乡 writes anew (control).
WT_MEASURES = {
    2022: """M|（一）镇党委把法治建设写入年度目标考核，全年召开党委会专题研究法治工作4次，落实会前学法制度。
M|（二）在渔港片区设立流动调解点，调解员每周三次上船入户，全年调处矛盾纠纷121件。""",
    2023: """M|（一）苇塘镇以“船头讲法”为载体，组织驻村律师在休渔期登船讲解渔业法规和合同知识，全年开展36场。
M|（二）镇综合执法队对滩涂养殖实行卫星遥感巡查与群众举报相结合，办理行政处罚案件27件，罚没款3.4万元。
M|（三）建立村级合同合法性审查清单，未经镇法律顾问审查的合同一律不得签订，全年审查合同协议52份。""",
}
WT_SHORT = """S:talent_shortage|一是法治工作力量不足，镇司法所仅有工作人员2名，村级调解员多由渔村干部兼任，专业能力不强。
S:publicity_weak|二是普法针对性不强，外来渔工流动性大，普法宣传难以覆盖到每一条船。
S:supervision_weak|三是考核督办偏软，对村级法治工作的年终考核以查阅台账为主，实地核查不够。"""
XL = {
    2022: (
        """S:resources_weak|一是乡村两级法治阵地设施陈旧，部分村法治文化长廊多年未更新。
S:cadre_awareness|二是少数乡干部处理林地权属纠纷时习惯于行政调处，运用法律程序不够。""",
        """M|（一）乡政府与县人民法院共建诉源治理工作站，将林地界址纠纷引入诉前调解，调解成功率95%。
M|（二）乡综合执法队开展非法采砂专项整治，立案查处违法行为8件。""",
    ),
    2023: (
        """S:enforcement_weak|一是综合执法队伍新组建，执法人员对赋权事项法律依据掌握不熟，文书制作不规范。
S:public_awareness|二是部分返乡务工人员维权意识强但守法意识弱，讨薪时有过激行为。""",
        """M|（一）在乡中心小学开设“法治第一课”，由司法所长与派出所民警轮流授课，覆盖学生九百余人次。
M|（二）针对春节返乡人员集中的时段，设立劳务维权咨询台，协助追讨欠薪案件11件。""",
    ),
}


def pairs_corpus() -> list[Report]:
    """Five invented reports: a planted repeat (苇塘镇 2022 -> 2023), a planted copy (荷岭乡 2023 of 苇塘镇
    2023's measures) and a control body (杏林乡 2022, 2023)."""
    copy = WT_MEASURES[2023].replace("苇塘镇", "荷岭乡").replace("36场", "41场").replace("27件", "15件")
    return [
        yearly("苇塘镇", "临波县", 2022, WT_SHORT, WT_MEASURES[2022]),
        yearly("苇塘镇", "临波县", 2023, WT_SHORT.replace("2名", "3名"), WT_MEASURES[2023]),
        yearly("荷岭乡", "临波县", 2023, XL[2022][0], copy.replace("52份", "47份")),
        yearly("杏林乡", "临波县", 2022, *XL[2022]),
        yearly("杏林乡", "临波县", 2023, *XL[2023]),
    ]
