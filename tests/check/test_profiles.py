"""Profiles: shipped ones, extends, jixiao.toml, options, and clear errors."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.check.profiles import SHIPPED, load_profile, resolve_profile
from jixiao.rules.profile import ProfileError


def test_shipped_profiles() -> None:
    profiles = {name: load_profile(name) for name in SHIPPED}
    assert {n: p.framework_version for n, p in profiles.items()} == {
        "default": "legacy_88",
        "hebei-county": "legacy_88",
        "central-2021": "guide_101",
    }
    assert profiles["central-2021"].satisfaction_min == Decimal(85)
    assert profiles["hebei-county"].name == "hebei-county"


def test_jixiao_toml_picks_and_overrides(tmp_path: Path) -> None:
    (tmp_path / "jixiao.toml").write_text(
        '[check]\nprofile = "central-2021"\nsatisfaction_min = 90\nignore = ["K11"]\n'
        '[check.severities]\nb03 = "warning"\n',
        encoding="utf-8",
    )
    p = resolve_profile(directory=tmp_path)
    assert (p.name, p.satisfaction_min, p.ignore, p.severities) == (
        "central-2021",
        Decimal(90),
        ("K11",),
        {"B03": "warning"},
    )
    q = resolve_profile("default", select=["V"], ignore=["V05"], directory=tmp_path)
    assert (q.name, q.select, q.ignore) == ("default", ("V",), ("K11", "V05"))


def test_a_profile_file_with_extends(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text('extends = "hebei-county"\nmin_indicators = 5\n', encoding="utf-8")
    p = load_profile(str(path))
    assert (p.name, p.min_indicators, p.backloaded_min_percent) == ("mine", 5, Decimal(75))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("colour = 1\n", "未知的设置项“colour”"),
        ("min_indicators = 'three'\n", "设置项“min_indicators”的值 'three' 不合法"),
        ('framework_version = "2030"\n', "设置项“framework_version”"),
        ("[severities]\nV04 = 'fatal'\n", "设置项“severities”"),
        ("min_indicators = \n", "TOML 格式错误"),
        ('extends = "mine"\n', "形成了循环"),
    ],
)
def test_bad_profiles_say_what_is_wrong(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError, match=message):
        load_profile(str(path))


def test_an_unknown_profile_name() -> None:
    with pytest.raises(ProfileError, match="没有名为“nowhere”的配置"):
        load_profile("nowhere")


def test_rules_read_their_thresholds_from_the_profile() -> None:
    from dataclasses import replace as change

    from jixiao.rules import Profile

    from ..rules.helpers import clean_document, run, with_indicator

    slow = with_indicator(clean_document(), 1, 3, value="≥60%", level3="救助资金发放及时率")
    assert run("K08", slow) == [("K08", 1, 3)]
    assert run("K08", slow, Profile(timeliness_min_percent=Decimal(50))) == []
    vague = with_indicator(
        clean_document(), 1, 6, level3="职工凝聚力提升率", description="同左", value="≥60%"
    )
    assert run("V10", vague) == []
    strict = change(Profile(), unmeasurable_patterns=(*Profile().unmeasurable_patterns, "凝聚力"))
    assert run("V10", vague, strict) == [("V10", 1, 6)]
    high = with_indicator(clean_document(), 2, 7, value="≥95%")
    assert run("V09", high, Profile(satisfaction_max=Decimal(90))) == [("V09", 2, 7)]
