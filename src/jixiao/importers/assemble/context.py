"""What the assembler carries while it reads: the file name and the findings so far."""

from __future__ import annotations

from jixiao.importers.codes import import_finding
from jixiao.model import Finding, Source, Subject


class Context:
    """The file being assembled and the findings reported so far."""

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

    def source(self, line: int | None, page: int | None = None, cell: str | None = None) -> Source:
        """A source in this file at a line."""
        return Source(file=self.file, line=line, page=page, cell=cell)
