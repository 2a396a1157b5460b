"""Plain JSON data for records (the shape of ``servicecodex inspect --json``).

Rules, so that other tools can rely on the shape (documented in docs/cli.md):
attrs records become objects keyed by their field names; ``Text`` becomes
``{"en", "zh_Hans", "zh_Hant"}`` (derived scripts filled in); ``Money`` becomes
``{"amount": "1800.00", "currency": "CNY"}``; ``Decimal`` a string; dates ISO 8601;
wall-clock times ``"HH:MM"``; durations whole seconds; enums their value; sets sorted
lists.  A record that can describe itself also gets ``"explanation"``, rendered in the
requested locale.
"""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import typing
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import attrs
import cattrs
from cattrs.gen import make_dict_unstructure_fn, override

from servicecodex._conditions import Condition
from servicecodex._ladder import GradingLadder
from servicecodex._money import Money
from servicecodex._penalties import BatchFine, DoublingFine, Fine, FixedFine, ThresholdFine
from servicecodex._profile import OrganizationProfile
from servicecodex._text import Text

__all__ = ["to_data"]


def _text(value: Text) -> dict[str, str]:
    return {loc: value.localize(loc) for loc in ("en", "zh_Hans", "zh_Hant")}


def _is_set(kind: Any) -> bool:
    return kind in (set, frozenset) or typing.get_origin(kind) in (set, frozenset)


@functools.cache
def _converter(locale: str) -> cattrs.Converter:
    conv = cattrs.Converter()
    conv.register_unstructure_hook(Text, _text)
    conv.register_unstructure_hook(Money, Money.to_json)
    conv.register_unstructure_hook(Decimal, str)
    conv.register_unstructure_hook(_dt.time, lambda t: t.strftime("%H:%M"))
    conv.register_unstructure_hook(_dt.timedelta, lambda d: int(d.total_seconds()))
    conv.register_unstructure_hook(_dt.date, lambda d: d.isoformat())
    conv.register_unstructure_hook_func(_is_set, sorted)
    conv.register_unstructure_hook(enum.Enum, lambda e: e.value)
    fields_of: dict[type, Callable[[Any], dict[str, Any]]] = {}

    def condition(value: Condition) -> dict[str, Any]:
        kind = type(value)
        if kind not in fields_of:  # a plugin's own condition kind need not be attrs
            fields_of[kind] = (
                make_dict_unstructure_fn(kind, conv) if attrs.has(kind) else (lambda _: {})
            )
        data: dict[str, Any] = {"type": kind.__name__, **fields_of[kind](value)}
        data["requirement"] = value.localize(locale)
        return data

    conv.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, Condition), condition
    )

    def fine(value: Fine) -> dict[str, Any]:
        kind = type(value)
        return {"type": kind.__name__, **make_dict_unstructure_fn(kind, conv)(value)}

    for kind in (FixedFine, DoublingFine, ThresholdFine, BatchFine):
        conv.register_unstructure_hook(kind, fine)
    conv.register_unstructure_hook(
        GradingLadder,
        lambda ladder: {
            **make_dict_unstructure_fn(GradingLadder, conv)(ladder),
            "explanation": ladder.describe().explain(locale),
            "transitions": [
                {
                    **conv.unstructure(t),
                    "explanation": ladder.describe_transition(t).explain(locale),
                }
                for t in ladder.transitions
            ],
        },
    )
    conv.register_unstructure_hook(
        OrganizationProfile,
        make_dict_unstructure_fn(OrganizationProfile, conv, calendar=override(omit=True)),
    )

    def describing(cls: type) -> Any:
        base: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(cls, conv)

        def unstructure(value: Any) -> dict[str, Any]:
            data: dict[str, Any] = base(value)
            described = value.describe()
            # A record of several rules (swap, handover, attendance, leave) explains each.
            data["explanation"] = (
                [r.explain(locale) for r in described]
                if isinstance(described, list)
                else described.explain(locale)
            )
            return data

        return unstructure

    conv.register_unstructure_hook_factory(
        lambda cls: attrs.has(cls) and callable(getattr(cls, "describe", None)), describing
    )
    return conv


def to_data(value: object, locale: str = "en") -> Any:
    """*value* (a record, or a dict/list of them) as JSON-ready data."""
    return _converter(locale).unstructure(value)
