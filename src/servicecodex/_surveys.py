"""Customer-satisfaction surveys (满意度调查) and the appraisal points they give.

A :class:`Survey` asks customers to score an agent on the organisation's dimensions
(JW-21: the CS staff, the service process, products and service quality, the brand
image) on a scale of whole numbers, 1 to 5 unless the organisation says otherwise.
:meth:`Survey.summarise` takes one agent's responses in a period (days in the
organisation's timezone) and gives a :class:`SurveyResult`: the mean per dimension,
the overall mean and the count.

A survey may feed an appraisal criterion (*criterion*: the Taobao shop's
``callback-satisfaction``, Jingyun's ``customer-satisfaction``).
:meth:`SurveyResult.points` converts the result into that criterion's points, ready
for :meth:`AppraisalScheme.score <servicecodex.AppraisalScheme.score>`:

* the overall mean is placed on the scale linearly, the lowest score giving 0% and the
  highest 100%: share = (mean − low) ÷ (high − low);
* points = share × the criterion's maximum, computed exactly and then rounded half-up
  to 0.01 (the only rounding; means and percentages in the reasons are shown rounded
  to 0.01);
* every response answers every dimension, so the overall mean is both the mean of all
  scores and the mean of the dimension means.

With no responses in the period, :meth:`Survey.summarise` still gives a result, with
``count`` 0, no means and a reason saying so; asking that result for points raises
:class:`SurveyError` rather than giving a silent 0.
"""

from __future__ import annotations

import datetime as _dt
import math
import types
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction

import attrs
import pendulum

from servicecodex._appraisal import AppraisalScheme, Criterion
from servicecodex._calendar import BusinessCalendar, zone_of
from servicecodex._errors import FloatError, PolicyError, ValidationError
from servicecodex._i18n import N_
from servicecodex._reasons import Citation, Count, Outcome, Reason
from servicecodex._text import Text
from servicecodex._time import Period, instant
from servicecodex._validate import (
    as_tuple,
    by_id,
    nonblank,
    of_type,
    optional_slug,
    slug,
    tuple_of,
    unique,
    user_input,
)

__all__ = [
    "Survey",
    "SurveyDimension",
    "SurveyError",
    "SurveyResponse",
    "SurveyResult",
]

#: Points are rounded half-up to this, once, from the exact share of the scale.
POINTS_QUANTUM = Decimal("0.01")


class SurveyError(ValidationError):
    """A survey response does not fit its survey (an unknown or missing dimension, a
    score off the scale), or a result cannot give points (no responses, or a criterion
    the survey does not feed)."""


SurveyError.__module__ = "servicecodex"  # shown as servicecodex.SurveyError, as in _errors


def _responses(count: int) -> Count:
    return Count(count, N_("{n} response"), N_("{n} responses"))


@attrs.frozen
class SurveyDimension:
    """One thing customers score, e.g. JW-21's "satisfaction with the CS staff"."""

    id: str = attrs.field(validator=slug)
    name: Text = attrs.field(validator=of_type(Text))


def _scale(value: object) -> tuple[int, int]:
    if (
        not isinstance(value, tuple | list)
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        or not value[0] < value[1]
    ):
        raise PolicyError(
            "Survey.scale", value, "a (lowest, highest) pair of whole numbers, lowest first"
        )
    return int(value[0]), int(value[1])


def _at(value: object) -> pendulum.DateTime:
    return instant(value, "SurveyResponse.at")


def _scores(value: object) -> Mapping[str, int]:
    if not isinstance(value, Mapping):
        raise ValidationError("SurveyResponse.scores", value, "a mapping of dimension id to score")
    for key, score in value.items():
        field = f"SurveyResponse.scores[{key}]"
        if not isinstance(key, str):
            raise ValidationError("SurveyResponse.scores", key, "dimension ids are str")
        if isinstance(score, float):
            raise FloatError(field, score, "a score is a whole number, not a float")
        if not isinstance(score, int) or isinstance(score, bool):
            raise ValidationError(field, score, "a score is a whole number")
    return types.MappingProxyType(dict(value))


_text = user_input(nonblank)


@attrs.frozen
class SurveyResponse:
    """One customer's answers: the agent served, when, and a score per dimension id.

    Checked for its shape here (whole-number scores); :meth:`Survey.check` checks it
    against a survey's dimensions and scale.
    """

    id: str = attrs.field(validator=_text)
    agent: str = attrs.field(validator=_text)
    customer: str = attrs.field(validator=_text)
    at: pendulum.DateTime = attrs.field(converter=_at)
    scores: Mapping[str, int] = attrs.field(converter=_scores, hash=False)


def _round(value: Fraction, quantum: Decimal = POINTS_QUANTUM) -> Decimal:
    """*value* (not negative) rounded half-up to *quantum*, exactly."""
    steps = value / Fraction(quantum)
    return Decimal(math.floor(steps + Fraction(1, 2))) * quantum


def _shown(value: Fraction) -> str:
    """*value* rounded half-up to 0.01, without trailing zeros: 4.2, 80, 83.33."""
    text = f"{_round(value):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


@attrs.frozen
class Survey:
    """A satisfaction survey: its dimensions, the scale, and the appraisal criterion it
    feeds (its id), if any.

    JW-21: four dimensions, scored 1 to 5, feeding Jingyun's customer-satisfaction
    criterion (25 points).

    >>> jw = Citation("JW-21", "000 篇2 第十條")
    >>> survey = Survey(
    ...     [SurveyDimension("staff", Text(en="CS staff", zh_Hant="客服人員")),
    ...      SurveyDimension("process", Text(en="Service process", zh_Hant="服務流程")),
    ...      SurveyDimension("quality", Text(en="Products and service quality",
    ...                                      zh_Hant="產品和服務質量")),
    ...      SurveyDimension("brand", Text(en="Brand image", zh_Hant="品牌形象"))],
    ...     jw, criterion="customer-satisfaction")
    >>> at = pendulum.datetime(2026, 3, 9, 15, tz="Asia/Shanghai")
    >>> answers = [
    ...     survey.response("S-1", "A-017", "C-88", at,
    ...                     {"staff": 5, "process": 4, "quality": 4, "brand": 5}),
    ...     survey.response("S-2", "A-017", "C-91", at,
    ...                     {"staff": 4, "process": 4, "quality": 3, "brand": 5})]
    >>> from servicecodex._time import Month
    >>> result = survey.summarise(answers, "A-017", Month(2026, 3), "Asia/Shanghai")
    >>> result.count, result.overall, result.means["staff"]
    (2, Decimal('4.25'), Decimal('4.50'))
    >>> points = Criterion("customer-satisfaction",
    ...                    Text(en="Customer satisfaction", zh_Hant="客戶滿意度"), 25,
    ...                    Citation("JW-06", "000 篇1 第十四條.4"))
    >>> result.points(points)
    Decimal('20.31')
    >>> print(result.conversion(points).explain("en")[0])
    Customer satisfaction: mean 4.25 on a scale of 1 to 5 is 81.25% of 25 points = 20.31 (rounded half-up to 0.01) (JW-21)
    >>> survey.response("S-3", "A-017", "C-92", at,
    ...                 {"staff": 6, "process": 4, "quality": 4, "brand": 5})
    Traceback (most recent call last):
    ...
    servicecodex.SurveyError: SurveyResponse.scores[staff]: outside the scale of 1 to 5 (JW-21) (got 6)
    """

    dimensions: tuple[SurveyDimension, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(SurveyDimension, nonempty=True)
    )
    cite: Citation = attrs.field(validator=of_type(Citation))
    scale: tuple[int, int] = attrs.field(default=(1, 5), converter=_scale)
    criterion: str | None = attrs.field(default=None, validator=optional_slug)

    def __attrs_post_init__(self) -> None:
        unique(self.dimensions, lambda d: d.id, "Survey.dimensions")

    @property
    def low(self) -> int:
        """The lowest score."""
        return self.scale[0]

    @property
    def high(self) -> int:
        """The highest score."""
        return self.scale[1]

    def describe(self) -> list[Reason]:
        """The survey in words."""
        found = [
            Reason(
                self.cite,
                N_("Satisfaction survey on {dimensions}, scored {low} to {high}"),
                {
                    "dimensions": tuple(d.name for d in self.dimensions),
                    "low": self.low,
                    "high": self.high,
                },
            )
        ]
        if self.criterion is not None:
            found.append(
                Reason(
                    self.cite,
                    N_(
                        "the survey's result gives the points of the appraisal criterion {criterion}"
                    ),
                    {"criterion": self.criterion},
                )
            )
        return found

    def check(self, response: SurveyResponse) -> SurveyResponse:
        """*response* if it answers every dimension of this survey, and only those, with
        scores on the scale; otherwise a :class:`SurveyError`."""
        if not isinstance(response, SurveyResponse):
            raise ValidationError("response", response, "expected a SurveyResponse")
        rule = self.cite.rule_id
        known = [d.id for d in self.dimensions]
        for key, score in response.scores.items():
            if key not in known:
                raise SurveyError(
                    f"SurveyResponse.scores[{key}]",
                    score,
                    f"unknown dimension; known: {', '.join(known)} ({rule})",
                )
            if not self.low <= score <= self.high:
                raise SurveyError(
                    f"SurveyResponse.scores[{key}]",
                    score,
                    f"outside the scale of {self.low} to {self.high} ({rule})",
                )
        missing = [k for k in known if k not in response.scores]
        if missing:
            raise SurveyError(
                "SurveyResponse.scores",
                dict(response.scores),
                f"response {response.id} gives no score for {', '.join(missing)} ({rule})",
            )
        return response

    def response(
        self,
        id: str,
        agent: str,
        customer: str,
        at: _dt.datetime,
        scores: Mapping[str, int],
    ) -> SurveyResponse:
        """A response, checked against this survey."""
        return self.check(SurveyResponse(id, agent, customer, at, scores))

    def criterion_in(self, scheme: AppraisalScheme) -> Criterion:
        """The criterion of *scheme* this survey feeds."""
        if not isinstance(scheme, AppraisalScheme):
            raise ValidationError("scheme", scheme, "expected an AppraisalScheme")
        if self.criterion is None:
            raise SurveyError("Survey.criterion", None, "this survey feeds no appraisal criterion")
        return by_id(
            scheme.criteria, lambda c: c.id, self.criterion, "Survey.criterion", SurveyError
        )

    def summarise(
        self,
        responses: Iterable[SurveyResponse],
        agent: str,
        period: Period,
        timezone: str | BusinessCalendar,
    ) -> SurveyResult:
        """*agent*'s result for *period*: the responses about *agent* whose moment falls
        on a day of *period* in *timezone* (the organisation's).

        Every response given is checked (:meth:`check`), the others' too; ids must be
        unique.  With none in the period the result has ``count`` 0 and says so.
        """
        if not isinstance(agent, str) or not agent.strip():
            raise ValidationError("agent", agent, "must be a non-blank str")
        if not isinstance(period, Period):
            raise ValidationError("period", period, "expected a period (Month, DateRange …)")
        zone = zone_of(timezone, "timezone")
        given = list(responses)
        seen: set[str] = set()
        for response in given:
            self.check(response)
            if response.id in seen:
                raise SurveyError("responses", response.id, "two responses with this id")
            seen.add(response.id)
        mine = [r for r in given if r.agent == agent and r.at.in_timezone(zone).date() in period]
        count = len(mine)
        if not count:
            reason = Reason(
                self.cite,
                N_("No survey responses about {agent} in {period}"),
                {"agent": agent, "period": period},
            )
            return SurveyResult(self, agent, period, 0, {}, None, None, (reason,))
        means: dict[str, Decimal] = {}
        reasons: list[Reason] = []
        for dimension in self.dimensions:
            mean = Fraction(sum(r.scores[dimension.id] for r in mine), count)
            means[dimension.id] = _round(mean)
            reasons.append(
                Reason(
                    self.cite,
                    N_("{dimension}: mean {mean} of {responses}"),
                    {
                        "dimension": dimension.name,
                        "mean": _shown(mean),
                        "responses": _responses(count),
                    },
                )
            )
        overall = Fraction(sum(sum(r.scores.values()) for r in mine), count * len(self.dimensions))
        share = (overall - self.low) / (self.high - self.low)
        reasons.insert(
            0,
            Reason(
                self.cite,
                N_(
                    "Satisfaction with {agent} in {period}: mean {mean} on a scale of {low} to {high}, from {responses}"
                ),
                {
                    "agent": agent,
                    "period": period,
                    "mean": _shown(overall),
                    "low": self.low,
                    "high": self.high,
                    "responses": _responses(count),
                },
            ),
        )
        return SurveyResult(
            self, agent, period, count, means, _round(overall), share, tuple(reasons)
        )


def _means(value: Mapping[str, Decimal]) -> Mapping[str, Decimal]:
    return types.MappingProxyType(dict(value))


@attrs.frozen
class SurveyResult:
    """One agent's survey result for a period.

    *means* holds each dimension's mean and *overall* the mean of all scores, both
    rounded half-up to 0.01; *share* is the exact place of the overall mean on the
    scale (0 = every score the lowest, 1 = every score the highest).  With *count* 0
    there are no means and *overall* and *share* are ``None``.  Build it with
    :meth:`Survey.summarise`.
    """

    survey: Survey
    agent: str
    period: Period
    count: int
    means: Mapping[str, Decimal] = attrs.field(converter=_means, hash=False)
    overall: Decimal | None
    share: Fraction | None
    reasons: tuple[Reason, ...]

    def explain(self, locale: str = "en") -> list[str]:
        """Every reason in words."""
        return [r.explain(locale) for r in self.reasons]

    def conversion(self, criterion: Criterion) -> Outcome[Decimal]:
        """The points of *criterion* (the criterion the survey feeds) with the
        conversion stated: share of the scale × the criterion's maximum, rounded
        half-up to 0.01.

        :raises SurveyError: no responses in the period, or a criterion the survey does
            not feed.
        """
        if not isinstance(criterion, Criterion):
            raise ValidationError("criterion", criterion, "expected a Criterion")
        survey = self.survey
        if survey.criterion is None:
            raise SurveyError("criterion", criterion.id, "this survey feeds no appraisal criterion")
        if criterion.id != survey.criterion:
            raise SurveyError(
                "criterion", criterion.id, f"this survey feeds {survey.criterion}, not this"
            )
        if self.share is None:
            raise SurveyError(
                "count",
                self.count,
                f"no survey responses about {self.agent} in {self.period.label('en')}: "
                "no points to give",
            )
        exact = self.share * Fraction(criterion.max_points)
        points = _round(exact)
        mean = self.share * (survey.high - survey.low) + survey.low
        reason = Reason(
            survey.cite,
            N_(
                "{criterion}: mean {mean} on a scale of {low} to {high} is {share} of {max} points = {points} (rounded half-up to 0.01)"
            ),
            {
                "criterion": criterion.name,
                "mean": _shown(mean),
                "low": survey.low,
                "high": survey.high,
                "share": f"{_shown(self.share * 100)}%",
                "max": criterion.max_points,
                "points": f"{points:f}",
            },
        )
        return Outcome(points, (reason,))

    def points(self, criterion: Criterion) -> Decimal:
        """The points of *criterion*, for ``scheme.score(agent, month, {criterion.id:
        points, ...})``; :meth:`conversion` states how they come about."""
        return self.conversion(criterion).value
