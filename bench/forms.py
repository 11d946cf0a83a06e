"""How much of every form jixiao reads: the fixture forms of tests/forms as DOCX and XLSX (and, with --pdf, PDF).

Prints per form and format the share of (三级, 指标值) pairs and budgets read exactly, self-evaluation totals,
monitoring pairs, the warnings and errors reading gave, and the errors `check` finds on these clean files; with
--diff, the first rows that differ and the errors.

Run: .venv/bin/python bench/forms.py [--pdf] [--diff] [FORM ...]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.forms import fixtures_targets as targets
from tests.forms import fixtures_tracking as tracking
from tests.forms.office import Block, docx_bytes, pdf_files, xlsx_bytes
from tests.forms.tuples import (
    department,
    evaluation_projects,
    monitoring_projects,
    target_projects,
)

from jixiao.check import check_document
from jixiao.kinds import read_any
from jixiao.model import AnyDocument, DepartmentTargets, PerformanceDocument, SelfEvaluation

Row = tuple[object, ...]


def _expected_pairs(form: str) -> tuple[list[tuple[object, object]], list[object], list[object]]:
    """(pairs, budgets, totals) a form must read as."""
    if form in targets.TARGETS:
        rows = targets.TARGETS[form].expected
        pairs = [(i[2], i[3]) for p in rows for i in p[2]]  # type: ignore[attr-defined]
        return pairs, [p[1] for p in rows], []
    if form in targets.DEPARTMENTS:
        dept = targets.DEPARTMENTS[form].expected
        return [(i[2], i[3]) for i in dept[3]], [], []  # type: ignore[attr-defined]
    spec = tracking.FORMS[form]
    if spec.kind == "self_evaluation":
        pairs = [(i[0], i[1]) for p in spec.projects for i in p[4]]  # type: ignore[attr-defined]
        return pairs, [], [p[3] for p in spec.projects]
    return [(i[1], i[2]) for p in spec.projects for i in p[1]], [], []  # type: ignore[attr-defined]


def _got(record: AnyDocument) -> tuple[list[tuple[object, object]], list[object], list[object], object]:
    if isinstance(record, PerformanceDocument):
        rows = target_projects(record)
        return [(i[2], i[3]) for p in rows for i in p[2]], [p[1] for p in rows], [], rows  # type: ignore[attr-defined]
    if isinstance(record, DepartmentTargets):
        dept = department(record)
        return [(i[2], i[3]) for i in dept[3]], [], [], dept  # type: ignore[attr-defined]
    if isinstance(record, SelfEvaluation):
        rows = evaluation_projects(record)
        return [(i[0], i[1]) for p in rows for i in p[4]], [], [p[3] for p in rows], rows  # type: ignore[attr-defined]
    rows = monitoring_projects(record)
    return [(i[1], i[2]) for p in rows for i in p[1]], [], [], rows  # type: ignore[attr-defined]


def _share(got: list[object], want: list[object]) -> tuple[int, int]:
    pool = list(got)
    hit = 0
    for item in want:
        if item in pool:
            pool.remove(item)
            hit += 1
    return hit, len(want)


def _blocks(form: str) -> list[Block]:
    if form in targets.TARGETS:
        return targets.TARGETS[form].blocks()
    if form in targets.DEPARTMENTS:
        return targets.DEPARTMENTS[form].blocks()
    return tracking.FORMS[form].blocks()


def _xlsx(form: str) -> bytes:
    spec = targets.TARGETS.get(form)
    if spec is not None and spec.sheets is not None:
        return xlsx_bytes([], sheets=spec.sheets())
    return xlsx_bytes(_blocks(form))


def main() -> None:
    """Print the figures."""
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    forms = args or [*targets.TARGETS, *targets.DEPARTMENTS, *tracking.FORMS]
    files: dict[tuple[str, str], bytes] = {}
    for form in forms:
        files[(form, "docx")] = docx_bytes(_blocks(form))
        files[(form, "xlsx")] = _xlsx(form)
    if "--pdf" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            pdfs = pdf_files({f"{f}.docx": files[(f, "docx")] for f in forms}, Path(tmp))
        for form in forms:
            files[(form, "pdf")] = pdfs[f"{form}.docx"]
    totals = {"pairs": [0, 0], "budgets": [0, 0], "totals": [0, 0]}
    errors = 0
    started = time.perf_counter()
    for (form, fmt), data in files.items():
        want_pairs, want_budgets, want_totals = _expected_pairs(form)
        try:
            record, findings = read_any(data, f"{form}.{fmt}")
        except Exception as exc:  # a bench reports, it does not stop
            print(f"{form:4} {fmt:5} UNREADABLE {type(exc).__name__}: {str(exc)[:120]}")
            for key, want in (("pairs", want_pairs), ("budgets", want_budgets), ("totals", want_totals)):
                totals[key][1] += len(want)
            continue
        pairs, budgets, scores, _ = _got(record)
        p = _share(pairs, want_pairs)  # type: ignore[arg-type]
        b = _share(budgets, want_budgets)
        t = _share(scores, want_totals)
        for key, (hit, n) in (("pairs", p), ("budgets", b), ("totals", t)):
            totals[key][0] += hit
            totals[key][1] += n
        bad = [f"{f.code}" for f in findings if f.severity != "info"]
        checked = [f for f in check_document(record, findings).findings if f.severity == "error"]
        errors += len(checked)
        print(
            f"{form:4} {fmt:5} {type(record).__name__:20} pairs {p[0]:3}/{p[1]:3}  budgets {b[0]}/{b[1]}"
            f"  totals {t[0]}/{t[1]}  warnings+errors {len(bad)} {' '.join(sorted(set(bad)))}"
            f"  check errors {len(checked)} {' '.join(sorted({f.code for f in checked}))}"
        )
        if "--diff" in sys.argv:
            missing = [x for x in want_pairs if x not in pairs][:4]
            extra = [x for x in pairs if x not in want_pairs][:4]
            if missing or extra:
                print(f"       missing {missing}\n       extra   {extra}")
            if b[0] < b[1]:
                print(f"       budgets {budgets} want {want_budgets}")
            if t[0] < t[1]:
                print(f"       totals {scores} want {want_totals}")
            for f in [*(f for f in findings if f.severity != "info"), *checked]:
                print(f"       {f.code} {f.message[:150]}")
    elapsed = time.perf_counter() - started
    print(
        "all: pairs {}/{} ({:.0%}), budgets {}/{} ({:.0%}), totals {}/{} ({:.0%}); {:.2f} s reading and checking".format(
            *totals["pairs"],
            totals["pairs"][0] / max(totals["pairs"][1], 1),
            *totals["budgets"],
            totals["budgets"][0] / max(totals["budgets"][1], 1),
            *totals["totals"],
            totals["totals"][0] / max(totals["totals"][1], 1),
            elapsed,
        )
    )
    print(f"check errors on these {len(files)} clean files: {errors}")


if __name__ == "__main__":
    main()
