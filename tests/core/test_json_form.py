"""The JSON form: it validates against its published schema, and any document survives both round trips."""

from __future__ import annotations

import json
from decimal import Decimal

import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.exporters.text import write_text
from jixiao.kinds import read_document
from jixiao.model import (
    ContentsEntry,
    DepartmentGoals,
    Indicator,
    PerformanceDocument,
    Project,
    Safeguard,
    SpendingPoint,
    SubGoal,
    parse_value,
)
from jixiao.model.json_schema import document_schema
from jixiao.model.serialize import document_from_dict, document_to_dict

VALIDATOR = jsonschema.Draft202012Validator(document_schema())


def test_the_schema_is_a_valid_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(document_schema())


def test_the_example_validates(example: PerformanceDocument) -> None:
    VALIDATOR.validate(document_to_dict(example))
    VALIDATOR.validate(document_to_dict(example, sources=True))


def test_the_schema_and_the_reader_refuse_the_same_mistakes(example: PerformanceDocument) -> None:
    data = document_to_dict(example)
    data["projects"][0]["budget_total"] = 13.0  # a float where money must be a string
    assert not VALIDATOR.is_valid(data)
    data["projects"][0]["budget_total"] = "13.00"
    data["status"] = "finished"
    assert not VALIDATOR.is_valid(data)


# -- generated documents ------------------------------------------------------------------------------

HAN = "产出效益满意度数量质量时效成本工会经费职工发放准确率及时人员项目保障服务对象社会经济"
words = st.text(alphabet=HAN, min_size=1, max_size=12)
values = st.sampled_from(
    ["≥95%", "≤7300 元/年", "242 人数", "13 万元", "100%", "≥2 天", "达到预期目标", "", "**人"]
)
money = st.none() | st.decimals(
    min_value=0, max_value=100000, places=2, allow_nan=False, allow_infinity=False
)
percent = st.none() | st.sampled_from([Decimal(0), Decimal(30), Decimal("62.5"), Decimal(100)])


@st.composite
def indicators(draw: st.DrawFn) -> Indicator:
    return Indicator(
        level1=draw(st.sampled_from(["产出指标", "效益指标", "满意度指标"])),
        level2=draw(words),
        level3=draw(words),
        description=draw(words),
        value=parse_value(draw(values)),
        basis=draw(words),
    )


@st.composite
def projects(draw: st.DrawFn) -> Project:
    months = ["3月底", "6月底", "10月底", "12月底"]
    return Project(
        code=draw(st.from_regex(r"13052924P[0-9A-Z]{12}", fullmatch=True)),
        name=draw(words),
        budget_total=draw(money),
        budget_fiscal=draw(money),
        budget_other=draw(money),
        purpose=draw(words),
        spending_plan=tuple(SpendingPoint(m, draw(percent)) for m in months),
        goals=tuple(draw(st.lists(words, min_size=1, max_size=4))),
        indicators=tuple(draw(st.lists(indicators(), min_size=1, max_size=8))),
        unit_code="711001",
        unit_name=draw(words),
    )


@st.composite
def documents(draw: st.DrawFn) -> PerformanceDocument:
    sentences = st.lists(words.map(lambda w: w + "。"), min_size=1, max_size=3).map("".join)
    goals = DepartmentGoals(
        overall_goal=draw(sentences),
        sub_goals=tuple(
            SubGoal(title=t, goal=draw(sentences), indicator_text=draw(sentences), number=n)
            for n, t in enumerate(draw(st.lists(words, max_size=3)), start=1)
        ),
        safeguards=tuple(
            Safeguard(number=n, text=draw(sentences)) for n in "一二三"[: draw(st.integers(0, 3))]
        ),
    )
    return PerformanceDocument(
        unit_code="711001",
        unit_name=draw(words),
        fiscal_year=draw(st.integers(2015, 2035)),
        status=draw(st.sampled_from([None, "draft"])),
        compiled_by=draw(st.none() | words),
        reviewed_by=draw(st.none() | words),
        contents=tuple(
            ContentsEntry(f"{n}.{w}绩效目标表", n + 4)
            for n, w in enumerate(draw(st.lists(words, max_size=3)), 1)
        ),
        department_goals=goals,
        projects=tuple(draw(st.lists(projects(), min_size=1, max_size=3))),
        framework_version="legacy_88",
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_any_document_survives_json(doc: PerformanceDocument) -> None:
    data = document_to_dict(doc)
    VALIDATOR.validate(data)
    assert document_from_dict(json.loads(json.dumps(data, ensure_ascii=False))) == doc


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_any_document_survives_text(doc: PerformanceDocument) -> None:
    back, _ = read_document(write_text(doc).encode(), "generated.txt")
    assert back == doc
