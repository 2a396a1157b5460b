"""Conditions for promotion, demotion and dismissal: typed, composable, explained.

A condition is checked against a :class:`Context` (the agent, their history, the day
"as of") and returns a :class:`Check`: met or not, the reason with the facts that decided
it, and the checks of its parts.  Conditions compose with :class:`AllOf`, :class:`AnyOf`
and :class:`Not`.  A plugin adds its own kind of condition by subclassing
:class:`Condition` (see docs/ladders.md).

Windows (:class:`Window`) say which part of the history counts: the last N months, the
N months after the last promotion, everything since the promotion, or since hire.
"""

from __future__ import annotations

import datetime as _dt
from abc import ABC, abstractmethod
from collections.abc import Iterator
from decimal import Decimal

import attrs
import pendulum

from servicecodex._errors import PolicyError, ValidationError
from servicecodex._history import History
from servicecodex._i18n import N_, babel_locale, catalog_locale, gettext
from servicecodex._reasons import Citation, Reason, format_fact
from servicecodex._staff import Agent
from servicecodex._text import Text
from servicecodex._time import DateRange, PeriodKind, day
from servicecodex._validate import as_tuple, of_type, slug

__all__ = [
    "AllOf",
    "AnyOf",
    "AverageRankAtMost",
    "Check",
    "Condition",
    "Context",
    "FactCount",
    "FactRecorded",
    "FailedAppraisals",
    "GradeCount",
    "MeasuredAtLeast",
    "MonthsEmployed",
    "MonthsInRung",
    "Not",
    "RankOutsideTop",
    "TitlesAtLeast",
    "Window",
    "render",
    "requirement",
]


def _as_of(value: _dt.date) -> pendulum.Date:
    return day(value, "as_of")


@attrs.frozen
class Context:
    """What a condition is checked against: the agent, their history (checked to be
    theirs), and the day "as of" (a date; pendulum or stdlib)."""

    agent: Agent = attrs.field(validator=of_type(Agent))
    history: History = attrs.field(validator=of_type(History))
    as_of: pendulum.Date = attrs.field(converter=_as_of)

    def __attrs_post_init__(self) -> None:
        if self.history.agent_id != self.agent.id:
            raise ValidationError(
                "history.agent_id",
                self.history.agent_id,
                f"history of another agent than {self.agent.id}",
            )


@attrs.frozen
class Check:
    """The result of checking one condition: *met*, why (*reason*), and its parts' checks."""

    met: bool
    reason: Reason
    parts: tuple[Check, ...] = ()

    def lines(self, locale: str = "en", depth: int = 0) -> list[str]:
        """This check and its parts, one line each, marked ✓ or ✗ and indented."""
        mark = "✓" if self.met else "✗"
        out = [f"{'  ' * depth}{mark} {self.reason.explain(locale)}"]
        for part in self.parts:
            out.extend(part.lines(locale, depth + 1))
        return out


class Condition(ABC):
    """A condition of a ladder.  Subclass it (an ``attrs.frozen`` class is simplest) to
    add a kind of your own: implement :meth:`check` and :meth:`localize`."""

    __slots__ = ()

    @abstractmethod
    def check(self, context: Context, cite: Citation) -> Check:
        """Check the condition; *cite* is the rule it belongs to."""

    @abstractmethod
    def localize(self, locale: str = "en") -> str:
        """The requirement in words, in *locale* (for ``servicecodex inspect``)."""


def _words(msgid: str, locale: str, **facts: object) -> str:
    return gettext(msgid, locale).format(**{k: format_fact(v, locale) for k, v in facts.items()})


def render(template: str | Text, locale: str = "en", **facts: object) -> str:
    """*template* (a :class:`Text` holding it in each language) filled with *facts*
    formatted for *locale*: what a plugin's own condition needs for :meth:`Condition.localize`.

    >>> render(Text(en="no absence {window}", zh_Hans="{window}无缺勤"), "zh_Hans", window=Window(3))
    '近3个整月内无缺勤'
    """
    text = template.localize(locale) if isinstance(template, Text) else template
    return text.format(**{k: format_fact(v, locale) for k, v in facts.items()})


class _Alternatives:
    """Grades joined with "or" in the reader's language."""

    def __init__(self, items: frozenset[str]) -> None:
        self.items = sorted(items)

    def localize(self, locale: str = "en") -> str:
        from babel.lists import format_list

        return str(format_list(self.items, style="or", locale=babel_locale(locale)))


def _count(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise PolicyError(
            f"{type(instance).__name__}.{attribute.name}", value, "a whole number >= 1"
        )


def _optional_count(
    instance: object, attribute: attrs.Attribute[int | None], value: object
) -> None:
    if value is not None:
        _count(instance, attribute, value)  # type: ignore[arg-type]


@attrs.frozen
class Window:
    """Which part of the history counts.

    * ``Window()``: the whole record up to "as of" (facts recorded before hire, such
      as a hiring test, included);
    * ``Window(months=6)``: the last 6 full calendar months: the month "as of" falls in
      counts only when "as of" is its last day (an assessment on 5 April looks at
      October to March), and the days since then up to "as of";
    * ``Window(since_promotion=True)``: from the day the current rung was entered;
    * ``Window(months=12, since_promotion=True)``: the first 12 months of it.

    An appraisal belongs to a window when its period *ends* inside it, so a quarter that
    finished after a promotion counts against the new rung.  A dated fact belongs when
    its date is inside.
    """

    months: int | None = attrs.field(default=None, validator=_optional_count)
    since_promotion: bool = attrs.field(default=False, validator=of_type(bool))

    def range(self, context: Context) -> DateRange:
        """The days the window covers for this agent and day."""
        agent, as_of = context.agent, context.as_of
        if self.since_promotion:
            start = agent.rung_since
            if as_of < start:
                raise ValidationError(
                    "as_of", as_of, f"is before {agent.id} entered the rung on {start}"
                )
            end = (
                as_of
                if self.months is None
                else min(as_of, start.add(months=self.months).subtract(days=1))
            )
            return DateRange(start, end)
        if self.months is None:
            return DateRange(_DAWN, as_of)
        finished = (
            as_of if as_of == as_of.end_of("month") else as_of.start_of("month").subtract(days=1)
        )
        return DateRange(finished.start_of("month").subtract(months=self.months - 1), as_of)

    def localize(self, locale: str = "en") -> str:
        """The window in words."""
        if self.since_promotion:
            if self.months is None:
                return _words(N_("since the last promotion"), locale)
            return _words(
                N_("within {months} months of the last promotion"), locale, months=self.months
            )
        if self.months is None:
            return _words(N_("so far"), locale)
        return _words(N_("in the last {months} full months"), locale, months=self.months)


_DAWN = pendulum.Date(1, 1, 1)
_EVER = Window()


def _cite(own: Citation | None, given: Citation) -> Citation:
    return own if own is not None else given


@attrs.frozen
class MonthsEmployed(Condition):
    """At least *months* whole months since hire."""

    months: int = attrs.field(validator=_count)
    cite: Citation | None = attrs.field(default=None, kw_only=True)

    def check(self, context: Context, cite: Citation) -> Check:
        actual = context.agent.months_employed(context.as_of)
        facts = {"actual": actual, "hired": context.agent.hired, "months": self.months}
        return Check(
            actual >= self.months,
            Reason(
                _cite(self.cite, cite),
                N_("Whole months since hire on {hired}: {actual} (needs {months})"),
                facts,
            ),
        )

    def localize(self, locale: str = "en") -> str:
        return _words(N_("whole months since hire: at least {months}"), locale, months=self.months)


@attrs.frozen
class MonthsInRung(Condition):
    """At least *months* whole months in the current rung."""

    months: int = attrs.field(validator=_count)
    cite: Citation | None = attrs.field(default=None, kw_only=True)

    def check(self, context: Context, cite: Citation) -> Check:
        actual = context.agent.months_in_rung(context.as_of)
        facts = {"actual": actual, "since": context.agent.rung_since, "months": self.months}
        return Check(
            actual >= self.months,
            Reason(
                _cite(self.cite, cite),
                N_("Whole months in the rung since {since}: {actual} (needs {months})"),
                facts,
            ),
        )

    def localize(self, locale: str = "en") -> str:
        return _words(
            N_("whole months in the current rung: at least {months}"), locale, months=self.months
        )


@attrs.frozen
class AverageRankAtMost(Condition):
    """The average monthly rank over *window* is *rank* or better ("月均前三名")."""

    rank: int = attrs.field(validator=_count)
    window: Window = attrs.field(default=_EVER, validator=of_type(Window))
    cite: Citation | None = attrs.field(default=None, kw_only=True)

    def check(self, context: Context, cite: Citation) -> Check:
        days = self.window.range(context)
        average = context.history.average_rank(days)
        months = len(context.history.monthly_ranks(days))
        cite = _cite(self.cite, cite)
        if average is None:
            return Check(
                False,
                Reason(
                    cite,
                    N_("No monthly rank {window} (needs an average of {rank} or better)"),
                    {"window": self.window, "rank": self.rank},
                ),
            )
        facts = {"average": average, "count": months, "window": self.window, "rank": self.rank}
        return Check(
            average <= self.rank,
            Reason(
                cite,
                N_(
                    "Average monthly rank {window}: {average} over {count} months (needs {rank} or better)"
                ),
                facts,
            ),
        )

    def localize(self, locale: str = "en") -> str:
        return _words(
            N_("an average monthly rank of {rank} or better {window}"),
            locale,
            rank=self.rank,
            window=self.window,
        )


def _grades(value: object) -> frozenset[str]:
    grades: frozenset[str] = frozenset([value] if isinstance(value, str) else value)  # type: ignore[call-overload]
    if not grades or not all(isinstance(g, str) and g for g in grades):
        raise PolicyError("GradeCount.grades", value, "one or more grade ids, e.g. {'A'}")
    return grades


@attrs.frozen
class GradeCount(Condition):
    """At least *count* appraisals of *period* graded one of *grades* in *window*;
    with *consecutive*, in back-to-back periods.  ``GradeCount("A", 2, consecutive=True)``
    is "two consecutive quarters graded A"."""

    grades: frozenset[str] = attrs.field(converter=_grades)
    count: int = attrs.field(validator=_count)
    consecutive: bool = attrs.field(default=False, validator=of_type(bool))
    window: Window = attrs.field(default=_EVER, validator=of_type(Window))
    period: PeriodKind = attrs.field(default=PeriodKind.QUARTER, validator=of_type(PeriodKind))
    cite: Citation | None = attrs.field(default=None, kw_only=True)

    def check(self, context: Context, cite: Citation) -> Check:
        days = self.window.range(context)
        hits = [c for c in context.history.cards(self.period, days) if c.grade in self.grades]
        if self.consecutive:
            actual = context.history.run_of_cards(
                self.period, days, lambda c: c.grade in self.grades
            )
            message = N_(
                "Consecutive {period} appraisals graded {grades} {window}: {actual} (needs {count})"
            )
        else:
            actual = len(hits)
            message = N_("{period} appraisals graded {grades} {window}: {actual} (needs {count})")
        facts = {
            "actual": actual,
            "period": self.period,
            "grades": _Alternatives(self.grades),
            "window": self.window,
            "count": self.count,
        }
        return Check(actual >= self.count, Reason(_cite(self.cite, cite), message, facts))

    def localize(self, locale: str = "en") -> str:
        message = (
            N_("consecutive {period} appraisals graded {grades} {window}: at least {count}")
            if self.consecutive
            else N_("{period} appraisals graded {grades} {window}: at least {count}")
        )
        return _words(
            message,
            locale,
            count=self.count,
            period=self.period,
            grades=_Alternatives(self.grades),
            window=self.window,
        )


@attrs.frozen
class TitlesAtLeast(Condition):
    """At least *count* titles *title* earned by "as of" (e.g. 优秀客服)."""

    title: str = attrs.field(validator=slug)
    count: int = attrs.field(validator=_count)
    name: Text | None = attrs.field(default=None, validator=of_type(Text, optional=True))
    cite: Citation | None = attrs.field(default=None, kw_only=True)

    def check(self, context: Context, cite: Citation) -> Check:
        actual = len(context.agent.titles_held(self.title, context.as_of))
        facts = {
            "actual": actual,
            "title": self.name or self.title,
            "as_of": context.as_of,
            "count": self.count,
        }
        return Check(
            actual >= self.count,
            Reason(
                _cite(self.cite, cite),
                N_("“{title}” titles by {as_of}: {actual} (needs {count})"),
                facts,
            ),
        )

    def localize(self, locale: str = "en") -> str:
        return _words(
            N_("“{title}” titles: at least {count}"),
            locale,
            count=self.count,
            title=self.name or self.title,
        )


@attrs.frozen
class RankOutsideTop(Condition):
    """At least *count* months ranked worse than *top* in *window* (consecutive or not)."""

    top: int = attrs.field(validator=_count)
    count: int = attrs.field(validator=_count)
    consecutive: bool = attrs.field(default=False, validator=of_type(bool))
    window: Window = attrs.field(default=_EVER, validator=of_type(Window))
    cite: Citation | None = attrs.field(default=None, kw_only=True)

    def check(self, context: Context, cite: Citation) -> Check:
        days = self.window.range(context)
        if self.consecutive:
            actual = context.history.run_of_ranks(days, lambda r: r.position > self.top)
            message = N_(
                "Consecutive months ranked outside the top {top} {window}: {actual} (needs {count})"
            )
        else:
            actual = sum(1 for r in context.history.monthly_ranks(days) if r.position > self.top)
            message = N_("Months ranked outside the top {top} {window}: {actual} (needs {count})")
        facts = {"actual": actual, "top": self.top, "window": self.window, "count": self.count}
        return Check(actual >= self.count, Reason(_cite(self.cite, cite), message, facts))

    def localize(self, locale: str = "en") -> str:
        message = (
            N_("consecutive months ranked outside the top {top} {window}: at least {count}")
            if self.consecutive
            else N_("months ranked outside the top {top} {window}: at least {count}")
        )
        return _words(message, locale, count=self.count, top=self.top, window=self.window)


@attrs.frozen
class FailedAppraisals(Condition):
    """At least *count* failed appraisals of *period* (below the pass mark) in *window*;
    with *consecutive*, back to back ("2 consecutive failing months")."""

    count: int = attrs.field(validator=_count)
    consecutive: bool = attrs.field(default=True, validator=of_type(bool))
    period: PeriodKind = attrs.field(default=PeriodKind.MONTH, validator=of_type(PeriodKind))
    window: Window = attrs.field(default=_EVER, validator=of_type(Window))
    cite: Citation | None = attrs.field(default=None, kw_only=True)

    def check(self, context: Context, cite: Citation) -> Check:
        days = self.window.range(context)
        if self.consecutive:
            actual = context.history.run_of_cards(self.period, days, lambda c: c.passed is False)
            message = N_(
                "Consecutive failed {period} appraisals {window}: {actual} (needs {count})"
            )
        else:
            actual = sum(1 for c in context.history.cards(self.period, days) if c.passed is False)
            message = N_("Failed {period} appraisals {window}: {actual} (needs {count})")
        facts = {
            "actual": actual,
            "period": self.period,
            "window": self.window,
            "count": self.count,
        }
        return Check(actual >= self.count, Reason(_cite(self.cite, cite), message, facts))

    def localize(self, locale: str = "en") -> str:
        message = (
            N_("consecutive failed {period} appraisals {window}: at least {count}")
            if self.consecutive
            else N_("failed {period} appraisals {window}: at least {count}")
        )
        return _words(message, locale, count=self.count, period=self.period, window=self.window)


@attrs.frozen
class FactRecorded(Condition):
    """A manual fact of *kind* (an anonymous team vote, a promotion defence) recorded as
    passed in *window*; the latest such fact decides."""

    kind: str = attrs.field(validator=slug)
    window: Window = attrs.field(default=_EVER, validator=of_type(Window))
    name: Text | None = attrs.field(default=None, validator=of_type(Text, optional=True))
    cite: Citation | None = attrs.field(default=None, kw_only=True)

    def check(self, context: Context, cite: Citation) -> Check:
        facts = context.history.facts_of(self.kind, self.window.range(context))
        cite = _cite(self.cite, cite)
        label = self.name or self.kind
        if not facts:
            return Check(
                False,
                Reason(
                    cite,
                    N_("No “{fact}” recorded {window}"),
                    {"fact": label, "window": self.window},
                ),
            )
        latest = facts[-1]
        message = N_("“{fact}” passed on {on}") if latest.passed else N_("“{fact}” failed on {on}")
        return Check(latest.passed, Reason(cite, message, {"fact": label, "on": latest.on}))

    def localize(self, locale: str = "en") -> str:
        return _words(
            N_("“{fact}” passed {window}"), locale, fact=self.name or self.kind, window=self.window
        )


def _minimum(value: object) -> Decimal:
    from servicecodex._money import to_amount

    return to_amount(value, "MeasuredAtLeast.minimum", "numbers")


@attrs.frozen
class MeasuredAtLeast(Condition):
    """The latest measurement of *kind* (a fact with a value, e.g. typing speed) is at
    least *minimum*."""

    kind: str = attrs.field(validator=slug)
    minimum: Decimal = attrs.field(converter=_minimum)
    name: Text | None = attrs.field(default=None, validator=of_type(Text, optional=True))
    unit: Text | None = attrs.field(default=None, validator=of_type(Text, optional=True))
    cite: Citation | None = attrs.field(default=None, kw_only=True)

    def check(self, context: Context, cite: Citation) -> Check:
        record = _EVER.range(context)
        measured = [f for f in context.history.facts_of(self.kind, record) if f.value is not None]
        cite = _cite(self.cite, cite)
        label = self.name or self.kind
        if not measured:
            return Check(
                False,
                Reason(
                    cite,
                    N_("No “{fact}” measured (needs {minimum})"),
                    {"fact": label, "minimum": self._amount(self.minimum)},
                ),
            )
        latest = measured[-1]
        assert latest.value is not None
        facts = {
            "fact": label,
            "value": self._amount(latest.value),
            "on": latest.on,
            "minimum": self._amount(self.minimum),
        }
        return Check(
            latest.value >= self.minimum,
            Reason(cite, N_("Latest “{fact}”: {value} on {on} (needs {minimum})"), facts),
        )

    def _amount(self, value: Decimal) -> object:
        return value if self.unit is None else _Measured(value, self.unit)

    def localize(self, locale: str = "en") -> str:
        return _words(
            N_("“{fact}” of at least {minimum}"),
            locale,
            fact=self.name or self.kind,
            minimum=self._amount(self.minimum),
        )


class _Measured:
    """A number with its unit ("80 字/分")."""

    def __init__(self, value: Decimal, unit: Text) -> None:
        self.value, self.unit = value, unit

    def localize(self, locale: str = "en") -> str:
        return f"{format_fact(self.value, locale)} {self.unit.localize(locale)}"


@attrs.frozen
class FactCount(Condition):
    """At least *count* facts of *kind* in *window* ("3 warnings")."""

    kind: str = attrs.field(validator=slug)
    count: int = attrs.field(validator=_count)
    window: Window = attrs.field(default=_EVER, validator=of_type(Window))
    name: Text | None = attrs.field(default=None, validator=of_type(Text, optional=True))
    cite: Citation | None = attrs.field(default=None, kw_only=True)

    def check(self, context: Context, cite: Citation) -> Check:
        actual = len(context.history.facts_of(self.kind, self.window.range(context)))
        facts = {
            "actual": actual,
            "fact": self.name or self.kind,
            "window": self.window,
            "count": self.count,
        }
        return Check(
            actual >= self.count,
            Reason(
                _cite(self.cite, cite), N_("“{fact}” {window}: {actual} (needs {count})"), facts
            ),
        )

    def localize(self, locale: str = "en") -> str:
        return _words(
            N_("“{fact}” {window}: at least {count}"),
            locale,
            count=self.count,
            fact=self.name or self.kind,
            window=self.window,
        )


def _conditions(value: object) -> tuple[Condition, ...]:
    items = as_tuple(value)  # type: ignore[arg-type]
    if not items or not all(isinstance(c, Condition) for c in items):
        raise PolicyError("conditions", value, "one or more Condition objects")
    return items


def _joined(conditions: tuple[Condition, ...], locale: str) -> str:
    separator = "; " if catalog_locale(locale) == "en" else "；"
    return separator.join(c.localize(locale) for c in conditions)


@attrs.frozen(init=False)
class AllOf(Condition):
    """Every one of *conditions* (``AllOf(a, b, c)``)."""

    conditions: tuple[Condition, ...]
    cite: Citation | None

    def __init__(self, *conditions: Condition, cite: Citation | None = None) -> None:
        self.__attrs_init__(_conditions(conditions), cite)

    def check(self, context: Context, cite: Citation) -> Check:
        cite = _cite(self.cite, cite)
        parts = tuple(c.check(context, cite) for c in self.conditions)
        met = sum(p.met for p in parts)
        facts = {"met": met, "count": len(parts)}
        return Check(
            met == len(parts),
            Reason(cite, N_("{met} of {count} conditions met, all needed"), facts),
            parts,
        )

    def localize(self, locale: str = "en") -> str:
        return _words(
            N_("all of: {conditions}"), locale, conditions=_joined(self.conditions, locale)
        )


@attrs.frozen(init=False)
class AnyOf(Condition):
    """At least one of *conditions* (``AnyOf(a, b)``)."""

    conditions: tuple[Condition, ...]
    cite: Citation | None

    def __init__(self, *conditions: Condition, cite: Citation | None = None) -> None:
        self.__attrs_init__(_conditions(conditions), cite)

    def check(self, context: Context, cite: Citation) -> Check:
        cite = _cite(self.cite, cite)
        parts = tuple(c.check(context, cite) for c in self.conditions)
        met = sum(p.met for p in parts)
        facts = {"met": met, "count": len(parts)}
        return Check(
            met > 0,
            Reason(cite, N_("{met} of {count} conditions met, one is enough"), facts),
            parts,
        )

    def localize(self, locale: str = "en") -> str:
        return _words(
            N_("any of: {conditions}"), locale, conditions=_joined(self.conditions, locale)
        )


@attrs.frozen
class Not(Condition):
    """The opposite of *condition* ("no grade below B" = ``Not(GradeCount({"C", "D"}, 1))``)."""

    condition: Condition = attrs.field(validator=of_type(Condition))
    cite: Citation | None = attrs.field(default=None, kw_only=True)

    def check(self, context: Context, cite: Citation) -> Check:
        cite = _cite(self.cite, cite)
        inner = self.condition.check(context, cite)
        return Check(
            not inner.met,
            Reason(
                cite, N_("Must not hold: {condition}"), {"condition": _Requirement(self.condition)}
            ),
            (inner,),
        )

    def localize(self, locale: str = "en") -> str:
        return _words(N_("not: {condition}"), locale, condition=_Requirement(self.condition))


class _Requirement:
    """A condition's requirement as a fact of a reason."""

    def __init__(self, condition: Condition) -> None:
        self.condition = condition

    def localize(self, locale: str = "en") -> str:
        return self.condition.localize(locale)


def walk(condition: Condition) -> Iterator[Condition]:
    """*condition* and every condition inside it (through AllOf, AnyOf and Not)."""
    yield condition
    if isinstance(condition, AllOf | AnyOf):
        for part in condition.conditions:
            yield from walk(part)
    elif isinstance(condition, Not):
        yield from walk(condition.condition)


def requirement(condition: Condition) -> object:
    """A condition's requirement, renderable as a fact of a :class:`Reason`."""
    return _Requirement(condition)
