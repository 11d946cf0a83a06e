"""Document kinds: targets, 部门整体 targets, self-evaluations and monitoring reports, as one registry.

Each kind is one module (``kinds/targets.py`` …) that declares its record, its JSON form, how its headers tell
it apart (``evidence``), how the table engine's reading becomes its record (``build``), its writers and the rules
that apply to it. :func:`read_any` reads a file of any kind, :func:`write_any` writes any record.
"""

from jixiao.kinds.registry import (
    kind_named,
    kind_of,
    kinds,
    read_any,
    read_document,
    read_kind,
    read_layout,
    read_monitoring_report,
    read_self_evaluation,
    write_any,
    writers_for,
)

__all__ = [
    "kind_named",
    "kind_of",
    "kinds",
    "read_any",
    "read_document",
    "read_kind",
    "read_layout",
    "read_monitoring_report",
    "read_self_evaluation",
    "write_any",
    "writers_for",
]
