"""Appraisal schemes and the scorecards they produce.

A scheme (the answer of ``servicecodex_appraisal_scheme``) says what an agent is scored
on and how: criteria worth up to so many points (optionally weighted), plus- and
minus-point items with fixed points per occurrence, "+"/"−" descriptors that reviewers
mark, a grade scale, a pass mark, the periods appraised, and whether a quarter is scored
on its own or derived from its three months.

:meth:`AppraisalScheme.score` turns one agent's points for one period into a
:class:`Scorecard`, refusing unknown criteria and points above a criterion's maximum.
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Iterable, Mapping
from decimal import ROUND_HALF_UP, Decimal

import attrs

from servicecodex._errors import PolicyError, ValidationError
from servicecodex._i18n import N_, LabelledEnum, label_members
from servicecodex._money import to_amount
from servicecodex._reasons import Citation, Reason
from servicecodex._text import Text
from servicecodex._time import CalendarPeriod, PeriodKind, Quarter
from servicecodex._validate import as_tuple, by_id, nonblank, of_type, slug, tuple_of, unique

__all__ = [
    "Adjustment",
    "AppraisalScheme",
    "Criterion",
    "Descriptor",
    "Grade",
    "GradeScale",
    "PassMark",
    "QuarterRule",
    "ScoreLine",
    "Scorecard",
]

#: Derived quarter totals are rounded half-up to this (the mean of three months).
SCORE_QUANTUM = Decimal("0.01")


def _max_points(value: object) -> Decimal:
    return to_amount(value, "Criterion.max_points", "points")


def _weight(value: object) -> Decimal:
    return to_amount(value, "Criterion.weight", "points")


def _item_points(value: object) -> Decimal:
    return to_amount(value, "Adjustment.points", "points")


def _pass_points(value: object) -> Decimal:
    return to_amount(value, "PassMark.points", "points")


def _positive(instance: object, attribute: attrs.Attribute[Decimal], value: Decimal) -> None:
    if value <= 0:
        raise PolicyError(f"{type(instance).__name__}.{attribute.name}", value, "must be above 0")


@attrs.frozen
class Criterion:
    """One thing an agent is scored on, worth up to *max_points*.

    A *weight* other than 1 scales the points into the total: a criterion scored out of
    100 with weight ``Decimal("0.6")`` contributes at most 60 (EH-34's "60%").
    """

    id: str = attrs.field(validator=slug)
    name: Text = attrs.field(validator=of_type(Text))
    max_points: Decimal = attrs.field(converter=_max_points, validator=_positive)
    cite: Citation = attrs.field(validator=of_type(Citation))
    weight: Decimal = attrs.field(default=Decimal(1), converter=_weight, validator=_positive)

    @property
    def contributes(self) -> Decimal:
        """The most this criterion adds to the total."""
        return self.max_points * self.weight

    def describe(self) -> Reason:
        """The criterion in words."""
        if self.weight == 1:
            return Reason(
                self.cite,
                N_("{criterion}: up to {points} points"),
                {"criterion": self.name, "points": self.max_points},
            )
        return Reason(
            self.cite,
            N_("{criterion}: up to {points} points, weighted {weight}"),
            {"criterion": self.name, "points": self.max_points, "weight": self.weight},
        )


def _nonzero(instance: object, attribute: attrs.Attribute[Decimal], value: Decimal) -> None:
    if value == 0:
        raise PolicyError("Adjustment.points", value, "a plus or minus item moves the score")


def _optional_times(
    instance: object, attribute: attrs.Attribute[int | None], value: object
) -> None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
        raise PolicyError("Adjustment.max_times", value, "a whole number >= 1, or None")


@attrs.frozen
class Adjustment:
    """A plus-point (*points* > 0) or minus-point (*points* < 0) item, per occurrence;
    *max_times* caps the occurrences in one appraisal period (TB-31 "5 分", once a month)."""

    id: str = attrs.field(validator=slug)
    name: Text = attrs.field(validator=of_type(Text))
    points: Decimal = attrs.field(converter=_item_points, validator=_nonzero)
    cite: Citation = attrs.field(validator=of_type(Citation))
    max_times: int | None = attrs.field(default=None, validator=_optional_times)

    def describe(self) -> Reason:
        """The item in words."""
        if self.max_times is not None:
            return Reason(
                self.cite,
                N_("{item}: {points} points each time (at most {max} per period)"),
                {"item": self.name, "points": _signed(self.points), "max": self.max_times},
            )
        return Reason(
            self.cite,
            N_("{item}: {points} points each time"),
            {"item": self.name, "points": _signed(self.points)},
        )


class Sign(enum.Enum):
    """Whether a descriptor counts for ("+") or against ("−") the agent.  The value is
    ASCII (for JSON); :meth:`localize` gives the printed sign."""

    PLUS = "+"
    MINUS = "-"

    def localize(self, locale: str = "en") -> str:
        """ "+" or "−" (U+2212, as the regulations print it)."""
        return "+" if self is Sign.PLUS else "−"


@attrs.frozen
class Descriptor:
    """A "+" or "−" description a reviewer marks on an attitude or ability table.

    Descriptors carry no points (the regulation gives none, AMB-37); a scorecard lists
    the ones marked so that the reasons show them.
    """

    id: str = attrs.field(validator=slug)
    table: Text = attrs.field(validator=of_type(Text))
    sign: Sign = attrs.field(validator=of_type(Sign))
    text: Text = attrs.field(validator=of_type(Text))
    cite: Citation = attrs.field(validator=of_type(Citation))

    def describe(self) -> Reason:
        """The descriptor in words."""
        return Reason(
            self.cite,
            N_("“{sign}” on the {table} table: {descriptor}"),
            {"sign": self.sign, "table": self.table, "descriptor": self.text},
        )


def _optional_points(value: object) -> Decimal | None:
    return None if value is None else to_amount(value, "Grade.min_score", "points")


@attrs.frozen
class Grade:
    """A grade (``"A"``); *min_score* is the lowest total that earns it, or ``None``
    where reviewers give the grade themselves."""

    id: str = attrs.field(validator=nonblank)
    min_score: Decimal | None = attrs.field(default=None, converter=_optional_points)


@attrs.frozen
class GradeScale:
    """Grades, best first.  Either every grade has a *min_score* (strictly falling), or
    none does (reviewers give the grade).  *applies_to* limits the scale to some kinds
    of period (EL-14: quarters are graded A/B/…, months are ranked); empty: all."""

    grades: tuple[Grade, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(Grade, nonempty=True)
    )
    cite: Citation = attrs.field(validator=of_type(Citation))
    applies_to: tuple[PeriodKind, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(PeriodKind)
    )

    def __attrs_post_init__(self) -> None:
        unique(self.grades, lambda g: g.id, "GradeScale.grades")
        floors = [g.min_score for g in self.grades]
        if any(f is None for f in floors) and any(f is not None for f in floors):
            raise PolicyError(
                "GradeScale.grades",
                [g.id for g in self.grades],
                "give every grade a min_score, or none",
            )
        scored = floors[0] is not None
        if scored and not all(a > b for a, b in itertools.pairwise(floors)):  # type: ignore[operator]
            raise PolicyError(
                "GradeScale.grades",
                floors,
                "min_score must strictly fall from the best grade to the worst",
            )

    def describe(self) -> Reason:
        """The scale in words."""
        if not self.scored:
            return Reason(
                self.cite,
                N_("Grades, best first, given by reviewers: {grades}"),
                {"grades": self.ids},
            )
        floors = tuple(f"{g.id} ≥ {g.min_score}" for g in self.grades if g.min_score is not None)
        return Reason(self.cite, N_("Grades, best first: {grades}"), {"grades": floors})

    @property
    def scored(self) -> bool:
        """Whether grades follow from scores (else reviewers give them)."""
        return self.grades[0].min_score is not None

    @property
    def ids(self) -> tuple[str, ...]:
        """Grade ids, best first."""
        return tuple(g.id for g in self.grades)

    def for_score(self, total: Decimal) -> str:
        """The grade a total earns (the worst grade when below every floor).

        :raises ValidationError: the scale's grades are given by reviewers, not scores.
        """
        if not self.scored:
            raise ValidationError(
                "total", total, "this scale's grades are given by reviewers, not earned by scores"
            )
        for grade in self.grades:
            if grade.min_score is not None and total >= grade.min_score:
                return grade.id
        return self.grades[-1].id

    def below(self, grade_id: str) -> frozenset[str]:
        """The grades worse than *grade_id* ("below B" = C and D on an A–D scale)."""
        index = self.ids.index(by_id(self.grades, lambda g: g.id, grade_id, "grade").id)
        return frozenset(self.ids[index + 1 :])


@attrs.frozen
class PassMark:
    """The lowest passing total; *applies_to* limits it to some kinds of period (empty: all)."""

    points: Decimal = attrs.field(converter=_pass_points, validator=_positive)
    cite: Citation = attrs.field(validator=of_type(Citation))
    applies_to: tuple[PeriodKind, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(PeriodKind)
    )

    def describe(self) -> Reason:
        """The pass mark in words."""
        return Reason(self.cite, N_("Pass mark: {points} points"), {"points": self.points})


class QuarterRule(LabelledEnum):
    """How a quarter's appraisal comes about."""

    SCORED = "scored"  # the quarter is appraised on its own
    MEAN_OF_MONTHS = "mean_of_months"  # the mean of its three monthly totals


label_members(
    {
        QuarterRule.SCORED: N_("scored on its own"),
        QuarterRule.MEAN_OF_MONTHS: N_("the mean of its three months"),
    }
)


def _signed(points: Decimal) -> str:
    return f"+{points}" if points > 0 else f"−{-points}"


@attrs.frozen
class ScoreLine:
    """One line of a scorecard: a criterion's points, or an item's occurrences.

    *points* is what the line adds to the total; for a criterion, *raw* is the points
    given out of *max_points*, and *points* = *raw* × *weight*.
    """

    item: str
    name: Text
    points: Decimal
    cite: Citation
    max_points: Decimal | None = None
    times: int | None = None
    raw: Decimal | None = None
    weight: Decimal = Decimal(1)


@attrs.frozen
class Scorecard:
    """One agent's appraisal for one period.  Build it with :meth:`AppraisalScheme.score`
    (or :meth:`AppraisalScheme.derive_quarter`), which validates it."""

    agent_id: str
    period: CalendarPeriod
    criteria: tuple[ScoreLine, ...]
    adjustments: tuple[ScoreLine, ...]
    marks: tuple[Descriptor, ...]
    total: Decimal
    grade: str | None
    passed: bool | None
    reasons: tuple[Reason, ...]

    @property
    def kind(self) -> PeriodKind:
        """Monthly, quarterly …"""
        return PeriodKind.of_period(self.period)

    def explain(self, locale: str = "en") -> list[str]:
        """Every line and the verdict, in *locale*."""
        return [r.explain(locale) for r in self.reasons]


@attrs.frozen
class AppraisalScheme:
    """The answer of ``servicecodex_appraisal_scheme``.

    >>> from servicecodex import Month
    >>> c = Citation("TB-26", "002 P3b (2)")
    >>> scheme = AppraisalScheme(
    ...     (Criterion("task", Text(en="Group task", zh_Hans="小组任务"), 30, c),
    ...      Criterion("callback", Text(en="Callback satisfaction", zh_Hans="回访满意度"), 70, c)),
    ...     (PeriodKind.MONTH,), c, pass_mark=PassMark(60, Citation("TB-49", "002 P3b (e)")))
    >>> card = scheme.score("A-017", Month(2026, 3), {"task": 25, "callback": 30})
    >>> card.total, card.passed
    (Decimal('55'), False)
    >>> card.explain("zh_Hans")[-1]
    '总分55，低于及格线60（TB-49）'
    >>> scheme.score("A-017", Month(2026, 3), {"task": 31, "callback": 30})
    Traceback (most recent call last):
    ...
    servicecodex.ValidationError: points[task]: above the criterion's maximum of 30 (TB-26) (got Decimal('31'))
    """

    criteria: tuple[Criterion, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(Criterion, nonempty=True)
    )
    periods: tuple[PeriodKind, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(PeriodKind, nonempty=True)
    )
    cite: Citation = attrs.field(validator=of_type(Citation))
    pass_mark: PassMark | None = attrs.field(
        default=None, validator=of_type(PassMark, optional=True)
    )
    grades: GradeScale | None = attrs.field(
        default=None, validator=of_type(GradeScale, optional=True)
    )
    adjustments: tuple[Adjustment, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(Adjustment)
    )
    descriptors: tuple[Descriptor, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(Descriptor)
    )
    quarters: QuarterRule = attrs.field(default=QuarterRule.SCORED, validator=of_type(QuarterRule))

    def __attrs_post_init__(self) -> None:
        unique(self.criteria, lambda c: c.id, "AppraisalScheme.criteria")
        unique(self.adjustments, lambda a: a.id, "AppraisalScheme.adjustments")
        unique(self.descriptors, lambda d: d.id, "AppraisalScheme.descriptors")
        if self.pass_mark is not None and self.pass_mark.points > self.total:
            raise PolicyError(
                "AppraisalScheme.pass_mark",
                self.pass_mark.points,
                f"above the most one can score ({self.total})",
            )
        if self.quarters is QuarterRule.MEAN_OF_MONTHS and PeriodKind.MONTH not in self.periods:
            raise PolicyError(
                "AppraisalScheme.quarters",
                self.quarters.value,
                "a quarter derived from months needs monthly appraisals",
            )

    @property
    def total(self) -> Decimal:
        """The most the criteria add up to (plus items can add more)."""
        return sum((c.contributes for c in self.criteria), Decimal(0))

    def criterion(self, criterion_id: str) -> Criterion:
        """The criterion with that id."""
        return by_id(self.criteria, lambda c: c.id, criterion_id, "criterion")

    def describe(self) -> Reason:
        """The scheme in words."""
        return Reason(
            self.cite,
            N_("Appraisals ({periods}) out of {total} points (criteria: {count})"),
            {"periods": self.periods, "total": self.total, "count": len(self.criteria)},
        )

    def score(
        self,
        agent_id: str,
        period: CalendarPeriod,
        points: Mapping[str, object],
        adjustments: Mapping[str, int] | None = None,
        marks: Iterable[str] = (),
        grade: str | None = None,
    ) -> Scorecard:
        """The scorecard of *agent_id* for *period*.

        *points* gives every criterion's points (by criterion id); *adjustments* how many
        times each plus/minus item occurred; *marks* the descriptors a reviewer marked;
        *grade* the reviewer's grade where the scale has no score floors.

        :raises ValidationError: an unknown or missing criterion, points outside 0 to the
            criterion's maximum, an unknown item or descriptor, a period kind this scheme
            does not appraise, a grade that is missing, unknown or not the reviewer's to give.
        """
        kind = PeriodKind.of_period(period)
        if kind not in self.periods or (
            kind is PeriodKind.QUARTER and self.quarters is QuarterRule.MEAN_OF_MONTHS
        ):
            raise ValidationError(
                "period",
                period,
                f"this scheme does not score {kind.localize('en')} appraisals directly",
            )
        lines = self._criterion_lines(points)
        items = self._adjustment_lines(adjustments or {})
        marked = tuple(
            by_id(self.descriptors, lambda d: d.id, m, f"marks[{m}]", ValidationError)
            for m in marks
        )
        total = sum((line.points for line in (*lines, *items)), Decimal(0))
        reasons = [self._line_reason(line) for line in (*lines, *items)]
        reasons += [
            Reason(
                d.cite,
                N_("Marked “{sign}”: {descriptor}"),
                {"sign": d.sign, "descriptor": d.text},
            )
            for d in marked
        ]
        return self._card(agent_id, period, lines, items, marked, total, grade, reasons)

    def derive_quarter(
        self, quarter: Quarter, months: Iterable[Scorecard], grade: str | None = None
    ) -> Scorecard:
        """A quarter's scorecard as the mean of its three monthly totals (rounded half-up
        to 0.01), for schemes whose quarters are :attr:`QuarterRule.MEAN_OF_MONTHS`;
        *grade* is the reviewer's where the scale has no score floors."""
        if self.quarters is not QuarterRule.MEAN_OF_MONTHS:
            raise ValidationError("quarter", quarter, "this scheme scores quarters on their own")
        cards = sorted(months, key=lambda c: c.period.first)
        wanted = quarter.months()
        if [c.period for c in cards] != list(wanted):
            raise ValidationError(
                "months",
                [c.period.label("en") for c in cards],
                f"need exactly the monthly scorecards of {quarter.label('en')}",
            )
        agents = {c.agent_id for c in cards}
        if len(agents) != 1:
            raise ValidationError("months", sorted(agents), "scorecards of different agents")
        total = (sum((c.total for c in cards), Decimal(0)) / 3).quantize(
            SCORE_QUANTUM, ROUND_HALF_UP
        )
        lines = tuple(
            ScoreLine(f"month-{c.period.first.month}", _month_name(c.period), c.total, self.cite)
            for c in cards
        )
        reasons = [
            Reason(
                self.cite,
                N_("{quarter}: the mean of {months} is {total}"),
                {"quarter": quarter, "months": tuple(f"{c.total}" for c in cards), "total": total},
            )
        ]
        return self._card(cards[0].agent_id, quarter, lines, (), (), total, grade, reasons)

    def _criterion_lines(self, points: Mapping[str, object]) -> tuple[ScoreLine, ...]:
        known = {c.id for c in self.criteria}
        for key in points:
            if key not in known:
                raise ValidationError(
                    f"points[{key}]",
                    points[key],
                    f"unknown criterion; known: {', '.join(c.id for c in self.criteria)}",
                )
        missing = [c.id for c in self.criteria if c.id not in points]
        if missing:
            raise ValidationError("points", dict(points), f"no points for {', '.join(missing)}")
        lines = []
        for c in self.criteria:
            raw = to_amount(points[c.id], f"points[{c.id}]", "points")
            if raw < 0:
                raise ValidationError(f"points[{c.id}]", raw, "points cannot be negative")
            if raw > c.max_points:
                raise ValidationError(
                    f"points[{c.id}]",
                    raw,
                    f"above the criterion's maximum of {c.max_points} ({c.cite.rule_id})",
                )
            lines.append(
                ScoreLine(
                    c.id,
                    c.name,
                    raw * c.weight,
                    c.cite,
                    max_points=c.max_points,
                    raw=raw,
                    weight=c.weight,
                )
            )
        return tuple(lines)

    def _adjustment_lines(self, adjustments: Mapping[str, int]) -> tuple[ScoreLine, ...]:
        lines = []
        for key, times in adjustments.items():
            item = by_id(
                self.adjustments, lambda a: a.id, key, f"adjustments[{key}]", ValidationError
            )
            if not isinstance(times, int) or isinstance(times, bool) or times < 0:
                raise ValidationError(
                    f"adjustments[{key}]", times, "a whole number of occurrences >= 0"
                )
            if item.max_times is not None and times > item.max_times:
                raise ValidationError(
                    f"adjustments[{key}]",
                    times,
                    f"at most {item.max_times} a period ({item.cite.rule_id})",
                )
            if times:
                lines.append(
                    ScoreLine(item.id, item.name, item.points * times, item.cite, times=times)
                )
        return tuple(lines)

    def _line_reason(self, line: ScoreLine) -> Reason:
        if line.times is None and line.weight != 1:
            facts = {
                "criterion": line.name,
                "raw": line.raw,
                "max": line.max_points,
                "weight": line.weight,
                "points": line.points,
            }
            return Reason(
                line.cite, N_("{criterion}: {raw} of {max}, weighted {weight} = {points}"), facts
            )
        if line.times is None:
            return Reason(
                line.cite,
                N_("{criterion}: {points} of {max}"),
                {
                    "criterion": line.name,
                    "points": line.points,
                    "max": line.max_points or line.points,
                },
            )
        return Reason(
            line.cite,
            N_("{item}: {times} × {each} = {points}"),
            {
                "item": line.name,
                "times": line.times,
                "each": _signed(line.points / line.times),
                "points": _signed(line.points),
            },
        )

    def _card(
        self,
        agent_id: str,
        period: CalendarPeriod,
        lines: tuple[ScoreLine, ...],
        items: tuple[ScoreLine, ...],
        marked: tuple[Descriptor, ...],
        total: Decimal,
        grade: str | None,
        reasons: list[Reason],
    ) -> Scorecard:
        if not isinstance(agent_id, str) or not agent_id.strip():
            raise ValidationError("agent_id", agent_id, "must be a non-blank str")
        kind = PeriodKind.of_period(period)
        grade = self._grade(kind, total, grade)
        if grade is not None and self.grades is not None:
            message = (
                N_("Total {total}: grade {grade}")
                if self.grades.scored
                else N_("Grade {grade}, given by the reviewer")
            )
            reasons.append(Reason(self.grades.cite, message, {"total": total, "grade": grade}))
        passed = None
        mark = self.pass_mark
        if mark is not None and (not mark.applies_to or kind in mark.applies_to):
            passed = total >= mark.points
            message = (
                N_("Total {total}, at or above the pass mark of {mark}")
                if passed
                else N_("Total {total}, below the pass mark of {mark}")
            )
            reasons.append(Reason(mark.cite, message, {"total": total, "mark": mark.points}))
        return Scorecard(
            agent_id, period, lines, items, marked, total, grade, passed, tuple(reasons)
        )

    def _grade(self, kind: PeriodKind, total: Decimal, given: str | None) -> str | None:
        scale = self.grades
        if scale is None or (scale.applies_to and kind not in scale.applies_to):
            if given is not None:
                raise ValidationError(
                    "grade", given, f"{kind.localize('en')} appraisals are not graded here"
                )
            return None
        if scale.scored:
            if given is not None and given != scale.for_score(total):
                raise ValidationError(
                    "grade", given, f"the total {total} earns {scale.for_score(total)}"
                )
            return scale.for_score(total)
        if given is None:
            raise ValidationError(
                "grade", None, f"the reviewer's grade is needed ({', '.join(scale.ids)})"
            )
        return by_id(scale.grades, lambda g: g.id, given, "grade", ValidationError).id


def _month_name(period: CalendarPeriod) -> Text:
    return Text(
        en=period.label("en"), zh_Hans=period.label("zh_Hans"), zh_Hant=period.label("zh_Hant")
    )
