"""Files and bytes to text; every input error is raised here as ReportError."""

from __future__ import annotations

import codecs
import io
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from typing import Any

from lawnlp import defaults


class ReportError(ValueError):
    """A report could not be read or parsed. The message names the source (file) and, if known, the line."""

    def __init__(self, message: str, source: str | None = None, line: int | None = None):
        self.message, self.source, self.line = message, source, line
        where = source or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Document:
    """The text of one report as read, before any normalisation."""

    text: str
    source: str          # file path, or "<text>" / "<bytes>"
    format: str          # "txt", "docx", "html" or "pdf"
    encoding: str | None = None


# --------------------------------------------------------------------------- entry point

_EXTENSIONS = {".txt": "txt", ".text": "txt", ".docx": "docx", ".html": "html", ".htm": "html", ".pdf": "pdf"}
_PATHLIKE_SUFFIXES = (".txt", ".docx", ".html", ".htm", ".pdf")


def read_document(
    source: str | bytes | os.PathLike,
    *,
    name: str | None = None,
    max_bytes: int = defaults.MAX_INPUT_BYTES,
) -> Document:
    """Read a report from a path, raw bytes, or the report text itself.

    A ``str`` without newlines of at most ``defaults.MAX_PATH_CHARS`` characters that names an existing
    file is a path; one that looks like a report file name (.txt/.docx/.html/.htm/.pdf) but does not
    exist raises ``ReportError("file not found")``; any other ``str`` is the text. ``name`` replaces the
    source label ("<text>", "<bytes>" or the path) in the Document and in errors.
    Raises ReportError for every problem with the input.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        label = name if name is not None else "<bytes>"
        if len(data) > max_bytes:
            raise ReportError(f"input too large: {len(data)} bytes (limit {max_bytes} bytes)", label)
        return _from_bytes(data, label, _format_hint(name))
    if isinstance(source, str):
        if _looks_like_path(source):
            if os.path.isfile(source) or os.path.isdir(source):
                return _read_path(source, name, max_bytes)
            if source.strip().lower().endswith(_PATHLIKE_SUFFIXES):
                raise ReportError("file not found", name if name is not None else source)
        return _from_str(source, name if name is not None else "<text>", max_bytes)
    if isinstance(source, os.PathLike):
        return _read_path(os.fsdecode(os.fspath(source)), name, max_bytes)
    raise TypeError(f"read_document() takes a path, bytes or str, not {type(source).__name__}")


def _looks_like_path(text: str) -> bool:
    """True when a str could be a file name: one line, short, no NUL."""
    return (
        0 < len(text) <= defaults.MAX_PATH_CHARS
        and "\n" not in text and "\r" not in text and "\x00" not in text
    )


def _format_hint(filename: str | None) -> str | None:
    """The format implied by a file name's extension, or None."""
    if not filename:
        return None
    return _EXTENSIONS.get(os.path.splitext(filename.strip())[1].lower())


def _from_str(text: str, label: str, max_bytes: int) -> Document:
    """A str that is the report text itself."""
    size = len(text.encode("utf-8", errors="surrogatepass"))
    if size > max_bytes:
        raise ReportError(f"input too large: {size} bytes (limit {max_bytes} bytes)", label)
    text = _newlines(text)
    _check_text(text, label)
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
        raise ReportError(f"cannot read file: {_reason(exc)}", label) from None
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
        raise ReportError(f"cannot read file: {_reason(exc)}", label) from None
    if len(data) > max_bytes:
        raise ReportError(f"file too large: more than {max_bytes} bytes (limit {max_bytes} bytes)", label)
    return _from_bytes(data, label, _format_hint(path) or _format_hint(name))


def _reason(exc: BaseException) -> str:
    """A short human reason for an exception from a dependency."""
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    text = " ".join(str(text).split())
    return text[:200]


def _from_bytes(data: bytes, label: str, hint: str | None) -> Document:
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
        return _read_docx(data, label)
    if fmt == "pdf":
        return _read_pdf(data, label)
    if fmt == "html":
        return _read_html(data, label)
    text, encoding = _decode_text(data, label)
    text = _newlines(text)
    _check_text(text, label)
    return Document(text=text, source=label, format="txt", encoding=encoding)


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


def _newlines(text: str) -> str:
    """\\r\\n and \\r to \\n."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _check_text(text: str, label: str) -> None:
    """Refuse empty text and text that is really binary data."""
    if not text.strip():
        raise ReportError("empty report", label)
    if "\x00" in text or len(_CONTROL_RE.findall(text)) > defaults.MAX_CONTROL_CHAR_SHARE * len(text):
        raise ReportError("binary data, not a text report", label)


# --------------------------------------------------------------------------- text decoding

_CHINESE_ENCODINGS = ["gb18030", "gbk", "gb2312", "big5", "big5hkscs", "cp950"]
_GBK_FAMILY = {"gb18030", "gbk", "gb2312", "cp936", "euc_cn"}
_TRUSTED_DECLARED = {"gb18030", "big5", "big5hkscs", "cp950"}


def _codec_name(encoding: str) -> str | None:
    """Python's canonical codec name, or None when unknown."""
    encoding = encoding.strip().lower()
    for candidate in (encoding, encoding.removeprefix("x-")):
        try:
            return codecs.lookup(candidate).name
        except (LookupError, TypeError, ValueError):
            continue
    return None


def _decode_text(data: bytes, label: str, declared: str | None = None) -> tuple[str, str]:
    """Decode text bytes; returns (text, encoding). ``declared`` is a charset the content announced."""
    # BOMs (UTF-32 before UTF-16: its LE BOM starts with the UTF-16 LE BOM).
    boms = [
        (codecs.BOM_UTF8, "utf-8-sig", "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
    ]
    for bom, codec, reported in boms:
        if data.startswith(bom):
            body = data[len(bom):]
            return _strict(body, codec, label), reported

    if b"\x00" in data:
        guess = _bomless_utf16(data)
        if guess is None:
            raise ReportError("binary data, not a text report", label)
        return guess

    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc

    declared_codec = _codec_name(declared) if declared else None
    if declared_codec in _GBK_FAMILY:
        declared_codec = "gb18030"
    if declared_codec in _TRUSTED_DECLARED:
        try:
            return data.decode(declared_codec), declared_codec
        except UnicodeDecodeError:
            pass
    try:
        return _detect_chinese(data, label, utf8_error)
    except ReportError:
        # A page that declares some other charset (e.g. windows-1252): honour it as a last resort.
        if declared_codec and declared_codec != "utf-8":
            try:
                return data.decode(declared_codec), declared_codec
            except (UnicodeDecodeError, LookupError):
                pass
        raise


def _detect_chinese(data: bytes, label: str, utf8_error: UnicodeDecodeError) -> tuple[str, str]:
    """Not UTF-8: GB18030 or Big5, chosen by charset-normalizer; a located error when none fits."""
    if _mostly_utf8(data):
        raise _decode_error(data, "utf-8", utf8_error, label)

    candidates: list[str] = []
    for codec in ("gb18030", "big5", "big5hkscs"):
        try:
            data.decode(codec)
        except UnicodeDecodeError:
            continue
        candidates.append(codec)
    if not candidates:
        raise _best_decode_error(data, label)

    choice = _choose_chinese(data, candidates)
    if choice is None:
        raise ReportError(
            "cannot decode: bytes fit no supported encoding (UTF-8, UTF-16, GB18030/GBK, Big5) plausibly", label
        )
    return data.decode(choice), choice


def _strict(body: bytes, codec: str, label: str) -> str:
    """Decode strictly, turning the error into a located ReportError."""
    try:
        return body.decode(codec)
    except UnicodeDecodeError as exc:
        raise _decode_error(body, codec, exc, label) from None


def _line_at(data: bytes, codec: str, pos: int) -> int:
    """1-based line number of byte offset ``pos`` when ``data`` is read as ``codec``."""
    width = {"utf-16-le": 2, "utf-16-be": 2, "utf-32-le": 4, "utf-32-be": 4}.get(codec, 1)
    pos -= pos % width
    prefix = _newlines(data[:pos].decode(codec, errors="replace"))
    return prefix.count("\n") + 1


def _decode_error(data: bytes, codec: str, exc: UnicodeDecodeError, label: str) -> ReportError:
    """A 'cannot decode' ReportError located at the line of the first bad byte."""
    bad = data[exc.start:exc.start + 1]
    byte = f" 0x{bad[0]:02x}" if bad else ""
    name = {"utf-8-sig": "UTF-8", "utf-8": "UTF-8"}.get(codec, codec.upper())
    return ReportError(
        f"cannot decode as {name}: invalid byte{byte} at offset {exc.start} ({exc.reason})",
        label,
        line=_line_at(data, codec, exc.start),
    )


def _best_decode_error(data: bytes, label: str) -> ReportError:
    """No encoding decodes the bytes: report the candidate that got furthest, at its line."""
    best: tuple[int, str, UnicodeDecodeError] | None = None
    for codec in ("utf-8", "gb18030", "big5"):
        try:
            data.decode(codec)
        except UnicodeDecodeError as exc:
            if best is None or exc.start > best[0]:
                best = (exc.start, codec, exc)
    if best is None:  # pragma: no cover - a candidate decoded after all
        return ReportError("cannot decode", label)
    error = _decode_error(data, best[1], best[2], label)
    return ReportError(
        f"cannot decode: no supported encoding (UTF-8, UTF-16, GB18030/GBK, Big5) fits; {error.message}",
        label,
        line=error.line,
    )


_NON_ASCII_RE = re.compile("[^\x00-\x7f\ufffd]")


def _mostly_utf8(data: bytes) -> bool:
    """True when the bytes are UTF-8 with a few bad bytes (so the UTF-8 error is the one to report)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if not bad:
        return False
    good = len(_NON_ASCII_RE.findall(text))
    return good >= 4 * bad


def _plausible_text(text: str) -> bool:
    """Decoded text that looks like language: few controls, unassigned or private-use characters."""
    text = text[:200_000]  # a sample is enough, and keeps this fast on big files
    if not text:
        return False
    odd = 0
    for ch in text:
        cat = unicodedata.category(ch)
        if cat in ("Cn", "Co", "Cs") or (cat == "Cc" and ch not in "\t\n\r\f\v"):
            odd += 1
    return odd <= defaults.MAX_CONTROL_CHAR_SHARE * len(text)


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without BOM (the NUL bytes of ASCII characters give it away): the byte order whose
    decoding is plausible text made of ASCII, CJK and common punctuation; None when neither is."""
    if len(data) % 2:
        return None
    best: tuple[float, str, str] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        share = _text_like_share(text)
        if share >= 0.9 and _plausible_text(text) and (best is None or share > best[0]):
            best = (share, text, codec)
    return (best[1], best[2]) if best else None


def _text_like_share(text: str) -> float:
    """Share of characters (in a sample) that are ASCII text, CJK ideographs or common punctuation."""
    sample = text[:200_000]
    if not sample:
        return 0.0
    good = 0
    for ch in sample:
        o = ord(ch)
        if (
            0x20 <= o < 0x7F or ch in "\t\n\r\f"
            or 0xA0 <= o <= 0xFF
            or 0x2000 <= o <= 0x206F          # general punctuation
            or 0x2100 <= o <= 0x24FF          # letterlike, number forms, arrows, enclosed numbers
            or 0x3000 <= o <= 0x303F          # CJK symbols and punctuation
            or 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF
            or 0xFF00 <= o <= 0xFFEF          # fullwidth forms
        ):
            good += 1
    return good / len(sample)


def _choose_chinese(data: bytes, candidates: list[str]) -> str | None:
    """Pick among Chinese encodings that decode the bytes, with charset-normalizer; gb18030 on ties."""
    from charset_normalizer import from_bytes

    try:
        matches = list(from_bytes(data, cp_isolation=_CHINESE_ENCODINGS))
    except Exception:  # noqa: BLE001 - detector failure: fall back to plain rules below
        matches = []
    scored: list[tuple[float, float, str]] = []
    for match in matches:
        codec = _codec_name(match.encoding)
        if codec is None:
            continue
        codec = "gb18030" if codec in _GBK_FAMILY else codec
        if codec in candidates:
            scored.append((match.chaos, -match.coherence, codec))
    if scored:
        best_chaos = min(s[0] for s in scored)
        tied = [s for s in scored if s[0] <= best_chaos + 0.01]
        if any(s[2] == "gb18030" for s in tied):
            return "gb18030"  # reports are mostly simplified Chinese: GBK family wins ties
        return min(tied)[2]
    # The detector judged every candidate too chaotic: accept a clearly Chinese decoding only.
    for codec in candidates:
        text = data.decode(codec)
        if _plausible_text(text) and _cjk_share(text) > 0.5:
            return codec
    return None


def _cjk_share(text: str) -> float:
    """Share of non-ASCII characters that are common CJK ideographs or CJK punctuation."""
    wide = [ch for ch in text if ord(ch) > 0x7F]
    if not wide:
        return 1.0
    good = sum(1 for ch in wide if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef")
    return good / len(wide)


# --------------------------------------------------------------------------- docx

def _read_docx(data: bytes, label: str) -> Document:
    """Paragraphs (and table cells, in document order) of a .docx, one per line."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile as exc:
        raise ReportError(f"corrupt .docx: not a valid zip archive ({_reason(exc)})", label) from None
    except Exception as exc:  # noqa: BLE001 - zipfile raises assorted errors on damaged archives
        raise ReportError(f"corrupt .docx: {_reason(exc)}", label) from None

    limit, max_ratio = defaults.MAX_DOCX_UNCOMPRESSED, defaults.MAX_DOCX_RATIO
    total = sum(info.file_size for info in infos)
    if total > limit:
        raise ReportError(
            f"zip bomb? .docx uncompressed size is {total} bytes (limit {limit} bytes)", label
        )
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > max_ratio:
            raise ReportError(
                f"zip bomb? .docx member {info.filename!r} has compression ratio {ratio:.0f} "
                f"(limit {max_ratio})",
                label,
            )
    names = {info.filename for info in infos}
    if "word/document.xml" not in names:
        raise ReportError("not a Word document: word/document.xml is missing from the .docx", label)

    try:
        import docx  # python-docx

        doc = docx.Document(io.BytesIO(data))
        lines = _docx_lines(doc.element.body)
    except ReportError:
        raise
    except Exception as exc:  # noqa: BLE001 - python-docx / lxml / zipfile errors on damaged files
        raise ReportError(f"corrupt .docx: {_reason(exc)}", label) from None
    text = _newlines("\n".join(lines))
    if not text.strip():
        raise ReportError("empty report", label)
    return Document(text=text, source=label, format="docx", encoding=None)


def _docx_lines(body: Any) -> list[str]:
    """Walk the body XML: paragraphs one per line, tables row by row, content controls descended."""
    from docx.oxml.ns import qn

    P, TBL, TR, TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
    CONTAINERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"), qn("w:ins")}

    def block(el: Any, out: list[str]) -> None:
        for child in el:
            tag = child.tag
            if tag == P:
                out.append(_docx_paragraph_text(child))
            elif tag == TBL:
                table(child, out)
            elif tag in CONTAINERS:
                block(child, out)

    def table(tbl: Any, out: list[str]) -> None:
        for row in _children(tbl, TR, CONTAINERS):
            cells: list[list[str]] = []
            for cell in _children(row, TC, CONTAINERS):
                cell_lines: list[str] = []
                block(cell, cell_lines)
                cell_lines = [line for line in cell_lines if line.strip()]
                if cell_lines:
                    cells.append(cell_lines)
            if cells and all(len(c) == 1 and "\n" not in c[0] for c in cells):
                out.append("\t".join(c[0].strip() for c in cells))
            else:
                for cell_lines in cells:
                    out.extend(cell_lines)

    lines: list[str] = []
    block(body, lines)
    return lines


def _children(el: Any, tag: str, containers: set[str]) -> list[Any]:
    """Children with ``tag``, looking through content-control wrappers."""
    found: list[Any] = []
    for child in el:
        if child.tag == tag:
            found.append(child)
        elif child.tag in containers:
            found.extend(_children(child, tag, containers))
    return found


def _docx_paragraph_text(p: Any) -> str:
    """Text of a w:p: runs (also inside hyperlinks, fields, insertions), tabs and line breaks; no text boxes."""
    from docx.oxml.ns import qn

    T, TAB, BR, CR, NBH = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen")
    SKIP = {qn("w:txbxContent"), qn("w:del"), qn("w:pPr"), qn("w:rPr"), qn("w:instrText"),
            "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"}
    parts: list[str] = []
    stack = list(reversed(list(p)))
    while stack:
        el = stack.pop()
        tag = el.tag
        if not isinstance(tag, str) or tag in SKIP:
            continue
        if tag == T:
            parts.append(el.text or "")
        elif tag == TAB:
            parts.append("\t")
        elif tag in (BR, CR):
            if el.get(qn("w:type")) in (None, "textWrapping"):
                parts.append("\n")
        elif tag == NBH:
            parts.append("-")
        else:
            stack.extend(reversed(list(el)))
    return "".join(parts)


# --------------------------------------------------------------------------- html

_REMOVE_TAGS = ["script", "style", "nav", "header", "footer", "aside", "form", "noscript", "iframe",
                "template", "svg", "button", "select", "textarea"]
_CONTENT_KEYS = ("article", "content", "zoom", "trs_editor", "custom_unionstyle", "main", "detail")
_BLOCK_TAGS = {
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "table", "ul", "ol", "dl", "dt",
    "dd", "section", "article", "main", "blockquote", "pre", "address", "figure", "figcaption", "hr",
    "caption", "tbody", "thead", "tfoot", "center", "fieldset",
}
_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]{0,500}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE
)
_SPACES_RE = re.compile(r"[^\S\n]+")


def _read_html(data: bytes, label: str) -> Document:
    """The article text of an HTML page, one block per line, navigation dropped."""
    match = _META_CHARSET_RE.search(data[:8192])
    declared = match.group(1).decode("ascii", "ignore") if match else None
    text, encoding = _decode_text(data, label, declared=declared)
    try:
        lines = _html_lines(text)
    except Exception as exc:  # noqa: BLE001 - bs4 / lxml failures on broken markup
        raise ReportError(f"cannot parse HTML: {_reason(exc)}", label) from None
    out = "\n".join(lines)
    if not out.strip():
        raise ReportError("empty report: no text in the HTML page", label)
    return Document(text=out, source=label, format="html", encoding=encoding)


def _html_lines(markup: str) -> list[str]:
    """Parse with BeautifulSoup/lxml, drop boilerplate, pick the content container, emit block lines."""
    from bs4 import BeautifulSoup, Tag

    soup = BeautifulSoup(markup, "lxml")
    body = soup.body or soup
    body_len = len(body.get_text())

    for tag in soup.find_all(_REMOVE_TAGS):
        if tag.decomposed:
            continue
        if tag.name in ("header", "footer") and tag.find_parent(["article", "main"]) is not None:
            continue  # an article's own header (its title) is content
        if tag.name == "form" and len(tag.get_text()) > 0.5 * max(body_len, 1):
            tag.unwrap()  # ASP.NET pages wrap the whole page in one <form>
            continue
        tag.decompose()
    for tag in soup.find_all(style=True):
        if not tag.decomposed and re.search(r"display\s*:\s*none", str(tag.get("style", "")), re.I):
            tag.decompose()

    root: Tag = body
    best_len = 0
    for tag in soup.find_all(_is_content_candidate):
        length = len(tag.get_text(strip=True))
        if length > best_len:
            root, best_len = tag, length
    return _block_text(root)


def _is_content_candidate(tag: Any) -> bool:
    """An element whose id/class names article content (or an <article>/<main> element)."""
    if tag.name in ("article", "main"):
        return True
    names = [tag.get("id") or ""]
    classes = tag.get("class") or []
    names.extend(classes if isinstance(classes, list) else [classes])
    key = " ".join(str(n) for n in names).lower()
    return bool(key) and any(k in key for k in _CONTENT_KEYS)


def _block_text(root: Any) -> list[str]:
    """Text of ``root`` with a line break around every block element and at <br>; spaces collapsed."""
    from bs4 import NavigableString, Tag
    from bs4.element import PreformattedString

    end = object()
    pre_end = object()
    parts: list[str] = []
    in_pre = 0
    stack: list[Any] = list(reversed(list(root.children)))
    while stack:
        node = stack.pop()
        if node is end:
            parts.append("\n")
        elif node is pre_end:
            in_pre -= 1
            parts.append("\n")
        elif isinstance(node, PreformattedString):
            continue  # comments, doctype, CDATA, processing instructions
        elif isinstance(node, NavigableString):
            parts.append(str(node) if in_pre else re.sub(r"\s+", " ", str(node)))
        elif isinstance(node, Tag):
            if node.name == "br":
                parts.append("\n")
                continue
            if node.name == "pre":
                in_pre += 1
                parts.append("\n")
                stack.append(pre_end)
            elif node.name in _BLOCK_TAGS:
                parts.append("\n")
                stack.append(end)
            stack.extend(reversed(list(node.children)))
    lines = []
    for line in _newlines("".join(parts)).split("\n"):
        line = _SPACES_RE.sub(" ", line).strip()
        if line:
            lines.append(line)
    return lines


# --------------------------------------------------------------------------- pdf

def _read_pdf(data: bytes, label: str) -> Document:
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
            except Exception:  # noqa: BLE001 - missing crypto backend, unsupported algorithm
                opened = 0
            if not opened:
                raise ReportError("PDF has no text layer (encrypted, password required)", label)
        pages = reader.pages
        count = len(pages)
    except ReportError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many exception types on damaged files
        raise ReportError(f"corrupt PDF: {_reason(exc)}", label) from None

    texts: list[str] = []
    for number in range(count):
        try:
            texts.append(pages[number].extract_text() or "")
        except Exception as exc:  # noqa: BLE001
            raise ReportError(f"corrupt PDF: page {number + 1}: {_reason(exc)}", label) from None
    text = _newlines("\n".join(texts))
    if not text.strip():
        raise ReportError("PDF has no text layer (scanned?)", label)
    return Document(text=text, source=label, format="pdf", encoding=None)


__all__ = ["Document", "ReportError", "read_document"]
