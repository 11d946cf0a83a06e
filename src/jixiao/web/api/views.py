"""The pages' view-models as JSON (WEB.md P10): the same service calls as the pages, for scripts.

- ``GET /api/overview``: the documents one works on (a drafter's unit, a reviewer's region) with their findings
  counts and suggested grade — the drafter's home and the reviewer's queue.
- ``GET /api/values/read?text=``: how a typed 指标值 is read — the editor's reading as one types.
- ``GET /api/public/search``: published documents by unit, year, project name or indicator text — the public list.
"""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Query, Router, Schema

from jixiao.service import pages
from jixiao.web.api.auth import actor
from jixiao.web.api.documents import document_out
from jixiao.web.api.schemas import DocumentOut, Error

router = Router(tags=["页面数据"])
ERRORS: dict[int, type[Error]] = {400: Error, 401: Error, 403: Error, 422: Error}


class SummaryOut(Schema):
    """A document with its findings per severity and the suggested grade."""

    document: DocumentOut
    counts: dict[str, int]
    suggested_grade: str
    status_label: str


class OverviewFilter(Schema):
    """Filters of the overview."""

    year: int | None = None
    status: str | None = None


class ReadingOut(Schema):
    """A 指标值 as jixiao reads it; the number as a string."""

    raw: str
    canonical: str
    kind: str
    operator: str
    number: str
    unit: str
    doubts: list[str]


class SearchFilter(Schema):
    """Search of published documents."""

    unit: str = ""
    year: int | None = None
    q: str = ""


class HitOut(Schema):
    """A published document found, with the places the text was found."""

    document: DocumentOut
    found: list[str]


@router.get("/overview", response={200: list[SummaryOut], **ERRORS}, url_name="overview")
def overview(request: HttpRequest, filters: Query[OverviewFilter]) -> list[SummaryOut]:
    """我的绩效文本（编制人）或本区划的绩效文本（审核人），附审核发现数与建议审核结论。"""
    items = pages.my_documents(actor(request), filters.year, filters.status)
    return [
        SummaryOut(
            document=document_out(s.row),
            counts=s.counts,
            suggested_grade=s.grade,
            status_label=s.status_label,
        )
        for s in items
    ]


@router.get("/values/read", response={200: ReadingOut, **ERRORS}, url_name="read_value")
def read_value(request: HttpRequest, text: str = "") -> ReadingOut:
    """指标值的解读：运算符、数值、单位与存疑之处。"""
    r = pages.read_value(text[:200])
    return ReadingOut(
        raw=r.raw,
        canonical=r.canonical,
        kind=r.kind,
        operator=r.operator,
        number=r.number,
        unit=r.unit,
        doubts=list(r.doubts),
    )


@router.get("/public/search", response={200: list[HitOut], **ERRORS}, url_name="public_search")
def public_search(request: HttpRequest, filters: Query[SearchFilter]) -> list[HitOut]:
    """检索已公开的绩效文本：单位、年度、项目名称或指标。"""
    hits = pages.search_published(actor(request), filters.unit[:60], filters.year, filters.q[:60])
    return [HitOut(document=document_out(row), found=where) for row, where in hits]
