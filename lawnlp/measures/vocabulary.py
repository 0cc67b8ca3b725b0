"""The indicator vocabulary (research-measures.md, section 2) as data: ids, units, topics, rules and
the patterns of the words around a value. indicators.py reads them; nothing here runs.

TOPICS (FAMILIES) name what a value is about (行政复议, 规范性文件, 矛盾纠纷 …); RULES map a topic,
the action words before the value and its unit to an indicator id; the *_RE patterns mark values
that are left out (other years, differences, targets, spans of years, counts not the topic's own).
"""

from __future__ import annotations

import re

from lawnlp.measures.text import NUMBER

INDICATOR_IDS: tuple[str, ...] = (
    "reconsideration_received",
    "reconsideration_concluded",
    "reconsideration_correction_rate",
    "litigation_cases",
    "litigation_loss_rate",
    "head_appearance_rate",
    "normative_documents_reviewed",
    "normative_documents_cleaned",
    "major_decisions",
    "legality_reviews",
    "legal_adviser_coverage",
    "enforcement_cases",
    "enforcement_fines",
    "disputes_handled",
    "disputes_resolved",
    "mediation_success_rate",
    "law_study_sessions",
    "publicity_events",
    "publicity_materials",
    "legal_aid_cases",
)
READ_SECTIONS = ("measures", "leadership")
# written unit -> (normalised unit, scale)
UNITS: dict[str, tuple[str, float]] = {
    "件": ("件", 1),
    "起": ("件", 1),
    "宗": ("件", 1),
    "个": ("件", 1),
    "件次": ("件", 1),
    "次": ("次", 1),
    "场": ("次", 1),
    "场次": ("次", 1),
    "期": ("次", 1),
    "项": ("项", 1),
    "份": ("份", 1),
    "册": ("份", 1),
    "本": ("份", 1),
    "%": ("%", 1),
    "万元": ("万元", 1),
    "元": ("万元", 1e-4),
    "亿元": ("万元", 1e4),
}

GENERAL_DISPUTE = r"(?:矛盾|各类|各种|一般|民间|等|调处|调解|排查|受理|化解|办理|处理|接待|摸排|^|[，、])纠纷"
# Topics, tried together; the one named nearest before a value wins.
FAMILIES: tuple[tuple[str, str], ...] = (
    ("legal_aid", r"法律援助"),
    ("reconsideration", r"行政复议|复议"),
    ("litigation", r"行政诉讼|行政应诉|应诉|诉讼|败诉|出庭"),
    ("normative", r"规范性文件"),
    (
        "legality",
        r"合法性审查|合法性审核|合法性审|法制审核|法律审核|报审|审查事项|审核事项|"
        r"审查[^，。；]{0,6}(?:合同|协议)|(?:合同|协议)[^，。；]{0,4}审查",
    ),
    ("contracts", r"合同|协议|议题|涉法事项"),
    ("decision", r"重大行政决策|重大决策"),
    ("adviser", r"法律顾问"),
    ("fines", r"罚没|罚款"),
    ("enforcement", r"行政处罚|处罚案件|执法案件|行政执法|执法|查处|程序案件|违法案件"),
    ("disputes", rf"{GENERAL_DISPUTE}|(?<!行政)争议案件|劳动人事争议"),
    ("typed_disputes", r"纠纷"),
    ("mediation", r"(?<!协)调解|(?<!协)调处"),
    ("study", r"学法|专题学习|集体学习|中心组|学习[^，。；]{0,25}法"),
    ("publicity", r"普法|宣传|宣讲|法治讲座|送法|法律进|法治进|法律六进|法律服务进|宪法|民法典"),
)
FAMILY_RE = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in FAMILIES))
WEAK_FAMILIES = frozenset({"mediation", "contracts"})  # never carried to the next clause

DISPUTES = (
    ("mediation_success_rate", r"成功率|化解率", {"%"}),
    ("disputes_handled", r"排查|受理|摸排|接待|收到", {"件"}),
    ("disputes_resolved", r"成功|化解|调结|结案", {"件"}),
    ("disputes_handled", r"调处|调解|处理|办理", {"件"}),
)
# (id, action words that must be among the words before the value (None: any), units) per topic;
# the first rule that fits wins.
RULES: dict[str, tuple[tuple[str, str | None, set[str]], ...]] = {
    "reconsideration": (
        ("reconsideration_correction_rate", r"纠错率", {"%"}),
        ("reconsideration_concluded", r"审结|办结|结案|作出.{0,4}决定", {"件"}),
        ("reconsideration_received", r"收到|受理|新收|收案|接收|申请|发生|办理|收|案件", {"件"}),
    ),
    "litigation": (
        ("litigation_loss_rate", r"败诉率", {"%"}),
        ("head_appearance_rate", r"出庭.{0,3}率|出庭应诉率", {"%"}),
        ("litigation_cases", r"案件|应诉|诉讼|一审|收案|新收", {"件"}),
    ),
    "normative": (
        ("normative_documents_cleaned", r"清理|废止", {"件", "份"}),
        ("normative_documents_reviewed", r"审核|审查|备案|报备", {"件", "份"}),
    ),
    "legality": (("legality_reviews", None, {"件", "份", "项"}),),
    "contracts": (("legality_reviews", r"审查|审核", {"件", "份", "项"}),),
    "decision": (("major_decisions", r"事项|目录|作出|公布|决策|实施|出台", {"项", "件", "个"}),),
    "adviser": (("legal_adviser_coverage", r"覆盖率|覆盖面|配备率", {"%"}),),
    "fines": (("enforcement_fines", None, {"万元"}),),
    "enforcement": (("enforcement_cases", r"案件|立案|查处|办理|办结|处罚|案", {"件"}),),
    "disputes": DISPUTES,
    "typed_disputes": tuple(r for r in DISPUTES if r[0] != "disputes_resolved"),  # 化解劳资纠纷: a kind
    "mediation": (("mediation_success_rate", r"成功率", {"%"}), ("disputes_resolved", r"成功|结案", {"件"})),
    "study": (("law_study_sessions", None, {"次"}),),
    "publicity": (
        ("publicity_materials", r"资料|手册|宣传品|折页|读本|册子|宣传单|海报|材料", {"份"}),
        ("publicity_events", r"活动|宣讲|讲座|宣传|普法|进", {"次"}),
    ),
    "legal_aid": (("legal_aid_cases", r"案件|办理|受理|援助", {"件"}),),
}
RULE_RES = {
    fam: tuple((i, re.compile(a) if a else None, frozenset(u)) for i, a, u in rules) for fam, rules in RULES.items()
}

UNIT_ALT = "|".join(sorted(UNITS, key=len, reverse=True))
VALUE_RE = re.compile(
    rf"(?P<pre>近|约|逾|超过|共计|共|合计)?(?P<num>{NUMBER})(?P<approx>余|多)?(?P<unit>{UNIT_ALT})(?P<post>左右)?"
    r"|百分之(?P<cnpct>[一二两三四五六七八九十百点]+)"
)
HAS_NUMBER_RE = re.compile(r"\d|[一二两三四五六七八九十百千]")
CLAUSE_SPLIT_RE = re.compile(r"[，；：]")
OTHER_YEAR_RE = re.compile(r"同比|比上年|较上年|上年|去年|较去年|比去年|上一年|往年|上半年")
DIFFERENCE_RE = re.compile(r"(?:增长|增加|下降|减少|提高|上升|降低|提升|增幅|降幅|多|少|新增了)了?(?:近|约)?$")
LEVEL_VERB_RE = re.compile(r"^[，、]?(?:由[^，]{0,12})?(?:下降|降|提高|提升|增|上升|达|达到|增加)?(?:到|至|为)?$")
TARGET_RE = re.compile(r"力争|目标|预计|将达|确保.{0,6}达到|争取")
SPAN_RE = re.compile(
    r"近[一二两三四五六七八九十]年|[二三四五六七八九十两]年来|[二三四五]年间|以来累计|五年来|十三五|十四五期间|"
    r"[五七八]五.{0,3}期间"
)
NOT_OWN_RE = re.compile(
    r"不予处罚|免罚|不罚|从轻|减轻|集体讨论|重大执法决定|法制审核率|评查|抽查|旁听|培训|测试|考试|"
    r"讲授|讲法治课|出庭应诉(?!率)|带头出庭|人次|纠错|维持|驳回|撤销|撤回|变更|投诉|举报|信访|来信|"
    r"来访|行政裁决|制度|办法|每周|每月|每天|每日|每季度|每半年|(?<!全年)累计|积案|移送|清单|退回|辅导报告|后评估|召开[^，；]{0,24}会议?各?$|案卷|亲自"
)
MIXED_REVIEW_RE = re.compile(
    r"(?:审查|审核)[^，；]*(?:合同|协议|涉法|议题|重大决策|重大行政决策)[^，；]*$|"
    r"(?:合同|协议|涉法|议题)[^，；]*(?:规范性文件|决策)"
)
NORMATIVE_MADE_RE = re.compile(r"制发|出台|制定|印发|发布")
NORMATIVE_CHECKED_RE = re.compile(r"^[^。]{0,20}?(?:审核|审查|备案|报备)")
DECISION_AFTER_RE = re.compile(r"^(?:重大行政决策|重大决策|决策|重大事项|事项)(?:[^，。；]{0,12}(?:目录|决策))?")
DECISION_CONTEXT_RE = re.compile(r"目录|决策|公布")
DECISION_NOT_RE = re.compile(r"评估|听证")
YEAR_RE = re.compile(r"((?:19|20)\d\d)年")
YEAR_START_RE = re.compile(r"^(?:(?:19|20)\d\d)年(?:度|以来|上半年|下半年|全年)?$")
TITLE_RE = re.compile(r"《[^》]*》")
LEAD_TRIM_RE = re.compile(r"^(?:其中|全年|年内|共|共计|累计|合计|同时|另外|此外|并|和|及|、|，)+")
PART_OF_RE = re.compile(r"^[，、]?(?:其中|包括|含)")
