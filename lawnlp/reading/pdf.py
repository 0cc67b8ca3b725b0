"""PDF: the text layer of every page (scanned PDFs without one are refused; no OCR)."""

from __future__ import annotations

import io

from lawnlp.errors import ReportError
from lawnlp.reading.document import Document, newlines, reason


def read_pdf(data: bytes, label: str) -> Document:
    """The text layer of every page, pages joined with newlines."""
    import logging

    pypdf_logger = logging.getLogger("pypdf")
    old_level = pypdf_logger.level
    pypdf_logger.setLevel(logging.ERROR)  # pypdf warns loudly about harmless damage
    try:
        return _read_pdf_quiet(data, label)
    finally:
        pypdf_logger.setLevel(old_level)


def _read_pdf_quiet(data: bytes, label: str) -> Document:
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except Exception:
                opened = 0
            if not opened:
                raise ReportError("PDF has no text layer (encrypted, password required)", label)
        pages = reader.pages
        count = len(pages)
    except ReportError:
        raise
    except Exception as exc:
        raise ReportError(f"corrupt PDF: {reason(exc)}", label) from None

    texts: list[str] = []
    for number in range(count):
        try:
            texts.append(pages[number].extract_text() or "")
        except Exception as exc:
            raise ReportError(f"corrupt PDF: page {number + 1}: {reason(exc)}", label) from None
    text = newlines("\n".join(texts))
    if not text.strip():
        raise ReportError("PDF has no text layer (scanned?)", label)
    return Document(text=text, source=label, format="pdf", encoding=None)
