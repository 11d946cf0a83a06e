"""The HTML rendering: printable, self-contained, the official layout's tables, and marks for the check report."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from jixiao.exporters.html import render_document, write_html
from jixiao.kinds import read_document
from jixiao.model import PerformanceDocument

from ..conftest import EXAMPLE


class _Tables(HTMLParser):
    """Each table's rows as (tag, colspan, rowspan, text) cells; every tag and attribute seen."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[tuple[str, int, int, str]]]] = []
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str | None]] = []
        self.cell: list[object] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes += attrs
        a = dict(attrs)
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self.cell = [tag, int(a.get("colspan") or 1), int(a.get("rowspan") or 1), ""]

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell[3] = str(self.cell[3]) + data

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self.cell is not None:
            tag_, colspan, rowspan, text = self.cell
            self.tables[-1][-1].append((str(tag_), int(str(colspan)), int(str(rowspan)), str(text)))
            self.cell = None


@pytest.fixture(scope="module")
def doc() -> PerformanceDocument:
    """The example document."""
    return read_document(EXAMPLE.read_bytes(), str(EXAMPLE))[0]


@pytest.fixture(scope="module")
def html(doc: PerformanceDocument) -> str:
    """The printable HTML of the example."""
    return write_html(doc)


def _parse(html: str) -> _Tables:
    parser = _Tables()
    parser.feed(html)
    return parser


def test_self_contained_no_script_no_outside_resource(html: str) -> None:
    parsed = _parse(html)
    assert not parsed.tags & {"script", "link", "img", "iframe", "object", "embed", "base"}
    assert not [v for k, v in parsed.attributes if k in ("src", "href", "srcset", "action")]
    lowered = html.lower()
    for outside in ("http:", "https:", "//", "url(", "@import", "@font-face", "javascript:"):
        assert outside not in lowered


def test_printable_official_layout(html: str) -> None:
    assert "@page{size:A4;margin:37mm 26mm 35mm 28mm" in html
    assert 'counter(page) " —"' in html
    assert "section.project+section.project{break-before:page}" in html
    assert "h2.part.first{break-before:page" in html
    for font in ("仿宋_GB2312", "宋体", "黑体", "方正小标宋简体", "Noto Serif CJK SC", "Noto Sans CJK SC"):
        assert f'"{font}"' in html
    assert html.index("目 录") < html.index("第一部分") < html.index("第二部分")
    assert '<p class="draft">（草案）</p>' in html


def test_the_six_project_tables_have_the_text_layout_grid(html: str, doc: PerformanceDocument) -> None:
    tables = _parse(html).tables
    assert len(tables) == html.count('<table class="project">') == 6
    for table, project in zip(tables, doc.projects, strict=True):
        # every row spans the 7 columns of the text layout, once merged cells from above are counted
        covering = [0] * len(table)
        for r, row in enumerate(table):
            assert sum(c[1] for c in row) + covering[r] == 7, (project.name, r, row)
            for _, colspan, rowspan, _ in row:
                for below in range(r + 1, r + rowspan):
                    covering[below] += colspan
        labels = [row[0][3] for row in table[:7]]
        assert labels == [
            "项目编码",
            "预算规模及资金用途",
            project.purpose,
            "资金支出计划（%）",
            "",
            "绩效目标",
            "一级指标",
        ]
        assert [c[3] for c in table[0]] == ["项目编码", project.code, "项目名称", project.name]
        assert [c[3] for c in table[1]][1:] == [
            "预算数",
            f"{project.budget_total}",
            "其中：财政资金",
            f"{project.budget_fiscal}",
            "其他资金",
            "",
        ]
        values = [row[-2][3] for row in table[7:]]
        assert values == [i.value.raw for i in project.indicators]


def test_cover_contents_and_part_one_lines(html: str, doc: PerformanceDocument) -> None:
    text = re.sub(r"<[^>]+>", "\n", html.split("<body>")[1])
    lines = [line for line in text.split("\n") if line.strip()]
    assert lines[:7] == [
        "巨鹿县总工会",
        "2024 年部门预算绩效文本",
        "（草案）",
        "巨鹿县总工会编制",
        "巨鹿县财政局审核",
        "目 录",
        "第一部分 部门整体绩效目标",
    ]
    assert (
        "绩效目标：为弘扬劳模精神，提高劳模待遇，落实我县 47 名全国、省部级、市级退休劳模享受退休荣誉津贴。"
        in lines
    )
    assert "（四）" + doc.department_goals.safeguards[3].text in lines
    assert lines.count("第一部分") == 1 and lines.count("预算项目绩效目标") == 1


def test_text_is_escaped_and_cells_carry_marks(doc: PerformanceDocument) -> None:
    project = replace(doc.projects[0], name='<script>alert("x")</script>')
    body = render_document(
        replace(doc, projects=(project,)),
        {(1, None, "name"): [(3, "warning")], (1, 2, "value"): [(4, "error")]},
    )
    assert "<script" not in body and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in body
    assert '<td colspan="3" class="warning">&lt;script&gt;' in body
    assert '<td class="error">100%<a class="mark error" href="#f4">4</a></td>' in body
    assert "目 录" not in body  # the contents belong to the printed document, not the screen rendering
