"""A document kind: what the registry knows of each kind of record, in one place."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from jixiao.importers.engine.reader import Reading
from jixiao.model import Finding

Build = Callable[[Reading], tuple[Any, list[Finding]]]
Writer = Callable[[Any], bytes]
FORMATS = ("txt", "text", "json", "docx", "xlsx", "html", "pdf")


def lazy(module: str, name: str) -> Callable[..., Any]:
    """A function of another layer imported on its first call: reading a file loads no serializer or exporter."""

    def call(*args: Any, **kwargs: Any) -> Any:
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    return call


def writers(module: str, name: str, formats: tuple[str, ...] = FORMATS) -> dict[str, Writer]:
    """A writer per format, each calling ``module.name(record, fmt)`` (imported when first used)."""
    write = lazy(module, name)

    def one(fmt: str) -> Writer:
        return lambda record: write(record, fmt)

    return {fmt: one(fmt) for fmt in formats}


@dataclass(frozen=True)
class DocumentKind:
    """One kind of document: its record, its JSON form, how its headers tell it apart, how it is built and written.

    ``evidence`` scores how much a reading of a file's tables looks like this kind (0: not at all), from the
    roles its headers took, never from one column's presence alone; the highest score wins. ``required`` are the
    roles an indicator grid of this kind must have (P06 names the missing ones). ``rules`` is the name the rules
    that apply to it give in ``applies_to``.
    """

    name: str
    label: str
    record: type
    json_format: str
    to_dict: Callable[..., dict[str, Any]]
    from_dict: Callable[[object], Any]
    evidence: Callable[[Reading], int]
    build: Build
    writers: Mapping[str, Writer] = field(default_factory=dict)
    required: tuple[str, ...] = ()
    rules: str = ""

    def write(self, record: Any, fmt: str) -> bytes:
        """The record in a format (``txt``, ``json``, ``docx``, ``xlsx``, ``html``, ``pdf``); KeyError if none."""
        return self.writers[fmt.lower()](record)
