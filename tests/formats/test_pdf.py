"""PDF in and out: text → PDF (made by jixiao) → model, the shared example PDF, and PDFs that cannot be read."""

from __future__ import annotations

import hashlib
import io
import random
import re
import struct
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest
from PIL import Image

from jixiao.exporters.pdf import data_only_fetcher, write_pdf
from jixiao.importers.errors import UnreadableError
from jixiao.importers.layout import Table, TextLine
from jixiao.importers.pdf import extract_pdf_layout
from jixiao.kinds import read_document
from jixiao.model import Finding, Indicator, PerformanceDocument, SpendingPoint, parse_value

from ..conftest import EXAMPLE

EXAMPLE_PDF = EXAMPLE.with_suffix(".pdf")  # the Word file printed to PDF by LibreOffice


@pytest.fixture(scope="module")
def text_doc() -> PerformanceDocument:
    """The example read from its text form."""
    return read_document(EXAMPLE.read_bytes(), str(EXAMPLE))[0]


@pytest.fixture(scope="module")
def made_pdf(text_doc: PerformanceDocument) -> bytes:
    """The example written to PDF by jixiao, once per module."""
    return write_pdf(text_doc)


@pytest.fixture(scope="module")
def made_read(made_pdf: bytes) -> tuple[PerformanceDocument, list[Finding]]:
    """jixiao's PDF of the example read back."""
    return read_document(made_pdf, "made.pdf")


@pytest.fixture(scope="module")
def shared_read() -> tuple[PerformanceDocument, list[Finding]]:
    """The shared example PDF (not written by jixiao) read."""
    return read_document(EXAMPLE_PDF.read_bytes(), str(EXAMPLE_PDF))


# -- text → PDF → model ------------------------------------------------------------------------------


def test_text_to_pdf_to_model_is_equal(
    text_doc: PerformanceDocument, made_read: tuple[PerformanceDocument, list[Finding]]
) -> None:
    doc, findings = made_read
    assert doc == text_doc
    # only what the document itself says: merged 一级指标 cells carried down, and the code with a space
    assert {f.code for f in findings} == {"P02", "S01"}


def test_the_made_pdf_is_a4_with_page_numbers_that_are_not_read(made_pdf: bytes) -> None:
    with pdfplumber.open(io.BytesIO(made_pdf)) as pdf:
        sizes = {(round(p.width), round(p.height)) for p in pdf.pages}
        footers = [p.extract_text().splitlines()[-1] for p in pdf.pages[1:3]]
        pages = len(pdf.pages)
    assert sizes == {(595, 842)} and pages >= 10
    assert footers == ["— 2 —", "— 3 —"]
    layout, _ = extract_pdf_layout(made_pdf, "made.pdf")
    texts = [b.text for b in layout.blocks if isinstance(b, TextLine)]
    assert not [t for t in texts if re.fullmatch(r"—\s*\d+\s*—", t)]
    assert texts[:6] == [
        "巨鹿县总工会",
        "2024 年部门预算绩效文本",
        "（草案）",
        "巨鹿县总工会编制",
        "巨鹿县财政局审核",
        "目 录",
    ]
    # a contents entry two lines long, its page number at the right margin, is one line again
    assert "2.冀财行 2023 年 98 号提前下达 2024 年困难职工及劳模帮扶救助专项资金绩效目标表 6" in texts
    tables = [b for b in layout.blocks if isinstance(b, Table)]
    assert sum(1 for t in tables if t.rows[0].cells[0] == "项目编码") == 6


@pytest.fixture(scope="module")
def hard(text_doc: PerformanceDocument) -> tuple[PerformanceDocument, PerformanceDocument, list[Finding]]:
    """A document hard to lay out, its PDF read back, and the findings: Latin words and codes in narrow
    cells, and a project of 35 indicators whose merged 一级指标 cell runs over three pages."""
    first, last = text_doc.projects[0], text_doc.projects[5]
    tricky = replace(
        first,
        name="ISO 9001 质量管理体系认证 and annual surveillance audit 费用",
        purpose="用于 ISO 9001 quality management system certification 年度监督审核，以及 2.5 万元的差旅费用",
        spending_plan=tuple(
            SpendingPoint(m, Decimal(p))
            for m, p in zip(("3月底", "6月底", "9月底", "12月底"), ("25", "50", "75.5", "100"), strict=True)
        ),
        goals=("完成 ISO 9001 认证", "Keep the certificate valid for 3 years 并通过年度审核"),
        indicators=(
            *first.indicators[:2],
            Indicator(
                "产出指标",
                "时效指标",
                "认证完成时间",
                "Certification completed before the deadline",
                parse_value("2024年12月31日前"),
                "GB/T 19001-2016 idt ISO 9001:2015 Quality management systems requirements",
            ),
            Indicator(
                "效益指标",
                "社会效益指标",
                "supercalifragilisticexpialidociousness",
                "一个很长的英文单词 pneumonoultramicroscopicsilicovolcanoconiosis 在中文里",
                parse_value("≤7300 元/年"),
                "县政府批示",
            ),
        ),
    )
    long = replace(
        last,
        indicators=tuple(
            replace(
                i,
                level1="产出指标" if k < 30 else i.level1,
                level3=f"{i.level3}{k}",
                basis=i.basis * (1 + k % 3),
            )
            for k, i in enumerate(last.indicators * 5)
        ),
    )
    doc = replace(text_doc, projects=(tricky, long), contents=text_doc.contents[:4])
    back, findings = read_document(write_pdf(doc), "hard.pdf")
    return doc, back, findings


def test_wrapped_cells_keep_their_spaces(
    hard: tuple[PerformanceDocument, PerformanceDocument, list[Finding]],
) -> None:
    """Text wrapped at a space, inside a Latin word, or between Chinese characters reads back as written."""
    doc, back, _ = hard
    assert back.projects[0] == doc.projects[0]
    assert back.department_goals == doc.department_goals and back.contents == doc.contents


def test_a_table_over_several_pages(
    hard: tuple[PerformanceDocument, PerformanceDocument, list[Finding]],
) -> None:
    """The merged 一级指标 cell has no borders on the pages it runs over; the continued tables keep the
    columns of the table they continue, so every cell stays in its column."""
    doc, back, findings = hard
    assert back == doc
    assert len(back.projects[1].indicators) == 35
    assert {f.code for f in findings} == {"P02"}


# -- the shared example PDF ------------------------------------------------------------------------------


def test_the_shared_example_pdf_reads_like_the_text_form(
    text_doc: PerformanceDocument, shared_read: tuple[PerformanceDocument, list[Finding]]
) -> None:
    doc, _ = shared_read
    # the fields the formats must agree on, project by project and indicator by indicator
    assert [(p.code, p.name, p.budget_total, p.budget_fiscal, p.budget_other) for p in doc.projects] == [
        (p.code, p.name, p.budget_total, p.budget_fiscal, p.budget_other) for p in text_doc.projects
    ]
    assert [(p.spending_plan, p.goals, p.money_unit, p.unit_code) for p in doc.projects] == [
        (p.spending_plan, p.goals, p.money_unit, p.unit_code) for p in text_doc.projects
    ]
    assert [[(i, i.value.raw) for i in p.indicators] for p in doc.projects] == [
        [(i, i.value.raw) for i in p.indicators] for p in text_doc.projects
    ]
    assert doc.department_goals == text_doc.department_goals
    assert (doc.unit_name, doc.fiscal_year, doc.status, doc.compiled_by, doc.reviewed_by, doc.contents) == (
        text_doc.unit_name,
        text_doc.fiscal_year,
        text_doc.status,
        text_doc.compiled_by,
        text_doc.reviewed_by,
        text_doc.contents,
    )


def test_the_shared_example_pdf_is_read_whole(
    text_doc: PerformanceDocument, shared_read: tuple[PerformanceDocument, list[Finding]]
) -> None:
    """In the PDF the merged label 预算规模及资金用途 of project 3 is broken by the page break after 预算规模及资
    (page 4); page 5 starts with the purpose row under “金用途”. The assembler joins the label back."""
    doc, findings = shared_read
    assert doc == text_doc
    p04 = [(f.source.page, f.message) for f in findings if f.code == "P04" and "栏目名称" in f.message]
    assert p04 == [(5, "项目 3 的栏目名称“预算规模及资金用途”被分页断开，第 " + p04[0][1].split("第 ")[1])]
    assert [f for f in findings if f.code in ("P07", "P09")] == []


def test_rows_broken_by_a_page_are_joined(shared_read: tuple[PerformanceDocument, list[Finding]]) -> None:
    doc, findings = shared_read
    joined = [(f.source.page, f.source.cell) for f in findings if f.code == "P04" and "跨页" in f.message]
    assert joined == [(6, "标"), (7, "规划（2019-2023）》（总工办发（2019）13 号）")]
    assert doc.projects[3].indicators[-1].level2 == "服务对象满意度指标"
    assert (
        doc.projects[5].indicators[0].basis
        == "《全国工会职工书屋建设工程五年规划（2019-2023）》（总工办发（2019）13 号）"
    )


# -- bad input ------------------------------------------------------------------------------------------


def _pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF written by hand: numbered objects, a cross-reference table and a trailer."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%b\nendobj\n" % (number, body)
    start = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %b>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer,
        start,
    )
    return bytes(out)


def _page_objects(content: bytes, font: bytes) -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        font,
        b"<< /Length %d >>\nstream\n%b\nendstream" % (len(content), content),
    ]


_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _encrypted_pdf(password: bytes) -> bytes:
    """A PDF encrypted with an open password (standard security handler, RC4 40-bit, revision 2)."""
    file_id = b"jixiao-test-0001"
    owner = _rc4(hashlib.md5((b"owner" + _PAD)[:32]).digest()[:5], (password + _PAD)[:32])
    permissions = -4
    key = hashlib.md5((password + _PAD)[:32] + owner + struct.pack("<i", permissions) + file_id).digest()[:5]
    content = _rc4(
        hashlib.md5(key + b"\x05\x00\x00\x00\x00").digest()[:10],
        b"BT /F1 12 Tf 72 720 Td (secret text) Tj ET",
    )
    objects = _page_objects(content, b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    objects.append(
        b"<< /Filter /Standard /V 1 /R 2 /O <%b> /U <%b> /P %d >>"
        % (owner.hex().encode(), _rc4(key, _PAD).hex().encode(), permissions)
    )
    return _pdf(
        objects, b"/Encrypt 6 0 R /ID [<%b> <%b>] " % (file_id.hex().encode(), file_id.hex().encode())
    )


def _unreadable(data: bytes, name: str = "bad.pdf") -> str:
    with pytest.raises(UnreadableError) as caught:
        read_document(data, name)
    return str(caught.value)


def test_an_encrypted_pdf() -> None:
    data = _encrypted_pdf(b"secret")
    with pdfplumber.open(io.BytesIO(data), password="secret") as pdf:  # a real encrypted file
        assert pdf.pages[0].extract_text() == "secret text"
    message = _unreadable(data, "encrypted.pdf")
    assert message.startswith("encrypted.pdf：PDF 已加密") and "不加密的 PDF" in message


def _pdfium_bytes(document: pdfium.PdfDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_pdf_without_text() -> None:
    empty = pdfium.PdfDocument.new()
    empty.new_page(595, 842)
    message = _unreadable(_pdfium_bytes(empty))
    assert "PDF 没有文字层（页面上没有文字）" in message and "OCR" in message

    scan = pdfium.PdfDocument.new()
    page = scan.new_page(595, 842)
    image = pdfium.PdfImage.new(scan)
    image.set_bitmap(pdfium.PdfBitmap.from_pil(Image.new("RGB", (60, 80), "gray")))
    image.set_matrix(pdfium.PdfMatrix().scale(420, 560).translate(80, 140))
    page.insert_obj(image)
    page.gen_content()
    message = _unreadable(_pdfium_bytes(scan), "scan.pdf")
    assert "PDF 没有文字层（页面只有图片，可能是扫描件）" in message
    assert "文字识别（OCR）也没有识别出文字" in message


def test_a_scanned_page_among_text_pages_is_reported(made_pdf: bytes, text_doc: PerformanceDocument) -> None:
    document = pdfium.PdfDocument(made_pdf)
    pages = len(document)
    page = document.new_page(842, 595)  # a landscape scan appended after the last page
    image = pdfium.PdfImage.new(document)
    image.set_bitmap(pdfium.PdfBitmap.from_pil(Image.new("RGB", (80, 60), "gray")))
    image.set_matrix(pdfium.PdfMatrix().scale(700, 500).translate(70, 50))
    page.insert_obj(image)
    page.gen_content()
    doc, findings = read_document(_pdfium_bytes(document), "mixed.pdf")
    assert doc == text_doc
    assert [(f.code, f.source.page) for f in findings if f.code == "P07"] == [("P07", pages + 1)]


def test_text_in_fonts_without_a_unicode_map() -> None:
    font = b"<< /Type /Font /Subtype /Type0 /BaseFont /Foo /Encoding /Identity-H /DescendantFonts [6 0 R] >>"
    objects = _page_objects(b"BT /F1 12 Tf 72 720 Td <00410042004300440045> Tj ET", font)
    objects += [
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Foo /FontDescriptor 7 0 R"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> >>",
        b"<< /Type /FontDescriptor /FontName /Foo /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0"
        b" /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
    ]
    message = _unreadable(_pdf(objects))
    assert "PDF 中的文字无法解码（5 / 5 个字符是乱码：字体缺少 Unicode 映射）" in message


def test_files_that_are_not_pdfs() -> None:
    message = _unreadable(random.Random(4).randbytes(3000), "random.pdf")
    assert message.startswith("random.pdf：文件不是 PDF（文件开头没有 %PDF 标记）")
    truncated = _pdf(_page_objects(b"BT ET", b"<< >>"))[:150]
    assert "PDF 文件无法打开" in _unreadable(truncated)
    hello = _pdf(
        _page_objects(
            b"BT /F1 12 Tf 72 720 Td (Hello) Tj ET", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
        )
    )
    assert "没有找到部门预算绩效文本的内容" in _unreadable(hello)


def test_the_exporter_fetches_nothing_from_outside() -> None:
    fetcher = data_only_fetcher()
    for url in (
        "http://example.com/logo.png",
        "https://example.com/font.woff2",
        f"file://{Path.cwd()}/x.css",
    ):
        with pytest.raises(ValueError, match="disallowed protocol"):
            fetcher.fetch(url)
    assert fetcher.fetch("data:text/plain,ok").read() == b"ok"


def test_a_two_hundred_page_pdf_of_nothing_readable() -> None:
    blank = pdfium.PdfDocument.new()
    for _ in range(200):
        blank.new_page(595, 842)
    buffer = io.BytesIO()
    blank.save(buffer)
    with pytest.raises(UnreadableError, match="文字"):
        read_document(buffer.getvalue(), "blank.pdf")
