"""Masking customers' personal data (JW-27: never disclosed to a third party; EH-26: kept
confidential): phone numbers however they are written, ID numbers, emails and known names
and addresses, by the documented per-kind rules."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from servicecodex._errors import ValidationError
from servicecodex._masking import (
    PERSONAL_FIELDS,
    PersonalKind,
    mask_json,
    mask_text,
    mask_value,
)
from servicecodex._normalize import fold

# Per-kind rules ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "value", "masked"),
    [
        (PersonalKind.NAME, "张三", "张**"),
        (PersonalKind.NAME, "欧阳娜娜", "欧**"),  # the length is hidden too
        (PersonalKind.NAME, "買買提·艾力", "買**"),
        (PersonalKind.NAME, "John Smith", "J** S**"),
        (PersonalKind.NAME, "  李四 ", "李**"),
        (PersonalKind.PHONE, "13812345678", "138****5678"),
        (PersonalKind.PHONE, "138-1234-5678", "138-****-5678"),
        (PersonalKind.PHONE, "+86 138 1234 5678", "+86 138 **** 5678"),
        (PersonalKind.PHONE, "１３８１２３４５６７８", "１３８****５６７８"),
        (PersonalKind.PHONE, "021-12345678", "021-****5678"),
        (PersonalKind.PHONE, "(0755) 1234567", "(0755) ***4567"),
        (PersonalKind.PHONE, "12345678", "****5678"),  # no area code: last 4 only
        (PersonalKind.PHONE, "+44 20 7946 0958", "+** ** **** 0958"),
        (PersonalKind.ID_NUMBER, "110101199003074518", "110101********4518"),
        (PersonalKind.ID_NUMBER, "11010119900307451x", "110101********451x"),
        (PersonalKind.ID_NUMBER, "110101900307451", "110101******451"),
        (PersonalKind.ID_NUMBER, "E12345678", "*********"),  # too short to show anything
        (PersonalKind.ID_NUMBER, "G1234567890", "G******7890"),
        (PersonalKind.EMAIL, "zhang.san@example.com", "z***@example.com"),
        (PersonalKind.EMAIL, "a@qq.com", "a***@qq.com"),
        (PersonalKind.EMAIL, "13812345678@139.com", "1***@139.com"),
        (PersonalKind.EMAIL, "not-an-email", "n***"),
        (PersonalKind.ADDRESS, "上海市浦东新区张江路88号", "上海市浦东新区****"),
        (PersonalKind.ADDRESS, "广东省深圳市南山区科技园南区12栋", "广东省深圳市南山区****"),
        (PersonalKind.ADDRESS, "北京市朝阳区建国路1号", "北京市朝阳区****"),
        (
            PersonalKind.ADDRESS,
            "内蒙古自治区呼和浩特市新城区北街",
            "内蒙古自治区呼和浩特市新城区****",
        ),
        (PersonalKind.ADDRESS, "江苏省苏州市工业园区星湖街328号", "江苏省苏州市工业园区****"),
        (PersonalKind.ADDRESS, "浙江省杭州市西湖区文三路幸福小区5幢", "浙江省杭州市西湖区****"),
        (PersonalKind.ADDRESS, "臺北市大安區忠孝東路四段", "臺北市大安區****"),
        (PersonalKind.ADDRESS, "幸福小区3栋401", "****"),  # a compound is not a district
        (PersonalKind.ADDRESS, "上海市浦东新区", "上海市浦东新区"),  # nothing personal after it
    ],
)
def test_each_kind_has_its_rule(kind: PersonalKind, value: str, masked: str) -> None:
    assert mask_value(kind, value) == masked
    assert mask_value(kind.value, value) == masked
    assert mask_value(kind, masked) == masked  # idempotent


def test_blank_values_stay_blank() -> None:
    for kind in PersonalKind:
        assert mask_value(kind, "") == ""
        assert mask_value(kind, "  ") == "  "


def test_a_bad_kind_or_value_is_refused() -> None:
    with pytest.raises(ValidationError, match="use one of name, phone"):
        mask_value("passport", "E12345678")
    with pytest.raises(ValidationError, match="expected a str"):
        mask_value(PersonalKind.PHONE, 13812345678)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="expected a str"):
        mask_text(None)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="not one string"):
        mask_text("张三", known="张三")


def test_kinds_have_labels() -> None:
    assert PersonalKind.PHONE.localize("en") == "phone number"


# Free text ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("请回电13812345678谢谢", "请回电138****5678谢谢"),
        ("电话：138 1234 5678。", "电话：138 **** 5678。"),
        ("电话：１３８－１２３４－５６７８", "电话：１３８－****－５６７８"),
        ("电话 1 3 8 1 2 3 4 5 6 7 8", "电话 1 3 8 * * * * 5 6 7 8"),
        ("手机+86 13812345678", "手机+86 138****5678"),
        ("手机 0086-138-1234-5678", "手机 0086-138-****-5678"),
        ("手机 (+86)138.1234.5678", "手机 (+86)138.****.5678"),
        ("外地手机拨 013812345678", "外地手机拨 0138****5678"),
        ("手机1381\u200b2345\u200b678", "手机138*\u200b***5\u200b678"),
        ("**13812345678**", "**138****5678**"),  # markdown bold
        ("138*1234*5678", "138****5678"),  # lone stars are separators
        ("共7件 13812345678", "共7件 138****5678"),
        ("座机 021-12345678 转 8001", "座机 021-****5678 转 8001"),
        ("座机（0755）8765 4321", "座机（0755）**** 4321"),
        ("+86 21 1234 5678", "+86 21 **** 5678"),
        ("+86 (0)21 1234-5678", "+86 (0)21 ****-5678"),
        ("身份证 110101199003074518", "身份证 110101********4518"),
        ("身份证 11010119900307451X", "身份证 110101********451X"),
        ("旧证 110101900307451", "旧证 110101******451"),
        ("邮箱 zhang.san@example.com，", "邮箱 z***@example.com，"),
        ("邮箱 ｌｉｕ＠ｅｘａｍｐｌｅ．ｃｏｍ", "邮箱 ｌ***＠ｅｘａｍｐｌｅ．ｃｏｍ"),
        ("13812345678@qq.com", "1***@qq.com"),
        ("a@13812345678.com", "a***@138****5678.com"),
    ],
)
def test_personal_data_in_text_is_masked(text: str, masked: str) -> None:
    assert mask_text(text) == masked
    assert mask_text(masked) == masked


@pytest.mark.parametrize(
    "text",
    [
        "订单 20260302 已发货，共 13 件，¥1,380.00",
        "2026-03-02 10:30 来电，等待 45 秒",
        "运单号 SF1234567890123",
        "订单号 3289012345678901234",  # 19 digits: no phone, no ID
        "138123456789",  # glued to a 12th digit: a longer number
        "客服热线 400-820-8820",  # a company number, not a landline with an area code
        "评价：质量很好，物流快！",
        "",
    ],
)
def test_text_without_personal_data_is_unchanged(text: str) -> None:
    assert mask_text(text) == text


def test_known_names_and_addresses_are_masked_wherever_they_appear() -> None:
    text = "張 三来电，说张三的地址是上海市浦东新区张江路88号，ZHANG SAN 也是他"
    known: list[str | tuple[PersonalKind, str]] = [
        "张三",
        (PersonalKind.ADDRESS, "上海市浦东新区张江路88号"),
        (PersonalKind.NAME, "Zhang San"),
    ]
    assert mask_text(text, known) == "張**来电，说张**的地址是上海市浦东新区****，Z** S** 也是他"


def test_a_plain_known_value_is_masked_by_what_it_looks_like() -> None:
    assert mask_text("回电 13812345678", known=["13812345678"]) == "回电 138****5678"
    assert mask_text("from liu@example.com", known=["liu@example.com"]) == "from l***@example.com"
    assert mask_text("tb_buyer_88 says hi", known=["tb_buyer_88"]) == "t** says hi"
    assert mask_text("王说好", known=["王"]) == "**说好"  # one character: nothing kept
    assert mask_text("no one", known=["", "***"]) == "no one"  # nothing to look for


def test_a_latin_known_value_is_a_whole_word() -> None:
    assert mask_text("Li called the client", known=["Li"]) == "L** called the client"
    assert mask_text("买家tb_buyer_88说", known=["tb_buyer_88"]) == "买家t**说"
    assert mask_text("xtb_buyer_88", known=["tb_buyer_88"]) == "xtb_buyer_88"


def test_a_known_value_is_not_found_across_a_mask() -> None:
    once = mask_text("张三三", known=["张三"])
    assert once == "张**三"
    assert mask_text(once, known=["张三"]) == once


def test_a_bad_known_value_is_refused() -> None:
    with pytest.raises(ValidationError, match="a string or a"):
        mask_text("x", known=[42])  # type: ignore[list-item]


# JSON --------------------------------------------------------------------------------


def test_json_masks_personal_fields_and_free_text() -> None:
    data = {
        "customer_name": "刘建国",
        "phone": 13812345678,
        "contacts": [
            {"content": "刘建国说请回电 13812345678，邮箱 liu@example.com", "agent": "zhou"},
            {"content": "ok", "minutes": 3, "done": True, "note": None},
        ],
        "address": ("上海市浦东新区张江路88号", "北京市朝阳区建国路1号"),
    }
    masked = mask_json(data)
    assert masked == {
        "customer_name": "刘**",
        "phone": "138****5678",
        "contacts": [
            {"content": "刘**说请回电 138****5678，邮箱 l***@example.com", "agent": "zhou"},
            {"content": "ok", "minutes": 3, "done": True, "note": None},
        ],
        "address": ("上海市浦东新区****", "北京市朝阳区****"),
    }
    assert data["customer_name"] == "刘建国"  # copied, not changed
    assert mask_json(masked) == masked


def test_json_kinds_name_the_personal_fields() -> None:
    kinds = {"Wangwang": PersonalKind.NAME, "tel": PersonalKind.PHONE}
    data = {"wangwang": "tb_buyer_88", "TEL": "13812345678", "review": "tb_buyer_88: 差评"}
    assert mask_json(data, kinds) == {
        "wangwang": "t**",  # case does not matter
        "TEL": "138****5678",
        "review": "t**: 差评",
    }
    assert mask_json(data, {})["wangwang"] == "tb_buyer_88"  # no personal field named
    assert "phone" in PERSONAL_FIELDS
    with pytest.raises(ValidationError, match="PersonalKind"):
        mask_json(data, {"tel": "phone"})  # type: ignore[dict-item]


# Properties --------------------------------------------------------------------------

FULL_WIDTH = {str(d): chr(0xFF10 + d) for d in range(10)}
SEPARATORS = [" ", "-", ".", "(", ")", "（", "）", "\u3000", "\u200b", "－", "·", "/", "\t", "—"]
HAN = "客户说请回电话号码是谢您好的吗我们已经收到订单"
AROUND = st.text(alphabet=HAN + "，。：！？ abcxX*【】", max_size=12)


@st.composite
def written_phone(draw: st.DrawFn) -> tuple[str, str]:
    """A mobile number and how someone wrote it: digits in either width, anything between."""
    digits = (
        "1" + draw(st.sampled_from("3456789")) + draw(st.text("0123456789", min_size=9, max_size=9))
    )
    written = []
    for i, d in enumerate(digits):
        if i:
            gap = "".join(draw(st.lists(st.sampled_from(SEPARATORS), max_size=2)))
            if draw(st.booleans()) and draw(st.booleans()):
                gap += "*"  # a lone star between digits is a separator too
            written.append(gap)
        written.append(FULL_WIDTH[d] if draw(st.booleans()) else d)
    prefix = draw(st.sampled_from(["", "+86 ", "0086-", "(+86)", "86", "0", "＋８６ "]))
    return digits, prefix + "".join(written)


@given(
    written_phone(),
    AROUND,
    AROUND,
    st.one_of(st.just(""), st.text("023456789", min_size=1, max_size=6).map(lambda n: n + " ")),
)
@settings(max_examples=400)
@example(("13812345678", "138-1234-5678"), "请回电", "谢谢", "")
def test_a_phone_number_never_leaks(
    phone: tuple[str, str], before: str, after: str, neighbour: str
) -> None:
    digits, written = phone
    text = before + neighbour + written + after
    masked = mask_text(text)
    assert digits not in fold(masked).text
    assert mask_text(masked) == masked


NOISY = st.text(
    alphabet="0123456789１３８ -.*()+@xX张三李四abc.com，\u3000\u200b",
    max_size=40,
)


@given(NOISY, st.lists(st.sampled_from(["张三", "李四", "abc", "13812345678", "x"]), max_size=3))
@settings(max_examples=400)
def test_masking_is_idempotent(text: str, known: list[str]) -> None:
    once = mask_text(text, known)
    assert mask_text(once, known) == once


@given(st.sampled_from(list(PersonalKind)), NOISY.filter(str.strip))
@settings(max_examples=300)
def test_masking_a_value_is_idempotent(kind: PersonalKind, value: str) -> None:
    once = mask_value(kind, value)
    assert mask_value(kind, once) == once


SMALL_NUMBER = st.integers(0, 999_999_999).map(str)
PUNCTUATION = st.text(alphabet="，。！？ abcXY*-()【】", max_size=3)
# Words between numbers hold a Chinese character, so that no two numbers join.
WORDS = st.tuples(PUNCTUATION, st.text(alphabet=HAN, min_size=1, max_size=4), PUNCTUATION).map(
    "".join
)


@given(st.lists(st.tuples(WORDS, SMALL_NUMBER), max_size=5), WORDS)
def test_text_without_personal_data_is_left_alone(parts: list[tuple[str, str]], end: str) -> None:
    text = "".join(f"{words}{number}" for words, number in parts) + end
    assert mask_text(text) == text
