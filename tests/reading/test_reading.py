"""Tests for lawnlp.reading: every fixture file is written here, under tmp_path."""

from __future__ import annotations

import io
import os
import pathlib
import zipfile
from dataclasses import replace

import pytest

import lawnlp.reading.docx as docx_reader
from lawnlp.config import READING
from lawnlp.errors import ReportError
from lawnlp.reading import Document, read_document

REPORT = (
    "青山镇2023年法治政府建设年度报告\n"
    "2023年，青山镇扎实推进法治政府建设。\n"
    "一、主要举措和成效\n"
    "（一）加强党的领导。镇党委认真履行推进法治建设第一责任人职责，统一部署，进一步压实责任。\n"
    "二、存在的不足和原因\n"
    "行政执法人员专业素质有待提高。\n"
)

TRADITIONAL = "2023年，青山鎮紮實推進法治政府建設。\n一、主要舉措和成效\n（一）加強黨的領導。\n"


def write(path: pathlib.Path, data: bytes) -> pathlib.Path:
    path.write_bytes(data)
    return path


# --------------------------------------------------------------------------- plain text encodings


@pytest.mark.parametrize(
    ("codec", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("gbk", "gb18030"),
        ("gb2312", "gb18030"),
        ("gb18030", "gb18030"),
        ("utf-16", "utf-16"),  # Python writes a BOM
        ("utf-16-le", "utf-16-le"),  # BOM-less: found from the NUL bytes
        ("utf-16-be", "utf-16-be"),
    ],
)
def test_txt_encodings_round_trip(tmp_path, codec, expected):
    path = write(tmp_path / f"report-{codec}.txt", REPORT.encode(codec))
    doc = read_document(path)
    assert isinstance(doc, Document)
    assert doc.text == REPORT
    assert doc.format == "txt"
    assert doc.encoding.startswith(expected)
    assert doc.source == str(path)


def test_utf16_with_bom_both_byte_orders(tmp_path):
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        path = write(tmp_path / f"bom-{codec}.txt", bom + REPORT.encode(codec))
        doc = read_document(path)
        assert doc.text == REPORT
        assert doc.encoding == codec


def test_gb18030_four_byte_characters(tmp_path):
    text = REPORT + "生僻字：𠮷㐀。\n"
    doc = read_document(write(tmp_path / "r.txt", text.encode("gb18030")))
    assert doc.text == text
    assert doc.encoding == "gb18030"


def test_big5(tmp_path):
    doc = read_document(write(tmp_path / "big5.txt", TRADITIONAL.encode("big5")))
    assert doc.text == TRADITIONAL
    assert doc.encoding.startswith("big5")


def test_newlines_normalised_and_nothing_else_changed(tmp_path):
    raw = "　　第一行，全角空格缩进。  \r\n第二行\r第三行\n\n第五行\t"
    doc = read_document(write(tmp_path / "r.txt", raw.encode("utf-8")))
    assert doc.text == "　　第一行，全角空格缩进。  \n第二行\n第三行\n\n第五行\t"


# --------------------------------------------------------------------------- source kinds


def test_str_text_bytes_path_and_name(tmp_path):
    doc = read_document(REPORT)
    assert (doc.text, doc.source, doc.format) == (REPORT, "<text>", "txt")
    assert read_document("一行报告文本，没有换行").text == "一行报告文本，没有换行"
    assert read_document(REPORT, name="青山镇.txt").source == "青山镇.txt"

    doc = read_document(REPORT.encode("gbk"))
    assert (doc.text, doc.source, doc.encoding) == (REPORT, "<bytes>", "gb18030")
    assert read_document(REPORT.encode(), name="upload.txt").source == "upload.txt"
    assert read_document(bytearray(REPORT.encode())).text == REPORT

    path = write(tmp_path / "r.txt", REPORT.encode())
    assert read_document(path).text == REPORT  # pathlib.Path
    assert read_document(str(path)).source == str(path)  # str naming a file
    assert read_document(str(path), name="shown.txt").source == "shown.txt"


def test_str_with_newline_is_text_even_if_it_looks_like_a_path():
    assert read_document("missing.txt\n第二行").text == "missing.txt\n第二行"


def test_wrong_type():
    with pytest.raises(TypeError):
        read_document(42)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- docx


def _make_docx() -> object:
    import docx

    d = docx.Document()
    d.add_paragraph("青山镇2023年法治政府建设年度报告")
    d.add_paragraph("2023年，青山镇扎实推进法治政府建设。")
    d.add_paragraph("一、主要举措和成效")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "指标", "数量"
    table.cell(1, 0).text, table.cell(1, 1).text = "行政复议案件", "12件"
    d.add_paragraph("二、存在的不足和原因")
    return d


DOCX_LINES = [
    "青山镇2023年法治政府建设年度报告",
    "2023年，青山镇扎实推进法治政府建设。",
    "一、主要举措和成效",
    "指标\t数量",
    "行政复议案件\t12件",
    "二、存在的不足和原因",
]


def test_docx_round_trip(tmp_path):
    path = tmp_path / "report.docx"
    _make_docx().save(str(path))
    doc = read_document(path)
    assert doc.format == "docx"
    assert doc.encoding is None
    assert [line for line in doc.text.split("\n") if line] == DOCX_LINES


def test_docx_from_bytes():
    buf = io.BytesIO()
    _make_docx().save(buf)
    doc = read_document(buf.getvalue())
    assert (doc.format, doc.source) == ("docx", "<bytes>")
    assert [line for line in doc.text.split("\n") if line] == DOCX_LINES


def test_corrupt_docx(tmp_path):
    path = write(tmp_path / "broken.docx", os.urandom(2000).replace(b"PK", b"pk"))
    with pytest.raises(ReportError, match="corrupt .docx") as err:
        read_document(path)
    assert "broken.docx" in str(err.value)


def test_truncated_docx(tmp_path):
    buf = io.BytesIO()
    _make_docx().save(buf)
    path = write(tmp_path / "cut.docx", buf.getvalue()[:3000])
    with pytest.raises(ReportError, match="corrupt .docx") as err:
        read_document(path)
    assert "cut.docx" in str(err.value)


def test_zip_bomb_ratio(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"\0" * (20 * 1024 * 1024))
    with pytest.raises(ReportError, match="compression ratio") as err:
        read_document(path)
    assert "bomb.docx" in str(err.value)


def test_zip_bomb_total_size(tmp_path, monkeypatch):
    path = tmp_path / "big.docx"
    _make_docx().save(str(path))
    monkeypatch.setattr(docx_reader, "READING", replace(READING, max_docx_uncompressed=1000))
    with pytest.raises(ReportError, match="uncompressed size") as err:
        read_document(path)
    assert "big.docx" in str(err.value)


def test_docx_without_document_xml(tmp_path):
    path = tmp_path / "nodoc.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("hello.txt", "你好")
    with pytest.raises(ReportError, match="word/document.xml") as err:
        read_document(path)
    assert "nodoc.docx" in str(err.value)


def test_empty_docx(tmp_path):
    import docx

    path = tmp_path / "blank.docx"
    docx.Document().save(str(path))
    with pytest.raises(ReportError, match="empty report") as err:
        read_document(path)
    assert "blank.docx" in str(err.value)


# --------------------------------------------------------------------------- html

PAGE = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>青山镇2023年法治政府建设年度报告</title>
<script>var menu = "脚本里的字";</script><style>.nav { color: red }</style></head>
<body>
<header><a href="/">网站首页</a> 无障碍浏览</header>
<nav><ul><li>政务公开</li><li>办事服务</li><li>互动交流</li></ul></nav>
<div class="sidebar">相关链接</div>
<div id="zoom" class="article-content">
  <h1>青山镇2023年法治政府建设年度报告</h1>
  <p>　　2023年，青山镇扎实推进法治政府建设。</p>
  <p>一、主要举措和成效</p>
  <div>（一）加强党的领导。<br>镇党委认真履行
     推进法治建设第一责任人职责。</div>
  <table><tr><td>指标</td><td>数量</td></tr></table>
  <!-- 注释不要 -->
</div>
<footer>版权所有 联系我们</footer>
</body></html>
"""

PAGE_LINES = [
    "青山镇2023年法治政府建设年度报告",
    "2023年，青山镇扎实推进法治政府建设。",
    "一、主要举措和成效",
    "（一）加强党的领导。",
    "镇党委认真履行 推进法治建设第一责任人职责。",
    "指标",
    "数量",
]


def _check_page(doc: Document) -> None:
    assert doc.format == "html"
    assert doc.text.split("\n") == PAGE_LINES
    for junk in ("网站首页", "政务公开", "脚本", "相关链接", "版权所有", "注释", "color"):
        assert junk not in doc.text


def test_html_file_with_meta_charset(tmp_path):
    doc = read_document(write(tmp_path / "page.html", PAGE.encode("gbk")))
    assert doc.encoding == "gb18030"
    _check_page(doc)


def test_html_bytes_sniffed_utf8():
    doc = read_document(PAGE.replace("gb2312", "utf-8").encode("utf-8"))
    assert doc.encoding == "utf-8"
    _check_page(doc)


def test_html_without_content_container_uses_body(tmp_path):
    page = "<html><body><nav>导航</nav><p>第一段。</p><p>第二段。</p></body></html>"
    doc = read_document(write(tmp_path / "plain.htm", page.encode()))
    assert doc.text == "第一段。\n第二段。"


def test_html_without_text(tmp_path):
    path = write(tmp_path / "nav.html", "<html><body><nav>只有导航</nav></body></html>".encode())
    with pytest.raises(ReportError, match="empty report") as err:
        read_document(path)
    assert "nav.html" in str(err.value)


# --------------------------------------------------------------------------- pdf


def _make_pdf(pages: list[list[str]]) -> bytes:
    """A minimal valid PDF: one Helvetica text stream per page (ASCII only)."""
    n = len(pages)
    font_id = 3 + 2 * n
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(n)) + b"] /Count %d >>" % n,
    ]
    for i, lines in enumerate(pages):
        ops = [b"BT /F1 12 Tf 72 720 Td 14 TL"]
        for line in lines:
            ops.append(b"(" + line.encode("ascii") + b") Tj T*")
        ops.append(b"ET")
        stream = b"\n".join(ops)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (4 + 2 * i, font_id)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_pdf_text_layer(tmp_path):
    data = _make_pdf([["Rule of law report 2023", "Main measures"], ["Shortcomings"]])
    doc = read_document(write(tmp_path / "report.pdf", data))
    assert doc.format == "pdf"
    text = doc.text
    assert "Rule of law report 2023" in text
    assert text.index("Main measures") < text.index("Shortcomings")
    assert read_document(data).format == "pdf"  # sniffed from bytes


def test_pdf_without_text_layer(tmp_path):
    path = write(tmp_path / "scan.pdf", _make_pdf([[]]))
    with pytest.raises(ReportError, match="no text layer") as err:
        read_document(path)
    assert "scan.pdf" in str(err.value)


def test_corrupt_pdf(tmp_path):
    path = write(tmp_path / "bad.pdf", b"%PDF-1.4\n" + os.urandom(500).replace(b"%%EOF", b""))
    with pytest.raises(ReportError, match="PDF") as err:
        read_document(path)
    assert "bad.pdf" in str(err.value)


def test_truncated_pdf(tmp_path):
    data = _make_pdf([["Hello world"]])
    path = write(tmp_path / "cut.pdf", data[: len(data) // 3])
    with pytest.raises(ReportError) as err:
        read_document(path)
    assert "cut.pdf" in str(err.value)


# --------------------------------------------------------------------------- bad inputs


def test_missing_file(tmp_path):
    missing = tmp_path / "nope.txt"
    for source in (missing, str(missing), "nope.docx"):
        with pytest.raises(ReportError, match="file not found") as err:
            read_document(source)
        assert "nope." in str(err.value)


def test_directory(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for source in (folder, str(folder)):
        with pytest.raises(ReportError, match="is a directory") as err:
            read_document(source)
        assert "reports" in str(err.value)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_permission_denied(tmp_path):
    path = write(tmp_path / "secret.txt", REPORT.encode())
    path.chmod(0)
    try:
        with pytest.raises(ReportError, match="permission denied") as err:
            read_document(path)
        assert "secret.txt" in str(err.value)
    finally:
        path.chmod(0o644)


def test_permission_denied_simulated(tmp_path, monkeypatch):
    import builtins

    import lawnlp.reading as reading

    path = write(tmp_path / "locked.txt", REPORT.encode())

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(reading, "open", refuse, raising=False)
    with pytest.raises(ReportError, match="permission denied") as err:
        read_document(path)
    assert "locked.txt" in str(err.value)
    monkeypatch.setattr(reading, "open", builtins.open, raising=False)
    assert read_document(path).text == REPORT


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", "　　\n".encode()])
def test_empty_and_whitespace_only(tmp_path, content):
    path = write(tmp_path / "empty.txt", content)
    with pytest.raises(ReportError, match="empty report") as err:
        read_document(path)
    assert "empty.txt" in str(err.value)


def test_empty_str_and_bytes():
    with pytest.raises(ReportError, match="empty report"):
        read_document("")
    with pytest.raises(ReportError, match="empty report"):
        read_document(b"  \n", name="blank.txt")


def test_binary_file(tmp_path):
    data = bytes(range(256)) * 4 + os.urandom(1000) + b"\x00\x00\x00"
    path = write(tmp_path / "image.txt", data)
    with pytest.raises(ReportError, match="binary data") as err:
        read_document(path)
    assert "image.txt" in str(err.value)


def test_control_characters_are_binary(tmp_path):
    path = write(tmp_path / "ctrl.txt", bytes(range(1, 32)) * 20)
    with pytest.raises(ReportError, match="binary data") as err:
        read_document(path)
    assert "ctrl.txt" in str(err.value)


def test_undecodable_bytes_give_the_line(tmp_path):
    data = "第一行\n第二行\n".encode() * 5 + "第十一行".encode() + b"\xff\xfe\x80 bad\n"
    path = write(tmp_path / "mixed.txt", data)
    with pytest.raises(ReportError, match="cannot decode") as err:
        read_document(path)
    assert "mixed.txt" in str(err.value)
    assert err.value.line == 11
    assert "mixed.txt:11" in str(err.value)


def test_undecodable_in_any_encoding(tmp_path):
    path = write(tmp_path / "junk.txt", b"abc\n\x80\x80\xff\xff\n")
    with pytest.raises(ReportError, match="cannot decode") as err:
        read_document(path)
    assert "junk.txt" in str(err.value)
    assert err.value.line == 2


def test_over_max_bytes(tmp_path):
    path = write(tmp_path / "big.txt", REPORT.encode())
    with pytest.raises(ReportError, match="too large") as err:
        read_document(path, max_bytes=50)
    message = str(err.value)
    assert "big.txt" in message and "50" in message and str(len(REPORT.encode())) in message
    with pytest.raises(ReportError, match="too large"):
        read_document(REPORT.encode(), name="big.txt", max_bytes=50)
    with pytest.raises(ReportError, match="too large"):
        read_document(REPORT, max_bytes=50)


def test_legacy_doc_is_refused(tmp_path):
    path = write(tmp_path / "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(ReportError, match="unsupported format") as err:
        read_document(path)
    assert "old.doc" in str(err.value)


def test_report_error_is_a_value_error():
    with pytest.raises(ValueError):
        read_document(b"\x00\x01\x02\x03" * 10)


TABLE_PAGE = """<html><head><meta charset="utf-8"><title>青山镇报告</title></head><body>
<table><tr><td>青山县人民政府</td></tr>
<tr><td><ul><li><a href="#">首页</a></li><li><a href="#">政务公开</a></li><li><a href="#">办事服务</a></li></ul></td></tr>
<tr><td>当前位置：<a href="#">首页</a> &gt; <a href="#">政务公开</a> &gt; <a href="#">法治政府建设</a></td></tr>
<tr><td><table><tr><td>索引号：</td><td>0012/2024-00003</td><td>发布日期：</td><td>2024-02-18</td></tr></table></td></tr>
<tr><td><b>青山镇2023年法治政府建设年度报告</b></td></tr>
<tr><td><p>2023年，青山镇扎实推进法治政府建设。</p><p>一、主要举措和成效</p></td></tr>
<tr><td><h3>相关文章</h3><ul><li><a href="#">关于开展普法宣传月活动的通知</a></li><li><a href="#">县政府工作要点</a></li></ul></td></tr>
</table></body></html>"""


def test_table_layout_page_without_navigation_and_with_metadata_as_fields():
    lines = read_document(TABLE_PAGE.encode(), name="t.html").text.split("\n")
    assert "首页" not in lines and "政务公开" not in lines and not any("当前位置" in line for line in lines)
    assert not any("普法宣传月" in line for line in lines)
    assert "索引号：0012/2024-00003" in lines and "发布日期：2024-02-18" in lines
    assert lines[-3:] == [
        "青山镇2023年法治政府建设年度报告",
        "2023年，青山镇扎实推进法治政府建设。",
        "一、主要举措和成效",
    ]
