"""Label ids and their Chinese names: the one place they are written (see the annotation guide)."""

from __future__ import annotations

SECTIONS: dict[str, str] = {
    "preamble": "导语",
    "measures": "主要举措和成效",
    "leadership": "第一责任人职责履行",
    "shortcomings": "存在的不足和原因",
    "plans": "下一年度工作安排",
    "other": "其他",
}

THEMES: dict[str, str] = {
    "talent_shortage": "法治人才与工作力量不足",
    "cadre_awareness": "干部法治意识和能力不足",
    "public_awareness": "群众法治意识薄弱",
    "publicity_weak": "普法宣传覆盖面和实效不足",
    "enforcement_weak": "行政执法能力和规范化不足",
    "study_insufficient": "学法不系统不深入",
    "decision_review_weak": "依法决策和合法性审查不规范",
    "supervision_weak": "监督考核机制不健全",
    "resources_weak": "经费、装备和信息化保障不足",
    "other_shortcoming": "其他不足",
}

# Administrative levels of the reporting body (annotation guide, section 3) and their display names.
LEVEL_NAMES: dict[str, str] = {
    "township": "乡镇（街道）",
    "county": "县（区、县级市）",
    "city": "市（州）",
    "province": "省（自治区）",
    "department": "部门",
    "unknown": "未知",
}
LEVELS: tuple[str, ...] = tuple(LEVEL_NAMES)

# Display colours of the sections (Label Studio config, HTML page).
SECTION_COLOURS: dict[str, str] = {
    "preamble": "#8fbcd4",
    "measures": "#7bc47f",
    "leadership": "#f2b134",
    "shortcomings": "#e8655a",
    "plans": "#9b7fd1",
    "other": "#b0b0b0",
}

SECTION_IDS: tuple[str, ...] = tuple(SECTIONS)
THEME_IDS: tuple[str, ...] = tuple(THEMES)

# The research measures' ids (research-measures.md) and their display names: the parts an audit checks
# (Audit.parts) and the indicator vocabulary (Indicator.id; units in lawnlp.measures.vocabulary).
PART_NAMES: dict[str, str] = {
    "measures": "主要举措和成效",
    "leadership": "第一责任人职责履行",
    "shortcomings": "存在的不足",
    "causes": "不足的原因",
    "plans": "下一年度工作安排",
}
INDICATOR_NAMES: dict[str, str] = {
    "reconsideration_received": "行政复议收到/受理申请",
    "reconsideration_concluded": "行政复议审结/办结",
    "reconsideration_correction_rate": "行政复议纠错率",
    "litigation_cases": "行政诉讼/应诉案件",
    "litigation_loss_rate": "行政诉讼败诉率",
    "head_appearance_rate": "行政机关负责人出庭应诉率",
    "normative_documents_reviewed": "规范性文件合法性审核/备案审查",
    "normative_documents_cleaned": "规范性文件清理/废止",
    "major_decisions": "重大行政决策事项",
    "legality_reviews": "合法性审查（决策、合同、协议等）",
    "legal_adviser_coverage": "法律顾问覆盖率",
    "enforcement_cases": "行政处罚/执法案件",
    "enforcement_fines": "罚没款",
    "disputes_handled": "矛盾纠纷排查/受理",
    "disputes_resolved": "矛盾纠纷调解成功/化解",
    "mediation_success_rate": "调解成功率",
    "law_study_sessions": "会前/专题/中心组学法",
    "publicity_events": "普法宣传活动",
    "publicity_materials": "发放普法宣传资料",
    "legal_aid_cases": "法律援助案件",
}
