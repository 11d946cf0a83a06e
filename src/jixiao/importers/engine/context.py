"""What reading carries from cell to cell: the file, the findings so far, and how to say where a cell is."""

from __future__ import annotations

from jixiao.importers.cleanup import join_cjk_spaces
from jixiao.importers.codes import import_finding
from jixiao.model import Finding, Source, Subject


class Context:
    """The file being read and the findings reported so far."""

    def __init__(self, file: str | None) -> None:
        self.file = file
        self.findings: list[Finding] = []

    def report(
        self,
        code: str,
        message: str,
        source: Source,
        subject: Subject | None = None,
        suggestion: str | None = None,
    ) -> None:
        """Add an importer finding of a registered code."""
        self.findings.append(import_finding(code, message, source, subject, suggestion))

    def clean(self, text: str, src: Source, what: str, subject: Subject | None = None) -> str:
        """The text with stray spaces between CJK characters removed; a change is reported (S08)."""
        cleaned = join_cjk_spaces(text)
        if cleaned != text.strip():
            self.report("S08", f"{what}“{text.strip()}”中有多余空格，已读作“{cleaned}”。", src, subject)
        return cleaned

    def source(self, line: int | None, page: int | None = None, cell: str | None = None) -> Source:
        """A source in this file at a line."""
        return Source(file=self.file, line=line, page=page, cell=cell)


def where(src: Source) -> str:
    """Where a cell is, for a message: ``自评.txt 表 1 第 12 行第 8 列`` (the line in text files)."""
    parts: list[str] = []
    if src.file:
        parts.append(src.file.replace("\\", "/").rsplit("/", 1)[-1])
    if src.page is not None and src.table is None:
        parts.append(f"第 {src.page} 页")
    if src.table is not None:
        cell = f"表 {src.table}"
        if src.row is not None:
            cell += f" 第 {src.row} 行"
        if src.column is not None:
            cell += f"第 {src.column} 列"
        parts.append(cell)
    text = " ".join(parts)
    return f"{text}（文件第 {src.line} 行）" if src.line is not None else text


def ranges(rows: list[int]) -> str:
    """``1–3、5`` for rows 1, 2, 3, 5."""
    spans: list[str] = []
    start = prev = rows[0]
    for r in [*rows[1:], None]:
        if r is not None and r == prev + 1:
            prev = r
            continue
        spans.append(str(start) if start == prev else f"{start}–{prev}")
        if r is not None:
            start = prev = r
    return "、".join(spans)
