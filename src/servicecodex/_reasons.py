"""Why an outcome is what it is: citations, reasons and outcomes.

A :class:`Citation` names the rule (``TB-39``) and the clause of the regulation it comes
from.  A :class:`Reason` adds the facts used and a message; :meth:`Reason.explain` renders
it through the message catalogs in zh_Hans, zh_Hant or en, formatting each fact for the
locale (money with its currency sign, dates, durations).  An :class:`Outcome` is a value
with the reasons that produced it.
"""

from __future__ import annotations

import datetime as _dt
import re
import string
import types
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, Generic, Protocol, TypeVar, runtime_checkable

import attrs

from servicecodex._errors import PolicyError
from servicecodex._i18n import N_, babel_locale, catalog_locale, gettext
from servicecodex._text import Text
from servicecodex._validate import as_tuple, of_type

__all__ = ["Citation", "Localizable", "Outcome", "Reason", "Source", "format_fact"]

RULE_ID = re.compile(r"^[A-Z]{2,4}-\d{2,3}$")
T = TypeVar("T")


@runtime_checkable
class Localizable(Protocol):
    """Anything that can render itself in a locale (``Text``, ``Money``, periods …)."""

    def localize(self, locale: str = "en") -> str: ...


def _rule_id(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not RULE_ID.fullmatch(value):
        raise PolicyError("Citation.rule_id", value, "a rule id looks like 'TB-39' or 'GM-01'")


def _clause(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise PolicyError("Citation.clause", value, "name the clause of the regulation")


@attrs.frozen
class Citation:
    """A rule of an organisation: its catalogue id and the clause it comes from.

    >>> Citation("JW-12", "000 篇2 第四條.1")
    Citation(rule_id='JW-12', clause='000 篇2 第四條.1')
    """

    rule_id: str = attrs.field(validator=_rule_id)
    clause: str = attrs.field(validator=_clause)


def _unit_duration(seconds: int, locale: str) -> str:
    """Hours, minutes or seconds, the largest unit that is exact (regulations count
    deadlines in hours: "48小时", never "2天")."""
    from babel.units import format_unit

    loc = babel_locale(locale)
    value, unit = seconds, "duration-second"
    for candidate, size in (("duration-hour", 3600), ("duration-minute", 60)):
        if seconds and seconds % size == 0:
            value, unit = seconds // size, candidate
            break
    text = str(format_unit(value, unit, length="long", locale=loc))
    if unit in text:  # CLDR has no long form for this locale (zh): use the short one
        text = str(format_unit(value, unit, length="short", locale=loc))
    return text


def _count_of(count: int, unit: str, locale: str) -> str:
    """*count* with its CLDR *unit* ("duration-day") in *locale*: the long form, the short
    one where the locale has none (zh), without a space in Chinese ("3个月", "3天")."""
    from babel.units import format_unit

    loc = babel_locale(locale)
    text = str(format_unit(count, unit, length="long", locale=loc))
    if unit in text:
        text = str(format_unit(count, unit, length="short", locale=loc))
    return text.replace(" ", "") if loc.language == "zh" else text


@attrs.frozen
class Days:
    """A number of days as a fact, in words with the locale's plural: deadlines in hours
    are durations, callback windows count calendar days.

    >>> Days(1).localize("en"), Days(3).localize("en"), Days(3).localize("zh_Hans")
    ('1 day', '3 days', '3天')
    """

    count: int

    def localize(self, locale: str = "en") -> str:
        """The count with its unit in *locale*."""
        return _count_of(self.count, "duration-day", locale)


@attrs.frozen
class Months:
    """A number of months as a fact of a reason: "3 months", "3个月", "3 個月"."""

    count: int

    def localize(self, locale: str = "en") -> str:
        """The count with its unit in *locale*."""
        return _count_of(self.count, "duration-month", locale)


@attrs.frozen
class Count:
    """A count of things as a fact, the noun in the reader's plural: *one* and *other*
    are message ids holding ``{n}`` ("{n} entry", "{n} entries"), translated like every
    message; Chinese has one form for both.

    >>> entries = (N_("{n} entry"), N_("{n} entries"))
    >>> Count(1, *entries).localize("en"), Count(1200, *entries).localize("en")
    ('1 entry', '1,200 entries')
    """

    n: int
    one: str
    other: str

    def localize(self, locale: str = "en") -> str:
        """The count with its noun in *locale*."""
        from babel.numbers import format_decimal

        message = self.one if self.n == 1 else self.other
        return gettext(message, locale).format(
            n=format_decimal(self.n, locale=babel_locale(locale))
        )


@attrs.frozen
class Percent:
    """A rate as a fact of a reason: ``Decimal("0.075")`` renders "7.5%"."""

    rate: Decimal

    def localize(self, locale: str = "en") -> str:
        """The rate as a percentage, up to two decimals."""
        from babel.numbers import format_percent

        return str(format_percent(self.rate, "#,##0.##%", locale=babel_locale(locale)))


@attrs.frozen
class Label:
    """A core message (a catalog msgid) as a fact of a reason, translated when rendered."""

    msgid: str

    def localize(self, locale: str = "en") -> str:
        """The message in *locale*."""
        return gettext(self.msgid, locale)


def format_fact(value: object, locale: str = "en") -> str:
    """A fact as a person reading *locale* expects it.

    Money gets its currency sign, numbers their grouping, durations the largest exact
    unit, dates the locale's medium form; lists are joined the locale's way.

    >>> import datetime
    >>> format_fact(datetime.timedelta(hours=24), "zh_Hans"), format_fact(Decimal("1800"), "en")
    ('24小时', '1,800')
    """
    from babel import dates, lists, numbers

    loc = babel_locale(locale)
    if isinstance(value, str):
        return value
    if isinstance(value, Localizable):
        return value.localize(locale)
    if isinstance(value, bool):
        return gettext(N_("yes") if value else N_("no"), locale)
    if isinstance(value, int | Decimal):
        return str(numbers.format_decimal(value, locale=loc))
    if isinstance(value, _dt.timedelta):
        return _unit_duration(int(value.total_seconds()), locale)
    if isinstance(value, _dt.datetime):
        return str(dates.format_datetime(value, "medium", tzinfo=value.tzinfo, locale=loc))
    if isinstance(value, _dt.date):
        return str(dates.format_date(value, "medium", locale=loc))
    if isinstance(value, _dt.time):
        return str(dates.format_time(value, "HH:mm", locale=loc))
    if isinstance(value, Sequence | frozenset | set):
        items = [format_fact(v, locale) for v in value]
        return str(lists.format_list(items, locale=loc)) if items else "—"
    raise TypeError(f"cannot render a fact of type {type(value).__name__}")


def _placeholders(template: str) -> set[str]:
    try:
        names = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError as exc:
        raise PolicyError("Reason.message", template, f"not a valid template: {exc}") from None
    for name in names:
        if not name.isidentifier():
            raise PolicyError("Reason.message", template, "placeholders are names, like {rings}")
    return set(names)


_FACT_TYPES = (str, Localizable, bool, int, Decimal, _dt.timedelta, _dt.date, _dt.time)


def _check_fact(name: str, value: object) -> None:
    if isinstance(value, Sequence | frozenset | set) and not isinstance(value, str):
        for item in value:
            _check_fact(name, item)
    elif isinstance(value, _dt.datetime):
        from servicecodex._time import instant

        instant(value, f"Reason.facts[{name}]")  # a naive moment is refused
    elif not isinstance(value, _FACT_TYPES):
        raise PolicyError(
            f"Reason.facts[{name}]",
            value,
            "a fact is text, a whole number, a Decimal, Money, a date, time or duration "
            "(floats are not exact)",
        )


def _facts(value: Mapping[str, object]) -> Mapping[str, object]:
    return types.MappingProxyType(dict(value))


@attrs.frozen
class Source:
    """A regulation (or part of one) that rules are cited from; calling it makes a citation
    whose clause starts with the source's name.

    >>> cite = Source("002 第一篇")
    >>> cite("EL-07", "四.2 G")
    Citation(rule_id='EL-07', clause='002 第一篇 四.2 G')
    """

    name: str = attrs.field(validator=_clause)

    def __call__(self, rule_id: str, clause: str) -> Citation:
        """The rule *rule_id* from *clause* of this source."""
        return Citation(rule_id, f"{self.name} {clause}")


@attrs.frozen
class Reason:
    """One rule's part in an outcome: which rule, which clause, which facts, and a message.

    *message* is a template whose ``{placeholders}`` name *facts*: either an English
    msgid that servicecodex's catalogs translate (the core's own messages), or a
    :class:`~servicecodex.Text` holding the template in each language (a plugin's own
    messages, which no catalog of ours knows).  English explanations start with a capital.

    >>> r = Reason(Citation("JW-12", "000 篇2 第四條.1"),
    ...            N_("Answer the {channel} within {rings} rings"),
    ...            {"channel": "phone", "rings": 3})
    >>> r.explain("en")
    'Answer the phone within 3 rings (JW-12)'

    A plugin's own message comes with its translations:

    >>> fine = Reason(Citation("TB-46", "002 P2 7)"),
    ...               Text(en="absent on {day}", zh_Hans="{day}旷工"),
    ...               {"day": pendulum.date(2026, 3, 2)})
    >>> fine.explain("zh_Hant"), fine.explain("en")
    ('2026年3月2日曠工（TB-46）', 'Absent on Mar 2, 2026 (TB-46)')
    """

    cite: Citation
    message: str | Text
    facts: Mapping[str, object] = attrs.field(factory=dict, converter=_facts, hash=False)

    def __attrs_post_init__(self) -> None:
        templates = (
            [self.message.en, self.message.zh_Hans, self.message.zh_Hant]
            if isinstance(self.message, Text)
            else [self.message]
        )
        for name, value in self.facts.items():
            _check_fact(name, value)
        for template in templates:
            if template is None:
                continue
            needed = _placeholders(template)
            missing = needed - set(self.facts)
            if missing:
                raise PolicyError("Reason.facts", dict(self.facts), f"missing {sorted(missing)}")

    @property
    def rule_id(self) -> str:
        """The rule's catalogue id."""
        return self.cite.rule_id

    def explain(self, locale: str = "en") -> str:
        """The reason as a sentence in *locale*, ending with the rule id."""
        language = catalog_locale(locale)  # an unsupported locale fails here
        template = (
            self.message.localize(locale)
            if isinstance(self.message, Text)
            else gettext(self.message, locale)
        )
        text = template.format(**{k: format_fact(v, locale) for k, v in self.facts.items()})
        if language == "en":
            text = text[:1].upper() + text[1:]
        return gettext(N_("{text} ({rule_id})"), locale).format(text=text, rule_id=self.rule_id)

    def to_json(self, locale: str = "en") -> dict[str, Any]:
        """The reason as plain JSON data, the message rendered in *locale*."""
        return {
            "rule_id": self.rule_id,
            "clause": self.cite.clause,
            "message": self.explain(locale),
            "facts": {k: format_fact(v, locale) for k, v in self.facts.items()},
        }


@attrs.frozen
class Outcome(Generic[T]):
    """A value together with the reasons that produced it."""

    value: T
    reasons: tuple[Reason, ...] = attrs.field(converter=as_tuple)

    def explain(self, locale: str = "en") -> list[str]:
        """Every reason, rendered in *locale*."""
        return [r.explain(locale) for r in self.reasons]


#: The validator of a rule's optional citation: a policy checks a rule only when it cites it.
optional_citation = of_type(Citation, optional=True)


def cited(rules: Sequence[tuple[Citation | None, str, Mapping[str, object]]]) -> list[Reason]:
    """The reasons of the *rules* a policy cites (citation, message, facts), in order;
    a rule without a citation is not part of the policy."""
    return [Reason(cite, message, facts) for cite, message, facts in rules if cite is not None]
