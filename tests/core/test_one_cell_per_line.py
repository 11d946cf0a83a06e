"""Tables written one cell per line (LAYOUTS.md shape 3): the example rewritten so, read into the same model."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jixiao.kinds import read_document
from jixiao.model import Finding, PerformanceDocument

from ..conftest import EXAMPLE

SOURCE = EXAMPLE.read_text(encoding="utf-8")


def one_cell_per_line(text: str, end: str = "", blank: bool = False, indent: str = "") -> str:
    """Each tab row of a text as its non-empty cells, one a line."""
    out: list[str] = []
    for line in text.split("\n"):
        if "\t" not in line:
            out.append(line)
            continue
        for cell in line.split("\t"):
            if cell.strip():
                out.append(f"{indent}{cell.strip()}{end}")
                if blank:
                    out.append("")
    return "\n".join(out)


def read(text: str) -> tuple[PerformanceDocument, list[Finding]]:
    return read_document(text.encode(), "x.txt")


def plan_guesses(findings: list[Finding]) -> list[str]:
    return [f.message for f in findings if f.code == "P05" and "资金支出计划" in f.message]


@pytest.mark.parametrize(
    ("end", "blank", "indent"),
    [("", False, ""), (" |", False, ""), ("", True, ""), ("", False, "    "), (" |", True, "  ")],
    ids=["plain", "pipe-ended", "paragraphs", "indented", "all"],
)
def test_the_example_one_cell_per_line_reads_into_the_same_model(end: str, blank: bool, indent: str) -> None:
    reference, _ = read(SOURCE)
    doc, findings = read(one_cell_per_line(SOURCE, end, blank, indent))
    assert doc == reference
    assert [i.level1 for i in doc.projects[5].indicators][3:5] == [
        "产出指标",
        "效益指标",
    ]  # over the page break
    # the lone 100% under four months: read as 12 月底, as the tab layout says, and reported as a guess
    assert all(p.spending_plan[-1].percent == Decimal(100) for p in doc.projects)
    guesses = plan_guesses(findings)
    assert len(guesses) == 6
    assert "有 4 个月份、只有 1 个数值" in guesses[0] and "“100%”读作“12 月底”" in guesses[0]
    assert not [f for f in findings if f.code in ("P05", "P07") and f.message not in guesses]


def test_a_full_spending_plan_needs_no_guess() -> None:
    text = SOURCE.replace("\t\t\t\t\t100%\t", "\t10%\t\t30%\t60%\t100%\t", 1)
    doc, findings = read(one_cell_per_line(text))
    plan = [(s.month, s.percent) for s in doc.projects[0].spending_plan]
    assert plan == [
        (m, Decimal(p)) for m, p in (("3月底", 10), ("6月底", 30), ("10月底", 60), ("12月底", 100))
    ]
    assert len(plan_guesses(findings)) == 5


def damaged(drop: str) -> tuple[PerformanceDocument, list[Finding]]:
    """The example one cell per line with the first line reading ``drop`` removed."""
    lines = one_cell_per_line(SOURCE).split("\n")
    lines.remove(drop)
    return read("\n".join(lines))


def cells_missing(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.code == "P05" and "资金支出计划" not in f.message]


def test_a_missing_basis_is_blank_and_reported() -> None:
    doc, findings = damaged("县政府批示")
    first = doc.projects[0].indicators[0]
    assert (first.level3, first.description, first.value.raw, first.basis) == (
        "保障人数",
        "保障人数",
        "242 人数",
        "",
    )
    assert len(doc.projects[0].indicators) == 7
    [missing] = cells_missing(findings)
    assert "少了 1 个单元格" in missing.message and "无法确定缺的是哪一格" in missing.message


def test_a_missing_level3_is_reported_not_guessed_silently() -> None:
    lines = one_cell_per_line(SOURCE).split("\n")
    at = lines.index("242 人数")
    del lines[at - 2]  # 三级指标 保障人数
    doc, findings = read("\n".join(lines))
    first = doc.projects[0].indicators[0]
    assert (first.level3, first.description, first.value.raw) == ("", "保障人数", "242 人数")
    [missing] = cells_missing(findings)
    assert missing.source.line is not None and "请核对" in missing.message


def test_a_missing_value_keeps_the_rows_and_says_so() -> None:
    doc, findings = damaged("242 人数")
    assert len(doc.projects[0].indicators) == 7
    assert doc.projects[0].indicators[1].value.raw == "100%"
    [missing] = cells_missing(findings)
    assert "不能按表头的 6 列分成整行" in missing.message


def test_a_code_broken_over_two_lines_is_reported_not_joined() -> None:
    text = one_cell_per_line(SOURCE).replace("13052924P005840119077\n", "13052924P0058\n40119077\n", 1)
    doc, findings = read(text)
    assert (doc.projects[0].code, doc.projects[0].name) == ("13052924P0058", "公安局辅警工会费")
    [stray] = [f for f in findings if f.code == "P07"]
    assert stray.message.startswith("第 ") and "“40119077”不在任何栏目之下" in stray.message


def test_a_cut_table_gives_findings_not_an_exception() -> None:
    text = one_cell_per_line(SOURCE)
    cut = text.index("一级指标")
    doc, findings = read(text[:cut] + "一级指标\n二级指标\n三级指标\n产出指标\n数量指标\n")
    [only] = doc.projects[0].indicators
    assert (only.level1, only.level2, only.level3, only.value.raw) == ("产出指标", "数量指标", "", "")
    assert "后面没有指标内容" in cells_missing(findings)[0].message
    assert any(f.code == "P06" for f in findings)
