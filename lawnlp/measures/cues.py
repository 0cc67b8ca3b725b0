"""Cue-word tables of the audit, written once here and documented.

THEME_CUES
    For each shortcoming theme id, the words by which a *plans* paragraph addresses it. A theme of the
    report's shortcomings is covered (``plan_coverage``) when some plans paragraph contains one of its
    cues. ``other_shortcoming`` has no cue words: it is covered when a plans paragraph shares at least
    ``OTHER_OVERLAP`` distinct character bigrams (outside STOP_BIGRAMS) with the shortcomings
    paragraphs tagged ``other_shortcoming``.
CAUSE_RE
    Cue words by which the shortcomings part states why (research-measures.md, section 1).
SPECIFIC_RE / DETAIL_RE
    Specificity of a shortcoming item: a concrete field, group, unit or place (1); also a figure, a
    case or a cause (2). An item with neither is a stock phrase (0).
"""

from __future__ import annotations

import re

THEME_CUES: dict[str, tuple[str, ...]] = {
    "talent_shortage": (
        "人才",
        "队伍建设",
        "配齐",
        "配强",
        "充实",
        "力量",
        "人员配备",
        "编制",
        "公职律师",
        "法律顾问",
        "专职",
        "招录",
        "引进",
    ),
    "cadre_awareness": (
        "干部",
        "领导干部",
        "法治思维",
        "依法行政意识",
        "依法行政能力",
        "法治素养",
        "法治能力",
        "法治意识",
        "述法",
        "考法",
        "关键少数",
    ),
    "public_awareness": (
        "群众",
        "居民",
        "村民",
        "法律明白人",
        "法治氛围",
        "守法",
        "用法",
        "法治观念",
        "民主法治示范",
        "全民",
    ),
    "publicity_weak": ("普法", "宣传", "八五", "谁执法谁普法", "法治文化", "宣讲"),
    "enforcement_weak": ("执法", "行政处罚", "案卷评查", "三项制度", "综合执法", "执法规范"),
    "study_insufficient": ("学法", "学习", "培训", "习近平法治思想", "中心组", "讲法治课", "专题讲座"),
    "decision_review_weak": (
        "决策",
        "合法性审查",
        "合法性审核",
        "规范性文件",
        "公众参与",
        "专家论证",
        "风险评估",
        "备案审查",
        "合同审查",
        "法律审核",
    ),
    "supervision_weak": ("监督", "考核", "督察", "督查", "问责", "考评", "督办", "通报"),
    "resources_weak": (
        "经费",
        "装备",
        "信息化",
        "数字化",
        "智慧",
        "平台",
        "保障",
        "设施",
        "场所",
        "设备",
        "阵地",
        "预算",
        "投入",
    ),
    "other_shortcoming": (),
}
OTHER_OVERLAP = 3
STOP_BIGRAMS = frozenset(
    {
        "进一",
        "一步",
        "加强",
        "推进",
        "工作",
        "法治",
        "提升",
        "不断",
        "持续",
        "全面",
        "深入",
        "建设",
        "开展",
        "落实",
        "完善",
        "问题",
        "存在",
        "部分",
        "不够",
        "有待",
        "不足",
        "能力",
    }
)
THEME_CUE_RE: dict[str, re.Pattern[str]] = {t: re.compile("|".join(cues)) for t, cues in THEME_CUES.items() if cues}

CAUSE_RE = re.compile(
    r"原因|根源|根本在于|症结|归根结底|归根到底|主要是由于|是由于|究其|客观上|主观上|主观方面|客观方面|客观因素|主观因素|"
    r"产生(?:上述|这些|以上)?问题|出现(?:上述|这些|以上)问题|"
    r"一方面.{2,120}另一方面|之所以|导致这|造成这|受(?!到)[^，。；]{1,20}(?:影响|制约|限制)"
)
# A heading that only names the part (存在的不足和原因) is no statement of causes.
PART_TITLE_CAUSE_RE = re.compile(r"(?:不足|问题|短板|差距|困难)(?:及其|及|和|与|以及)?(?:产生的)?原因$")
CAUSE_HEADING_RE = re.compile(r"原因(?:分析)?|存在问题的原因|产生.{0,6}的原因|主观方面|客观方面|主观原因|客观原因")
CAUSE_START_RE = re.compile(
    r"^(?:究其原因|分析原因|[^。，：；]{0,16}原因|主要原因|其原因|(?:从)?(?:主观|客观)(?:上|方面|原因)|"
    r"究其根源|根源在于|产生(?:上述|这些|以上)问题[，的]|出现(?:上述|这些|以上)问题[，的]|"
    r"(?:[^。，：；]{0,12}的产生，)?(?:这|这些问题)?(?:主要)?是由于)"
)

# The part's own heading and intro, stripped before counting items.
_WORD = r"(?:问题|不足之处|不足|短板|差距|困难|薄弱环节|弱项)"
_WORD2 = (
    rf"(?:{_WORD}|(?:产生的|存在的)?原因(?:分析)?|(?:下一步|今后|明年|来年)[^。：；，]{{0,10}}|"
    r"改进措施|整改措施|努力方向)"
)
_TITLE_PREFIX = (
    r"(?:(?:推进)?法治(?:政府)?建设(?:工作)?|工作|当前|目前|我[镇乡县区市局]|本年度|(?:19|20)\d\d年(?:度)?|"
    r"一年来|法治政府建设工作)"
)
PART_HEADING_RE = re.compile(
    rf"^(?:[一二三四五六七八九十]{{1,3}}[、.]|（[一二三四五六七八九十]{{1,3}}）|\d{{1,2}}[.、]|第[一二三四五]部分[、，：]?)?\s*"
    rf"(?:{_TITLE_PREFIX}(?:中|方面|上)?的?)?(?:仍然|仍|还)?(?:存在|面临)?(?:着)?的?(?:主要|一些)?{_WORD}"
    rf"(?:(?:[和与及、]|以及|及其){_WORD2})*[。：:]?\s*"
)
INTRO_RE = re.compile(
    r"^[^。：]{0,80}?(?:存在|面临|还有|仍有|仍然有|表现在|表现为|主要有|如下|以下|差距|短板|不足)[^。：]{0,30}[：:]\s*"
)
INTRO_SENTENCE_RE = re.compile(
    r"^[^。]{0,70}?(?:还|仍|也|依然|仍然|但|然而)[^。]{0,10}(?:存在|面临|有)(?:着)?(?:一些|不少|许多|诸多|以下|如下|若干|一些不容忽视的|"
    r"以下几个方面的?)(?:问题|不足|短板|差距|困难|薄弱环节)[^。]{0,20}[。：]\s*"
)
CLOSING_RE = re.compile(
    r"(?:我们|我镇|我县|我局|我区|我市|我乡|我街道|我委|我办)?(?:将|要|必须|需要|应当)[^。]{0,40}"
    r"(?:加以|予以|认真|切实|着力|逐步|努力|研究)?(?:解决|改进|整改|克服|改正)|"
    r"有待(?:在|于)?(?:今后|下一步)[^。]{0,12}(?:解决|改进)"
)
PROBLEM_WORDS_RE = re.compile(
    r"不足|不够|不强|不高|不到位|不完善|不健全|不规范|不深入|不明显|薄弱|欠缺|缺乏|缺少|短板|"
    r"滞后|单一|有待|较弱|偏弱|偏少|偏低|不多|不广|流于形式|问题|难以|差距|不平衡|不充分"
)

# Specificity: a concrete field, group, unit or place (1) ...
SPECIFIC_RE = re.compile(
    r"领域|征收|征地|拆迁|补偿|土地|宅基地|耕地|林地|河湖|河道|采砂|生态|环保|环境|安全生产|消防|食品|药品|交通|"
    r"城管|市场监管|物业|劳资|欠薪|医保|社保|教育|校园|旅游|养殖|建房|违建|信访|营商|涉企|企业|商户|个体|"
    r"外来|务工|农民工|留守|老人|青少年|学生|妇女|残疾|少数民族|[苗藏彝壮回瑶侗]族|网格员|调解员|执法队|"
    r"司法所|派出所|村[（(]社区|村级|社区|乡镇|街道|站所|镇村|村组|村干部|基层|科室|中队|窗口|平台|系统|"
    r"规范性文件|合同|协议|重大行政决策|复议|应诉|诉讼|案卷|执法记录仪|执法车|经费|编制"
)
# ... and a figure, a case or a cause (2).
DETAIL_RE = re.compile(
    r"\d|[一二两三四五六七八九十百千]+(?:名|人|个|件|次|项|家|所|台|辆|成|万)|仅有|只有|例如|比如|如[“\"]|如：|"
    r"[\u4e00-\u9fff]某|案例|个别案件|由于|因为|导致|造成|原因|源于|致使"
)
