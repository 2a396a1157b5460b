"""Appraisal schemes: what an agent is scored on, out of how many points, how often."""

from __future__ import annotations

from decimal import Decimal

import attrs

from servicecodex._errors import PolicyError
from servicecodex._i18n import N_
from servicecodex._money import to_amount
from servicecodex._reasons import Citation, Reason
from servicecodex._text import Text
from servicecodex._time import PeriodKind
from servicecodex._validate import as_tuple, by_id, of_type, slug, tuple_of, unique

__all__ = ["AppraisalScheme", "Criterion"]


def _max_points(value: object) -> Decimal:
    return to_amount(value, "Criterion.max_points")


def _pass_mark(value: object) -> Decimal | None:
    return None if value is None else to_amount(value, "AppraisalScheme.pass_mark")


def _positive(instance: object, attribute: attrs.Attribute[Decimal], value: Decimal) -> None:
    if value <= 0:
        raise PolicyError(f"{type(instance).__name__}.{attribute.name}", value, "must be above 0")


@attrs.frozen
class Criterion:
    """One thing an agent is scored on, worth up to *max_points*."""

    id: str = attrs.field(validator=slug)
    name: Text = attrs.field(validator=of_type(Text))
    max_points: Decimal = attrs.field(converter=_max_points, validator=_positive)
    cite: Citation = attrs.field(validator=of_type(Citation))

    def describe(self) -> Reason:
        """The criterion in words."""
        return Reason(
            self.cite,
            N_("{criterion}: up to {points} points"),
            {"criterion": self.name, "points": self.max_points},
        )


@attrs.frozen
class AppraisalScheme:
    """The answer of ``servicecodex_appraisal_scheme``.

    *periods* are the kinds of period appraised (monthly, annual …); *pass_mark*, when
    set, is the lowest passing total.
    """

    criteria: tuple[Criterion, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(Criterion, nonempty=True)
    )
    periods: tuple[PeriodKind, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(PeriodKind, nonempty=True)
    )
    cite: Citation = attrs.field(validator=of_type(Citation))
    pass_mark: Decimal | None = attrs.field(default=None, converter=_pass_mark)

    def __attrs_post_init__(self) -> None:
        unique(self.criteria, lambda c: c.id, "AppraisalScheme.criteria")
        if self.pass_mark is not None and not 0 < self.pass_mark <= self.total:
            raise PolicyError(
                "AppraisalScheme.pass_mark",
                self.pass_mark,
                f"must be above 0 and at most {self.total}",
            )

    @property
    def total(self) -> Decimal:
        """The most points an agent can score."""
        return sum((c.max_points for c in self.criteria), Decimal(0))

    def criterion(self, criterion_id: str) -> Criterion:
        """The criterion with that id."""
        return by_id(self.criteria, lambda c: c.id, criterion_id, "criterion")

    def describe(self) -> Reason:
        """The scheme in words."""
        return Reason(
            self.cite,
            N_("Appraisals ({periods}) out of {total} points on {count} criteria"),
            {"periods": self.periods, "total": self.total, "count": len(self.criteria)},
        )
