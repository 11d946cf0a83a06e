"""The error raised when a file cannot be read as a document at all."""

from __future__ import annotations


class UnreadableError(Exception):
    """Nothing can be read from the input: empty, binary, not a performance document, wrong format.

    The message is Chinese, says where and what to do; callers show it and exit with status 2.
    """

    def __init__(self, message: str, file: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = file

    def __str__(self) -> str:
        return f"{self.file}：{self.message}" if self.file else self.message
