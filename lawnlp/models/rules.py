"""Keyword rules: a baseline backend with no trained model (used only when asked for: ``backend="rules"``)."""

from __future__ import annotations

import re

from lawnlp.labels import SECTION_IDS, THEME_IDS
from lawnlp.text.context import SectionContext
from lawnlp.text.patterns import RULE_PART_KEYWORDS

OTHER_RE = re.compile(
    r"^(?:特此报告|.{2,30}(?:人民政府|办事处|局|委员会)$|20\d\d\s*年\s*\d{1,2}\s*月|联系人|联系电话|抄送|印发|"
    r"附件|.{0,40}报告$|.{2,30}[：:]$)"
)
PREAMBLE_RE = re.compile(r"现将.{0,30}(?:报告|汇报)如下|报告如下|总结如下|汇报如下")

THEME_KEYWORDS: dict[str, re.Pattern[str]] = {
    "talent_shortage": re.compile(
        r"人才|力量薄弱|力量不足|人员不足|人手|专业人员|法律专业|兼职|配备不足|队伍力量|人员太少|法制力量|审核力量"
    ),
    "cadre_awareness": re.compile(
        r"干部.{0,12}(?:意识|思维|观念|能力)|重业务轻法治|忽视法治|活学活用|依法行政意识|法治思维"
    ),
    "public_awareness": re.compile(
        r"群众.{0,10}(?:意识|观念|了解|淡薄)|遇事不找法|信访不信法|信闹不信法|村民.{0,8}意识"
    ),
    "publicity_weak": re.compile(
        r"宣传.{0,14}(?:覆盖|单一|针对性|实效|创新|不够|不足|不深|方式)|普法.{0,10}(?:覆盖|单一|实效|针对性|形式)"
    ),
    "enforcement_weak": re.compile(
        r"执法.{0,14}(?:参差|不规范|素质|水平|能力|队伍|不到位|不严格)|一支队伍管执法|综合执法"
    ),
    "study_insufficient": re.compile(
        r"学习.{0,12}(?:不够|系统|深入|主动|单一|流于)|学法.{0,10}(?:不够|不足|主动|流于|不深)|培训.{0,8}(?:不够|不足|不深|较少)"
    ),
    "decision_review_weak": re.compile(r"决策|合法性审查|合法性审核|规范性文件|公众参与|专家论证|风险评估"),
    "supervision_weak": re.compile(r"监督|考核|督查|督察|问责|评价机制"),
    "resources_weak": re.compile(r"经费|装备|场所|信息化|数字化|车辆|保障不足|硬件|设施"),
}
assert set(THEME_KEYWORDS) | {"other_shortcoming"} == set(THEME_IDS)
PROBLEM_RE = re.compile(
    r"不足|不够|不强|薄弱|欠缺|有待|不高|不到位|单一|参差|不规范|不健全|不完善|较少|缺乏|短板|滞后|流于|难以"
)


def part_of_heading(text: str) -> str | None:
    """The section a part heading announces, by its keywords, or None."""
    for label, pattern in RULE_PART_KEYWORDS:
        if pattern.search(text):
            return label
    return None


class RuleSectionClassifier:
    """Section of a paragraph from its top enclosing heading's keywords (lawnlp.text.context), else its own."""

    task = "sections"
    labels = SECTION_IDS

    def predict(
        self, texts: list[str], contexts: list[SectionContext | None] | None = None, batch_size: int | None = None
    ) -> list[str]:
        out = []
        for text, context in zip(texts, contexts or [None] * len(texts)):
            heads = list(context.headings) if context is not None else []
            label = None
            if OTHER_RE.match(text) and len(text) <= 40:
                label = "other"
            if label is None and PREAMBLE_RE.search(text) and not heads:
                label = "preamble"
            if label is None:
                label = part_of_heading(heads[0] if heads else text) or "measures"
            out.append(label)
        return out


class RuleThemeTagger:
    """Themes of a shortcomings paragraph from keyword lists."""

    task = "themes"
    labels = THEME_IDS

    def predict(self, texts: list[str], contexts: list | None = None, batch_size: int | None = None) -> list[list[str]]:
        out = []
        for text in texts:
            themes = [t for t, pattern in THEME_KEYWORDS.items() if pattern.search(text)]
            if not themes and PROBLEM_RE.search(text):
                themes = ["other_shortcoming"]
            out.append(themes)
        return out
