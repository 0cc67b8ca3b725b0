"""PDF: the text layer of every page, its wrapped lines joined back into paragraphs (scanned PDFs without
a text layer are refused; no OCR).

pypdf opens the file (and decrypts it: AES needs the ``cryptography`` package; an empty user password is
tried, a PDF that needs a real password is refused with a message saying so). pdfplumber then reads
each page's lines with their positions, and a line is joined to the one before it when that one runs
to the right margin and this one is neither indented, centred nor a numbered heading (a wrapped title:
two lines in the same larger size). Compatibility characters (Kangxi radicals ⼀ ⼆ ⼯ ⾏ …) are made
ordinary by ``lawnlp.reading.compatibility_forms``, as for every format.

Why pdfplumber for the lines: on 15 corpus reports typeset as A4 PDFs the way word processors do (two-
character first-line indents, wrapped lines, centred title, page numbers; reportlab, CJK font), the
paragraphs rebuilt match the report's lines with F1 0.89 from pdfplumber's positions against 0.55
from pypdf's text with the best text-only joining (line lengths and leading spaces), at 0.04 s against
0.008 s a report. pypdf's text is the fallback where pdfplumber fails on a page.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from typing import Any

from lawnlp.errors import ReportError
from lawnlp.reading.document import Document, newlines, reason

# A page number alone on a line (- 3 -, — 3 —, 3, 第3页, 第 3 页 共 9 页).
PAGE_NUMBER_RE = re.compile(r"^[-—–－\s]*\d{1,4}[-—–－\s]*$|^第\s*\d+\s*页(?:\s*[，,]?\s*共\s*\d+\s*页)?$")
SENTENCE_END = "。！？；：!?;:"
# A line that starts a heading or an item, never the continuation of a wrapped line.
_MARKER_RE = re.compile(
    r"^\s*(?:第[一二三四五六七八九十]{1,3}(?:部分|章|篇)|[一二三四五六七八九十]{1,3}\s*[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]"
    r"|\d{1,2}\s*[、.．](?!\d)|[一二三四五六七八九十]{1,3}是|[①②③④⑤⑥⑦⑧⑨⑩])"
)
_QUIET = ("pypdf", "pdfminer", "pdfplumber")


def read_pdf(data: bytes, label: str) -> Document:
    """The text of a PDF, one paragraph per line, wrapped lines joined."""
    loggers = [logging.getLogger(name) for name in _QUIET]
    levels = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.ERROR)  # the PDF libraries warn loudly about harmless damage
    try:
        return _read_pdf_quiet(data, label)
    finally:
        for lg, level in zip(loggers, levels):
            lg.setLevel(level)


def _open(data: bytes, label: str) -> Any:
    """The pypdf reader, decrypted with the empty user password where the file is encrypted."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
    except Exception as exc:
        raise ReportError(f"corrupt PDF: {reason(exc)}", label) from None
    if encrypted:
        try:
            opened = reader.decrypt("")
        except DependencyError as exc:  # pragma: no cover - cryptography is a dependency
            raise ReportError(f"encrypted PDF: {reason(exc)}; pip install cryptography", label) from None
        except Exception as exc:
            raise ReportError(f"encrypted PDF that cannot be opened: {reason(exc)}", label) from None
        if not opened:
            raise ReportError(
                "PDF is protected by a password; remove the password (e.g. qpdf --decrypt "
                "--password=... in.pdf out.pdf) or save it as .docx/.txt, then try again",
                label,
            )
    return reader


def _read_pdf_quiet(data: bytes, label: str) -> Document:
    reader = _open(data, label)
    try:
        count = len(reader.pages)
    except Exception as exc:
        raise ReportError(f"corrupt PDF: {reason(exc)}", label) from None
    pages: list[list[str]] | None = None
    try:
        pages = _layout_lines(data, count)
    except Exception:
        pages = None  # pdfplumber could not read it: pypdf's text, lines as they come
    if pages is None:
        pages = []
        for number in range(count):
            try:
                pages.append(_plain_lines(reader.pages[number].extract_text() or ""))
            except Exception as exc:
                raise ReportError(f"corrupt PDF: page {number + 1}: {reason(exc)}", label) from None
    text = newlines("\n".join(line for page in pages for line in page))
    if not text.strip():
        raise ReportError("PDF has no text layer (scanned?); no OCR: use a PDF with text, or .docx/.txt", label)
    return Document(text=text, source=label, format="pdf", encoding=None)


def _plain_lines(text: str) -> list[str]:
    return [line.strip() for line in newlines(text).split("\n") if line.strip()]


def _layout_lines(data: bytes, count: int) -> list[list[str]]:
    """The paragraphs from pdfplumber's lines and positions (see the module docstring); a paragraph that
    runs on to the next page is continued there. One list, returned as one page."""
    import pdfplumber

    paragraphs: list[str] = []
    carry_on = False  # the last line of the previous page ran to the margin
    with pdfplumber.open(io.BytesIO(data), password="") as pdf:
        for page in pdf.pages[:count]:
            lines = [ln for ln in page.extract_text_lines() if ln["text"].strip()]
            lines = [ln for ln in lines if not PAGE_NUMBER_RE.match(ln["text"].strip())]
            if lines:
                carry_on = _join_page(lines, paragraphs, carry_on)
    return [paragraphs]


def _size(line: dict) -> float:
    sizes = Counter(round(c.get("size", 0)) for c in line.get("chars", []))
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _join_page(lines: list[dict], out: list[str], carry_on: bool) -> bool:
    """Add one page's lines to the paragraphs ``out``; True when its last line runs to the margin."""
    body = Counter(_size(ln) for ln in lines).most_common(1)[0][0] or 10.0
    left = min(ln["x0"] for ln in lines)
    right = max(ln["x1"] for ln in lines)

    def indented(ln: dict) -> bool:
        return ln["x0"] >= left + 1.5 * body

    def centred(ln: dict) -> bool:
        return indented(ln) and abs((ln["x0"] - left) - (right - ln["x1"])) < 2 * body

    def full(ln: dict) -> bool:
        return ln["x1"] >= right - 1.5 * body

    prev: dict | None = None
    for ln in lines:
        text = ln["text"].strip()
        starts = bool(_MARKER_RE.match(text))
        if prev is None:
            joined = carry_on and bool(out) and not indented(ln) and not starts  # runs on from the last page
        else:
            wrapped = full(prev) and not indented(ln) and not starts
            # a title in a larger size, wrapped over centred lines
            title = _size(ln) == _size(prev) > body and not starts and out[-1][-1:] not in SENTENCE_END
            joined = wrapped or title
        if joined:
            out[-1] += text
        else:
            out.append(text)
        prev = ln
    return prev is not None and full(prev) and not centred(prev)
