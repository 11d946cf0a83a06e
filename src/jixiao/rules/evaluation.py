"""E: checks of a filled-in self-evaluation (SPEC §11.9), every printed score recomputed.

Each rule yields findings at the cell they are about: the 得分 cell of a wrong score, the 年度指标值 cell of a
changed target, the 偏差原因分析 cell of a missing explanation.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from jixiao.model import (
    EvaluatedIndicator,
    Finding,
    PerformanceDocument,
    ProjectEvaluation,
    SelfEvaluation,
    Subject,
    fingerprint,
)
from jixiao.model.units import unit_dimension
from jixiao.rules.base import DocumentKind, RuleContext, rule
from jixiao.rules.tracking_helpers import chosen_profile, place
from jixiao.scoring._numbers import fmt, in_unit
from jixiao.scoring.categories import CATEGORY_LABELS, category_of
from jixiao.scoring.evaluation import EvaluationScore, ProjectScore, score_self_evaluation
from jixiao.scoring.execution import grade_of
from jixiao.scoring.profile import Category, ScoringProfile

_E: DocumentKind = "self_evaluation"


@lru_cache(maxsize=8)
def _scored(evaluation: SelfEvaluation, profile: ScoringProfile) -> EvaluationScore:
    return score_self_evaluation(evaluation, profile=profile)


def scored(evaluation: SelfEvaluation, ctx: RuleContext) -> EvaluationScore:
    """The recomputed scores of a self-evaluation under the profile the check uses (cached per record)."""
    return _scored(evaluation, chosen_profile(evaluation.scoring_profile, ctx)[0])


def _rows(
    doc: SelfEvaluation, ctx: RuleContext
) -> Iterator[tuple[int, ProjectScore, int, EvaluatedIndicator]]:
    for p_no, result in enumerate(scored(doc, ctx).projects, start=1):
        for r_no, row in enumerate(result.project.indicators, start=1):
            yield p_no, result, r_no, row


_ROW_REASONS = ("deviation", "deviation_reason", "corrective_action")


def _explained(doc: SelfEvaluation, project: ProjectEvaluation, row: EvaluatedIndicator) -> bool:
    """The row says why it fell short, or the form keeps reasons for the whole project (偏差原因 / 改进措施 rows
    below the grid, no column in it) and the project's say something."""
    if row.explained:
        return True
    form = doc.form
    if form is None or any(role in form.columns for role in _ROW_REASONS):
        return False
    return any(text.strip() for label, text in project.details if "原因" in label or "措施" in label)


def _differs(printed: Decimal, computed: Decimal, profile: ScoringProfile) -> bool:
    return abs(printed - computed) > profile.score_tolerance


@rule(
    "E01",
    title="执行数不超过预算数",
    description="每一资金行的全年执行数不应超过全年预算数（调整后预算数；未填写时用年初预算数）。执行率按 100% 封顶计分。",
    severity="error",
    tags=("completeness", "self_evaluation"),
    message="{where}“{fund}”的全年执行数 {executed} 超过全年预算数 {budget}（{unit}）。",
    suggestion="核对执行数；确有超支的，应先调整预算，执行率按 100% 计。",
    basis="[V-local S8] 执行率 = 全年执行数 ÷ 全年预算数（调整后）",
    failing="全年预算数 13.00，全年执行数 13.50",
    passing="全年预算数 13.00，全年执行数 12.60",
    applies_to=_E,
    needs=("money_executed",),
)
def e01(doc: SelfEvaluation, ctx: RuleContext) -> Iterator[Finding]:
    for p_no, project in enumerate(doc.projects, start=1):
        for line in project.funds:
            budget = line.budget_full_year if line.budget_full_year is not None else line.budget_initial
            if budget is not None and line.executed is not None and line.executed > budget:
                yield ctx.finding(
                    line.source,
                    Subject(project=p_no, field="executed"),
                    where=place(p_no, project),
                    fund=line.name,
                    executed=fmt(line.executed),
                    budget=fmt(budget),
                    unit=project.money_unit,
                )


@rule(
    "E02",
    title="预算执行得分",
    description="预算执行得分应等于分值 × 执行率（执行率封顶 100%），允许评分方案的舍入误差（默认 0.1 分）。",
    severity="error",
    tags=("completeness", "self_evaluation"),
    message="{where}的预算执行得分{printed}，按规则应为 {computed}：{explanation}。",
    suggestion="按“分值 × 执行率”重新计算预算执行得分。",
    basis="[V-local S10]“得分(20分*执行率)”；S18",
    failing="分值 10，执行率 80%，得分 10",
    passing="分值 10，执行率 80%，得分 8",
    applies_to=_E,
    needs=("money_score",),
)
def e02(doc: SelfEvaluation, ctx: RuleContext) -> Iterator[Finding]:
    profile = scored(doc, ctx).profile
    for p_no, result in enumerate(scored(doc, ctx).projects, start=1):
        printed, computed = result.project.execution_score, result.execution.score
        if printed is None or _differs(printed, computed, profile):
            yield ctx.finding(
                result.project.source_of("execution_score"),
                Subject(project=p_no, field="execution_score"),
                where=place(p_no, result.project),
                printed="未填写" if printed is None else f"为 {fmt(printed)}",
                computed=fmt(computed),
                explanation=result.execution.explanation,
            )


@rule(
    "E03",
    title="执行率偏低需说明原因",
    description="预算执行率低于评分方案的阈值（默认 90%）时，应说明原因。",
    severity="warning",
    tags=("completeness", "self_evaluation"),
    message="{where}的预算执行率为 {rate}%，低于 {threshold}%，未说明原因。",
    suggestion="在执行情况说明中写明执行率偏低的原因和改进措施。",
    basis="[V-local S8] 四川 2023：执行率低于 90% 须说明原因",
    failing="执行率 75%，原因栏空白",
    passing="执行率 75%，写明“项目延期至次年实施”",
    applies_to=_E,
    needs=("money_executed",),
)
def e03(doc: SelfEvaluation, ctx: RuleContext) -> Iterator[Finding]:
    profile = scored(doc, ctx).profile
    for p_no, result in enumerate(scored(doc, ctx).projects, start=1):
        execution = result.execution
        if execution.below_reason_threshold and not result.project.execution_reason.strip():
            yield ctx.finding(
                result.project.source_of("execution_reason"),
                Subject(project=p_no, field="execution_reason"),
                where=place(p_no, result.project),
                rate=fmt(execution.execution_rate or Decimal(0)),
                threshold=fmt(profile.execution_reason_below),
            )


@rule(
    "E04",
    title="指标得分按规则计算",
    description="每个指标的得分按规则重新计算：正向指标 分值 × min(实际/目标, 1)，反向指标 分值 × min(目标/实际, 1)，"
    "＝ 指标按评分方案的容差，时限指标按是否按期完成，定性指标的得分须在所选等级的区间内；"
    "年度指标值或实际完成值无法读取时也在此报告（填了实际完成值却无法计分的，得分无从核对，报为警告）。",
    severity="error",
    tags=("completeness", "self_evaluation"),
    message="{where}的得分{printed}，{problem}",
    suggestion="按计分规则重新计算得分，或更正年度指标值、实际完成值。",
    basis="[V-local S9, S10, S11]；财预〔2020〕10号 [R]",
    failing="分值 12.5，目标 ≥95%，实际 90%，得分 12.5",
    passing="分值 12.5，目标 ≥95%，实际 90%，得分 11.84",
    applies_to=_E,
    needs=("score", "actual"),
)
def e04(doc: SelfEvaluation, ctx: RuleContext) -> Iterator[Finding]:
    profile = scored(doc, ctx).profile
    for p_no, result, r_no, row in _rows(doc, ctx):
        computed = result.indicators[r_no - 1]
        printed = "未填写" if row.score is None else f"为 {fmt(row.score)}"
        unverifiable = False
        if computed.rule == "unreadable":
            problem = f"无法计分：{computed.explanation}。"
            field = "actual" if "实际" in computed.explanation else "target"
            # a filled actual jixiao cannot score leaves the printed score unchecked, not shown wrong
            unverifiable = bool(row.actual is not None and row.actual.raw.strip())
        elif row.score is None or _differs(row.score, computed.score, profile):
            problem = f"按规则应为 {fmt(computed.score)}：{computed.explanation}。"
            field = "score"
        else:
            continue
        found = ctx.finding(
            row.source_of(field),
            Subject(project=p_no, indicator=r_no, field=field),
            where=place(p_no, result.project, r_no, row),
            printed=printed,
            problem=problem + ("请人工核对得分。" if unverifiable else ""),
        )
        yield replace(found, severity="warning") if unverifiable and found.severity == "error" else found


@rule(
    "E05",
    title="得分不超过分值，分值合计 100",
    description="每一行的得分不应超过其分值；每个项目的预算执行分值与各指标分值之和应为 100。",
    severity="error",
    tags=("completeness", "self_evaluation"),
    message="{where}{problem}",
    suggestion="调整分值使合计为 100，得分不超过分值。",
    basis="[V-local S10, S6, S8]",
    failing="分值合计 95；或分值 10、得分 12",
    passing="预算执行 10 + 指标分值合计 90 = 100",
    applies_to=_E,
    needs=("weight",),
)
def e05(doc: SelfEvaluation, ctx: RuleContext) -> Iterator[Finding]:
    for p_no, result in enumerate(scored(doc, ctx).projects, start=1):
        project = result.project
        printed, weight = project.execution_score, project.execution_weight
        if printed is not None and weight is not None and printed > weight:
            yield ctx.finding(
                project.source_of("execution_score"),
                Subject(project=p_no, field="execution_score"),
                where=place(p_no, project),
                problem=f"的预算执行得分 {fmt(printed)} 超过分值 {fmt(weight)}。",
            )
        for r_no, row in enumerate(project.indicators, start=1):
            if row.score is not None and row.weight is not None and row.score > row.weight:
                yield ctx.finding(
                    row.source_of("score"),
                    Subject(project=p_no, indicator=r_no, field="score"),
                    where=place(p_no, project, r_no, row),
                    problem=f"的得分 {fmt(row.score)} 超过分值 {fmt(row.weight)}。",
                )
        total = result.weight_total
        if total != 100:
            yield ctx.finding(
                project.source_of("execution_weight"),
                Subject(project=p_no, field="weights"),
                where=place(p_no, project),
                problem=f"的分值合计为 {fmt(total)}（预算执行 {fmt(result.execution.weight)} + 指标 "
                f"{fmt(total - result.execution.weight)}），应为 100。",
            )


@rule(
    "E06",
    title="未得满分需分析偏差原因",
    description="指标得分低于分值时，“偏差原因分析及改进措施”必须填写。",
    severity="error",
    tags=("completeness", "self_evaluation"),
    message="{where}得分 {score}，低于分值 {weight}，未填写偏差原因分析及改进措施。",
    suggestion="写明未完成的原因和下一步改进措施。",
    basis="S18；[V-local S12] 式的填报说明",
    failing="分值 10，得分 8，原因栏空白",
    passing="分值 10，得分 8，写明“受疫情影响延期，已调整实施计划”",
    applies_to=_E,
    needs=("score", "deviation|deviation_reason|corrective_action"),
)
def e06(doc: SelfEvaluation, ctx: RuleContext) -> Iterator[Finding]:
    for p_no, result, r_no, row in _rows(doc, ctx):
        computed = result.indicators[r_no - 1]
        if (
            computed.rule != "unreadable"
            and computed.needs_reason
            and not _explained(doc, result.project, row)
        ):
            yield ctx.finding(
                row.source_of("deviation_reason"),
                Subject(project=p_no, indicator=r_no, field="deviation_reason"),
                where=place(p_no, result.project, r_no, row),
                score=fmt(computed.score),
                weight=fmt(computed.weight),
            )


@rule(
    "E07",
    title="大幅超额完成需说明",
    description="正向指标实际完成值超过目标的 k 倍（默认 1.2，见评分方案）时，应说明原因；目标定得过低的，评审可按偏离程度扣分。",
    severity="warning",
    tags=("appropriateness", "self_evaluation"),
    message="{where}实际完成值为目标的 {ratio} 倍，超过 {k} 倍，未说明原因。",
    suggestion="说明超额完成的原因；若是目标定得偏低，下一年度应据实调整目标。",
    basis="财预〔2020〕10号第十六条 [R]；k 为 [I]",
    failing="目标 ≥100 人，实际 150 人，原因栏空白",
    passing="目标 ≥100 人，实际 150 人，写明“上级追加名额”",
    applies_to=_E,
    needs=("actual", "deviation|deviation_reason|corrective_action"),
)
def e07(doc: SelfEvaluation, ctx: RuleContext) -> Iterator[Finding]:
    profile = scored(doc, ctx).profile
    for p_no, result, r_no, row in _rows(doc, ctx):
        computed = result.indicators[r_no - 1]
        if computed.over_achieved and not _explained(doc, result.project, row):
            yield ctx.finding(
                row.source_of("deviation_reason"),
                Subject(project=p_no, indicator=r_no, field="deviation_reason"),
                where=place(p_no, result.project, r_no, row),
                ratio=fmt(computed.ratio.quantize(Decimal("0.01"))) if computed.ratio else "?",
                k=fmt(profile.over_achievement_factor),
            )


@rule(
    "E08",
    title="年度指标值与批复的绩效目标一致",
    description="自评表的年度指标值必须与批复的绩效目标一致，不得擅自改动。给出批复的目标文本（--targets）时逐行核对；"
    "否则与自评表创建时记下的目标校验码核对。",
    severity="error",
    tags=("completeness", "self_evaluation"),
    message="{where}{problem}",
    suggestion="年度指标值应照抄批复的绩效目标；确需调整目标的，应先按程序报批。",
    basis="目标批复后锁定 [V S5]；财政部通知 [V S23]",
    failing="批复目标 ≥95%，自评表写 ≥90%",
    passing="批复目标 ≥95%，自评表写 ≥95%",
    applies_to=_E,
)
def e08(doc: SelfEvaluation, ctx: RuleContext) -> Iterator[Finding]:
    if ctx.targets is not None:
        yield from _against_targets(doc, ctx.targets, ctx)
        return
    if not doc.targets.fingerprint:
        finding = ctx.finding(
            doc.source,
            Subject(field="targets"),
            where="",
            problem="自评表未记录所依据的绩效目标，无法核对年度指标值是否被改动。",
            suggestion="用 jixiao evaluate new 从批复的绩效目标创建自评表，或检查时用 --targets 指定批复的目标文本。",
        )
        yield replace(finding, severity="info")
    elif fingerprint(doc.tracked_targets()) != doc.targets.fingerprint:
        yield ctx.finding(
            doc.source,
            Subject(field="targets"),
            where="",
            problem=f"自评表的项目或年度指标值与创建时所依据的绩效目标（校验码 {doc.targets.fingerprint}）不一致，"
            "目标可能被改动。",
            suggestion="检查时用 --targets 指定批复的绩效目标文本，可逐行列出改动之处。",
        )


def _against_targets(
    doc: SelfEvaluation, targets: PerformanceDocument, ctx: RuleContext
) -> Iterator[Finding]:
    by_code = {p.code: p for p in targets.projects if p.code}
    by_name = {p.name: p for p in targets.projects}
    for p_no, project in enumerate(doc.projects, start=1):
        approved = by_code.get(project.code) or by_name.get(project.name)
        where = place(p_no, project)
        if approved is None:
            yield ctx.finding(
                project.source, Subject(project=p_no), where=where, problem="在批复的绩效目标中找不到。"
            )
            continue
        rows = approved.indicators
        for r_no, row in enumerate(project.indicators, start=1):
            if r_no > len(rows):
                yield ctx.finding(
                    row.source,
                    Subject(project=p_no, indicator=r_no),
                    where=place(p_no, project, r_no, row),
                    problem="是批复的绩效目标中没有的指标。",
                )
                continue
            want = rows[r_no - 1]
            if " ".join(want.level3.split()) != " ".join(row.level3.split()):
                yield ctx.finding(
                    row.source_of("level3"),
                    Subject(project=p_no, indicator=r_no, field="level3"),
                    where=place(p_no, project, r_no, row),
                    problem=f"的指标名称与批复的“{want.level3}”不同。",
                )
            elif "".join(want.value.raw.split()) != "".join(row.target.raw.split()):
                yield ctx.finding(
                    row.source_of("target"),
                    Subject(project=p_no, indicator=r_no, field="target"),
                    where=place(p_no, project, r_no, row),
                    problem=f"的年度指标值“{row.target.raw}”与批复的“{want.value.raw}”不同。",
                )
        for r_no in range(len(project.indicators) + 1, len(rows) + 1):
            yield ctx.finding(
                project.source,
                Subject(project=p_no, indicator=r_no),
                where=where,
                problem=f"缺少批复的第 {r_no} 个指标“{rows[r_no - 1].level3}”。",
            )


@rule(
    "E09",
    title="实际完成值与年度指标值单位一致",
    description="实际完成值应与年度指标值用同一计量单位；能换算的（如万元与元）按换算结果计分并提醒改写，不能换算的无法计分。",
    severity="error",
    tags=("completeness", "self_evaluation"),
    message="{where}的实际完成值“{actual}”单位为“{actual_unit}”，年度指标值“{target}”单位为“{target_unit}”，{problem}",
    suggestion="实际完成值改用年度指标值的单位填写。",
    basis="[I]",
    failing="目标 ≥10 万元，实际 98000 元",
    passing="目标 ≥10 万元，实际 9.8 万元",
    applies_to=_E,
    needs=("actual",),
)
def e09(doc: SelfEvaluation, ctx: RuleContext) -> Iterator[Finding]:
    for p_no, project in enumerate(doc.projects, start=1):
        for r_no, row in enumerate(project.indicators, start=1):
            target, actual = row.target, row.actual
            if actual is None or not (target.is_quantitative and actual.is_quantitative):
                continue
            if not target.unit or not actual.unit or target.unit == actual.unit:
                continue
            factor = in_unit(Decimal(1), actual.unit, target.unit)
            if factor == 1:
                continue  # another spelling of the same unit (个 and 个数)
            convertible = factor is not None
            same_kind = unit_dimension(actual.unit) == unit_dimension(target.unit)
            finding = ctx.finding(
                row.source_of("actual"),
                Subject(project=p_no, indicator=r_no, field="actual"),
                where=place(p_no, project, r_no, row),
                actual=actual.raw,
                actual_unit=actual.unit,
                target=target.raw,
                target_unit=target.unit,
                problem="已换算后计分，请改用同一单位填写。"
                if convertible and same_kind
                else "两者不能换算，无法计分。",
            )
            yield replace(finding, severity="warning") if convertible and same_kind else finding


@rule(
    "E10",
    title="总分与等级",
    description="总分应等于预算执行得分与各指标得分之和；等级按总分划分：90 分及以上为优，80–90 为良，60–80 为中，60 以下为差。",
    severity="error",
    tags=("completeness", "self_evaluation"),
    message="{where}{problem}",
    suggestion="按各项得分重新合计总分，并按总分确定等级。",
    basis="[V S4] 财政部预算司评价等级标准",
    failing="各项得分合计 86.5，总分写 90，等级写优",
    passing="总分 86.5，等级良",
    applies_to=_E,
)
def e10(doc: SelfEvaluation, ctx: RuleContext) -> Iterator[Finding]:
    profile = scored(doc, ctx).profile
    for p_no, result in enumerate(scored(doc, ctx).projects, start=1):
        project = result.project
        where = place(p_no, project)
        parts = [project.execution_score, *(row.score for row in project.indicators)]
        printed_sum = sum((p for p in parts if p is not None), Decimal(0))
        if project.total_score is None:
            yield ctx.finding(
                project.source_of("total_score"),
                Subject(project=p_no, field="total_score"),
                where=where,
                problem=f"未填写总分；按规则计算的总分为 {fmt(result.total)}（{result.grade_label}）。",
            )
            continue
        if _differs(project.total_score, printed_sum, profile):
            yield ctx.finding(
                project.source_of("total_score"),
                Subject(project=p_no, field="total_score"),
                where=where,
                problem=f"的总分 {fmt(project.total_score)} 不等于所填各项得分之和 {fmt(printed_sum)}。",
            )
        grade = "".join(project.grade.split())
        if grade:
            _, want = grade_of(project.total_score, profile=profile)
            if grade != want:
                yield ctx.finding(
                    project.source_of("grade"),
                    Subject(project=p_no, field="grade"),
                    where=where,
                    problem=f"总分 {fmt(project.total_score)} 对应的等级为“{want}”，表中写“{grade}”。",
                )


@rule(
    "E11",
    title="一级指标分值符合评分方案",
    description="预算执行与产出、效益、满意度等一级指标的分值应符合所在地的评分方案（中央 10/50/30/10，湖北 20/40/40，"
    "四川 10 + 90 …；缺少的类别其分值按比例分给其余类别）。",
    severity="warning",
    tags=("appropriateness", "self_evaluation"),
    message="{where}{problem}",
    suggestion="按评分方案分配一级指标分值，或在检查配置中选择所在地的评分方案（scoring）。",
    basis="[V-local S6, S10, S11], [R]",
    failing="中央方案下产出指标分值合计 40",
    passing="中央方案下产出指标分值合计 50",
    applies_to=_E,
    needs=("weight",),
)
def e11(doc: SelfEvaluation, ctx: RuleContext) -> Iterator[Finding]:
    profile, problem = chosen_profile(doc.scoring_profile, ctx)
    if problem:
        yield ctx.finding(doc.source, Subject(field="scoring_profile"), where="", problem=problem)
    for p_no, result in enumerate(scored(doc, ctx).projects, start=1):
        project = result.project
        for names, printed, wanted in _group_weights(result, profile):
            if printed != wanted:
                yield ctx.finding(
                    project.source,
                    Subject(project=p_no, field="weights"),
                    where=place(p_no, project),
                    problem=f"的{names}分值合计为 {fmt(printed)}，{profile.title}评分方案为 {fmt(wanted)}。",
                )


def _group_weights(result: ProjectScore, profile: ScoringProfile) -> Iterator[tuple[str, Decimal, Decimal]]:
    rows = result.project.indicators
    categories: list[Category | None] = [category_of(r.level1, r.level2, profile) for r in rows]
    present: set[Category] = {c for c in categories if c is not None}
    present.add("execution")
    for members, wanted in profile.redistributed(present):
        names = "、".join(CATEGORY_LABELS[c] for c in members)
        if "execution" in members:
            printed = result.project.execution_weight
        else:
            printed = sum(
                (r.weight for r, c in zip(rows, categories, strict=True) if c in members and r.weight),
                Decimal(0),
            )
        if printed is not None and abs(printed - wanted) > Decimal("0.01") * len(rows or [1]):
            yield names, printed, wanted.quantize(Decimal("0.01")).normalize()


EVALUATION_RULES = (e01, e02, e03, e04, e05, e06, e07, e08, e09, e10, e11)
