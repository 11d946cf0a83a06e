"""Bad input gives findings or a clear UnreadableError, never a traceback."""

from __future__ import annotations

import contextlib
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.importers import UnreadableError
from jixiao.kinds import read_document

from ..conftest import EXAMPLE, read_inline


def unreadable(data: bytes, name: str = "bad.txt") -> str:
    with pytest.raises(UnreadableError) as info:
        read_document(data, name)
    return info.value.message


def test_empty_and_blank_files() -> None:
    assert unreadable(b"").startswith("文件为空")
    assert unreadable(b"  \n\n\t \n").startswith("文件为空")


def test_binary_files() -> None:
    assert "不是文本文件" in unreadable(bytes(range(256)) * 10)
    assert "PDF" in unreadable(b"%PDF-1.7\n\x00\x01\x02binary")
    assert "DOCX" in unreadable(b"PK\x03\x04\x00\x00\x08\x00")


def test_random_text_is_not_a_performance_document() -> None:
    novel = "第一章\n\n那一年的春天来得很早，河边的柳树已经发了芽。\n他沿着河堤慢慢地走着。\n" * 50
    assert "没有找到部门预算绩效文本的内容" in unreadable(novel.encode())
    assert "没有找到" in unreadable(b"a,b,c\n1,2,3\n4,5,6\n", "data.txt")


def test_undecodable_bytes() -> None:
    assert "UTF-8" in unreadable("正文".encode() + b"abc\x80\xff\x80 def")


def test_a_truncated_table_is_reported() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    cut = text[: text.index("绩效目标\t1.丰富职工精神文化生活")]
    doc, findings = read_inline(cut)
    assert len(doc.projects) == 6
    p09 = [(f.code, f.subject.project) for f in findings if f.code == "P09"]
    assert p09 == [("P09", 6)]


def _without_column(column: int) -> str:
    lines = []
    for line in EXAMPLE.read_text(encoding="utf-8").split("\n"):
        cells = line.split("\t")
        keep = len(cells) >= 6 and cells[0] not in ("项目编码", "预算规模及资金用途", "资金支出计划（%）")
        lines.append("\t".join(cells[:column] + cells[column + 1 :]) if keep and cells[0] != "" else line)
    return "\n".join(lines)


def test_a_form_without_a_basis_column_reads_and_is_remembered() -> None:
    doc, findings = read_inline(_without_column(5))
    assert doc.indicator_count == 42
    assert {i.basis for p in doc.projects for i in p.indicators} == {""}
    assert [f.code for f in findings if f.code == "P06"] == []  # the form has no such column: not an error
    assert doc.form is not None and not doc.form.has("basis") and doc.form.has("target")


def test_a_table_missing_a_required_column_is_reported() -> None:
    doc, findings = read_inline(_without_column(4))
    assert {i.value.raw for p in doc.projects for i in p.indicators} == {""}
    assert [f.subject.project for f in findings if f.code == "P06"] == [1, 2, 3, 4, 5, 6]


def test_a_short_row_is_padded_and_reported() -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace("\t242 人数\t县政府批示\t", "")
    doc, findings = read_inline(text)
    first = doc.projects[0].indicators[0]
    assert (first.level3, first.value.raw, first.basis) == ("保障人数", "", "")
    assert [(f.code, f.source.line) for f in findings if f.code == "P05"] == [("P05", 109)]


def test_invalid_numbers_are_findings() -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace("预算数\t13.00", "预算数\t十三万")
    doc, findings = read_inline(text)
    assert doc.projects[0].budget_total is None
    assert [(f.code, f.subject.field) for f in findings if f.code == "P08"] == [("P08", "budget_total")]


def test_a_five_megabyte_file() -> None:
    text = EXAMPLE.read_text(encoding="utf-8")
    body = text[text.index("第二部分\n\n预算项目绩效目标") :]
    big = text + body * (5_000_000 // len(body.encode()))
    doc, _ = read_inline(big)
    assert len(big.encode()) > 4_900_000
    assert doc.indicator_count == 42 * (1 + 5_000_000 // len(body.encode()))


def test_bad_json() -> None:
    assert "不是有效的 JSON：第 1 行" in unreadable(b"{not json", "x.json")
    assert "应为对象" in unreadable(b"[1, 2]", "x.json")
    assert "不是 jixiao" in unreadable(json.dumps({"format": "other"}).encode(), "x.json")
    bad_money = {"format": "jixiao.performance-document", "projects": [{"code": "x", "budget_total": 13.0}]}
    assert "projects[1].budget_total" in unreadable(json.dumps(bad_money).encode(), "x.json")
    newer = {"format": "jixiao.performance-document", "schema_version": 99}
    assert "不支持的版本" in unreadable(json.dumps(newer).encode(), "x.json")


def test_unknown_format() -> None:
    assert "不支持的文件格式“.xyz”" in unreadable(b"hello", "a.xyz")


_ALPHABET = st.sampled_from(
    [
        *list(
            "\t\n \u3000.、：:（）()%％≥≤0123456789一二三项目编码名称预算数财政资金其他用途计划月底绩效目标指标值确定依据产出效益"
        ),
        "一级指标",
        "二级指标",
        "项目编码",
        "第一部分",
        "第二部分",
        "目 录",
        "1.甲绩效目标表",
        "(草案)",
        "\x0c",
    ]
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_the_importer_never_raises_anything_else(text: str) -> None:
    try:
        doc, findings = read_document(text.encode("utf-8"), "fuzz.txt")
    except UnreadableError as exc:
        assert exc.message
    else:
        assert all(f.message for f in findings)
        assert doc.projects or not doc.department_goals.is_empty


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_the_importer_survives_arbitrary_bytes(data: bytes) -> None:
    with contextlib.suppress(UnreadableError):
        read_document(data, "fuzz.txt")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_the_importer_survives_damaged_examples(data: st.DataObject) -> None:
    lines = EXAMPLE.read_text(encoding="utf-8").split("\n")
    for _ in range(data.draw(st.integers(1, 8))):
        i = data.draw(st.integers(0, len(lines) - 1))
        op = data.draw(st.sampled_from(["drop", "cut", "dup", "tabs"]))
        if op == "drop":
            del lines[i]
        elif op == "cut":
            lines[i] = lines[i][: data.draw(st.integers(0, max(0, len(lines[i]))))]
        elif op == "dup":
            lines.insert(i, lines[i])
        else:
            lines[i] = lines[i].replace("\t", "", data.draw(st.integers(1, 3)))
    with contextlib.suppress(UnreadableError):
        read_inline("\n".join(lines))
