"""A grid document as text: title lines, then each table tab-separated under its title (merged cells blank)."""

from __future__ import annotations

from jixiao.exporters.grids.cells import GridDocument, row_texts


def _cell(text: str) -> str:
    return " ".join(text.replace("\t", " ").split("\n"))


def write_grid_text(doc: GridDocument) -> str:
    """The document in the text layout the text importer reads: tables as the example document's are."""
    out = [doc.title, *doc.lines, ""]
    for table in doc.tables:
        out += [table.title, ""]
        out += ["\t".join(_cell(c) for c in row_texts(row)) + "\t" for row in table.rows]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
