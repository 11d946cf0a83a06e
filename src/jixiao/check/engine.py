"""Run the rules over a document: choose them (--select/--ignore), isolate crashes, merge importer findings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from jixiao.check.catalogue import ALL_RULES, kind_of
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
    catalogue = {r.code: r for r in (rules if rules is not None else ALL_RULES)}
    active = [
        r
        for r in catalogue.values()
        if r.applies_to == kind and not r.decided_while_reading and chosen(r.code, r, profile)
    ]
    ctx = RuleContext(profile, file=file, severities=dict(profile.severities), targets=targets)
    kept = [
        _with_severity(f, profile) for f in import_findings if chosen(f.code, catalogue.get(f.code), profile)
    ]
    seen = {_key(f) for f in kept}
    for finding in run_rules(doc, active, ctx):
        if _key(finding) not in seen:
            kept.append(finding)
    return kept


def _with_severity(f: Finding, profile: Profile) -> Finding:
    severity = profile.severities.get(f.code)
    if severity is None or severity == f.severity:
        return f
    return Finding(f.code, severity, f.message, f.source, f.subject, f.suggestion)
