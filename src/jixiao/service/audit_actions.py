"""Every audit action code with its Chinese text; writing an unregistered code is a bug (WEB.md P6)."""

from __future__ import annotations

AUDIT_ACTIONS: dict[str, str] = {
    "jixiao.document.imported": "导入绩效文本",
    "jixiao.document.edited": "修改绩效文本",
    "jixiao.document.submitted": "送审",
    "jixiao.document.returned": "退回修改",
    "jixiao.document.approved": "审核通过",
    "jixiao.document.published": "公开",
    "jixiao.document.adjusted": "开始调整",
    "jixiao.comment.added": "添加审核意见",
    "jixiao.tracking.started": "开始监控或自评",
    "jixiao.tracking.saved": "保存监控或自评",
    "jixiao.user.created": "创建账号",
    "jixiao.token.created": "创建 API 令牌",
    "jixiao.token.revoked": "撤销 API 令牌",
    "jixiao.region.created": "创建财政区划",
    "jixiao.unit.created": "创建单位",
    "jixiao.admin.saved": "在管理后台保存",
    "jixiao.admin.deleted": "在管理后台删除",
}

WORKFLOW_AUDIT: dict[str, str] = {
    "submit": "jixiao.document.submitted",
    "return": "jixiao.document.returned",
    "approve": "jixiao.document.approved",
    "publish": "jixiao.document.published",
    "adjust": "jixiao.document.adjusted",
}


def label(action: str) -> str:
    """The Chinese text of an action code; raises KeyError for an unregistered code."""
    return AUDIT_ACTIONS[action]
