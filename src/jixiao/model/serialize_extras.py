"""The JSON of what the forms of other provinces add (schema version 2): written only when set, read with defaults.

Optional keys keep a document of the Hebei form, which has none of them, as it was in version 1, and a stored
snapshot small. Shared by every kind's JSON form.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any, cast

from jixiao.model.findings import Source
from jixiao.model.indicator_value import IndicatorValue
from jixiao.model.records import PERIODS, FormRef, FundSource
from jixiao.model.value_grammar import parse_value

JsonDict = dict[str, Any]

# Text attributes of an indicator row that the forms print in columns of their own.
ROW_TEXTS = (
    "direction",
    "value_type",
    "explanation",
    "scoring_rule",
    "remark",
    "long_term_level2",
    "long_term_level3",
)
# Text attributes of a project's head block.
PROJECT_TEXTS = ("supervising_department", "implementing_unit", "attribute", "category", "period")
DIRECTIONS = ("", "正向", "反向")


class SchemaError(ValueError):
    """A JSON document that does not follow the schema; ``path`` says where (``projects[2].code``)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.message = message


def texts_to_dict(obj: object, names: Iterable[str]) -> JsonDict:
    """The named text attributes that are not empty."""
    return {n: getattr(obj, n) for n in names if getattr(obj, n, "")}


def texts_from_dict(d: JsonDict, names: Iterable[str], path: str) -> dict[str, str]:
    """The named text attributes (missing ones empty); a direction must be 正向, 反向 or empty."""
    out: dict[str, str] = {}
    for name in names:
        value = d.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            raise SchemaError(f"{path}.{name}" if path else name, "应为字符串")
        if name == "direction" and value not in DIRECTIONS:
            raise SchemaError(f"{path}.{name}" if path else name, "应为“正向”“反向”或空")
        out[name] = value
    return out


def flag_from_dict(d: JsonDict, name: str, path: str) -> bool:
    """A boolean attribute, False when missing."""
    value = d.get(name, False)
    if not isinstance(value, bool):
        raise SchemaError(f"{path}.{name}" if path else name, "应为 true 或 false")
    return value


def value_from_dict(d: JsonDict, name: str, path: str) -> IndicatorValue | None:
    """An optional value object (or its raw text); its raw text is authoritative."""
    data = d.get(name)
    if data is None:
        return None
    if isinstance(data, str):
        return parse_value(data)
    if not isinstance(data, dict) or not isinstance(data.get("raw", ""), str):
        raise SchemaError(f"{path}.{name}" if path else name, "应为指标值对象（含 raw）")
    return parse_value(cast(str, data.get("raw", "")))


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else format(value, "f")


def funds_to_dict(funds: Iterable[FundSource], sources: bool) -> list[JsonDict]:
    """Money lines: label, amount (a string), period, whether the total."""
    out = []
    for f in funds:
        item: JsonDict = {"label": f.label, "amount": _dec(f.amount), "period": f.period}
        if f.is_total:
            item["is_total"] = True
        if sources:
            src = {name: value for name, value in f.source._asdict().items() if value is not None}
            if src:
                item["source"] = src
        out.append(item)
    return out


def funds_from_dict(d: JsonDict, path: str) -> tuple[FundSource, ...]:
    """Money lines from their JSON."""
    raw = d.get("funds") or []
    if not isinstance(raw, list):
        raise SchemaError(f"{path}.funds" if path else "funds", "应为数组")
    out = []
    for n, item in enumerate(raw, start=1):
        where = f"{path}.funds[{n}]" if path else f"funds[{n}]"
        if not isinstance(item, dict):
            raise SchemaError(where, "应为对象")
        label = item.get("label", "")
        period = item.get("period", "annual")
        if not isinstance(label, str):
            raise SchemaError(f"{where}.label", "应为字符串")
        if period not in PERIODS:
            raise SchemaError(f"{where}.period", f"应为 {'/'.join(PERIODS)} 之一")
        out.append(
            FundSource(
                label,
                _amount(item.get("amount"), f"{where}.amount"),
                period,
                flag_from_dict(item, "is_total", where),
                Source(**{k: v for k, v in (item.get("source") or {}).items() if k in _SOURCE_FIELDS}),
            )
        )
    return tuple(out)


_SOURCE_FIELDS = frozenset(Source._fields)


def _amount(value: object, path: str) -> Decimal | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise SchemaError(path, '应为数字字符串（如 "13.00"），不能是浮点数')
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise SchemaError(path, f"“{value}”不是数字") from None
    if not number.is_finite():
        raise SchemaError(path, f"“{value}”不是有限数字")
    return number


def details_to_dict(details: Iterable[tuple[str, str]]) -> list[JsonDict]:
    """Labelled texts as ``{label, text}`` objects."""
    return [{"label": label, "text": text} for label, text in details]


def details_from_dict(d: JsonDict, path: str) -> tuple[tuple[str, str], ...]:
    """Labelled texts from their JSON."""
    raw = d.get("details") or []
    if not isinstance(raw, list):
        raise SchemaError(f"{path}.details" if path else "details", "应为数组")
    out = []
    for n, item in enumerate(raw, start=1):
        where = f"{path}.details[{n}]" if path else f"details[{n}]"
        if (
            not isinstance(item, dict)
            or not isinstance(item.get("label"), str)
            or not isinstance(item.get("text", ""), str)
        ):
            raise SchemaError(where, "应为含 label、text 字符串的对象")
        out.append((cast(str, item["label"]), cast(str, item.get("text", ""))))
    return tuple(out)


def strings_from_dict(d: JsonDict, name: str, path: str) -> tuple[str, ...]:
    """A list of strings (missing: empty)."""
    raw = d.get(name) or []
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        raise SchemaError(f"{path}.{name}" if path else name, "应为字符串数组")
    return tuple(raw)


def form_to_dict(form: FormRef | None) -> JsonDict | None:
    """The form a record was read from, or None for jixiao's own layout."""
    if form is None:
        return None
    return {
        "id": form.id,
        "signature": form.signature,
        "label": form.label,
        "columns": list(form.columns),
        "head": list(form.head),
        **({"headers": list(form.headers)} if form.headers else {}),
    }


def form_from_dict(d: JsonDict) -> FormRef | None:
    """The form of a record from its JSON."""
    raw = d.get("form")
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise SchemaError("form", "应为对象")
    form_id = raw.get("id")
    if form_id is not None and not isinstance(form_id, str):
        raise SchemaError("form.id", "应为字符串")
    lists = []
    for name in ("columns", "head", "headers"):
        items = raw.get(name) or []
        if not isinstance(items, list) or not all(isinstance(r, str) for r in items):
            raise SchemaError(f"form.{name}", "应为字符串数组")
        lists.append(tuple(items))
    signature, label = raw.get("signature", ""), raw.get("label", "")
    if not isinstance(signature, str) or not isinstance(label, str):
        raise SchemaError("form", "signature 与 label 应为字符串")
    return FormRef(form_id, signature, label, lists[0], lists[1], lists[2])
