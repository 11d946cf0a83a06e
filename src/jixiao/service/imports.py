"""What an import loses, said before it is saved and kept with the document afterwards.

Reading a file reports content it could not place: a table whose rows look like indicators but gave none
(P13), header cells not understood (P12), rows or paragraphs skipped (P07), columns a record does not keep
(P11), values ignored (P08), an incomplete table (P09), rows short of cells (P05). :func:`lost_content` picks
these out of the reading's findings, most serious first, each with where it is in Chinese (table, row,
column). When one of them says that no indicator was read (P13), saving needs the actor's confirmation
(:func:`require_confirmation`); the reading's findings are then kept with the imported version, and
:func:`kept_warnings` gives the lost-content warnings of a stored document for its pages and the API.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from jixiao.importers.codes import IMPORT_CODES
from jixiao.model import Finding, Source
from jixiao.service.access import load
from jixiao.service.actor import Actor
from jixiao.service.errors import ConfirmationRequired
from jixiao.store import documents as store_documents
from jixiao.store.mapping import findings_from_json, source_json

# the reading's codes for content that was not read, in the order they are shown
LOST_CODES: tuple[str, ...] = ("P13", "P12", "P07", "P11", "P08", "P09", "P05")
# the codes that lose a whole table's indicators: saving them needs the actor's confirmation
CONFIRM_CODES = frozenset({"P13"})
CONFIRM_FIELD = "confirm_lost"


@dataclass(frozen=True)
class ReadingWarning:
    """Content reading could not place: the finding, its code's title and where it is, in Chinese.

    ``version`` is the document version the warning was kept with (None in a preview, before saving).
    """

    finding: Finding
    title: str
    where: str
    version: int | None = None

    @property
    def code(self) -> str:
        """The finding's code (P13 …)."""
        return self.finding.code

    @property
    def needs_confirmation(self) -> bool:
        """True when saving what this warning describes needs the actor's confirmation."""
        return self.finding.code in CONFIRM_CODES


def where(source: Source) -> str:
    """The place in Chinese: file page and line, then table, row and column (``第 9 行，表 1 第 5 行第 1 列``)."""
    parts = [source.describe()] if source.describe() else []
    if source.cell and source.cell.strip():
        parts.append(f"单元格“{source.cell.strip()[:40]}”")
    return "，".join(parts) or "文件整体"


def lost_content(findings: Iterable[Finding], version: int | None = None) -> tuple[ReadingWarning, ...]:
    """The findings about content not read, P13 first, then by code in :data:`LOST_CODES` order, each in
    reading order."""
    rank = {code: n for n, code in enumerate(LOST_CODES)}
    picked = [(rank[f.code], n, f) for n, f in enumerate(findings) if f.code in rank]
    picked.sort(key=lambda item: item[:2])
    return tuple(
        ReadingWarning(f, IMPORT_CODES[f.code].title, where(f.source), version) for _, _, f in picked
    )


def needs_confirmation(warnings: Iterable[ReadingWarning]) -> bool:
    """True when any warning needs the actor's confirmation before saving."""
    return any(w.needs_confirmation for w in warnings)


def warning_dict(w: ReadingWarning) -> dict[str, Any]:
    """A warning as plain data (the details of a refusal, the audit entry)."""
    source = source_json(w.finding.source)
    return {
        "code": w.code,
        "severity": w.finding.severity,
        "title": w.title,
        "message": w.finding.message,
        "where": w.where,
        "source": source,
    }


def require_confirmation(warnings: tuple[ReadingWarning, ...], filename: str, confirmed: bool) -> None:
    """Raise :class:`ConfirmationRequired` (422, nothing written) when the warnings lose every indicator of the
    file and the actor has not confirmed saving it anyway."""
    serious = [w for w in warnings if w.needs_confirmation]
    if not serious or confirmed:
        return
    others = len(warnings) - len(serious)
    more = f"另有 {others} 条内容未读取。" if others else ""
    raise ConfirmationRequired(
        f"“{filename}”没有保存：{serious[0].finding.message}{more}"
        "如仍要保存为草案（这些内容不会导入，这条警告会随文本保存），请确认后再保存。",
        {
            "file": filename,
            "confirm": CONFIRM_FIELD,
            "lost": [warning_dict(w) for w in warnings],
        },
    )


def kept_warnings(actor: Actor, document_id: int) -> tuple[ReadingWarning, ...]:
    """The lost-content warnings of the file a stored document was imported from (empty when none)."""
    load(actor, document_id)
    kept = store_documents.import_findings(document_id)
    if kept is None:
        return ()
    number, data = kept
    return lost_content(findings_from_json(data), number)
