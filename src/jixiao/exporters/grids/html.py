"""The printable HTML and PDF of a grid document: the same grids as DOCX, on landscape A4.

The page shows the cells of the DOCX and XLSX forms; WeasyPrint lays it out as a PDF without network access.
"""

from __future__ import annotations

from html import escape

from jixiao.exporters.grids.cells import GridCell, GridDocument, GridTable
from jixiao.exporters.html import _FANGSONG, _SONGTI, _XIAOBIAOSONG, page

PRINT_STYLE = f"""
@page{{size:A4 landscape;margin:15mm 18mm 14mm 18mm;
@bottom-center{{content:"— " counter(page) " —";font-family:{_SONGTI};font-size:10.5pt}}}}
body{{font-family:{_SONGTI};font-size:10pt;line-height:1.25;max-width:none;margin:0 auto;color:#000}}
h1{{font-family:{_XIAOBIAOSONG};font-size:18pt;font-weight:bold;text-align:center;margin:0 0 4pt}}
p.cover{{font-family:{_FANGSONG};font-size:12pt;text-align:center;margin:0}}
section.tracking+section.tracking{{break-before:page}}
section.tracking h2{{font-size:13pt;text-align:center;margin:6pt 0 4pt;font-weight:bold}}
table.tracking{{border-collapse:collapse;width:100%;table-layout:fixed}}
table.tracking td{{border:1px solid #000;padding:1pt 3pt;vertical-align:middle;white-space:pre-wrap;
overflow-wrap:anywhere}}
table.tracking td.label{{font-weight:bold;text-align:center}}
table.tracking td.right{{text-align:right}}table.tracking td.center{{text-align:center}}
table.tracking tr{{break-inside:avoid}}
"""


def _cells(table: GridTable) -> list[str]:
    """Each row as HTML: a vertical merge becomes a rowspan on the cell that opens it."""
    spans: dict[tuple[int, int], int] = {}
    columns: list[list[tuple[int, GridCell]]] = []
    for row in table.rows:
        col, placed = 0, []
        for cell in row:
            placed.append((col, cell))
            col += cell.span
        columns.append(placed)
    for r, placed in enumerate(columns):
        for col, cell in placed:
            if cell.merge == "restart":
                depth = 1
                while r + depth < len(columns) and any(
                    c == col and other.merge == "continue" for c, other in columns[r + depth]
                ):
                    depth += 1
                spans[(r, col)] = depth
    out = []
    for r, placed in enumerate(columns):
        tds = []
        for col, cell in placed:
            if cell.merge == "continue":
                continue
            classes = " ".join(
                c
                for c in (
                    "label" if cell.label else "",
                    "right" if cell.align == "right" else "",
                    "center" if cell.align == "center" and not cell.label else "",
                )
                if c
            )
            attrs = f' class="{classes}"' if classes else ""
            if cell.span > 1:
                attrs += f' colspan="{cell.span}"'
            if spans.get((r, col), 1) > 1:
                attrs += f' rowspan="{spans[(r, col)]}"'
            tds.append(f"<td{attrs}>{escape(cell.text)}</td>")
        out.append("<tr>" + "".join(tds) + "</tr>")
    return out


def _table(table: GridTable) -> str:
    total = sum(table.widths_mm)
    cols = "".join(f'<col style="width:{w / total * 100:.2f}%">' for w in table.widths_mm)
    body = "\n".join(_cells(table))
    return (
        f'<section class="tracking"><h2>{escape(table.title)}</h2>'
        f'<table class="tracking"><colgroup>{cols}</colgroup>\n{body}\n</table></section>'
    )


def write_grid_html(doc: GridDocument) -> str:
    """A standalone, printable page of a grid document in the official layout."""
    head = [f"<h1>{escape(doc.title)}</h1>"]
    head += [f'<p class="cover">{escape(line)}</p>' for line in doc.lines]
    body = "\n".join(head + [_table(t) for t in doc.tables])
    return page(doc.title, body, PRINT_STYLE)


def write_grid_pdf(doc: GridDocument) -> bytes:
    """The printable page as a landscape A4 PDF, laid out by WeasyPrint without network access."""
    import weasyprint  # type: ignore[import-untyped]

    from jixiao.exporters.pdf import data_only_fetcher

    html = weasyprint.HTML(string=write_grid_html(doc), base_url=None, url_fetcher=data_only_fetcher())
    data: bytes = html.write_pdf()
    return data
