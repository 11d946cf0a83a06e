"""Round trips: text → model → text → model, and JSON → model → JSON, keep the model and the JSON equal."""

from __future__ import annotations

import json

from jixiao.exporters.json_form import write_json
from jixiao.exporters.text import write_text
from jixiao.kinds import read_document
from jixiao.model import PerformanceDocument
from jixiao.model.serialize import document_from_dict, document_to_dict

from ..conftest import Golden


def test_text_round_trip_keeps_the_model(example: PerformanceDocument, golden: Golden) -> None:
    text = write_text(example)
    golden("example.export.txt", text)
    again, findings = read_document(text.encode(), "again.txt")
    assert again == example
    # what the exporter writes is clean: only the unrepairable code and the carried merged cells remain
    assert sorted({f.code for f in findings}) == ["P02", "S01"]
    assert write_text(again) == text


def test_json_round_trip(example: PerformanceDocument, golden: Golden) -> None:
    text = write_json(example)
    golden("example.json", text)
    back, findings = read_document(text.encode(), "doc.json")
    assert (back, findings) == (example, [])
    assert write_json(back) == text


def test_json_with_sources_keeps_them(example: PerformanceDocument) -> None:
    data = document_to_dict(example, sources=True)
    back = document_from_dict(json.loads(json.dumps(data)))
    assert document_to_dict(back, sources=True) == data
    value = back.projects[1].indicators[3].source_of("value")
    assert (value.line, value.column, value.cell) == (131, 5, "≤7300 元/年")


def test_json_money_travels_as_strings(example: PerformanceDocument) -> None:
    data = document_to_dict(example)
    p = data["projects"][1]
    assert (p["budget_total"], p["budget_other"], p["spending_plan"]["12月底"]) == ("13.10", None, "100")
    assert p["indicators"][3]["value"] | {"doubts": []} == {
        "raw": "≤7300 元/年",
        "kind": "quantitative",
        "operator": "≤",
        "number": "7300",
        "unit": "元/年",
        "raw_unit": "元/年",
        "operator_raw": "≤",
        "upper": None,
        "deadline": None,
        "doubts": [],
    }


def test_text_round_trip_of_a_minimal_document() -> None:
    text = "\n".join(
        [
            "某单位",
            "2025 年部门预算绩效文本",
            "",
            "第二部分",
            "1.示范项目绩效目标表",
            "123456 某单位",
            "单位：万元",
            "项目编码\t13052925P000000000001\t\t项目名称\t示范项目\t\t",
            "预算规模及资金用途\t预算数\t1.50\t其中：财政资金\t1.00\t其他资金\t0.50",
            "\t用于示范\t\t\t\t\t",
            "绩效目标\t完成示范\t\t\t\t\t",
            "一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据\t",
            "产出指标\t数量指标\t示范次数\t示范次数\t≥3 次\t计划\t",
            "",
        ]
    )
    doc, _ = read_document(text.encode(), "min.txt")
    assert (doc.fiscal_year, doc.unit_code, len(doc.projects), doc.projects[0].goals) == (
        2025,
        "123456",
        1,
        ("完成示范",),
    )
    again, _ = read_document(write_text(doc).encode(), "again.txt")
    assert again == doc
