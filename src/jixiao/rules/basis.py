"""B: the 指标值确定依据 (SPEC §11.5) — present, classifiable as a standard, well cited, set per row, in force.

Granularity: B01 reports each empty cell. B02, B04 and B05 report once per project (per cited plan for
B05) and list the rows in the message; when a single row is concerned the finding names that row. The
same wording copied into every row would otherwise give up to seven identical warnings per project, and
warnings weigh on the suggested review grade (A01). B03 reports once per project and document number, and
its fix rewrites the brackets of that number wherever it stands in the project's basis cells.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from jixiao.model import Finding, PerformanceDocument, Project, Subject
from jixiao.rules.base import RuleContext, rule
from jixiao.rules.framework import is_satisfaction
from jixiao.rules.profile import Profile
from jixiao.rules.text import similarity

_NONE_MARKERS = frozenset({"无", "暂无", "/", "-", "—", "－", "——", "／"})
_TITLE = re.compile(r"《([^《》]+)》")
# A document number with any brackets around the year: 冀财行【2023】98 号, 总工办发（2019）13 号, 巨工发〔2023〕5号.
_DOC_NUMBER = re.compile(
    r"(?P<agency>[\u4e00-\u9fff]{1,10})(?P<open>\s*[〔【（(\[［〖]\s*)(?P<year>(?:19|20)\d{2})"
    r"(?P<close>\s*[〕】）)\]］〗]\s*)(?P<serial>\d{1,5}\s*号)"
)
# Any document number, including one written 冀财行 2023 年 98 号.
_ANY_DOC_NUMBER = re.compile(r"(?:19|20)\d{2}\s*[〕】）)\]］〗年]\s*第?\s*\d{1,5}\s*号")
_YEAR_RANGE = re.compile(r"((?:19|20)\d{2})\s*年?\s*[-－–—~～至到]\s*((?:19|20)\d{2})\s*年?")
_FIVE_YEAR_PLAN = re.compile(
    r"十([一二三四五六七八九])五[^，。；;,、《》]{0,12}?(?:规划|计划|纲要|时期|期间)"
)
_CLAUSE_END = re.compile(r"[，。；;,、]")
_DIGITS = "一二三四五六七八九"


def _compact(text: str) -> str:
    return "".join(text.split())


def _rows(rows: list[int]) -> str:
    """第 1–6 行, 第 7 行, 第 1–3、5 行."""
    parts: list[str] = []
    start = prev = rows[0]
    for row in [*rows[1:], None]:
        if row is not None and row == prev + 1:
            prev = row
            continue
        parts.append(
            f"{start}–{prev}" if prev > start + 1 else f"{start}、{prev}" if prev > start else f"{start}"
        )
        if row is not None:
            start = prev = row
    return f"第 {'、'.join(parts)} 行"


def _subject_row(rows: list[int]) -> int | None:
    return rows[0] if len(rows) == 1 else None


@rule(
    "B01",
    title="指标值确定依据为空",
    description="每条指标都应填写指标值确定依据，说明目标值从何而来；写作“无”“/”“-”等同于未填。",
    severity="error",
    tags=("feasibility",),
    message="项目 {project} 指标表第 {row} 行“{name}”的指标值确定依据{what}。",
    suggestion="填写确定该指标值的依据：计划或文件（写明文号）、行业标准、历史数据或财政部门认可的其他标准。",
    basis="绩效目标表“指标值确定依据”列 [V 示例]；一体化系统必填列 [V-local S11]",
    failing="指标值确定依据为空，或写作“无”",
    passing="指标值确定依据：《巨鹿县职工帮扶工作实施方案》（巨工发〔2023〕5号）",
    needs=("basis",),
)
def b01(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    for p_no, project in enumerate(doc.projects, start=1):
        for i_no, ind in enumerate(project.indicators, start=1):
            text = _compact(ind.basis)
            if text and text not in _NONE_MARKERS:
                continue
            what = "为空" if not text else f"写作“{text}”，等于没有填写"
            yield ctx.finding(
                ind.source_of("basis"),
                Subject(project=p_no, indicator=i_no, field="basis"),
                project=p_no,
                row=i_no,
                name=ind.level3,
                what=what,
            )


def _unclassifiable(basis: str, ctx: RuleContext) -> str | None:
    """Why a basis cannot be classed as one of the four standards, or None when it can (or is empty)."""
    text = _compact(basis)
    if not text or text in _NONE_MARKERS:
        return None  # B01's
    cited = bool(_TITLE.search(text) or _ANY_DOC_NUMBER.search(text))
    authority = [w for w in ctx.profile.generic_basis_words if w in text]
    if authority and not cited:
        return f"仅为“{text}”（批示或会议意见，未注明文号或文件名称）"
    methods = [w for w in ctx.profile.method_only_basis_words if w in text]
    anchored = cited or any(c.isdigit() for c in text) or any(w in text for w in ctx.profile.standard_words)
    if methods and not anchored:
        return f"仅写了调查方法“{text}”（未说明调查的年度、对象或结果）"
    return None


@rule(
    "B02",
    title="指标值确定依据无法归类",
    description="指标值确定依据应能归入计划标准、行业标准、历史标准或其他标准之一，并尽量注明文号或数据来源。"
    "只写“县政府批示”“领导批示”等而不注明文号，或只写“问卷调查”等调查方法，都无法判断目标值是怎样定出来的。"
    "同一项目中同类问题合并为一条，列出所涉行次。",
    severity="warning",
    tags=("feasibility",),
    message="项目 {project} 的指标值确定依据无法归入计划、行业、历史或其他标准：{details}。",
    suggestion="写明依据的文件名称和文号（计划标准）、行业数据的来源（行业标准）、往年的实际值（历史标准），"
    "或财政部门认可的其他标准；满意度指标可写明上年满意度调查的结果。",
    basis="四类绩效标准 [V S17]；[I]",
    failing="指标值确定依据：县政府批示；满意度指标的依据：问卷调查",
    passing="指标值确定依据：《巨鹿县职工帮扶工作实施方案》（巨工发〔2023〕5号）；2023 年满意度调查结果",
    needs=("basis",),
)
def b02(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    for p_no, project in enumerate(doc.projects, start=1):
        groups: dict[str, list[int]] = {}
        for i_no, ind in enumerate(project.indicators, start=1):
            reason = _unclassifiable(ind.basis, ctx)
            if reason is not None:
                groups.setdefault(reason, []).append(i_no)
        if not groups:
            continue
        rows = sorted(r for group in groups.values() for r in group)
        details = "；".join(f"{_rows(group)}{reason}" for reason, group in groups.items())
        row = _subject_row(rows)
        source = project.indicators[rows[0] - 1].source_of("basis")
        yield ctx.finding(
            source, Subject(project=p_no, indicator=row, field="basis"), project=p_no, details=details
        )


def _nonstandard_numbers(text: str) -> list[str]:
    """The document numbers of a text whose year is not in 〔〕, as written."""
    found: list[str] = []
    for m in _DOC_NUMBER.finditer(text):
        if m.group("open").strip() == "〔" and m.group("close").strip() == "〕":
            continue
        number = m.group(0)
        if number not in found:
            found.append(number)
    return found


def standardize_numbers(text: str) -> str:
    """The text with the brackets around the year of each document number rewritten as 〔〕."""
    return _DOC_NUMBER.sub(lambda m: f"{m['agency']}〔{m['year']}〕{m['serial']}", text)


def _fix_b03(doc: PerformanceDocument, finding: Finding) -> PerformanceDocument:
    """Rewrite the brackets of document numbers in the basis cells the finding names (project, or one row)."""
    p_no, row = finding.subject.project, finding.subject.indicator
    if p_no is None or not 1 <= p_no <= len(doc.projects):
        return doc
    project = doc.projects[p_no - 1]
    rows = list(project.indicators)
    for i, ind in enumerate(rows, start=1):
        if row is None or i == row:
            rows[i - 1] = replace(ind, basis=standardize_numbers(ind.basis))
    projects = list(doc.projects)
    projects[p_no - 1] = replace(project, indicators=tuple(rows))
    return replace(doc, projects=tuple(projects))


@rule(
    "B03",
    title="文号格式不规范",
    description="引用的发文字号应写作“机关代字〔年份〕序号号”，年份用六角括号〔〕，"
    "不用【】、（）或 []。可自动修正：只改文号中年份两侧的括号，不改文件标题中的括号。",
    severity="info",
    tags=("completeness",),
    message="项目 {project} {rows}的指标值确定依据中，文号“{number}”的年份未用六角括号〔〕，应写作“{standard}”。",
    suggestion="把文号年份两侧的括号改为六角括号〔〕（可用 --fix 自动修正）。",
    basis="GB/T 9704 发文字号格式 [R]",
    failing="冀财行【2023】98 号；总工办发（2019）13 号",
    passing="冀财行〔2023〕98 号",
    fix=_fix_b03,
    needs=("basis",),
)
def b03(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    for p_no, project in enumerate(doc.projects, start=1):
        numbers: dict[str, list[int]] = {}
        for i_no, ind in enumerate(project.indicators, start=1):
            for number in _nonstandard_numbers(ind.basis):
                numbers.setdefault(number, []).append(i_no)
        for number, rows in numbers.items():
            source = project.indicators[rows[0] - 1].source_of("basis")
            yield ctx.finding(
                source,
                Subject(project=p_no, indicator=_subject_row(rows), field="basis"),
                project=p_no,
                rows=_rows(rows),
                number=number,
                standard=standardize_numbers(number),
            )


@dataclass(frozen=True)
class _Plan:
    """A plan cited in a basis, with the years it covers."""

    name: str
    start: int
    end: int


def _plan_title(title: str, profile: Profile) -> bool:
    return any(w in title for w in profile.plan_words)


def _dated_plans(basis: str, profile: Profile) -> list[_Plan]:
    """The plans a basis cites with their years: 《…规划（2019-2023）》, 十三五规划, …规划（2021—2025年）."""
    text = _compact(basis)
    plans: list[_Plan] = []
    for m in _YEAR_RANGE.finditer(text):
        start, end = int(m.group(1)), int(m.group(2))
        if not 0 <= end - start <= 10:
            continue
        clause_start = max((c.end() for c in _CLAUSE_END.finditer(text, 0, m.start())), default=0)
        clause_end_match = _CLAUSE_END.search(text, m.end())
        clause = text[clause_start : clause_end_match.start() if clause_end_match else len(text)]
        if not _plan_title(clause, profile):
            continue  # a range of data years (2019-2023 年平均值), not a plan
        plans.append(_Plan(_enclosing_title(text, m.start()) or clause, start, end))
    for m in _FIVE_YEAR_PLAN.finditer(text):
        n = 10 + _DIGITS.index(m.group(1)) + 1
        start = 1981 + 5 * (n - 6)
        plans.append(_Plan(_enclosing_title(text, m.start()) or m.group(0), start, start + 4))
    return plans


def _enclosing_title(text: str, at: int) -> str | None:
    for m in _TITLE.finditer(text):
        if m.start() <= at < m.end():
            return m.group(0)
    return None


def _title_key(title: str) -> str:
    """A plan title without its years or brackets, for comparing an undated citation with a dated one."""
    return _YEAR_RANGE.sub("", title).strip("《》（）()")


def _stale_plans(
    project: Project, fiscal_year: int, profile: Profile
) -> dict[_Plan, tuple[list[int], list[tuple[int, str]]]]:
    """Plans not in force for the year: the rows citing them with years, and rows citing them undated."""
    stale: dict[_Plan, tuple[list[int], list[tuple[int, str]]]] = {}
    for i_no, ind in enumerate(project.indicators, start=1):
        for plan in _dated_plans(ind.basis, profile):
            if plan.end < fiscal_year or plan.start > fiscal_year:
                stale.setdefault(plan, ([], []))[0].append(i_no)
    if not stale:
        return stale
    for i_no, ind in enumerate(project.indicators, start=1):
        if _dated_plans(ind.basis, profile):
            continue
        for m in _TITLE.finditer(_compact(ind.basis)):
            if not _plan_title(m.group(1), profile):
                continue
            for plan, (_, undated) in stale.items():
                if similarity(_title_key(plan.name), m.group(1)) >= profile.same_plan_similarity:
                    undated.append((i_no, m.group(0)))
                    break
    return stale


@rule(
    "B05",
    title="引用的规划不在有效期内",
    description="作为计划标准引用的规划应覆盖预算年度。引用已经到期（如 2019–2023 年的五年规划用于 2024 年）"
    "或尚未开始的规划，目标值就缺少有效依据。未注明年限、但与同一项目中注明年限的规划同名的引用按同一规划计。",
    severity="warning",
    tags=("feasibility",),
    message="项目 {project} {rows}引用的“{plan}”适用于 {start}–{end} 年，{state}，"
    "不能作为 {year} 年指标值的依据{undated}。",
    suggestion="改为引用覆盖 {year} 年的规划或文件（如新一期规划），并核对指标值是否需要相应调整。",
    basis="[I]",
    failing="2024 年项目引用《全国工会职工书屋建设工程五年规划（2019-2023）》",
    passing="2024 年项目引用覆盖 2024 年的规划（如 2021-2025 年规划）",
    needs=("basis",),
)
def b05(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    year = doc.fiscal_year
    if year is None:
        return
    for p_no, project in enumerate(doc.projects, start=1):
        for plan, (dated, undated) in _stale_plans(project, year, ctx.profile).items():
            rows = sorted({*dated, *(r for r, _ in undated)})
            state = f"已于 {plan.end} 年到期" if plan.end < year else f"自 {plan.start} 年起才适用"
            note = "".join(f"（第 {r} 行引用的“{t}”未注明年限，按同一规划计）" for r, t in undated)
            source = project.indicators[rows[0] - 1].source_of("basis")
            yield ctx.finding(
                source,
                Subject(project=p_no, indicator=_subject_row(rows), field="basis"),
                project=p_no,
                rows=_rows(rows),
                plan=plan.name,
                start=plan.start,
                end=plan.end,
                state=state,
                year=year,
                undated=note,
            )


def _complete_plan_citation(basis: str, fiscal_year: int | None, profile: Profile) -> bool:
    """True for a basis naming a plan or document by title and number, in force for the year."""
    text = _compact(basis)
    if not (_TITLE.search(text) and _ANY_DOC_NUMBER.search(text)):
        return False
    if fiscal_year is None:
        return True
    return all(p.start <= fiscal_year <= p.end for p in _dated_plans(text, profile))


def _same_citation(a: str, b: str, profile: Profile) -> bool:
    """True when two bases are the same text, or cite titles that are the same plan (one maybe undated)."""
    if _compact(a) == _compact(b):
        return True
    ta, tb = (
        [_title_key(m.group(1)) for m in _TITLE.finditer(a)],
        [_title_key(m.group(1)) for m in _TITLE.finditer(b)],
    )
    return bool(ta and tb) and similarity(ta[0], tb[0]) >= profile.same_plan_similarity


@rule(
    "B04",
    title="同一依据复制到所有指标",
    description="一个项目的全部非满意度指标都写同一条确定依据，说明依据没有按指标分别确定。"
    "完整引用了有效期内文件（有标题和文号）的计划标准不报，例如项目实施方案逐项规定了各指标值。",
    severity="info",
    tags=("feasibility",),
    message="项目 {project} 的 {count} 条非满意度指标全部以“{basis}”为确定依据{also}，依据没有按指标分别确定。",
    suggestion="逐条写明各指标值的来源：数量指标依据计划或名册，质量、时效指标依据制度或行业标准，"
    "效益指标依据往年实际值。",
    basis="[I]",
    failing="七条指标的确定依据都是“县政府批示”",
    passing="各指标分别写明计划、制度或历史数据作为依据",
    needs=("basis",),
)
def b04(doc: PerformanceDocument, ctx: RuleContext) -> Iterator[Finding]:
    for p_no, project in enumerate(doc.projects, start=1):
        rows = [ind for ind in project.indicators if not is_satisfaction(ind)]
        bases = {_compact(ind.basis) for ind in rows}
        if len(rows) < ctx.profile.copied_basis_min_rows or len(bases) != 1:
            continue
        basis = rows[0].basis.strip()
        if not _compact(basis) or _compact(basis) in _NONE_MARKERS:
            continue
        if _complete_plan_citation(basis, doc.fiscal_year, ctx.profile):
            continue
        satisfaction = [ind for ind in project.indicators if is_satisfaction(ind)]
        also = ""
        if satisfaction and all(_same_citation(basis, ind.basis, ctx.profile) for ind in satisfaction):
            exact = all(_compact(ind.basis) == _compact(basis) for ind in satisfaction)
            also = "，满意度指标也引用同一依据" if exact else "，满意度指标也引用同一规划"
        yield ctx.finding(
            project.source,
            Subject(project=p_no, field="basis"),
            project=p_no,
            count=len(rows),
            basis=basis,
            also=also,
        )


BASIS_RULES = (b01, b02, b03, b04, b05)
