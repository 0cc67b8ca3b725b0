"""Faithfulness of briefs: every number a brief gives must be in the report with the same unit.

``numbers_not_in(text, source)`` lists the numbers of ``text`` the source lacks; ``guard_numbers`` repairs or
drops the clauses of a rewritten brief whose numbers are not in the report, and scrubs private data.
"""

from __future__ import annotations

import re

from lawnlp.text.normalize import normalize
from lawnlp.text.patterns import NUMBER_RE, cn_year
from lawnlp.text.privacy import find_private, scrub

CLAUSE_RE = re.compile(r"[^，。；：、,;:]+[，。；：、,;:]?")


def normalize_text(text: str) -> str:
    """The normalised form used for faithfulness checks: each line as paragraphs' ``norm``, with years
    written in Chinese numerals (二〇二四年) also in digits."""
    return "\n".join(cn_year(normalize(line)) for line in text.splitlines() if line.strip())


def numbers_not_in(text: str, source: str) -> list[str]:
    """Numbers in ``text`` that do not appear in ``source`` with the same unit (or at all): each number
    is checked together with the character after it (2024年, 46份, 98.2%), as a whole number."""
    src = normalize_text(source)
    text = normalize_text(text)
    bad = []
    for m in NUMBER_RE.finditer(text):
        unit = text[m.end() : m.end() + 1]
        unit = unit if unit and not unit.isspace() and unit not in "，。；、：,.;)）" else ""
        pat = rf"(?<![\d.]){re.escape(m.group())}(?![\d]|\.\d)" + (re.escape(unit) if unit else "")
        if not re.search(pat, src):
            bad.append(m.group() + unit)
    return bad


# -- sentences, clauses and their scores --------------------------------------------------------------


def _repair(clause: str, source: str) -> str | None:
    """``clause`` with each number not in ``source`` replaced by the one figure of the same wording and
    unit the source has, or None when a number cannot be repaired that way."""
    out = clause
    for m in reversed(list(NUMBER_RE.finditer(clause))):
        unit = clause[m.end() : m.end() + 1]
        if not numbers_not_in(m.group() + unit, source):
            continue
        words = re.search(r"[\u4e00-\u9fff]{2,6}$", clause[: m.start()])
        if not words or not re.match(r"[\u4e00-\u9fff%]", unit):
            return None
        found = set(re.findall(re.escape(words.group()) + r"(\d+(?:\.\d+)?)" + re.escape(unit), source))
        if len(found) != 1:
            return None
        out = out[: m.start()] + found.pop() + out[m.end() :]
    return None if numbers_not_in(out, source) else out


def guard_numbers(output: str, source: str) -> str:
    """``output`` with every clause whose numbers are not in ``source`` repaired or dropped, and private
    data scrubbed (dropped where the source had it)."""
    src = normalize_text(source)
    private = set(find_private(source))
    kept: list[str] = []
    for clause in CLAUSE_RE.findall(normalize_text(output).replace("\n", "")):
        body = clause.rstrip("，。；：、,;:")
        if not body.strip():
            continue
        if any(p in body for p in private):
            continue
        if numbers_not_in(body, src):
            fixed = _repair(body, src)
            if fixed is None:
                continue
            clause = fixed + clause[len(body) :]
        kept.append(clause)
    text = "".join(kept)
    text = re.sub(r"[，；：、,;:]+$", "。", text) if text else text
    return scrub(text)
