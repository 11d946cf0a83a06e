"""Small files whose indicator rows reading cannot place: the header above them names no column jixiao knows.

``lost_file(ext)`` gives the same project in text, DOCX or XLSX: a project table whose indicator header is
``甲栏（…）| 乙栏 | 丙栏 …``, over four rows that plainly are indicators (产出指标 | 数量指标 | …). Reading skips the
rows (P07) and says that no indicator was read though the tables held indicator rows (P13), naming the header.
``PARTLY_TXT`` has a header with two columns no vocabulary names (P12): its indicators are read from the
content of the columns (P16), two columns are not.
"""

from __future__ import annotations

from tests.forms.office import Block, C, Table, docx_bytes, xlsx_bytes

# the first header cell is too long to be a column name, so the header is not read from its columns' content
FIRST = "甲栏（按照财政部门的要求分类填写的栏目内容）"
HEADER = [FIRST, "乙栏", "丙栏", "丁栏", "戊栏", "己栏"]
ROWS = [
    ["产出指标", "数量指标", "保障人数", "保障人数", "242 人", "县政府批示"],
    ["产出指标", "质量指标", "发放工会经费精确性", "发放工会经费精确性", "100%", "县政府批示"],
    ["效益指标", "社会效益指标", "提升职工生活水平率", "提升职工生活水平率", "≥95%", "县政府批示"],
    ["满意度指标", "服务对象满意度指标", "满意度", "满意度", "≥95%", "问卷调查"],
]
TITLE = "1.公安局辅警工会费绩效目标表"
HEAD = [
    ["项目编码", "13052924P005840119077", "", "项目名称", "公安局辅警工会费", ""],
    ["预算规模及资金用途", "预算数", "13.00", "其中：财政资金", "13.00", "其他资金"],
    ["绩效目标", "1.保障公安局辅警队伍稳定性", "", "", "", ""],
]


def _text(header: list[str]) -> bytes:
    lines = [TITLE, ""] + ["\t".join(row) for row in [*HEAD, header, *ROWS]]
    return ("\n".join(lines) + "\n").encode("utf-8")


LOST_TXT = _text(HEADER)
PARTLY_TXT = _text(["甲栏", "乙栏", "丙栏", "丁栏", "戊栏", "己栏"])


def _blocks() -> list[Block]:
    return [
        TITLE,
        Table(
            [
                ["项目编码", "13052924P005840119077", "项目名称", C("公安局辅警工会费", 3)],
                ["预算数", "13.00", "财政资金", "13.00", "其他资金", ""],
                ["绩效目标", C("保障公安局辅警队伍稳定性", 5)],
                HEADER,
                *ROWS,
            ]
        ),
    ]


def lost_file(ext: str) -> bytes:
    """The file whose indicator rows are lost, as ``txt``, ``docx`` or ``xlsx``."""
    if ext == "txt":
        return LOST_TXT
    blocks = _blocks()
    return docx_bytes(blocks) if ext == "docx" else xlsx_bytes(blocks)
