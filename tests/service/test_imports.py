"""What an import loses: picked out of the reading's findings, most serious first, refused without a
confirmation when no indicator was read, and kept with the imported version."""

from __future__ import annotations

import pytest

from jixiao.model import Finding, Source, Subject
from jixiao.service import imports, targets
from jixiao.service.errors import ConfirmationRequired
from jixiao.store import documents as store_documents
from jixiao.store.mapping import findings_from_json, findings_json
from tests.web.conftest import EXAMPLE, Cast
from tests.web.lost_rows import lost_file

READ = (
    Finding("P02", "info", "合并单元格留空", Source("a.docx", None, 9, 1, 6)),
    Finding("P07", "warning", "一行无法识别，已跳过", Source("a.docx", None, 8, 1, 5, 1, "产出指标")),
    Finding("P12", "warning", "表头的“丁栏”无法识别", Source("a.docx", None, 7, 1, 4, 4, "丁栏"), Subject(1)),
    Finding("P13", "warning", "没有读出任何指标", Source("a.docx", None, 8, 1, 5), suggestion="改表头"),
    Finding("P07", "warning", "又一行无法识别，已跳过", Source("a.docx", 2, None, 2, 1, 1, "效益指标")),
)


def test_lost_content_is_picked_most_serious_first_each_with_its_place() -> None:
    lost = imports.lost_content(READ)
    assert [(w.code, w.where) for w in lost] == [
        ("P13", "第 8 行，表 1 第 5 行"),
        ("P12", "第 7 行，表 1 第 4 行第 4 列，单元格“丁栏”"),
        ("P07", "第 8 行，表 1 第 5 行第 1 列，单元格“产出指标”"),
        ("P07", "第 2 页，表 2 第 1 行第 1 列，单元格“效益指标”"),
    ]
    assert lost[0].title == "表格中有指标行，却没有读出任何指标"
    assert imports.needs_confirmation(lost) and not imports.needs_confirmation(lost[1:])


def test_without_a_confirmation_the_refusal_says_what_was_lost() -> None:
    lost = imports.lost_content(READ)
    imports.require_confirmation(lost, "a.docx", confirmed=True)
    imports.require_confirmation(lost[1:], "a.docx", confirmed=False)
    with pytest.raises(ConfirmationRequired) as refused:
        imports.require_confirmation(lost, "a.docx", confirmed=False)
    exc = refused.value
    assert (exc.code, exc.status) == ("confirmation_required", 422)
    assert exc.message.startswith("“a.docx”没有保存：没有读出任何指标")
    assert "另有 3 条内容未读取" in exc.message
    assert [w["code"] for w in exc.details["lost"]] == ["P13", "P12", "P07", "P07"]
    assert exc.details["lost"][1]["source"] == {
        "file": "a.docx",
        "line": 7,
        "table": 1,
        "row": 4,
        "column": 4,
        "cell": "丁栏",
    }


def test_findings_are_stored_and_read_back_unchanged() -> None:
    assert findings_from_json(findings_json(READ)) == READ
    assert findings_from_json([{"code": "P07"}, {"no": "code"}, "x"]) == (  # type: ignore[list-item]
        Finding("P07", "warning", ""),
    )


@pytest.mark.django_db
def test_an_import_keeps_what_reading_found_with_its_version(cast: Cast) -> None:
    drafter = cast["drafter_a"].actor
    with pytest.raises(ConfirmationRequired):
        targets.import_document(drafter, "A", lost_file("txt"), "辅警.txt")
    view = targets.import_document(drafter, "A", lost_file("txt"), "辅警.txt", confirm_lost=True)
    kept = imports.kept_warnings(drafter, view.row.id)
    assert kept[0].code == "P13" and {w.version for w in kept} == {1}

    example = targets.import_document(drafter, "A", EXAMPLE.read_bytes(), EXAMPLE.name)
    stored = store_documents.import_findings(example.row.id)
    assert stored is not None and stored[0] == 1 and stored[1]  # every finding of reading, kept
    assert imports.kept_warnings(drafter, example.row.id) == ()
    assert store_documents.import_findings(cast.docs["A"]) == (1, [])  # made from a record, not a file
