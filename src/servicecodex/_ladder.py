"""Grading ladders: the ordered rungs an agent climbs."""

from __future__ import annotations

import attrs

from servicecodex._errors import PolicyError
from servicecodex._i18n import N_
from servicecodex._reasons import Citation, Reason
from servicecodex._text import Text
from servicecodex._validate import as_tuple, of_type, slug, tuple_of, unique

__all__ = ["GradingLadder", "Rung"]


@attrs.frozen
class Rung:
    """One rung of a ladder.  *band* names the salary band paid on this rung, if any."""

    id: str = attrs.field(validator=slug)
    name: Text = attrs.field(validator=of_type(Text))
    cite: Citation = attrs.field(validator=of_type(Citation))
    band: str | None = attrs.field(default=None, validator=of_type(str, optional=True))


@attrs.frozen
class GradingLadder:
    """The answer of ``servicecodex_grading_ladder``: rungs, lowest first.

    >>> c = Citation("JW-01", "000 篇2 第二條")
    >>> ladder = GradingLadder((Rung("agent", Text(en="Agent", zh_Hans="客服代表"), c),
    ...                         Rung("supervisor", Text(en="Supervisor", zh_Hans="主管"), c)), c)
    >>> ladder.above("agent").id, ladder.above("supervisor")
    ('supervisor', None)
    >>> ladder.describe().explain("zh_Hans")
    '2级，由低到高：客服代表和主管（JW-01）'
    """

    rungs: tuple[Rung, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(Rung, nonempty=True)
    )
    cite: Citation = attrs.field(validator=of_type(Citation))

    def __attrs_post_init__(self) -> None:
        unique(self.rungs, lambda r: r.id, "GradingLadder.rungs")

    def position(self, rung_id: str) -> int:
        """The rung's place on the ladder, 0 for the lowest."""
        for i, rung in enumerate(self.rungs):
            if rung.id == rung_id:
                return i
        known = ", ".join(r.id for r in self.rungs)
        raise PolicyError("rung", rung_id, f"not a rung of this ladder ({known})")

    def rung(self, rung_id: str) -> Rung:
        """The rung with that id."""
        return self.rungs[self.position(rung_id)]

    def above(self, rung_id: str) -> Rung | None:
        """The next rung up, or ``None`` at the top."""
        i = self.position(rung_id) + 1
        return self.rungs[i] if i < len(self.rungs) else None

    def below(self, rung_id: str) -> Rung | None:
        """The next rung down, or ``None`` at the bottom."""
        i = self.position(rung_id)
        return self.rungs[i - 1] if i > 0 else None

    def describe(self) -> Reason:
        """The ladder in words."""
        return Reason(
            self.cite,
            N_("{count} rungs, lowest first: {rungs}"),
            {"count": len(self.rungs), "rungs": tuple(r.name for r in self.rungs)},
        )
