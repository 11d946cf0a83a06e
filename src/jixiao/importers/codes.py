"""The findings importers report: each code with its severity and Chinese title, in one registry.

S-codes are the structure rules of SPEC §11.1 that reading already decides (S01, S04, S08); P-codes are
problems of reading a file (target documents, 自评表 and 监控表 alike). Codes are stable once released.
"""

from __future__ import annotations

from typing import NamedTuple

from jixiao.model import Finding, Severity, Source, Subject


class ImportCode(NamedTuple):
    """A kind of importer finding: stable code, default severity, Chinese title."""

    code: str
    severity: Severity
    title: str


IMPORT_CODES: dict[str, ImportCode] = {
    c.code: c
    for c in (
        ImportCode("S01", "error", "项目编码格式错误（含空格等），已按原文保留"),
        ImportCode("S04", "info", "跨页续表已并入上一项目"),
        ImportCode("S08", "info", "标签或单元格中的多余空格已清除"),
        ImportCode("P01", "warning", "文件不是 UTF-8 编码，已按 GB18030 读取"),
        ImportCode("P02", "info", "合并单元格留空，已沿用上一行的一级/二级指标"),
        ImportCode("P03", "info", "资金支出计划按表头的列对齐读取"),
        ImportCode("P04", "info", "跨行断开的单元格或段落已连接"),
        ImportCode("P05", "warning", "表格行缺少列，缺少的单元格按空白读取"),
        ImportCode("P06", "warning", "表头缺少必需的列"),
        ImportCode("P07", "warning", "无法识别的内容，已跳过"),
        ImportCode("P08", "warning", "数值无法读取"),
        ImportCode("P09", "warning", "表格不完整（缺少项目编码、指标表头或指标行）"),
        ImportCode("P10", "info", "封面信息不完整"),
        ImportCode("P11", "warning", "自评表或监控表中的栏目不属于记录内容，未读取"),
        ImportCode("P12", "warning", "表头中有无法识别的栏目，该列内容未读取"),
        ImportCode("P13", "warning", "表格中有指标行，却没有读出任何指标"),
        ImportCode("P14", "info", "表式没有某一栏，依赖该栏的检查不适用"),
        ImportCode("P15", "info", "以“=”开头输入的数值被存成公式，已按输入的文字读取"),
        ImportCode("P16", "info", "指标表头未能识别，已按各列的内容判断其含义"),
    )
}


def import_finding(
    code: str,
    message: str,
    source: Source,
    subject: Subject | None = None,
    suggestion: str | None = None,
) -> Finding:
    """A finding of a registered importer code, with the code's default severity."""
    return Finding(
        code=code,
        severity=IMPORT_CODES[code].severity,
        message=message,
        source=source,
        subject=subject or Subject(),
        suggestion=suggestion,
    )
