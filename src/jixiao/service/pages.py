"""View-models of the web pages: lists with findings counts, the editor's edits, previews, fixes and search.

Every function takes the actor first and goes through the use cases of :mod:`jixiao.service.targets`, so
scope, permissions, versions and the audit log are enforced there; nothing here imports Django.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from jixiao.check import Report
from jixiao.model import (
    Finding,
    Indicator,
    IndicatorValue,
    MonitoringReport,
    PerformanceDocument,
    Project,
    SelfEvaluation,
)
from jixiao.model.records import STATUS_LABELS, SpendingPoint
from jixiao.model.tracking import FundLine
from jixiao.model.value_grammar import format_value, parse_value
from jixiao.scoring import ALERT_LABELS, LIKELIHOOD_WORDS, EvaluationScore, ReportProgress
from jixiao.service import imports, targets
from jixiao.service.access import load
from jixiao.service.actor import Actor
from jixiao.service.errors import NotFound, ValidationFailed
from jixiao.service.imports import ReadingWarning
from jixiao.service.targets import DocumentView
from jixiao.service.types import DocumentFilter, DocumentRow, TrackingRow
from jixiao.store.index import matching_documents

PROFILE = "default"
# a finding's number and severity at a cell: (project, indicator, field) → [(number, severity)], 1-based
Marks = Mapping[tuple[int | None, int | None, str | None], Sequence[tuple[int, str]]]
STATUS_ORDER = ("draft", "returned", "submitted", "approved", "published")
PLAN_MONTHS = ("3月底", "6月底", "10月底", "12月底")
# the monitoring page's words: each light's name (红灯 …) and the likelihoods one may choose (确定能 …)
LIGHT_LABELS: dict[str, str] = {str(alert): label for alert, label in ALERT_LABELS.items()}
LIKELIHOODS: tuple[str, ...] = tuple(LIKELIHOOD_WORDS)


@dataclass(frozen=True)
class DocumentSummary:
    """A document in a list: its header, its findings per severity and the suggested grade."""

    row: DocumentRow
    counts: dict[str, int]
    grade: str
    status_label: str


@dataclass(frozen=True)
class Preview:
    """An uploaded file read and checked, not saved yet.

    ``lost`` are the warnings about content reading could not place, shown before anything else;
    ``others`` the rest of the findings. ``needs_confirmation`` when saving must be confirmed (P13).
    """

    document: PerformanceDocument
    report: Report
    filename: str
    lost: tuple[ReadingWarning, ...] = ()

    @property
    def needs_confirmation(self) -> bool:
        """True when no indicator was read from tables that held indicator rows: saving must be confirmed."""
        return imports.needs_confirmation(self.lost)

    @property
    def others(self) -> tuple[Finding, ...]:
        """The findings that are not among ``lost``."""
        shown = {(w.finding.code, w.finding.message, w.finding.source) for w in self.lost}
        return tuple(f for f in self.report.findings if (f.code, f.message, f.source) not in shown)


@dataclass(frozen=True)
class ValueReading:
    """How a typed 指标值 is read: canonical spelling, kind, operator, number, unit, doubts."""

    raw: str
    canonical: str
    kind: str
    operator: str
    number: str
    unit: str
    doubts: tuple[str, ...]


@lru_cache(maxsize=512)
def _checked(document_id: int, version: int, updated: str, profile: str, actor: Actor) -> Report:
    return targets.check(actor, document_id, profile)


def _report_of(actor: Actor, row: DocumentRow, profile: str = PROFILE) -> Report:
    """The findings of a stored version; a version's content never changes, so they are cached."""
    return _checked(
        row.id, row.version, row.updated_at.isoformat(), profile, replace(actor, request_id="", ip=None)
    )


def report(actor: Actor, document_id: int, profile: str = PROFILE) -> Report:
    """The findings of a document's current version (cached per version)."""
    return _report_of(actor, targets.get_document(actor, document_id).row, profile)


def summarize(actor: Actor, rows: Sequence[DocumentRow]) -> list[DocumentSummary]:
    """Each document with its findings counts and suggested grade."""
    out = []
    for row in rows:
        rep = _report_of(actor, row)
        grade = rep.grade.label if rep.grade is not None else ""
        out.append(DocumentSummary(row, rep.counts, grade, STATUS_LABELS.get(row.status, row.status)))
    return out


def my_documents(actor: Actor, year: int | None = None, status: str | None = None) -> list[DocumentSummary]:
    """The documents of the actor's unit (or region, for a reviewer), newest year first, by status."""
    page = targets.list_documents(actor, DocumentFilter(fiscal_year=year, status=status or None), limit=500)
    rows = [r for r in page.items if actor.role != "drafter" or r.unit_code == actor.unit_code]
    rows.sort(key=lambda r: (-(r.fiscal_year or 0), _status_rank(r.status), r.unit_code, -r.id))
    return summarize(actor, rows)


def review_queue(actor: Actor, status: str | None = "submitted") -> list[DocumentSummary]:
    """A reviewer's documents of the region in a status (all it sees when None), with counts and grades."""
    page = targets.list_documents(actor, DocumentFilter(status=status or None), limit=500)
    rows = [r for r in page.items if r.status != "published" or status == "published"]
    rows.sort(key=lambda r: (_status_rank(r.status), r.updated_at))
    return summarize(actor, rows)


def _status_rank(status: str) -> int:
    return STATUS_ORDER.index(status) if status in STATUS_ORDER else len(STATUS_ORDER)


def preview_upload(data: bytes, filename: str, profile: str = PROFILE) -> Preview:
    """Read an uploaded file and check it without saving; ValidationFailed when it cannot be read."""
    from jixiao.check import check_document
    from jixiao.importers import UnreadableError
    from jixiao.service.documents import read_data
    from jixiao.service.profiles import resolve

    if not data:
        raise ValidationFailed("上传的文件是空的。", {"file": filename})
    try:
        result = read_data(data, filename)
    except UnreadableError as exc:
        raise ValidationFailed(exc.message, {"file": filename}) from None
    rep = check_document(result.document, result.findings, resolve(profile), file=filename)
    return Preview(result.document, rep, filename, imports.lost_content(result.findings))


def official_tables(doc: PerformanceDocument, marks: Marks | None = None) -> str:
    """The document as the official tables in HTML (every text escaped), findings' numbers at their cells."""
    from jixiao.exporters.html import render_document

    return render_document(doc, marks)


def read_value(text: str) -> ValueReading:
    """The parsed reading of a typed 指标值."""
    value = parse_value(text)
    return ValueReading(
        raw=text,
        canonical=format_value(value),
        kind=value.kind,
        operator=value.operator or "",
        number="" if value.number is None else str(value.number),
        unit=value.unit or "",
        doubts=value.doubts,
    )


def indicator_findings(rep: Report, project: int, indicator: int) -> list[Finding]:
    """The findings about one indicator (0-based indexes) of a report."""
    return [
        f for f in rep.findings if f.subject.project == project + 1 and f.subject.indicator == indicator + 1
    ]


def preview_indicator(
    actor: Actor, document_id: int, project: int, indicator: int, fields: dict[str, str]
) -> tuple[ValueReading, list[Finding]]:
    """What an indicator would read as and which findings it would have with the typed fields, unsaved."""
    from jixiao.check import check_document
    from jixiao.service.profiles import resolve

    view = targets.get_document(actor, document_id)
    doc = _with_indicator(view.document, project, indicator, fields)
    rep = check_document(doc, (), resolve(PROFILE), file=f"document-{document_id}")
    return read_value(fields.get("value", "")), indicator_findings(rep, project, indicator)


def _project_at(doc: PerformanceDocument, project: int) -> Project:
    if not 0 <= project < len(doc.projects):
        raise NotFound(f"没有第 {project + 1} 个项目。", {"project": project})
    return doc.projects[project]


def _replace_project(doc: PerformanceDocument, project: int, new: Project) -> PerformanceDocument:
    projects = list(doc.projects)
    projects[project] = new
    return replace(doc, projects=tuple(projects))


def _with_indicator(
    doc: PerformanceDocument, project: int, indicator: int, fields: dict[str, str]
) -> PerformanceDocument:
    p = _project_at(doc, project)
    if not 0 <= indicator < len(p.indicators):
        raise NotFound(f"项目 {project + 1} 没有第 {indicator + 1} 条指标。", {"indicator": indicator})
    old = p.indicators[indicator]
    new = replace(
        old,
        level1=fields.get("level1", old.level1).strip(),
        level2=fields.get("level2", old.level2).strip(),
        level3=fields.get("level3", old.level3).strip(),
        description=fields.get("description", old.description).strip(),
        value=parse_value(fields["value"].strip()) if "value" in fields else old.value,
        basis=fields.get("basis", old.basis).strip(),
    )
    rows = list(p.indicators)
    rows[indicator] = new
    return _replace_project(doc, project, replace(p, indicators=tuple(rows)))


def _edit(
    actor: Actor,
    document_id: int,
    expected_version: int,
    change: Callable[[PerformanceDocument], PerformanceDocument],
) -> DocumentView:
    load(actor, document_id, "document:edit")  # refuse before reading the input, as the API does
    view = targets.get_document(actor, document_id)
    return targets.update_document(actor, document_id, expected_version, change(view.document))


def save_indicator(
    actor: Actor,
    document_id: int,
    expected_version: int,
    project: int,
    indicator: int,
    fields: dict[str, str],
) -> DocumentView:
    """Save the typed fields of one indicator."""
    return _edit(
        actor, document_id, expected_version, lambda d: _with_indicator(d, project, indicator, fields)
    )


def add_indicator(
    actor: Actor, document_id: int, expected_version: int, project: int, level1: str, level2: str
) -> DocumentView:
    """Append an empty indicator under the chosen 一级/二级 to a project."""

    def change(doc: PerformanceDocument) -> PerformanceDocument:
        p = _project_at(doc, project)
        row = Indicator(level1, level2, "", "", parse_value(""), "")
        return _replace_project(doc, project, replace(p, indicators=(*p.indicators, row)))

    return _edit(actor, document_id, expected_version, change)


def remove_indicator(
    actor: Actor, document_id: int, expected_version: int, project: int, indicator: int
) -> DocumentView:
    """Remove one indicator from a project."""

    def change(doc: PerformanceDocument) -> PerformanceDocument:
        p = _project_at(doc, project)
        if not 0 <= indicator < len(p.indicators):
            raise NotFound(f"项目 {project + 1} 没有第 {indicator + 1} 条指标。", {"indicator": indicator})
        rows = [r for i, r in enumerate(p.indicators) if i != indicator]
        return _replace_project(doc, project, replace(p, indicators=tuple(rows)))

    return _edit(actor, document_id, expected_version, change)


def move_indicator(
    actor: Actor, document_id: int, expected_version: int, project: int, indicator: int, step: int
) -> DocumentView:
    """Move an indicator one row up (step -1) or down (step 1)."""

    def change(doc: PerformanceDocument) -> PerformanceDocument:
        p = _project_at(doc, project)
        other = indicator + step
        if not (0 <= indicator < len(p.indicators) and 0 <= other < len(p.indicators)):
            raise ValidationFailed("这一行已经在最前或最后，不能再移动。", {"indicator": indicator})
        rows = list(p.indicators)
        rows[indicator], rows[other] = rows[other], rows[indicator]
        return _replace_project(doc, project, replace(p, indicators=tuple(rows)))

    return _edit(actor, document_id, expected_version, change)


def _money(text: str, label: str) -> Decimal | None:
    text = text.strip()
    if not text:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValidationFailed(
            f"{label}应为数字（万元），如 13.00，而不是“{text}”。", {"field": label}
        ) from None


def save_project(
    actor: Actor, document_id: int, expected_version: int, project: int, fields: dict[str, str]
) -> DocumentView:
    """Save a project's name, code, budget, purpose, spending plan and goals."""

    def change(doc: PerformanceDocument) -> PerformanceDocument:
        p = _project_at(doc, project)
        plan = []
        for month in PLAN_MONTHS:
            raw = fields.get(f"plan_{month}", "").strip().rstrip("%")
            plan.append(SpendingPoint(month, _money(raw, f"资金支出计划（{month}）")))
        goals = tuple(g.strip() for g in fields.get("goals", "\n".join(p.goals)).splitlines() if g.strip())
        new = replace(
            p,
            name=fields.get("name", p.name).strip(),
            code=fields.get("code", p.code).strip(),
            budget_total=_money(fields.get("budget_total", ""), "预算数"),
            budget_fiscal=_money(fields.get("budget_fiscal", ""), "财政资金"),
            budget_other=_money(fields.get("budget_other", ""), "其他资金"),
            purpose=fields.get("purpose", p.purpose).strip(),
            spending_plan=tuple(plan) if "plan_12月底" in fields else p.spending_plan,
            goals=goals,
        )
        return _replace_project(doc, project, new)

    return _edit(actor, document_id, expected_version, change)


def save_cover(actor: Actor, document_id: int, expected_version: int, fields: dict[str, str]) -> DocumentView:
    """Save the cover data and part one: overall goal, sub-goals (``sub0-goal`` …) and safeguards (``safe0-text``)."""

    def change(doc: PerformanceDocument) -> PerformanceDocument:
        year = fields.get("fiscal_year", str(doc.fiscal_year or "")).strip()
        if year and not (year.isdigit() and 2000 <= int(year) <= 2100):
            raise ValidationFailed(f"预算年度应为四位年份，而不是“{year}”。", {"field": "fiscal_year"})
        old = doc.department_goals
        sub_goals = tuple(
            replace(
                g,
                title=fields.get(f"sub{n}-title", g.title).strip(),
                goal=fields.get(f"sub{n}-goal", g.goal).strip(),
                indicator_text=fields.get(f"sub{n}-indicators", g.indicator_text).strip(),
            )
            for n, g in enumerate(old.sub_goals)
        )
        safeguards = tuple(
            replace(g, text=fields.get(f"safe{n}-text", g.text).strip()) for n, g in enumerate(old.safeguards)
        )
        goals = replace(
            old,
            overall_goal=fields.get("overall_goal", old.overall_goal).strip(),
            sub_goals=sub_goals,
            safeguards=safeguards,
        )
        return replace(
            doc,
            unit_name=fields.get("unit_name", doc.unit_name or "").strip() or None,
            fiscal_year=int(year) if year else None,
            compiled_by=fields.get("compiled_by", doc.compiled_by or "").strip() or None,
            reviewed_by=fields.get("reviewed_by", doc.reviewed_by or "").strip() or None,
            department_goals=goals,
        )

    return _edit(actor, document_id, expected_version, change)


def fixable_codes() -> frozenset[str]:
    """The codes of the rules whose fix cannot change meaning."""
    from jixiao.rules import BUILTIN_RULES

    return frozenset(r.code for r in BUILTIN_RULES if r.fix is not None)


def apply_fix(actor: Actor, document_id: int, expected_version: int, number: int) -> DocumentView:
    """Apply the safe fix of finding number ``number`` (1-based, in the report's order) and save."""
    from jixiao.rules import BUILTIN_RULES

    load(actor, document_id, "document:edit")
    rep = report(actor, document_id)
    if not 1 <= number <= len(rep.findings):
        raise NotFound(f"没有第 {number} 条审核发现，请刷新页面。", {"finding": number})
    finding = rep.findings[number - 1]
    fixes = {r.code: r.fix for r in BUILTIN_RULES if r.fix is not None}
    fix = fixes.get(finding.code)
    if fix is None:
        raise ValidationFailed(
            f"{finding.code} 没有可安全自动修正的方法，请手工修改。", {"code": finding.code}
        )
    view = targets.get_document(actor, document_id)
    fixed = fix(view.document, finding)
    if fixed == view.document:
        raise ValidationFailed("这条审核发现已经修正过了，请刷新页面。", {"code": finding.code})
    return targets.update_document(
        actor, document_id, expected_version, fixed, reason=f"一键修正 {finding.code}"
    )


def blank_document(
    unit_code: str, unit_name: str, year: int, framework: str = "legacy_88"
) -> PerformanceDocument:
    """The official template: cover data, an empty part one and one project with the framework's rows."""
    levels = _levels(framework)
    rows = tuple(
        Indicator(level1, level2s[0], "", "", parse_value(""), "") for level1, level2s in levels.items()
    )
    project = Project(
        code="",
        name="新项目",
        spending_plan=tuple(SpendingPoint(m) for m in PLAN_MONTHS),
        indicators=rows,
    )
    return PerformanceDocument(
        unit_code=unit_code,
        unit_name=unit_name,
        fiscal_year=year,
        status="draft",
        compiled_by=unit_name,
        projects=(project,),
        framework_version=framework,  # type: ignore[arg-type]
    )


def copy_forward(actor: Actor, document_id: int) -> DocumentView:
    """A new draft for the next year from a document of the actor's unit, with its previous values kept."""
    view = targets.get_document(actor, document_id)
    doc = view.document
    year = (doc.fiscal_year or view.row.fiscal_year or 0) + 1
    projects = tuple(
        replace(p, indicators=tuple(replace(i, previous_value=i.value) for i in p.indicators))
        for p in doc.projects
    )
    new = replace(doc, fiscal_year=year, status="draft", projects=projects)
    return targets.create_document(actor, view.row.unit_code, new, source={"copied_from": document_id})


def level_choices(doc: PerformanceDocument) -> dict[str, tuple[str, ...]]:
    """一级 → 二级 names of the document's framework (the 2015 framework when none is set)."""
    return _levels(doc.framework_version or "legacy_88")


def _levels(framework: str) -> dict[str, tuple[str, ...]]:
    from jixiao.model.framework import FRAMEWORK_LEVELS

    levels = FRAMEWORK_LEVELS[framework]
    labels = {"产出": "产出指标", "效益": "效益指标", "满意度": "满意度指标", "成本": "成本指标"}
    return {
        labels.get(k, k): tuple(v if v.endswith("指标") else f"{v}指标" for v in vs)
        for k, vs in levels.items()
    }


def search_published(
    actor: Actor, unit: str = "", year: int | None = None, text: str = ""
) -> list[tuple[DocumentRow, list[str]]]:
    """Published documents matching a unit (code or name), a year and a project name or indicator text.

    Each hit comes with the places the text was found.
    """
    page = targets.list_documents(actor, DocumentFilter(fiscal_year=year, status="published"), limit=500)
    unit, text = unit.strip(), text.strip()
    rows = [row for row in page.items if not unit or unit in row.unit_code or unit in (row.unit_name or "")]
    hits: list[tuple[DocumentRow, list[str]]]
    if not text:
        hits = [(row, []) for row in rows]
    else:
        # the projects and indicators of the current versions, searched in the database
        places = matching_documents([row.id for row in rows], text)
        hits = [(row, places[row.id]) for row in rows if row.id in places]
    hits.sort(key=lambda h: (-(h[0].fiscal_year or 0), h[0].unit_code))
    return hits


@dataclass(frozen=True)
class LastYear:
    """The same unit's document of the year before and what changed from it."""

    row: DocumentRow
    changes: tuple[tuple[str, str, str], ...]
    more: int


def last_year_changes(actor: Actor, document_id: int, limit: int = 300) -> LastYear | None:
    """Differences against the unit's document of the previous year, when the actor can see one."""
    from jixiao.model.diff import diff_forms
    from jixiao.model.serialize import document_to_dict

    view = targets.get_document(actor, document_id)
    year = view.row.fiscal_year
    if year is None:
        return None
    page = targets.list_documents(actor, DocumentFilter(unit_code=view.row.unit_code, fiscal_year=year - 1))
    if not page.items:
        return None
    before = page.items[0]
    old = document_to_dict(targets.get_document(actor, before.id).document)
    new = document_to_dict(view.document)
    skip = ("fiscal_year", "status")
    changes = [c for c in diff_forms(old, new) if c.path not in skip and not c.path.endswith(".doubts")]
    shown = tuple((c.path, _plain(c.old), _plain(c.new)) for c in changes[:limit])
    return LastYear(before, shown, max(0, len(changes) - limit))


def _plain(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return str(value.get("raw", value.get("name", ""))) or str(value)
    return str(value)


@dataclass(frozen=True)
class TrackingPage:
    """A monitoring report or self-evaluation as typed so far: the record, its lights or scores, its findings."""

    row: TrackingRow
    record: SelfEvaluation | MonitoringReport
    result: EvaluationScore | ReportProgress
    findings: tuple[Finding, ...]


def _decimal(text: str, label: str) -> Decimal | None:
    text = text.strip().replace(",", "").replace("，", "")
    if not text:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        raise ValidationFailed(f"{label}应为数字，而不是“{text}”。", {"field": label}) from None


def _funds(funds: tuple[FundLine, ...], pi: int, fields: dict[str, str]) -> tuple[FundLine, ...]:
    out = []
    for fi, line in enumerate(funds):
        executed = fields.get(f"p{pi}-f{fi}-executed")
        forecast = fields.get(f"p{pi}-f{fi}-forecast")
        out.append(
            replace(
                line,
                executed=line.executed if executed is None else _decimal(executed, f"{line.name}执行数"),
                forecast_executed=line.forecast_executed
                if forecast is None
                else _decimal(forecast, f"{line.name}全年预计执行数"),
            )
        )
    return tuple(out)


def _typed(old: IndicatorValue | None, text: str | None) -> IndicatorValue | None:
    if text is None:
        return old
    return parse_value(text.strip()) if text.strip() else None


def apply_tracking_fields(
    record: SelfEvaluation | MonitoringReport, fields: dict[str, str]
) -> SelfEvaluation | MonitoringReport:
    """The record with the typed executions, actuals or progress, likelihoods and reasons; targets untouched."""
    if isinstance(record, SelfEvaluation):
        evaluated = []
        for pi, p in enumerate(record.projects):
            rows = tuple(
                replace(
                    r,
                    actual=_typed(r.actual, fields.get(f"p{pi}-i{ii}-actual")),
                    deviation_reason=fields.get(f"p{pi}-i{ii}-reason", r.deviation_reason).strip(),
                    corrective_action=fields.get(f"p{pi}-i{ii}-action", r.corrective_action).strip(),
                )
                for ii, r in enumerate(p.indicators)
            )
            evaluated.append(
                replace(
                    p,
                    funds=_funds(p.funds, pi, fields),
                    execution_reason=fields.get(f"p{pi}-exec-reason", p.execution_reason).strip(),
                    achieved=fields.get(f"p{pi}-achieved", p.achieved).strip(),
                    indicators=rows,
                )
            )
        return _with_scores(replace(record, projects=tuple(evaluated)))
    monitored = []
    for pi, pm in enumerate(record.projects):
        rows_m = tuple(
            replace(
                r,
                progress=_typed(r.progress, fields.get(f"p{pi}-i{ii}-progress")),
                likelihood=fields.get(f"p{pi}-i{ii}-likelihood", r.likelihood).strip(),
                deviation_reason=fields.get(f"p{pi}-i{ii}-reason", r.deviation_reason).strip(),
                corrective_action=fields.get(f"p{pi}-i{ii}-action", r.corrective_action).strip(),
            )
            for ii, r in enumerate(pm.indicators)
        )
        monitored.append(
            replace(
                pm,
                funds=_funds(pm.funds, pi, fields),
                deviation_reason=fields.get(f"p{pi}-reason", pm.deviation_reason).strip(),
                corrective_action=fields.get(f"p{pi}-action", pm.corrective_action).strip(),
                indicators=rows_m,
            )
        )
    return replace(record, projects=tuple(monitored))


def _with_scores(record: SelfEvaluation) -> SelfEvaluation:
    """The self-evaluation with the computed scores, totals and grades written in, as the official table prints."""
    from jixiao.scoring import score_self_evaluation

    try:
        scored = score_self_evaluation(record)
    except ValueError:
        return record
    projects = []
    for p, s in zip(record.projects, scored.projects, strict=True):
        rows = tuple(replace(r, score=i.score) for r, i in zip(p.indicators, s.indicators, strict=True))
        projects.append(
            replace(
                p,
                indicators=rows,
                execution_score=s.execution.score,
                total_score=s.total,
                grade=s.grade_label,
            )
        )
    return replace(record, projects=tuple(projects))


def _computed(record: SelfEvaluation | MonitoringReport) -> EvaluationScore | ReportProgress:
    from jixiao.scoring import monitor_report, score_self_evaluation

    try:
        if isinstance(record, SelfEvaluation):
            return score_self_evaluation(record)
        return monitor_report(record)
    except ValueError as exc:
        raise ValidationFailed(f"无法计算：{exc}") from None


def tracking_page(
    actor: Actor, document_id: int, tracking_id: int, fields: dict[str, str] | None = None
) -> TrackingPage:
    """A monitoring report or self-evaluation with its lights or scores and findings; with ``fields``, as typed."""
    from jixiao.check import check_document
    from jixiao.service import yearly
    from jixiao.service.profiles import resolve

    view = yearly.get_tracking(actor, document_id, tracking_id)
    record = view.record if fields is None else apply_tracking_fields(view.record, fields)
    report = check_document(record, (), resolve(PROFILE), file=f"tracking-{tracking_id}")
    return TrackingPage(view.row, record, _computed(record), report.findings)


def save_tracking_fields(
    actor: Actor, document_id: int, tracking_id: int, expected_version: int, fields: dict[str, str]
) -> TrackingPage:
    """Save the typed progress or actuals (scores computed and written in) with the version read."""
    from jixiao.model.serialize_tracking import monitoring_report_to_dict, self_evaluation_to_dict
    from jixiao.service import yearly

    view = yearly.get_tracking(actor, document_id, tracking_id)
    record = apply_tracking_fields(view.record, fields)
    content = (
        self_evaluation_to_dict(record)
        if isinstance(record, SelfEvaluation)
        else monitoring_report_to_dict(record)
    )
    yearly.save_tracking(actor, document_id, tracking_id, expected_version, content)
    return tracking_page(actor, document_id, tracking_id)


def export_tracking(actor: Actor, document_id: int, tracking_id: int, fmt: str) -> tuple[bytes, str, str]:
    """The official 监控表 or 自评表 in a format: bytes, file name, content type."""
    from jixiao.exporters import TRACKING_WRITERS
    from jixiao.kinds import write_any
    from jixiao.service import yearly

    if fmt not in TRACKING_WRITERS or fmt not in targets.CONTENT_TYPES:
        raise ValidationFailed(f"不支持的导出格式“{fmt}”。", {"format": fmt})
    view = yearly.get_tracking(actor, document_id, tracking_id)
    kind = "监控表" if view.row.kind == "monitoring" else "自评表"
    name = f"{view.record.unit_code or ''}-{view.record.fiscal_year or ''}-{kind}-v{view.row.version}.{fmt}"
    return write_any(view.record, fmt), name, targets.CONTENT_TYPES[fmt]
