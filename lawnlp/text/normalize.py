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
