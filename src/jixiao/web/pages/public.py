"""The public pages: published documents with search by unit, year, project name and indicator text."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from jixiao.service import pages, targets
from jixiao.service.actor import Actor
from jixiao.service.errors import NotFound
from jixiao.web.htmx import page_view, render_page
from jixiao.web.pages.documents import FORMATS


@require_GET
@page_view
def public_list(request: HttpRequest, actor: Actor) -> HttpResponse:
    """Published documents, searched as the visitor types (htmx swaps the result list)."""
    unit = request.GET.get("unit", "")[:60]
    year_text = request.GET.get("year", "").strip()
    text = request.GET.get("q", "")[:60]
    year = int(year_text) if year_text.isdigit() else None
    hits = pages.search_published(actor, unit, year, text)
    return render_page(
        request,
        "jixiao/public_list.html",
        {"hits": hits, "unit": unit, "year": year_text, "q": text},
        partial="results",
    )


@require_GET
@page_view
def public_document(request: HttpRequest, actor: Actor, document_id: int) -> HttpResponse:
    """One published document in the official layout, with its downloads."""
    view = targets.get_document(actor, document_id)
    if view.row.status != "published":
        raise NotFound("没有找到该公开文本。", {"document_id": document_id})
    return render_page(
        request,
        "jixiao/public_document.html",
        {
            "row": view.row,
            "doc": view.document,
            "tables": mark_safe(pages.official_tables(view.document)),  # the exporter escapes every text
            "formats": FORMATS,
        },
    )
