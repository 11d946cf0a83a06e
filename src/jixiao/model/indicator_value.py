"""The reading of one 指标值 cell: the text as written beside its operator, number and unit."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

ValueKind = Literal["quantitative", "qualitative", "deadline", "placeholder"]
VALUE_KINDS: tuple[ValueKind, ...] = ("quantitative", "qualitative", "deadline", "placeholder")

Operator = Literal["≥", ">", "=", "<", "≤"]
OPERATORS: tuple[Operator, ...] = ("≥", ">", "=", "<", "≤")

# Doubts: what the grammar read without certainty. A rule reports them; the grammar never raises.
DOUBTS: dict[str, str] = {
    "empty": "指标值为空",
    "none_marker": "指标值写作“无”“/”或“-”，没有给出目标",
    "placeholder": "含有未填写的模板占位符（如 **、XX、××、_）",
    "placeholder_prefix": "数值前残留模板文字（如“指标1：”“**”），已忽略",
    "operator_doubled": "运算符重复书写（如“≥≥”），按一个读取",
    "operator_conflict": "运算符相互矛盾（如“≥…以下”），无法确定方向",
    "operator_spelling": "运算符写法不规范（如“>=”“≧”“不低于”），已按标准符号读取",
    "ocr_operator": "数值可能是 OCR 把“≥”误识为“2”（如 292% 应为 ≥92%）",
    "ocr_letter": "数字中混有形近字母（如 O 代替 0），已按数字读取",
    "duplicated": "数值重复出现（如“854万854万”），按一次读取",
    "unit_missing": "定量指标值没有计量单位",
    "unit_partial": "计量单位残缺（如“/株”），可能丢失了前半部分",
    "thousands_ambiguous": "千位分隔符位置不规范，数值可能有误",
    "chinese_numeral": "数值用汉字书写，已换算为阿拉伯数字",
    "range": "指标值是一个区间，没有单一目标值",
    "approximate": "指标值带有“约”“左右”等近似词，目标不精确",
    "extra_text": "数值前后有其他文字，已只读取数值部分",
    "multiple_numbers": "含有多个数值，无法确定哪一个是目标",
    "traditional": "含有繁体字，已转换为简体",
    "excel_date": "数值像是 Excel 日期序列号，可能是单元格格式错误",
    "deadline_range": "时限写作起止区间，已取截止时间",
    "deadline_invalid": "日期不存在（如 2 月 30 日）",
    "ocr_dash": "“一”可能是 OCR 误识的横线或连接号（如“80一90%”），已按横线读取",
    "garbled": "含有无法识别的字符（如“?”），数值可能不完整",
    "unreadable": "指标值未能解析，已按原文保留",
}


@dataclass(frozen=True)
class IndicatorValue:
    """A parsed 指标值: ``raw`` exactly as written, the kind, and what could be read from it.

    ``number`` is the target (the lower bound of a range, whose upper bound is ``upper``).
    ``deadline`` is an ISO 8601 date or partial date (``2024-12-31``, ``2024-12``, ``--12-31``, ``--12``).
    ``doubts`` lists the codes of :data:`DOUBTS` that describe what was not read with certainty.
    """

    raw: str
    kind: ValueKind
    operator: Operator | None = None
    number: Decimal | None = None
    unit: str | None = None
    raw_unit: str | None = None
    operator_raw: str | None = None
    upper: Decimal | None = None
    deadline: str | None = None
    doubts: tuple[str, ...] = ()

    @property
    def is_quantitative(self) -> bool:
        """True for a value with a number (a quantitative target)."""
        return self.kind == "quantitative" and self.number is not None
