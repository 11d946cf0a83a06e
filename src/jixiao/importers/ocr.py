"""Offline text recognition (OCR) of scanned PDF pages, through the optional extra ``jixiao[ocr]``.

RapidOCR (its ONNX models ship inside the wheel, nothing is downloaded) finds the text boxes of a page
image; the table grid is found in the image itself from its ruling lines (long dark horizontal and vertical
runs), a cell spanning several grid slots where a ruling line between them is missing. Every text box goes
into the cell under its centre; the boxes outside any table become lines of running text in reading order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from jixiao.importers.cleanup import is_cjk, join_broken
from jixiao.importers.layout import Row, Table, TextLine

_DARK = 160  # a grayscale value below this is ink
_RULE = 0.06  # a ruling line is at least this share of the page width (or height) long
_PRESENT = 0.8  # a grid border is drawn when this share of it is ink
_MARGIN = 0.14  # page numbers sit in the top or bottom 14 % of a page
_PAGE_NUMBER = re.compile(r"^[-—–―－~·•\s]*\d{1,4}[-—–―－~·•\s]*$|^第\s*\d{1,4}\s*页")


def ocr_available() -> bool:
    """True when the optional OCR component (rapidocr-onnxruntime) is installed."""
    from importlib.util import find_spec

    return find_spec("rapidocr_onnxruntime") is not None


@cache
def _engine() -> Any:
    """The RapidOCR engine, made once (its models load from the installed wheel)."""
    from rapidocr_onnxruntime import RapidOCR  # type: ignore[import-untyped]

    return RapidOCR()


@dataclass
class _Box:
    """One recognised piece of text and its rectangle in image pixels."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def cx(self) -> float:
        """The horizontal centre."""
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        """The vertical centre."""
        return (self.top + self.bottom) / 2


@dataclass
class _Grid:
    """A ruled table found in the image: its column and row borders and its cells as slot groups."""

    xs: list[int]
    ys: list[int]
    owner: dict[tuple[int, int], tuple[int, int]]  # (row, column) slot -> the top-left slot of its cell

    def contains(self, box: _Box) -> bool:
        """True when the box's centre lies inside the table."""
        return self.xs[0] <= box.cx < self.xs[-1] and self.ys[0] <= box.cy < self.ys[-1]

    def slot(self, box: _Box) -> tuple[int, int]:
        """The top-left slot of the cell under the box's centre."""
        i = max(k for k in range(len(self.ys) - 1) if self.ys[k] <= box.cy)
        j = max(k for k in range(len(self.xs) - 1) if self.xs[k] <= box.cx)
        return self.owner[(i, j)]


def ocr_page_layout(image: Any, page_number: int) -> tuple[list[TextLine], list[Table]]:
    """A page image's running text and ruled tables, read by OCR: lines and table rows numbered in reading
    order on the page (so that the two lists can be merged again), tables numbered from 1."""
    import numpy as np

    rgb = image.convert("RGB")
    result, _ = _engine()(np.asarray(rgb))
    boxes = [_box(points, text) for points, text, _score in result or [] if str(text).strip()]
    ink = np.asarray(rgb.convert("L")) < _DARK
    grids = _grids(ink)
    inside: list[list[_Box]] = [[] for _ in grids]
    outside: list[_Box] = []
    for box in boxes:
        for k, grid in enumerate(grids):
            if grid.contains(box):
                inside[k].append(box)
                break
        else:
            outside.append(box)
    height = ink.shape[0]
    entries: list[tuple[float, TextLine | Table]] = []
    for line in _paragraphs(_lines(outside), ink.shape[1]):
        text = _join_line(line)
        mid = (line[0].top + line[0].bottom) / 2
        if _PAGE_NUMBER.match(text) and not _MARGIN * height < mid < (1 - _MARGIN) * height:
            continue
        entries.append((min(b.top for b in line), TextLine(text, None, page_number)))
    for grid, pieces in zip(grids, inside, strict=True):
        entries.append((grid.ys[0], _table(grid, pieces, page_number)))
    entries.sort(key=lambda e: e[0])
    lines: list[TextLine] = []
    tables: list[Table] = []
    counter = 0  # lines and table rows numbered in reading order on the page
    for _, block in entries:
        if isinstance(block, TextLine):
            counter += 1
            lines.append(block._replace(line=counter))
        else:
            rows = tuple(r._replace(line=counter + k) for k, r in enumerate(block.rows, start=1))
            counter += len(rows)
            tables.append(block._replace(rows=rows, number=len(tables) + 1))
    return lines, tables


# -- text boxes --------------------------------------------------------------------------------------


def _box(points: Any, text: Any) -> _Box:
    xs = [float(p[0]) for p in points]
    ys = [float(p[1]) for p in points]
    return _Box(_brackets(str(text).strip()), min(xs), min(ys), max(xs), max(ys))


def _brackets(text: str) -> str:
    """Brackets next to Chinese text made full-width (OCR reads many ``（`` as ``(``), a closing bracket
    as its opening one."""
    out = list(text)
    opened: list[int] = []
    for k, char in enumerate(out):
        if char in "(（":
            opened.append(k)
        elif char in ")）":
            start = opened.pop() if opened else None
            near = [out[k - 1]] if k else []
            if start is not None:
                near += [out[start - 1]] if start else []
                near += [out[start + 1]] if start + 1 < k else []
            if any(is_cjk(c) for c in near) or (start is not None and out[start] == "（"):
                out[k] = "）"
                if start is not None:
                    out[start] = "（"
    for k in opened:
        if out[k] == "(" and ((k and is_cjk(out[k - 1])) or (k + 1 < len(out) and is_cjk(out[k + 1]))):
            out[k] = "（"
    return "".join(out)


def _lines(boxes: list[_Box]) -> list[list[_Box]]:
    """Boxes grouped into lines (top to bottom, by overlapping centres), each line left to right."""
    lines: list[list[_Box]] = []
    for box in sorted(boxes, key=lambda b: (b.top, b.x0)):
        for line in lines:
            top = min(b.top for b in line)
            bottom = max(b.bottom for b in line)
            if top <= box.cy <= bottom and not any(b.x0 < box.x1 and box.x0 < b.x1 for b in line):
                line.append(box)
                break
        else:
            lines.append([box])
    for line in lines:
        line.sort(key=lambda b: b.x0)
    lines.sort(key=lambda ln: min(b.top for b in ln))
    return lines


def _join_line(line: list[_Box]) -> str:
    """The text of one line: pieces joined, a space only between two Latin pieces or at a wide gap."""
    text = ""
    previous: _Box | None = None
    for box in line:
        if previous is not None and box.x0 - previous.x1 > 0.8 * (previous.bottom - previous.top):
            text += " "  # a wide gap between two pieces: words set apart on purpose
        text = join_broken(text, box.text) if not text.endswith(" ") else text + box.text
        previous = box
    return text


def _paragraphs(lines: list[list[_Box]], width: int) -> list[list[_Box]]:
    """Wrapped lines of running text joined: a line that reaches the right edge of the text goes on with
    the next line when that one starts at the left edge, in the same size, without paragraph spacing."""
    if not lines:
        return []
    right = max(b.x1 for ln in lines for b in ln)
    left = min(b.x0 for ln in lines for b in ln)
    out: list[list[_Box]] = []
    for line in lines:
        size = max(b.bottom - b.top for b in line)
        if out:
            last = out[-1]
            tail = [b for b in last if b.bottom > max(x.top for x in last)]  # the paragraph's last line
            last_size = max(b.bottom - b.top for b in tail)
            gap = min(b.top for b in line) - max(b.bottom for b in tail)
            if (
                max(b.x1 for b in tail) > right - 1.5 * last_size
                and min(b.x0 for b in line) < left + 0.8 * size
                and abs(size - last_size) < 0.2 * last_size
                and gap < 1.2 * last_size
                and right - left < 0.95 * width
            ):
                last.extend(line)
                continue
        out.append(list(line))
    return out


# -- tables ------------------------------------------------------------------------------------------


def _table(grid: _Grid, boxes: list[_Box], page_number: int) -> Table:
    """The grid's rows with the text of each cell in its top-left slot and blanks in the covered ones."""
    texts: dict[tuple[int, int], list[_Box]] = {}
    for box in boxes:
        texts.setdefault(grid.slot(box), []).append(box)
    rows = []
    for i in range(len(grid.ys) - 1):
        cells = []
        for j in range(len(grid.xs) - 1):
            pieces = texts.get((i, j), []) if grid.owner[(i, j)] == (i, j) else []
            text = ""
            for line in _lines(pieces):
                text = join_broken(text, _join_line(line))
            cells.append(text)
        rows.append(Row(tuple(cells), None, page_number))
    return Table(tuple(rows), 1, page_number)


def _grids(ink: Any) -> list[_Grid]:
    """The ruled tables of a page: connected groups of long horizontal and vertical ink runs."""
    width = ink.shape[1]
    horizontal = _segments(ink, int(_RULE * width))
    vertical = _segments(ink.T, int(_RULE * width))
    # group the segments that touch into tables (union-find over horizontal and vertical segments)
    parent = list(range(len(horizontal) + len(vertical)))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    tolerance = 4
    for a, (y, hx0, hx1) in enumerate(horizontal):
        for b, (x, vy0, vy1) in enumerate(vertical):
            if hx0 - tolerance <= x <= hx1 + tolerance and vy0 - tolerance <= y <= vy1 + tolerance:
                parent[find(a)] = find(len(horizontal) + b)
    groups: dict[int, tuple[list[int], list[int]]] = {}
    for a, (y, _, _) in enumerate(horizontal):
        groups.setdefault(find(a), ([], []))[0].append(y)
    for b, (x, _, _) in enumerate(vertical):
        groups.setdefault(find(len(horizontal) + b), ([], []))[1].append(x)
    grids = []
    for ys, xs in groups.values():
        rows, columns = _cluster(ys), _cluster(xs)
        if len(rows) < 2 or len(columns) < 2 or (len(rows) == 2 and len(columns) == 2):
            continue  # a single ruled box is a frame, not a table
        grids.append(_Grid(columns, rows, _cells(ink, columns, rows)))
    return sorted(grids, key=lambda g: g.ys[0])


def _segments(ink: Any, length: int) -> list[tuple[int, int, int]]:
    """Ink runs at least ``length`` long along the rows of ``ink``, as (row, start, end), runs on adjacent
    rows (a line drawn several pixels thick) merged into one at their middle row."""
    import numpy as np

    runs: list[tuple[int, int, int]] = []
    candidates = np.flatnonzero(ink.sum(axis=1) >= length)
    for r in candidates:
        row = np.concatenate(([0], ink[r].astype(np.int8), [0]))
        change = np.flatnonzero(np.diff(row))
        for start, end in zip(change[::2], change[1::2], strict=True):
            if end - start >= length:
                runs.append((int(r), int(start), int(end)))
    merged: list[list[int]] = []  # [first row, last row, start, end]
    for row_index, x0, x1 in runs:
        for m in merged:
            if row_index - m[1] <= 1 and x0 < m[3] and m[2] < x1:
                m[1], m[2], m[3] = row_index, min(m[2], x0), max(m[3], x1)
                break
        else:
            merged.append([row_index, row_index, x0, x1])
    return [((m[0] + m[1]) // 2, m[2], m[3]) for m in merged]


def _cluster(values: list[int], tolerance: int = 4) -> list[int]:
    """Positions within ``tolerance`` of each other taken as one (their mean)."""
    out: list[list[int]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tolerance:
            out[-1].append(v)
        else:
            out.append([v])
    return [round(sum(g) / len(g)) for g in out]


def _cells(ink: Any, xs: list[int], ys: list[int]) -> dict[tuple[int, int], tuple[int, int]]:
    """Each grid slot's cell (its top-left slot): neighbouring slots are one cell where the ruling line
    between them is not drawn."""
    parent: dict[tuple[int, int], tuple[int, int]] = {
        (i, j): (i, j) for i in range(len(ys) - 1) for j in range(len(xs) - 1)
    }

    def find(k: tuple[int, int]) -> tuple[int, int]:
        while parent[k] != k:
            k = parent[k]
        return k

    def union(a: tuple[int, int], b: tuple[int, int]) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            first, second = sorted((ra, rb))
            parent[second] = first

    pad = 3
    for i in range(len(ys) - 1):
        for j in range(len(xs) - 1):
            if j + 1 < len(xs) - 1:  # the border to the right: a vertical line at xs[j + 1]
                band = ink[ys[i] + pad : ys[i + 1] - pad, xs[j + 1] - 2 : xs[j + 1] + 3]
                if band.size == 0 or band.any(axis=1).mean() < _PRESENT:
                    union((i, j), (i, j + 1))
            if i + 1 < len(ys) - 1:  # the border below: a horizontal line at ys[i + 1]
                band = ink[ys[i + 1] - 2 : ys[i + 1] + 3, xs[j] + pad : xs[j + 1] - pad]
                if band.size == 0 or band.any(axis=0).mean() < _PRESENT:
                    union((i, j), (i + 1, j))
    return {k: find(k) for k in parent}
