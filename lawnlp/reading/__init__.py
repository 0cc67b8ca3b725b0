"""Reading reports: a path, raw bytes or the text itself to a ``Document`` (one module per format).

``read_document`` is the entry point; every problem with the input is a ``ReportError`` naming the
source and, where known, the line. ``SUFFIXES`` is the one list of report file suffixes.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import replace

from lawnlp.config import READING
from lawnlp.errors import ReportError
from lawnlp.reading.document import Document, check_text, compatibility_forms, newlines, reason

# The report file suffixes and the format each names: the only list of them.
FORMATS = {".txt": "txt", ".text": "txt", ".docx": "docx", ".html": "html", ".htm": "html", ".pdf": "pdf"}
SUFFIXES = tuple(FORMATS)


def read_document(
    source: str | bytes | os.PathLike,
    *,
    name: str | None = None,
    max_bytes: int = READING.max_bytes,
) -> Document:
    """Read a report from a path, raw bytes, or the report text itself.

    A ``str`` is a path when ``looks_like_path`` says so (one line, and it names an existing file or
    folder, or has no Chinese text, or ends with a report suffix, or holds a / or \\ but no Chinese
    punctuation); a path that does not exist raises ``ReportError("file not found …")``. Any other
    ``str`` is the report text; ``read_text`` reads a str as text whatever it looks like. ``name``
    replaces the source label ("<text>", "<bytes>" or the path) in the Document and in errors.
    Raises ReportError for every problem with the input.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        label = name if name is not None else "<bytes>"
        if len(data) > max_bytes:
            raise ReportError(f"input too large: {len(data)} bytes (limit {max_bytes} bytes)", label)
        return _from_bytes(data, label, _format_hint(name))
    if isinstance(source, str):
        if looks_like_path(source):
            if os.path.isfile(source) or os.path.isdir(source):
                return _read_path(source, name, max_bytes)
            raise ReportError(NOT_FOUND, name if name is not None else source)
        return read_text(source, name=name, max_bytes=max_bytes)
    if isinstance(source, os.PathLike):
        return _read_path(os.fsdecode(os.fspath(source)), name, max_bytes)
    raise TypeError(f"read_document() takes a path, bytes or str, not {type(source).__name__}")


NOT_FOUND = "file not found (check the path; to analyse a str as report text, pass it as text=...)"
_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u2f00-\u2fd5]")
_CHINESE_PUNCT_RE = re.compile(r"[。，；！？、：“”]")


def looks_like_path(text: str) -> bool:
    """The rule that tells a path from report text in a ``str`` (README, "Python API").

    A str is a path when it is one line (no newline, at most ``READING.max_path_chars`` characters, no
    NUL) and any of: it names an existing file or folder; it has no Chinese text at all (``nope``,
    ``/no/such/dir``); it ends with a report suffix (``青山镇2023年报告.docx``); it holds a / or \\ and
    no Chinese punctuation. Everything else, a line of Chinese sentence text above all, is text.
    """
    if not 0 < len(text) <= READING.max_path_chars or "\n" in text or "\r" in text or "\x00" in text:
        return False
    stripped = text.strip()
    if not stripped:
        return False
    if os.path.exists(text) or not _CJK_RE.search(stripped) or stripped.lower().endswith(SUFFIXES):
        return True
    return ("/" in stripped or "\\" in stripped) and not _CHINESE_PUNCT_RE.search(stripped)


def read_text(text: str, *, name: str | None = None, max_bytes: int = READING.max_bytes) -> Document:
    """A Document from a str that is the report text itself, whatever it looks like."""
    if not isinstance(text, str):
        raise TypeError(f"read_text() takes the report text as a str, not {type(text).__name__}")
    return _from_str(text, name if name is not None else "<text>", max_bytes)


def _format_hint(filename: str | None) -> str | None:
    """The format implied by a file name's extension, or None."""
    if not filename:
        return None
    return FORMATS.get(os.path.splitext(filename.strip())[1].lower())


def _from_str(text: str, label: str, max_bytes: int) -> Document:
    """A str that is the report text itself."""
    size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > max_bytes:
        raise ReportError(f"input too large: {size} bytes (limit {max_bytes} bytes)", label)
    text = compatibility_forms(newlines(text))
    check_text(text, label)
    return Document(text=text, source=label, format="txt", encoding=None)


def _read_path(path: str, name: str | None, max_bytes: int) -> Document:
    """Stat, size-check and read a file, then parse it by extension / magic bytes."""
    label = name if name is not None else path
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ReportError("file not found", label) from None
    except PermissionError:
        raise ReportError("permission denied", label) from None
    except (OSError, ValueError) as exc:
        raise ReportError(f"cannot read file: {reason(exc)}", label) from None
    if stat.S_ISDIR(st.st_mode):
        raise ReportError("is a directory", label)
    if stat.S_ISREG(st.st_mode) and st.st_size > max_bytes:
        raise ReportError(f"file too large: {st.st_size} bytes (limit {max_bytes} bytes)", label)
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise ReportError("file not found", label) from None
    except PermissionError:
        raise ReportError("permission denied", label) from None
    except IsADirectoryError:
        raise ReportError("is a directory", label) from None
    except OSError as exc:
        raise ReportError(f"cannot read file: {reason(exc)}", label) from None
    if len(data) > max_bytes:
        raise ReportError(f"file too large: more than {max_bytes} bytes (limit {max_bytes} bytes)", label)
    return _from_bytes(data, label, _format_hint(path) or _format_hint(name))


def _from_bytes(data: bytes, label: str, hint: str | None) -> Document:
    """The Document of raw content, its text with compatibility forms (Kangxi radicals …) made ordinary."""
    doc = _dispatch(data, label, hint)
    text = compatibility_forms(doc.text)
    return doc if text == doc.text else replace(doc, text=text)


def _dispatch(data: bytes, label: str, hint: str | None) -> Document:
    """Dispatch raw content on strong magic bytes, then the extension hint, then weak sniffing."""
    if not data.strip():
        raise ReportError("empty report", label)
    fmt = _sniff_strong(data)
    if fmt == "ole":
        what = "encrypted .docx or legacy Word .doc" if hint == "docx" else "legacy Word .doc (OLE) file"
        raise ReportError(f"unsupported format: {what}; save it as .docx, .txt or .pdf", label)
    if fmt == "rtf":
        raise ReportError("unsupported format: RTF; save it as .docx, .txt or .pdf", label)
    fmt = fmt or hint or _sniff_weak(data)
    if fmt == "docx":
        from lawnlp.reading.docx import read_docx

        return read_docx(data, label)
    if fmt == "pdf":
        from lawnlp.reading.pdf import read_pdf

        return read_pdf(data, label)
    if fmt == "html":
        from lawnlp.reading.html import read_html

        return read_html(data, label)
    from lawnlp.reading.txt import read_txt

    return read_txt(data, label)


def _sniff_strong(data: bytes) -> str | None:
    """Formats that magic bytes identify with certainty."""
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "docx"
    if data[:1024].lstrip(b" \t\r\n\x00\xef\xbb\xbf").startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if data.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    return None


def _sniff_weak(data: bytes) -> str:
    """HTML when ``<html`` or ``<!doctype`` appears near the start, else text."""
    head = data[:1024].replace(b"\x00", b"").lower()
    if b"<html" in head or b"<!doctype" in head:
        return "html"
    return "txt"


__all__ = ["FORMATS", "SUFFIXES", "Document", "ReportError", "looks_like_path", "read_document", "read_text"]
