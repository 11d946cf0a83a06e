"""Monitoring and self-evaluation pages: progress and actuals against the locked targets, lights and scores as
one types, the reasons the rules require, and the official tables to download."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect

from jixiao.model import MonitoringReport
from jixiao.service import pages, targets, yearly
from jixiao.service.actor import Actor
from jixiao.service.errors import ValidationFailed
from jixiao.web.htmx import int_field, is_htmx, page_view

FORMATS = (
    ("docx", "Word"),
    ("xlsx", "Excel"),
    ("pdf", "PDF"),
    ("html", "网页"),
    ("txt", "文本"),
    ("json", "JSON"),
)


def _fields(request: HttpRequest) -> dict[str, str]:
    return {k: str(v) for k, v in request.POST.items() if k.startswith("p") and "-" in k}


def _context(page: pages.TrackingPage, document_id: int, editable: bool) -> dict[str, Any]:
    monitoring = isinstance(page.record, MonitoringReport)
    projects: list[dict[str, Any]] = []
    record_projects: tuple[Any, ...] = page.record.projects
    calcs: tuple[Any, ...] = page.result.projects
    for pi, (p, calc) in enumerate(zip(record_projects, calcs, strict=True)):
        results = calc.lights if monitoring else calc.indicators
        rows = [
            {"ii": ii, "row": r, "calc": c}
            for ii, (r, c) in enumerate(zip(p.indicators, results, strict=True))
        ]
        projects.append(
            {"pi": pi, "project": p, "calc": calc, "rows": rows, "funds": list(enumerate(p.funds))}
        )
    needs = {(f.subject.project, f.subject.indicator) for f in page.findings if f.severity != "info"}
    return {
        "page": page,
        "row": page.row,
        "record": page.record,
        "document_id": document_id,
        "monitoring": monitoring,
        "projects": projects,
        "findings": page.findings,
        "flagged": needs,
        "editable": editable,
        "alerts": pages.LIGHT_LABELS,
        "likelihoods": pages.LIKELIHOODS,
        "formats": FORMATS,
        "kind_label": yearly.KIND_LABELS[page.row.kind],
    }


@require_POST
@page_view
def start(request: HttpRequest, actor: Actor, document_id: int) -> HttpResponse:
    """Start the monitoring of 1–m月 or the self-evaluation of an approved document."""
    kind = request.POST.get("kind", "")
    if kind == "monitoring":
        view = yearly.start_monitoring(actor, document_id, int_field(request, "month"))
    elif kind == "self_evaluation":
        view = yearly.start_self_evaluation(actor, document_id)
    else:
        raise ValidationFailed("请选择开始绩效监控或绩效自评。", {"field": "kind"})
    messages.success(request, f"已开始{yearly.KIND_LABELS[view.row.kind]}，批复的绩效目标已锁定带入。")
    return HttpResponseRedirect(reverse("tracking", args=[document_id, view.row.id]))


@require_GET
@page_view
def tracking(request: HttpRequest, actor: Actor, document_id: int, tracking_id: int) -> HttpResponse:
    """The monitoring report or self-evaluation with its lights or scores."""
    doc = targets.get_document(actor, document_id)
    page = pages.tracking_page(actor, document_id, tracking_id)
    context = _context(page, document_id, "document:track" in doc.allowed)
    context["doc_row"] = doc.row
    return render(request, "jixiao/tracking.html", context)


@require_POST
@page_view
def preview(request: HttpRequest, actor: Actor, document_id: int, tracking_id: int) -> HttpResponse:
    """Lights or scores and findings of what is typed, not saved (out-of-band fragments for htmx)."""
    page = pages.tracking_page(actor, document_id, tracking_id, _fields(request))
    return render(request, "jixiao/tracking.html#computed", _context(page, document_id, True))


@require_POST
@page_view
def save(request: HttpRequest, actor: Actor, document_id: int, tracking_id: int) -> HttpResponse:
    """Save what is typed with the version read."""
    version = int_field(request, "expected_version")
    page = pages.save_tracking_fields(actor, document_id, tracking_id, version, _fields(request))
    messages.success(request, f"已保存{yearly.KIND_LABELS[page.row.kind]}（版本 {page.row.version}）。")
    url = reverse("tracking", args=[document_id, tracking_id])
    return HttpResponseClientRedirect(url) if is_htmx(request) else HttpResponseRedirect(url)


@require_GET
@page_view
def download(
    request: HttpRequest, actor: Actor, document_id: int, tracking_id: int, fmt: str
) -> HttpResponse:
    """The official 监控表 or 自评表 as an attachment."""
    data, name, content_type = pages.export_tracking(actor, document_id, tracking_id, fmt)
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
