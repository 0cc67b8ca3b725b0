"""What the reader produces, and the helpers every format shares."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lawnlp.config import READING
from lawnlp.errors import ReportError


@dataclass(frozen=True)
class Document:
    """The text of one report as read, before any normalisation."""

    text: str
    source: str  # file path, or "<text>" / "<bytes>" (or the name given)
    format: str  # "txt", "docx", "html" or "pdf"
    encoding: str | None = None


def newlines(text: str) -> str:
    """\\r\\n and \\r to \\n."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def reason(exc: BaseException) -> str:
    """A short human reason for an exception from a dependency."""
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    text = " ".join(str(text).split())
    return text[:200]


_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def check_text(text: str, label: str) -> None:
    """Refuse empty text and text that is really binary data."""
    if not text.strip():
        raise ReportError("empty report", label)
    if "\x00" in text or len(_CONTROL_RE.findall(text)) > READING.max_control_char_share * len(text):
        raise ReportError("binary data, not a text report", label)


# -- compatibility forms ---------------------------------------------------------------------------------
# Characters that text layers (PDF above all, and text copied out of PDFs) write in place of ordinary ones:
# Kangxi radicals (⼀ ⼆ ⼯ ⾏ for 一 二 工 行), CJK compatibility ideographs, vertical and small punctuation
# forms, circled/parenthesised CJK numbers (㈠ -> (一)), Latin ligatures and odd spaces. Each becomes its NFKC
# form. Other NFKC changes are left out on purpose: full-width punctuation and letters (lawnlp.text.normalize
# handles them and Paragraph.text keeps them as written), ① (a list marker of its own), ㎡, ², … and ™.
_NFKC_RANGES = (
    (0x00A0, 0x00A0),  # no-break space
    (0x2000, 0x200A),  # en/em/thin spaces
    (0x202F, 0x202F),
    (0x205F, 0x205F),
    (0x2F00, 0x2FD5),  # Kangxi radicals
    (0x3200, 0x3243),  # parenthesised CJK: ㈠ ㈡ … ㈩
    (0xF900, 0xFAD9),  # CJK compatibility ideographs
    (0xFB00, 0xFB06),  # ﬁ ﬂ ligatures
    (0xFE10, 0xFE19),  # vertical forms ︐ ︑ ︒
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFE50, 0xFE6B),  # small form variants
    (0x2F800, 0x2FA1D),  # CJK compatibility ideographs supplement
)
# CJK radicals supplement: no NFKC mapping, but fonts map the simplified character glyphs to them.
_RADICALS = dict(
    zip(
        "⺠⺩⻄⻅⻆⻉⻋⻓⻔⻘⻙⻚⻛⻜⻝⻢⻣⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳",
        "民王西见角贝车长门青韦页风飞食马骨鱼鸟卤麦黄黾齐齿龙龟",
    )
)


def _compat_table() -> dict[int, str]:
    import unicodedata

    table: dict[int, str] = {}
    for lo, hi in _NFKC_RANGES:
        for cp in range(lo, hi + 1):
            form = unicodedata.normalize("NFKC", chr(cp))
            if form != chr(cp):
                table[cp] = form
    table.update({ord(k): v for k, v in _RADICALS.items()})
    return table


_COMPAT = _compat_table()


def compatibility_forms(text: str) -> str:
    """Kangxi radicals and other compatibility forms to ordinary characters (NFKC of those ranges only)."""
    return text if text.isascii() else text.translate(_COMPAT)
