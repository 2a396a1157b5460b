"""Conversations: who said what when, and how long the customer waited for each answer."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs
import pendulum

from servicecodex._courtesy import Scenario
from servicecodex._errors import ValidationError
from servicecodex._i18n import N_, LabelledEnum, label_members
from servicecodex._time import instant
from servicecodex._validate import SLUG, enum_of

__all__ = ["ResponseTime", "Speaker", "Transcript", "Turn"]


class Speaker(LabelledEnum):
    """Who speaks in a turn."""

    AGENT = "agent"
    CUSTOMER = "customer"


label_members({Speaker.AGENT: N_("agent"), Speaker.CUSTOMER: N_("customer")})


def _text(instance: Turn, attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str):
        raise ValidationError("Turn.text", value, f"expected a str, not {type(value).__name__}")


def _speaker(value: object) -> Speaker:
    return enum_of(Speaker, "Turn.speaker", ValidationError)(value)


def _at(value: object) -> pendulum.DateTime:
    return instant(value, "Turn.at")


@attrs.frozen
class Turn:
    """One message or utterance: its *speaker* (``"agent"`` or ``"customer"``), an aware
    time *at* and its *text*."""

    speaker: Speaker = attrs.field(converter=_speaker)
    at: pendulum.DateTime = attrs.field(converter=_at)
    text: str = attrs.field(validator=_text)


def _turn_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    if isinstance(value, str):
        raise ValidationError("Transcript.turns", value, "expected a list of Turns, not a str")
    try:
        return tuple(value)
    except TypeError:
        raise ValidationError("Transcript.turns", value, "expected a list of Turns") from None


def _turns(instance: Transcript, attribute: attrs.Attribute[object], value: object) -> None:
    turns: tuple[Turn, ...] = instance.turns
    if not turns:
        raise ValidationError("Transcript.turns", turns, "a transcript needs at least one turn")
    for i, turn in enumerate(turns):
        if not isinstance(turn, Turn):
            raise ValidationError(f"Transcript.turns[{i}]", turn, "expected a Turn")
    for i in range(1, len(turns)):
        before, after = turns[i - 1].at, turns[i].at
        if after < before:
            raise ValidationError(
                f"Transcript.turns[{i}].at",
                after.isoformat(),
                f"turns out of time order: turn {i + 1} is earlier than turn {i} "
                f"({before.isoformat()})",
            )


def _scenarios(value: object) -> frozenset[Scenario]:
    if isinstance(value, str) or not hasattr(value, "__iter__"):
        raise ValidationError("Transcript.scenarios", value, "expected a set of scenarios")
    convert = enum_of(Scenario, "Transcript.scenarios", ValidationError)
    return frozenset(convert(v) for v in value)


def _role(instance: Transcript, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is not None and (not isinstance(value, str) or not SLUG.fullmatch(value)):
        raise ValidationError("Transcript.role", value, "a role id, like 'shuttle-bus'")


@attrs.frozen
class ResponseTime:
    """How long the customer's turn *turn* (an index into the turns) waited for the
    agent's next turn *reply*; both ``None`` when no agent turn followed."""

    turn: int
    reply: int | None
    waited: pendulum.Duration | None


@attrs.frozen
class Transcript:
    """A conversation between one agent and one customer, in time order.

    *role* is the agent's role in the phrase book (``None``: no particular role);
    *scenarios* declares the moments that happened (hold, out of stock …), which makes
    the phrases required for them apply.

    >>> t = Transcript([
    ...     Turn("customer", pendulum.datetime(2026, 3, 2, 9, 0, 0, tz="Asia/Shanghai"), "在吗"),
    ...     Turn("agent", pendulum.datetime(2026, 3, 2, 9, 0, 40, tz="Asia/Shanghai"), "您好"),
    ... ])
    >>> [(r.turn, r.reply, r.waited.in_seconds()) for r in t.response_times()]
    [(0, 1, 40)]
    """

    turns: tuple[Turn, ...] = attrs.field(converter=_turn_tuple, validator=_turns)
    role: str | None = attrs.field(default=None, validator=_role)
    scenarios: frozenset[Scenario] = attrs.field(default=frozenset(), converter=_scenarios)

    def agent_turns(self) -> tuple[int, ...]:
        """The indexes of the agent's turns."""
        return tuple(i for i, t in enumerate(self.turns) if t.speaker is Speaker.AGENT)

    def reply_to(self, turn: int) -> int | None:
        """The index of the first agent turn after *turn*, if any."""
        return next(
            (i for i in range(turn + 1, len(self.turns)) if self.turns[i].speaker is Speaker.AGENT),
            None,
        )

    def answer_to(self, turn: int) -> tuple[int, ...]:
        """The agent turns answering *turn*: every agent turn after it before the customer
        speaks again (a greeting, then the answer, are one reply)."""
        found: list[int] = []
        for i in range(turn + 1, len(self.turns)):
            if self.turns[i].speaker is Speaker.CUSTOMER:
                if found:
                    break
                continue
            found.append(i)
        return tuple(found)

    def response_times(self) -> tuple[ResponseTime, ...]:
        """For each customer turn, the wait until the agent's next turn.  Two customer
        turns in a row both wait for the same reply, each from its own time."""
        times = []
        for i, turn in enumerate(self.turns):
            if turn.speaker is not Speaker.CUSTOMER:
                continue
            reply = self.reply_to(i)
            waited = None if reply is None else self.turns[reply].at - turn.at
            times.append(ResponseTime(i, reply, waited))
        return tuple(times)
