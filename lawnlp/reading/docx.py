"""Word .docx: paragraphs and table cells in document order, with zip-bomb and corruption guards."""

from __future__ import annotations

import io
from typing import Any

from lawnlp.config import READING
from lawnlp.errors import ReportError
from lawnlp.reading.document import Document, newlines, reason


def read_docx(data: bytes, label: str) -> Document:
    """Paragraphs (and table cells, in document order) of a .docx, one per line."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except zipfile.BadZipFile as exc:
        raise ReportError(f"corrupt .docx: not a valid zip archive ({reason(exc)})", label) from None
    except Exception as exc:
        raise ReportError(f"corrupt .docx: {reason(exc)}", label) from None

    limit, max_ratio = READING.max_docx_uncompressed, READING.max_docx_ratio
    total = sum(info.file_size for info in infos)
    if total > limit:
        raise ReportError(f"zip bomb? .docx uncompressed size is {total} bytes (limit {limit} bytes)", label)
    for info in infos:
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > max_ratio:
            raise ReportError(
                f"zip bomb? .docx member {info.filename!r} has compression ratio {ratio:.0f} (limit {max_ratio})",
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
    except Exception as exc:
        raise ReportError(f"corrupt .docx: {reason(exc)}", label) from None
    text = newlines("\n".join(lines))
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
    SKIP = {
        qn("w:txbxContent"),
        qn("w:del"),
        qn("w:pPr"),
        qn("w:rPr"),
        qn("w:instrText"),
        "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
    }
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
