"""attrs validators and converters shared by the records; each raises PolicyError
naming the class, the field and the value."""

from __future__ import annotations

import datetime as _dt
import enum
import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs
import pendulum

from servicecodex._errors import PolicyError, ValidationError

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)
SLUG = re.compile(r"^[a-z][a-z0-9_-]*$")
Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def where(instance: object, attribute: attrs.Attribute[Any]) -> str:
    """``"Class.field"``, for error messages."""
    return f"{type(instance).__name__}.{attribute.name}"


def slug(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An identifier: lower-case letters, digits, ``-`` and ``_``, starting with a letter."""
    if not isinstance(value, str) or not SLUG.fullmatch(value):
        raise PolicyError(
            where(instance, attribute), value, "an id is lower-case, like 'senior-agent'"
        )


def currency(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An ISO 4217 currency code babel knows."""
    from servicecodex._money import known_currencies

    if not isinstance(value, str) or value not in known_currencies():
        raise PolicyError(
            where(instance, attribute), value, "not an ISO 4217 currency code such as 'CNY'"
        )


def optional_slug(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An identifier (see :func:`slug`), or ``None``."""
    if value is not None:
        slug(instance, attribute, value)


def nonblank(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A str with something in it."""
    if not isinstance(value, str) or not value.strip():
        raise PolicyError(where(instance, attribute), value, "must be a non-blank str")


def of_type(kind: type | tuple[type, ...], *, optional: bool = False) -> Validator:
    """The value is an instance of *kind* (or ``None`` when *optional*)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if optional and value is None:
            return
        if not isinstance(value, kind):
            names = (
                kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            )
            raise PolicyError(where(instance, attribute), value, f"expected {names}")

    return check


def tuple_of(kind: type, *, nonempty: bool = False) -> Validator:
    """A tuple of *kind* (convert with ``converter=as_tuple``); optionally non-empty."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
        if nonempty and not value:
            raise PolicyError(where(instance, attribute), value, "must not be empty")
        for item in value:
            if not isinstance(item, kind):
                raise PolicyError(
                    where(instance, attribute), item, f"expected {kind.__name__} items"
                )

    return check


def by_id(
    items: Iterable[T],
    key: Callable[[T], str],
    wanted: str,
    what: str,
    error: type[ValidationError] = PolicyError,
) -> T:
    """The item whose key is *wanted*; otherwise *error* (a PolicyError for lookups in
    policy data, a plain ValidationError for a user's input) listing the known keys."""
    known = []
    for item in items:
        if key(item) == wanted:
            return item
        known.append(key(item))
    raise error(what, wanted, f"unknown; known: {', '.join(known) or 'none'}")


def unique(items: Iterable[T], key: Callable[[T], object], field: str) -> None:
    """Raise naming the first key that occurs twice."""
    seen: set[object] = set()
    for item in items:
        k = key(item)
        if k in seen:
            raise PolicyError(field, k, "duplicate id")
        seen.add(k)


def whole(
    low: int = 0,
    high: int | None = None,
    *,
    optional: bool = False,
    error: type[ValidationError] = PolicyError,
) -> Validator:
    """A whole number (not a bool) from *low* to *high*; ``None`` too when *optional*."""
    if high is not None:
        wanted = f"a whole number from {low} to {high}"
    elif low == 0:
        wanted = "a whole number of zero or more"
    else:
        wanted = f"a whole number of at least {low}"

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if optional and value is None:
            return
        if (
            not isinstance(value, int)
            or isinstance(value, bool)
            or value < low
            or (high is not None and value > high)
        ):
            raise error(where(instance, attribute), value, wanted)

    return check


def duration(
    value: object,
    field: str,
    error: type[ValidationError] = PolicyError,
    *,
    positive: bool = False,
) -> _dt.timedelta:
    """*value* as a span of zero or more (more than zero when *positive*).  A converter's
    body: attrs converters must be named functions for mypy, so each field keeps a
    one-line wrapper."""
    zero = _dt.timedelta(0)
    if not isinstance(value, _dt.timedelta) or value < zero or (positive and value == zero):
        raise error(
            field, value, "a positive timedelta" if positive else "a timedelta of zero or more"
        )
    return value


def timezone_name(value: object, field: str) -> str:
    """*value* if it is an IANA timezone name, such as ``"Asia/Shanghai"``; anything else
    raises a PolicyError naming *field* (a converter's body, like :func:`duration`).

    >>> timezone_name("Asia/Shanghai", "timezone")
    'Asia/Shanghai'
    >>> timezone_name("UTC+8", "BusinessCalendar.timezone")
    Traceback (most recent call last):
    ...
    servicecodex.PolicyError: BusinessCalendar.timezone: not an IANA timezone name such as 'Asia/Shanghai' (got 'UTC+8')
    """
    if isinstance(value, str):
        try:
            pendulum.timezone(value)
        except Exception:  # pendulum raises several kinds for a bad name
            pass
        else:
            return value
    raise PolicyError(field, value, "not an IANA timezone name such as 'Asia/Shanghai'")


def iana_timezone(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """An IANA timezone name (see :func:`timezone_name`)."""
    timezone_name(value, where(instance, attribute))


def wall_clock(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A wall-clock ``datetime.time`` in whole minutes, with no tzinfo."""
    if (
        not isinstance(value, _dt.time)
        or value.tzinfo is not None
        or value.second
        or value.microsecond
    ):
        raise PolicyError(
            where(instance, attribute), value, "a wall-clock time in whole minutes, no tzinfo"
        )


def as_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Converter to a tuple.  Typed ``Iterable[Any]`` on purpose: with the builtin
    ``tuple`` as converter, mypy's attrs plugin types ``__init__`` with an unsolvable
    type variable and no caller type-checks; the items are checked by a validator."""
    return tuple(value)


def enum_of(
    kind: type[E], field: str, error: type[ValidationError] = PolicyError
) -> Callable[[object], E]:
    """Converter: a member of *kind*, or a member's value (``"greeting"``); anything else
    raises *error* listing the values."""

    def convert(value: object) -> E:
        if isinstance(value, kind):
            return value
        try:
            return kind(value)
        except ValueError:
            values = ", ".join(str(m.value) for m in kind)
            raise error(field, value, f"unknown; use one of {values}") from None

    return convert


def user_input(check: Validator) -> Validator:
    """*check*, raising a plain ValidationError: for records of what happened (a punch, a
    handover log), which are a user's input, not policy data."""

    def run(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        try:
            check(instance, attribute, value)
        except PolicyError as exc:
            raise ValidationError(exc.field, exc.value, exc.problem) from None

    return run
