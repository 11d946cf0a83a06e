"""第一部分 部门整体绩效目标: the overall goal, the sub-goals and the safeguard sections."""

from __future__ import annotations

import re
from dataclasses import replace

from jixiao.importers.cleanup import label_key
from jixiao.importers.engine.context import Context
from jixiao.importers.layout import TextLine
from jixiao.model import DepartmentGoals, Safeguard, SubGoal, Subject

_SECTION = re.compile(r"^([一二三四五六七八九十]+)\s*[、.．]\s*(.+)$")
_SUB_GOAL = re.compile(r"^(\d{1,2})\s*[、.．]\s*(.{1,60})$")
_GOAL = re.compile(r"^绩效目标\s*[:：]\s*(.*)$")
_INDICATOR = re.compile(r"^绩效指标\s*[:：]\s*(.*)$")
_SAFEGUARD = re.compile(r"^[(（]\s*([一二三四五六七八九十]+)\s*[)）]\s*(.*)$")
_SENTENCE_END = ("。", "！", "？", "；", "：", "”", "」", "』", "…", ".", "!", "?", ";", ":")


class _State:
    def __init__(self) -> None:
        self.section: str | None = None
        self.overall = ""
        self.sub_goals: list[SubGoal] = []
        self.sub_field = "title"
        self.safeguards: list[Safeguard] = []


def read_part_one(lines: list[TextLine], ctx: Context) -> DepartmentGoals:
    """Read part one's paragraphs; paragraphs broken across a page are joined and reported."""
    st = _State()
    for line in lines:
        text = line.text.strip()
        key = label_key(text)
        if key in ("部门整体绩效目标", "第一部分"):
            continue
        m = _SECTION.match(text)
        if m and _section_of(m.group(2)):
            st.section = _section_of(m.group(2))
            continue
        if st.section == "overall":
            st.overall = _append(st.overall, text, line, ctx, "总体绩效目标")
        elif st.section == "sub_goals":
            _sub_goal_line(st, text, line, ctx)
        elif st.section == "safeguards":
            _safeguard_line(st, text, line, ctx)
        else:
            ctx.report(
                "P07",
                f"第一部分中的“{_short(text)}”不属于总体绩效目标、分项绩效目标或工作保障措施，已跳过。",
                ctx.source(line.line, line.page, text),
                Subject(part="department_goals"),
            )
    return DepartmentGoals(
        overall_goal=st.overall,
        sub_goals=tuple(st.sub_goals),
        safeguards=tuple(st.safeguards),
        source=ctx.source(lines[0].line if lines else None),
    )


def _section_of(title: str) -> str | None:
    key = label_key(title)
    if "总体绩效目标" in key or "总体目标" in key:
        return "overall"
    if "分项绩效目标" in key or "分项目标" in key:
        return "sub_goals"
    if "保障措施" in key:
        return "safeguards"
    return None


def _sub_goal_line(st: _State, text: str, line: TextLine, ctx: Context) -> None:
    src = ctx.source(line.line, line.page, text)
    if (m := _SUB_GOAL.match(text)) and "：" not in text and ":" not in text:
        st.sub_goals.append(SubGoal(title=m.group(2).strip(), number=int(m.group(1)), source=src))
        st.sub_field = "title"
    elif not st.sub_goals:
        ctx.report("P07", f"分项绩效目标前的“{_short(text)}”没有标题，已跳过。", src)
    elif m := _GOAL.match(text):
        st.sub_goals[-1] = replace(st.sub_goals[-1], goal=m.group(1).strip())
        st.sub_field = "goal"
    elif m := _INDICATOR.match(text):
        st.sub_goals[-1] = replace(st.sub_goals[-1], indicator_text=m.group(1).strip())
        st.sub_field = "indicator_text"
    else:
        last = st.sub_goals[-1]
        name = st.sub_field if st.sub_field != "title" else "goal"
        joined = _append(getattr(last, name), text, line, ctx, f"分项绩效目标“{last.title}”")
        if name == "goal":
            st.sub_goals[-1] = replace(last, goal=joined)
        else:
            st.sub_goals[-1] = replace(last, indicator_text=joined)


def _safeguard_line(st: _State, text: str, line: TextLine, ctx: Context) -> None:
    src = ctx.source(line.line, line.page, text)
    if m := _SAFEGUARD.match(text):
        st.safeguards.append(Safeguard(number=m.group(1), text=m.group(2).strip(), source=src))
    elif st.safeguards:
        last = st.safeguards[-1]
        text_joined = _append(last.text, text, line, ctx, f"工作保障措施（{last.number}）")
        st.safeguards[-1] = replace(last, text=text_joined)
    else:
        ctx.report("P07", f"工作保障措施中的“{_short(text)}”没有（一）（二）编号，已跳过。", src)


def _append(previous: str, text: str, line: TextLine, ctx: Context, where: str) -> str:
    """A further paragraph of a field: a new paragraph after a full stop, else a line broken by a page."""
    if not previous:
        return text
    if previous.endswith(_SENTENCE_END):
        return f"{previous}\n{text}"
    ctx.report(
        "P04",
        f"{where}的段落在第 {line.line} 行前断开（上一段未以句号结束，可能是分页），已连接。",
        ctx.source(line.line, line.page, text),
        Subject(part="department_goals"),
    )
    return previous + text


def _short(text: str) -> str:
    return text if len(text) <= 20 else text[:20] + "…"
