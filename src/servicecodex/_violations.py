"""Violations and the append-only ledger that records them.

A :class:`Violation` is one breach of a penalty rule by one agent at one instant.  The
:class:`Ledger` records violations and corrects them only by reversal entries, never by
deletion; recording the same violation twice counts once.  It keeps its entries in a
:class:`LedgerStore`: :class:`MemoryStore` here, a database table later, behind the same
two methods.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Protocol

import attrs
import pendulum

from servicecodex._calendar import BusinessCalendar
from servicecodex._errors import ValidationError
from servicecodex._money import to_amount
from servicecodex._time import Period, instant
from servicecodex._validate import nonblank, of_type, slug, user_input

__all__ = ["EntryKind", "Ledger", "LedgerEntry", "LedgerStore", "MemoryStore", "Violation"]


def _at(value: _dt.datetime) -> pendulum.DateTime:
    return instant(value, "Violation.at")


def _points(value: object) -> Decimal | None:
    return None if value is None else to_amount(value, "Violation.points", "points")


_input = user_input


@attrs.frozen
class Violation:
    """One breach of penalty rule *code* by *agent_id* at instant *at*.

    *points* is the severity chosen within the rule's allowed range where the rule
    deducts points ("2–5 points"); *reported_by* and *evidence* say who saw it and how.
    """

    id: str = attrs.field(validator=_input(nonblank))
    agent_id: str = attrs.field(validator=_input(nonblank))
    code: str = attrs.field(validator=_input(slug))
    at: pendulum.DateTime = attrs.field(converter=_at)
    reported_by: str = attrs.field(default="", validator=of_type(str))
    evidence: str = attrs.field(default="", validator=of_type(str))
    points: Decimal | None = attrs.field(default=None, converter=_points)


class EntryKind(enum.Enum):
    """What a ledger entry does."""

    RECORD = "record"
    REVERSE = "reverse"


@attrs.frozen
class LedgerEntry:
    """One line of the ledger: a violation recorded, or a recorded one reversed (with why)."""

    kind: EntryKind = attrs.field(validator=of_type(EntryKind))
    violation: Violation = attrs.field(validator=of_type(Violation))
    reason: str = attrs.field(default="", validator=of_type(str))


class LedgerStore(Protocol):
    """Where a ledger keeps its entries: append one, read them all back in order."""

    def append(self, entry: LedgerEntry) -> None:
        """Add *entry* at the end."""

    def entries(self) -> Iterator[LedgerEntry]:
        """Every entry, oldest first."""


class MemoryStore:
    """Entries in a Python list (the default store)."""

    def __init__(self) -> None:
        self._entries: list[LedgerEntry] = []

    def append(self, entry: LedgerEntry) -> None:
        self._entries.append(entry)

    def entries(self) -> Iterator[LedgerEntry]:
        return iter(tuple(self._entries))


class Ledger:
    """The violations on record, append-only.

    >>> ledger = Ledger()
    >>> v = Violation("V-1", "A-017", "phone-at-work", pendulum.datetime(2026, 3, 2, 10, tz="Asia/Shanghai"))
    >>> ledger.record(v), ledger.record(v)      # the same violation twice counts once
    (True, False)
    >>> ledger.reverse("V-1", "reported in error"), [x.id for x in ledger.active()]
    (True, [])
    >>> [e.kind.value for e in ledger.entries()]
    ['record', 'reverse']
    """

    def __init__(self, store: LedgerStore | None = None) -> None:
        self._store: LedgerStore = store if store is not None else MemoryStore()
        self._recorded: dict[str, Violation] = {}
        self._reversed: set[str] = set()
        for entry in self._store.entries():
            self._apply(entry)

    @classmethod
    def rebuild(cls, entries: Iterable[LedgerEntry]) -> Ledger:
        """A ledger holding *entries* (e.g. read back from a file), replayed in order."""
        store = MemoryStore()
        for entry in entries:
            store.append(entry)
        return cls(store)

    def _apply(self, entry: LedgerEntry) -> None:
        # Replayed entries (rebuild, a store read back) get the same checks as new ones.
        if not isinstance(entry, LedgerEntry):
            raise ValidationError("entry", entry, "expected a LedgerEntry")
        vid = entry.violation.id
        known = self._recorded.get(vid)
        if entry.kind is EntryKind.RECORD:
            if known is not None and known != entry.violation:
                raise ValidationError(
                    "entry.violation.id", vid, "another violation is recorded under this id"
                )
            self._recorded[vid] = entry.violation
        else:
            if known is None:
                raise ValidationError(
                    "entry.violation.id", vid, "reverses a violation that was never recorded"
                )
            self._reversed.add(vid)

    def _append(self, entry: LedgerEntry) -> None:
        self._store.append(entry)
        self._apply(entry)

    def record(self, violation: Violation) -> bool:
        """Record *violation*; ``False`` when this very violation is already recorded.

        :raises ValidationError: another violation was recorded under the same id.
        """
        if not isinstance(violation, Violation):
            raise ValidationError("violation", violation, "expected a Violation")
        known = self._recorded.get(violation.id)
        if known is not None:
            if known != violation:
                raise ValidationError(
                    "violation.id", violation.id, "another violation is recorded under this id"
                )
            return False
        self._append(LedgerEntry(EntryKind.RECORD, violation))
        return True

    def reverse(self, violation_id: str, reason: str) -> bool:
        """Cancel a recorded violation by a reversal entry; ``False`` if already reversed.

        :raises ValidationError: no violation has that id, or no reason is given.
        """
        if violation_id not in self._recorded:
            raise ValidationError(
                "violation_id", violation_id, "no violation is recorded under this id"
            )
        if not isinstance(reason, str) or not reason.strip():
            raise ValidationError("reason", reason, "say why the violation is reversed")
        if violation_id in self._reversed:
            return False
        self._append(LedgerEntry(EntryKind.REVERSE, self._recorded[violation_id], reason))
        return True

    def entries(self) -> tuple[LedgerEntry, ...]:
        """Every entry, oldest first."""
        return tuple(self._store.entries())

    def active(
        self,
        agent_id: str | None = None,
        code: str | None = None,
        period: Period | None = None,
        calendar: BusinessCalendar | None = None,
    ) -> tuple[Violation, ...]:
        """The violations recorded and not reversed, oldest first, optionally of one agent,
        one rule code, and within *period* (the day of each violation taken in
        *calendar*'s timezone, which a period filter needs)."""
        if period is not None and calendar is None:
            raise ValidationError(
                "calendar",
                None,
                "filtering by period needs the organisation's calendar (its timezone)",
            )
        found = [
            v
            for vid, v in self._recorded.items()
            if vid not in self._reversed
            and (agent_id is None or v.agent_id == agent_id)
            and (code is None or v.code == code)
            and (period is None or (calendar is not None and calendar.local_date(v.at) in period))
        ]
        return tuple(sorted(found, key=lambda v: (v.at, v.id)))
