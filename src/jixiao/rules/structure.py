"""S: structure and parsing (SPEC §11.1) — codes, contents and titles, part one against part two, required fields."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from jixiao.model import Finding, PerformanceDocument, Subject, form_has
from jixiao.rules.base import RuleContext, indicators, reported_while_reading, rule
from jixiao.rules.matching import match_sub_goals
from jixiao.rules.text import strip_numbering

_SPACE = re.compile(r"\s")


@rule(
    "S01",
    title="项目编码格式",
    description="项目编码应为 21 位：6 位财政区划代码、2 位年度、1 位字母、12 位数字或大写字母，不含空格。"
    "编码是预算管理一体化系统的主键，格式不对就无法与预算数据对应。",
    severity="error",
    tags=("completeness",),
    message="项目编码“{code}”不符合规范：{reason}。",
    suggestion="核对并改正项目编码（规范格式如 13052924P005840119077，共 21 位）。",
    basis="pro_code VARCHAR2(21) [V-local S11]；四川 2023 编码形态 [V-local S8]",
    failing="项目编码 13052924P0058401190 3Q（含空格）",
    passing="项目编码 13052924P005840119077",
    needs=("project_code",),
)
def s01(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    pattern = re.compile(ctx.profile.code_pattern)
    for p_no, project in enumerate(doc.projects, start=1):
        code = project.code
        if not code or pattern.match(code):
            continue  # an empty code is S07's
        if _SPACE.search(code):
            reason = f"含有空格（共 {len(code)} 个字符）"
        elif len(code) != 21:
            reason = f"长度为 {len(code)} 位，应为 21 位"
        else:
            reason = "字符构成不符（6 位区划 + 2 位年度 + 1 位字母 + 12 位数字或大写字母）"
        yield ctx.finding(
            project.source_of("code"), Subject(project=p_no, field="code"), code=code, reason=reason
        )


@rule(
    "S02",
    title="项目编码的区划与年度",
    description="项目编码前 6 位应是本部门的财政区划代码，第 7–8 位应是预算年度的后两位。"
    "区划不一致常见于抄用外地或往年的表格。",
    severity="warning",
    tags=("completeness",),
    message="项目编码“{code}”的{part}为“{found}”，与{against}“{expected}”不一致。",
    suggestion="核对项目编码是否抄自其他地区或往年的表格。",
    basis="[I]",
    failing="2024 年文本中的项目编码 13052923P…（年度 23）",
    passing="2024 年文本中的项目编码 13052924P…",
    needs=("project_code",),
)
def s02(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    prefixes = Counter(p.code[:6] for p in doc.projects if len(p.code) >= 8 and p.code[:6].isdigit())
    division = doc.division_code or (prefixes.most_common(1)[0][0] if len(prefixes) > 1 else None)
    against = "文本的财政区划代码" if doc.division_code else "多数项目的区划代码"
    year = f"{doc.fiscal_year % 100:02d}" if doc.fiscal_year else None
    for p_no, project in enumerate(doc.projects, start=1):
        code = project.code
        if len(code) < 8:
            continue
        src, subject = project.source_of("code"), Subject(project=p_no, field="code")
        if division and code[:6].isdigit() and code[:6] != division:
            yield ctx.finding(
                src, subject, code=code, part="区划代码", found=code[:6], against=against, expected=division
            )
        if year and code[6:8].isdigit() and code[6:8] != year:
            yield ctx.finding(
                src, subject, code=code, part="年度", found=code[6:8], against="预算年度", expected=year
            )


@rule(
    "S03",
    title="项目编码重复",
    description="同一文本中项目编码不能重复，同一编码也不能对应不同的项目名称。",
    severity="error",
    tags=("completeness",),
    message="项目编码“{code}”在项目 {first} 与项目 {second} 中重复出现{names}。",
    suggestion="为每个项目填写其唯一的项目编码。",
    basis="[I]",
    failing="两个项目都写作 13052924P005840119077",
    passing="每个项目的编码各不相同",
    needs=("project_code",),
)
def s03(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    for p_no, project in enumerate(doc.projects, start=1):
        code = project.code
        if not code:
            continue
        if code in seen:
            first = doc.projects[seen[code] - 1]
            names = "" if first.name == project.name else f"（名称分别为“{first.name}”和“{project.name}”）"
            yield ctx.finding(
                project.source_of("code"),
                Subject(project=p_no, field="code"),
                code=code,
                first=seen[code],
                second=p_no,
                names=names,
            )
        else:
            seen[code] = p_no


S04 = rule(
    "S04",
    title="跨页续表已合并",
    description="表格跨页时表头重复、续表第一行一级指标为空；读取时把续表并入上一项目，第一行沿用上一行的一级指标，"
    "并报告合并的位置，供核对。",
    severity="info",
    tags=("completeness",),
    message="项目 {project} 的指标表跨页续表已并入该项目。",
    basis="[I]",
    failing="续表表头重复，续表第一行一级指标为空",
    passing="一个项目的指标表不跨页",
    stage="import",
)(reported_while_reading)


@rule(
    "S05",
    title="目录与项目表一致",
    description="目录第二部分列出的项目应与正文的绩效目标表一一对应：数量、顺序和名称相同。",
    severity="warning",
    tags=("completeness",),
    message="{what}",
    suggestion="更新目录，使其与正文的项目绩效目标表一致。",
    basis="[I]",
    failing="目录列 5 个项目，正文有 6 张表",
    passing="目录 6 项，与 6 张表名称、顺序一致",
)
def s05(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    entries = [e for e in doc.contents if re.match(r"^\d{1,3}\s*[.、．]", e.title)]
    if not entries or not doc.projects:
        return
    subject = Subject(part="contents")
    if len(entries) != len(doc.projects):
        what = f"目录列出 {len(entries)} 个项目绩效目标表，正文有 {len(doc.projects)} 个。"
        yield ctx.finding(doc.source, subject, what=what)
        return
    for n, (entry, project) in enumerate(zip(entries, doc.projects, strict=True), start=1):
        listed, actual = _title_key(entry.title), _title_key(project.display_title)
        if listed != actual:
            what = f"目录第 {n} 项“{strip_numbering(entry.title)}”与正文第 {n} 张表“{project.display_title}”不一致。"
            yield ctx.finding(project.source, Subject(project=n, part="contents"), what=what)


def _title_key(title: str) -> str:
    return "".join(strip_numbering(title).split())


@rule(
    "S06",
    title="分项绩效目标与项目对应",
    description="第一部分的分项绩效目标应与第二部分的项目一一对应（按名称近似匹配）；"
    "缺少对应的项目或分项目标，说明部门整体目标与项目目标脱节。",
    severity="warning",
    tags=("relevance",),
    message="{what}",
    suggestion="为每个项目写一条分项绩效目标，或删除没有对应项目的分项目标。",
    basis="河北三级目标 [V S15]；[I]",
    failing="第一部分有 5 条分项目标，第二部分有 6 个项目",
    passing="6 条分项目标与 6 个项目一一对应",
)
def s06(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    subs = doc.department_goals.sub_goals
    if not subs or not doc.projects:
        return
    matched = match_sub_goals(doc, ctx.profile)
    matched_projects, matched_subs = set(matched), set(matched.values())
    for pi, project in enumerate(doc.projects):
        if pi not in matched_projects:
            what = f"项目 {pi + 1}“{project.name}”在第一部分没有对应的分项绩效目标。"
            yield ctx.finding(project.source, Subject(project=pi + 1), what=what)
    for si, sub in enumerate(subs):
        if si not in matched_subs:
            what = f"分项绩效目标“{sub.title}”在第二部分没有对应的项目。"
            yield ctx.finding(
                sub.source, Subject(part="department_goals", field=f"sub_goals[{si + 1}]"), what=what
            )


_REQUIRED_PROJECT = (
    ("name", "项目名称", "project_name"),
    ("code", "项目编码", "project_code"),
    ("budget_total", "预算数", "funds|budget"),
    ("purpose", "资金用途", "purpose"),
    ("goals", "绩效目标", "goal"),
)
# An empty 指标值确定依据 is B01's finding, so that one gap is reported once.
_REQUIRED_INDICATOR = (("level3", "三级指标"), ("value", "指标值"))


@rule(
    "S07",
    title="必填内容",
    description="项目名称、项目编码、预算数、资金用途、绩效目标、至少一条指标，以及每条指标的三级指标和指标值都必须填写"
    "（指标值确定依据为空由 B01 报告）。",
    severity="error",
    tags=("completeness",),
    message="{where}缺少“{what}”。",
    suggestion="补填“{what}”。",
    basis="88号 完整性 [R]；一体化系统必填列 [V-local S11]",
    failing="资金用途为空；某行指标值为空",
    passing="各项均已填写",
)
def s07(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    for p_no, project in enumerate(doc.projects, start=1):
        where = f"项目 {p_no}“{project.name or project.code}”"
        for name, label, role in _REQUIRED_PROJECT:
            if not any(form_has(doc.form, r) for r in role.split("|")):
                continue  # the form has no such field: nothing to fill in
            value = project.total_budget if name == "budget_total" else getattr(project, name)
            if value is None or value in ("", ()):
                yield ctx.finding(
                    project.source_of(name), Subject(project=p_no, field=name), where=where, what=label
                )
        if not project.indicators:
            yield ctx.finding(
                project.source, Subject(project=p_no, field="indicators"), where=where, what="绩效指标"
            )
    for p_no, _project, i_no, ind in indicators(doc):
        where = f"项目 {p_no} 指标表第 {i_no} 行"
        for name, label in _REQUIRED_INDICATOR:
            empty = not ind.value.raw.strip() if name == "value" else not getattr(ind, name).strip()
            if empty:
                yield ctx.finding(
                    ind.source_of(name),
                    Subject(project=p_no, indicator=i_no, field=name),
                    where=where,
                    what=label,
                )


S08 = rule(
    "S08",
    title="标签和单元格中的多余空格",
    description="PDF 提取常在单元格中插入空格（“指标值确定 依据”“工会经费拨 付准确率”）。读取时去掉两个汉字之间的空格，"
    "并报告改动前后的文字。",
    severity="info",
    tags=("completeness",),
    message="单元格中的多余空格已清除。",
    basis="[I]",
    failing="工会经费拨 付准确率",
    passing="工会经费拨付准确率",
    stage="import",
)(reported_while_reading)


STRUCTURE_RULES = (s01, s02, s03, S04, s05, s06, s07, S08)
