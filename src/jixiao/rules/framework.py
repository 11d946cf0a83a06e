"""K: the indicator framework (SPEC §11.3) — levels per framework version, classification, names.

Level labels are matched robustly: whitespace and a trailing 指标 are dropped, 进度 reads as 时效, and every
label ending in 满意度 (服务对象满意度, 社会公众或服务对象满意度 …) reads as 满意度. Under ``guide_101`` a project
in the legacy layout (成本 under 产出) gives one info-level framework mismatch from K02 instead of an error per
row, and the other rules check it in the layout it is written in; the same holds the other way round.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from jixiao.model import Finding, FrameworkVersion, Indicator, PerformanceDocument, Project, Subject
from jixiao.model.framework import (
    COST,
    COST_LEVEL2,
    ECONOMIC_BENEFIT,
    FRAMEWORK_LABELS,
    FRAMEWORK_LEVELS,
    LEVEL1_LABELS,
    LEVEL1_OF_LEVEL2,
    OUTPUT,
    QUALITY,
    QUANTITY,
    SATISFACTION,
    TIMELINESS,
    compact,
    level1_key,
    level2_key,
)
from jixiao.model.units import unit_dimension
from jixiao.rules.base import RuleContext, indicators, rule
from jixiao.rules.profile import Profile


def classify(indicator: Indicator) -> tuple[str | None, str | None]:
    """The canonical (一级, 二级) of a row; an empty 一级 is inferred from its 二级."""
    level2 = level2_key(indicator.level2)
    level1 = level1_key(indicator.level1)
    if level1 is None and not compact(indicator.level1) and level2 is not None:
        level1 = LEVEL1_OF_LEVEL2.get(level2)
    return level1, level2


def is_cost(indicator: Indicator) -> bool:
    """True for a cost indicator: 产出→成本指标 (88号) or any row under 一级 成本指标 (101号)."""
    level1, level2 = classify(indicator)
    return level1 == COST or level2 in COST_LEVEL2


def is_satisfaction(indicator: Indicator) -> bool:
    """True for a row under 一级 满意度指标 or 二级 (服务对象)满意度指标."""
    level1, level2 = classify(indicator)
    return SATISFACTION in (level1, level2)


def is_quantity(indicator: Indicator) -> bool:
    """True for a row under 二级 数量指标."""
    return classify(indicator)[1] == QUANTITY


def is_satisfaction_name(name: str | None) -> bool:
    """True when a 三级指标 names a satisfaction rate (contains 满意, not 不满意)."""
    key = compact(name)
    return "满意" in key.replace("不满意", "")


def project_layout(project: Project) -> FrameworkVersion | None:
    """The framework a project's table is written in, when its cost rows show it; else None."""
    cost_level1 = cost_under_output = False
    for ind in project.indicators:
        level1, level2 = classify(ind)
        cost_level1 = cost_level1 or level1 == COST
        cost_under_output = cost_under_output or (level1 == OUTPUT and level2 == COST)
    if cost_level1 and not cost_under_output:
        return "guide_101"
    if cost_under_output and not cost_level1:
        return "legacy_88"
    return None


def effective_framework(project: Project, configured: FrameworkVersion) -> FrameworkVersion:
    """The framework to check a project against: its own layout when that shows one, else the profile's."""
    return project_layout(project) or configured


def _where(p_no: int, project: Project) -> str:
    return f"项目 {p_no}“{project.name or project.code}”"


@rule(
    "K01",
    title="一级指标齐全",
    description="每个项目的一级指标应包含产出指标、效益指标和满意度指标；按财预〔2021〕101号指标体系，还应有一级的"
    "成本指标。以 88 号版式（成本指标在产出指标下）编制的项目不按 101 号要求成本一级指标，由 K02 提示体系不一致。",
    severity="error",
    tags=("completeness",),
    message="{where}缺少一级指标：{missing}。",
    suggestion="按{framework}补齐一级指标。",
    basis="88号指标体系 [V S21]；101号 成本为一级指标 [V S2]；S18",
    failing="项目只有产出指标和效益指标两类",
    passing="产出指标、效益指标、满意度指标齐全",
)
def k01(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    configured = ctx.profile.framework_version
    for p_no, project in enumerate(doc.projects, start=1):
        if not project.indicators:
            continue  # no table at all is S07's
        framework = effective_framework(project, configured)
        present = {classify(ind)[0] for ind in project.indicators}
        required = FRAMEWORK_LEVELS.get(framework, FRAMEWORK_LEVELS["legacy_88"])
        missing = [LEVEL1_LABELS[key] for key in required if key not in present]
        if missing:
            yield ctx.finding(
                project.source,
                Subject(project=p_no, field="indicators"),
                where=_where(p_no, project),
                missing="、".join(missing),
                framework=FRAMEWORK_LABELS.get(framework, framework),
            )


@rule(
    "K02",
    title="二级指标归属",
    description="二级指标应属于其一级指标在所用指标体系中的枚举（88号：产出→数量/质量/时效/成本，效益→经济/社会/生态"
    "效益、可持续影响，满意度→服务对象满意度；101号：成本为一级，下设经济成本/社会成本/生态环境成本）。文本的版式"
    "与配置的指标体系不一致时，只给出一条提示，并按文本自身的版式检查。",
    severity="error",
    tags=("completeness",),
    message="{what}",
    suggestion="按{framework}调整指标的一级、二级分类。",
    basis="[V S2, S21, S22]",
    failing="产出指标下的二级指标写作“社会效益指标”",
    passing="产出指标下为数量、质量、时效、成本指标",
)
def k02(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    configured = ctx.profile.framework_version
    mismatched = [
        p_no
        for p_no, project in enumerate(doc.projects, start=1)
        if project_layout(project) not in (None, configured)
    ]
    if mismatched:
        layout = project_layout(doc.projects[mismatched[0] - 1]) or configured
        what = (
            f"文本的指标表（项目 {'、'.join(map(str, mismatched))}）采用{FRAMEWORK_LABELS.get(layout, layout)}，"
            f"与配置的{FRAMEWORK_LABELS.get(configured, configured)}不一致；已按文本自身的版式检查指标分类。"
        )
        other = "legacy_88" if configured == "guide_101" else "guide_101"
        suggestion = (
            f"如须按{FRAMEWORK_LABELS.get(configured, configured)}编制，请调整成本指标的位置；"
            f"否则在检查配置中把 framework_version 设为 {other}。"
        )
        finding = ctx.finding(doc.source, Subject(field="framework_version"), suggestion, what=what)
        yield replace(finding, severity="info")  # one notice instead of an error per row (SPEC §12 item 18)
    for p_no, project in enumerate(doc.projects, start=1):
        framework = effective_framework(project, configured)
        levels = FRAMEWORK_LEVELS.get(framework, FRAMEWORK_LEVELS["legacy_88"])
        framework_label = FRAMEWORK_LABELS.get(framework, framework)
        unknown_level1: set[str] = set()
        for i_no, ind in enumerate(project.indicators, start=1):
            what = _level_problem(ind, levels, framework_label, unknown_level1)
            if what:
                yield ctx.finding(
                    ind.source_of("level2"),
                    Subject(project=p_no, indicator=i_no, field="level2"),
                    what=f"项目 {p_no} 指标表第 {i_no} 行：{what}",
                    framework=framework_label,
                )


def _level_problem(
    ind: Indicator, levels: dict[str, tuple[str, ...]], framework_label: str, unknown_level1: set[str]
) -> str:
    """What is wrong with a row's 一级/二级 pair, or '' (an unknown 一级 is told once per project)."""
    level1, level2 = classify(ind)
    raw1, raw2 = compact(ind.level1), compact(ind.level2)
    if not raw1 and level1 is None:
        return "一级指标为空，无法判断指标类别。"
    if level1 is None or level1 not in levels:
        if raw1 in unknown_level1:
            return ""
        unknown_level1.add(raw1)
        known = "、".join(LEVEL1_LABELS[key] for key in levels)
        return f"一级指标“{raw1}”不属于{framework_label}（应为{known}）。"
    allowed = levels[level1]
    if not raw2:
        return f"二级指标为空（{LEVEL1_LABELS[level1]}下应为{_names(allowed)}之一）。"
    if level2 not in allowed:
        return f"二级指标“{raw2}”不属于一级指标“{LEVEL1_LABELS[level1]}”（应为{_names(allowed)}之一）。"
    return ""


def _names(level2s: tuple[str, ...]) -> str:
    return "、".join("服务对象满意度指标" if key == SATISFACTION else f"{key}指标" for key in level2s)


@rule(
    "K03",
    title="产出指标的数量、质量、时效",
    description="产出指标下应至少各有一条数量指标、质量指标和时效指标，分别说明做多少、做到什么程度、何时完成。",
    severity="warning",
    tags=("completeness",),
    message="{where}的产出指标缺少{missing}。",
    suggestion="补充{missing}。",
    basis="通行做法 [R]；[I]",
    failing="产出指标下只有数量指标和成本指标",
    passing="产出指标下数量、质量、时效指标各至少一条",
)
def k03(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    for p_no, project in enumerate(doc.projects, start=1):
        output = [classify(ind) for ind in project.indicators if classify(ind)[0] == OUTPUT]
        if not output:
            continue  # no 产出 at all is K01's
        present = {level2 for _, level2 in output}
        missing = [f"{key}指标" for key in (QUANTITY, QUALITY, TIMELINESS) if key not in present]
        if missing:
            yield ctx.finding(
                project.source,
                Subject(project=p_no, field="indicators"),
                where=_where(p_no, project),
                missing="、".join(missing),
            )


@rule(
    "K04",
    title="成本指标",
    description="每个项目应至少有一条成本指标（88号：产出指标下的成本指标；101号：一级成本指标），说明预期的成本控制范围。",
    severity="warning",
    tags=("appropriateness",),
    message="{where}没有成本指标。",
    suggestion="补充单位成本或分项成本控制数等成本指标（写作 ≤ 上限）。",
    basis="101号 成本指标 [V S2]",
    failing="指标表中没有成本指标",
    passing="人均救助标准 ≤6500 元/人",
)
def k04(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    for p_no, project in enumerate(doc.projects, start=1):
        if project.indicators and not any(is_cost(ind) for ind in project.indicators):
            yield ctx.finding(
                project.source, Subject(project=p_no, field="indicators"), where=_where(p_no, project)
            )


@rule(
    "K05",
    title="满意度指标的归类",
    description="名称含“满意”的指标是满意度指标，应列在一级指标“满意度指标”下，而不是产出或效益指标下。",
    severity="warning",
    tags=("relevance",),
    message="“{name}”是满意度指标，却列在“{level1}—{level2}”下。",
    suggestion="将“{name}”移到满意度指标—服务对象满意度指标下。",
    basis="指标体系 [V]",
    failing="经济效益指标：受拨单位满意度",
    passing="满意度指标—服务对象满意度指标：受拨单位满意度",
)
def k05(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    for p_no, _project, i_no, ind in indicators(doc):
        if is_satisfaction_name(ind.level3) and classify(ind)[0] != SATISFACTION:
            yield ctx.finding(
                ind.source_of("level1"),
                Subject(project=p_no, indicator=i_no, field="level1"),
                name=compact(ind.level3),
                level1=compact(ind.level1) or "（空）",
                level2=compact(ind.level2) or "（空）",
            )


@rule(
    "K06",
    title="经济效益指标的内容",
    description="经济效益指标应体现经济量（金额、收入、增收、节支、产值、税收、就业等）。三级指标、指标描述和计量单位都"
    "不涉及经济内容的，可能是社会效益或其他指标误归入经济效益。",
    severity="warning",
    tags=("relevance",),
    message="经济效益指标“{name}”没有体现经济内容（名称、描述和单位“{unit}”均未涉及金额、收入、节支等），可能归类有误。",
    suggestion="改为反映经济量的指标，或将其移到社会效益等相应的二级指标下。",
    basis="指标定义 [R]；关键词启发 [I]",
    failing="经济效益指标：职工队伍稳定率 100%",
    passing="经济效益指标：困难职工家庭人均增收 ≥500 元",
)
def k06(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    words = ctx.profile.economic_words
    for p_no, _project, i_no, ind in indicators(doc):
        if classify(ind)[1] != ECONOMIC_BENEFIT:
            continue
        unit = ind.value.unit or ""
        text = compact(ind.level3) + compact(ind.description) + compact(unit)
        if any(word and word in text for word in words) or (unit and unit_dimension(unit) == "money"):
            continue
        yield ctx.finding(
            ind.source_of("level3"),
            Subject(project=p_no, indicator=i_no, field="level2"),
            name=compact(ind.level3),
            unit=unit or "无",
        )


@rule(
    "K07",
    title="质量指标用了数量单位",
    description="质量指标说明达到的程度（达标率、合格率、准确率或符合某标准）。计量单位是人、个、平方米、公里等计数"
    "或面积、长度单位的，说的是做了多少，应归入数量指标。",
    severity="warning",
    tags=("relevance",),
    message="质量指标“{name}”的指标值“{raw}”是{what}，更像数量指标。",
    suggestion="将其移到数量指标下，或改为率、标准等质量指标（如“按示范书屋标准建设达标率 ＝100%”）。",
    basis="指标定义 [V S22]",
    failing="质量指标：职工书屋建设面积 500 平方米",
    passing="质量指标：救助资金发放准确率 ＝100%",
)
def k07(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    labels = {"count": "计数", "area": "面积", "length": "长度", "weight": "重量", "volume": "体积"}
    for p_no, _project, i_no, ind in indicators(doc):
        value = ind.value
        if classify(ind)[1] != QUALITY or value.kind != "quantitative" or not value.unit:
            continue
        dimension = unit_dimension(value.unit)
        if dimension in ctx.profile.quantity_dimensions:
            yield ctx.finding(
                ind.source_of("value"),
                Subject(project=p_no, indicator=i_no, field="level2"),
                name=compact(ind.level3),
                raw=value.raw.strip(),
                what=f"{labels.get(dimension, dimension)}（单位“{value.unit}”）",
            )


@rule(
    "K08",
    title="时效指标的写法",
    description="时效指标应写成完成时限（如“2024年12月底前”）、时长（如“≤5 个工作日”）或及时率（%）。及时率目标"
    "明显偏低、或写成计数和定性文字的，无法据以检查进度。",
    severity="warning",
    tags=("feasibility",),
    message="时效指标“{name}”的指标值“{raw}”{what}。",
    suggestion="写明完成时限（如“2024年12月底前”）或及时率（如“≥95%”）。",
    basis="共性指标库 [V-local S19]",
    failing="时效指标：及时开放职工书屋 ≥50%",
    passing="时效指标：救助资金发放时间 2024年6月底前",
)
def k08(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    for p_no, _project, i_no, ind in indicators(doc):
        if classify(ind)[1] != TIMELINESS:
            continue
        what = _timeliness_problem(ind, ctx.profile)
        if what:
            yield ctx.finding(
                ind.source_of("value"),
                Subject(project=p_no, indicator=i_no, field="value"),
                name=compact(ind.level3),
                raw=ind.value.raw.strip(),
                what=what,
            )


def _timeliness_problem(ind: Indicator, profile: Profile) -> str:
    value = ind.value
    if value.kind in ("deadline", "placeholder"):
        return ""  # a deadline is right; a placeholder is V02's
    if value.kind == "qualitative":
        return "是定性文字，既不是完成时限也不是及时率"
    number, unit = value.number, value.unit or ""
    if number is None or not number.is_finite() or not unit:
        return ""  # no unit is V03's
    dimension = unit_dimension(unit)
    if dimension == "time":
        return ""
    if dimension == "percent":
        if value.operator in ("≤", "<") or unit != "%":
            return ""  # 逾期率 ≤5% is a negative timeliness rate
        if number < profile.timeliness_min_percent:
            return f"作为及时率仅为 {number}%，低于 {profile.timeliness_min_percent}%，不像时效目标"
        return ""
    return f"的单位“{unit}”既不是时限也不是百分比"


@rule(
    "K09",
    title="三级指标名称",
    description="三级指标名称不能为空，长度不超过上限（一体化系统为 100 个字符）。",
    severity="error",
    tags=("completeness",),
    message="项目 {project} 指标表第 {row} 行：{what}",
    suggestion="填写简明的三级指标名称，说明口径的文字写入绩效指标描述。",
    basis="一体化系统字段长度 [V-local S11]",
    failing="三级指标为空，或超过 100 个字符",
    passing="救助资金发放准确率",
)
def k09(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    limit = ctx.profile.max_name_chars
    for p_no, _project, i_no, ind in indicators(doc):
        name = (ind.level3 or "").strip()
        if not name:
            what = "三级指标为空。"
        elif len(name) > limit:
            what = f"三级指标长度为 {len(name)} 个字符，超过 {limit} 个字符的上限。"
        else:
            continue
        yield ctx.finding(
            ind.source_of("level3"),
            Subject(project=p_no, indicator=i_no, field="level3"),
            project=p_no,
            row=i_no,
            what=what,
        )


@rule(
    "K10",
    title="指标数量",
    description="每个项目的绩效指标不宜过少（默认至少 3 条），否则难以全面反映产出、效益和满意度。",
    severity="info",
    tags=("completeness",),
    message="{where}只有 {count} 条绩效指标，少于 {minimum} 条。",
    suggestion="补充反映产出、效益和满意度的指标。",
    basis="地方文件片段 [V-local]；数量待核实 [gap]",
    failing="项目只有 2 条指标",
    passing="项目有 7 条指标",
)
def k10(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    minimum = ctx.profile.min_indicators
    for p_no, project in enumerate(doc.projects, start=1):
        count = len(project.indicators)
        if 0 < count < minimum:  # no indicator at all is S07's
            yield ctx.finding(
                project.source,
                Subject(project=p_no, field="indicators"),
                where=_where(p_no, project),
                count=count,
                minimum=minimum,
            )


@rule(
    "K11",
    title="指标描述照抄指标名称",
    description="绩效指标描述应说明指标的口径、计算方法或数据来源。与三级指标名称完全相同的描述没有提供任何信息。"
    "每个项目给出一条提示，列出这些行。",
    severity="info",
    tags=("completeness",),
    message="{where}有 {count} 行的绩效指标描述与三级指标完全相同（第 {rows} 行）。",
    suggestion="在绩效指标描述中写明口径和计算方法，如“按时发放人数 ÷ 应发放人数 × 100%”。",
    basis="[I]",
    failing="三级指标“保障人数”，描述“保障人数”",
    passing="三级指标“救助资金发放准确率”，描述“准确发放的笔数占应发放笔数的比例”",
    needs=("description",),
)
def k11(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    for p_no, project in enumerate(doc.projects, start=1):
        rows = [
            i_no
            for i_no, ind in enumerate(project.indicators, start=1)
            if compact(ind.level3) and compact(ind.level3) == compact(ind.description)
        ]
        if rows:
            yield ctx.finding(
                project.source,
                Subject(project=p_no, field="description"),
                where=_where(p_no, project),
                count=len(rows),
                rows="、".join(map(str, rows)),
            )


@rule(
    "K12",
    title="三级指标重名",
    description="同一项目中三级指标名称不应重复；重复的指标会被重复计分，也说明指标未经梳理。",
    severity="warning",
    tags=("relevance",),
    message="三级指标“{name}”在{where}中重复出现（第 {first} 行与第 {row} 行）。",
    suggestion="合并重复的指标，或改用能区分两者的名称。",
    basis="[I]",
    failing="同一项目两行都叫“满意度”",
    passing="各行三级指标名称互不相同",
)
def k12(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    for p_no, project in enumerate(doc.projects, start=1):
        seen: dict[str, int] = {}
        for i_no, ind in enumerate(project.indicators, start=1):
            name = compact(ind.level3)
            if not name:
                continue
            if name in seen:
                yield ctx.finding(
                    ind.source_of("level3"),
                    Subject(project=p_no, indicator=i_no, field="level3"),
                    name=name,
                    where=_where(p_no, project),
                    first=seen[name],
                    row=i_no,
                )
            else:
                seen[name] = i_no


FRAMEWORK_RULES = (k01, k02, k03, k04, k05, k06, k07, k08, k09, k10, k11, k12)
