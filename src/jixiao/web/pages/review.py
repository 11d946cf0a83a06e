"""The reviewer's pages: the queue of the region, the review page with marks, comments, return, approve, publish."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.contrib import messages
from django.forms import Form
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_POST

from jixiao.model import SEVERITY_LABELS
from jixiao.model.records import STATUS_LABELS
from jixiao.model.workflow import GRADES
from jixiao.service import imports, pages, profiles, review, targets, workflow
from jixiao.service.actor import Actor
from jixiao.service.errors import ValidationFailed
from jixiao.web.forms.documents import ApproveForm, CommentForm, ReturnForm
from jixiao.web.htmx import page_view, render_page

QUEUE_STATUSES = (
    ("submitted", "待审核"),
    ("returned", "已退回"),
    ("approved", "已通过"),
    ("published", "已公开"),
)


def _valid(form: Form) -> dict[str, Any]:
    if not form.is_valid():
        first = next(iter(form.errors.values()))[0]
        raise ValidationFailed(str(first), {"errors": form.errors.get_json_data()})
    return dict(form.cleaned_data)


@require_GET
@page_view
def queue(request: HttpRequest, actor: Actor) -> HttpResponse:
    """Documents of the reviewer's region by status, with findings counts and the suggested grade."""
    status = request.GET.get("status", "submitted")
    if status not in dict(QUEUE_STATUSES):
        status = "submitted"
    items = pages.review_queue(actor, status)
    return render_page(
        request,
        "jixiao/queue.html",
        {"items": items, "status": status, "statuses": QUEUE_STATUSES},
        partial="queue-table",
    )


def marked(doc: Any, findings: list[tuple[int, Any]]) -> tuple[str, dict[int | None, list[tuple[int, Any]]]]:
    """The document as the official tables with the findings' numbers at their cells, and findings per project."""
    marks: dict[tuple[int | None, int | None, str | None], list[tuple[int, str]]] = defaultdict(list)
    per_project: dict[int | None, list[tuple[int, Any]]] = defaultdict(list)
    for n, f in findings:
        s = f.subject
        if s.project is not None:
            marks[(s.project, s.indicator, s.field)].append((n, f.severity))
        per_project[s.project].append((n, f))
    return pages.official_tables(doc, marks), per_project


def _versions_diff(actor: Actor, document_id: int) -> tuple[list[Any], str]:
    """Changes between the last two submissions (or the last two saved versions)."""
    versions = targets.history(actor, document_id)
    submitted = [v.number for v in versions if v.action == "submit"]
    if len(submitted) >= 2:
        old, new = submitted[-2], submitted[-1]
    elif len(versions) >= 2:
        old, new = versions[-2].number, versions[-1].number
    else:
        return [], ""
    return targets.diff(actor, document_id, old, new), f"版本 {old} → 版本 {new}"


@require_GET
@page_view
def review_page(request: HttpRequest, actor: Actor, document_id: int) -> HttpResponse:
    """The review page: findings at the cells, comments, grade, return or approve, differences."""
    view = targets.get_document(actor, document_id)
    profile = request.GET.get("profile", pages.PROFILE)[:60] or pages.PROFILE
    rep = pages.report(actor, document_id, profile)
    findings = list(enumerate(rep.findings, start=1))
    tables, per_project = marked(view.document, findings)
    changes, changes_label = _versions_diff(actor, document_id)
    last_year = pages.last_year_changes(actor, document_id)
    paths = [("", "整个文本")]
    for pi, p in enumerate(view.document.projects):
        paths.append((f"projects[{pi}]", f"项目 {pi + 1}：{p.name}"))
        paths += [
            (f"projects[{pi}].indicators[{ii}]", f"项目 {pi + 1} 指标 {ii + 1}：{i.level3}")
            for ii, i in enumerate(p.indicators)
        ]
    return render_page(
        request,
        "jixiao/review.html",
        {
            "view": view,
            "row": view.row,
            "doc": view.document,
            "report": rep,
            "tables": mark_safe(tables),  # the exporter escapes every text it writes
            "general": per_project.get(None, []),
            "per_project": sorted((k, v) for k, v in per_project.items() if k is not None),
            "projects": view.document.projects,
            "comments": [(c, dict(paths).get(c.path, c.path)) for c in review.comments(actor, document_id)],
            "paths": paths,
            "changes": changes,
            "changes_label": changes_label,
            "last_year": last_year,
            "grades": GRADES,
            "status_label": STATUS_LABELS.get(view.row.status, view.row.status),
            "severity_labels": SEVERITY_LABELS,
            "can": set(view.allowed),
            "profile": profile,
            "profiles": profiles.available(),
            "kept": imports.kept_warnings(actor, document_id),
        },
    )


def _back(request: HttpRequest, document_id: int, message: str) -> HttpResponse:
    messages.success(request, message)
    return HttpResponseRedirect(reverse("review", args=[document_id]))


@require_POST
@page_view
def comment(request: HttpRequest, actor: Actor, document_id: int) -> HttpResponse:
    """Add a comment on the document, a project or an indicator."""
    data = _valid(CommentForm(request.POST))
    review.add_comment(actor, document_id, data["path"] or "", data["text"])
    return _back(request, document_id, "已添加审核意见。")


@require_POST
@page_view
def return_document(request: HttpRequest, actor: Actor, document_id: int) -> HttpResponse:
    """退回修改 with a reason."""
    data = _valid(ReturnForm(request.POST))
    workflow.return_for_revision(actor, document_id, data["expected_version"], data["reason"])
    return _back(request, document_id, "已退回编制单位修改。")


@require_POST
@page_view
def approve(request: HttpRequest, actor: Actor, document_id: int) -> HttpResponse:
    """审核通过 with a grade."""
    data = _valid(ApproveForm(request.POST))
    workflow.approve(actor, document_id, data["expected_version"], data["grade"], data["reason"] or "")
    return _back(request, document_id, f"已审核通过，审核结果：{data['grade']}。绩效目标已锁定。")


@require_POST
@page_view
def publish(request: HttpRequest, actor: Actor, document_id: int) -> HttpResponse:
    """公开 an approved document."""
    version = request.POST.get("expected_version", "")
    if not version.isdigit():
        raise ValidationFailed("缺少版本号，请刷新页面后重试。", {"field": "expected_version"})
    workflow.publish(actor, document_id, int(version))
    return _back(request, document_id, "已公开，公众可以查阅和检索。")
