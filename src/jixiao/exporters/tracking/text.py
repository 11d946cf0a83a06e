"""The text form of a self-evaluation or a monitoring report: title lines, then one tab-separated table per project.

Tables are written as the example document's are (cells separated by tabs, merged cells left blank, a blank
line around every table), so the text importer reads them back into an equal record.
"""

from __future__ import annotations

from jixiao.exporters.tracking.grid import cover_lines, row_texts, tables_of, title_line
from jixiao.model import MonitoringReport, SelfEvaluation


def _cell(text: str) -> str:
    return " ".join(text.replace("\t", " ").split("\n"))


def write_tracking_text(record: SelfEvaluation | MonitoringReport) -> str:
    """A self-evaluation or monitoring report in the text layout that the text importer reads back equal."""
    out = [title_line(record), *cover_lines(record), ""]
    for table in tables_of(record):
        out += [table.title, ""]
        out += ["\t".join(_cell(c) for c in row_texts(row)) + "\t" for row in table.rows]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
