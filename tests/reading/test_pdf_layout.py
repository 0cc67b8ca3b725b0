"""PDFs as word processors write them (lawnlp.reading.pdf): wrapped lines joined, Kangxi radicals made
ordinary, encrypted files. The fixtures are typeset here with reportlab's built-in Chinese font
(STSong-Light, no font file needed); the text is invented."""

from __future__ import annotations

import io

import pytest

from lawnlp.errors import ReportError
from lawnlp.reading import read_document
from lawnlp.reading.document import compatibility_forms

reportlab = pytest.importorskip("reportlab", reason="reportlab makes the PDF fixtures (pip install '.[test]')")

LINES = [
    "青山镇2023年法治政府建设年度报告",
    "2023年，青山镇坚持以法治思维推进基层治理，扎实推进法治政府建设，各项工作取得新的进展，群众满意度持续提升。现将有关情况报告如下。",
    "一、主要举措和成效",
    "（一）加强党的领导。镇党委认真履行推进法治建设第一责任人职责，统一部署，全年召开专题会议6次，调处矛盾纠纷187件，行政复议案件12件，行政应诉案件3件。",
    "（二）规范行政执法。全面推行行政执法三项制度，全年办理行政执法案件36件，开展执法案卷评查2次，执法人员培训实现全覆盖。",
    "二、存在的不足",
    "一是法治工作力量薄弱，司法所仅有工作人员2名，专业人才缺乏，难以满足基层法治工作的需要。",
    "二是群众法治意识有待提高，普法宣传形式比较单一。",
    "三、下一步工作打算",
    "加强法治队伍建设，创新普法宣传方式，提升行政执法水平。",
]
KANGXI = dict(zip("一二工行人力方日大", "⼀⼆⼯⾏⼈⼒⽅⽇⼤"))


def make_pdf(lines: list[str], kangxi: bool = False, repeat: int = 1) -> bytes:
    """A4, 14 pt, two-character first-line indents, a centred larger title, page numbers."""
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("b", fontName="STSong-Light", fontSize=14, leading=22, firstLineIndent=28, wordWrap="CJK")
    title = ParagraphStyle("t", parent=body, alignment=TA_CENTER, firstLineIndent=0, fontSize=18, leading=28)

    def number(canvas, doc):
        canvas.setFont("STSong-Light", 10)
        canvas.drawCentredString(A4[0] / 2, 30, f"- {doc.page} -")

    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=80, rightMargin=75, topMargin=70, bottomMargin=60)
    flow = []
    for k in range(repeat):
        for i, line in enumerate(lines):
            text = "".join(KANGXI.get(c, c) for c in line) if kangxi else line
            flow.append(Paragraph(text, title if i == 0 and k == 0 else body))
    doc.build(flow, onFirstPage=number, onLaterPages=number)
    return buf.getvalue()


def test_wrapped_lines_are_joined_into_the_paragraphs():
    doc = read_document(make_pdf(LINES), name="report.pdf")
    assert doc.format == "pdf"
    assert doc.text.split("\n") == LINES


def test_paragraphs_run_on_across_pages_and_page_numbers_are_dropped():
    doc = read_document(make_pdf(LINES, repeat=4), name="long.pdf")
    lines = doc.text.split("\n")
    assert lines == LINES * 4
    assert not any(line.strip("- ").isdigit() for line in lines)


def test_kangxi_radicals_become_ordinary_characters():
    pdf = make_pdf(LINES, kangxi=True)
    from pypdf import PdfReader

    raw = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "⼀" in raw and "⼯" in raw  # the text layer really holds the radicals
    assert read_document(pdf).text.split("\n") == LINES


def test_compatibility_forms_keep_what_carries_meaning():
    assert compatibility_forms("⼀、⼯作⾏动\u00a0㈠ ﬁle ︐") == "一、工作行动 (一) file ,"
    kept = "，（）：１２ＡＢ①㎡²…™　"  # full-width punctuation and letters, ① ㎡ ² … ™ and the ideographic space
    assert compatibility_forms(kept) == kept
    assert compatibility_forms("⻓江⻔⼾") == "长江门戶"  # ⼾ is the radical 戶 (t2s later makes it 户)


@pytest.mark.parametrize("algorithm", ["AES-256", "AES-128", "RC4-128"])
def test_encrypted_pdf_with_an_empty_user_password_opens(algorithm):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(LINES))))
    writer.encrypt(user_password="", owner_password="owner", algorithm=algorithm)
    buf = io.BytesIO()
    writer.write(buf)
    assert read_document(buf.getvalue(), name="locked.pdf").text.split("\n") == LINES


def test_pdf_that_needs_a_password_says_so(tmp_path):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(LINES))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-256")
    path = tmp_path / "secret.pdf"
    with open(path, "wb") as f:
        writer.write(f)
    with pytest.raises(ReportError, match="password") as err:
        read_document(path)
    message = str(err.value)
    assert "secret.pdf" in message and "\n" not in message and "corrupt" not in message
