"""Money: exact Decimal amounts in an ISO currency; floats and currency mixes refused."""

from __future__ import annotations

import operator
from collections.abc import Callable
from decimal import ROUND_HALF_EVEN, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import servicecodex as sc

# EL-17 … EL-21: monthly base pay per rung of the e-commerce ladder, in yuan.
EL_PAY = (1800, 2200, 2500, 3000, 4000)
# TB-08: guaranteed monthly minimum in the 1st, 2nd and 3rd year.
TB_08_MINIMUMS = (2000, 2200, 2500)


def cny(amount: Decimal | int | str) -> sc.Money:
    return sc.Money(amount, "CNY")


# Construction -----------------------------------------------------------------------


@pytest.mark.parametrize("amount", [Decimal("1800"), 1800, "1800", "1800.00", " 1800 "])
def test_construction_accepts_decimal_int_and_str(amount: Decimal | int | str) -> None:
    pay = cny(amount)
    assert isinstance(pay.amount, Decimal)
    assert pay.amount == Decimal(1800)
    assert pay == cny(Decimal("1800.00"))
    assert pay.currency == "CNY"


def test_equal_amounts_hash_alike() -> None:
    assert hash(cny("2200")) == hash(cny("2200.00"))
    assert len({cny("2200"), cny("2200.00"), cny(2200)}) == 1


def test_float_is_refused_with_float_money_error() -> None:
    with pytest.raises(sc.FloatMoneyError) as exc:
        sc.Money(1800.0, "CNY")
    error = exc.value
    assert isinstance(error, TypeError)
    assert isinstance(error, sc.MoneyError)
    assert isinstance(error, sc.ServiceCodexError)
    assert error.field == "Money.amount"
    assert error.value == 1800.0
    assert "Money.amount" in str(error)


@pytest.mark.parametrize(
    "amount",
    [
        True,
        False,
        Decimal("NaN"),
        Decimal("sNaN"),
        Decimal("Infinity"),
        "inf",
        "-Infinity",
        "nan",
        "1,800",
        "一千八百",
        "",
        "¥1800",
        None,
        [1800],
    ],
)
def test_non_numbers_are_refused_naming_the_field(amount: object) -> None:
    with pytest.raises(sc.MoneyError) as exc:
        sc.Money(amount, "CNY")
    assert not isinstance(exc.value, sc.FloatMoneyError)
    assert isinstance(exc.value, ValueError)
    assert exc.value.field == "Money.amount"
    assert str(exc.value).startswith("Money.amount: ")


@pytest.mark.parametrize("currency", ["RMB", "cny", "XXY", "", " CNY", None, 156])
def test_unknown_currency_is_refused(currency: object) -> None:
    with pytest.raises(sc.MoneyError) as exc:
        sc.Money(1800, currency)
    assert exc.value.field == "Money.currency"
    assert "ISO 4217" in str(exc.value)


def test_zero() -> None:
    zero = sc.Money.zero("CNY")
    assert zero == cny(0)
    assert not zero
    assert cny("0.01")


# Arithmetic and comparison ----------------------------------------------------------


def test_addition_and_subtraction() -> None:
    # Promotion from trial (EL-17) to junior (EL-18) is a 400 yuan rise.
    assert cny(1800) + cny(400) == cny(2200)
    assert cny(2500) - cny(2200) == cny(300)
    assert cny(2000) - cny(2200) == cny(-200)
    assert -cny(300) == cny(-300)
    assert abs(cny(-300)) == cny(300)


def test_multiplication_and_division() -> None:
    assert cny(50) * 2 == cny(100)
    assert 4 * cny(50) == cny(200)
    assert cny(50) * Decimal("1.5") == cny(75)
    assert cny(4000) / 2 == cny(2000)
    assert cny(3000) / Decimal("1.5") == cny(2000)


def test_tb39_doubling_fines_sum_with_total() -> None:
    """TB-39: 50 yuan the 1st time, doubled each time after (50, 100, 200)."""
    fines = [cny(50) * 2 ** (n - 1) for n in (1, 2, 3)]
    assert fines == [cny(50), cny(100), cny(200)]
    assert sc.Money.total(fines, "CNY") == cny(350)


def test_total_of_nothing_is_zero_in_that_currency() -> None:
    assert sc.Money.total([], "CNY") == sc.Money.zero("CNY")
    assert sc.Money.total([], "HKD").currency == "HKD"


def test_total_of_the_el_pay_table() -> None:
    assert sc.Money.total((cny(p) for p in EL_PAY), "CNY") == cny(13500)


def test_total_refuses_another_currency() -> None:
    with pytest.raises(sc.CurrencyMismatchError):
        sc.Money.total([cny(1800), sc.Money(1800, "HKD")], "CNY")
    with pytest.raises(sc.CurrencyMismatchError):
        sc.Money.total([sc.Money(1800, "HKD")], "CNY")


def test_comparisons_order_the_tb08_minimums() -> None:
    first, second, third = (cny(m) for m in TB_08_MINIMUMS)
    assert first < second < third
    assert third > second >= cny(2200)
    assert first <= cny("2000.00")
    assert max(third, first, second) == third
    assert sorted([third, first, second]) == [first, second, third]


@pytest.mark.parametrize(
    "op",
    [operator.add, operator.sub, operator.lt, operator.le, operator.gt, operator.ge],
    ids=["+", "-", "<", "<=", ">", ">="],
)
def test_currency_mix_raises(op: Callable[[sc.Money, sc.Money], object]) -> None:
    with pytest.raises(sc.CurrencyMismatchError) as exc:
        op(cny(1800), sc.Money(1800, "HKD"))
    assert isinstance(exc.value, sc.MoneyError)
    assert isinstance(exc.value, ValueError)
    assert "HKD" in str(exc.value)
    assert "CNY" in str(exc.value)


def test_amounts_in_different_currencies_are_not_equal() -> None:
    assert cny(1800) != sc.Money(1800, "HKD")


def test_combining_with_a_plain_number_is_refused() -> None:
    with pytest.raises(TypeError):
        cny(1800) + 400  # type: ignore[operator]
    with pytest.raises(sc.MoneyError):
        cny(1800) * cny(2)  # type: ignore[operator]


def test_float_factor_and_divisor_are_refused() -> None:
    with pytest.raises(sc.FloatMoneyError):
        cny(50) * 1.5  # type: ignore[operator]
    with pytest.raises(sc.FloatMoneyError):
        cny(3000) / 1.5  # type: ignore[operator]


def test_division_by_zero_is_a_money_error() -> None:
    with pytest.raises(sc.MoneyError) as exc:
        cny(2200) / 0
    assert "division by zero" in str(exc.value)


# Rounding ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "rounded"),
    [
        ("2.345", "2.35"),
        ("2.344", "2.34"),
        ("2.335", "2.34"),
        ("-2.345", "-2.35"),
        ("1800", "1800.00"),
        ("0.005", "0.01"),
    ],
)
def test_rounding_is_half_up_to_the_cent(amount: str, rounded: str) -> None:
    result = cny(amount).rounded()
    assert result == cny(rounded)
    assert result.amount.as_tuple().exponent == -2


def test_daily_rate_from_monthly_pay() -> None:
    # 2200 a month over China's statutory 21.75 paid days: 101.149… -> 101.15.
    daily = cny(2200) / Decimal("21.75")
    assert daily != cny("101.15")  # exact until rounded
    assert daily.rounded() == cny("101.15")


def test_rounding_quantum_and_mode_are_choices() -> None:
    assert cny("2.5").rounded(Decimal(1)) == cny(3)
    assert cny("2.345").rounded(rounding=ROUND_HALF_EVEN) == cny("2.34")


# Formatting -------------------------------------------------------------------------


def test_format_zh_hans_cn() -> None:
    assert cny(1800).format("zh_Hans_CN") == "¥1,800.00"


def test_format_en() -> None:
    assert cny(1800).format("en") == "CN¥1,800.00"
    assert cny(1800).localize("en") == "CN¥1,800.00"


def test_format_keeps_cents() -> None:
    assert cny("101.149").rounded().format("zh_Hans_CN") == "¥101.15"


def test_format_refuses_unknown_locale() -> None:
    with pytest.raises(sc.UnsupportedLocaleError):
        cny(1800).format("not-a-locale")


def test_str_and_json_keep_the_exact_amount() -> None:
    assert str(cny("1800.00")) == "1800.00 CNY"
    assert cny("101.15").to_json() == {"amount": "101.15", "currency": "CNY"}


# Properties -------------------------------------------------------------------------

cents = st.decimals(
    min_value=Decimal("-1000000000000"),
    max_value=Decimal("1000000000000"),
    places=2,
    allow_nan=False,
    allow_infinity=False,
)


def _in_cents(value: Decimal) -> int:
    return int(value.scaleb(2))


@given(cents, cents)
def test_addition_is_exact(a: Decimal, b: Decimal) -> None:
    total = (cny(a) + cny(b)).amount
    assert _in_cents(total) == _in_cents(a) + _in_cents(b)
    assert total.scaleb(2) == _in_cents(a) + _in_cents(b)


@given(cents, cents)
def test_addition_is_commutative(a: Decimal, b: Decimal) -> None:
    assert cny(a) + cny(b) == cny(b) + cny(a)


@given(cents, cents, cents)
def test_addition_is_associative(a: Decimal, b: Decimal, c: Decimal) -> None:
    assert (cny(a) + cny(b)) + cny(c) == cny(a) + (cny(b) + cny(c))


@given(cents, cents)
def test_subtraction_undoes_addition(a: Decimal, b: Decimal) -> None:
    assert (cny(a) + cny(b)) - cny(b) == cny(a)


@given(st.lists(cents, max_size=20))
def test_total_matches_the_sum_of_amounts(amounts: list[Decimal]) -> None:
    assert sc.Money.total([cny(a) for a in amounts], "CNY") == cny(sum(amounts, Decimal(0)))


@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**9), max_value=10**9))
def test_rounding_moves_at_most_half_a_cent(amount: Decimal) -> None:
    rounded = cny(amount).rounded()
    assert abs(rounded.amount - amount) <= Decimal("0.005")
    assert rounded.rounded() == rounded


@given(st.floats())
def test_no_float_is_ever_accepted(value: float) -> None:
    with pytest.raises(sc.FloatMoneyError):
        sc.Money(value, "CNY")
    with pytest.raises(sc.FloatMoneyError):
        cny(50) * value  # type: ignore[operator]
