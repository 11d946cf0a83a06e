"""The pages through Django's test client: each page as each actor, the editor's htmx answers, refusals."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from django.test import Client

from tests.web.conftest import EXAMPLE, Cast, advance

pytestmark = pytest.mark.django_db

STATIC = Path(__file__).resolve().parents[3] / "src" / "jixiao" / "web" / "static" / "jixiao"


def login(client: Client, name: str) -> Client:
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username=name))
    return client


def version(cast: Cast, unit: str) -> int:
    from jixiao.service.actor import SYSTEM
    from jixiao.service.targets import get_document

    return get_document(SYSTEM, cast.docs[unit]).row.version


def test_home_lists_my_documents_with_findings_counts(client: Client, cast: Cast) -> None:
    r = login(client, "drafter_a").get("/")
    assert r.status_code == 200
    text = r.content.decode()
    assert "我的绩效文本" in text
    assert f'href="/documents/{cast.docs["A"]}/edit/"' in text
    assert f'href="/documents/{cast.docs["B"]}/edit/"' not in text
    assert "建议审核结论" in text


def test_visitors_and_reviewers_are_sent_on(client: Client, cast: Cast) -> None:
    assert client.get("/")["Location"] == "/public/"
    assert login(client, "reviewer_r").get("/")["Location"] == "/review/"


def test_editor_shows_findings_and_fix_buttons(client: Client, cast: Cast) -> None:
    r = login(client, "drafter_a").get(f"/documents/{cast.docs['A']}/edit/")
    text = r.content.decode()
    assert r.status_code == 200
    assert 'id="findings-panel"' in text
    assert "一键修正" in text
    assert 'href="#p0-i0"' in text


def test_value_preview_reads_the_typed_value(client: Client, cast: Cast) -> None:
    doc = cast.docs["A"]
    r = login(client, "drafter_a").post(
        f"/documents/{doc}/projects/0/indicators/0/preview/",
        {"value": "≥242人"},
        headers={"HX-Request": "true"},
    )
    text = r.content.decode()
    assert r.status_code == 200
    assert "<html" not in text
    assert "≥242 人" in text
    assert "V05" not in text


def test_saving_an_indicator_answers_the_row_and_the_panel_out_of_band(client: Client, cast: Cast) -> None:
    doc = cast.docs["A"]
    fields = {"expected_version": version(cast, "A"), "value": "≥242 人", "level3": "保障人数"}
    r = login(client, "drafter_a").post(
        f"/documents/{doc}/projects/0/indicators/0/", fields, headers={"HX-Request": "true"}
    )
    text = r.content.decode()
    assert r.status_code == 200
    assert 'id="p0-i0"' in text
    assert 'id="findings-panel" hx-swap-oob="true"' in text
    assert f'value="{version(cast, "A")}" hx-swap-oob="true"' in text


def test_the_indicator_description_is_edited_in_its_row(client: Client, cast: Cast) -> None:
    doc = cast.docs["A"]
    fields = {"expected_version": version(cast, "A"), "value": "≥242 人", "description": "在册辅警人数"}
    r = login(client, "drafter_a").post(
        f"/documents/{doc}/projects/0/indicators/0/", fields, headers={"HX-Request": "true"}
    )
    assert r.status_code == 200
    assert '绩效指标描述<input name="description" value="在册辅警人数"' in r.content.decode()
    page = client.get(f"/documents/{doc}/edit/").content.decode()
    assert 'value="在册辅警人数"' in page


def test_a_stale_save_is_a_409_fragment(client: Client, cast: Cast) -> None:
    doc = cast.docs["A"]
    stale = version(cast, "A") - 1
    r = login(client, "drafter_a").post(
        f"/documents/{doc}/projects/0/indicators/0/",
        {"expected_version": stale, "value": "≥1 人"},
        headers={"HX-Request": "true"},
    )
    assert r.status_code == 409
    assert r["HX-Retarget"] == "#messages"
    text = r.content.decode()
    assert "已被他人修改" in text
    assert "您输入的内容（未保存）" in text and "≥1 人" in text and "242 人数" in text


def test_refusals_are_chinese_pages(client: Client, cast: Cast) -> None:
    r = login(client, "drafter_a").get(f"/documents/{cast.docs['B']}/edit/")
    assert r.status_code == 404
    assert "没有找到该绩效文本" in r.content.decode()
    advance(cast, "A", "submitted")
    r = client.post(
        f"/documents/{cast.docs['A']}/projects/0/indicators/0/", {"expected_version": version(cast, "A")}
    )
    assert r.status_code == 409
    assert "不能执行此操作" in r.content.decode()
    r = login(client, "reviewer_r").post(
        f"/documents/{cast.docs['A']}/review/approve/",
        {"expected_version": version(cast, "A"), "grade": "甲"},
    )
    assert r.status_code == 422
    r = login(client, "drafter_a").post(
        f"/documents/{cast.docs['A']}/review/return/", {"expected_version": version(cast, "A"), "reason": "x"}
    )
    assert r.status_code == 403
    assert "没有权限" in r.content.decode()


def test_anonymous_editing_goes_to_login(client: Client, cast: Cast) -> None:
    r = client.get(f"/documents/{cast.docs['A']}/edit/")
    assert r.status_code == 404  # drafts of a unit are not even confirmed to exist
    r = client.post(
        f"/documents/{cast.docs['A']}/submit/", {"expected_version": 1}, headers={"HX-Request": "true"}
    )
    assert r.status_code in {404, 200}


def test_upload_preview_then_save(client: Client, cast: Cast) -> None:
    login(client, "drafter_a")
    with EXAMPLE.open("rb") as f:
        r = client.post("/documents/new/", {"file": f})
    text = r.content.decode()
    assert r.status_code == 200
    assert "预览" in text and "保存为草案" in text and "V05" in text
    payload = r.context["form"].initial
    r = client.post("/documents/new/save/", payload)
    assert r.status_code == 302 and r["Location"].endswith("/edit/")


def test_review_page_marks_findings_at_cells(client: Client, cast: Cast) -> None:
    advance(cast, "A", "submitted")
    r = login(client, "reviewer_r").get(f"/documents/{cast.docs['A']}/review/")
    text = r.content.decode()
    assert r.status_code == 200
    assert 'class="mark ' in text
    assert "审核通过" in text and "退回修改" in text


def test_public_search(client: Client, cast: Cast) -> None:
    advance(cast, "C", "published")
    r = client.get("/public/", {"q": "困难职工"})
    assert r.status_code == 200
    assert f"/public/{cast.docs['C']}/" in r.content.decode()
    r = client.get("/public/", {"q": "没有这样的项目"}, headers={"HX-Request": "true"})
    assert "没有找到符合条件的公开文本" in r.content.decode()
    assert "<html" not in r.content.decode()
    assert client.get(f"/public/{cast.docs['C']}/").status_code == 200
    assert client.get(f"/public/{cast.docs['A']}/").status_code == 404


def test_history_page(client: Client, cast: Cast) -> None:
    r = login(client, "drafter_a").get(f"/documents/{cast.docs['A']}/history/")
    assert r.status_code == 200
    assert "导入绩效文本" in r.content.decode()
    assert "<td>编制人</td>" in r.content.decode()


def test_pages_have_a_csp_and_no_inline_code(client: Client, cast: Cast) -> None:
    r = login(client, "drafter_a").get(f"/documents/{cast.docs['A']}/edit/")
    assert "script-src 'self'" in r["Content-Security-Policy"]
    text = r.content.decode()
    assert "<style" not in text
    assert " style=" not in text
    assert "<script>" not in text


def test_vendored_htmx_is_the_recorded_file() -> None:
    data = (STATIC / "vendor" / "htmx-2.0.11.min.js").read_bytes()
    assert hashlib.sha256(data).hexdigest() in (STATIC / "vendor" / "VENDOR.md").read_text(encoding="utf-8")


def test_self_evaluation_scores_as_typed_and_saves(client: Client, cast: Cast) -> None:
    advance(cast, "A", "published")
    doc = cast.docs["A"]
    login(client, "drafter_a")
    r = client.get(f"/documents/{doc}/edit/")
    assert "开始绩效自评" in r.content.decode()
    r = client.post(f"/documents/{doc}/tracking/start/", {"kind": "self_evaluation"})
    assert r.status_code == 302
    tid = int(r["Location"].rstrip("/").rsplit("/", 1)[1])
    again = client.post(f"/documents/{doc}/tracking/start/", {"kind": "self_evaluation"})
    assert again.status_code == 409
    assert "已经开始" in again.content.decode()
    page = client.get(f"/documents/{doc}/tracking/{tid}/")
    assert page.status_code == 200
    assert "实际完成值" in page.content.decode()
    typed = {"p0-f0-executed": "13", "p0-i0-actual": "242 人"}
    r = client.post(f"/documents/{doc}/tracking/{tid}/preview/", typed, headers={"HX-Request": "true"})
    text = r.content.decode()
    assert r.status_code == 200
    assert 'id="calc-p0-i0" hx-swap-oob="true"' in text
    assert 'id="tracking-findings" hx-swap-oob="true"' in text
    r = client.post(f"/documents/{doc}/tracking/{tid}/save/", {**typed, "expected_version": 1})
    assert r.status_code == 302
    saved = client.get(f"/documents/{doc}/tracking/{tid}/").content.decode()
    assert 'value="242 人"' in saved
    r = client.get(f"/documents/{doc}/tracking/{tid}/download/xlsx/")
    assert r.status_code == 200 and r.content[:2] == b"PK"
    r = client.post(f"/documents/{doc}/tracking/{tid}/save/", {**typed, "expected_version": 1})
    assert r.status_code == 409


def test_monitoring_lights_as_typed(client: Client, cast: Cast) -> None:
    advance(cast, "A", "approved")
    doc = cast.docs["A"]
    login(client, "drafter_a")
    r = client.post(f"/documents/{doc}/tracking/start/", {"kind": "monitoring", "month": "6"})
    assert r.status_code == 302
    url = r["Location"]
    assert "1–6月" in client.get(url).content.decode()
    r = client.post(url + "preview/", {"p0-i0-progress": "10 人", "p0-i0-likelihood": "有可能"})
    text = r.content.decode()
    assert "light-red" in text
    assert "M03" in text


def test_unknown_pages_and_csrf_failures_are_chinese(cast: Cast) -> None:
    client = Client(enforce_csrf_checks=True)
    r = client.get("/no-such-page/")
    assert r.status_code == 404
    assert "该页面不存在" in r.content.decode()
    login(client, "drafter_a")
    r = client.post(f"/documents/{cast.docs['A']}/submit/", {"expected_version": 1})
    assert r.status_code == 403
    assert "安全校验" in r.content.decode()


def test_part_one_is_edited_in_place(client: Client, cast: Cast) -> None:
    from jixiao.service.actor import SYSTEM
    from jixiao.service.targets import get_document

    doc = cast.docs["A"]
    fields = {
        "expected_version": version(cast, "A"),
        "sub0-goal": "新的分项目标",
        "safe1-text": "新的保障措施",
    }
    r = login(client, "drafter_a").post(f"/documents/{doc}/cover/", fields)
    assert r.status_code == 302
    saved = get_document(SYSTEM, doc).document
    assert saved.department_goals.sub_goals[0].goal == "新的分项目标"
    assert saved.department_goals.safeguards[1].text == "新的保障措施"
    assert saved.fiscal_year == 2024
    assert saved.department_goals.overall_goal.startswith("2024 年")


def test_every_version_downloads_from_the_history(client: Client, cast: Cast) -> None:
    advance(cast, "A", "submitted")
    login(client, "drafter_a")
    text = client.get(f"/documents/{cast.docs['A']}/history/").content.decode()
    assert "?version=1" in text and "?version=2" in text
    r = client.get(f"/documents/{cast.docs['A']}/download/json/", {"version": "1"})
    assert r.status_code == 200
    assert '"status": "draft"' in r.content.decode()


def test_templates_and_styles_name_no_other_host() -> None:
    web = STATIC.parents[1]
    for path in [*web.glob("templates/**/*.html"), *STATIC.glob("css/*.css")]:
        text = path.read_text(encoding="utf-8")
        assert "http://" not in text and "https://" not in text and 'src="//' not in text, path


@pytest.mark.parametrize("ext", ["docx", "xlsx", "pdf"])
def test_upload_preview_of_every_format(client: Client, cast: Cast, ext: str) -> None:
    path = EXAMPLE.with_suffix(f".{ext}")
    with path.open("rb") as f:
        r = login(client, "drafter_a").post("/documents/new/", {"file": f})
    text = r.content.decode()
    assert r.status_code == 200
    assert "6 个项目" in text and "保存为草案" in text


def test_an_unreadable_upload_is_a_chinese_422(client: Client, cast: Cast) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    login(client, "drafter_a")
    r = client.post("/documents/new/", {"file": SimpleUploadedFile("x.docx", b"not a word file")})
    assert r.status_code == 422
    assert 'role="alert"' in r.content.decode()
    r = client.post("/documents/new/", {"file": SimpleUploadedFile("x.exe", b"MZ")})
    assert r.status_code == 422
    assert "不支持该文件类型" in r.content.decode()


def test_review_page_checks_with_the_chosen_profile(client: Client, cast: Cast) -> None:
    advance(cast, "A", "submitted")
    login(client, "reviewer_r")
    default = client.get(f"/documents/{cast.docs['A']}/review/").content.decode()
    hebei = client.get(f"/documents/{cast.docs['A']}/review/", {"profile": "hebei-county"}).content.decode()
    assert '<option value="hebei-county" selected>' in hebei
    assert default != hebei
    r = client.get(f"/documents/{cast.docs['A']}/review/", {"profile": "没有这个配置"})
    assert r.status_code == 422


def test_adjust_after_approval_needs_a_reason(client: Client, cast: Cast) -> None:
    advance(cast, "A", "approved")
    login(client, "drafter_a")
    assert "开始调整" in client.get(f"/documents/{cast.docs['A']}/edit/").content.decode()
    r = client.post(f"/documents/{cast.docs['A']}/adjust/", {"expected_version": version(cast, "A")})
    assert r.status_code == 422
    assert "须说明理由" in r.content.decode()
    r = client.post(
        f"/documents/{cast.docs['A']}/adjust/", {"expected_version": version(cast, "A"), "reason": "预算调整"}
    )
    assert r.status_code == 302
    assert "保存这一行" in client.get(f"/documents/{cast.docs['A']}/edit/").content.decode()
