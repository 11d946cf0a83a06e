"""Documents: list, read, import by upload, update, findings, export, history, diff, workflow, comments.

Each operation parses its input, calls one service function and returns the service's result as a schema.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from django.http import HttpRequest, HttpResponse
from ninja import Field, File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile

from jixiao.model.serialize import document_to_dict
from jixiao.service import imports, review, targets, workflow
from jixiao.service.audit_actions import AUDIT_ACTIONS
from jixiao.service.errors import ConfirmationRequired, ValidationFailed
from jixiao.service.imports import ReadingWarning
from jixiao.service.targets import DocumentView
from jixiao.service.types import AuditRow, CommentRow, DocumentFilter, DocumentRow, VersionRow
from jixiao.web.api.auth import actor
from jixiao.web.api.schemas import (
    AdjustIn,
    ApproveIn,
    AuditOut,
    ChangeOut,
    CommentIn,
    CommentOut,
    DocumentDetailOut,
    DocumentListOut,
    DocumentOut,
    Error,
    FindingOut,
    FindingsOut,
    ImportWarningOut,
    ProjectSummary,
    ReturnIn,
    StatusName,
    UpdateIn,
    VersionIn,
    VersionOut,
)

router = Router(tags=["绩效文本"])
ERRORS: dict[int, type[Error]] = {400: Error, 401: Error, 403: Error, 404: Error, 409: Error, 422: Error}
ExportFormat = Literal["txt", "json", "docx", "xlsx", "html", "pdf"]
ProfileName = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,49}$")]


def document_out(row: DocumentRow) -> DocumentOut:
    """The header schema of a stored document."""
    return DocumentOut(
        id=row.id,
        unit_code=row.unit_code,
        unit_name=row.unit_name,
        region_code=row.region_code,
        fiscal_year=row.fiscal_year,
        title=row.title,
        status=row.status,  # type: ignore[arg-type]
        version=row.version,
        grade=row.grade,
        approved_version=row.approved_version,
        locked=row.locked_at is not None,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def detail_out(view: DocumentView) -> DocumentDetailOut:
    """The full schema of a document as the reader sees it."""
    content = document_to_dict(view.document)
    return DocumentDetailOut(
        document=document_out(view.row),
        allowed=list(view.allowed),
        projects=[
            ProjectSummary(
                code=p["code"],
                name=p["name"],
                budget_total=p["budget_total"],
                budget_fiscal=p["budget_fiscal"],
                budget_other=p["budget_other"],
                money_unit=p["money_unit"],
                indicators=len(p["indicators"]),
            )
            for p in content["projects"]
        ],
        content=content,
    )


class ListFilters(Schema):
    """Filters of the document list."""

    unit: str | None = None
    region: str | None = None
    year: int | None = None
    status: StatusName | None = None
    limit: int = 50
    offset: int = 0


@router.get("", response={200: DocumentListOut, **ERRORS}, url_name="list_documents")
def list_documents(request: HttpRequest, filters: Query[ListFilters]) -> DocumentListOut:
    """列出可见的绩效文本，可按单位、区划、年度、状态筛选。"""
    if not (1 <= filters.limit <= 500) or filters.offset < 0:
        raise ValidationFailed("limit 应在 1–500 之间，offset 不能为负。", {"limit": filters.limit})
    page = targets.list_documents(
        actor(request),
        DocumentFilter(filters.unit, filters.region, filters.year, filters.status),
        filters.limit,
        filters.offset,
    )
    return DocumentListOut(items=[document_out(r) for r in page.items], total=page.total)


@router.post("", response={201: DocumentDetailOut, **ERRORS}, url_name="import_document")
def import_document(
    request: HttpRequest,
    file: File[UploadedFile],
    unit_code: Form[str | None] = None,
    confirm_lost: Form[bool] = False,
) -> Status[DocumentDetailOut]:
    """上传文件（.txt .json .docx .xlsx .pdf）导入为本单位的草案。

    文件中有像是绩效指标的行却没有读出任何指标时，不保存并返回 422（code 为 confirmation_required，details.lost
    列出没有读入的内容及位置）；确认仍要导入时加上 confirm_lost=true。没有读入的内容随文本保存，见
    GET /api/documents/{id}/findings 的 import_warnings。
    """
    who = actor(request)
    unit = unit_code or who.unit_code
    if not unit:
        raise ValidationFailed("请指定单位代码 unit_code。", {"field": "unit_code"})
    data = file.read()
    try:
        view = targets.import_document(who, unit, data, file.name or "upload", confirm_lost=confirm_lost)
    except ConfirmationRequired as exc:
        how = f"确认仍要导入时，请在请求中加上 {exc.details.get('confirm', 'confirm_lost')}=true 后重新提交。"
        raise ConfirmationRequired(f"{exc.message}{how}", exc.details) from None
    return Status(201, detail_out(view))


@router.get("/{int:document_id}", response={200: DocumentDetailOut, **ERRORS}, url_name="get_document")
def get_document(request: HttpRequest, document_id: int) -> DocumentDetailOut:
    """读取一份绩效文本：状态、可执行的操作、项目与完整内容。"""
    return detail_out(targets.get_document(actor(request), document_id))


@router.put("/{int:document_id}", response={200: DocumentDetailOut, **ERRORS}, url_name="update_document")
def update_document(request: HttpRequest, document_id: int, body: UpdateIn) -> DocumentDetailOut:
    """保存修改：须带上读取时的版本号；版本已变则返回 409，不覆盖他人的修改。"""
    doc = targets.parse_document(body.content)
    view = targets.update_document(actor(request), document_id, body.expected_version, doc, body.reason)
    return detail_out(view)


@router.get(
    "/{int:document_id}/findings", response={200: FindingsOut, **ERRORS}, url_name="document_findings"
)
def document_findings(
    request: HttpRequest, document_id: int, profile: ProfileName = "default"
) -> FindingsOut:
    """按审核规则检查当前内容：发现的问题与建议审核结论（profile：自带或管理后台中的审核配置）。"""
    who = actor(request)
    report = targets.check(who, document_id, profile)
    return FindingsOut(
        profile=report.profile,
        counts=report.counts,
        grade=report.grade.label if report.grade else None,
        grade_reasons=list(report.grade.reasons) if report.grade else [],
        findings=[
            FindingOut(
                code=f.code,
                severity=f.severity,
                message=f.message,
                suggestion=f.suggestion,
                subject=f.subject.path or None,
                project=f.subject.project,
                row=f.subject.indicator,
                field=f.subject.field,
            )
            for f in report.findings
        ],
        import_warnings=[_import_warning_out(w) for w in imports.kept_warnings(who, document_id)],
    )


def _import_warning_out(w: ReadingWarning) -> ImportWarningOut:
    f, src = w.finding, w.finding.source
    return ImportWarningOut(
        code=f.code,
        severity=f.severity,
        title=w.title,
        message=f.message,
        suggestion=f.suggestion,
        where=w.where,
        version=w.version,
        file=src.file,
        page=src.page,
        line=src.line,
        table=src.table,
        row=src.row,
        column=src.column,
        cell=src.cell,
    )


@router.get("/{int:document_id}/export/{fmt}", response={200: None, **ERRORS}, url_name="export_document")
def export_document(
    request: HttpRequest, document_id: int, fmt: ExportFormat, version: int | None = None
) -> HttpResponse:
    """导出为 txt、json、docx、xlsx、html 或 pdf（可指定历史版本）。"""
    data, name, content_type = targets.export(actor(request), document_id, fmt, version)
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@router.get(
    "/{int:document_id}/versions", response={200: list[VersionOut], **ERRORS}, url_name="document_versions"
)
def document_versions(request: HttpRequest, document_id: int) -> list[VersionOut]:
    """历次保存的版本。"""
    return [_version_out(v) for v in targets.history(actor(request), document_id)]


def _version_out(v: VersionRow) -> VersionOut:
    return VersionOut(
        number=v.number,
        status=v.status,  # type: ignore[arg-type]
        action=v.action,
        checksum=v.checksum,
        reason=v.reason,
        created_by=v.created_by,
        created_at=v.created_at,
        is_current=v.is_current,
    )


@router.get(
    "/{int:document_id}/versions/{int:number}",
    response={200: dict[str, Any], **ERRORS},
    url_name="document_version",
)
def document_version(request: HttpRequest, document_id: int, number: int) -> dict[str, Any]:
    """某一历史版本的完整内容（JSON 格式）。"""
    return document_to_dict(targets.version_document(actor(request), document_id, number))


@router.get("/{int:document_id}/diff", response={200: list[ChangeOut], **ERRORS}, url_name="document_diff")
def document_diff(request: HttpRequest, document_id: int, old: int, new: int) -> list[ChangeOut]:
    """两个版本之间的差异。"""
    changes = targets.diff(actor(request), document_id, old, new)
    return [ChangeOut(path=c.path, kind=c.kind, old=c.old, new=c.new) for c in changes]  # type: ignore[arg-type]


@router.get("/{int:document_id}/audit", response={200: list[AuditOut], **ERRORS}, url_name="document_audit")
def document_audit(request: HttpRequest, document_id: int) -> list[AuditOut]:
    """该绩效文本的审计记录：谁、何时、做了什么。"""
    return [_audit_out(e) for e in review.audit_trail(actor(request), document_id)]


def _audit_out(e: AuditRow) -> AuditOut:
    return AuditOut(
        id=e.id,
        at=e.at,
        actor=e.actor,
        actor_role=e.actor_role,
        actor_scope=e.actor_scope,
        action=e.action,
        action_label=AUDIT_ACTIONS.get(e.action, e.action),
        subject_type=e.subject_type,
        subject_id=e.subject_id,
        version_before=e.version_before,
        version_after=e.version_after,
        data=e.data,
        request_id=e.request_id,
    )


@router.post(
    "/{int:document_id}/submit", response={200: DocumentDetailOut, **ERRORS}, url_name="submit_document"
)
def submit_document(request: HttpRequest, document_id: int, body: VersionIn) -> DocumentDetailOut:
    """送审。"""
    return detail_out(workflow.submit(actor(request), document_id, body.expected_version))


@router.post(
    "/{int:document_id}/return", response={200: DocumentDetailOut, **ERRORS}, url_name="return_document"
)
def return_document(request: HttpRequest, document_id: int, body: ReturnIn) -> DocumentDetailOut:
    """退回修改，附原因与逐条审核意见。"""
    comments = [(c.path, c.text) for c in body.comments]
    view = workflow.return_for_revision(
        actor(request), document_id, body.expected_version, body.reason, comments
    )
    return detail_out(view)


@router.post(
    "/{int:document_id}/approve", response={200: DocumentDetailOut, **ERRORS}, url_name="approve_document"
)
def approve_document(request: HttpRequest, document_id: int, body: ApproveIn) -> DocumentDetailOut:
    """审核通过并给出审核结果（优/良/中/差）；绩效目标随之锁定。"""
    view = workflow.approve(actor(request), document_id, body.expected_version, body.grade, body.reason)
    return detail_out(view)


@router.post(
    "/{int:document_id}/publish", response={200: DocumentDetailOut, **ERRORS}, url_name="publish_document"
)
def publish_document(request: HttpRequest, document_id: int, body: VersionIn) -> DocumentDetailOut:
    """公开已审核通过的绩效文本。"""
    return detail_out(workflow.publish(actor(request), document_id, body.expected_version))


@router.post(
    "/{int:document_id}/adjust", response={200: DocumentDetailOut, **ERRORS}, url_name="adjust_document"
)
def adjust_document(request: HttpRequest, document_id: int, body: AdjustIn) -> DocumentDetailOut:
    """调整已批准的绩效目标：生成新的草案，须说明理由，并重新审核。"""
    return detail_out(workflow.adjust(actor(request), document_id, body.expected_version, body.reason))


@router.get(
    "/{int:document_id}/comments", response={200: list[CommentOut], **ERRORS}, url_name="list_comments"
)
def list_comments(request: HttpRequest, document_id: int) -> list[CommentOut]:
    """审核意见。"""
    return [_comment_out(c) for c in review.comments(actor(request), document_id)]


@router.post("/{int:document_id}/comments", response={201: CommentOut, **ERRORS}, url_name="add_comment")
def add_comment(request: HttpRequest, document_id: int, body: CommentIn) -> Status[CommentOut]:
    """添加审核意见（针对整份文本、某个项目或某条指标）。"""
    return Status(201, _comment_out(review.add_comment(actor(request), document_id, body.path, body.text)))


def _comment_out(c: CommentRow) -> CommentOut:
    return CommentOut(
        id=c.id, version=c.version, path=c.path, text=c.text, author=c.author, created_at=c.created_at
    )
