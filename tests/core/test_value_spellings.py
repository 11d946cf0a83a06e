"""How the 指标值 grammar reads each spelling seen in real documents (LAYOUTS.md "Values", the example).

One row per spelling: the text, then what it must read as — kind, operator, number (as written, so the
precision is checked too), unit, the doubts, and for ranges and deadlines the upper bound and the date.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

import pytest

from jixiao.model import DOUBTS, IndicatorValue, parse_value

Q, L, D, P = "quantitative", "qualitative", "deadline", "placeholder"

# Doubt codes, short.
SP, DB, CF = "operator_spelling", "operator_doubled", "operator_conflict"
UM, UP, XT, MN = "unit_missing", "unit_partial", "extra_text", "multiple_numbers"
CN, TR, AP, RG = "chinese_numeral", "traditional", "approximate", "range"
PH, PP, NM, EM = "placeholder", "placeholder_prefix", "none_marker", "empty"
DR, DI = "deadline_range", "deadline_invalid"


class Spelling(NamedTuple):
    text: str
    kind: str
    operator: str | None
    number: str | None
    unit: str | None
    doubts: tuple[str, ...] = ()
    upper: str | None = None
    deadline: str | None = None


S = Spelling

SPELLINGS: list[Spelling] = [
    # The example document's 指标值 column, as extracted.
    S("242 人数", Q, None, "242", "人数"),
    S("100%", Q, None, "100", "%"),
    S("≥95%", Q, "≥", "95", "%"),
    S("13 万元", Q, None, "13", "万元"),
    S("≤20 人", Q, "≤", "20", "人"),
    S("≥90%", Q, "≥", "90", "%"),
    S("≤7300 元/年", Q, "≤", "7300", "元/年"),
    S("≥70%", Q, "≥", "70", "%"),
    S("47 人数", Q, None, "47", "人数"),
    S("10 万元", Q, None, "10", "万元"),
    S("≥80%", Q, "≥", "80", "%"),
    S("276 人", Q, None, "276", "人"),
    S("17 万元", Q, None, "17", "万元"),
    S("43 个数", Q, None, "43", "个数"),
    S("620 万元", Q, None, "620", "万元"),
    S("≥2 天", Q, "≥", "2", "天"),
    S("500 平方米", Q, None, "500", "平方米"),
    S("≥50%", Q, "≥", "50", "%"),
    S("5 万元", Q, None, "5", "万元"),
    S("13.00", Q, None, "13.00", None, (UM,)),
    # Operator symbols in every spelling.
    S("＞95%", Q, ">", "95", "%"),
    S("＜5%", Q, "<", "5", "%"),
    S("＝100%", Q, "=", "100", "%"),
    S(">95%", Q, ">", "95", "%"),
    S("<5%", Q, "<", "5", "%"),
    S("=100%", Q, "=", "100", "%"),
    S("≤5%", Q, "≤", "5", "%"),
    S(">=95%", Q, "≥", "95", "%", (SP,)),
    S("<=5%", Q, "≤", "5", "%", (SP,)),
    S("=>95%", Q, "≥", "95", "%", (SP,)),
    S("=<5%", Q, "≤", "5", "%", (SP,)),
    S("≧90%", Q, "≥", "90", "%", (SP,)),
    S("≦10%", Q, "≤", "10", "%", (SP,)),
    S("⩾90%", Q, "≥", "90", "%", (SP,)),
    S("⩽10%", Q, "≤", "10", "%", (SP,)),
    S("═100%", Q, "=", "100", "%", (SP,)),
    S("﹥95%", Q, ">", "95", "%", (SP,)),
    S("＞＝95％", Q, "≥", "95", "%", (SP,)),
    S("＜＝5％", Q, "≤", "5", "%", (SP,)),
    S("≥=90%", Q, "≥", "90", "%", (SP,)),
    S("≥≥98%", Q, "≥", "98", "%", (DB,)),
    S("≤≤5%", Q, "≤", "5", "%", (DB,)),
    S(">>90%", Q, ">", "90", "%", (DB,)),
    S("==100%", Q, "=", "100", "%", (DB,)),
    S("≥ ≥98%", Q, "≥", "98", "%", (DB,)),
    S("≥<95%", Q, None, "95", "%", (CF,)),
    S("≥95", Q, "≥", "95", None, (UM,)),
    S(">=85", Q, "≥", "85", None, (SP, UM)),
    # Spaces around the operator, the number and the unit.
    S("≥ 95%", Q, "≥", "95", "%"),
    S("≥95 %", Q, "≥", "95", "%"),
    S("≥ 95 %", Q, "≥", "95", "%"),
    S(" ≥95% ", Q, "≥", "95", "%"),
    S("\t≥95%\n", Q, "≥", "95", "%"),
    S("95 %", Q, None, "95", "%"),
    S("≤ 7300 元/年", Q, "≤", "7300", "元/年"),
    S("≤7300元/年", Q, "≤", "7300", "元/年"),
    S("242人数", Q, None, "242", "人数"),
    S("13万元", Q, None, "13", "万元"),
    S("≥95%。", Q, "≥", "95", "%"),
    # Operators in words, after the number (以上/以下 include the number) and before it.
    S("95%以上", Q, "≥", "95", "%", (SP,)),
    S("95%及以上", Q, "≥", "95", "%", (SP,)),
    S("95%或以上", Q, "≥", "95", "%", (SP,)),
    S("95% 以上", Q, "≥", "95", "%", (SP,)),
    S("5%以下", Q, "≤", "5", "%", (SP,)),
    S("5%及以下", Q, "≤", "5", "%", (SP,)),
    S("10天以内", Q, "≤", "10", "天", (SP,)),
    S("10万元之内", Q, "≤", "10", "万元", (SP,)),
    S("3个工作日内", Q, "≤", "3", "个工作日", (SP,)),
    S("95%以上（含）", Q, "≥", "95", "%", (SP,)),
    S("95%（含）以上", Q, "≥", "95", "%", (SP,)),
    S("95%以上(不含)", Q, ">", "95", "%", (SP,)),
    S("不低于95%", Q, "≥", "95", "%", (SP,)),
    S("不少于20人", Q, "≥", "20", "人", (SP,)),
    S("不小于90%", Q, "≥", "90", "%", (SP,)),
    S("不超过10万元", Q, "≤", "10", "万元", (SP,)),
    S("不高于5%", Q, "≤", "5", "%", (SP,)),
    S("不多于3次", Q, "≤", "3", "次", (SP,)),
    S("不大于2%", Q, "≤", "2", "%", (SP,)),
    S("至少3次", Q, "≥", "3", "次", (SP,)),
    S("最少2场", Q, "≥", "2", "场", (SP,)),
    S("最多2次", Q, "≤", "2", "次", (SP,)),
    S("至多5天", Q, "≤", "5", "天", (SP,)),
    S("最低90%", Q, "≥", "90", "%", (SP,)),
    S("最高5万元", Q, "≤", "5", "万元", (SP,)),
    S("大于90%", Q, ">", "90", "%", (SP,)),
    S("高于85%", Q, ">", "85", "%", (SP,)),
    S("超过100户", Q, ">", "100", "户", (SP,)),
    S("多于10个", Q, ">", "10", "个", (SP,)),
    S("小于5%", Q, "<", "5", "%", (SP,)),
    S("低于3%", Q, "<", "3", "%", (SP,)),
    S("少于2次", Q, "<", "2", "次", (SP,)),
    S("不足1%", Q, "<", "1", "%", (SP,)),
    S("等于100%", Q, "=", "100", "%", (SP,)),
    S("大于等于90%", Q, "≥", "90", "%", (SP,)),
    S("大于或等于90%", Q, "≥", "90", "%", (SP,)),
    S("小于等于10%", Q, "≤", "10", "%", (SP,)),
    S("达到95%", Q, "≥", "95", "%", (SP,)),
    S("达到95%以上", Q, "≥", "95", "%", (SP,)),
    S("提高到90%", Q, "≥", "90", "%", (SP,)),
    S("控制在10万元以内", Q, "≤", "10", "万元", (SP,)),
    S("控制在5%", Q, "≤", "5", "%", (SP,)),
    S("降至5%以下", Q, "≤", "5", "%", (SP,)),
    # Words before and after the number: agreeing (doubled) or opposite (conflict).
    S("不低于95%以上", Q, "≥", "95", "%", (DB, SP)),
    S("不超过10万元以内", Q, "≤", "10", "万元", (DB, SP)),
    S("≥95%以上", Q, "≥", "95", "%", (DB,)),
    S("大于95%以下", Q, None, "95", "%", (CF, SP)),
    S("≥95%以下", Q, None, "95", "%", (CF,)),
    S("≤5%以上", Q, None, "5", "%", (CF,)),
    # Units: percent, counts, money, area, length, weight, time, quantity nouns.
    S("≥95％", Q, "≥", "95", "%"),
    S("95百分比", Q, None, "95", "%"),
    S("≥300人次", Q, "≥", "300", "人次"),
    S("5个", Q, None, "5", "个"),
    S("≥4次", Q, "≥", "4", "次"),
    S("120户", Q, None, "120", "户"),
    S("200份", Q, None, "200", "份"),
    S("3项", Q, None, "3", "项"),
    S("43家", Q, None, "43", "家"),
    S("2所", Q, None, "2", "所"),
    S("10台", Q, None, "10", "台"),
    S("2辆", Q, None, "2", "辆"),
    S("50套", Q, None, "50", "套"),
    S("100件", Q, None, "100", "件"),
    S("1000册", Q, None, "1000", "册"),
    S("12场", Q, None, "12", "场"),
    S("4期", Q, None, "4", "期"),
    S("6篇", Q, None, "6", "篇"),
    S("47名", Q, None, "47", "名"),
    S("16个村", Q, None, "16", "个村"),
    S("1000株", Q, None, "1000", "株"),
    S("30间", Q, None, "30", "间"),
    S("≤100元", Q, "≤", "100", "元"),
    S("≤200元/人·月", Q, "≤", "200", "元/人·月"),
    S("≤200元/人.月", Q, "≤", "200", "元/人·月"),
    S("≤200元/人•月", Q, "≤", "200", "元/人·月"),
    S("≤200元/人・月", Q, "≤", "200", "元/人·月"),
    S("≤200元/人/月", Q, "≤", "200", "元/人·月"),
    S("≤500元/户·年", Q, "≤", "500", "元/户·年"),
    S("≤2万元/人", Q, "≤", "2", "万元/人"),
    S("≤3000元/人", Q, "≤", "3000", "元/人"),
    S("5千元", Q, None, "5", "千元"),
    S("1.2亿元", Q, None, "1.2", "亿元"),
    S("1.5万平方米", Q, None, "1.5", "万平方米"),
    S("20亩", Q, None, "20", "亩"),
    S("≥10万亩", Q, "≥", "10", "万亩"),
    S("3公顷", Q, None, "3", "公顷"),
    S("50㎡", Q, None, "50", "平方米"),
    S("50m²", Q, None, "50", "平方米"),
    S("50m2", Q, None, "50", "平方米"),
    S("50平米", Q, None, "50", "平方米"),
    S("10公里", Q, None, "10", "公里"),
    S("5km", Q, None, "5", "公里"),
    S("5KM", Q, None, "5", "公里"),
    S("3千米", Q, None, "3", "公里"),
    S("100米", Q, None, "100", "米"),
    S("50公斤", Q, None, "50", "公斤"),
    S("50kg", Q, None, "50", "公斤"),
    S("20千克", Q, None, "20", "公斤"),
    S("3吨", Q, None, "3", "吨"),
    S("≤3天", Q, "≤", "3", "天"),
    S("2年", Q, None, "2", "年"),
    S("6个月", Q, None, "6", "个月"),
    S("≥2周", Q, "≥", "2", "周"),
    S("4小时", Q, None, "4", "小时"),
    S("20次数", Q, None, "20", "次数"),
    S("30户数", Q, None, "30", "户数"),
    S("100人次数", Q, None, "100", "人次数"),
    S("5天数", Q, None, "5", "天数"),
    # Numbers: thousand separators, full-width digits, decimals kept as written, signs.
    S("1,200人", Q, None, "1200", "人"),
    S("12,000,000元", Q, None, "12000000", "元"),
    S("１，２００人", Q, None, "1200", "人"),
    S("1,2000人", Q, None, "12000", "人", ("thousands_ambiguous",)),
    S("52.800000", Q, None, "52.800000", None, (UM,)),
    S("13.00万元", Q, None, "13.00", "万元"),
    S("0.5%", Q, None, "0.5", "%"),
    S("≥99.5%", Q, "≥", "99.5", "%"),
    S("１００％", Q, None, "100", "%"),
    S("≥９５％", Q, "≥", "95", "%"),
    S("-5%", Q, None, "-5", "%"),
    S("≥-5%", Q, "≥", "-5", "%"),
    S("0", Q, None, "0", None, (UM,)),
    S("2024.5", Q, None, "2024.5", None, (UM,)),
    # Chinese numerals: a number only when nothing but an operator and a unit surround it.
    S("三个", Q, None, "3", "个", (CN,)),
    S("二十人", Q, None, "20", "人", (CN,)),
    S("百分之九十五", Q, None, "95", "%", (CN,)),
    S("百分之九十五以上", Q, "≥", "95", "%", (CN, SP)),
    S("百分之百", Q, None, "100", "%", (CN,)),
    S("百分之95", Q, None, "95", "%"),
    S("两次", Q, None, "2", "次", (CN,)),
    S("一百二十户", Q, None, "120", "户", (CN,)),
    S("十五天", Q, None, "15", "天", (CN,)),
    S("三万元", Q, None, "3", "万元", (CN,)),
    S("三点五万元", Q, None, "3.5", "万元", (CN,)),
    S("不少于三次", Q, "≥", "3", "次", (CN, SP)),
    S("十二个月", Q, None, "12", "个月", (CN,)),
    S("壹佰贰拾人", Q, None, "120", "人", (CN,)),
    S("一千二百元", Q, None, "1200", "元", (CN,)),
    S("三年内", Q, "≤", "3", "年", (CN, SP)),
    # Deadlines: 前/以前/之前/底前/截至 give ≤; without them there is no operator.
    S("2024年12月底前", D, "≤", None, None, deadline="2024-12"),
    S("2024年12月31日前", D, "≤", None, None, deadline="2024-12-31"),
    S("12月31日前", D, "≤", None, None, deadline="--12-31"),
    S("2024.12.31前", D, "≤", None, None, deadline="2024-12-31"),
    S("2024-12-31前", D, "≤", None, None, deadline="2024-12-31"),
    S("2024/12/31前", D, "≤", None, None, deadline="2024-12-31"),
    S("2024.12前", D, "≤", None, None, deadline="2024-12"),
    S("年底前", D, "≤", None, None, deadline="--12"),
    S("年底前完成", D, "≤", None, None, deadline="--12"),
    S("年内完成", D, "≤", None, None, deadline="--12"),
    S("2024年底前", D, "≤", None, None, deadline="2024-12"),
    S("2024年底", D, None, None, None, deadline="2024-12"),
    S("12月底前", D, "≤", None, None, deadline="--12"),
    S("6月30日前", D, "≤", None, None, deadline="--06-30"),
    S("2024年6月", D, None, None, None, deadline="2024-06"),
    S("2024年", D, None, None, None, deadline="2024"),
    S("2024年度", D, None, None, None, deadline="2024"),
    S("2024年12月31日", D, None, None, None, deadline="2024-12-31"),
    S("2024-12-31", D, None, None, None, deadline="2024-12-31"),
    S("2024 年 12 月 31 日前", D, "≤", None, None, deadline="2024-12-31"),
    S("2024年12月31日之前", D, "≤", None, None, deadline="2024-12-31"),
    S("2024年12月31日以前", D, "≤", None, None, deadline="2024-12-31"),
    S("截至2024年12月31日", D, "≤", None, None, deadline="2024-12-31"),
    S("不晚于2024年10月", D, "≤", None, None, deadline="2024-10"),
    S("≤2024年12月", D, "≤", None, None, deadline="2024-12"),
    S("2024年12月前完成", D, "≤", None, None, deadline="2024-12"),
    S("十二月底前", D, "≤", None, None, deadline="--12"),
    S("二〇二四年十二月底前", D, "≤", None, None, deadline="2024-12"),
    S("2024年上半年", D, None, None, None, deadline="2024-06"),
    S("2020年1月--2020年11月", D, None, None, None, (DR,), deadline="2020-11"),
    S("2020年1月—2020年11月", D, None, None, None, (DR,), deadline="2020-11"),
    S("2024年1月-12月", D, None, None, None, (DR,), deadline="2024-12"),
    S("1-12月", D, None, None, None, (DR,), deadline="--12"),
    S("2024年2月30日前", D, "≤", None, None, (DI,), deadline="2024-02-30"),
    S("2024年13月", D, None, None, None, (DI,), deadline="2024-13"),
    S("30日内", Q, "≤", "30", "日", (SP,)),
    S("≤3个月", Q, "≤", "3", "个月"),
    # Qualitative targets and actuals; a numeral inside words is not a number.
    S("效果明显", L, None, None, None),
    S("符合相关规定", L, None, None, None),
    S("在项目计划完成时间内完成", L, None, None, None),
    S("严格执行相关制度规定", L, None, None, None),
    S("达成预期指标", L, None, None, None),
    S("部分达成预期指标并具有一定效果", L, None, None, None),
    S("未达成预期指标且效果较差", L, None, None, None),
    S("完成", L, None, None, None),
    S("好", L, None, None, None),
    S("达到国家二级标准", L, None, None, None),
    S("达到国家2级标准", L, None, None, None),
    S("一次性完成", L, None, None, None),
    S("十分满意", L, None, None, None),
    S("不低于上年", L, None, None, None),
    S("按时完成", L, None, None, None),
    S("符合《工会会计制度》规定", L, None, None, None),
    # Template placeholders keep what operator and unit could be read.
    S("**人", P, None, None, "人", (PH,)),
    S("≥**%", P, "≥", None, "%", (PH,)),
    S("≤**%", P, "≤", None, "%", (PH,)),
    S("**元/人·月", P, None, None, "元/人·月", (PH,)),
    S("**月**日前", P, "≤", None, None, (PH,)),
    S("XX", P, None, None, None, (PH,)),
    S("××", P, None, None, None, (PH,)),
    S("xx", P, None, None, None, (PH,)),
    S("X", P, None, None, None, (PH,)),
    S("≥X%", P, "≥", None, "%", (PH,)),
    S("_", P, None, None, None, (PH,)),
    S("___", P, None, None, None, (PH,)),
    S("**", P, None, None, None, (PH,)),
    S("XX项目按期完成", P, None, None, None, (PH,)),
    S("指标1：", P, None, None, None, (PH,)),
    S("%", P, None, None, "%", (EM,)),
    S("≥%", P, "≥", None, "%", (EM,)),
    # A template prefix right before the real value.
    S("指标1：≥95%", Q, "≥", "95", "%", (PP,)),
    S("指标2: 100%", Q, None, "100", "%", (PP,)),
    S("**≥95%", Q, "≥", "95", "%", (PP,)),
    S("指标1：效果明显", L, None, None, None, (PP,)),
    # "None" markers and empty cells.
    S("-", P, None, None, None, (NM,)),
    S("/", P, None, None, None, (NM,)),
    S("／", P, None, None, None, (NM,)),
    S("无", P, None, None, None, (NM,)),
    S("暂无", P, None, None, None, (NM,)),
    S("—", P, None, None, None, (NM,)),
    S("——", P, None, None, None, (NM,)),
    S("--", P, None, None, None, (NM,)),
    S("一", P, None, None, None, (NM, "ocr_dash")),
    S("", P, None, None, None, (EM,)),
    S("   ", P, None, None, None, (EM,)),
    S("\t\n", P, None, None, None, (EM,)),
    # Damage: OCR, doubled values, lost units, Excel dates, lost characters.
    S("292%", Q, None, "292", "%", ("ocr_operator",)),
    S("2100%", Q, None, "2100", "%", ("ocr_operator",)),
    S("200%", Q, None, "200", "%"),
    S("1O0%", Q, None, "100", "%", ("ocr_letter",)),
    S("1o0%", Q, None, "100", "%", ("ocr_letter",)),
    S("9O%", Q, None, "90", "%", ("ocr_letter",)),
    S("854万854万", Q, None, "854", "万", ("duplicated",)),
    S("95%95%", Q, None, "95", "%", ("duplicated",)),
    S("≥95% ≥95%", Q, "≥", "95", "%", ("duplicated",)),
    S("≤28.40/株", Q, "≤", "28.40", "/株", (UP,)),
    S("45291", Q, None, "45291", None, (UM, "excel_date")),
    S("44927", Q, None, "44927", None, (UM, "excel_date")),
    S("？95%", Q, None, "95", "%", ("garbled",)),
    S("95%，100%", L, None, None, None, (MN,)),
    S("≥95%（2023年为90%）", Q, "≥", "95", "%", (XT, MN)),
    # Traditional characters.
    S("≥95萬元", Q, "≥", "95", "万元", (TR,)),
    S("≤2萬元/人", Q, "≤", "2", "万元/人", (TR,)),
    S("10個", Q, None, "10", "个", (TR,)),
    S("5項", Q, None, "5", "项", (TR,)),
    S("達到95%", Q, "≥", "95", "%", (TR, SP)),
    S("不超過10萬元", Q, "≤", "10", "万元", (TR, SP)),
    S("效果明顯", L, None, None, None, (TR,)),
    S("符合相關規定", L, None, None, None, (TR,)),
    # Text around the number.
    S("完成率达到95%", Q, "≥", "95", "%", (SP, XT)),
    S("合格率≥98%", Q, "≥", "98", "%", (XT,)),
    S("覆盖率：100%", Q, None, "100", "%", (XT,)),
    S("满意度95%以上", Q, "≥", "95", "%", (SP, XT)),
    S("准确率为100%", Q, None, "100", "%", (XT,)),
    S("第2名", Q, None, "2", "名", (XT,)),
    # Ranges and approximate values.
    S("80%-90%", Q, None, "80", "%", (RG,), upper="90"),
    S("80-90%", Q, None, "80", "%", (RG,), upper="90"),
    S("80～90%", Q, None, "80", "%", (RG,), upper="90"),
    S("80~90%", Q, None, "80", "%", (RG,), upper="90"),
    S("80至90%", Q, None, "80", "%", (RG,), upper="90"),
    S("80%至90%", Q, None, "80", "%", (RG,), upper="90"),
    S("80%到90%", Q, None, "80", "%", (RG,), upper="90"),
    S("80%—90%", Q, None, "80", "%", (RG,), upper="90"),
    S("在80%至90%之间", Q, None, "80", "%", (RG,), upper="90"),
    S("介于80%至90%之间", Q, None, "80", "%", (RG,), upper="90"),
    S("5-10万元", Q, None, "5", "万元", (RG,), upper="10"),
    S("80一90%", Q, None, "80", "%", (RG, "ocr_dash"), upper="90"),
    S("约95%", Q, None, "95", "%", (AP,)),
    S("大约90%", Q, None, "90", "%", (AP,)),
    S("95%左右", Q, None, "95", "%", (AP,)),
    S("100人左右", Q, None, "100", "人", (AP,)),
    S("约50万元", Q, None, "50", "万元", (AP,)),
]


def _id(row: Spelling) -> str:
    return repr(row.text)


def _reading(value: IndicatorValue) -> Spelling:
    """What was read, in the table's form (doubts sorted, to compare as a set)."""
    return Spelling(
        value.raw,
        value.kind,
        value.operator,
        None if value.number is None else str(value.number),
        value.unit,
        tuple(sorted(value.doubts)),
        None if value.upper is None else str(value.upper),
        value.deadline,
    )


def test_the_table_is_large_and_has_no_repeats() -> None:
    texts = [row.text for row in SPELLINGS]
    assert len(texts) >= 180
    assert len(set(texts)) == len(texts)
    assert {code for row in SPELLINGS for code in row.doubts} <= set(DOUBTS)


@pytest.mark.parametrize("row", SPELLINGS, ids=_id)
def test_spelling(row: Spelling) -> None:
    value = parse_value(row.text)
    assert _reading(value) == row._replace(doubts=tuple(sorted(row.doubts)))
    assert value.raw == row.text
    assert list(value.doubts) == sorted(value.doubts, key=list(DOUBTS).index)
    if row.number is not None:
        assert value.number == Decimal(row.number)


# The operator and the unit exactly as written (operator_raw, raw_unit).
AS_WRITTEN = [
    ("＞＝95％", "＞＝", "％"),
    (">=95%", ">=", "%"),
    ("≥≥98%", "≥≥", "%"),
    ("≧90%", "≧", "%"),
    ("95%以上", "以上", "%"),
    ("不低于95%", "不低于", "%"),
    ("控制在10万元以内", "控制在…以内", "万元"),
    ("不低于95%以上", "不低于…以上", "%"),
    ("≥95萬元", "≥", "萬元"),
    ("百分之九十五", None, "百分之"),
    ("≤200元/人.月", "≤", "元/人.月"),
    ("50㎡", None, "㎡"),
    ("5KM", None, "KM"),
    ("242 人数", None, "人数"),
    ("100%", None, "%"),
    ("≥ 95 ％", "≥", "％"),
    ("2024年12月底前", "前", None),
    ("12月31日之前", "之前", None),
    ("截至2024年12月31日", "截至", None),
    ("95%以上(不含)", "以上(不含)", "%"),
]


@pytest.mark.parametrize(("text", "operator_raw", "raw_unit"), AS_WRITTEN)
def test_as_written(text: str, operator_raw: str | None, raw_unit: str | None) -> None:
    value = parse_value(text)
    assert (value.operator_raw, value.raw_unit) == (operator_raw, raw_unit)


def test_none_reads_as_empty() -> None:
    value = parse_value(None)
    assert (value.raw, value.kind, value.doubts) == ("", "placeholder", ("empty",))
