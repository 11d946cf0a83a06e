"""Cells without their blanks placed back in a grid's columns: what each cell is, and where it fits best.

Text that loses a table's blank cells (one cell per line, cells between spaces, a whole table on one line) keeps
the order of the cells that were written. Knowing the header's columns, each cell is placed in the column whose
meaning fits what the cell says (a 一级 label in 一级指标, ``≥95%`` in 指标值, ``15`` in 分值, ``公里`` in 度量单位),
rows advancing left to right and a new row starting where the next cell fits no later column. The placement is
the cheapest one over all cells at once (a dynamic programme over cells × columns), blanks costing what they cost
in real forms: a merged 一级/二级 cell is blank on most rows, a 指标值 rarely. A summary row (合计, 总分) leaves
most of its cells blank.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from jixiao.importers.cleanup import label_key
from jixiao.importers.engine.headers import read_header
from jixiao.importers.engine.vocabulary import SUMMARY_WORDS, fund_label, section_of
from jixiao.model import parse_value
from jixiao.model.framework import is_level1_label, is_level2_label
from jixiao.model.normalize import has_digit

# What a cell holds (a cell may be more than one: 成本指标 is a 一级 and a 二级 label).
L1 = "L1"  # a 一级 label
L2 = "L2"  # a 二级 label
SUM = "SUM"  # a summary word (合计, 总分)
FUND = "FUND"  # a money line (年度资金总额, 其中：财政拨款)
TICK = "TICK"  # a tick (√)
DIR = "DIR"  # 正向/反向
QT = "QT"  # 定量/定性
OP = "OP"  # an operator alone (≥)
UNIT = "UNIT"  # a unit alone (公里, %)
DASH = "DASH"  # a dash or 无 for none
NUM = "NUM"  # a bare number (15, 1,234.00)
PCT = "PCT"  # a percentage without operator (98.00%)
VAL = "VAL"  # a value with operator or unit, a deadline (≥95%, 242 人数, 2025年11月底前)
TEXT = "TEXT"  # a short text (8 characters at most)
MID = "MID"  # a text of 9 to 16 characters
LONG = "LONG"  # a longer text or a sentence
YESNO = "YESNO"  # 是/否
LIKELY = "LIKELY"  # 确定能, 有可能, 不可能
_TICKS = frozenset({"√", "✓", "✔", "☑", "■", "●", "v", "V", "✅"})
_DASHES = frozenset({"/", "／", "无", "-", "—", "——", "--", "－", "–", "一", "\\"})
_DIRECTION = re.compile(r"^(正向|反向|中性)(指标)?$")
_LIKELY = re.compile(r"^(确定能|有可能|可能|不可能|能|不能|基本能|很可能|较大可能)(完成)?$")
_SENTENCE = re.compile(r"[。；;，,]")


@lru_cache(maxsize=16384)
def classes(text: str) -> frozenset[str]:
    """What a cell's text is: level labels, a summary word, a fund line, a value, a number, a unit, text …"""
    t = text.strip()
    found: set[str] = set()
    key = label_key(t)
    if is_level1_label(t):
        found.add(L1)
    if is_level2_label(t):
        found.add(L2)
    if key in SUMMARY_WORDS or (key.startswith(SUMMARY_WORDS) and len(key) <= 6):
        found.add(SUM)
    if t in _TICKS:
        return frozenset({TICK})
    if t in _DASHES:
        return frozenset({DASH})
    if t in ("是", "否"):
        return frozenset({YESNO})
    if _DIRECTION.match(key):
        return frozenset({DIR})
    if key in ("定量", "定性"):
        return frozenset({QT})
    if _LIKELY.match(key):
        return frozenset({LIKELY})
    if len(key) <= 16 and not has_digit(key):
        header = read_header(t).key
        if fund_label(header) is not None or section_of(header) == "money":
            found.add(FUND)
    if found & {L1, L2, SUM}:
        return frozenset(found)
    value = parse_value(t)
    if value.kind == "placeholder":
        if "none_marker" in value.doubts:
            found.add(DASH)
        elif value.operator and not value.unit:
            found.add(OP)
        elif value.unit and not value.operator and len(t) <= 8:
            found.add(UNIT)
    elif value.kind in ("quantitative", "deadline") and not {"extra_text", "multiple_numbers"} & set(
        value.doubts
    ):
        if value.kind == "quantitative" and not value.operator and value.unit is None:
            found.add(NUM)
        elif value.kind == "quantitative" and not value.operator and value.unit == "%":
            found.add(PCT)
        else:
            found.add(VAL)
    if not found:
        found.add(LONG if len(t) > 16 or _SENTENCE.search(t) else MID if len(t) > 8 else TEXT)
    return frozenset(found)


# -- what each column takes ------------------------------------------------------------------------------

_NAME = {
    TEXT: 0.0,
    MID: 0.0,
    LONG: 0.3,
    L2: 2.0,
    L1: 3.0,
    VAL: 4.0,
    PCT: 4.0,
    NUM: 5.0,
    DASH: 4.0,
    SUM: 1.0,
    FUND: 0.3,
}
_TEXTS = {
    TEXT: 0.0,
    MID: 0.0,
    LONG: 0.0,
    L1: 2.5,
    L2: 2.5,
    VAL: 2.5,
    PCT: 3.5,
    NUM: 4.0,
    DASH: 1.5,
    SUM: 0.5,
    FUND: 4.0,
    LIKELY: 1.0,
}
_VALUES = {
    VAL: 0.0,
    PCT: 0.0,
    NUM: 0.3,
    TEXT: 1.2,
    MID: 2.5,
    LONG: 3.5,
    DASH: 1.2,
    QT: 5.0,
    OP: 5.0,
    UNIT: 5.0,
    L1: 4.0,
    L2: 4.0,
    FUND: 1.5,
    LIKELY: 1.5,
}
_NUMBERS = {NUM: 0.0, DASH: 0.8, PCT: 3.0, VAL: 4.0, SUM: 3.0}
_AMOUNTS = {NUM: 0.0, VAL: 0.5, DASH: 0.8, PCT: 3.0, TEXT: 5.0, MID: 5.0}
_EMISSION: dict[str, dict[str, float]] = {
    "level1": {L1: 0.0, SUM: 0.2, L2: 2.0, TEXT: 5.0, MID: 6.0, LONG: 7.0},
    "level2": {L2: 0.0, L1: 2.0, TEXT: 1.5, MID: 1.5, LONG: 4.0, SUM: 1.0, FUND: 2.0},
    "long_term_level2": {L2: 0.0, L1: 2.0, TEXT: 1.5, MID: 1.5, LONG: 4.0},
    "level3": _NAME,
    "content": _NAME,
    "long_term_level3": _NAME,
    "target": _VALUES,
    "actual": _VALUES,
    "forecast": _VALUES,
    "long_term_target": _VALUES,
    "part_target": _VALUES,
    "previous_value": _VALUES,
    "weight": _NUMBERS,
    "score": _NUMBERS,
    "seq": {NUM: 0.0, TEXT: 3.0, MID: 3.0},
    "budget": _AMOUNTS,
    "task_budget": _AMOUNTS,
    "amount": _AMOUNTS,
    "budget_initial": _AMOUNTS,
    "budget_full_year": _AMOUNTS,
    "executed": _AMOUNTS,
    "forecast_executed": _AMOUNTS,
    "rate": {PCT: 0.0, NUM: 1.5, DASH: 0.8, VAL: 3.0},
    "operator": {OP: 0.0, QT: 0.5},
    "unit": {UNIT: 0.0},
    "value_type": {QT: 0.0},
    "direction": {DIR: 0.0},
    "core": {YESNO: 0.0, TICK: 0.5},
    "likelihood": {LIKELY: 0.0, TEXT: 1.5, MID: 2.0, LONG: 3.0, DASH: 1.0},
    "deviation_category": {TICK: 0.0},
    "fund": {FUND: 0.0, SUM: 0.0, TEXT: 0.8, MID: 0.8, LONG: 2.0},
    "label": {SUM: 0.3},
    "unknown": {
        FUND: 1.5,
        TEXT: 1.0,
        MID: 1.0,
        LONG: 1.0,
        VAL: 1.5,
        NUM: 1.5,
        PCT: 1.5,
        DASH: 1.0,
        TICK: 1.0,
        SUM: 1.0,
    },
}
_WORST = 9.0

# What leaving a column blank costs: merged label cells are blank on most rows, a 指标值 rarely.
_SKIP: dict[str, float] = {
    "label": 0.0,
    "seq": 0.0,
    "level1": 0.2,
    "level2": 0.5,
    "long_term_level2": 0.3,
    "long_term_level3": 0.3,
    "long_term_target": 0.3,
    "unit_name": 0.3,
    "project_name": 0.3,
    "project_code": 0.3,
    "budget": 0.3,
    "goal": 0.3,
    "deviation": 0.8,
    "deviation_reason": 0.8,
    "corrective_action": 0.8,
    "remark": 0.6,
    "explanation": 0.8,
    "scoring_rule": 0.8,
    "deviation_category": 0.05,
    "actual": 1.0,
    "forecast": 1.0,
    "likelihood": 1.0,
    "unit": 1.0,
    "operator": 1.2,
    "rate": 0.6,
    "unknown": 0.8,
    "core": 0.5,
    "duty": 0.3,
    "target": 3.0,
}
_SKIP_DEFAULT = 1.5
_NEW_ROW = 1.0
_TRAIL = 0.6  # a row that ends early (a fund line with no amounts) is commoner than a blank inside it
_TEXT_ROLES = frozenset(
    {
        "description",
        "explanation",
        "basis",
        "scoring_rule",
        "remark",
        "deviation",
        "deviation_reason",
        "corrective_action",
        "goal",
        "project_name",
        "unit_name",
        "project_code",
        "task",
        "duty",
        "task_content",
        "task_project",
    }
)
_REASONS = frozenset({"deviation", "deviation_reason", "corrective_action", "remark"})
_NAMES = frozenset({"level1", "level2", "level3", "content", "long_term_level2", "long_term_level3", "label"})
#: Columns a blank in which is normal (merged down, optional, computed): not reported when empty.
QUIET_BLANKS = frozenset(role for role, cost in _SKIP.items() if cost < 1.0)


def emission(role: str, kinds: frozenset[str]) -> float:
    """What placing a cell of these classes in a column of this role costs (0 fits, 9 does not)."""
    if role in _REASONS and TEXT in kinds:
        return (
            0.6  # a reason is a sentence; a short word there is likelier the value beside it (达成预期指标)
        )
    table = _EMISSION.get(role)
    if table is None:
        table = _TEXTS if role in _TEXT_ROLES else _EMISSION["unknown"]
    found = min((table.get(k, _WORST) for k in kinds), default=_WORST)
    return found * 2 if SUM in kinds and found >= _WORST else found  # a 合计 row starts where its label fits


def skip_cost(role: str, column: int, width: int) -> float:
    """What leaving a column blank costs. Between equal choices a text column before the values is left blank
    rather than the one beside them (the cells beside a value stay there), a number column after the others
    rather than before them (amounts fill from the left)."""
    tie = column if role in _TEXT_ROLES or role in _NAMES else width - column
    return _SKIP.get(role, _SKIP_DEFAULT) + 0.01 * tie


def join_costs(texts: Sequence[str]) -> list[float]:
    """What reading each cell as the rest of the cell before it costs, where each cell has its line: a long text
    a narrow column wrapped (``年度内建成并通过验收的高标准`` | ``农田面积``); impossible (inf) for anything else.
    Wrapping shows as many texts of one length that none exceeds (the column's width); a piece of that length
    may go on in the next cell. Where the texts show no such width, no cell goes on."""
    long = {t for t in texts if len(t) >= 10}
    width = max((len(t) for t in long), default=0)
    at_width = sum(1 for t in long if len(t) >= width - 1)
    out = [_NEVER]
    for a, b in pairwise(texts):
        wrapped = at_width >= 3 and at_width * 10 >= len(long) * 3 and len(a) >= width - 1
        ka, kb = classes(a), classes(b)
        if not wrapped or a.endswith(_ENDINGS) or not ka <= {MID, LONG} or not kb <= {TEXT, MID, LONG}:
            out.append(_NEVER)
        else:
            out.append(2.0)
    return out


_ENDINGS = ("。", "；", ";", "！", "？", "）", ")", "》")
_NEVER = float("inf")


class _Problem(NamedTuple):
    kinds: Sequence[frozenset[str]]
    roles: Sequence[str]
    lines: Sequence[int] | None
    totals_right: bool
    starts: Sequence[bool]  # cells that start a row
    hints: Sequence[int | None] | None
    joins: Sequence[float]  # what continuing the cell before costs


Placement = list[list[tuple[int, ...]]]


def align(
    texts: Sequence[str],
    roles: Sequence[str],
    lines: Sequence[int] | None = None,
    totals_right: bool = False,
    hints: Sequence[int | None] | None = None,
    joins: Sequence[float] | None = None,
) -> Placement:
    """The rows of a grid: for each row, the indexes of the cells in each column (none for a blank; more than
    one where a cell continues the one before it, see :func:`join_costs`, given as ``joins``).

    ``lines`` gives each cell's row when the text kept rows (one row per line): a row then never breaks inside
    a line nor joins two (unless a line holds more cells than the header has columns). ``totals_right``: a money
    grid, whose money lines each start a row and whose summary row's numbers stand in the last columns (总分
    under 分值 and 得分). ``hints`` gives the column each cell stands under, when the text kept positions.

    The cells are placed once with what blanks cost in real forms, then again with what they cost in this grid:
    a column the first placement left blank on most rows is cheap to leave blank, one it filled on most rows
    dear (a target form's empty 实际完成值 column stays empty).
    """
    n, w = len(texts), len(roles)
    if n == 0 or w == 0:
        return []
    kinds = [classes(t) for t in texts]
    # a money grid: each money line (其他资金, written without amounts too) starts its row
    starts = [totals_right and (FUND in k or SUM in k) for k in kinds]
    problem = _Problem(kinds, roles, lines, totals_right, starts, hints, joins or [_NEVER] * n)
    base = [skip_cost(r, c, w) for c, r in enumerate(roles)]
    rows = _solve(problem, base)
    if rows is None:  # a line holds more cells than the header has columns: its rows are not kept
        problem = problem._replace(lines=None)
        rows = _solve(problem, base)
    assert rows is not None  # with no lines to keep, any cell can start a row
    if len(rows) < 3:
        return rows
    fill = [sum(1 for r in rows if r[k]) / len(rows) for k in range(w)]
    skip = [b * (0.3 + 1.4 * f) for b, f in zip(base, fill, strict=True)]
    return _solve(problem, skip) or rows


def _solve(problem: _Problem, skip: Sequence[float]) -> Placement | None:
    """The cheapest placement, or None when none keeps the lines' rows."""
    kinds, roles, lines, totals_right, starts, hints, joins = problem
    n, w = len(kinds), len(roles)
    lean = [0.05 * (w - k) if totals_right else 0.0 for k in range(w)]
    before = [0.0]  # before[k]: blanks in columns 0..k-1
    for s in skip:
        before.append(before[-1] + s)
    total = before[-1]
    summary = [SUM in k for k in kinds]
    inf = float("inf")
    emit = [[emission(roles[k], kinds[i]) for k in range(w)] for i in range(n)]
    if hints is not None:
        for i, hint in enumerate(hints):
            if hint is not None:
                emit[i] = [e + (0.0 if k == hint else 1.5) for k, e in enumerate(emit[i])]
    # cost[i][k][f]: the cheapest placement of cells 0..i with cell i in column k, f = in a summary row;
    # back[i][k][f]: the state before it (column, f, how: 0 the same row, 1 a new row, 2 the same cell)
    cost = [[[inf, inf] for _ in range(w)] for _ in range(n)]
    back: list[list[list[tuple[int, int, int] | None]]] = [[[None, None] for _ in range(w)] for _ in range(n)]
    for k in range(w):
        cost[0][k][int(summary[0])] = before[k] + emit[0][k]
    for i in range(1, n):
        same = (lines is None or lines[i] == lines[i - 1]) and not starts[i]
        new = lines is None or lines[i] != lines[i - 1]
        prev = cost[i - 1]
        # a new row: the previous row's trailing blanks (free in a summary row), then this row's leading ones
        best_end, best_from = inf, (0, 0)
        if new:
            for j in range(w):
                for f in (0, 1):
                    c = prev[j][f]
                    if c == inf:
                        continue
                    c += 0.0 if f else _TRAIL * (total - before[j + 1])
                    if c < best_end:
                        best_end, best_from = c, (j, f)
        # the same row: the cheapest earlier column, blanks between (free in a summary row)
        run = [inf, inf]
        run_from: list[tuple[int, int, int] | None] = [None, None]
        here = cost[i]
        for k in range(w):
            e = emit[i][k]
            if same and k > 0:
                j = k - 1
                for f in (0, 1):
                    c = prev[j][f]
                    if c != inf:
                        c -= 0.0 if f else before[j + 1]
                        if c < run[f]:
                            run[f], run_from[f] = c, (j, f, 0)
            for f in (0, 1):
                if run[f] == inf:
                    continue
                c = run[f] + (lean[k] if f else before[k]) + e
                g = int(f or summary[i])
                if c < here[k][g]:
                    here[k][g], back[i][k][g] = c, run_from[f]
            if best_end < inf:
                c = best_end + _NEW_ROW + before[k] + e
                g = int(summary[i])
                if c < here[k][g]:
                    here[k][g], back[i][k][g] = c, (best_from[0], best_from[1], 1)
            if joins[i] < inf and same:
                for f in (0, 1):
                    c = prev[k][f] + joins[i]
                    if c < here[k][f]:
                        here[k][f], back[i][k][f] = c, (k, f, 2)
    # the end: the last row's trailing blanks
    end, at = inf, (0, 0)
    for k in range(w):
        for f in (0, 1):
            c = cost[n - 1][k][f]
            if c == inf:
                continue
            c += 0.0 if f else _TRAIL * (total - before[k + 1])
            if c < end:
                end, at = c, (k, f)
    if end == inf:
        return None
    placed: list[int] = [0] * n
    how: list[int] = [1] * n
    k, f = at
    for i in range(n - 1, 0, -1):
        placed[i] = k
        step = back[i][k][f]
        assert step is not None
        k, f, how[i] = step
    placed[0] = k
    rows: Placement = []
    for i in range(n):
        if how[i] == 1:
            rows.append([()] * w)
        rows[-1][placed[i]] += (i,)
    return rows
