"""Shift policies: the shift patterns an organisation works and their breaks."""

from __future__ import annotations

import datetime as _dt

import attrs

from servicecodex._errors import PolicyError
from servicecodex._i18n import N_
from servicecodex._reasons import Citation, Reason
from servicecodex._text import Text
from servicecodex._validate import as_tuple, by_id, of_type, slug, tuple_of, unique

__all__ = ["Break", "ShiftPattern", "ShiftPolicy"]


def _minutes(t: _dt.time) -> int:
    return t.hour * 60 + t.minute


def _clock(instance: object, attribute: attrs.Attribute[_dt.time], value: object) -> None:
    if (
        not isinstance(value, _dt.time)
        or value.tzinfo is not None
        or value.second
        or value.microsecond
    ):
        raise PolicyError(
            f"{type(instance).__name__}.{attribute.name}",
            value,
            "a wall-clock time in whole minutes, no tzinfo",
        )


@attrs.frozen
class Break:
    """A break inside a shift (a meal window), wall-clock times."""

    start: _dt.time = attrs.field(validator=_clock)
    end: _dt.time = attrs.field(validator=_clock)
    name: Text = attrs.field(validator=of_type(Text))


@attrs.frozen
class ShiftPattern:
    """A shift from *start* to *end* in the organisation's local time.

    An *end* at or before *start* means the shift ends the next day (15:30 to 00:00
    ends at midnight).

    >>> night = ShiftPattern("night", Text(en="Night", zh_Hans="晚班"), _dt.time(15, 30),
    ...                      _dt.time(0, 0), Citation("TB-55", "002 P1 二.1"))
    >>> night.crosses_midnight, night.length
    (True, datetime.timedelta(seconds=30600))
    """

    id: str = attrs.field(validator=slug)
    name: Text = attrs.field(validator=of_type(Text))
    start: _dt.time = attrs.field(validator=_clock)
    end: _dt.time = attrs.field(validator=_clock)
    cite: Citation = attrs.field(validator=of_type(Citation))
    breaks: tuple[Break, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(Break)
    )

    def __attrs_post_init__(self) -> None:
        span = self._span
        for b in self.breaks:
            start = (_minutes(b.start) - _minutes(self.start)) % 1440
            end = (_minutes(b.end) - _minutes(self.start)) % 1440 or 1440
            if not start < end <= span:
                raise PolicyError(
                    f"ShiftPattern[{self.id}].breaks", b, "a break must lie inside the shift"
                )

    @property
    def _span(self) -> int:
        return (_minutes(self.end) - _minutes(self.start)) % 1440 or 1440

    @property
    def crosses_midnight(self) -> bool:
        """Whether the shift ends on the day after it starts."""
        return _minutes(self.end) <= _minutes(self.start)

    @property
    def length(self) -> _dt.timedelta:
        """Start to end, breaks included."""
        return _dt.timedelta(minutes=self._span)

    def describe(self) -> Reason:
        """The pattern in words."""
        return Reason(
            self.cite,
            N_("{shift}: {start} to {end}, breaks {breaks}"),
            {
                "shift": self.name,
                "start": self.start,
                "end": self.end,
                "breaks": tuple(f"{b.start:%H:%M}–{b.end:%H:%M}" for b in self.breaks),
            },
        )


@attrs.frozen
class ShiftPolicy:
    """The answer of ``servicecodex_shift_policy``: the shift patterns worked."""

    patterns: tuple[ShiftPattern, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(ShiftPattern, nonempty=True)
    )

    def __attrs_post_init__(self) -> None:
        unique(self.patterns, lambda p: p.id, "ShiftPolicy.patterns")

    def pattern(self, pattern_id: str) -> ShiftPattern:
        """The pattern with that id."""
        return by_id(self.patterns, lambda p: p.id, pattern_id, "shift pattern")
