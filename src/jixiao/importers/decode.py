"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030; binary input refused."""

from __future__ import annotations

from jixiao.importers.errors import UnreadableError

# Every byte but the control characters that never appear in text (tab, newlines, form feed are kept).
_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13))


def decode_text(data: bytes, file: str | None = None) -> tuple[str, str]:
    """Decode a text file; returns the text and the encoding used. Raises UnreadableError."""
    if not data.strip():
        raise UnreadableError("文件为空，没有可读取的内容。请检查是否选错了文件。", file)
    if data.startswith(b"\xef\xbb\xbf"):
        return _checked(data[3:].decode("utf-8", errors="replace"), file), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _checked(data.decode("utf-16", errors="replace"), file), "utf-16"
    _refuse_binary(data, file)
    try:
        return _checked(data.decode("utf-8"), file), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return _checked(data.decode("gb18030"), file), "gb18030"
    except UnicodeDecodeError as exc:
        raise UnreadableError(
            f"文件既不是 UTF-8 也不是 GBK/GB18030 编码的文本（第 {exc.start} 字节起无法解码）。"
            "请用文本编辑器另存为 UTF-8 后再试。",
            file,
        ) from None


def _refuse_binary(data: bytes, file: str | None) -> None:
    sample = data[:8192]
    if b"\x00" in sample or len(sample.translate(None, _NOT_CONTROL)) > len(sample) // 100 + 2:
        kind = _known_binary(sample)
        hint = f"这是一个{kind}文件，" if kind else "这不是文本文件，"
        raise UnreadableError(f"{hint}无法按文本读取。请提供 .txt 或 .json 文件。", file)


def _known_binary(sample: bytes) -> str:
    if sample.startswith(b"%PDF"):
        return " PDF "
    if sample.startswith(b"PK\x03\x04"):
        return " ZIP（可能是 DOCX/XLSX）"
    if sample.startswith(b"\xd0\xcf\x11\xe0"):
        return "旧版 Office（.doc/.xls）"
    return ""


def _checked(text: str, file: str | None) -> str:
    if not text.strip():
        raise UnreadableError("文件只有空白字符，没有可读取的内容。", file)
    return text
