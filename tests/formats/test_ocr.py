"""Scanned PDFs: a page of jixiao's own PDF as an image only, read back by OCR (the optional extra)."""

from __future__ import annotations

import io

import pypdfium2 as pdfium  # type: ignore[import-untyped]
import pytest

from jixiao.exporters.pdf import write_pdf
from jixiao.importers import ocr
from jixiao.importers.errors import UnreadableError
from jixiao.kinds import read_document
from jixiao.model import Finding, PerformanceDocument, Project

from ..conftest import EXAMPLE


@pytest.fixture(scope="module")
def original() -> PerformanceDocument:
    """The example read from its text form."""
    return read_document(EXAMPLE.read_bytes(), str(EXAMPLE))[0]


@pytest.fixture(scope="module")
def scan(original: PerformanceDocument) -> bytes:
    """The page of jixiao's PDF that holds project 2's table, rendered at 200 dpi and put into a PDF as an
    image only (no text layer), as a scanner would."""
    document = pdfium.PdfDocument(write_pdf(original))
    code = original.projects[1].code
    number = next(i for i in range(len(document)) if code in document[i].get_textpage().get_text_range())
    width, height = document[number].get_size()
    picture = document[number].render(scale=200 / 72).to_pil().convert("RGB")
    scanned = pdfium.PdfDocument.new()
    page = scanned.new_page(width, height)
    image = pdfium.PdfImage.new(scanned)
    image.set_bitmap(pdfium.PdfBitmap.from_pil(picture))
    image.set_matrix(pdfium.PdfMatrix().scale(width, height))
    page.insert_obj(image)
    page.gen_content()
    buffer = io.BytesIO()
    scanned.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def scan_read(scan: bytes) -> tuple[PerformanceDocument, list[Finding]]:
    """The scanned page read by OCR."""
    return read_document(scan, "scan.pdf")


def _plain(text: str) -> str:
    """Text without spaces (OCR does not see the spaces between Chinese characters and digits)."""
    return "".join(text.split())


def test_ocr_is_installed() -> None:
    assert ocr.ocr_available()  # CI installs jixiao[ocr]: the OCR tests must run, never be skipped


def test_a_scanned_project_table_is_read_by_ocr(
    original: PerformanceDocument, scan_read: tuple[PerformanceDocument, list[Finding]]
) -> None:
    doc, findings = scan_read
    expected: Project = original.projects[1]
    assert len(doc.projects) == 1
    project = doc.projects[0]
    assert project.code == expected.code
    assert _plain(project.name) == _plain(expected.name)
    assert (project.budget_total, project.budget_fiscal) == (expected.budget_total, expected.budget_fiscal)
    assert [p.month for p in project.spending_plan] == [p.month for p in expected.spending_plan]
    got, want = project.indicators, expected.indicators
    assert len(got) == len(want)
    assert [(i.level1, i.level2) for i in got] == [(i.level1, i.level2) for i in want]
    names = sum(_plain(g.level3) == _plain(w.level3) for g, w in zip(got, want, strict=True))
    values = sum(
        (g.value.operator, g.value.number, g.value.unit) == (w.value.operator, w.value.number, w.value.unit)
        for g, w in zip(got, want, strict=True)
    )
    assert names >= 0.8 * len(want) and values >= 0.8 * len(want)  # measured: 7 of 7 each
    ocr_findings = [f for f in findings if f.code == "P07"]
    assert [(f.source.page, f.message) for f in ocr_findings] == [
        (1, "第 1 页没有文字层，已用文字识别（OCR）读取，请核对识别结果。")
    ]


def test_without_ocr_the_message_says_what_to_install(scan: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "ocr_available", lambda: False)
    with pytest.raises(UnreadableError) as caught:
        read_document(scan, "scan.pdf")
    message = str(caught.value)
    assert "PDF 没有文字层（页面只有图片，可能是扫描件）" in message
    assert "pip install 'jixiao[ocr]'" in message
