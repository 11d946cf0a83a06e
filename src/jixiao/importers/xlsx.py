"""The XLSX extractor: every sheet's rows become text lines and tables of the shared layout.

Positions: a Row's ``line`` is the sheet's row number (1-based, as Excel shows it) and its ``page`` is the
sheet's index (1-based, in workbook order), so a finding at ``第 2 页，第 7 行`` is row 7 of the second sheet.
Hidden sheets are not read (templates keep drop-down lists there) and are reported; the summary sheet that
jixiao's exporter writes is skipped silently.

openpyxl loads the workbook in its normal mode, not ``read_only``: read-only mode does not read merged ranges,
and a merged range must give its value in the top-left cell and blanks in the cells it covers (a generator may
leave values under a merge, and a title merged across the table must read as one line). A department's document
is a few hundred rows, which normal mode loads in tens of milliseconds. ``data_only=True`` gives the value a
formula had when the file was last saved by Excel, WPS or LibreOffice; a formula without that cached value is
read as blank and reported.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from jixiao.importers.cleanup import label_key
from jixiao.importers.codes import import_finding
from jixiao.importers.engine.head import read_label
from jixiao.importers.errors import UnreadableError
from jixiao.importers.layout import Block, Layout, Row, Table, TextLine
from jixiao.model import Finding, Source

# The custom document property with which jixiao's XLSX exporter names its summary sheet: the summary repeats
# what the project sheets hold, so it is not read back.
SUMMARY_PROPERTY = "jixiao-summary-sheet"

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK"
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_SECTION = re.compile(r'"[^"]*"|\\.|.', re.DOTALL)
_LABEL_ONLY_LENGTH = 12
_SUGGEST_RESAVE = "请用 Excel 或 WPS 打开该文件，另存为“Excel 工作簿（*.xlsx）”后再导入。"


def extract_xlsx_layout(data: bytes, file: str | None = None) -> tuple[Layout, list[Finding]]:
    """Split every sheet into lines and tables: one filled cell is a line, a blank row ends a table."""
    workbook = _load(data, file)
    findings: list[Finding] = []
    formulas = _formulas(data, file) if _has_formulas(data) else {}
    skipped = _summary_sheet_name(workbook)
    blocks: list[Block] = []
    tables = 0
    for page, sheet in enumerate(workbook.worksheets, start=1):
        if skipped is not None and sheet.title == skipped:
            continue
        if sheet.sheet_state != "visible":
            # templates keep their drop-down lists (≥ ≤ ＝, 正向/反向 …) on hidden sheets
            findings.append(
                import_finding(
                    "P07",
                    f"工作表“{sheet.title}”是隐藏的，未读取。若其中有绩效目标表，请在 Excel 或 WPS 中取消隐藏后重新导入。",
                    Source(file=file, page=page),
                )
            )
            continue
        reader = _SheetReader(sheet, page, file, findings, formulas.get(sheet.title, {}))
        tables = reader.read_into(blocks, tables)
    return Layout(file, tuple(blocks)), findings


# -- opening the file ---------------------------------------------------------------------------------------
def _load(data: bytes, file: str | None) -> Any:
    """The workbook, or an UnreadableError saying what the file is instead."""
    _check_container(data, file)
    import openpyxl  # type: ignore[import-untyped]

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it drops
            return openpyxl.load_workbook(io.BytesIO(data), data_only=True, read_only=False)
    except Exception as exc:  # a damaged part can fail in zipfile, zlib, the XML parser or openpyxl
        raise UnreadableError(
            f"Excel 文件已损坏，无法读取（{type(exc).__name__}: {str(exc)[:80]}）。{_SUGGEST_RESAVE}",
            file,
        ) from exc


def _check_container(data: bytes, file: str | None) -> None:
    """Raise a clear UnreadableError unless the bytes are a ZIP package holding a workbook."""
    if not data.strip():
        raise UnreadableError("文件是空的（0 字节），没有可读取的内容。请检查文件是否完整下载或复制。", file)
    if data.startswith(_OLE2_MAGIC):
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise UnreadableError(
                "Excel 文件设置了打开密码（已加密），无法读取。请在 Excel 或 WPS 中取消密码后另存为 .xlsx 再导入。",
                file,
            )
        raise UnreadableError(
            "这是旧版 Excel 97-2003 工作簿（.xls 二进制格式），不是 .xlsx（可能只是改了扩展名）。"
            + _SUGGEST_RESAVE,
            file,
        )
    if not data.startswith(_ZIP_MAGIC):
        head = data[:512].lstrip().lower()
        if head.startswith((b"<", b"\xef\xbb\xbf<")):
            raise UnreadableError(
                "这是网页或 XML 格式的表格（常见于从业务系统导出的“Excel”文件），不是 .xlsx 工作簿。"
                + _SUGGEST_RESAVE,
                file,
            )
        raise UnreadableError(
            "这不是 Excel 工作簿：.xlsx 文件是 ZIP 压缩包，而此文件不是（可能是其他格式改了扩展名）。"
            + _SUGGEST_RESAVE,
            file,
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:80] if "mimetype" in names else b""
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise UnreadableError(
            "Excel 文件已损坏：ZIP 压缩包不完整或被截断（常见于下载中断或邮件附件损坏），无法读取。"
            "请重新下载或从原始文件重新导出后再导入。",
            file,
        ) from exc
    if "xl/workbook.xml" in names:
        return
    if "xl/workbook.bin" in names:
        what = "Excel 二进制工作簿（.xlsb）"
    elif "word/document.xml" in names:
        what = "Word 文档（.docx），请按 .docx 导入"
    elif b"opendocument.spreadsheet" in mimetype:
        what = "OpenDocument 表格（.ods）"
    else:
        what = "ZIP 压缩包，但其中没有 Excel 工作簿"
    raise UnreadableError(f"这不是 .xlsx 工作簿，而是{what}。{_SUGGEST_RESAVE}", file)


def _has_formulas(data: bytes) -> bool:
    """True when a worksheet part holds a formula element (cheap test before loading the formulas)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and _FORMULA.search(archive.read(name)):
                return True
    return False


def _formulas(data: bytes, file: str | None) -> dict[str, dict[tuple[int, int], str]]:
    """Every formula cell's formula by sheet, then (row, column); their cached values are read with the rest."""
    import openpyxl

    formulas: dict[str, dict[tuple[int, int], str]] = {}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(io.BytesIO(data), data_only=False, read_only=True)
            for sheet in workbook.worksheets:
                found = formulas.setdefault(sheet.title, {})
                for row in sheet.iter_rows():
                    for cell in row:
                        if getattr(cell, "data_type", None) == "f":
                            found[(cell.row, cell.column)] = _formula_text(cell.value)
            workbook.close()
    except Exception as exc:
        raise UnreadableError(
            f"Excel 文件中的公式无法读取（{type(exc).__name__}）。{_SUGGEST_RESAVE}", file
        ) from exc
    return formulas


# A formula that is a value typed after "=": a number with its unit or percent sign, no reference, no function.
_LITERAL = re.compile(r"^\s*[≥≤<>＝=＞＜]*\s*\d[\d,.]*\s*(?:%|％|‰|[^\d\s+\-*/^()!:$,;\"'=<>&]{1,8})?\s*$")


def _formula_text(value: Any) -> str:
    text = getattr(value, "text", value)  # an ArrayFormula keeps its formula in .text
    return str(text or "").removeprefix("=")


def _summary_sheet_name(workbook: Any) -> str | None:
    """The sheet jixiao's exporter wrote as a summary, named in a custom document property."""
    props = getattr(workbook, "custom_doc_props", None)
    for prop in getattr(props, "props", ()):
        if prop.name == SUMMARY_PROPERTY and isinstance(prop.value, str):
            return prop.value
    return None


# -- one sheet ----------------------------------------------------------------------------------------------
class _SheetReader:
    """Reads one worksheet's cells into blocks, reporting dates, error values and uncached formulas."""

    def __init__(
        self,
        sheet: Any,
        page: int,
        file: str | None,
        findings: list[Finding],
        formulas: dict[tuple[int, int], str],
    ) -> None:
        self.sheet = sheet
        self.page = page
        self.file = file
        self.findings = findings
        self.formulas = formulas

    def read_into(self, blocks: list[Block], tables: int) -> int:
        """Append this sheet's blocks; returns the number of tables in the file so far."""
        texts = self._texts()
        if not texts:
            return tables
        first_col = min(c for cols in texts.values() for c in cols)
        last_col = max(c for cols in texts.values() for c in cols)
        for merged in self.sheet.merged_cells.ranges:
            if merged.min_row in texts and merged.min_col >= first_col:
                last_col = max(last_col, merged.max_col)
        rows: list[Row] = []

        def close_table() -> None:
            nonlocal rows, tables
            if rows:
                tables += 1
                blocks.append(Table(tuple(rows), tables, self.page))
                rows = []

        for number in range(min(texts), max(texts) + 1):
            cols = texts.get(number)
            if not cols:
                close_table()  # a blank row separates blocks
                continue
            if len(cols) == 1 and self._is_line(next(iter(cols.items())), first_col, bool(rows)):
                close_table()
                text = next(iter(cols.values()))
                blocks.extend(TextLine(p.strip(), number, self.page) for p in text.splitlines() if p.strip())
                continue
            # a line break typed inside a cell (Alt+Enter) reads as a space, as PDF text gives it
            cells = tuple(" ".join(cols.get(c, "").splitlines()) for c in range(first_col, last_col + 1))
            rows.append(Row(cells, number, self.page))
        close_table()
        return tables

    @staticmethod
    def _is_line(cell: tuple[int, str], first_col: int, in_table: bool) -> bool:
        """A lone filled cell is a title, unit line or heading, except a table's label or a value under a label."""
        col, text = cell
        if not in_table:
            return True
        if col != first_col:
            return False  # 资金用途 or the one filled 资金支出计划 percentage
        key = label_key(text)
        return not (read_label(text, 0) is not None and len(key) <= _LABEL_ONLY_LENGTH)

    def _texts(self) -> dict[int, dict[int, str]]:
        """The non-empty cell texts by row and column (openpyxl already blanks the cells a merge covers)."""
        texts: dict[int, dict[int, str]] = {}
        # The stored cells only: iter_rows() would create every cell of the used range, and one stray
        # formatted cell far away (XFD1048576) makes that range billions of cells.
        for (row, col), cell in sorted(self.sheet._cells.items()):
            text = self._cell_text(cell, row, col)
            if text.strip():
                texts.setdefault(row, {})[col] = text.strip()
        return texts

    def _cell_text(self, cell: Any, row: int, col: int) -> str:
        value = cell.value
        typed = self.formulas.get((row, col))
        if typed is not None and _LITERAL.match(typed):
            # ``=100%`` or ``=47 人`` typed into a cell: Excel stores a formula (100.00%, #VALUE!) for a value
            source = Source(file=self.file, page=self.page, line=row, column=col, cell=f"={typed}")
            self.findings.append(
                import_finding(
                    "P15",
                    f"单元格 {self._where(cell)} 输入的“={typed}”被 Excel 存成了公式，已按输入的文字“{typed.strip()}”读取。",
                    source,
                    suggestion="填写指标值时不要以“=”开头，或把单元格格式设为“文本”。",
                )
            )
            return typed.strip()
        if value is None:
            if (row, col) in self.formulas:
                self._report(
                    row,
                    col,
                    f"单元格 {self._where(cell)} 是公式（={self.formulas[(row, col)]}），但文件中没有保存计算结果"
                    "（文件可能由程序生成，从未在 Excel、WPS 或 LibreOffice 中打开保存过），已按空白读取。",
                    f"={self.formulas[(row, col)]}",
                    "在 Excel、WPS 或 LibreOffice 中打开该文件并保存，使公式的结果写入文件，然后重新导入。",
                )
            return ""
        if isinstance(value, str):
            if cell.data_type == "e":
                self._report(
                    row,
                    col,
                    f"单元格 {self._where(cell)} 的公式结果是错误值 {value}，已按原样读取。",
                    value,
                    "在 Excel 或 WPS 中修正该公式，或改为直接填写数值。",
                )
            return value
        if isinstance(value, bool):
            return "TRUE" if value else "FALSE"  # as Excel and WPS show it
        if isinstance(value, (dt.datetime, dt.date, dt.time, dt.timedelta)):
            text = _date_text(value)
            self._report(
                row,
                col,
                f"单元格 {self._where(cell)} 是 Excel 日期（{text}），而此处应为文字或数值"
                "（输入“12-31”“2024/12/31”等会被 Excel 自动转换为日期），已按日期文字“" + text + "”读取。",
                text,
                "核对该单元格：若应为指标值或金额，请把单元格格式设为“文本”后重新填写。",
            )
            return text
        if isinstance(value, (int, float)):
            text = number_text(value, str(cell.number_format or "General"))
            if isinstance(value, float) and abs(value) >= 1e15:
                self._report(
                    row,
                    col,
                    f"单元格 {self._where(cell)} 是一个 16 位以上的数字（{text}）。Excel 只保存 15 位有效数字，"
                    "末尾几位可能已变成 0（常见于把项目编码等长编码当作数字输入）。",
                    text,
                    "把单元格格式设为“文本”，按原始资料重新填写完整的编码或数值。",
                )
            return text
        return str(value)

    def _where(self, cell: Any) -> str:
        return f"“{self.sheet.title}”!{cell.coordinate}"

    def _report(self, row: int, col: int, message: str, cell_text: str, suggestion: str) -> None:
        source = Source(file=self.file, page=self.page, line=row, column=col, cell=cell_text or None)
        self.findings.append(import_finding("P08", message, source, suggestion=suggestion))


# -- cell values as text ------------------------------------------------------------------------------------
def _date_text(value: dt.datetime | dt.date | dt.time | dt.timedelta) -> str:
    """An Excel date or time as ISO text (a midnight datetime as the date alone)."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.timedelta):
        return str(value)
    return value.isoformat()


def number_text(value: float, number_format: str = "General") -> str:
    """A number as its cell shows it: decimals, percent and literals from the format, never float noise."""
    # 13 with 0.00 is 13.00; 1 with 0% is 100%; 13.100000000000001 is 13.1 (Excel shows 15 significant
    # digits); quoted literals are kept ("≥"0% shows ≥95%); thousands separators are left out, so the text
    # reads back as the same number.
    if isinstance(value, int):
        number = Decimal(value)
    else:
        try:
            number = Decimal(f"{value:.15g}")
        except InvalidOperation:
            return str(value)  # inf or nan
        if not number.is_finite():
            return str(value)
    spec = _parse_format(number_format)
    if spec is None:
        return _plain(number)
    places, percent, prefix, suffix = spec
    if percent:
        number *= 100
    shown = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if shown == 0:
        shown = abs(shown)  # no "-0.00"
    return f"{prefix}{shown:f}{'%' if percent else ''}{suffix}"


def _plain(number: Decimal) -> str:
    return f"{number.normalize():f}" if number != 0 else "0"


def _parse_format(number_format: str) -> tuple[int, bool, str, str] | None:
    """(decimal places, percent, literal prefix, literal suffix) of a format; None for General, text and the rest."""
    section = "".join(_first_section(number_format))
    code = re.sub(r"\[[^\]]*\]|_.|\*.", "", section)  # colours, locales, padding and fill characters
    if not code.strip() or code.strip().lower() == "general" or "@" in code:
        return None
    literal = re.sub(r'"[^"]*"|\\.', lambda m: "\0" * len(m.group(0)), code)
    if re.search(r"[eE][+-]|\?|/", literal):
        return None
    places_at = [i for i, ch in enumerate(literal) if ch in "0#"]
    if not places_at:
        return None
    start, end = places_at[0], places_at[-1] + 1
    body = literal[start:end]
    places = sum(1 for ch in body.split(".", 1)[1] if ch in "0#") if "." in body else 0
    percent = "%" in literal
    prefix = _literals(code[:start])
    suffix = _literals(code[end:])
    return places, percent, prefix, suffix


def _first_section(number_format: str) -> list[str]:
    """The characters of a format's first (positive-number) section, quoted text kept whole."""
    out: list[str] = []
    for m in _SECTION.finditer(number_format):
        if m.group(0) == ";":
            break
        out.append(m.group(0))
    return out


def _literals(code: str) -> str:
    """The literal text of part of a format: quoted strings, escaped characters and plain characters."""
    out: list[str] = []
    for m in re.finditer(r'"([^"]*)"|\\(.)|([^%,])', code):
        out.append(m.group(1) or m.group(2) or m.group(3) or "")
    return "".join(out)


__all__ = ["SUMMARY_PROPERTY", "extract_xlsx_layout", "number_text"]
