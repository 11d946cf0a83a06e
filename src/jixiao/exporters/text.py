"""The text exporter: the example's layout (cover, contents, part one, tab-separated project tables)."""

from __future__ import annotations

from jixiao.model import PerformanceDocument, Project

_CHINESE_NUMBERS = "一二三四五六七八九十"


def write_text(doc: PerformanceDocument) -> str:
    """The document in the text layout that the text importer reads back into an equal model."""
    out: list[str] = ["", ""]
    out += _cover(doc)
    if doc.contents:
        out += ["目 录", ""]
        for entry in doc.contents:
            out += [entry.title if entry.page is None else f"{entry.title}..... {entry.page}", ""]
    out += _part_one(doc)
    if doc.projects:
        out += ["第二部分", "", "预算项目绩效目标", ""]
        for number, project in enumerate(doc.projects, start=1):
            out += _project(number, project)
    return "\n".join(out).rstrip("\n") + "\n"


def _cover(doc: PerformanceDocument) -> list[str]:
    lines = [doc.unit_name or ""]
    year = f"{doc.fiscal_year} 年" if doc.fiscal_year is not None else ""
    lines.append(f"{year}{doc.title}")
    if doc.status == "draft":
        lines.append("(草案)")
    lines.append("")
    if doc.compiled_by:
        lines.append(f"{doc.compiled_by}编制")
    if doc.reviewed_by:
        lines.append(f"{doc.reviewed_by}审核")
    return [*lines, ""]


def _part_one(doc: PerformanceDocument) -> list[str]:
    goals = doc.department_goals
    if goals.is_empty:
        return []
    out = ["第一部分", "", "部门整体绩效目标", ""]
    out += ["一、总体绩效目标", ""]
    out += [p for para in goals.overall_goal.split("\n") for p in (para, "")]
    out += ["二、分项绩效目标", ""]
    for n, sub in enumerate(goals.sub_goals, start=1):
        out += [f"{sub.number if sub.number is not None else n}、{sub.title}", ""]
        if sub.goal:
            out += [f"绩效目标：{para}" if i == 0 else para for i, para in enumerate(sub.goal.split("\n"))]
            out.append("")
        if sub.indicator_text:
            paras = sub.indicator_text.split("\n")
            out += [f"绩效指标：{para}" if i == 0 else para for i, para in enumerate(paras)]
            out.append("")
    out += ["三、工作保障措施", ""]
    for section in goals.safeguards:
        paras = section.text.split("\n")
        out += [f"（{section.number}）{para}" if i == 0 else para for i, para in enumerate(paras)]
        out.append("")
    return out


def _cell(text: str) -> str:
    return text.replace("\t", " ").replace("\n", " ")


def _row(*cells: str) -> str:
    return "\t".join(_cell(c) for c in cells) + "\t"


def _project(number: int, p: Project) -> list[str]:
    out = [f"{number}.{p.display_title}", ""]
    if p.unit_code:
        out += [" ".join(x for x in (p.unit_code, p.unit_name) if x), ""]
    out += [f"单位：{p.money_unit}", ""]
    money = [_amount(p.budget_total), _amount(p.budget_fiscal), _amount(p.budget_other)]
    out.append(_row("项目编码", p.code, "", "项目名称", p.name, ""))
    out.append(
        _row("预算规模及资金用途", "预算数", money[0], "其中：财政资金", money[1], "其他资金", money[2])
    )
    out.append(_row("", p.purpose, "", "", "", ""))
    if p.spending_plan:
        out.append(_row("资金支出计划（%）", *(_spaced_month(s.month) for s in p.spending_plan)))
        out.append(_row("", *("" if s.percent is None else f"{s.percent:f}%" for s in p.spending_plan)))
    goals = " ".join(f"{n}.{g}" for n, g in enumerate(p.goals, start=1))
    out.append(_row("绩效目标", goals, "", "", "", ""))
    out.append(_row("一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"))
    previous = None
    for ind in p.indicators:
        level1 = "" if ind.level1 == previous else ind.level1
        previous = ind.level1
        out.append(_row(level1, ind.level2, ind.level3, ind.description, ind.value.raw, ind.basis))
    return [*out, ""]


def _amount(value: object) -> str:
    return "" if value is None else f"{value:f}"


def _spaced_month(month: str) -> str:
    """``3月底`` written as in the example, ``3 月底``."""
    digits = len(month) - len(month.lstrip("0123456789"))
    return f"{month[:digits]} {month[digits:]}" if 0 < digits < len(month) else month
