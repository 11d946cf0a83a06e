"""Run the rules over a document: choose them (--select/--ignore), isolate crashes, merge importer findings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from jixiao.check.catalogue import catalogue as all_rules
from jixiao.check.catalogue import kind_of
from jixiao.model import AnyDocument, Finding, PerformanceDocument, Source, Subject
from jixiao.rules import CRITERIA, Rule, RuleContext
from jixiao.rules.profile import Profile

INTERNAL = "X01"


def matches(selector: str, code: str, rule: Rule | None) -> bool:
    """True when a selector (a code, a code prefix such as ``V`` or ``P0``, a tag or 完整性…) names a rule."""
    sel = selector.strip()
    if sel.upper() == "ALL" or code.upper().startswith(sel.upper()):
        return True
    if rule is None:
        return False
    labels = {CRITERIA.get(t, t) for t in rule.tags}
    return sel in rule.all_tags or sel in labels


def chosen(code: str, rule: Rule | None, profile: Profile) -> bool:
    """True when the profile's select and ignore lists keep a code."""
    if profile.select and not any(matches(s, code, rule) for s in profile.select):
        return False
    return not any(matches(s, code, rule) for s in profile.ignore)


def run_rules(doc: AnyDocument, rules: Sequence[Rule], ctx: RuleContext) -> list[Finding]:
    """Every chosen rule's findings; a rule that raises becomes one internal finding, the others still run."""
    findings: list[Finding] = []
    for rule in rules:
        try:
            findings.extend(rule.check(doc, ctx.bound(rule)))
        except Exception as exc:  # a bug in one rule must not stop the others
            findings.append(
                Finding(
                    code=INTERNAL,
                    severity="warning",
                    message=f"规则 {rule.code}（{rule.title}）运行出错，该项未检查：{type(exc).__name__}: {exc}。"
                    "这是程序缺陷，请报告。",
                    source=Source(file=ctx.file),
                    subject=Subject(),
                )
            )
    return findings


def _key(f: Finding) -> tuple[str, int | None, int | None, str | None]:
    return (f.code, f.subject.project, f.subject.indicator, f.subject.field)


def check_findings(
    doc: AnyDocument,
    import_findings: Iterable[Finding] = (),
    profile: Profile | None = None,
    rules: Sequence[Rule] | None = None,
    file: str | None = None,
    targets: PerformanceDocument | None = None,
) -> list[Finding]:
    """The findings of reading and of the chosen rules; a rule repeating an importer finding is dropped.

    Only the rules for the record's kind run (E for a self-evaluation, M for a monitoring report); ``targets``
    is the approved target document they follow, when known.
    """
    profile = profile or Profile()
    kind = kind_of(doc)
    catalogue = {r.code: r for r in (rules if rules is not None else all_rules())}
    active = [
        r
        for r in catalogue.values()
        if r.applies_to == kind and not r.decided_while_reading and chosen(r.code, r, profile)
    ]
    active, quiet = _for_the_form(doc, active)
    ctx = RuleContext(profile, file=file, severities=dict(profile.severities), targets=targets)
    kept = [
        _with_severity(f, profile) for f in import_findings if chosen(f.code, catalogue.get(f.code), profile)
    ]
    seen = {_key(f) for f in kept}
    for finding in run_rules(doc, active, ctx):
        if _key(finding) not in seen:
            kept.append(finding)
    if chosen(NOT_IN_FORM, None, profile):
        kept += quiet
    return kept


NOT_IN_FORM = "P14"
# What a role is called on a form, for the finding that a form has no place for it.
ROLE_LABELS = {
    "project_code": "项目编码",
    "project_name": "项目名称",
    "funds|budget": "预算金额",
    "funds": "资金来源",
    "spending_plan": "资金支出计划",
    "description": "绩效指标描述",
    "basis": "指标值确定依据",
    "purpose": "资金用途",
    "goal": "绩效目标",
    "money_executed": "执行数",
    "money_score": "预算执行得分",
    "score": "得分",
    "actual": "实际完成值",
    "weight": "分值（权重）",
    "deviation|deviation_reason|corrective_action": "偏差原因分析",
    "likelihood": "完成目标可能性",
    "deviation_category": "偏差原因类别",
}


def _for_the_form(doc: AnyDocument, rules: list[Rule]) -> tuple[list[Rule], list[Finding]]:
    """The rules whose fields the document's form has, and one info finding per field it has not.

    A form that prints no 指标值确定依据 column cannot be faulted for empty bases: B01–B05 stay quiet, and the
    suggested grade does not drop for it. A document of jixiao's own layout (no form) has every field.
    """
    form = getattr(doc, "form", None)
    if form is None:
        return rules, []
    kept: list[Rule] = []
    missing: dict[str, list[str]] = {}
    for rule in rules:
        lacking = [need for need in rule.needs if not any(form.has(alt) for alt in need.split("|"))]
        if lacking:
            missing.setdefault(lacking[0], []).append(rule.code)
        else:
            kept.append(rule)
    name = form.label or "这份文件的表式"
    notes = [
        Finding(
            code=NOT_IN_FORM,
            severity="info",
            message=f"{name}没有“{ROLE_LABELS.get(need, need)}”一栏，{'、'.join(codes)} 不适用，未检查。",
            source=Source(file=None),
            subject=Subject(),
        )
        for need, codes in missing.items()
    ]
    return kept, notes


def _with_severity(f: Finding, profile: Profile) -> Finding:
    severity = profile.severities.get(f.code)
    if severity is None or severity == f.severity:
        return f
    return Finding(f.code, severity, f.message, f.source, f.subject, f.suggestion)
