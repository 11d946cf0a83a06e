"""Units of 指标值: their normal spelling, what they measure, and exact conversion between them."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

from jixiao.model.normalize import normalize_text

Dimension = str  # 'money' 'percent' 'count' 'area' 'length' 'weight' 'time' 'volume' 'score'

# A unit's dimension, its conversion group and its size in the group's base unit. Units convert only
# within one group: 月 and 天 are both time but in different groups, since a month has no fixed day count.
_Entry = tuple[Dimension, str, Fraction]


def _group(dimension: Dimension, group: str, sizes: dict[str, Fraction | int]) -> dict[str, _Entry]:
    return {unit: (dimension, group, Fraction(size)) for unit, size in sizes.items()}


def _counts(words: str) -> dict[str, _Entry]:
    """Count units: each its own group (人 converts to 万人, not to 个)."""
    return {word: ("count", word, Fraction(1)) for word in words.split()}


_UNITS: dict[str, _Entry] = {
    **_group("money", "元", {"元": 1, "千元": 1000}),
    **_group("percent", "%", {"%": 1, "‰": Fraction(1, 10)}),
    **_group("percent", "百分点", {"个百分点": 1}),
    **_group("area", "平方米", {"平方米": 1, "平方公里": 10**6, "公顷": 10**4, "亩": Fraction(2000, 3)}),
    **_group("area", "平方米", {"平方厘米": Fraction(1, 10**4)}),
    **_group("length", "米", {"米": 1, "公里": 1000, "厘米": Fraction(1, 100), "毫米": Fraction(1, 1000)}),
    **_group("weight", "克", {"克": 1, "公斤": 1000, "斤": 500, "吨": 10**6}),
    **_group("volume", "升", {"升": 1, "毫升": Fraction(1, 1000), "立方米": 1000}),
    **_group("time", "月", {"年": 12, "个月": 1, "月": 1, "季度": 3, "个季度": 3}),
    **_group("time", "天", {"天": 1, "日": 1, "周": 7, "小时": Fraction(1, 24), "分钟": Fraction(1, 1440)}),
    **_group("time", "工作日", {"工作日": 1, "个工作日": 1}),
    **_group("time", "学时", {"学时": 1, "课时": 1}),
    **_group("score", "分", {"分": 1}),
    **_counts(
        "人 人次 名 位 个 个次 次 户 户次 份 项 项次 家 家次 所 台 台次 台套 辆 辆次 车次 套 件 件次 本 册 场 场次"
        " 期 期次 批 批次 篇 篇次 条 张 座 处 村 株 棵 头 只 间 支 部 首 幅 块 根 把 盏 口 眼 艘 架 栋 幢 层 片 校"
        " 班 班次 届 门 类 种 宗 起 例 箱 袋 盒 瓶 双 副 对 组 队 单 笔 章 节 堂 课 轮 趟 床 台件 个点 个村 人日"
    ),
}

# Prefixes that scale any unit of these dimensions: 万元, 亿元, 万人次, 万平方米, 万亩, 万吨 …
_PREFIXES: dict[str, int] = {"亿": 10**8, "千万": 10**7, "百万": 10**6, "万": 10**4}
_SCALABLE = frozenset({"money", "count", "area", "length", "weight", "volume"})


# Quantity nouns written where a unit belongs (242 人数); rule V-04 reports them, this is the safe fix.
def _noun_units(units: str) -> dict[str, str]:
    return {f"{unit}数": unit for unit in units.split()}


QUANTITY_NOUN_UNITS: dict[str, str] = _noun_units(
    "人 人次 个 次 天 户 家 件 台 项 份 所 篇 册 套 辆 条 座 处 株 棵 头 只 间 批 期 本 张 场 场次 村 名"
    " 年 月 周 小时 学时 课时 亩 吨 户次"
)

_ALIASES: dict[str, str] = {
    "百分比": "%",
    "百分率": "%",
    "百分之": "%",
    "百分": "%",
    "百分点": "个百分点",
    "平米": "平方米",
    "平方": "平方米",
    "m2": "平方米",
    "km2": "平方公里",
    "平方千米": "平方公里",
    "ha": "公顷",
    "千米": "公里",
    "km": "公里",
    "m": "米",
    "cm": "厘米",
    "mm": "毫米",
    "千克": "公斤",
    "kg": "公斤",
    "g": "克",
    "t": "吨",
    "m3": "立方米",
    "立方": "立方米",
    "l": "升",
    "ml": "毫升",
    "h": "小时",
    "个小时": "小时",
    "min": "分钟",
    "星期": "周",
    "个星期": "周",
}

# Separators written between the parts of a compound denominator (元/人.月, 元/人*月, 元/人×月).
_DENOMINATOR_SEPARATORS = str.maketrans({".": "·", "*": "·", "×": "·", "。": "·"})


@lru_cache(maxsize=4096)
def normalize_unit(raw: str) -> str:
    """The normal spelling of a unit: ％/百分比 → %, 萬元 → 万元, ㎡/平米 → 平方米, km → 公里, 元/人.月 → 元/人·月."""
    text = "".join(normalize_text(raw).split())
    if not text:
        return ""
    numerator, slash, rest = text.partition("/")
    unit = "·".join(_normalize_atom(atom) for atom in numerator.split("·")) if numerator else ""
    if slash:
        atoms = rest.replace("/", "·").translate(_DENOMINATOR_SEPARATORS).split("·")
        unit += "/" + "·".join(_normalize_atom(atom) for atom in atoms if atom)
    return unit


def _normalize_atom(atom: str) -> str:
    """One simple unit: an alias or a prefixed alias (万m2 → 万平方米); anything else unchanged."""
    key = atom.lower() if atom.isascii() else atom
    if key in _ALIASES:
        return _ALIASES[key]
    for prefix in _PREFIXES:
        rest = atom[len(prefix) :]
        if atom.startswith(prefix) and rest:
            rest_key = rest.lower() if rest.isascii() else rest
            if rest_key in _ALIASES:
                return prefix + _ALIASES[rest_key]
    return atom


@lru_cache(maxsize=4096)
def _resolve(atom: str) -> _Entry | None:
    """Dimension, group and size of one normalised simple unit (quantity nouns read as their unit)."""
    entry = _UNITS.get(QUANTITY_NOUN_UNITS.get(atom, atom))
    if entry is not None:
        return entry
    for prefix, size in _PREFIXES.items():
        base = _UNITS.get(atom[len(prefix) :]) if atom.startswith(prefix) else None
        if base is not None and base[0] in _SCALABLE:
            return (base[0], base[1], base[2] * size)
    return None


def _split(unit: str) -> tuple[str, list[str]]:
    """Numerator and denominator parts of a normalised unit (元/人·月 → 元, [人, 月])."""
    numerator, slash, rest = unit.partition("/")
    return numerator, rest.split("·") if slash else []


def unit_dimension(unit: str) -> Dimension | None:
    """What a unit measures ('money', 'percent', 'count', …); a compound unit is its numerator's; else None."""
    numerator, denominator = _split(normalize_unit(unit))
    entry = _resolve(numerator)
    if entry is None or not all(_resolve(part) for part in denominator):
        return None
    return entry[0]


def is_known_unit(unit: str) -> bool:
    """True for a real measurement unit (simple or compound); quantity nouns such as 人数 are not."""
    normal = normalize_unit(unit)
    numerator, denominator = _split(normal)
    parts = [numerator, *denominator]
    return all(part not in QUANTITY_NOUN_UNITS and _resolve(part) for part in parts)


def convert(number: Decimal, from_unit: str, to_unit: str) -> Decimal | None:
    """``number`` in ``from_unit`` expressed in ``to_unit`` (元/年 → 万元/年, 亩 → 平方米), or None if not exact."""
    source, target = normalize_unit(from_unit), normalize_unit(to_unit)
    if source == target:
        return number
    if not number.is_finite():
        return None
    source_numerator, source_denominator = _split(source)
    target_numerator, target_denominator = _split(target)
    ratio = _ratio(source_numerator, target_numerator)
    if ratio is None:
        return None
    if source_denominator != target_denominator:
        if len(source_denominator) != 1 or len(target_denominator) != 1:
            return None
        per = _ratio(target_denominator[0], source_denominator[0])
        if per is None:
            return None
        ratio *= per
    return _to_decimal(Fraction(number) * ratio)


def _ratio(source: str, target: str) -> Fraction | None:
    """How many ``target`` units one ``source`` unit is, when both are in one conversion group."""
    if source == target:
        return Fraction(1)
    source_entry, target_entry = _resolve(source), _resolve(target)
    if source_entry is None or target_entry is None or source_entry[1] != target_entry[1]:
        return None
    return source_entry[2] / target_entry[2]


def _to_decimal(value: Fraction) -> Decimal:
    """An exact Decimal when the fraction terminates, else one rounded to the context's 28 digits."""
    denominator, twos, fives = value.denominator, 0, 0
    while denominator % 2 == 0:
        denominator, twos = denominator // 2, twos + 1
    while denominator % 5 == 0:
        denominator, fives = denominator // 5, fives + 1
    if denominator != 1:
        return Decimal(value.numerator) / Decimal(value.denominator)
    places = max(twos, fives)
    return Decimal(value.numerator * 10**places // value.denominator).scaleb(-places)
