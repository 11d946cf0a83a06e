"""What a rule is: a code, Chinese title and description, severity, tags, message, and a check function.

A rule's ``check(doc, ctx)`` yields findings through ``ctx.finding(...)``, which fills the code, the severity
(the profile may change it), the message from the template and the suggestion. Rules never raise on bad
content; the engine isolates a rule that crashes anyway (a bug) and reports it as an internal finding.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from jixiao.model import Finding, Indicator, PerformanceDocument, Project, Severity, Source, Subject

if TYPE_CHECKING:
    from jixiao.rules.profile import Profile

CRITERIA: dict[str, str] = {
    "completeness": "完整性",
    "relevance": "相关性",
    "appropriateness": "适当性",
    "feasibility": "可行性",
}
FAMILIES: dict[str, str] = {
    "S": "结构与解析",
    "F": "资金",
    "K": "指标体系",
    "V": "指标值",
    "B": "指标值确定依据",
    "C": "预算与目标一致性",
    "D": "部门整体",
    "A": "审核结论",
    "E": "绩效自评",
    "M": "绩效运行监控",
}
# What a rule checks: a target document, a self-evaluation or a monitoring report.
DocumentKind = Literal["targets", "department_targets", "self_evaluation", "monitoring"]
DOCUMENT_KINDS: dict[str, str] = {
    "targets": "绩效目标",
    "self_evaluation": "绩效自评",
    "monitoring": "绩效运行监控",
}

# The first argument is the record of the rule's ``applies_to`` kind (PerformanceDocument for targets).
CheckFn = Callable[[Any, "RuleContext"], Iterator[Finding]]
FixFn = Callable[[PerformanceDocument, Finding], PerformanceDocument]


@dataclass(frozen=True)
class Rule:
    """A check of the catalogue (SPEC §11), with what its reference page needs."""

    code: str
    title: str
    description: str
    severity: Severity
    tags: tuple[str, ...]
    message: str
    check: CheckFn
    suggestion: str | None = None
    fix: FixFn | None = None
    basis: str = ""
    failing: str = ""
    passing: str = ""
    stage: str = "check"
    applies_to: DocumentKind = "targets"
    needs: tuple[str, ...] = ()  # the form's columns or fields the rule reads ("funds|budget": either)

    @property
    def decided_while_reading(self) -> bool:
        """True for rules the importers decide (S04, S08): their findings come from reading the file."""
        return self.stage == "import"

    @property
    def family(self) -> str:
        """The family letter: S, F, K, V, B, C, D or A."""
        return self.code[0]

    @property
    def all_tags(self) -> tuple[str, ...]:
        """The rule's tags and its family (``family:V``), for --select and --ignore."""
        return (*self.tags, f"family:{self.family}", self.family)


@dataclass
class RuleContext:
    """What a rule sees beside the document: the profile, and a finding factory bound to the rule."""

    profile: Profile
    rule: Rule | None = None
    file: str | None = None
    severities: dict[str, Severity] = field(default_factory=dict)
    targets: PerformanceDocument | None = None  # the approved targets a self-evaluation or monitoring follows

    def bound(self, rule: Rule) -> RuleContext:
        """The same context for one rule."""
        return RuleContext(self.profile, rule, self.file, self.severities, self.targets)

    def finding(
        self,
        source: Source,
        subject: Subject,
        suggestion: str | None = None,
        **values: Any,
    ) -> Finding:
        """A finding of the current rule, its message filled from the template with ``values``."""
        rule = self.rule
        assert rule is not None, "RuleContext.finding outside a rule"
        severity = self.severities.get(rule.code, rule.severity)
        return Finding(
            code=rule.code,
            severity=severity,
            message=rule.message.format(**values),
            source=source,
            subject=subject,
            suggestion=suggestion if suggestion is not None else _fill(rule.suggestion, values),
        )


def rule(
    code: str,
    *,
    title: str,
    description: str,
    severity: Severity,
    tags: tuple[str, ...],
    message: str,
    suggestion: str | None = None,
    basis: str = "",
    failing: str = "",
    passing: str = "",
    fix: FixFn | None = None,
    stage: str = "check",
    applies_to: DocumentKind = "targets",
    needs: tuple[str, ...] = (),
) -> Callable[[CheckFn], Rule]:
    """Make a Rule of a check function: ``@rule("V04", title=…)`` over ``def v04(doc, ctx)``."""

    def make(check: CheckFn) -> Rule:
        return Rule(
            code=code,
            title=title,
            description=description,
            severity=severity,
            tags=tags,
            message=message,
            check=check,
            suggestion=suggestion,
            fix=fix,
            basis=basis,
            failing=failing,
            passing=passing,
            stage=stage,
            applies_to=applies_to,
            needs=needs,
        )

    return make


def reported_while_reading(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    """The check of a rule the importers decide: nothing to add after reading."""
    return iter(())


def _fill(template: str | None, values: dict[str, Any]) -> str | None:
    if template is None:
        return None
    try:
        return template.format(**values)
    except (KeyError, IndexError):
        return template


def indicators(doc: PerformanceDocument) -> Iterator[tuple[int, Project, int, Indicator]]:
    """Every indicator with its project: (project number, project, row number, indicator), 1-based."""
    for p_no, project in enumerate(doc.projects, start=1):
        for i_no, indicator in enumerate(project.indicators, start=1):
            yield p_no, project, i_no, indicator


def at(
    project: int, indicator: Indicator | None = None, row: int | None = None, field_name: str = ""
) -> Subject:
    """The subject of a finding on a project, or on one of its indicator rows and a field."""
    return Subject(project=project, indicator=row, field=field_name or None)
