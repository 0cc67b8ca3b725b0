"""Normalisation of one line for analysis: artefacts removed, simplified characters, full-width Chinese
punctuation, ASCII digits and letters. ``Paragraph.norm`` is this form; ``Paragraph.text`` keeps the original."""

from __future__ import annotations

import re
from functools import lru_cache

# Word-processor and conversion artefacts, removed from the text (never spanning lines); also the pinyin
# that some copy sites print after characters (內(nèi)蒙古): a bracketed syllable with a tone mark after a
# Chinese character.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
ARTEFACT_RE = re.compile(
    r"\[(?:bookmark|image|footnote|endnote|comment|Toc)[:：_][^\]\n]*\]|[\u200b-\u200f\u2060\ufeff]"
    rf"|(?<=[\u4e00-\u9fff])[（(][a-zü]{{0,5}}[{_TONED}][a-zü]{{0,5}}[)）]",
    re.IGNORECASE,
)

_HALF_TO_FULL = {",": "，", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"}
_FULL_TO_HALF = {
    chr(c): chr(c - 0xFEE0)
    for c in list(range(0xFF10, 0xFF1A)) + list(range(0xFF21, 0xFF3B)) + list(range(0xFF41, 0xFF5B))
}
_FULL_TO_HALF["\u3000"] = " "
_FULL_TO_HALF["．"] = "."  # full-width full stop: 1．  (list markers); 。 stays


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def strip_artefacts(text: str) -> str:
    """Remove word-processor artefacts (``[bookmark: _GoBack]``) and invisible characters."""
    return ARTEFACT_RE.sub("", text)


def normalize(text: str) -> str:
    """Normalised form of one line for analysis: t2s, full-width punctuation, ASCII digits and letters."""
    text = strip_artefacts(text)
    text = "".join(_FULL_TO_HALF.get(ch, ch) for ch in text)
    # Half-width punctuation between Chinese text becomes full-width; a colon or comma between digits stays.
    text = re.sub(r"(?<!\d)[,:](?!\d)|[;()?!]", lambda m: _HALF_TO_FULL.get(m.group(), "："), text)
    if re.search(r"[\u4e00-\u9fff]", text):
        text = _t2s().convert(text)
    return text.strip()


def printed_spelling(names: list[str | None], texts: list[str]) -> list[str | None]:
    """``names`` (found in the simplified normalised text) spelt as the page prints their characters: on a page in
    traditional characters 湘潭县卫生健康局 comes back as 湘潭縣衛生健康局, as an annotator copies it. One pass
    over the page serves every name.

    Each character takes the spelling the page gives it most often where t2s maps the page's character onto it
    (lines whose conversion keeps their length; nearly all do), so a name put together from two places on the
    page (a place from the 来源 line, a department from the body) is spelt right too. Characters the page never
    prints stay as they are."""
    wanted = set("".join(n for n in names if n))
    if not wanted:
        return list(names)
    seen: dict[str, dict[str, int]] = {}
    conv = _t2s()
    for text in texts:
        if not re.search(r"[\u4e00-\u9fff]", text):
            continue
        simple = conv.convert(text)
        if len(simple) != len(text):
            continue
        for printed, ch in zip(text, simple):
            if ch in wanted:
                counts = seen.setdefault(ch, {})
                counts[printed] = counts.get(printed, 0) + 1
    spelt = {ch: max(counts.items(), key=lambda kv: kv[1])[0] for ch, counts in seen.items()}
    return ["".join(spelt.get(ch, ch) for ch in name) if name else name for name in names]


def name_key(name: str | None) -> str | None:
    """A body's name in one spelling (simplified), for grouping reports by body across scripts."""
    return normalize(name) if name else name
