"""Importing a file whose indicator rows cannot be placed, through the pages: the preview says so first, saving
needs a confirmation, and the saved document keeps the warning on its editor and review pages."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from jixiao.service.actor import SYSTEM
from jixiao.service.targets import list_documents
from jixiao.service.types import DocumentFilter
from tests.web.conftest import EXAMPLE, Cast
from tests.web.lost_rows import PARTLY_TXT, lost_file
from tests.web.pages.test_pages import login

pytestmark = pytest.mark.django_db


def _documents_of_a() -> int:
    return list_documents(SYSTEM, DocumentFilter(unit_code="A")).total


def _preview(client: Client, data: bytes, name: str) -> tuple[int, str, dict[str, str]]:
    r = client.post("/documents/new/", {"file": SimpleUploadedFile(name, data)})
    return r.status_code, r.content.decode(), dict(r.context["form"].initial)


@pytest.mark.parametrize("ext", ["txt", "docx", "xlsx"])
def test_the_preview_lists_the_lost_rows_first_and_asks_for_a_confirmation(
    client: Client, cast: Cast, ext: str
) -> None:
    status, text, _ = _preview(login(client, "drafter_a"), lost_file(ext), f"辅警.{ext}")
    assert status == 200
    preview = text[text.index('id="preview"') :]
    lost = preview.index('id="lost-content"')
    # above the counts, the save form and every other finding
    assert lost < preview.index("个项目 ·") < preview.index('name="payload"')
    box = preview[lost : preview.index("个项目 ·")]
    assert box.index('data-code="P13"') < box.index('data-code="P07"')
    assert "没有读出任何指标" in box
    assert "“乙栏”" in box and "“丙栏”" in box  # the header cells not understood
    assert "表 1 第 5 行" in box  # where: table, row, column
    assert "已跳过" in box  # the rows dropped, each with its place
    assert 'name="confirm_lost"' in preview


def test_a_readable_file_needs_no_confirmation(client: Client, cast: Cast) -> None:
    status, text, _ = _preview(login(client, "drafter_a"), EXAMPLE.read_bytes(), EXAMPLE.name)
    assert status == 200
    assert 'id="lost-content"' not in text and 'name="confirm_lost"' not in text


def test_saving_is_refused_without_the_confirmation_then_the_warning_is_kept(
    client: Client, cast: Cast
) -> None:
    login(client, "drafter_a")
    _, _, payload = _preview(client, lost_file("docx"), "辅警.docx")
    before = _documents_of_a()

    r = client.post("/documents/new/save/", payload)
    text = r.content.decode()
    assert r.status_code == 422
    assert _documents_of_a() == before  # nothing was saved
    assert 'id="save-refused"' in text and "没有保存" in text and "请确认后再保存" in text
    assert text.index('id="lost-content"') < text.index('id="save-refused"')  # the preview is back
    assert 'name="confirm_lost"' in text

    r = client.post("/documents/new/save/", {**payload, "confirm_lost": "1"})
    assert r.status_code == 302
    assert _documents_of_a() == before + 1
    editor = r["Location"]
    doc_id = int(re.findall(r"\d+", editor)[0])
    page = client.get(editor)
    text = page.content.decode()
    assert page.status_code == 200
    assert "警告已随文本保存" in text[text.index('id="messages"') : text.index('id="main"')]
    kept = text.index('id="import-warnings"')
    assert kept < text.index('id="cover"') and kept < text.index('id="findings-panel"')
    assert "版本 1 从文件“辅警.docx”导入时记录" in text
    assert "编制人已确认" in text
    section = text[kept : text.index("</section>", kept)]
    assert section.index('data-code="P13"') < section.index('data-code="P07"')

    # it stays after an edit and the submission, and the reviewer sees it
    client.post(f"/documents/{doc_id}/cover/", {"expected_version": 1, "unit_name": "巨鹿县总工会"})
    client.post(f"/documents/{doc_id}/submit/", {"expected_version": 2})
    assert 'id="import-warnings"' in client.get(editor).content.decode()
    review = login(client, "reviewer_r").get(f"/documents/{doc_id}/review/")
    text = review.content.decode()
    assert review.status_code == 200
    assert 'id="import-warnings"' in text and 'data-code="P13"' in text


def test_columns_not_read_are_kept_without_asking(client: Client, cast: Cast) -> None:
    login(client, "drafter_a")
    status, text, payload = _preview(client, PARTLY_TXT, "辅警.txt")
    assert status == 200
    assert 'data-code="P12"' in text and "“丁栏”" in text
    assert 'name="confirm_lost"' not in text
    r = client.post("/documents/new/save/", payload)
    assert r.status_code == 302
    text = client.get(r["Location"]).content.decode()
    assert 'id="import-warnings"' in text and 'data-code="P12"' in text
    assert "编制人已确认" not in text


def test_a_document_made_otherwise_shows_no_import_warnings(client: Client, cast: Cast) -> None:
    text = login(client, "drafter_a").get(f"/documents/{cast.docs['A']}/edit/").content.decode()
    assert 'id="import-warnings"' not in text
