"""The drafter's pages: home, new document (upload with preview, template, copy forward), the editor, history."""

from __future__ import annotations

import base64
from functools import lru_cache
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from jixiao.model import SEVERITY_LABELS
from jixiao.model.records import STATUS_LABELS
from jixiao.service import imports, pages, review, targets, workflow, yearly
from jixiao.service.access import require_login
from jixiao.service.actor import Actor
from jixiao.service.audit_actions import AUDIT_ACTIONS
from jixiao.service.errors import ConfirmationRequired, Forbidden, StaleVersion, ValidationFailed
from jixiao.web.forms.documents import UploadForm
from jixiao.web.htmx import form_fields, int_field, is_htmx, page_view, render_page

INDICATOR_FIELDS = ("level1", "level2", "level3", "description", "value", "basis")
PROJECT_FIELDS = (
    "name",
    "code",
    "budget_total",
    "budget_fiscal",
    "budget_other",
    "purpose",
    "goals",
    *(f"plan_{m}" for m in pages.PLAN_MONTHS),
)
COVER_FIELDS = ("unit_name", "fiscal_year", "compiled_by", "reviewed_by", "overall_goal")
FORMATS = (
    ("docx", "Word"),
    ("xlsx", "Excel"),
    ("pdf", "PDF"),
    ("html", "网页"),
    ("txt", "文本"),
    ("json", "JSON"),
)


@require_GET
@page_view
def home(request: HttpRequest, actor: Actor) -> HttpResponse:
    """Drafters: my unit's documents; reviewers go to their queue; visitors to the public list."""
    if actor.role == "reviewer":
        return HttpResponseRedirect(reverse("review-queue"))
    if actor.role in {"anonymous", "public"}:
        return HttpResponseRedirect(reverse("public-list"))
    rows = pages.my_documents(actor)
    years: dict[int | None, list[pages.DocumentSummary]] = {}
    for item in rows:
        years.setdefault(item.row.fiscal_year, []).append(item)
    return render_page(request, "jixiao/home.html", {"years": years, "count": len(rows)})


def _drafter(actor: Actor) -> None:
    require_login(actor)
    if actor.role != "drafter" or not actor.unit_code:
        raise Forbidden("只有编制人可以新建本单位的绩效文本。")


@require_http_methods(["GET", "POST"])
@page_view
def new(request: HttpRequest, actor: Actor) -> HttpResponse:
    """A new document: upload a file (previewed with its findings before saving), the template, or copy forward.

    The preview lists first what reading could not place; saving a file from whose indicator rows no indicator
    was read asks for a confirmation (:func:`save_upload`).
    """
    _drafter(actor)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        return _preview_page(request, actor, upload.read(), upload.name)
    return _new_page(request, actor, form, None, status=422 if request.method == "POST" else 200)


def _new_page(
    request: HttpRequest,
    actor: Actor,
    form: UploadForm,
    preview: pages.Preview | None,
    status: int = 200,
    refused: ValidationFailed | None = None,
) -> HttpResponse:
    earlier = [s for s in pages.my_documents(actor) if s.row.fiscal_year]
    context = {
        "form": form,
        "preview": preview,
        "refused": refused,
        "earlier": earlier,
        "severity_labels": SEVERITY_LABELS,
    }
    return render_page(request, "jixiao/new.html", context, status=status)


def _preview_page(
    request: HttpRequest,
    actor: Actor,
    data: bytes,
    name: str,
    status: int = 200,
    refused: ValidationFailed | None = None,
) -> HttpResponse:
    """The file read and checked, unsaved, with the form that saves it (its bytes carried in the page)."""
    preview = pages.preview_upload(data, name)
    form = UploadForm(initial={"payload": base64.b64encode(data).decode(), "filename": name})
    return _new_page(request, actor, form, preview, status, refused)


@require_POST
@page_view
def save_upload(request: HttpRequest, actor: Actor) -> HttpResponse:
    """Save a previewed upload as a new draft of my unit.

    When no indicator was read from the file's indicator rows, the drafter must tick the confirmation; without
    it nothing is saved and the preview comes back (422) with the refusal beside the box to tick.
    """
    _drafter(actor)
    try:
        data = base64.b64decode(request.POST.get("payload", ""), validate=True)
    except ValueError:
        raise ValidationFailed("上传的内容已损坏，请重新选择文件。") from None
    name = request.POST.get("filename", "upload.txt")
    confirmed = request.POST.get("confirm_lost", "") in {"1", "on", "true"}
    try:
        view = targets.import_document(actor, actor.unit_code or "", data, name, confirm_lost=confirmed)
    except ConfirmationRequired as exc:
        return _preview_page(request, actor, data, name, status=422, refused=exc)
    messages.success(request, f"已导入“{name}”，保存为草案（版本 {view.row.version}）。")
    lost = imports.kept_warnings(actor, view.row.id)
    if lost:
        messages.warning(
            request,
            f"导入时有 {len(lost)} 处内容没有读入，警告已随文本保存，见编辑页顶部“导入时没有读入的内容”。",
        )
    return HttpResponseRedirect(reverse("editor", args=[view.row.id]))


@require_POST
@page_view
def from_template(request: HttpRequest, actor: Actor) -> HttpResponse:
    """A new draft from the official template for a year."""
    _drafter(actor)
    year = int_field(request, "fiscal_year")
    unit_name = actor.unit_code or ""
    earlier = pages.my_documents(actor)
    if earlier:
        unit_name = earlier[0].row.unit_name
    doc = pages.blank_document(actor.unit_code or "", unit_name, year)
    view = targets.create_document(actor, actor.unit_code or "", doc, source={"template": "official"})
    messages.success(request, f"已按官方模板新建 {year} 年绩效文本。")
    return HttpResponseRedirect(reverse("editor", args=[view.row.id]))


@require_POST
@page_view
def copy(request: HttpRequest, actor: Actor, document_id: int) -> HttpResponse:
    """Copy a document forward to the next year."""
    view = pages.copy_forward(actor, document_id)
    messages.success(request, f"已从上年文本复制出 {view.row.fiscal_year} 年草案，上年指标值已保留。")
    return HttpResponseRedirect(reverse("editor", args=[view.row.id]))


@lru_cache(maxsize=256)
def _level_options(
    levels: tuple[tuple[str, tuple[str, ...]], ...], level1: str, level2: str
) -> tuple[str, str]:
    """The 一级 and 二级 <option> lists of a row, the row's own values selected (kept when not in the framework).

    Rendered once per distinct pair: a document of 400 rows has a dozen, and the template would otherwise build
    thousands of option nodes.
    """
    first = format_html_join(
        "", "<option{}>{}</option>", ((" selected" if n == level1 else "", n) for n, _ in levels)
    )
    if level1 not in {n for n, _ in levels}:
        first += format_html("<option selected>{}</option>", level1)
    groups = [
        format_html(
            '<optgroup label="{}">{}</optgroup>',
            l1,
            format_html_join(
                "", "<option{}>{}</option>", ((" selected" if n == level2 else "", n) for n in l2s)
            ),
        )
        for l1, l2s in levels
    ]
    second = mark_safe("".join(groups))  # every part went through format_html
    if level2 not in {n for _, l2s in levels for n in l2s}:
        second += format_html("<option selected>{}</option>", level2)
    return first, second


def _editor_context(actor: Actor, document_id: int) -> dict[str, Any]:
    view = targets.get_document(actor, document_id)
    rep = pages.report(actor, document_id)
    levels = pages.level_choices(view.document)
    level_items = tuple(levels.items())
    fixable = pages.fixable_codes()
    numbered = list(enumerate(rep.findings, start=1))
    by_cell: dict[tuple[int, int], list[tuple[int, Any]]] = {}
    for n, f in numbered:
        if f.subject.project is not None and f.subject.indicator is not None:
            by_cell.setdefault((f.subject.project - 1, f.subject.indicator - 1), []).append((n, f))
    notes: dict[str, list[Any]] = {}
    if "document:history" in view.allowed:
        for c in review.comments(actor, document_id):
            notes.setdefault(c.path, []).append(c)
    projects = [
        {
            "index": pi,
            "project": p,
            "comments": notes.get(f"projects[{pi}]", []),
            "plan": {s.month: s.percent for s in p.spending_plan},
            "rows": [
                {
                    "index": ii,
                    "indicator": ind,
                    "reading": pages.read_value(ind.value.raw),
                    "findings": by_cell.get((pi, ii), []),
                    "found": [f for _, f in by_cell.get((pi, ii), [])],
                    "options": _level_options(level_items, ind.level1, ind.level2),
                    "comments": notes.get(f"projects[{pi}].indicators[{ii}]", []),
                }
                for ii, ind in enumerate(p.indicators)
            ],
        }
        for pi, p in enumerate(view.document.projects)
    ]
    return {
        "view": view,
        "doc": view.document,
        "row": view.row,
        "editable": "document:edit" in view.allowed,
        "can_submit": "document:submit" in view.allowed,
        "can_adjust": "document:adjust" in view.allowed,
        "report": rep,
        "findings": numbered,
        "fixable": fixable,
        "projects": projects,
        "doc_comments": notes.get("", []),
        "tracking": yearly.list_tracking(actor, document_id) if "document:history" in view.allowed else [],
        "can_track": "document:track" in view.allowed,
        "kind_labels": yearly.KIND_LABELS,
        "months": range(1, 13),
        "levels": levels,
        "plan_months": pages.PLAN_MONTHS,
        "formats": FORMATS,
        "status_label": STATUS_LABELS.get(view.row.status, view.row.status),
        "severity_labels": SEVERITY_LABELS,
    }


@require_GET
@page_view
def editor(request: HttpRequest, actor: Actor, document_id: int) -> HttpResponse:
    """The editor: cover, part one, projects and indicators, with the findings panel beside them."""
    context = _editor_context(actor, document_id)
    context["kept"] = imports.kept_warnings(actor, document_id)  # what the import could not read, kept
    return render_page(request, "jixiao/editor.html", context)


def _after_edit(request: HttpRequest, document_id: int, message: str) -> HttpResponse:
    messages.success(request, message)
    url = reverse("editor", args=[document_id])
    return HttpResponseClientRedirect(url) if is_htmx(request) else HttpResponseRedirect(url)


@require_POST
@page_view
def save_indicator(
    request: HttpRequest, actor: Actor, document_id: int, project: int, indicator: int
) -> HttpResponse:
    """Save one indicator row; htmx gets the row back with the findings panel and the version out of band."""
    version = int_field(request, "expected_version")
    typed = form_fields(request, INDICATOR_FIELDS)
    try:
        pages.save_indicator(actor, document_id, version, project, indicator, typed)
    except StaleVersion as exc:
        return _conflict(request, actor, document_id, project, indicator, typed, exc)
    if not is_htmx(request):
        return _after_edit(request, document_id, f"已保存项目 {project + 1} 第 {indicator + 1} 条指标。")
    context = _editor_context(actor, document_id)
    context["item"] = context["projects"][project]["rows"][indicator]
    context["p"] = context["projects"][project]
    context["saved"] = True
    return render_page(request, "jixiao/editor.html", context, partial="indicator-saved")


def _conflict(
    request: HttpRequest,
    actor: Actor,
    document_id: int,
    project: int,
    indicator: int,
    typed: dict[str, str],
    exc: StaleVersion,
) -> HttpResponse:
    """409: the row as someone else saved it next to what this user typed; nothing was overwritten."""
    view = targets.get_document(actor, document_id)
    rows = view.document.projects[project].indicators if project < len(view.document.projects) else ()
    current = rows[indicator] if indicator < len(rows) else None
    labels = {
        "level1": "一级指标",
        "level2": "二级指标",
        "level3": "三级指标",
        "value": "指标值",
        "basis": "依据",
    }
    compare = [
        (
            label,
            "" if current is None else str(getattr(current, name) if name != "value" else current.value.raw),
            typed.get(name, ""),
        )
        for name, label in labels.items()
    ]
    context = {"error": exc, "status": 409, "title": "操作冲突", "compare": compare, "row": view.row}
    response = render(request, "jixiao/error.html#conflict", context, status=409)
    if is_htmx(request):
        response["HX-Retarget"] = "#messages"
        response["HX-Reswap"] = "innerHTML"
    return response


@require_POST
@page_view
def preview_indicator(
    request: HttpRequest, actor: Actor, document_id: int, project: int, indicator: int
) -> HttpResponse:
    """The typed value's reading and the row's findings, computed as the drafter types, not saved."""
    reading, found = pages.preview_indicator(
        actor, document_id, project, indicator, form_fields(request, INDICATOR_FIELDS)
    )
    context = {"reading": reading, "found": found, "severity_labels": SEVERITY_LABELS}
    return render(request, "jixiao/editor.html#value-reading", context)  # a fragment only, htmx or not


@require_POST
@page_view
def add_indicator(request: HttpRequest, actor: Actor, document_id: int, project: int) -> HttpResponse:
    """Append an indicator under the chosen 一级/二级."""
    level1, _, level2 = request.POST.get("levels", "").partition("/")
    if not level1 or not level2:
        raise ValidationFailed("请选择一级和二级指标。", {"field": "levels"})
    pages.add_indicator(actor, document_id, int_field(request, "expected_version"), project, level1, level2)
    return _after_edit(request, document_id, f"已在项目 {project + 1} 添加一条{level2}。")


@require_POST
@page_view
def remove_indicator(
    request: HttpRequest, actor: Actor, document_id: int, project: int, indicator: int
) -> HttpResponse:
    """Remove an indicator."""
    pages.remove_indicator(actor, document_id, int_field(request, "expected_version"), project, indicator)
    return _after_edit(request, document_id, f"已删除项目 {project + 1} 第 {indicator + 1} 条指标。")


@require_POST
@page_view
def move_indicator(
    request: HttpRequest, actor: Actor, document_id: int, project: int, indicator: int, step: str
) -> HttpResponse:
    """Move an indicator one row up or down."""
    delta = -1 if step == "up" else 1
    pages.move_indicator(
        actor, document_id, int_field(request, "expected_version"), project, indicator, delta
    )
    return _after_edit(request, document_id, f"已移动项目 {project + 1} 第 {indicator + 1} 条指标。")


@require_POST
@page_view
def save_project(request: HttpRequest, actor: Actor, document_id: int, project: int) -> HttpResponse:
    """Save a project's budget, purpose, spending plan and goals."""
    version = int_field(request, "expected_version")
    pages.save_project(actor, document_id, version, project, form_fields(request, PROJECT_FIELDS))
    return _after_edit(request, document_id, f"已保存项目 {project + 1}。")


@require_POST
@page_view
def save_cover(request: HttpRequest, actor: Actor, document_id: int) -> HttpResponse:
    """Save the cover data and the overall goal."""
    fields = form_fields(request, COVER_FIELDS)
    fields |= {k: str(v) for k, v in request.POST.items() if k.startswith(("sub", "safe")) and "-" in k}
    pages.save_cover(actor, document_id, int_field(request, "expected_version"), fields)
    return _after_edit(request, document_id, "已保存封面和部门整体绩效目标。")


@require_POST
@page_view
def fix(request: HttpRequest, actor: Actor, document_id: int, number: int) -> HttpResponse:
    """Apply one finding's safe fix."""
    rep = pages.report(actor, document_id)
    code = rep.findings[number - 1].code if 1 <= number <= len(rep.findings) else ""
    pages.apply_fix(actor, document_id, int_field(request, "expected_version"), number)
    return _after_edit(request, document_id, f"已一键修正 {code}。")


@require_POST
@page_view
def submit(request: HttpRequest, actor: Actor, document_id: int) -> HttpResponse:
    """送审."""
    view = workflow.submit(actor, document_id, int_field(request, "expected_version"))
    messages.success(request, f"已送审，等待财政部门审核（版本 {view.row.version}）。")
    url = reverse("editor", args=[document_id])
    return HttpResponseClientRedirect(url) if is_htmx(request) else HttpResponseRedirect(url)


@require_POST
@page_view
def adjust(request: HttpRequest, actor: Actor, document_id: int) -> HttpResponse:
    """调整: an approved document becomes a draft again, with the reason, to be reviewed again."""
    reason = request.POST.get("reason", "")
    view = workflow.adjust(actor, document_id, int_field(request, "expected_version"), reason)
    messages.success(request, f"已开始调整（版本 {view.row.version}），修改后请重新送审。")
    return HttpResponseRedirect(reverse("editor", args=[document_id]))


@require_GET
@page_view
def download(request: HttpRequest, actor: Actor, document_id: int, fmt: str) -> HttpResponse:
    """The document (or one saved version, ``?version=N``) in a format, as an attachment."""
    raw = request.GET.get("version", "")
    data, name, content_type = targets.export(actor, document_id, fmt, int(raw) if raw.isdigit() else None)
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_GET
@page_view
def history(request: HttpRequest, actor: Actor, document_id: int) -> HttpResponse:
    """The audit history of a document and its saved versions."""
    view = targets.get_document(actor, document_id)
    entries = [(e, AUDIT_ACTIONS.get(e.action, e.action)) for e in review.audit_trail(actor, document_id)]
    return render_page(
        request,
        "jixiao/history.html",
        {
            "row": view.row,
            "entries": entries,
            "versions": targets.history(actor, document_id),
            "status_labels": STATUS_LABELS,
        },
    )
