"""The whole story in a real browser (Debian's chromium through Playwright) against Django's live server.

A drafter imports the example, fixes two findings in the editor and submits; a reviewer comments on one
indicator and returns it; the drafter fixes it and resubmits; the reviewer approves and publishes; the public
search finds it. Each step is checked on the page. Every request to a host other than the live server is
blocked and recorded, and the test fails if there was any. Screenshots of the main pages go to
``docs/screenshots/`` with ``make screenshots`` (a scratch folder otherwise).
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Route, expect, sync_playwright

from jixiao.service import accounts
from jixiao.service.actor import SYSTEM

# Playwright's sync API runs an event loop in this thread; the test's own database set-up is synchronous
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "julu-zonggonghui-2024-draft.txt"
SHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
# without the networking flags Chromium floods a closed network with refused connections (SETUP-NOTES)
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
]
PASSWORD = "浏览器测试-correct-horse"
LOCAL = {"localhost", "127.0.0.1", "[::1]", "::1"}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's chromium, headless."""
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def world(transactional_db: None) -> Iterator[None]:
    """巨鹿县, its trade union, a drafter and a reviewer; afterwards the audit rows are cleared for the flush."""
    accounts.create_unit(SYSTEM, "711001", "巨鹿县总工会", "130529", region_name="巨鹿县")
    accounts.create_user(SYSTEM, "drafter", PASSWORD, "drafter", "711001", None)
    accounts.create_user(SYSTEM, "reviewer", PASSWORD, "reviewer", None, "130529")
    yield
    _clear_audit()


def _clear_audit() -> None:
    """Empty the append-only audit table (its triggers lifted and put back), so the live server's flush works."""
    import importlib

    from django.db import connection

    triggers = importlib.import_module("jixiao.store.migrations.0002_audit_append_only")
    vendor = connection.vendor
    drop = {"sqlite": triggers.SQLITE_REVERSE, "postgresql": triggers.POSTGRESQL_REVERSE}[vendor]
    create = {"sqlite": triggers.SQLITE, "postgresql": triggers.POSTGRESQL}[vendor]
    with connection.cursor() as cursor:
        for sql in [*drop, "DELETE FROM store_auditentry", *create]:
            cursor.execute(sql)


class Outside:
    """Requests to hosts other than jixiao's, blocked and remembered; and the console's errors (CSP refusals)."""

    def __init__(self) -> None:
        self.seen: list[str] = []
        self.errors: list[str] = []

    def __call__(self, route: Route) -> None:
        host = urlsplit(route.request.url).hostname or ""
        if host in LOCAL or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.seen.append(route.request.url)
            route.abort()


@pytest.fixture
def page(browser: Browser, live_server: Any, world: None) -> Iterator[tuple[Page, Outside, str]]:
    """A page of a fresh browser context, every non-local request blocked; confirm dialogs accepted."""
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="zh-CN")
    outside = Outside()
    context.route("**/*", outside)
    p = context.new_page()
    p.on("dialog", lambda d: d.accept())
    p.on("console", lambda m: outside.errors.append(m.text) if m.type == "error" else None)
    p.on("pageerror", lambda e: outside.errors.append(str(e)))
    p.set_default_timeout(15_000)
    yield p, outside, str(live_server.url)
    context.close()


def shot(page: Page, name: str) -> None:
    """Save a screenshot of the page: into docs/screenshots/ for the README with JIXIAO_SCREENSHOTS=1
    (``make screenshots``), else into a scratch folder, so ``make test`` leaves the work tree as it was."""
    folder = (
        SHOTS if os.environ.get("JIXIAO_SCREENSHOTS") == "1" else Path(tempfile.gettempdir()) / "jixiao-shots"
    )
    folder.mkdir(parents=True, exist_ok=True)
    data = page.screenshot(path=str(folder / name), full_page=False)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"


def login(page: Page, base: str, username: str) -> None:
    """Log in through the login page."""
    page.goto(f"{base}/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    expect(page.locator(".account-menu summary")).to_contain_text(username)


def logout(page: Page) -> None:
    """Log out through the account menu."""
    page.locator(".account-menu summary").click()
    page.get_by_role("button", name="退出登录").click()
    expect(page.get_by_role("link", name="登录")).to_be_visible()


def count(page: Page, severity: str) -> int:
    """The findings panel's count of one severity."""
    return int(page.locator(f"#count-{severity}").inner_text())


def test_the_whole_story(page: tuple[Page, Outside, str]) -> None:
    p, outside, base = page

    # 1. the drafter imports the example: preview with findings, then save
    login(p, base, "drafter")
    expect(p.get_by_role("heading", name="我的绩效文本")).to_be_visible()
    p.get_by_role("link", name="新建绩效文本").click()
    p.set_input_files("#id_file", str(EXAMPLE))
    p.get_by_role("button", name="预览").click()
    expect(p.locator("#preview")).to_contain_text("6 个项目")
    p.get_by_role("button", name="保存为草案").click()
    expect(p.locator("#messages")).to_contain_text("已导入")
    p.wait_for_load_state("load")  # htmx ready before the editor is typed into
    editor_url = p.url
    warnings = count(p, "warning")

    # 2. fix two findings: type an operator and a unit into a value (its reading and findings change as
    #    one types), save it with Enter; then one click on a safe fix
    row = p.locator("#p0-i0")
    expect(row.locator(".reading")).to_contain_text("V05")
    value = row.locator("input[name=value]")
    value.fill("≥242 人")
    expect(p.locator("#reading-p0-i0")).to_contain_text("≥242 人")
    expect(p.locator("#reading-p0-i0")).not_to_contain_text("V05")
    value.press("Enter")
    expect(p.locator("#p0-i0.saved")).to_be_visible()
    expect(p.locator("#count-warning")).not_to_have_text(str(warnings))
    assert count(p, "warning") < warnings
    p.locator("#project-0 h3").scroll_into_view_if_needed()
    # scroll at once (a wheel scroll is smooth, and a shot taken mid-way shows a blank band)
    p.evaluate("window.scrollBy({top: 300, behavior: 'instant'})")
    p.evaluate("new Promise(requestAnimationFrame)")
    shot(p, "editor.png")
    f02 = p.locator("li.finding[data-code=F02]").first
    f02.get_by_role("button", name="一键修正").click()
    expect(p.locator("#messages")).to_contain_text("已一键修正 F02")
    p.get_by_role("button", name="送审").click()
    expect(p.locator("#messages")).to_contain_text("已送审")
    expect(p.locator(".page-head .status")).to_have_text("送审")
    p.goto(f"{base}/")
    expect(p.locator("table.list")).to_contain_text("送审")
    shot(p, "drafter-home.png")
    logout(p)

    # 3. the reviewer comments on one indicator and returns the document
    login(p, base, "reviewer")
    expect(p.get_by_role("heading", name="审核队列")).to_be_visible()
    p.get_by_role("link", name="审核", exact=True).first.click()
    expect(p.locator("article.document table.project").first).to_be_visible()
    expect(p.locator("article.document .mark").first).to_be_visible()
    p.locator("article.document section.project").first.scroll_into_view_if_needed()
    shot(p, "review.png")
    p.select_option("#comment-path", "projects[0].indicators[1]")
    p.fill("#comment-text", "质量指标“工会费上缴率”请写明运算符，如 ≥100%。")
    p.get_by_role("button", name="添加意见").click()
    expect(p.locator("#messages")).to_contain_text("已添加审核意见")
    p.fill("#return-reason", "请按审核意见修改后重新送审。")
    p.get_by_role("button", name="退回修改").click()
    expect(p.locator("#messages")).to_contain_text("已退回")
    logout(p)

    # 4. the drafter sees the comment at the indicator, fixes it and resubmits
    login(p, base, "drafter")
    expect(p.locator("table.list")).to_contain_text("退回")
    p.goto(editor_url)
    row = p.locator("#p0-i1")
    expect(row.locator(".comment")).to_contain_text("请写明运算符")
    row.locator("input[name=value]").fill("≥100%")
    row.get_by_role("button", name="保存").click()
    expect(p.locator("#p0-i1.saved")).to_be_visible()
    expect(p.locator("#p0-i1 input[name=value]")).to_have_value("≥100%")
    p.get_by_role("button", name="送审").click()
    expect(p.locator("#messages")).to_contain_text("已送审")
    logout(p)

    # 5. the reviewer sees what changed since the last submission, approves and publishes
    login(p, base, "reviewer")
    p.get_by_role("link", name="审核", exact=True).first.click()
    expect(p.locator("#diff")).to_contain_text("≥100%")
    p.select_option("#grade", "良")
    p.get_by_role("button", name="审核通过").click()
    expect(p.locator("#messages")).to_contain_text("已审核通过")
    p.locator("#publish-form").get_by_role("button", name="公开").click()
    expect(p.locator("#messages")).to_contain_text("已公开")
    logout(p)

    # 6. the public finds it by a project's name, as they type, and reads it
    p.goto(f"{base}/public/")
    p.get_by_label("项目名称或指标").fill("困难职工")
    expect(p.locator("#results")).to_contain_text("巨鹿县总工会")
    expect(p.locator("#results")).to_contain_text("困难职工")
    p.get_by_label("项目名称或指标").fill("没有这样的项目")
    expect(p.locator("#results")).to_contain_text("没有找到")
    p.get_by_label("项目名称或指标").fill("困难职工")
    p.locator("#results h2 a").first.click()
    expect(p.locator("article.document")).to_contain_text("巨鹿县总工会")
    expect(p.locator("article.document")).to_contain_text("≥242 人")
    shot(p, "public.png")

    # 7. after the year, the drafter evaluates: scores and the findings computed as the actuals are typed
    login(p, base, "drafter")
    p.goto(editor_url)
    p.get_by_role("button", name="开始绩效自评").click()
    expect(p.locator("#messages")).to_contain_text("已开始绩效自评")
    # the click's navigation may still be loading htmx: typing before it is ready would send nothing
    p.wait_for_load_state("load")
    p.get_by_label("年度资金总额执行数").first.fill("6.5")
    expect(p.locator("#tracking-findings")).to_contain_text("E03")
    p.locator("input[name=p0-i0-actual]").fill("200 人")
    expect(p.locator("#calc-p0-i0")).to_contain_text("200")
    p.locator("textarea[name=p0-exec-reason]").fill("下半年辅警人数调整，工会费按实际人数拨付。")
    expect(p.locator("#tracking-findings")).not_to_contain_text("E03")
    shot(p, "self-evaluation.png")
    p.get_by_role("button", name="保存", exact=True).click()
    expect(p.locator("#messages")).to_contain_text("已保存绩效自评")
    expect(p.locator("input[name=p0-i0-actual]")).to_have_value("200 人")

    assert outside.seen == []
    assert outside.errors == []


def test_no_page_loads_anything_from_elsewhere_and_pages_print_plain(page: tuple[Page, Outside, str]) -> None:
    p, outside, base = page
    loaded: list[str] = []
    p.on("requestfinished", lambda r: loaded.append(r.url))
    for path in ("/public/", "/login/"):
        p.goto(f"{base}{path}")
    login(p, base, "drafter")
    p.goto(f"{base}/documents/new/")
    assert outside.seen == []
    assert outside.errors == []
    # printed, the page keeps its content and drops the header, menus and buttons
    p.emulate_media(media="print")
    expect(p.locator("header.top")).to_be_hidden()
    expect(p.locator("footer.foot")).to_be_hidden()
    expect(p.get_by_role("heading", name="新建绩效文本")).to_be_visible()
    assert any(re.search(r"/static/jixiao/vendor/htmx-2\.0\.11\.min\.js$", u) for u in loaded)
    assert all((urlsplit(u).hostname or "") in LOCAL for u in loaded if u.startswith("http"))


def test_an_import_that_loses_its_indicator_rows(page: tuple[Page, Outside, str], tmp_path: Path) -> None:
    """The drafter uploads a file whose indicator header is not understood: the preview says so first, saving is
    refused until the loss is confirmed, and the editor keeps the warning at its top."""
    from tests.web.lost_rows import lost_file

    p, outside, base = page
    upload = tmp_path / "辅警工会费.docx"
    upload.write_bytes(lost_file("docx"))
    login(p, base, "drafter")
    p.goto(f"{base}/documents/new/")
    p.set_input_files("#id_file", str(upload))
    p.get_by_role("button", name="预览").click()
    # the warning about the lost rows comes first in the preview, naming the header and the rows
    first = p.locator("#preview > :not(h2)").first
    expect(first).to_have_id("lost-content")
    expect(first.locator("li").first).to_have_attribute("data-code", "P13")
    expect(first).to_contain_text("“乙栏”")
    expect(first).to_contain_text("表 1 第 5 行第 1 列")
    # saving without the confirmation is refused, nothing saved, the preview is back with the box to tick
    p.get_by_role("button", name="保存为草案").click()
    expect(p.locator("#save-refused")).to_contain_text("没有保存")
    expect(p.locator("#lost-content")).to_be_visible()
    p.locator("#confirm-lost").check()
    p.get_by_role("button", name="保存为草案").click()
    expect(p.locator("#messages")).to_contain_text("已导入")
    expect(p.locator("#messages")).to_contain_text("警告已随文本保存")
    kept = p.locator("#import-warnings")
    expect(kept).to_contain_text("导入时没有读入的内容")
    expect(kept.locator("li").first).to_have_attribute("data-code", "P13")
    # still there when the editor is opened again
    p.reload()
    expect(p.locator("#import-warnings")).to_contain_text("编制人已确认")
    assert outside.seen == []
    # the refused save answered 422, which the console reports; nothing else went wrong
    assert [e for e in outside.errors if "status of 422" not in e] == []
    assert len(outside.errors) == 1
