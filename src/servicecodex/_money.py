"""Money: a ``Decimal`` amount with an ISO 4217 currency.

Floats are refused (``0.1 + 0.2 != 0.3``), so are mixed currencies.  Arithmetic is exact;
rounding happens only when asked for, with :meth:`Money.rounded` (half-up to the cent by
default, the convention of Chinese payroll), and each caller that rounds says so.
"""

from __future__ import annotations

import functools
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

import attrs

from servicecodex._errors import (
    CurrencyMismatchError,
    FloatError,
    FloatMoneyError,
    MoneyError,
    ValidationError,
)
from servicecodex._i18n import babel_locale

if TYPE_CHECKING:
    from collections.abc import Iterable

__all__ = ["CENT", "Money"]

CENT = Decimal("0.01")


def to_amount(value: object, field: str = "Money.amount", what: str = "money") -> Decimal:
    """*value* as an exact, finite ``Decimal``; ints and numeric strings are accepted.
    *what* names the quantity in the message ("money", "points")."""
    money = what == "money"
    error = MoneyError if money else ValidationError
    if isinstance(value, float):
        float_error = FloatMoneyError if money else FloatError
        raise float_error(field, value, f"floats are not accepted for {what}; use Decimal('…')")
    if isinstance(value, bool):
        raise error(field, value, "a bool is not an amount")
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, str):
        try:
            amount = Decimal(value.strip())
        except InvalidOperation:
            raise error(field, value, "not a decimal number") from None
    else:
        raise error(field, value, f"expected Decimal, int or str, not {type(value).__name__}")
    if not amount.is_finite():
        raise error(field, value, "must be finite")
    return amount


@functools.cache
def known_currencies() -> frozenset[str]:
    """Every ISO 4217 code babel knows."""
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def _currency(value: object) -> str:
    if not isinstance(value, str) or value not in known_currencies():
        raise MoneyError("Money.currency", value, "not an ISO 4217 currency code such as 'CNY'")
    return value


@attrs.frozen(order=False)
class Money:
    """An exact amount of one currency.

    >>> pay = Money("1800", "CNY") + Money(100, "CNY")
    >>> pay
    Money(amount=Decimal('1900'), currency='CNY')
    >>> pay.format("zh_Hans_CN"), pay.format("en")
    ('¥1,900.00', 'CN¥1,900.00')
    >>> Money(0.5, "CNY")
    Traceback (most recent call last):
    ...
    servicecodex.FloatMoneyError: Money.amount: floats are not accepted for money; use Decimal('…') (got 0.5)
    """

    amount: Decimal = attrs.field(converter=to_amount)
    currency: str = attrs.field(converter=_currency)

    @classmethod
    def zero(cls, currency: str) -> Money:
        """No money in *currency*."""
        return cls(Decimal(0), currency)

    @staticmethod
    def total(amounts: Iterable[Money], currency: str) -> Money:
        """The sum of *amounts* (all in *currency*); zero when there are none."""
        result = Money.zero(currency)
        for amount in amounts:
            result = result + amount
        return result

    def _same(self, other: Money, op: str) -> Money:
        if other.currency != self.currency:
            raise CurrencyMismatchError(
                f"Money {op}", other, f"currency {other.currency} does not match {self.currency}"
            )
        return other

    # Anything but Money: NotImplemented, so Python raises its usual TypeError.
    def __add__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.amount + self._same(other, "+").amount, self.currency)

    def __sub__(self, other: Money) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.amount - self._same(other, "-").amount, self.currency)

    def __mul__(self, factor: Decimal | int) -> Money:
        if isinstance(factor, Money):  # type: ignore[unreachable]  # callers without types
            raise MoneyError("Money *", factor, "money times money has no meaning")
        return Money(self.amount * to_amount(factor, "Money * factor"), self.currency)

    __rmul__ = __mul__

    def __truediv__(self, divisor: Decimal | int) -> Money:
        value = to_amount(divisor, "Money / divisor")
        if value == 0:
            raise MoneyError("Money / divisor", divisor, "division by zero")
        return Money(self.amount / value, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __abs__(self) -> Money:
        return Money(abs(self.amount), self.currency)

    def __lt__(self, other: Money) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self.amount < self._same(other, "<").amount

    def __le__(self, other: Money) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self.amount <= self._same(other, "<=").amount

    def __gt__(self, other: Money) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self.amount > self._same(other, ">").amount

    def __ge__(self, other: Money) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self.amount >= self._same(other, ">=").amount

    def __bool__(self) -> bool:
        return bool(self.amount)

    def rounded(self, quantum: Decimal = CENT, rounding: str = ROUND_HALF_UP) -> Money:
        """Rounded to *quantum* (default 0.01) with *rounding* (default half-up).

        >>> Money("2.345", "CNY").rounded()
        Money(amount=Decimal('2.35'), currency='CNY')
        """
        return Money(self.amount.quantize(quantum, rounding=rounding), self.currency)

    def format(self, locale: str = "en") -> str:
        """The amount as a person in *locale* writes it (babel's currency format)."""
        from babel.numbers import format_currency

        return str(format_currency(self.amount, self.currency, locale=babel_locale(locale)))

    localize = format

    def __str__(self) -> str:
        return f"{self.amount} {self.currency}"

    def to_json(self) -> dict[str, Any]:
        """``{"amount": "1800", "currency": "CNY"}``: the amount as an exact string, with the
        places it was given (``Money("1800.00", …)`` gives ``"1800.00"``)."""
        return {"amount": str(self.amount), "currency": self.currency}
