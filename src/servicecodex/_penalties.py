"""Penalty schedules: the violations an organisation names and what each costs."""

from __future__ import annotations

import attrs

from servicecodex._errors import PolicyError
from servicecodex._i18n import N_
from servicecodex._money import Money
from servicecodex._reasons import Citation, Reason
from servicecodex._text import Text
from servicecodex._validate import as_tuple, by_id, currency, of_type, slug, tuple_of, unique

__all__ = ["PenaltyRule", "PenaltySchedule"]


@attrs.frozen
class PenaltyRule:
    """One violation code: what it is and, when the regulation fixes it, its fine per time."""

    code: str = attrs.field(validator=slug)
    name: Text = attrs.field(validator=of_type(Text))
    cite: Citation = attrs.field(validator=of_type(Citation))
    fine: Money | None = attrs.field(default=None, validator=of_type(Money, optional=True))

    def describe(self) -> Reason:
        """The rule in words."""
        if self.fine is None:
            return Reason(self.cite, N_("{violation}: no fixed fine"), {"violation": self.name})
        return Reason(
            self.cite,
            N_("{violation}: fine {fine} each time"),
            {"violation": self.name, "fine": self.fine},
        )


@attrs.frozen
class PenaltySchedule:
    """The answer of ``servicecodex_penalty_schedule``: every violation code, fines in *currency*."""

    currency: str = attrs.field(validator=currency)
    rules: tuple[PenaltyRule, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(PenaltyRule, nonempty=True)
    )

    def __attrs_post_init__(self) -> None:
        unique(self.rules, lambda r: r.code, "PenaltySchedule.rules")
        for rule in self.rules:
            if rule.fine is not None and rule.fine.currency != self.currency:
                raise PolicyError(
                    f"PenaltySchedule.rules[{rule.code}].fine", rule.fine, f"not in {self.currency}"
                )

    def rule(self, code: str) -> PenaltyRule:
        """The rule with that code."""
        return by_id(self.rules, lambda r: r.code, code, "penalty rule code")
