"""The acting account: its profile and its API tokens."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Status

from jixiao.service import accounts, profiles
from jixiao.web.api.auth import actor
from jixiao.web.api.schemas import Error, ProfileInfoOut, ProfileOut, TokenIn, TokenOut

router = Router(tags=["账号"])
ERRORS: dict[int, type[Error]] = {400: Error, 401: Error, 403: Error, 422: Error}


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
