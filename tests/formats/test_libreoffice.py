"""jixiao's Office files in a real office suite: LibreOffice opens, re-saves and prints them.

Needs Debian's libreoffice-writer-nogui, libreoffice-calc-nogui and poppler-utils, which the Makefile installs.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from jixiao.exporters import write_document
from jixiao.kinds import read_document
from jixiao.model import PerformanceDocument

SOFFICE = shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")


def convert(source: Path, to: str, out: Path, profile: Path) -> Path:
    """``soffice --headless --convert-to``; returns the converted file."""
    assert SOFFICE, "LibreOffice is missing: run make install (it installs libreoffice-writer-nogui)"
    out.mkdir(exist_ok=True)
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return out / f"{source.stem}.{to.split(':', maxsplit=1)[0]}"


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("lo")


def test_a_docx_re_saved_by_libreoffice_reads_back_equal(example: PerformanceDocument, office: Path) -> None:
    source = office / "jixiao.docx"
    source.write_bytes(write_document(example, "docx"))
    resaved = convert(source, "docx", office / "resaved", office / "profile")
    back, _ = read_document(resaved.read_bytes(), str(resaved))
    assert back == example


def test_a_docx_prints_to_pdf_with_the_tables_in_order(example: PerformanceDocument, office: Path) -> None:
    source = office / "print.docx"
    source.write_bytes(write_document(example, "docx"))
    pdf = convert(source, "pdf", office / "pdf", office / "profile")
    assert PDFTOTEXT, "poppler-utils is missing: run make install"
    text = subprocess.run(
        [PDFTOTEXT, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = "".join(text.split())
    assert flat.index("巨鹿县总工会") < flat.index("2024年部门预算绩效文本") < flat.index("第一部分")
    positions = [flat.index(p.code.replace(" ", "")) for p in example.projects]
    assert positions == sorted(positions)
    for project in example.projects:
        for ind in project.indicators:
            assert "".join(ind.level3.split()) in flat


def test_an_xlsx_re_saved_by_libreoffice_reads_back_equal(example: PerformanceDocument, office: Path) -> None:
    source = office / "jixiao.xlsx"
    source.write_bytes(write_document(example, "xlsx"))
    resaved = convert(source, "xlsx", office / "resaved-xlsx", office / "profile")
    back, _ = read_document(resaved.read_bytes(), str(resaved))
    assert back == example
