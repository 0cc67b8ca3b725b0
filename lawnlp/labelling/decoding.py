"""Document-level decoding on top of the paragraph models: pure functions, no model, nothing modified.

- ``part_prior``: a heading that names its part outright (存在的问题, 下一步工作打算, 主要做法, 第一责任人
  职责情况) bounds the labels of everything under it, the nearest such heading counting; a heading that
  names two parts (存在的问题及下一步打算) allows both under it. The bound is soft (a factor, not a ban).
- ``plans_evidence`` (lawnlp.labelling.parts, with the part keywords of headings): ``plans`` needs
  evidence — a heading that names the plans part or next year, or a paragraph that opens with next-year
  wording (下一步，… / 2025年，我镇将…) — and lasts until the next heading of the same or a higher level.
  Position in the document is no evidence, nor is a date of next year inside a sentence (a rule taking
  effect on 1 January).
- ``shortcomings_evidence``: likewise ``shortcomings`` needs a heading that names the part or a problem
  word (不足, 问题, 有待, 不够, 滞后, …) in a heading or paragraph, and lasts until the next heading of the
  same or a higher level. All 2,669 shortcomings lines of the corpus have it; a framing heading of the
  measures part (一、以贯彻落实…为指引，努力推动…) does not.
- ``leadership_needs_a_cue``: a part or sub-part is ``leadership`` only when its heading, a heading above
  it, or its lead sentence names the principal leaders' own duty (第一责任人, 党政主要负责人, 述法, 四个亲自,
  关键少数, 领导干部带头…) or the Party's leadership of the work (强化政治引领, 加强组织领导, 坚持党对法治政府
  建设的领导, 压实主体责任); and ``party_leadership_parts``: a (sub-)part whose heading names the Party's
  leadership of the work is ``leadership``, also inside the measures part (FORMAT.md, 4, after issue 11's
  item 5). In a report whose title names the duty (法治政府建设暨主要负责人履行…职责情况报告, mostly the
  leadership part) only sub-parts of a measures part are checked; a report without headings keeps the
  model's labels. Annotators of real pages split on the Party-leadership sub-parts (training/data/FORMAT.md).
- ``other_evidence``: a part heading is ``other`` only when it names the other part (五、其他需要报告的事项).
- ``head_lines``: what stands before the opening (titles, addressee, a name alone) is ``other``. An addressee run
  into the opening on one line (县委、县政府：2024年，我镇坚持…) is the opening, the preamble (FORMAT.md, 2).
- ``opening_prior``: between the head and the first heading is the preamble (not measures or
  shortcomings; a sentence with the opening formula 现将…报告如下 not ``other`` either, even as the
  first line of a page without a title); after the first heading there is no preamble any more (an
  introduction right after 一、主要成效 belongs to that part). In the corpus 369 of 376 body lines before
  the first heading are preamble and 1 line after it.
- ``smooth_sections``: a heading and the body paragraphs under it belong to one part of the report
  (the guide: a heading takes the label of the part it opens), so each such group takes the label
  with the highest summed log-probability over its members; members the model puts in ``other``
  (a signature or date after the last part) keep their own label. A heading that names two parts
  leaves its group unsmoothed and takes the label of the first content under it (FORMAT.md, 5). A group
  is cut where a paragraph inside it opens the plans part (下一步，… after the last problem under a heading).
- ``split_items``: a dense shortcomings paragraph (一是…二是…, or problems chained with ；) is tagged item
  by item and merged.

Long: the decoding steps share the part helpers (_subtree_end, heading chains, lead sentences) and run in one
order inside ``smooth_sections``; split apart they would pass that state between modules.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np

from lawnlp.labelling.parts import (
    MERGED_ALLOWS,
    heading_parts,
    is_merged,
    opens_plans,
    other_evidence,
    plans_evidence,
    shortcomings_evidence,
)
from lawnlp.schema import Paragraph
from lawnlp.text.page import ADDRESSEE_RE, OPENING_FORMULA_RE, is_body
from lawnlp.text.patterns import ITEM_SPLIT_RE
from lawnlp.text.structure import heading_marker

ITEM_MIN_CHARS = 60
SEMICOLON_ITEMS_MIN = 3  # a paragraph of this many ；-separated problems is tagged clause by clause
# Which sections may sit under a heading that names each part (other: signatures, dates, debris).
PART_ALLOWS = {
    "measures": {"measures", "leadership", "other"},
    "leadership": {"leadership", "other"},
    "shortcomings": {"shortcomings", "other"},
    "plans": {"plans", "other"},
}
PRIOR_FACTOR = 0.02  # probability factor for labels the enclosing part does not allow
PLANS_FACTOR = 0.02  # probability factor for plans (and shortcomings) without evidence
# ``other`` on a sentence with the opening formula before the first heading: a cover letter's one sentence
# (现将《X报告》呈报，请予审阅) reads like page debris to the models (p(other) ~ 0.98), and 0.02 would not move it.
FORMULA_FACTOR = 1e-3
# The principal leaders' own duty (annotation guide: 第一责任人, 述法, 四个亲自, leaders' own study and
# decisions). Broad on purpose (主要负责人 and 带头 anywhere): on the corpus a narrower list (主要负责人 only
# with 党政 or 履行/带头) turned 10 more test and dev lines of its leadership sub-parts into measures.
LEADER_DUTY_RE = re.compile(
    r"第一责任人|党政主要负责|主要负责(?:人|同志)|主要领导(?!小组)|一把手|述法|述职述廉|四个亲自|关键少数|以上率下|"
    r"领导干部|带头|班子(?:成员)?学法|亲自(?:部署|研究|过问|协调|督办|督促|推动|抓|主持|审定|谋划|督查)"
)
# The Party's leadership of the rule-of-law work, as a heading names it (issue 11, item 5: 强化政治引领,
# 加强组织领导, 坚持党对法治政府建设的领导). Only the heading's first sentence counts (a run-in heading's body
# may mention anything). Not 以…为引领 (a framing) nor 压实执法责任 (the enforcement duty of a measures part).
PARTY_LEAD_RE = re.compile(
    r"党的(?:全面|集中统一)?领导|党对[^，。,]{0,12}领导|政治引领|组织领导|(?:加强|强化)领导|领导责任|"
    r"(?:加强|强化)[^，。,]{0,10}?(?:建设|工作)的?领导(?!干部|小组)|"
    r"压实(?:法治(?:政府)?建设|主体|领导|党政)?责任|压紧压实|主体责任"
)
# The duty named in so many words, as a heading at any level names it (a narrower list than LEADER_DUTY_RE:
# 坚持领导带头 heads a measures sub-part on cadres' study in the corpus).
NAMED_DUTY_RE = re.compile(r"第一责任人|党政主要负责人|主要负责人(?:职责|履职)|述法|四个亲自|关键少数")
LEAD_SENTENCE_CHARS = 80  # the lead sentence of a sub-part, where it says what the sub-part is about
INLINE_OPENING_MIN_CHARS = 30  # text after an addressee on its line that makes the line the opening
CLOSING_RE = re.compile(r"^(?:特此报告|特此汇报|以上报告|专此报告)[。！!]?$")


def part_prior(paragraphs: list[Paragraph], proba: np.ndarray, labels: tuple[str, ...]) -> np.ndarray:
    """``proba`` re-weighted by the part the nearest part-naming heading (the paragraph itself, if a
    heading, then its enclosing headings, innermost first) announces; rows renormalised."""
    out = proba.copy()
    levels = {}
    for p in paragraphs:
        if p.heading_level is not None:
            levels.setdefault(p.norm, p.heading_level)
    for i, p in enumerate(paragraphs):
        if p.debris:
            continue
        chain = ([p.norm] if p.heading_level is not None else []) + p.headings[::-1]
        for k, h in enumerate(chain):
            parts = heading_parts(h, levels.get(h, 1))
            if len(parts) == 1:
                # the heading that names the part is that part; what lies under it may also be a sub-part
                allowed = {parts[0]} if k == 0 and p.heading_level is not None else PART_ALLOWS[parts[0]]
            elif is_merged(parts):
                allowed = MERGED_ALLOWS[frozenset(parts)]
            else:
                continue
            mask = np.array([lab not in allowed for lab in labels])
            out[i, mask] *= PRIOR_FACTOR
            break
    return out / out.sum(axis=1, keepdims=True)


def _opens_with_part_number(p: Paragraph) -> bool:
    marker = heading_marker(p.norm) if not p.debris else None
    return marker is not None and marker[0] <= 2


def opening_prior(paragraphs: list[Paragraph], proba: np.ndarray, labels: tuple[str, ...]) -> np.ndarray:
    """``proba`` with the preamble bounded to the paragraphs before the first heading (see the module
    docstring); unchanged for a report without headings."""
    # the first heading, or the first line that opens with a part's number though too long to be one
    first = next(
        (i for i, p in enumerate(paragraphs) if p.heading_level is not None or _opens_with_part_number(p)), None
    )
    if first is None or "preamble" not in labels:
        return proba
    out = proba.copy()
    k = labels.index("preamble")
    before = [labels.index(lab) for lab in ("measures", "shortcomings") if lab in labels]
    # before a part heading (一、 or （一）) nothing is a part's content yet: a lead's bulleted highlights
    # (--成功创建…) are the preamble however measures-like their words
    strong = (paragraphs[first].heading_level or 1) <= 2
    if strong and "leadership" in labels:
        before.append(labels.index("leadership"))
    formula = [labels.index("other")] if "other" in labels else []
    for i, p in enumerate(paragraphs):
        if i < first:
            out[i, before] *= FORMULA_FACTOR if strong else PRIOR_FACTOR
            if not p.debris and OPENING_FORMULA_RE.search(p.norm) and is_body(p):
                out[i, formula] *= FORMULA_FACTOR  # 现将…报告如下 is the preamble, on the first line too
        else:  # a numbered heading opens a part: never the preamble, however framing its words
            out[i, k] *= FORMULA_FACTOR if p.heading_level is not None else PRIOR_FACTOR
    return out / out.sum(axis=1, keepdims=True)


def _addressee_and_opening(line: str) -> bool:
    """县委、县政府：2024年，我镇坚持…: the addressee and the opening on one line, the preamble (FORMAT.md, 2)."""
    m = ADDRESSEE_RE.match(line)
    rest = line[m.end() :] if m else ""
    return len(rest) >= INLINE_OPENING_MIN_CHARS and bool(re.search(r"[，。]", rest))


def head_lines(paragraphs: list[Paragraph]) -> set[int]:
    """Indices of the paragraphs before the opening (the first sentence or heading of the report proper):
    titles, addressee, a name or category alone."""
    out: set[int] = set()
    for i, p in enumerate(paragraphs):
        if p.debris:
            continue
        if is_body(p) or _addressee_and_opening(p.norm):
            break
        out.add(i)
    return out if len(out) < len(paragraphs) else set()


def heading_groups(paragraphs: list[Paragraph]) -> list[list[int]]:
    """Indices of each heading with the non-heading paragraphs that follow it (debris excluded)."""
    groups: list[list[int]] = []
    current: list[int] | None = None
    for i, p in enumerate(paragraphs):
        if p.debris:
            continue
        if p.heading_level is not None:
            current = [i]
            groups.append(current)
        elif current is not None:
            current.append(i)
    return groups


def _split_at_plans(groups: list[list[int]], paragraphs: list[Paragraph], year: int | None) -> list[list[int]]:
    """Heading groups cut where a paragraph inside them opens the plans part: 下一步，我们将… after the
    last problem under a heading, and the two sides are not smoothed together."""
    out = []
    for group in groups:
        start = 0
        for j in range(1, len(group)):
            if opens_plans(paragraphs[group[j]], year):
                out.append(group[start:j])
                start = j
        out.append(group[start:])
    return out


def _subtree_end(paragraphs: list[Paragraph], i: int) -> int:
    """Index of the next heading at heading ``i``'s level or higher (the end of what lies under it)."""
    level = paragraphs[i].heading_level
    return next(
        (
            j
            for j in range(i + 1, len(paragraphs))
            if paragraphs[j].heading_level is not None and level is not None and paragraphs[j].heading_level <= level
        ),
        len(paragraphs),
    )


def _first_under(paragraphs: list[Paragraph], i: int, pred: list[str]) -> list[int]:
    """The first paragraph under heading ``i`` that is not ``other``, as a one-item list; [] when none is."""
    return next(
        ([j] for j in range(i + 1, _subtree_end(paragraphs, i)) if not paragraphs[j].debris and pred[j] != "other"), []
    )


def _bare_headings_follow_their_subtree(
    paragraphs: list[Paragraph], pred: list[str], logp: np.ndarray, labels: tuple[str, ...]
) -> None:
    """A heading with no body of its own (the next paragraph is a deeper heading) reads alone; it takes the
    label most of its subtree's members (not ``other``) carry, unless it names its part itself."""
    for i, p in enumerate(paragraphs):
        if p.heading_level is None or heading_parts(p.norm, p.heading_level):
            continue
        nxt = next((j for j in range(i + 1, len(paragraphs)) if not paragraphs[j].debris), None)
        if nxt is None or paragraphs[nxt].heading_level is None or paragraphs[nxt].heading_level <= p.heading_level:
            continue
        members = [
            j for j in range(nxt, _subtree_end(paragraphs, i)) if not paragraphs[j].debris and pred[j] != "other"
        ]
        if not members:
            continue
        counts = Counter(pred[j] for j in members)
        # most members; a tie between a leadership and a measures sub-part is the measures part (FORMAT.md, 4)
        pred[i] = max(counts, key=lambda lab: (counts[lab], lab == "measures", logp[i, labels.index(lab)]))


def _names_party_leadership(heading: str) -> bool:
    return bool(PARTY_LEAD_RE.search(heading.split("。")[0]))


def leadership_needs_a_cue(paragraphs: list[Paragraph], pred: list[str], head: set[int]) -> None:
    """``leadership`` becomes ``measures`` where neither the line's heading chain nor the lead sentence of its
    innermost part names the leaders' own duty or the Party's leadership of the work (module docstring);
    ``head``: the indices of ``head_lines``."""
    top = {p.norm: pred[i] for i, p in enumerate(paragraphs) if p.heading_level == 1}
    lead: dict[str, str] = {}  # a heading's text -> the opening of the body paragraph right after it
    for p, q in zip(paragraphs, paragraphs[1:]):
        if p.heading_level is not None and q.heading_level is None and not q.debris:
            lead.setdefault(p.norm, q.norm[:LEAD_SENTENCE_CHARS])
    # a report whose title names the duty (…暨主要负责人履行推进法治建设第一责任人职责情况报告) is mostly the
    # leadership part: there only sub-parts of a measures part are checked
    everywhere = not any(LEADER_DUTY_RE.search(paragraphs[i].norm) for i in head)
    for i, p in enumerate(paragraphs):
        if pred[i] != "leadership":
            continue
        parts = [h for h in p.headings if h in top]
        if not everywhere and (not parts or top[parts[0]] != "measures"):
            continue
        if not parts and p.heading_level is None:
            continue  # a report without part headings: the model's labels stand
        chain = ([p.norm] if p.heading_level is not None else []) + list(p.headings)
        if any(
            LEADER_DUTY_RE.search(h) or _names_party_leadership(h) or "leadership" in heading_parts(h, 1) for h in chain
        ):
            continue
        innermost = p.norm if p.heading_level is not None else p.headings[-1]
        if LEADER_DUTY_RE.search(lead.get(innermost, "")):
            continue
        pred[i] = "measures"


def party_leadership_parts(paragraphs: list[Paragraph], pred: list[str]) -> None:
    """A part heading that names the Party's leadership of the work (一、加强党对法治政府建设的领导), or a heading
    at any level that names the leaders' duty in so many words ((一)加强组织领导，切实履行第一责任人职责), and
    the ``measures`` lines under it become ``leadership`` (module docstring)."""
    for i, p in enumerate(paragraphs):
        if p.heading_level is None or pred[i] not in ("measures", "leadership"):
            continue
        heading = p.norm.split("。")[0]
        if not (NAMED_DUTY_RE.search(heading) or p.heading_level == 1 and _names_party_leadership(heading)):
            continue
        for j in range(i, _subtree_end(paragraphs, i)):
            if pred[j] == "measures":
                pred[j] = "leadership"


def smooth_sections(
    paragraphs: list[Paragraph], proba: np.ndarray, labels: tuple[str, ...], year: int | None = None
) -> list[str]:
    """Section labels for ``paragraphs`` of a report about ``year`` from per-paragraph probabilities:
    part priors, plans evidence, the head, then agreement within heading groups."""
    proba = opening_prior(paragraphs, part_prior(paragraphs, proba, labels), labels)
    for label, evidence in (
        ("plans", plans_evidence(paragraphs, year)),
        ("shortcomings", shortcomings_evidence(paragraphs)),
        ("other", other_evidence(paragraphs)),
    ):
        if label in labels:
            k = labels.index(label)
            for i, ok in enumerate(evidence):
                if not ok:
                    proba[i, k] *= PLANS_FACTOR
            proba = proba / proba.sum(axis=1, keepdims=True)
    pred = [labels[k] for k in proba.argmax(axis=1)]
    other = labels.index("other") if "other" in labels else -1
    logp = np.log(np.clip(proba, 1e-9, 1.0))
    merged_alone = []  # merged headings whose sub-headings follow at once: decided once those are smoothed
    for group in _split_at_plans(heading_groups(paragraphs), paragraphs, year):
        head = paragraphs[group[0]]
        if is_merged(heading_parts(head.norm, head.heading_level)):
            content = [i for i in group[1:] if pred[i] != "other"]
            if content:
                pred[group[0]] = pred[content[0]]  # a merged heading takes its first content's label
            else:
                merged_alone.append(group[0])
            continue
        members = [i for i in group if pred[i] != "other"]
        if len(members) < 2:
            continue
        score = logp[members].sum(axis=0)
        if other >= 0:
            score[other] = -np.inf
        label = labels[int(score.argmax())]
        for i in members:
            pred[i] = label
    for i in merged_alone:  # the first content under it
        if content := _first_under(paragraphs, i, pred):
            pred[i] = pred[content[0]]
    _bare_headings_follow_their_subtree(paragraphs, pred, logp, labels)
    head = head_lines(paragraphs)
    leadership_needs_a_cue(paragraphs, pred, head)
    party_leadership_parts(paragraphs, pred)
    if other >= 0:
        for i in head:
            pred[i] = "other"
        start = next((i for i, p in enumerate(paragraphs) if i not in head and not p.debris), None)
        if "preamble" in labels and start is not None and _addressee_and_opening(paragraphs[start].norm):
            pred[start] = "preamble"  # the opening, though the models learnt the addressee as other
        for i, p in enumerate(paragraphs):
            if CLOSING_RE.match(p.norm):
                pred[i] = "other"
    return pred


def split_items(text: str) -> list[str]:
    """The items of a dense paragraph (at least two): its list items (一是…二是…), else the problems it chains
    with ；; else []."""
    if len(text) < ITEM_MIN_CHARS:
        return []
    items = [s.strip() for s in ITEM_SPLIT_RE.split(text) if s.strip()]
    if len(items) >= 2:
        return items
    clauses = [s.strip() for s in re.split(r"(?<=；)", text) if len(s.strip()) >= 8]
    return clauses if len(clauses) >= SEMICOLON_ITEMS_MIN else []
