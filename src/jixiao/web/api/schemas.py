"""Schemas of the JSON API: mirrors of the service's view-models. Money travels as patterned strings."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from ninja import Field, Schema

MONEY_PATTERN = r"^-?[0-9]+(\.[0-9]+)?$"
Money = Annotated[str, Field(pattern=MONEY_PATTERN, examples=["13.00"])]
StatusName = Literal["draft", "submitted", "returned", "approved", "published"]
GradeName = Literal["优", "良", "中", "差"]


class Error(Schema):
    """Every 4xx and 5xx answer: a stable code, a Chinese message and details for programs."""

    code: str
    message: str
    details: dict[str, Any]


class DocumentOut(Schema):
    """A document's header."""

    id: int
    unit_code: str
    unit_name: str
    region_code: str
    fiscal_year: int | None
    title: str
    status: StatusName
    version: int
    grade: str
    approved_version: int | None
    locked: bool
    created_at: datetime
    updated_at: datetime


class DocumentListOut(Schema):
    """One page of documents and how many match in all."""

    items: list[DocumentOut]
    total: int


class ProjectSummary(Schema):
    """A project of the document at a glance."""

    code: str
    name: str
    budget_total: Money | None
    budget_fiscal: Money | None
    budget_other: Money | None
    money_unit: str
    indicators: int


class DocumentDetailOut(Schema):
    """A document: header, what the reader may do now, its projects, and its content in the JSON form."""

    document: DocumentOut
    allowed: list[str]
    projects: list[ProjectSummary]
    content: dict[str, Any] = Field(
        description="the versioned JSON form (docs/schema/performance-document.schema.json)"
    )


class UpdateIn(Schema):
    """New content, with the version it was read at."""

    expected_version: int = Field(ge=1)
    content: dict[str, Any]
    reason: str = Field("", max_length=2000)


class VersionIn(Schema):
    """The version a workflow action was decided on."""

    expected_version: int = Field(ge=1)


class CommentIn(Schema):
    """A comment on the document (empty path), a project (``projects[0]``) or an indicator."""

    path: str = Field("", max_length=200, pattern=r"^(projects\[[0-9]+\](\.indicators\[[0-9]+\])?)?$")
    text: str = Field(min_length=1, max_length=5000)


class ReturnIn(VersionIn):
    """退回修改: a reason and comments."""

    reason: str = Field("", max_length=2000)
    comments: list[CommentIn] = Field(default_factory=list, max_length=500)


class ApproveIn(VersionIn):
    """审核通过 with a grade."""

    grade: GradeName
    reason: str = Field("", max_length=2000)


class AdjustIn(VersionIn):
    """调整 after approval, with its reason."""

    reason: str = Field(min_length=1, max_length=2000)


class CommentOut(Schema):
    """A review comment."""

    id: int
    version: int
    path: str
    text: str
    author: str
    created_at: datetime


class VersionOut(Schema):
    """A saved state of a document."""

    number: int
    status: StatusName
    action: str
    checksum: str
    reason: str
    created_by: str | None
    created_at: datetime
    is_current: bool


class ChangeOut(Schema):
    """One changed value between two versions."""

    path: str
    kind: Literal["added", "removed", "changed"]
    old: Any
    new: Any


class AuditOut(Schema):
    """An audit entry."""

    id: int
    at: datetime
    actor: str | None
    actor_role: str
    actor_scope: str
    action: str
    action_label: str
    subject_type: str
    subject_id: str
    version_before: int | None
    version_after: int | None
    data: dict[str, Any]
    request_id: str


class FindingOut(Schema):
    """A finding of the checker."""

    code: str
    severity: Literal["error", "warning", "info"]
    message: str
    suggestion: str | None
    subject: str | None
    project: int | None
    row: int | None
    field: str | None


class ImportWarningOut(Schema):
    """Content reading the imported file could not place (P13, P12, P07 …): what, and where in the file."""

    code: str
    severity: Literal["error", "warning", "info"]
    title: str
    message: str
    suggestion: str | None
    where: str = Field(description="the place in Chinese: page, line, table, row, column and the cell's text")
    version: int | None = Field(description="the version the warning was kept with (the imported one)")
    file: str | None
    page: int | None
    line: int | None
    table: int | None
    row: int | None
    column: int | None
    cell: str | None


class FindingsOut(Schema):
    """The check of a document: counts, the suggested grade and every finding; and, apart, what the import of
    its file could not read (not counted in ``counts``)."""

    profile: str
    counts: dict[str, int]
    grade: str | None
    grade_reasons: list[str]
    findings: list[FindingOut]
    import_warnings: list[ImportWarningOut] = Field(
        default_factory=list,
        description="warnings about content not read when the document was imported, most serious first",
    )


class ProfileOut(Schema):
    """The acting account."""

    username: str
    display_name: str
    role: str
    unit_code: str | None
    region_code: str | None


class TokenIn(Schema):
    """A name for a new API token."""

    name: str = Field(min_length=1, max_length=100)


class TokenOut(Schema):
    """A new API token: shown once, never again."""

    token: str


class ProfileInfoOut(Schema):
    """A check profile one can name in ``?profile=``."""

    name: str
    shipped: bool
    title: str


class TokenInfoOut(Schema):
    """One of one's API tokens: never the token itself, only its first characters."""

    id: int
    name: str
    prefix: str
    created_at: datetime
