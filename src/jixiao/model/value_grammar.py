"""The 指标值 grammar: parse_value(text) -> IndicatorValue and format_value(value) -> text.

A cell is normalised (NFKC, look-alikes, 繁→简) with a map back to the raw text, so the operator and unit
can be quoted as written. Then, in order: empty and none markers, a template prefix (指标1：), a value
written twice, a deadline, and finally a number (or a placeholder such as **) as the anchor: operator
symbols and words are read leftwards from it, the unit and suffix words (以上, 以内, 左右) rightwards.
Everything is regular expressions without nested quantifiers plus short scans, so time is linear.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from jixiao.model.indicator_value import DOUBTS, IndicatorValue, Operator, ValueKind
from jixiao.model.normalize import normalize_text, to_simplified
from jixiao.model.numerals import NUMERAL_CHARS, parse_chinese_number
from jixiao.model.units import QUANTITY_NOUN_UNITS, is_known_unit, normalize_unit

# Longer cells are prose: kept whole as qualitative, without looking for numbers.
_MAX_CHARS = 400

_DOUBT_ORDER = {code: index for index, code in enumerate(DOUBTS)}
_SYMBOLS = frozenset("<>=≥≤")
_STANDARD_SYMBOLS = frozenset("≥≤<>=＞＜＝")
_TWO_CHAR_SPELLINGS = frozenset({">=", "=>", "≥=", "=≥", "<=", "=<", "≤=", "=≤"})
_DIRECTION = {"≥": 1, ">": 1, "=": 0, "<": -1, "≤": -1}

# Word operators. "neutral" words (达到, 控制在) imply an operator only when no other one is written.
_FIRM, _NEUTRAL, _APPROX, _RANGE = "firm", "neutral", "approx", "range"
_WordRole = tuple[str, Operator | None]


def _words(role: str, operator: Operator | None, words: str) -> dict[str, _WordRole]:
    return dict.fromkeys(words.split(), (role, operator))


_PREFIX_WORDS: dict[str, _WordRole] = {
    **_words(
        _FIRM,
        "≥",
        "大于等于 大于或等于 高于或等于 不低于 不少于 不小于 不得低于 不得少于 不应低于 至少 最少 最低",
    ),
    **_words(_FIRM, ">", "大于 高于 超过 多于 超出"),
    **_words(_FIRM, "=", "等于"),
    **_words(_FIRM, "<", "小于 低于 少于 不足 不到"),
    **_words(
        _FIRM,
        "≤",
        "小于等于 小于或等于 低于或等于 不超过 不高于 不多于 不大于 不得超过 不得高于 未超过 至多 最多 最高",
    ),
    **_words(_NEUTRAL, "≥", "达到 达 提高到 提升到 提高至 提升至 增长到 增加到"),
    **_words(_NEUTRAL, "≤", "控制在 控制 降低到 降低至 降至 下降到 压减到 压缩到"),
    **_words(_NEUTRAL, None, "在 为 介于"),
    **_words(_APPROX, None, "约 大约 约为 大概 接近 将近"),
}
_SUFFIX_WORDS: dict[str, _WordRole] = {
    **_words(_FIRM, "≥", "以上 及以上 或以上 之上"),
    **_words(_FIRM, "≤", "以下 及以下 或以下 以内 之内 内"),
    **_words(_APPROX, None, "左右 上下"),
    **_words(_RANGE, None, "之间"),
}
_DEADLINE_PREFIX: dict[str, _WordRole] = {
    **_words(_FIRM, "≤", "截至 截止到 截止至 截止 不晚于 不迟于 最迟于 最迟 最晚"),
    **_words(_FIRM, "≥", "不早于"),
    **_words(_NEUTRAL, None, "于 在"),
}
_DEADLINE_SUFFIX: dict[str, _WordRole] = {
    **_words(_FIRM, "≤", "以前 之前 前 以内 之内 内 为止 止"),
    **_words(_FIRM, "≥", "以后 之后 后"),
}

_CN_MONTH = "十[一二]?|[一二三四五六七八九]"
_CN_DAY = "[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_NUMBER = re.compile(r"(?<![A-Za-z\d])\d+(?:,\d+)*(?:\.\d+|\.(?!\d))?")
_PLACEHOLDER = re.compile(r"\*+|_+|(?<![A-Za-z])(?:[Xx×]{2,}|[Xx×](?=\s*%))(?![A-Za-z])")
_UNIT_RUN = re.compile(r"(?:[^\s\d<>=≥≤~,;:()\[\]{}!?+\"'\-、。*_.]|(?<=[mM])[23](?!\d)|[.*](?=[^\W\d_]))++")
_CHINESE_RUN = re.compile(f"[{NUMERAL_CHARS}]+")
_PERCENT_WORDS = re.compile(f"百分之(?P<n>[{NUMERAL_CHARS}]+)|百分百")
_NONE_MARKER = re.compile(r"[-/\\~.·]+|一{1,4}|无|暂无|空|无此项|不适用|[Nn]/?[Aa]|null|NULL|[Nn]one")
_TEMPLATE_PREFIX = re.compile(r"(?:指标|目标)值?\s*(?:[0-9一二三四五六七八九十]{1,3}\s*(?::|\s)|:)\s*")
_OCR_HINT = re.compile("[OoIl〇]")
_OCR_RUN = re.compile(r"(?<![A-Za-z])[0-9OoIl〇][0-9OoIl〇.]*+(?![A-Za-z])")
_OCR_TABLE = str.maketrans("OoIl〇", "00110")
_COMPLETION = re.compile(
    "(?:全部|按时|按期|及时|如期)?(?:完成|发放|拨付|支付|兑现|办结|结束|竣工|验收|实施|开工|开放|上线|落实|到位|完毕)+"
    "(?:工作|任务)?"
)
_RANGE_SEPARATORS = ("--", "-", "~", "至", "到", "一")
# The common clean cells (≥95%, 242 人数, ≤7300 元/年), read without the general machinery.
_SIMPLE = re.compile(
    r"(?P<op>[<>=≥≤])?\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>%|[^\W\d_](?:[^\W\d_]|[/·]){0,7})?"
)

# Deadlines. Each form is searched for; the earliest (then longest) match wins.
_YEAR = r"(?P<y>(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4})\s*年度?"
_MONTH = rf"(?P<m>\d{{1,2}}|{_CN_MONTH}|\*+|[Xx×]+)\s*月份?"
_DAY = rf"(?P<d>\d{{1,2}}|{_CN_DAY}|\*+|[Xx×]+)\s*[日号]"
_NO_DIGIT_BEFORE = r"(?<![\d.])"


@lru_cache(maxsize=1)
def _date_forms() -> tuple[re.Pattern[str], ...]:
    """The deadline patterns, compiled on first use: most cells are not dates, and compiling costs ~3 ms."""
    return (
        re.compile(rf"{_NO_DIGIT_BEFORE}(?:{_YEAR}\s*)?{_MONTH}(?:\s*{_DAY})?\s*(?P<end>底|末)?"),
        re.compile(rf"{_NO_DIGIT_BEFORE}{_YEAR}\s*(?P<end>底|末)?"),
        re.compile(r"(?:本|当|今)?年度?(?:(?P<end>底|末)|(?=内))"),
        re.compile(
            r"(?<![\d.])(?P<y>(?:19|20)\d{2})\s*(?P<sep>[-./])\s*(?P<m>\d{1,2})(?:\s*(?P=sep)\s*(?P<d>\d{1,2}))?(?![\d.])"
        ),
        re.compile(rf"(?:{_YEAR}\s*)?(?P<half>上|下)半年"),
        re.compile(
            rf"{_NO_DIGIT_BEFORE}(?:{_YEAR}\s*)?(?P<m1>\d{{1,2}}|{_CN_MONTH})\s*月?\s*(?:-|~|至|到)\s*"
            rf"{_MONTH}\s*(?P<end>底|末)?"
        ),
        re.compile(
            r"(?<![\d.])(?P<y1>(?:19|20)\d{2})\s*(?:年度?)?\s*(?:-|~|至|到)\s*(?P<y>(?:19|20)\d{2})\s*(?:年度?)?(?![\d.])"
        ),
    )


_ISO_FORM = 3
_RANGE_FORMS = frozenset({5, 6})  # the month-range and year-range forms
_DATE_SEPARATOR = re.compile(r"\s*(?:--?|~|至|到)\s*")
_DATE_HINT = re.compile("[年月半.\\-/]")

# Per character: what the grammar reads instead (dashes and tildes unified, controls as spaces).
_VALUE_EXTRA = str.maketrans(
    {**dict.fromkeys("‐‑‒–—―−─━﹣", "-"), **dict.fromkeys("〜∼", "~"), "\ufffd": "?"}
)
_ASCII_CONTROLS = str.maketrans({**{chr(c): " " for c in range(32)}, "\x7f": " "})
_CHAR_CACHE: dict[str, tuple[str, bool]] = {}
# Characters that need more than NFKC and 繁→简 (controls, invisible, look-alikes, dashes, private use …).
_SPECIAL_CHARS = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u2000-\u206f\u2212\u2219\u223c\u2266\u2267\u22c5\u22dc\u22dd"
    "\u2500-\u257f\u2a7d\u2a7e\u301c\u30fb\ufe00-\ufe6f\ufeff\uff00-\uffff\ud800-\uf8ff\U000e0000-\U0010ffff]"
)


def parse_value(text: str | None) -> IndicatorValue:
    """Read a 指标值 cell into operator, number, unit, deadline and doubts; never raises."""
    raw = "" if text is None else str(text)
    try:
        return _parse(raw)
    except Exception:  # a bug here must not stop an import: keep the text and say it was not read
        return IndicatorValue(raw=raw, kind="qualitative", doubts=("unreadable",))


def format_value(value: IndicatorValue) -> str:
    """The canonical spelling of a parsed value: ≥95%, ≤7300 元/年, 2024年12月底前, 80-90%."""
    if value.kind == "qualitative":
        return " ".join(normalize_text(value.raw).split())
    if value.kind == "deadline" and value.deadline:
        return _format_deadline(value.deadline, value.operator)
    operator = value.operator or ""
    if value.kind == "placeholder" or value.number is None:
        if "empty" in value.doubts and not operator and not value.unit:
            return ""
        if "none_marker" in value.doubts:
            return "-"
        return f"{operator}**{value.unit or ''}"
    number = _format_number(value.number)
    if value.upper is not None:
        # 2024-8 would read as a date, -5--3 as nothing: use ~ there
        separator = "~" if value.number < 0 or value.upper < 0 or value.unit == "年" else "-"
        number += separator + _format_number(value.upper)
    return operator + number + _unit_suffix(value.unit)


def _format_number(number: Decimal) -> str:
    return format(number, "f")


def _unit_suffix(unit: str | None) -> str:
    if not unit:
        return ""
    return unit if unit in ("%", "‰") or unit.startswith("/") else " " + unit


def _format_deadline(deadline: str, operator: Operator | None) -> str:
    year, month, day = _split_iso(deadline)
    month, day = month.lstrip("0") or month, day.lstrip("0") or day
    text = (f"{year}年" if year else "") + (f"{month}月" if month else "") + (f"{day}日" if day else "")
    if operator == "≤":
        return text + ("底前" if month and not day else "前")
    return (operator or "") + text


def _split_iso(deadline: str) -> tuple[str, str, str]:
    """('2024', '12', '31') from 2024-12-31; '' for a missing part (--12-31, 2024-12, --12, 2024)."""
    if deadline.startswith("--"):
        month, _, day = deadline[2:].partition("-")
        return "", month, day
    year, _, rest = deadline.partition("-")
    month, _, day = rest.partition("-")
    return year, month, day


# --- normalisation with a map back to the raw text -------------------------------------------------


@dataclass(slots=True)
class _Text:
    """The normalised text ``s`` of ``raw``; ``pos[i]`` is the raw index of ``s[i]`` (None: the same)."""

    raw: str
    s: str
    pos: list[int] | None

    def raw_of(self, start: int, end: int) -> str:
        if end <= start:
            return ""
        if self.pos is None:
            return self.raw[start:end]
        return self.raw[self.pos[start] : self.pos[end - 1] + 1]

    def replace(self, start: int, end: int, text: str) -> None:
        """Replace a span by text of the same length (positions stay valid)."""
        self.s = self.s[:start] + text + self.s[end:]

    def drop(self, char: str) -> None:
        """Delete every ``char`` from the normalised text."""
        pos = self.pos if self.pos is not None else list(range(len(self.s)))
        kept = [i for i, c in enumerate(self.s) if c != char]
        self.s = "".join(self.s[i] for i in kept)
        self.pos = [pos[i] for i in kept]


def _normalize(raw: str) -> tuple[_Text, bool]:
    """The grammar's view of the raw text, and whether it had traditional characters."""
    if raw.isascii():
        return _Text(raw, raw.translate(_ASCII_CONTROLS), None), False
    if unicodedata.is_normalized("NFKC", raw) and not _SPECIAL_CHARS.search(raw):
        simplified, traditional = to_simplified(raw)  # one character for one: the positions stay
        return _Text(raw, simplified, None), traditional
    parts: list[str] = []
    pos: list[int] = []
    traditional, one_to_one = False, True
    for index, char in enumerate(raw):
        cached = _CHAR_CACHE.get(char)
        if cached is None:
            cached = _normalize_char(char)
            if len(_CHAR_CACHE) < 8192:
                _CHAR_CACHE[char] = cached
        text, is_traditional = cached
        traditional = traditional or is_traditional
        one_to_one = one_to_one and len(text) == 1
        parts.append(text)
        pos.extend([index] * len(text))
    return _Text(raw, "".join(parts), None if one_to_one else pos), traditional


def _normalize_char(char: str) -> tuple[str, bool]:
    """One raw character as the grammar reads it, and whether it is traditional."""
    out: list[str] = []
    for c in normalize_text(char).translate(_VALUE_EXTRA):
        category = unicodedata.category(c)
        if category == "Cc" or category[0] == "Z":
            out.append(" ")
        elif category in ("Cs", "Co"):
            out.append("?")
        elif category != "Cf":
            out.append(c)
    return "".join(out), to_simplified(char)[1]


# --- the parse ------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Op:
    """An operator token: a firm operator, or a neutral word's default; its span in the normalised text."""

    operator: Operator | None
    default: Operator | None
    start: int
    end: int
    spelling: bool = False
    doubled: bool = False
    conflict: bool = False
    symbol: bool = False


@dataclass(slots=True)
class _Side:
    """What was read on one side of the number: operators, unit, modifiers and the text left over."""

    ops: list[_Op] = field(default_factory=list)
    approximate: bool = False
    unit: tuple[int, int] | None = None
    unit_known: bool = False
    extra: tuple[int, int] = (0, 0)


@dataclass(slots=True)
class _State:
    """The text being parsed and the doubts gathered so far."""

    text: _Text
    doubts: set[str]
    garbled: bool = False


@lru_cache(maxsize=8192)  # values repeat (≥95%, 100%); the result is immutable
def _parse(raw: str) -> IndicatorValue:
    if len(raw) > _MAX_CHARS:
        return IndicatorValue(raw=raw, kind="qualitative")
    text, traditional = _normalize(raw)
    state = _State(text, {"traditional"} if traditional else set())
    if "?" in text.s:
        text.drop("?")
        state.garbled = True
    lo, hi = _trim(text.s, 0, len(text.s))
    if lo == hi:
        return _placeholder(state, "empty")
    simple = _simple(state, lo, hi)
    if simple is not None:
        return simple
    core = text.s[lo:hi]
    if core in ("X", "x", "×"):
        return _placeholder(state, "placeholder")
    if _NONE_MARKER.fullmatch(core):
        if core.startswith("一"):
            state.doubts.add("ocr_dash")
        return _placeholder(state, "none_marker")
    prefix = _TEMPLATE_PREFIX.match(text.s, lo, hi)
    if prefix:
        lo = _lstrip(text.s, prefix.end(), hi)
        if lo == hi:
            return _placeholder(state, "placeholder")
        state.doubts.add("placeholder_prefix")
    _fix_ocr_letters(state, lo, hi)
    hi = _deduplicate(state, lo, hi)
    return _deadline(state, lo, hi) or _numeric(state, lo, hi)


def _trim(s: str, lo: int, hi: int) -> tuple[int, int]:
    while hi > lo and (s[hi - 1].isspace() or s[hi - 1] in ".,;!。"):
        hi -= 1
    return _lstrip(s, lo, hi), hi


def _lstrip(s: str, lo: int, hi: int) -> int:
    while lo < hi and s[lo].isspace():
        lo += 1
    return lo


def _rstrip(s: str, lo: int, hi: int) -> int:
    while hi > lo and s[hi - 1].isspace():
        hi -= 1
    return hi


def _simple(state: _State, lo: int, hi: int) -> IndicatorValue | None:
    """A clean cell: one symbol, a plain number and a known unit (not a date: 12月, 2024年)."""
    text = state.text
    match = _SIMPLE.fullmatch(text.s, lo, hi)
    if match is None:
        return None
    unit_text = match.group("unit")
    if unit_text and (unit_text[0] in "年月OoIl" or not _is_unit(unit_text)):
        return None
    ops = [_symbol_op(text, *match.span("op"))] if match.group("op") else []
    operator = ops[0].operator if ops else None
    if ops and ops[0].spelling:
        state.doubts.add("operator_spelling")
    number = Decimal(match.group("num"))
    unit = normalize_unit(unit_text) if unit_text else None
    _check_quantity(state, number, operator, unit, written=bool(ops))
    return _finish(
        state,
        "quantitative",
        operator=operator,
        number=number,
        unit=unit,
        raw_unit=text.raw_of(*match.span("unit")) if unit_text else None,
        operator_raw=_operator_raw(text, ops, []),
    )


def _finish(
    state: _State,
    kind: ValueKind,
    *,
    operator: Operator | None = None,
    number: Decimal | None = None,
    unit: str | None = None,
    raw_unit: str | None = None,
    operator_raw: str | None = None,
    upper: Decimal | None = None,
    deadline: str | None = None,
) -> IndicatorValue:
    """Build the value with its doubts in catalogue order."""
    doubts = state.doubts
    if state.garbled and kind != "qualitative":
        doubts.add("garbled")
    return IndicatorValue(
        raw=state.text.raw,
        kind=kind,
        operator=operator,
        number=number,
        unit=unit,
        raw_unit=raw_unit,
        operator_raw=operator_raw,
        upper=upper,
        deadline=deadline,
        doubts=tuple(sorted(doubts, key=_DOUBT_ORDER.__getitem__)) if doubts else (),
    )


def _placeholder(state: _State, doubt: str) -> IndicatorValue:
    state.doubts.add(doubt)
    return _finish(state, "placeholder")


def _qualitative(state: _State) -> IndicatorValue:
    return _finish(state, "qualitative")


def _fix_ocr_letters(state: _State, lo: int, hi: int) -> None:
    """Read O/o/〇 as 0 and I/l as 1 where they sit among digits (1O0% → 100%)."""
    text = state.text
    if not _OCR_HINT.search(text.s, lo, hi):
        return
    for match in _OCR_RUN.finditer(text.s, lo, hi):
        run = match.group()
        fixed = run.translate(_OCR_TABLE)
        if fixed != run and any(c.isdigit() for c in run if c != "〇"):
            text.replace(match.start(), match.end(), fixed)
            state.doubts.add("ocr_letter")


def _deduplicate(state: _State, lo: int, hi: int) -> int:
    """The end of the first copy when the value is written twice (854万854万); else ``hi``."""
    s = state.text.s
    compact = "".join(s[lo:hi].split())
    half = len(compact) // 2
    first = compact[:half]
    if len(compact) < 4 or len(compact) % 2 or first != compact[half:]:
        return hi
    if first.isdigit() or not any(c.isdigit() for c in first):
        return hi
    seen = 0
    for index in range(lo, hi):
        if not s[index].isspace():
            seen += 1
            if seen == half:
                state.doubts.add("duplicated")
                return index + 1
    return hi


# --- operators ------------------------------------------------------------------------------------


def _symbol_op(text: _Text, start: int, end: int) -> _Op:
    """An operator written in symbols: ≥, >=, ＞＝, ≧, ≥≥ …"""
    symbols = "".join(text.s[start:end].split())
    raw = "".join(text.raw_of(start, end).split())
    chars = set(symbols)
    up, down = bool(chars & {">", "≥"}), bool(chars & {"<", "≤"})
    operator: Operator
    if up:
        operator = "≥" if chars & {"≥", "="} else ">"
    elif down:
        operator = "≤" if chars & {"≤", "="} else "<"
    else:
        operator = "="
    two_char = symbols in _TWO_CHAR_SPELLINGS
    return _Op(
        operator=operator,
        default=None,
        start=start,
        end=end,
        spelling=two_char or any(c not in _STANDARD_SYMBOLS for c in raw),
        doubled=len(symbols) > 1 and not two_char,
        conflict=up and down,
        symbol=True,
    )


def _word_op(role: _WordRole, start: int, end: int, spelling: bool = True) -> _Op:
    kind, operator = role
    if kind == _FIRM:
        return _Op(operator, None, start, end, spelling=spelling)
    return _Op(None, operator, start, end, spelling=spelling and operator is not None)


def _combine(ops: list[_Op]) -> tuple[Operator | None, set[str]]:
    """One operator from all written: agreeing ones are doubled, opposite ones conflict."""
    doubts: set[str] = set()
    standard_symbol = any(op.symbol and not op.spelling for op in ops)
    if not standard_symbol and any(op.spelling for op in ops):
        doubts.add("operator_spelling")
    if any(op.doubled for op in ops):
        doubts.add("operator_doubled")
    firm = [op for op in ops if op.operator is not None]
    directions = {_DIRECTION[op.operator] for op in firm if op.operator is not None}
    if any(op.conflict for op in ops) or {1, -1} <= directions:
        doubts.discard("operator_doubled")
        return None, doubts | {"operator_conflict"}
    if not firm:
        defaults = [op.default for op in ops if op.default is not None]
        return (defaults[0] if defaults else None), doubts
    if len(firm) > 1:
        doubts.add("operator_doubled")
    directional = [op for op in firm if op.operator != "="]
    return (directional or firm)[0].operator, doubts


def _operator_raw(text: _Text, before: list[_Op], after: list[_Op]) -> str | None:
    """The operator as written: one span, or the words before and after the number joined by …"""
    parts = [text.raw_of(ops[0].start, ops[-1].end) for ops in (before, after) if ops]
    return "…".join(parts) or None


def _ends_with(s: str, lo: int, hi: int, words: dict[str, _WordRole]) -> str | None:
    """The longest word of ``words`` that ends at ``hi``."""
    for length in range(min(5, hi - lo), 0, -1):
        candidate = s[hi - length : hi]
        if candidate in words:
            return candidate
    return None


def _starts_with(s: str, lo: int, hi: int, words: dict[str, _WordRole]) -> str | None:
    """The longest word of ``words`` that starts at ``lo``."""
    for length in range(min(5, hi - lo), 0, -1):
        candidate = s[lo : lo + length]
        if candidate in words:
            return candidate
    return None


# --- the two sides of a number ----------------------------------------------------------------------


def _read_before(text: _Text, lo: int, hi: int, words: dict[str, _WordRole] = _PREFIX_WORDS) -> _Side:
    """Operator symbols and words, 约 and 百分之, read leftwards from the number at ``hi``."""
    s = text.s
    side = _Side()
    end = _rstrip(s, lo, hi)
    if words is _PREFIX_WORDS and s.endswith("百分之", lo, end):
        side.unit, side.unit_known = (end - 3, end), True
        end = _rstrip(s, lo, end - 3)
    while end > lo:
        start = end
        while start > lo and s[start - 1] in _SYMBOLS:
            start -= 1
        if start < end:
            side.ops.insert(0, _symbol_op(text, start, end))
            end = _rstrip(s, lo, start)
            continue
        word = _ends_with(s, lo, end, words)
        if word is None:
            break
        role = words[word]
        if role[0] == _APPROX:
            side.approximate = True
        elif role[1] is not None:
            side.ops.insert(0, _word_op(role, end - len(word), end, spelling=words is _PREFIX_WORDS))
        end = _rstrip(s, lo, end - len(word))
    side.extra = (lo, end)
    return side


def _read_after(text: _Text, lo: int, hi: int, words: dict[str, _WordRole] = _SUFFIX_WORDS) -> _Side:
    """The unit, then suffix words (以上, 以内, 左右, 之间, (含)), read rightwards from ``lo``."""
    s = text.s
    side = _Side()
    start = _lstrip(s, lo, hi)
    if words is _SUFFIX_WORDS:
        start = _read_unit(s, start, hi, side)
    while True:
        start = _lstrip(s, start, hi)
        word = _starts_with(s, start, hi, words)
        if word is None:
            moved = _read_inclusion(s, start, hi, side, None) if words is _SUFFIX_WORDS else start
            if moved == start:
                break
            start = moved
            continue
        role = words[word]
        if role[0] == _APPROX:
            side.approximate = True
        elif role[0] != _RANGE:  # 之间 only closes a range
            side.ops.append(_word_op(role, start, start + len(word), spelling=words is _SUFFIX_WORDS))
        start += len(word)
        start = _read_inclusion(s, start, hi, side, side.ops[-1] if side.ops else None)
    side.extra = (start, hi)
    return side


def _read_inclusion(s: str, start: int, hi: int, side: _Side, op: _Op | None) -> int:
    """(含) beside 以上/以下 keeps it inclusive, (不含) makes it strict: 10%以上(不含), 10%(含)以上."""
    for note, strict in (("(含)", False), ("(不含)", True)):
        if not s.startswith(note, start, hi):
            continue
        end = start + len(note)
        if op is None:  # the note comes first: apply it to the suffix word that follows
            following = _lstrip(s, end, hi)
            word = _starts_with(s, following, hi, _SUFFIX_WORDS)
            if word is None or _SUFFIX_WORDS[word][0] != _FIRM:
                return start
            op = _word_op(_SUFFIX_WORDS[word], start, following + len(word))
            side.ops.append(op)
            end = following + len(word)
        if strict and op.operator in ("≥", "≤"):
            op.operator = ">" if op.operator == "≥" else "<"
        op.end = max(op.end, end)
        return end
    return start


def _read_unit(s: str, start: int, hi: int, side: _Side) -> int:
    """The longest known unit at ``start``; failing that, the letters up to a suffix word."""
    run = _UNIT_RUN.match(s, start, hi)
    if run is None:
        return start
    run_end = run.end()
    for end in range(min(run_end, start + 12), start, -1):
        if _is_unit(s[start:end]):
            side.unit, side.unit_known = (start, end), True
            return end
    end = start
    while end < run_end and _starts_with(s, end, run_end, _SUFFIX_WORDS) is None:
        end += 1
    while end > start and s[end - 1] in ".*·":
        end -= 1
    if end > start:
        side.unit = (start, end)
    return end


@lru_cache(maxsize=4096)
def _is_unit(candidate: str) -> bool:
    return is_known_unit(candidate) or normalize_unit(candidate) in QUANTITY_NOUN_UNITS


def _is_blank(text: _Text, span: tuple[int, int]) -> bool:
    return not text.s[span[0] : span[1]].strip()


# --- numbers ----------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Number:
    value: Decimal
    start: int
    end: int
    thousands_ambiguous: bool = False


def _read_number(s: str, match: re.Match[str], lo: int) -> _Number:
    """A matched number, with a minus sign when one is written right before it (≥-5%)."""
    digits = match.group()
    whole = digits.partition(".")[0]
    groups = whole.split(",")
    ambiguous = len(groups) > 1 and (not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:]))
    value = Decimal(digits.replace(",", ""))
    start = match.start()
    if start > lo and s[start - 1] == "-":
        before = _rstrip(s, lo, start - 1)
        if before == lo or s[before - 1] in "≥≤<>=(:~":
            return _Number(value.copy_negate(), start - 1, match.end(), ambiguous)
    return _Number(value, start, match.end(), ambiguous)


def _numeric(state: _State, lo: int, hi: int) -> IndicatorValue:
    """A value anchored on an Arabic number, a placeholder, or a Chinese numeral; else qualitative."""
    s = state.text.s
    matches = list(_NUMBER.finditer(s, lo, hi))
    if not matches:
        placeholder = _find_placeholder(s, lo, hi)
        if placeholder is not None:
            return _around_placeholder(state, lo, hi, placeholder)
        return _chinese(state, lo, hi) or _bare(state, lo, hi) or _qualitative(state)
    numbers = [_read_number(s, match, lo) for match in matches]
    if len(numbers) == 2:
        ranged = _range(state, lo, hi, numbers[0], numbers[1])
        if ranged is not None:
            return ranged
    if len(numbers) > 1:
        state.doubts.add("multiple_numbers")
        with_operator = [n for n in numbers if _read_before(state.text, lo, n.start).ops]
        if len(with_operator) != 1:
            return _qualitative(state)
        return _quantity(state, lo, hi, with_operator[0])
    return _quantity(state, lo, hi, numbers[0])


def _find_placeholder(s: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The first template placeholder (**, XX, ××, _) in the span; * or × between two CJK is a separator."""
    for match in _PLACEHOLDER.finditer(s, lo, hi):
        start, end = match.span()
        if end - start == 1 and s[start] in "*×" and _between_cjk(s, start, lo, hi):
            continue
        return start, end
    return None


def _between_cjk(s: str, index: int, lo: int, hi: int) -> bool:
    return lo < index < hi - 1 and _is_cjk(s[index - 1]) and _is_cjk(s[index + 1])


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _quantity(state: _State, lo: int, hi: int, number: _Number) -> IndicatorValue:
    """A single number with what is written around it."""
    text = state.text
    before = _read_before(text, lo, number.start)
    after = _read_after(text, number.end, hi)
    if _find_placeholder(text.s, number.end, hi) is not None:
        return _around_placeholder(state, lo, hi, (number.start, number.end))
    extra_before = _extra_before(state, before)
    extra = extra_before or not _is_blank(text, after.extra)
    if extra and not (before.unit_known or after.unit_known) and not (before.ops or after.ops):
        return _qualitative(state)
    if extra:
        state.doubts.add("extra_text")
    if number.thousands_ambiguous:
        state.doubts.add("thousands_ambiguous")
    return _build_quantity(state, number.value, None, before, after)


def _extra_before(state: _State, before: _Side) -> bool:
    """Whether text is left before the operator; a leftover placeholder there is a template prefix."""
    text = state.text
    start, end = before.extra
    if _find_placeholder(text.s, start, end) is not None:
        state.doubts.add("placeholder_prefix")
        leftover = _PLACEHOLDER.sub("", text.s[start:end])
        return bool(leftover.strip())
    return bool(text.s[start:end].strip())


def _build_quantity(
    state: _State, number: Decimal, upper: Decimal | None, before: _Side, after: _Side
) -> IndicatorValue:
    text = state.text
    operator, op_doubts = _combine(before.ops + after.ops)
    state.doubts |= op_doubts
    if before.approximate or after.approximate:
        state.doubts.add("approximate")
    span = after.unit or before.unit
    unit = normalize_unit(text.s[span[0] : span[1]]) if span else None
    date = _as_date(number, unit)
    if upper is not None and date is not None:
        date = _as_date(upper, unit)
        if date is not None:
            state.doubts.add("deadline_range")
    if date is not None:  # 12 月, 2024 年: a month or a year, as the deadline forms read them
        return _finish(
            state,
            "deadline",
            operator=operator,
            operator_raw=_operator_raw(text, before.ops, after.ops),
            deadline=date,
        )
    _check_quantity(state, number, operator, unit, written=bool(before.ops or after.ops))
    return _finish(
        state,
        "quantitative",
        operator=operator,
        number=number,
        unit=unit or None,
        raw_unit=text.raw_of(*span) if span else None,
        operator_raw=_operator_raw(text, before.ops, after.ops),
        upper=upper,
    )


def _as_date(number: Decimal, unit: str | None) -> str | None:
    """The ISO month or year a number with 月 or 年 stands for (12月 → --12, 2024年 → 2024); else None."""
    digits = format(abs(number), "f")
    if not digits.isdigit():
        return None
    if unit == "月" and len(digits) <= 2:
        return _iso(None, int(digits), None)
    if unit == "年" and len(digits) == 4 and digits[:2] in ("19", "20"):
        return _iso(int(digits), None, None)
    return None


def _check_quantity(
    state: _State, number: Decimal, operator: Operator | None, unit: str | None, *, written: bool
) -> None:
    """Doubts about a quantitative value: no unit, a lost unit half, an Excel date, a ≥ read as 2."""
    doubts = state.doubts
    if not unit:
        doubts.add("unit_missing")
        clean = "extra_text" not in doubts and "multiple_numbers" not in doubts
        if operator is None and clean and number == number.to_integral_value() and 36526 <= number <= 55153:
            doubts.add("excel_date")
    elif unit.startswith("/"):
        doubts.add("unit_partial")
    if unit == "%" and not written and number > 100:
        digits = format(number, "f")
        if digits.startswith("2") and digits[1:2] not in ("0", ".", ""):
            rest = Decimal(digits[1:])
            if rest <= 100:
                doubts.add("ocr_operator")


def _range(state: _State, lo: int, hi: int, first: _Number, second: _Number) -> IndicatorValue | None:
    """80%-90%, 80-90%, 80～90%, 80至90%, 在80%至90%之间; None when the two numbers are not a range."""
    text = state.text
    s = text.s
    between_start, between_end = first.end, _rstrip(s, first.end, second.start)
    separator = next((sep for sep in _RANGE_SEPARATORS if s.endswith(sep, between_start, between_end)), None)
    if separator is None:
        return None
    unit_end = _rstrip(s, between_start, between_end - len(separator))
    unit_start = _lstrip(s, between_start, unit_end)
    first_unit = s[unit_start:unit_end]
    if first_unit and not _is_unit(first_unit) and first_unit not in ("万", "亿"):
        return None
    after = _read_after(text, second.end, hi)
    if first_unit and after.unit:
        second_unit = s[after.unit[0] : after.unit[1]]
        if normalize_unit(first_unit) != normalize_unit(second_unit) and not second_unit.startswith(
            first_unit
        ):
            return None
    if first_unit and after.unit is None:
        after.unit, after.unit_known = (unit_start, unit_end), True
    before = _read_before(text, lo, first.start)
    if _extra_before(state, before) or not _is_blank(text, after.extra):
        state.doubts.add("extra_text")
    state.doubts.add("range")
    if separator == "一":
        state.doubts.add("ocr_dash")
    return _build_quantity(state, first.value, second.value, before, after)


def _around_placeholder(state: _State, lo: int, hi: int, span: tuple[int, int]) -> IndicatorValue:
    """A placeholder value: keep the operator and (a clean) unit that could be read around it."""
    text = state.text
    before = _read_before(text, lo, span[0])
    after = _read_after(text, span[1], hi)
    operator, _ = _combine(before.ops + after.ops)
    unit_span = after.unit if after.unit_known and _is_blank(text, after.extra) else before.unit
    if unit_span is not None and text.s[unit_span[0] : unit_span[1]] == "月":
        unit_span = None  # **月 is a deadline template
    state.doubts.add("placeholder")
    return _finish(
        state,
        "placeholder",
        operator=operator,
        unit=normalize_unit(text.s[unit_span[0] : unit_span[1]]) if unit_span else None,
        raw_unit=text.raw_of(*unit_span) if unit_span else None,
        operator_raw=_operator_raw(text, before.ops, after.ops),
    )


def _chinese(state: _State, lo: int, hi: int) -> IndicatorValue | None:
    """百分之九十五, 二十人, 两次, 三万元: a Chinese numeral with nothing but operators and a unit around it."""
    text = state.text
    s = text.s
    percent = _PERCENT_WORDS.search(s, lo, hi)
    if percent is not None:
        start, end = percent.span()
        number = parse_chinese_number(percent.group("n")) if percent.group("n") else Decimal(100)
        unit_span: tuple[int, int] | None = (start, start + 3 if percent.group("n") else start + 2)
    else:
        runs = list(_CHINESE_RUN.finditer(s, lo, hi))
        if len(runs) != 1:
            return None
        start, end = runs[0].span()
        if end - start > 1 and s[end - 1] in "万亿":
            end -= 1  # 三万元 is 3 万元, as 3万元 is
        number = parse_chinese_number(s[start:end])
        unit_span = None
    if number is None:
        return None
    before = _read_before(text, lo, start)
    after = _read_after(text, end, hi)
    unit_ok = after.unit is None or after.unit_known or s[after.unit[0] : after.unit[1]] in ("万", "亿")
    if not (_is_blank(text, before.extra) and _is_blank(text, after.extra) and unit_ok):
        return None
    if unit_span is not None and after.unit is None:
        after.unit, after.unit_known = unit_span, True
    state.doubts.add("chinese_numeral")
    return _build_quantity(state, number, None, before, after)


def _bare(state: _State, lo: int, hi: int) -> IndicatorValue | None:
    """Only operator symbols and a unit (≥%, 人): a template whose number was deleted."""
    text = state.text
    s = text.s
    start = lo
    while start < hi and (s[start] in _SYMBOLS or s[start].isspace()):
        start += 1
    ops = [_symbol_op(text, lo, _rstrip(s, lo, start))] if start > lo else []
    after = _read_after(text, start, hi)
    if not _is_blank(text, after.extra) or (after.unit is not None and not after.unit_known):
        return None
    if after.unit is not None and s[after.unit[0] : after.unit[1]] == "月":
        return None  # **月 is a deadline template
    operator, _ = _combine(ops + after.ops)
    state.doubts.add("empty")
    unit = after.unit
    return _finish(
        state,
        "placeholder",
        operator=operator,
        unit=normalize_unit(s[unit[0] : unit[1]]) if unit else None,
        raw_unit=text.raw_of(*unit) if unit else None,
        operator_raw=_operator_raw(text, ops, after.ops),
    )


# --- deadlines --------------------------------------------------------------------------------------


def _deadline(state: _State, lo: int, hi: int) -> IndicatorValue | None:
    """2024年12月底前, 12月31日前, 2024-12-31前, 年底前, 2020年1月--2020年11月; None if not a date."""
    s = state.text.s
    if not _DATE_HINT.search(s, lo, hi):
        return None
    found = _find_date(s, lo, hi)
    if found is None:
        return None
    form, match = found
    start = match.start()
    if (
        match.groupdict().get("y") is None
        and start > lo
        and (s[start - 1].isdigit() or s[start - 1] in NUMERAL_CHARS)
    ):
        return None  # 三年内 is a duration, not the end of this year
    end, second = _date_range_end(s, match, hi)
    before = _read_before(state.text, lo, start, _DEADLINE_PREFIX)
    after = _read_after(state.text, end, hi, _DEADLINE_SUFFIX)
    lead, tail = s[before.extra[0] : before.extra[1]], s[after.extra[0] : after.extra[1]].strip()
    if any(c.isdigit() for c in lead + tail) or tail[:1] in ("/", "·"):
        return None  # more numbers around, or a compound unit (12月/人)
    if form == _ISO_FORM and match.group("sep") == "." and not match.group("d") and not after.ops:
        return None  # 2024.12 is a number unless 前 follows
    if lead.strip() or (tail and not _COMPLETION.fullmatch(tail)):
        state.doubts.add("extra_text")
    if second is not None or form in _RANGE_FORMS:
        state.doubts.add("deadline_range")
    return _build_deadline(state, match if second is None else second, match, before, after)


def _find_date(s: str, lo: int, hi: int) -> tuple[int, re.Match[str]] | None:
    """The earliest, then longest, date form in the span."""
    best: tuple[int, re.Match[str]] | None = None
    for form, pattern in enumerate(_date_forms()):
        match = pattern.search(s, lo, hi)
        if match is None or match.end() == match.start():
            continue
        if best is None or (match.start(), -match.end()) < (best[1].start(), -best[1].end()):
            best = (form, match)
    return best


def _date_range_end(s: str, match: re.Match[str], hi: int) -> tuple[int, re.Match[str] | None]:
    """Where the date ends, and the second date when it is the start of a range (2020年1月--2020年11月)."""
    separator = _DATE_SEPARATOR.match(s, match.end(), hi)
    if separator is None:
        return match.end(), None
    for pattern in (_date_forms()[0], _date_forms()[3], _date_forms()[1]):
        second = pattern.match(s, separator.end(), hi)
        if second is not None:
            return second.end(), second
    return match.end(), None


def _build_deadline(
    state: _State, match: re.Match[str], first: re.Match[str], before: _Side, after: _Side
) -> IndicatorValue:
    groups = match.groupdict()
    operator, op_doubts = _combine(before.ops + after.ops)
    state.doubts |= op_doubts
    operator_raw = _operator_raw(state.text, before.ops, after.ops)
    parts = [groups.get("y") or first.groupdict().get("y"), groups.get("m"), groups.get("d")]
    if any(part and part[0] in "*Xx×" for part in parts):
        state.doubts.add("placeholder")
        return _finish(state, "placeholder", operator=operator, operator_raw=operator_raw)
    year, month, day = (_date_number(part) for part in parts)
    if month is None and (groups.get("end") or groups.get("half") == "下" or match.re is _date_forms()[2]):
        month = 12
    if groups.get("half") == "上":
        month = 6
    if _invalid_date(year, month, day):
        state.doubts.add("deadline_invalid")
    return _finish(
        state, "deadline", operator=operator, operator_raw=operator_raw, deadline=_iso(year, month, day)
    )


def _date_number(part: str | None) -> int | None:
    if not part:
        return None
    if part.isdigit():
        return int(part)
    value = parse_chinese_number(part)
    return None if value is None else int(value)


def _invalid_date(year: int | None, month: int | None, day: int | None) -> bool:
    if month is not None and not 1 <= month <= 12:
        return True
    if day is None or month is None:
        return False
    return not 1 <= day <= calendar.monthrange(year if year and year > 0 else 2000, month)[1]


def _iso(year: int | None, month: int | None, day: int | None) -> str:
    """ISO 8601 date or partial date: 2024-12-31, 2024-12, 2024, --12-31, --12."""
    head = f"{year:04d}" if year is not None else "-"
    if month is None:
        return head if year is not None else "--"
    text = f"{head}-{month:02d}"
    return text if day is None else f"{text}-{day:02d}"
