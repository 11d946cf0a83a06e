"""The PDF extractor: ruled tables (pdfplumber) and the running text outside them, in reading order.

One pass over the pages: pdfplumber finds each page's tables from its ruling lines, and every character of
the page goes either into the table cell under it or into the running text. Lines of running text are
joined into paragraphs when a line was wrapped (the next line's first word would not have fitted), page
numbers (``— 1 —``) are dropped, and a table row broken by a page break is joined again. Cells and
paragraphs keep their spaces as the PDF has them: a line wrapped at a space keeps that space, a line
wrapped inside a word or between Chinese characters joins without one.

What cannot be read at all — not a PDF, an encrypted file, pages without a text layer (scans), text in
fonts without a Unicode map — raises UnreadableError with a Chinese message that says what to do.
"""

from __future__ import annotations

import contextlib
import io
import logging
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from jixiao.importers.cleanup import is_cjk, join_broken
from jixiao.importers.codes import import_finding
from jixiao.importers.errors import UnreadableError
from jixiao.importers.layout import Block, Layout, Row, Table, TextLine
from jixiao.model import Finding, Source

Char = dict[str, Any]
BBox = tuple[float, float, float, float]
_Tail = tuple[float, float, tuple[float, ...]]

_SPACES = frozenset(" \u00a0\u3000\t")
_NUMBER_END = re.compile(r"\d[\d,，]*[.,，]?$")
_NUMBER_START = re.compile(r"^[\d.,，]*\d")
# A page number alone on a line: "— 1 —", "- 1 -", "1", "第 1 页", "第1页 共7页", "1/7".
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–―－~·•\s]*\d{1,4}[-—–―－~·•\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4})$"
)
# Punctuation that may not start a line (it stays with the character before it) or end one.
_NO_LINE_START = frozenset("，。、；：？！）》」』”’〕】…—%％,.;:?!)]}")
_NO_LINE_END = frozenset("（《「『“‘〔【([{")
_PAGE_DIGITS = re.compile(r"^\d{1,4}$")
_MARGIN = 0.14  # page numbers sit in the top or bottom 14 % of a page (公文: 35 mm of 297)
_GARBAGE_SHARE = 0.3  # more than this share of unreadable characters: the text is not usable


# -- public ----------------------------------------------------------------------------------------


def extract_pdf_layout(data: bytes, file: str | None = None) -> tuple[Layout, list[Finding]]:
    """The PDF's tables and running text as a layout, with the findings of reading it."""
    head = data[:1024]
    if b"%PDF-" not in head:
        raise UnreadableError(
            "文件不是 PDF（文件开头没有 %PDF 标记），可能已损坏，或者是改了扩展名的其他格式。"
            "请用 PDF 阅读器确认文件能打开，或按实际格式（.docx、.xlsx、.txt）导入。",
            file,
        )
    import pdfplumber

    quiet = logging.getLogger("pdfminer")
    if quiet.level == logging.NOTSET:  # damaged files make pdfminer log a warning per bad operator
        quiet.setLevel(logging.ERROR)
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:
        raise _open_error(exc, file) from None
    pages: list[_Page] = []
    broken: list[tuple[int, str]] = []  # pages that could not be parsed, and why
    try:
        try:
            page_objects = pdf.pages
        except Exception as exc:
            raise _open_error(exc, file) from None
        for number, page in enumerate(page_objects, start=1):
            try:
                before = pages[-1].tail if pages and pages[-1].number == number - 1 else None
                pages.append(_read_page(page, number, before))
            except Exception as exc:  # a damaged page: the others may still be read
                broken.append((number, _reason(exc)))
            finally:
                page.close()
    finally:
        with contextlib.suppress(Exception):  # closing walks the page tree again, which may be damaged
            pdf.close()
    if broken and not pages:
        raise UnreadableError(
            "PDF 文件已损坏，没有一页能够解析。请用 PDF 阅读器打开后重新“另存为 PDF”或“打印为 PDF”，再导入。"
            f"（技术信息：第 {broken[0][0]} 页，{broken[0][1]}）",
            file,
        )
    scanned = [p.number for p in pages if p.chars == 0 and p.images]
    layout, findings = _Builder(pages, file, _ocr_pages(data, scanned) if scanned else {}).build()
    for number, reason in broken:
        findings.append(
            import_finding(
                "P07",
                f"第 {number} 页已损坏，无法解析，已跳过；请核对原文件中该页的内容。（技术信息：{reason}）",
                Source(file=file, page=number),
            )
        )
    return layout, findings


def _ocr_pages(data: bytes, numbers: list[int]) -> dict[int, list[Block] | str]:
    """Pages without a text layer read by OCR when the optional component is installed: each page's blocks,
    or why it could not be read. Nothing (and no import of the OCR engine) when it is not installed."""
    from jixiao.importers.ocr import ocr_available

    if not ocr_available():
        return {}
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    from jixiao.importers.ocr import ocr_page_layout

    read: dict[int, list[Block] | str] = {}
    document = pdfium.PdfDocument(data)
    try:
        for number in numbers:
            try:
                image = document[number - 1].render(scale=200 / 72).to_pil()  # 200 dpi
                lines, tables = ocr_page_layout(image, number)
            except Exception as exc:
                read[number] = _reason(exc)
                continue
            blocks: list[Block] = [*lines, *tables]
            read[number] = sorted(
                blocks, key=lambda b: (b.line if isinstance(b, TextLine) else b.rows[0].line) or 0
            )
    finally:
        document.close()
    return read


# -- errors ----------------------------------------------------------------------------------------


def _reason(exc: BaseException) -> str:
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    text = str(inner).strip()
    return f"{type(inner).__name__}: {text[:120]}" if text else type(inner).__name__


def _open_error(exc: BaseException, file: str | None) -> UnreadableError:
    inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
    name = type(inner).__name__
    if (
        name in ("PDFPasswordIncorrect", "PDFEncryptionError", "PDFEncryptionWarning")
        or "password" in str(inner).lower()
    ):
        return UnreadableError(
            "PDF 已加密（设有打开密码或使用了不支持的加密方式），无法读取其中的文字。"
            "请在 PDF 阅读器中输入密码后“另存为”或“打印为”不加密的 PDF，或者向提供方索取未加密的文件，再导入。",
            file,
        )
    return UnreadableError(
        "PDF 文件无法打开，文件可能已损坏或不完整。请用 PDF 阅读器确认文件能打开，重新下载或重新导出后再导入。"
        f"（技术信息：{_reason(exc)}）",
        file,
    )


# -- one page --------------------------------------------------------------------------------------


@dataclass
class _Line:
    """A line of characters: its text (with the spaces the PDF has) and its geometry."""

    text: str
    x0: float  # first non-space character
    x1: float  # end of the last non-space character
    end: float  # end of the last character, a space that hangs at a wrap included
    top: float
    bottom: float
    size: float
    first_token: float  # width of the line's first unbreakable piece (see _first_token)


@dataclass
class _Cell:
    bbox: BBox
    lines: list[_Line] = field(default_factory=list)


@dataclass
class _PageTable:
    bbox: BBox
    rows: list[list[_Cell | None]]
    pad: float  # the cells' inner padding, as the closest text to a cell's left border shows


@dataclass
class _Page:
    number: int
    width: float
    lines: list[_Line]  # running text, page numbers left out
    tables: list[_PageTable]
    chars: int
    garbage: int
    spaces: bool
    images: int
    tail: _Tail | None  # the table that ends the page: its left and right edges and its columns


def _read_page(page: Any, number: int, before: _Tail | None) -> _Page:
    """One page's running text and tables; ``before`` is the table that ended the page before, if any."""
    chars: list[Char] = page.chars
    height = float(page.height)
    margin = _MARGIN * height
    found = [t for t in page.find_tables() if len(t.cells) > 1]  # one ruled box is a frame, not a table
    grids = [_Grid(t) for t in sorted(found, key=lambda t: (t.bbox[1], t.bbox[0]))]
    if grids and before is not None and not any(margin < ch["bottom"] <= grids[0].top for ch in chars):
        grids[0].continue_columns(before)  # the page opens with the rest of that table
    outside: list[Char] = []
    garbage = 0
    spaces = False
    for ch in chars:
        text = ch["text"]
        if text in _SPACES:
            spaces = True
        elif _is_garbage(text):
            garbage += 1
        hx = (ch["x0"] + ch["x1"]) / 2
        vy = (ch["top"] + ch["bottom"]) / 2
        for grid in grids:
            if grid.x0 <= hx < grid.x1 and grid.top <= vy < grid.bottom:
                grid.add(ch, hx, vy)
                break
        else:
            outside.append(ch)
    images = len(page.images) if not chars else 0
    tail = None
    if grids and not any(grids[-1].bottom <= ch["top"] < height - margin for ch in outside):
        tail = grids[-1].tail()  # the page ends with a table that may go on over the page
    return _Page(
        number=number,
        width=float(page.width),
        lines=[ln for ln in _lines(outside, spaces) if not _is_page_number(ln, height)],
        tables=[g.table(spaces) for g in grids],
        chars=len(chars),
        garbage=garbage,
        spaces=spaces,
        images=images,
        tail=tail,
    )


def _is_page_number(line: _Line, height: float) -> bool:
    """A page number (``— 1 —``, ``第 1 页`` …) alone on a line in the top or bottom margin."""
    margin = _MARGIN * height
    in_margin = line.bottom < margin or line.top > height - margin
    return in_margin and bool(_PAGE_NUMBER.match(line.text.strip()))


def _is_garbage(text: str) -> bool:
    """A glyph without a Unicode meaning: pdfminer's ``(cid:N)``, U+FFFD, or a private-use code point."""
    if len(text) != 1:
        return text.startswith("(cid:")
    code = ord(text)
    return code == 0xFFFD or 0xE000 <= code <= 0xF8FF or code >= 0xF0000


class _Grid:
    """A pdfplumber table as a grid: every character is put into the cell under its centre.

    A cell left open at a page break (a merged cell going on over the page has no bottom border) is no cell
    for pdfplumber; its characters go into a cell made for them at their row and column.
    """

    def __init__(self, table: Any) -> None:
        cells: list[BBox] = [tuple(c) for c in table.cells]
        self.x0, self.top, self.x1, self.bottom = table.bbox
        self.xs = sorted({c[0] for c in cells} | {c[2] for c in cells})
        self.ys = sorted({c[1] for c in cells} | {c[3] for c in cells})
        x_index = {x: i for i, x in enumerate(self.xs)}
        y_index = {y: i for i, y in enumerate(self.ys)}
        self.cells: dict[BBox, _Cell] = {c: _Cell(c) for c in cells}
        self.chars: dict[BBox, list[Char]] = {c: [] for c in cells}
        self.slots: dict[tuple[int, int], BBox] = {}
        for c in cells:
            for xi in range(x_index[c[0]], x_index[c[2]]):
                for yi in range(y_index[c[1]], y_index[c[3]]):
                    self.slots[(xi, yi)] = c
        self.rows: list[list[BBox | None]] = [list(r.cells) for r in table.rows]
        self.columns = sorted({c[0] for c in cells})  # pdfplumber's columns: where cells start
        self.row_tops = [min(c[1] for c in row if c is not None) for row in self.rows]

    def continue_columns(self, before: _Tail) -> None:
        """Take the columns of the table this one continues that it lacks: a merged cell running down over
        the page (一级指标) has no borders on this page, so pdfplumber sees no column there; and a column the
        head block's cells above made on the page before (项目名称 | …) is one no row here splits."""
        x0, x1, columns = before
        own = self.columns
        if not all(any(abs(c - p) < 2 for p in columns) for c in own):
            return  # not the same grid
        missing = [p for p in columns if not any(abs(p - c) < 2 for c in own)]
        if not missing:
            return
        self.columns = sorted(own + missing)
        index = {c: self.columns.index(c) for c in own}
        rows = []
        for row in self.rows:
            wide: list[BBox | None] = [None] * len(self.columns)
            for c, cell in zip(own, row, strict=False):
                wide[index[c]] = cell
            rows.append(wide)
        self.rows = rows
        self.x0, self.x1 = min(self.x0, x0), max(self.x1, x1)

    def tail(self) -> _Tail:
        """The table's edges and columns, for a table that may continue it on the next page."""
        return (self.x0, self.x1, tuple(self.columns))

    def add(self, ch: Char, hx: float, vy: float) -> None:
        """Put a character into the cell under it, or into a cell made at its row and column."""
        cell = self.slots.get((bisect_right(self.xs, hx) - 1, bisect_right(self.ys, vy) - 1))
        if cell is None:
            r = max(bisect_right(self.row_tops, vy) - 1, 0)
            k = max(bisect_right(self.columns, hx) - 1, 0)
            cell = self.rows[r][k]
            if cell is None:
                right = self.columns[k + 1] if k + 1 < len(self.columns) else self.x1
                bottom = self.row_tops[r + 1] if r + 1 < len(self.rows) else self.bottom
                cell = (self.columns[k], self.row_tops[r], right, bottom)
                self.rows[r][k] = cell
                self.cells[cell] = _Cell(cell)
                self.chars[cell] = []
        self.chars[cell].append(ch)

    def table(self, spaces: bool) -> _PageTable:
        """The rows of cells with their lines of text."""
        pads = []
        for bbox, cell in self.cells.items():
            cell.lines = _lines(self.chars[bbox], spaces)
            pads += [line.x0 - bbox[0] for line in cell.lines]
        rows = [[self.cells[c] if c is not None else None for c in row] for row in self.rows]
        pad = max(0.0, min(pads)) if pads else 0.0
        return _PageTable((self.x0, self.top, self.x1, self.bottom), rows, pad)


def _lines(chars: Sequence[Char], spaces: bool) -> list[_Line]:
    """Characters grouped into lines (top to bottom), each line's characters left to right.

    On a page that has space characters, only a wide gap counts as a space (not the spacing some
    programs put between Chinese characters and digits); on a page without any, a narrower one does.
    """
    if not chars:
        return []
    ordered = sorted(chars, key=lambda c: (c["top"], c["x0"]))
    groups: list[list[Char]] = []
    top = bottom = -1e9
    for ch in ordered:
        size = ch["size"] or (ch["bottom"] - ch["top"])
        mid = (ch["top"] + ch["bottom"]) / 2
        if groups and top - 0.1 * size <= mid <= bottom + 0.1 * size:
            groups[-1].append(ch)
            bottom = max(bottom, ch["bottom"])
        else:
            groups.append([ch])
            top, bottom = ch["top"], ch["bottom"]
    gap = 0.5 if spaces else 0.2
    return [line for g in groups if (line := _line(sorted(g, key=lambda c: c["x0"]), gap)) is not None]


def _line(chars: list[Char], gap_share: float) -> _Line | None:
    parts: list[str] = []
    prev: Char | None = None
    first: Char | None = None
    last: Char | None = None
    size = max(c["size"] or (c["bottom"] - c["top"]) for c in chars)
    for ch in chars:
        text = ch["text"]
        if text == "\u3000" and ch["x1"] - ch["x0"] < 0.6 * size:
            text = " "  # a space glyph some writers map to U+3000: an ideographic space is a full em wide
        if prev is not None:
            if text == prev["text"] and abs(ch["x0"] - prev["x0"]) < 0.2 * size:
                continue  # a glyph printed twice (fake bold)
            gap = ch["x0"] - prev["x1"]
            # Office suites put about 1/5 em between Chinese and Western characters: that is no space
            share = max(gap_share, 0.3) if _one_cjk(prev["text"], text) else gap_share
            if gap > share * size and text not in _SPACES and prev["text"] not in _SPACES:
                parts.append(" ")  # a gap without a space character
        parts.append(text)
        prev = ch
        if text not in _SPACES:
            first = first or ch
            last = ch
    if first is None or last is None:
        return None
    text = "".join(parts).lstrip()
    return _Line(
        text=text,
        x0=first["x0"],
        x1=last["x1"],
        end=max(last["x1"], chars[-1]["x1"]),
        top=min(c["top"] for c in chars),
        bottom=max(c["bottom"] for c in chars),
        size=size,
        first_token=_first_token(chars),
    )


def _one_cjk(before: str, after: str) -> bool:
    """True when exactly one of two neighbouring characters is Chinese (the other a digit, letter or sign)."""
    a = len(before) == 1 and is_cjk(before)
    b = len(after) == 1 and is_cjk(after)
    return a != b


def _first_token(chars: list[Char]) -> float:
    """The width of the line's first unbreakable piece: a CJK character with the punctuation that sticks to
    it (an opening bracket holds on to what follows it, even across a space), or a run of Latin letters and
    digits."""
    items = [c for c in chars if c["text"] not in _SPACES]
    if not items:
        return 0.0
    start = end = items[0]
    for ch in items[1:]:
        before, text = end["text"], ch["text"]
        if before in _NO_LINE_END or text in _NO_LINE_START:
            end = ch
            continue
        if ch["x0"] - end["x1"] > 0.2 * (ch["size"] or 1):
            break  # a space: a line may break here
        if (len(before) == 1 and is_cjk(before)) or (len(text) == 1 and is_cjk(text)):
            break  # a line may break before or after a CJK character
        end = ch
    return float(end["x1"] - start["x0"])


# -- the document ----------------------------------------------------------------------------------


@dataclass
class _Para:
    """Running text being built from lines: the lines' texts, where it starts and its last line."""

    pieces: list[str]
    page: int
    last: _Line
    last_page: int


@dataclass
class _RowDraft:
    cells: list[_Cell | None]
    pieces: list[list[str]]  # each cell's lines
    joined: list[tuple[str, str, int]] = field(default_factory=list)  # (head, rest, page) of joined cells


@dataclass
class _TableDraft:
    rows: list[_RowDraft]
    page: int
    pad: float


class _Builder:
    """Pages to layout blocks: paragraphs joined, page numbers dropped, rows broken by a page joined."""

    def __init__(self, pages: list[_Page], file: str | None, ocr: dict[int, list[Block] | str]) -> None:
        self.pages = pages
        self.file = file
        self.ocr = ocr  # pages without a text layer read by OCR: their blocks, or why they could not be read
        self.findings: list[Finding] = []
        # PDFs from Word, WPS, LibreOffice and browsers carry spaces as characters: a wrapped line then
        # ends with its space when it was wrapped at one, and lines join exactly. Without any space
        # characters, lines join as text extraction would (a space between two Latin words).
        self.exact = any(p.spaces for p in pages)

    def build(self) -> tuple[Layout, list[Finding]]:
        """The layout of the pages, and what reading them found."""
        self._check_text()
        areas = self._text_areas()
        drafts: list[_Para | _TableDraft | Block] = []
        for page in self.pages:
            left, right = areas[round(page.width)]
            if page.chars == 0 and page.images:
                read = self.ocr.get(page.number)
                self._report_scanned_page(page, read)
                if isinstance(read, list):
                    drafts.extend(read)
                    continue
            entries: list[tuple[float, _Line | _PageTable]] = [(line.top, line) for line in page.lines]
            entries += [(t.bbox[1], t) for t in page.tables]
            entries.sort(key=lambda e: e[0])
            for _, item in entries:
                previous = drafts[-1] if drafts else None
                if isinstance(item, _PageTable):
                    table = _table_draft(item, page.number)
                    if isinstance(previous, _TableDraft) and previous.page == page.number - 1:
                        self._join_broken_row(previous, table)
                    if table.rows:
                        drafts.append(table)
                elif (
                    isinstance(previous, _Para)
                    and (glue := self._continues(previous, item, page.number, left, right)) is not None
                ):
                    previous.pieces[-1] += glue
                    previous.pieces.append(item.text)
                    previous.last, previous.last_page = item, page.number
                else:
                    drafts.append(_Para([item.text], page.number, item, page.number))
        return Layout(self.file, tuple(self._blocks(drafts))), self.findings

    def _blocks(self, drafts: list[_Para | _TableDraft | Block]) -> list[Block]:
        """Drafts to blocks, numbering the lines (a text line or a table row each) in reading order."""
        blocks: list[Block] = []
        counter = 0
        tables = 0
        for draft in drafts:
            if isinstance(draft, TextLine):  # read by OCR
                counter += 1
                blocks.append(draft._replace(line=counter))
                continue
            if isinstance(draft, Table):  # read by OCR
                tables += 1
                numbered = tuple(r._replace(line=counter + k) for k, r in enumerate(draft.rows, start=1))
                counter += len(numbered)
                blocks.append(draft._replace(rows=numbered, number=tables))
                continue
            if isinstance(draft, _Para):
                blocks.append(TextLine(self._join(draft.pieces), counter + 1, draft.page))
                counter += len(draft.pieces)
                continue
            rows = []
            for row in draft.rows:
                counter += 1
                rows.append(Row(tuple(self._join(p) for p in row.pieces), counter, draft.page))
                for head, rest, page in row.joined:
                    self.findings.append(
                        import_finding(
                            "P04",
                            f"第 {page} 页顶部的“{rest[:20]}”接在上一页表格最后一行（第 {counter} 行）"
                            f"的“{head[-20:]}”之后（表格行跨页断开），已连接为一个单元格。",
                            Source(file=self.file, page=page, line=counter, cell=rest),
                        )
                    )
            if all(r.is_blank for r in rows):
                continue
            tables += 1
            blocks.append(Table(tuple(rows), tables, draft.page))
        return blocks

    def _join(self, pieces: Sequence[str]) -> str:
        if self.exact:
            return "".join(pieces).strip()
        text = ""
        for raw in pieces:
            piece = raw.strip()
            if text.endswith(" ") or (_NUMBER_END.search(text) and _NUMBER_START.match(piece)):
                text += piece  # a number wrapped in a narrow column (1,234,50 | 0.00) is one number
            else:
                text = join_broken(text, piece)
        return text.strip()

    # checks --------------------------------------------------------------------------------------
    def _check_text(self) -> None:
        total = sum(p.chars for p in self.pages)
        if total == 0:
            if any(isinstance(r, list) and r for r in self.ocr.values()):
                return  # read by OCR
            images = sum(p.images for p in self.pages)
            what = "页面只有图片，可能是扫描件" if images else "页面上没有文字"
            if not images:
                how = "页面上既没有文字也没有图片，文字识别（OCR）也无从识别。请"
            elif self.ocr:
                how = "文字识别（OCR）也没有识别出文字（图片可能不是文字，或者太模糊）。请"
            else:
                how = (
                    "需要先做文字识别（OCR），而文字识别组件没有安装："
                    "安装可选组件（pip install 'jixiao[ocr]'）后即可读取扫描件；否则请"
                )
            raise UnreadableError(
                f"PDF 没有文字层（{what}），无法直接读取：{how}"
                "从原始 Word/WPS 文件重新导出带文字的 PDF，或提供 DOCX/XLSX 文件。",
                self.file,
            )
        garbage = sum(p.garbage for p in self.pages)
        if garbage > _GARBAGE_SHARE * total:
            raise UnreadableError(
                f"PDF 中的文字无法解码（{garbage} / {total} 个字符是乱码：字体缺少 Unicode 映射），"
                "复制出来也是乱码。请从原始 Word/WPS 文件重新导出 PDF（嵌入字体），或提供 DOCX/XLSX 文件。",
                self.file,
            )
        for page in self.pages:
            if page.garbage:
                self.findings.append(
                    import_finding(
                        "P07",
                        f"第 {page.number} 页有 {page.garbage} 个字符无法解码（字体缺少 Unicode 映射），"
                        "相关文字可能缺字或显示为乱码，请核对原文。",
                        Source(file=self.file, page=page.number),
                    )
                )

    def _report_scanned_page(self, page: _Page, read: list[Block] | str | None) -> None:
        if isinstance(read, list):
            message = f"第 {page.number} 页没有文字层，已用文字识别（OCR）读取，请核对识别结果。"
        elif read is not None:
            message = (
                f"第 {page.number} 页没有文字层（只有图片，可能是扫描页），文字识别（OCR）失败，其内容未读取，"
                f"请核对原文。（技术信息：{read}）"
            )
        else:
            message = (
                f"第 {page.number} 页没有文字层（只有图片，可能是扫描页），其内容未读取，请核对原文；"
                "安装可选的文字识别组件（pip install 'jixiao[ocr]'）后可以读取扫描页。"
            )
        self.findings.append(import_finding("P07", message, Source(file=self.file, page=page.number)))

    # geometry ------------------------------------------------------------------------------------
    def _text_areas(self) -> dict[int, tuple[float, float]]:
        """The left and right edges of the text for each page width (portrait and landscape pages differ):
        the widest of the tables and of the longer lines (the third longest, so that a few lines with
        punctuation hanging past the margin do not count)."""
        areas: dict[int, tuple[float, float]] = {}
        for width in {round(p.width) for p in self.pages}:
            pages = [p for p in self.pages if round(p.width) == width]
            tables = [t.bbox for p in pages for t in p.tables]
            lines = [line for p in pages for line in p.lines]
            ends = sorted((line.x1 for line in lines), reverse=True)
            third = ends[min(2, len(ends) - 1)] if ends else 0.0
            right = max([third, *(b[2] for b in tables)])
            left = min([b[0] for b in tables] + [line.x0 for line in lines], default=0.0)
            areas[width] = (left, right)
        return areas

    @staticmethod
    def _continues(para: _Para, line: _Line, page: int, left: float, right: float) -> str | None:
        """What joins a line to the paragraph before it ('' or a space), or None when it starts a new one.

        A line goes on when it has the same size, is not indented, follows without paragraph spacing, and
        the line before was wrapped (this line's first word would not have fitted there). A page number
        alone at the right margin under a contents entry (pushed down by a long title) goes on after a space.
        """
        last = para.last
        if abs(line.size - last.size) > 0.15 * last.size:
            return None
        if page == para.last_page:
            if line.top < last.top or line.top - last.bottom > 1.0 * last.size:
                return None
            if _PAGE_DIGITS.match(line.text) and line.x1 > right - line.size:
                return " "
        elif page != para.last_page + 1:
            return None
        if line.x0 > left + 0.8 * line.size:
            return None
        return "" if last.end + line.first_token > right - 0.1 * last.size else None

    def _join_broken_row(self, before: _TableDraft, after: _TableDraft) -> None:
        """Join a row broken by a page break: the first row of a table that opens a page is the rest of the
        row that closed the page before when all its texts sit under cells whose last line was full."""
        if not before.rows or not after.rows:
            return
        last, first = before.rows[-1], after.rows[0]
        targets: list[tuple[int, int]] = []
        for j, cell in enumerate(first.cells):
            if cell is None or not cell.lines:
                continue
            i = _column_under(last.cells, cell.bbox)
            above = last.cells[i] if i is not None else None
            if i is None or above is None or not above.lines:
                return
            if not _wrapped(above, before.pad, cell.lines[0].first_token):
                return
            targets.append((i, j))
        if not targets:
            return
        for i, j in targets:
            last.joined.append(
                ("".join(last.pieces[i]).strip(), "".join(first.pieces[j]).strip(), after.page)
            )
            last.pieces[i] = last.pieces[i] + first.pieces[j]
        after.rows.pop(0)


def _table_draft(table: _PageTable, page: int) -> _TableDraft:
    rows = [
        _RowDraft(cells, [[ln.text for ln in c.lines] if c else [] for c in cells]) for cells in table.rows
    ]
    return _TableDraft(rows, page, table.pad)


def _column_under(cells: Sequence[_Cell | None], bbox: BBox) -> int | None:
    """The index of the cell spanning the same columns as a box (a row broken by a page keeps its cells)."""
    for i, cell in enumerate(cells):
        if cell is not None and abs(cell.bbox[0] - bbox[0]) < 2 and abs(cell.bbox[2] - bbox[2]) < 2:
            return i
    return None


def _wrapped(cell: _Cell, pad: float, token: float) -> bool:
    """True when a cell's last line is full: a piece as wide as ``token`` would not have fitted on it."""
    line = cell.lines[-1]
    room = (cell.bbox[2] - cell.bbox[0]) - 2 * pad
    return (line.x1 - line.x0) + token > room - 0.1 * line.size
