"""HTML pages: the article text, one block per line, navigation and page chrome dropped."""

from __future__ import annotations

import re
from typing import Any

from lawnlp.errors import ReportError
from lawnlp.reading.document import Document, newlines, reason
from lawnlp.reading.txt import decode_text

_REMOVE_TAGS = [
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "form",
    "noscript",
    "iframe",
    "template",
    "svg",
    "button",
    "select",
    "textarea",
]
_CONTENT_KEYS = ("article", "content", "zoom", "trs_editor", "custom_unionstyle", "main", "detail")
_BLOCK_TAGS = {
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "th",
    "tr",
    "table",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "address",
    "figure",
    "figcaption",
    "hr",
    "caption",
    "tbody",
    "thead",
    "tfoot",
    "center",
    "fieldset",
}
_META_CHARSET_RE = re.compile(rb"""<meta[^>]{0,500}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_SPACES_RE = re.compile(r"[^\S\n]+")


def read_html(data: bytes, label: str) -> Document:
    """The article text of an HTML page, one block per line, navigation dropped."""
    match = _META_CHARSET_RE.search(data[:8192])
    declared = match.group(1).decode("ascii", "ignore") if match else None
    text, encoding = decode_text(data, label, declared=declared)
    try:
        lines = _html_lines(text)
    except Exception as exc:
        raise ReportError(f"cannot parse HTML: {reason(exc)}", label) from None
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
    for line in newlines("".join(parts)).split("\n"):
        line = _SPACES_RE.sub(" ", line).strip()
        if line:
            lines.append(line)
    return lines
