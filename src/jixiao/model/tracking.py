"""What monitoring reports and self-evaluations share: the reference to the approved targets and fund lines.

A monitoring report or a self-evaluation is started from an approved target document. It keeps a
:class:`TargetsRef` (unit, year, title and a fingerprint of every project's indicator targets) so that a
checker can tell, with or without the approved document at hand, whether a target was changed (E-08).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.model.findings import Source
from jixiao.model.records import PerformanceDocument

FUND_TOTAL = "年度资金总额"
FUND_FISCAL = "其中：当年财政拨款"
FUND_CARRIED = "上年结转资金"
FUND_OTHER = "其他资金"


@dataclass(frozen=True)
class TargetsRef:
    """The approved target document a monitoring report or self-evaluation follows, and its fingerprint."""

    unit_code: str | None = None
    unit_name: str | None = None
    fiscal_year: int | None = None
    title: str = ""
    fingerprint: str = ""


@dataclass(frozen=True)
class FundLine:
    """One row of the money block: 年度资金总额 or one fund source under it (其中：当年财政拨款 …).

    A self-evaluation fills ``budget_initial`` (年初预算数), ``budget_full_year`` (全年预算数, the adjusted
    budget) and ``executed`` (全年执行数); a monitoring report fills ``budget_initial``, ``executed`` (to date)
    and ``forecast_executed`` (全年预计执行数).
    """

    name: str
    budget_initial: Decimal | None = None
    budget_full_year: Decimal | None = None
    executed: Decimal | None = None
    forecast_executed: Decimal | None = None
    source: Source = field(default_factory=Source, compare=False, repr=False)

    @property
    def is_total(self) -> bool:
        """True for the 年度资金总额 row."""
        return "总额" in self.name or "合计" in self.name


def total_fund(funds: tuple[FundLine, ...]) -> FundLine | None:
    """The 年度资金总额 row of a money block (the first row when none is named so), or None."""
    for line in funds:
        if line.is_total:
            return line
    return funds[0] if funds else None


TargetRow = tuple[str, str, str, str]  # 一级, 二级, 三级, the target as written
TrackedProject = tuple[str, str, Iterable[TargetRow]]  # code, name, its target rows


def fingerprint(projects: Iterable[TrackedProject]) -> str:
    """A short, stable fingerprint of projects and their indicator targets (16 hex digits)."""
    import hashlib  # only when fingerprinting: reading targets need not load it

    digest = hashlib.sha256()
    for code, name, rows in projects:
        digest.update(f"P\x1f{code}\x1f{name}\x1e".encode())
        for row in rows:
            digest.update(("I\x1f" + "\x1f".join(" ".join(cell.split()) for cell in row) + "\x1e").encode())
    return digest.hexdigest()[:16]


def document_targets(doc: PerformanceDocument) -> Iterator[TrackedProject]:
    """The projects of a target document with their target rows, as :func:`fingerprint` takes them."""
    for p in doc.projects:
        yield p.code, p.name, [(i.level1, i.level2, i.level3, i.value.raw) for i in p.indicators]


def targets_ref(doc: PerformanceDocument) -> TargetsRef:
    """The reference a monitoring report or self-evaluation keeps to the target document it starts from."""
    return TargetsRef(
        doc.unit_code, doc.unit_name, doc.fiscal_year, doc.title, fingerprint(document_targets(doc))
    )
