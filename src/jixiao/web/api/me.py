"""The acting account: its profile and its API tokens."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Status

from jixiao.service import accounts, profiles
from jixiao.web.api.auth import actor
from jixiao.web.api.schemas import Error, ProfileInfoOut, ProfileOut, TokenIn, TokenInfoOut, TokenOut

router = Router(tags=["账号"])
ERRORS: dict[int, type[Error]] = {400: Error, 401: Error, 403: Error, 404: Error, 422: Error}


@router.get("", response={200: ProfileOut, **ERRORS}, url_name="my_profile")
def my_profile(request: HttpRequest) -> ProfileOut:
    """当前账号的信息：角色与范围。"""
    p = accounts.profile(actor(request))
    return ProfileOut(
        username=p.username,
        display_name=p.display_name,
        role=p.role,
        unit_code=p.unit_code,
        region_code=p.region_code,
    )


@router.get("/profiles", response={200: list[ProfileInfoOut], **ERRORS}, url_name="list_profiles")
def list_profiles(request: HttpRequest) -> list[ProfileInfoOut]:
    """可选用的审核配置：jixiao 自带的，与管理后台中设置的。"""
    return [ProfileInfoOut(name=p.name, shipped=p.shipped, title=p.title) for p in profiles.available()]


@router.post("/tokens", response={201: TokenOut, **ERRORS}, url_name="create_token")
def create_token(request: HttpRequest, body: TokenIn) -> Status[TokenOut]:
    """为当前账号创建 API 令牌（只显示一次）。"""
    return Status(201, TokenOut(token=accounts.create_token(actor(request), body.name)))


@router.get("/tokens", response={200: list[TokenInfoOut], **ERRORS}, url_name="list_tokens")
def list_tokens(request: HttpRequest) -> list[TokenInfoOut]:
    """当前账号的 API 令牌（只显示前几位）。"""
    return [
        TokenInfoOut(id=t.id, name=t.name, prefix=t.prefix, created_at=t.created_at)
        for t in accounts.list_tokens(actor(request))
    ]


@router.delete("/tokens/{int:token_id}", response={204: None, **ERRORS}, url_name="revoke_token")
def revoke_token(request: HttpRequest, token_id: int) -> Status[None]:
    """撤销当前账号的一个 API 令牌，立即生效。"""
    accounts.revoke_token(actor(request), token_id)
    return Status(204, None)
