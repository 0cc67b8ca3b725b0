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
