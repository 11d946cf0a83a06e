"""The DOCX extractor: a Word file's paragraphs and tables, in document order, merged cells resolved.

Paragraphs become text lines (a paragraph broken by line breaks gives one line per piece); tables become rows
on the table's grid: a horizontally merged cell (gridSpan) keeps its text in its first grid column and blanks
in the columns it covers, a vertically merged cell (vMerge continue) is blank. ``line`` numbers count the
body's paragraphs and table rows in order; DOCX has no pages, so ``page`` is None.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from jixiao.importers.cleanup import join_broken, label_key
from jixiao.importers.codes import import_finding
from jixiao.importers.errors import UnreadableError
from jixiao.importers.layout import Block, Layout, Row, Table, TextLine
from jixiao.model import Finding, Source

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_P, _TBL, _TR, _TC = _W + "p", _W + "tbl", _W + "tr", _W + "tc"
_T, _TAB, _BR, _CR, _SYM = _W + "t", _W + "tab", _W + "br", _W + "cr", _W + "sym"
_NO_BREAK_HYPHEN, _TXBX = _W + "noBreakHyphen", _W + "txbxContent"
_VAL = _W + "val"
# Containers whose children are read as if they stood in their parent (content controls, custom XML,
# hyperlinks, simple fields, tracked insertions): a document reads as if every tracked change were accepted.
_WRAPPERS = frozenset(
    _W + t for t in ("sdt", "sdtContent", "customXml", "smartTag", "ins", "moveTo", "hyperlink", "fldSimple")
)
# Subtrees that hold no text of the paragraph itself (tracked deletions and moves away, field codes, the
# fallback copy of a drawing); text boxes are read apart, after their paragraph.
_SKIPPED = frozenset(
    (_MC_FALLBACK, _TXBX, _W + "pPr", _W + "rPr", _W + "instrText", _W + "del", _W + "moveFrom")
)
# Characters of the Symbol font as Word stores them (w:sym w:char="F0B3" is ≥).
_SYMBOL_FONT = {0xA3: "≤", 0xB3: "≥", 0xB1: "±", 0xB9: "≠", 0xB4: "×", 0xB8: "÷", 0xB0: "°", 0xBB: "≈"}
# A paragraph that starts a numbered item (``2.``, ``2、``, ``（2）``) is kept apart from the one before.
_LIST_ITEM = re.compile(r"^(?:[(（]\d{1,2}[)）]|\d{1,2}\s*[.、．)）](?!\d))")
_PART_ONE_WORDS = ("第一部分", "部门整体绩效目标", "总体绩效目标", "分项绩效目标", "工作保障措施")


def extract_docx_layout(data: bytes, file: str | None = None) -> tuple[Layout, list[Finding]]:
    """The layout of a Word file: its paragraphs and tables in order. Raises UnreadableError."""
    body = _open_body(data, file)
    walker = _Walker(file)
    walker.container(body)
    if not walker.tables:
        _require_part_one(walker, file)
    return Layout(file, tuple(walker.blocks)), walker.findings


# -- opening -----------------------------------------------------------------------------------------


def _open_body(data: bytes, file: str | None) -> Any:
    if not data.strip():
        raise UnreadableError("文件为空（没有任何内容）。请检查文件是否完整保存或下载。", file)
    if not data.startswith(b"PK"):
        raise UnreadableError(_not_a_zip(data), file)
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise UnreadableError(
            "文件已损坏：Word 文档（.docx）实为 ZIP 压缩包，但这个压缩包结构不完整，可能在下载或复制时被截断。"
            "请重新获取原文件，或用 Word/WPS 打开（修复）后另存为 .docx 再读取。",
            file,
        ) from None
    if "word/document.xml" not in names:
        raise UnreadableError(_not_a_word_zip(names), file)
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except ValueError as error:
        if "content type" in str(error):
            raise UnreadableError(
                "这是 Word 模板（.dotx）或启用宏的文档（.docm），不是普通的 .docx 文档。"
                "请在 Word/WPS 中“另存为”Word 文档（.docx）后再读取。",
                file,
            ) from None
        raise UnreadableError(_DAMAGED, file) from None
    except Exception:  # untrusted bytes: any failure of the package reader means a damaged file
        raise UnreadableError(_DAMAGED, file) from None
    body = document.element.body
    if body is None:
        raise UnreadableError("Word 文档没有正文（word/document.xml 中缺少 w:body）。", file)
    return body


_DAMAGED = (
    "文件已损坏：其中的 Word 文档内容（word/document.xml 或包结构）无法解析。"
    "请用 Word/WPS 打开（修复）后另存为 .docx 再读取。"
)


def _not_a_zip(data: bytes) -> str:
    head = data[:2048]
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        if "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data:
            return (
                "文件设置了打开密码（已加密），无法读取。请在 Word/WPS 中输入密码打开，"
                "取消密码（文件 → 信息 → 保护文档 → 用密码进行加密，清空密码）后另存为 .docx 再读取。"
            )
        return (
            "这是旧版 Word 97-2003 文档（.doc）或 WPS 文档（.wps），不是 .docx。"
            "请用 Word/WPS 打开后另存为 .docx，或用 LibreOffice 转换：soffice --headless --convert-to docx 文件名。"
        )
    if head.lstrip().startswith(b"%PDF"):
        return "这是 PDF 文件，不是 Word 文档。请把扩展名改为 .pdf 后再读取。"
    if head.lstrip().startswith(b"{\\rtf"):
        return "这是 RTF 文件，不是 .docx。请用 Word/WPS 打开后另存为 Word 文档（.docx）再读取。"
    lowered = head.lower()
    if b"w:worddocument" in lowered or b"<?mso-application" in lowered:
        return "这是 Word 2003 XML 文档，不是 .docx。请用 Word/WPS 打开后另存为 Word 文档（.docx）再读取。"
    if b"<html" in lowered or b"mime-version" in lowered:
        return "这是网页格式（HTML/MHT）保存的文件，不是 .docx。请用 Word/WPS 打开后另存为 Word 文档（.docx）再读取。"
    return (
        "这不是 Word 文档（.docx）：文件内容不是 .docx 所用的 ZIP 格式，可能已损坏或扩展名有误。"
        "请用 Word/WPS 打开后另存为 .docx 再读取。"
    )


def _not_a_word_zip(names: set[str]) -> str:
    if "xl/workbook.xml" in names:
        return "这是 Excel 工作簿，不是 Word 文档。请把扩展名改为 .xlsx 后再读取。"
    if any(n.startswith("ppt/") for n in names):
        return "这是 PowerPoint 演示文稿，不是 Word 文档。请把其中的内容复制到 Word 文档后再读取。"
    if "mimetype" in names and "content.xml" in names:
        return "这是 OpenDocument 文档（.odt 等），不是 .docx。请用 WPS/LibreOffice 另存为 Word 文档（.docx）再读取。"
    return (
        "文件是 ZIP 压缩包，但其中没有 Word 正文（缺少 word/document.xml），不是有效的 .docx 文档，"
        "也可能已损坏。请用 Word/WPS 打开（修复）后另存为 .docx 再读取。"
    )


def _require_part_one(walker: _Walker, file: str | None) -> None:
    """A Word file without tables must at least hold part one; else say what it holds instead."""
    texts = [b.text for b in walker.blocks if isinstance(b, TextLine)]
    if any(word in label_key(t) for t in texts for word in _PART_ONE_WORDS):
        return
    if not texts and walker.drawings:
        raise UnreadableError(
            "Word 文档中只有图片，没有文字和表格（可能是扫描件或截图）。jixiao 无法识别图片中的表格；"
            "请换用含真实表格的 Word 文件，或先用 OCR 软件识别为文字。",
            file,
        )
    if not texts:
        raise UnreadableError("Word 文档是空的：没有文字，也没有表格。", file)
    raise UnreadableError(
        "Word 文档中没有表格，也没有“第一部分 部门整体绩效目标”等内容，读不出绩效目标。"
        "项目绩效目标表需要是 Word 表格；若表格以图片、文本框或嵌入对象插入，请先改为 Word 表格。",
        file,
    )


# -- walking the body --------------------------------------------------------------------------------


class _Walker:
    """Collects the blocks of a body in order, numbering paragraphs and rows as lines."""

    def __init__(self, file: str | None) -> None:
        self.file = file
        self.blocks: list[Block] = []
        self.findings: list[Finding] = []
        self.tables = 0
        self.drawings = 0
        self.line = 0

    def container(self, element: Any) -> None:
        """Read the paragraphs and tables of a body, text box or content control, in order."""
        for child in element:
            tag = child.tag
            if tag == _P:
                self.paragraph(child)
            elif tag == _TBL:
                self.table(child)
            elif tag in _WRAPPERS:
                self.container(child)
            elif tag == _W + "altChunk":
                self.line += 1
                self.findings.append(
                    import_finding(
                        "P07",
                        "Word 文档中有以“嵌入文件”方式插入的内容（altChunk），无法读取，已跳过。"
                        "请在 Word 中打开并另存一次，使其成为正文。",
                        Source(file=self.file, line=self.line),
                    )
                )

    def paragraph(self, p: Any) -> None:
        self.line += 1
        boxes: list[Any] = []
        pieces = _paragraph_text(p, boxes, self)
        for piece in pieces.split("\n"):
            text = piece.strip()
            if text:
                self.blocks.append(TextLine(text, self.line, None))
        for box in boxes:  # a text box's paragraphs follow the paragraph that anchors it
            self.container(box)

    def table(self, tbl: Any) -> None:
        grid = tbl.find(_W + "tblGrid")
        width = len(grid.findall(_W + "gridCol")) if grid is not None else 0
        rows: list[Row] = []
        for tr in _children(tbl, _TR):
            self.line += 1
            cells = _row_cells(tr, self)
            width = max(width, len(cells))
            rows.append(Row(tuple(cells), self.line, None))
        if rows:
            self.tables += 1
            padded = tuple(Row(r.cells + ("",) * (width - len(r.cells)), r.line, None) for r in rows)
            self.blocks.append(Table(padded, self.tables, None))


def _row_cells(tr: Any, walker: _Walker) -> list[str]:
    """A row's cells on the table grid: merged cells as their text in the first column and blanks after."""
    tr_pr = tr.find(_W + "trPr")
    cells: list[str] = [""] * _int_val(tr_pr, "gridBefore", 0)
    for tc in _children(tr, _TC):
        tc_pr = tc.find(_W + "tcPr")
        span = min(max(_int_val(tc_pr, "gridSpan", 1), 1), 256)
        cells.append("" if _continues_merge(tc_pr) else _cell_text(tc, walker))
        cells += [""] * (span - 1)
    cells += [""] * _int_val(tr_pr, "gridAfter", 0)
    return cells


def _children(element: Any, tag: str) -> list[Any]:
    """The children of a tag, also those wrapped in content controls or custom XML."""
    found: list[Any] = []
    for child in element:
        if child.tag == tag:
            found.append(child)
        elif child.tag in _WRAPPERS:
            found += _children(child, tag)
    return found


def _int_val(props: Any, name: str, default: int) -> int:
    node = props.find(_W + name) if props is not None else None
    if node is None:
        return default
    try:
        return int(node.get(_VAL, default))
    except ValueError:
        return default


def _continues_merge(tc_pr: Any) -> bool:
    """True for a cell covered by the merged cell above it (vMerge) or, in old files, to its left (hMerge)."""
    if tc_pr is None:
        return False
    for name in ("vMerge", "hMerge"):
        node = tc_pr.find(_W + name)
        if node is not None and node.get(_VAL, "continue") != "restart":
            return True
    return False


def _cell_text(tc: Any, walker: _Walker) -> str:
    """A cell's paragraphs joined as one text: broken lines joined, numbered items kept apart by a space."""
    text = ""
    for line in _cell_lines(tc, walker):
        piece = line.strip()
        if piece:
            text = f"{text} {piece}" if text and _LIST_ITEM.match(piece) else join_broken(text, piece)
    return text


def _cell_lines(element: Any, walker: _Walker) -> list[str]:
    """The lines of a cell's paragraphs, text boxes and nested tables, in order."""
    lines: list[str] = []
    for child in element:
        if child.tag == _P:
            boxes: list[Any] = []
            lines += _paragraph_text(child, boxes, walker).split("\n")
            for box in boxes:
                lines += _cell_lines(box, walker)
        elif child.tag in (_TBL, _TR, _TC) or child.tag in _WRAPPERS:
            lines += _cell_lines(child, walker)
    return lines


def _paragraph_text(p: Any, boxes: list[Any], walker: _Walker) -> str:
    """A paragraph's text: tabs kept, line and page breaks as newlines; text boxes collected apart."""
    out: list[str] = []
    _inline(p, out, boxes, walker)
    return "".join(out)


def _inline(element: Any, out: list[str], boxes: list[Any], walker: _Walker) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            if tag == _TXBX:
                boxes.append(child)
            continue
        if tag == _T:
            out.append(child.text or "")
        elif tag == _TAB:
            out.append("\t")
        elif tag in (_BR, _CR):
            out.append("\n")
        elif tag == _NO_BREAK_HYPHEN:
            out.append("-")
        elif tag == _SYM:
            out.append(_symbol(child))
        else:
            if tag.endswith(("}drawing", "}pict")):
                walker.drawings += 1
            _inline(child, out, boxes, walker)


def _symbol(sym: Any) -> str:
    try:
        code = int(sym.get(_W + "char", ""), 16)
    except ValueError:
        return ""
    code = code - 0xF000 if code >= 0xF000 else code
    if "symbol" in (sym.get(_W + "font") or "").lower():
        return _SYMBOL_FONT.get(code, chr(code) if 0x20 <= code < 0x7F else "")
    return ""
