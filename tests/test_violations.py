"""Violations and the append-only ledger: validation, idempotent recording, reversal
entries, filters by agent, code and period (in the organisation's timezone), rebuild."""

from __future__ import annotations

import datetime as _dt
import zoneinfo
from collections.abc import Iterator
from decimal import Decimal

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import servicecodex as sc

TZ = "Asia/Shanghai"
CAL = sc.BusinessCalendar(TZ, "CN")


def at(
    year: int = 2026, month: int = 3, day: int = 2, hour: int = 10, minute: int = 0
) -> pendulum.DateTime:
    """An instant on the organisation's wall clock (Asia/Shanghai)."""
    return pendulum.datetime(year, month, day, hour, minute, tz=TZ)


def violation(
    vid: str = "V-1",
    when: _dt.datetime | None = None,
    *,
    agent: str = "A-017",
    code: str = "phone-at-work",
    points: Decimal | int | None = None,
) -> sc.Violation:
    return sc.Violation(vid, agent, code, when if when is not None else at(), points=points)


# Violation ---------------------------------------------------------------------------


def test_violation_keeps_its_fields_and_converts_points_to_decimal() -> None:
    v = sc.Violation(
        "V-1",
        "A-017",
        "left-post",
        at(2026, 3, 2, 14),
        reported_by="supervisor",
        evidence="CCTV 14:05",
        points="4",
    )
    assert v.id == "V-1"
    assert v.agent_id == "A-017"
    assert v.code == "left-post"
    assert v.at == at(2026, 3, 2, 14)
    assert isinstance(v.at, pendulum.DateTime)
    assert v.reported_by == "supervisor"
    assert v.evidence == "CCTV 14:05"
    assert v.points == Decimal(4)
    assert isinstance(v.points, Decimal)
    assert violation().points is None


def test_violation_is_immutable() -> None:
    v = violation()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        v.points = Decimal(3)  # type: ignore[misc]


def test_a_stdlib_aware_datetime_becomes_a_pendulum_instant() -> None:
    when = _dt.datetime(2026, 3, 2, 10, tzinfo=zoneinfo.ZoneInfo(TZ))
    v = violation(when=when)
    assert isinstance(v.at, pendulum.DateTime)
    assert v.at == at(2026, 3, 2, 10)


def test_naive_datetime_is_refused_naming_violation_at() -> None:
    naive = _dt.datetime(2026, 3, 2, 10)
    with pytest.raises(sc.NaiveDateTimeError) as exc:
        sc.Violation("V-1", "A-017", "phone-at-work", naive)
    assert isinstance(exc.value, sc.ValidationError)
    assert exc.value.field == "Violation.at"
    assert exc.value.value == naive
    assert str(exc.value).startswith("Violation.at: ")


def test_a_date_is_not_an_instant() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.Violation("V-1", "A-017", "phone-at-work", pendulum.date(2026, 3, 2))  # type: ignore[arg-type]
    assert not isinstance(exc.value, sc.NaiveDateTimeError)
    assert exc.value.field == "Violation.at"


@pytest.mark.parametrize("points", [3.0, 4.5, float("nan"), float("inf")])
def test_float_points_are_refused_with_float_error(points: float) -> None:
    with pytest.raises(sc.FloatError) as exc:
        sc.Violation("V-1", "A-017", "left-post", at(), points=points)
    assert isinstance(exc.value, TypeError)
    assert not isinstance(exc.value, sc.FloatMoneyError)  # points are not money
    assert exc.value.field == "Violation.points"


@pytest.mark.parametrize("points", [True, "three", "NaN", [3]])
def test_non_numeric_points_are_refused(points: object) -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.Violation("V-1", "A-017", "left-post", at(), points=points)
    assert not isinstance(exc.value, sc.FloatError)
    assert exc.value.field == "Violation.points"


@pytest.mark.parametrize("blank", ["", "   ", "\t\n"])
def test_blank_id_is_refused(blank: str) -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.Violation(blank, "A-017", "phone-at-work", at())
    assert exc.value.field == "Violation.id"


def test_blank_agent_is_refused() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.Violation("V-1", " ", "phone-at-work", at())
    assert exc.value.field == "Violation.agent_id"


def test_non_str_id_is_refused() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.Violation(1, "A-017", "phone-at-work", at())  # type: ignore[arg-type]
    assert exc.value.field == "Violation.id"


@pytest.mark.parametrize(
    "code", ["", "Phone-At-Work", "phone at work", "1st-offence", "-late", "迟到", None, 39]
)
def test_bad_code_is_refused_naming_violation_code(code: object) -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.Violation("V-1", "A-017", code, at())  # type: ignore[arg-type]
    assert exc.value.field == "Violation.code"


@pytest.mark.parametrize("field", ["reported_by", "evidence"])
def test_reported_by_and_evidence_must_be_text(field: str) -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.Violation("V-1", "A-017", "phone-at-work", at(), **{field: 7})  # type: ignore[arg-type]
    assert exc.value.field == f"Violation.{field}"


# Ledger: recording -------------------------------------------------------------------


def test_recording_the_same_violation_twice_counts_once() -> None:
    ledger = sc.Ledger()
    v = violation()
    assert ledger.record(v) is True
    assert ledger.record(v) is False
    assert ledger.record(violation()) is False  # an equal value, built again
    assert ledger.active() == (v,)
    assert len(ledger.entries()) == 1
    (entry,) = ledger.entries()
    assert entry == sc.LedgerEntry(sc.EntryKind.RECORD, v)
    assert entry.reason == ""


def test_the_same_instant_in_another_timezone_is_the_same_violation() -> None:
    ledger = sc.Ledger()
    assert ledger.record(violation(when=at(2026, 3, 2, 10)))
    assert not ledger.record(violation(when=pendulum.datetime(2026, 3, 2, 2, tz="UTC")))
    assert len(ledger.entries()) == 1


@pytest.mark.parametrize(
    "other",
    [
        violation(when=at(2026, 3, 2, 11)),
        violation(agent="A-018"),
        violation(code="left-post"),
        violation(points=3),
        sc.Violation("V-1", "A-017", "phone-at-work", at(), reported_by="supervisor"),
    ],
)
def test_same_id_with_different_content_is_refused(other: sc.Violation) -> None:
    ledger = sc.Ledger()
    ledger.record(violation())
    with pytest.raises(sc.ValidationError) as exc:
        ledger.record(other)
    assert exc.value.field == "violation.id"
    assert exc.value.value == "V-1"
    assert ledger.active() == (violation(),)
    assert len(ledger.entries()) == 1


def test_recording_something_else_than_a_violation_is_refused() -> None:
    ledger = sc.Ledger()
    with pytest.raises(sc.ValidationError):
        ledger.record("V-1")  # type: ignore[arg-type]
    assert ledger.entries() == ()


# Ledger: reversal --------------------------------------------------------------------


def test_reverse_needs_a_known_id() -> None:
    ledger = sc.Ledger()
    ledger.record(violation("V-1"))
    with pytest.raises(sc.ValidationError) as exc:
        ledger.reverse("V-2", "reported in error")
    assert exc.value.field == "violation_id"
    assert exc.value.value == "V-2"
    assert len(ledger.entries()) == 1
    assert ledger.active() == (violation("V-1"),)


@pytest.mark.parametrize("reason", ["", "   ", None, 3])
def test_reverse_needs_a_reason(reason: object) -> None:
    ledger = sc.Ledger()
    ledger.record(violation())
    with pytest.raises(sc.ValidationError) as exc:
        ledger.reverse("V-1", reason)  # type: ignore[arg-type]
    assert exc.value.field == "reason"
    assert len(ledger.entries()) == 1
    assert ledger.active() == (violation(),)


def test_reversing_twice_returns_false_and_adds_one_entry() -> None:
    ledger = sc.Ledger()
    ledger.record(violation())
    assert ledger.reverse("V-1", "reported in error") is True
    assert ledger.reverse("V-1", "reported in error again") is False
    assert [e.kind for e in ledger.entries()] == [sc.EntryKind.RECORD, sc.EntryKind.REVERSE]
    assert ledger.active() == ()


def test_entries_are_append_only() -> None:
    ledger = sc.Ledger()
    v1, v2 = violation("V-1", at(2026, 3, 2)), violation("V-2", at(2026, 3, 3))
    ledger.record(v1)
    ledger.record(v2)
    before = ledger.entries()
    assert isinstance(before, tuple)

    ledger.reverse("V-1", "the supervisor misread the rota")

    after = ledger.entries()
    assert len(after) == len(before) + 1
    assert after[: len(before)] == before  # nothing deleted, nothing rewritten
    assert after[-1] == sc.LedgerEntry(sc.EntryKind.REVERSE, v1, "the supervisor misread the rota")
    assert ledger.active() == (v2,)
    # The snapshot taken before is a value, not a view.
    assert len(before) == 2


def test_reversed_violation_recorded_again_stays_reversed() -> None:
    """Replaying a record after its reversal (a retried import) must not bring it back."""
    ledger = sc.Ledger()
    ledger.record(violation())
    ledger.reverse("V-1", "reported in error")
    assert ledger.record(violation()) is False
    assert ledger.active() == ()
    assert len(ledger.entries()) == 2


def test_a_reversed_id_still_refuses_other_content() -> None:
    ledger = sc.Ledger()
    ledger.record(violation())
    ledger.reverse("V-1", "reported in error")
    with pytest.raises(sc.ValidationError):
        ledger.record(violation(when=at(2026, 3, 9)))


# Ledger: active() filters --------------------------------------------------------------


def _busy_ledger() -> sc.Ledger:
    ledger = sc.Ledger()
    for v in (
        violation("V-5", at(2026, 4, 2), agent="A-017"),
        violation("V-1", at(2026, 3, 2), agent="A-017"),
        violation("V-2", at(2026, 3, 2), agent="A-018"),
        violation("V-3", at(2026, 3, 9), agent="A-017", code="left-post", points=3),
        violation("V-4", at(2026, 2, 27), agent="A-017"),
        violation("V-0", at(2026, 3, 2), agent="A-017"),  # same instant as V-1
    ):
        ledger.record(v)
    return ledger


def ids(violations: tuple[sc.Violation, ...]) -> list[str]:
    return [v.id for v in violations]


def test_active_is_oldest_first_with_ties_broken_by_id() -> None:
    assert ids(_busy_ledger().active()) == ["V-4", "V-0", "V-1", "V-2", "V-3", "V-5"]


def test_active_filters_by_agent_code_and_period() -> None:
    ledger = _busy_ledger()
    march = sc.Month(2026, 3)
    assert ids(ledger.active(agent_id="A-017")) == ["V-4", "V-0", "V-1", "V-3", "V-5"]
    assert ids(ledger.active(agent_id="A-018")) == ["V-2"]
    assert ids(ledger.active(agent_id="A-999")) == []
    assert ids(ledger.active(code="left-post")) == ["V-3"]
    assert ids(ledger.active(period=march, calendar=CAL)) == ["V-0", "V-1", "V-2", "V-3"]
    assert ids(
        ledger.active(agent_id="A-017", code="phone-at-work", period=march, calendar=CAL)
    ) == ["V-0", "V-1"]
    week = sc.DateRange(pendulum.date(2026, 3, 2), pendulum.date(2026, 3, 8))
    assert ids(ledger.active(period=week, calendar=CAL)) == ["V-0", "V-1", "V-2"]


def test_active_leaves_out_reversed_violations_under_every_filter() -> None:
    ledger = _busy_ledger()
    ledger.reverse("V-1", "reported in error")
    assert "V-1" not in ids(ledger.active())
    assert "V-1" not in ids(ledger.active(agent_id="A-017"))
    assert "V-1" not in ids(ledger.active(period=sc.Month(2026, 3), calendar=CAL))


def test_period_filter_needs_a_calendar() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        _busy_ledger().active(period=sc.Month(2026, 3))
    assert exc.value.field == "calendar"


def test_half_past_eleven_on_march_31_in_shanghai_belongs_to_march() -> None:
    late = violation("V-late", pendulum.datetime(2026, 3, 31, 23, 30, tz=TZ))
    assert late.at.in_timezone("UTC").day == 31
    assert late.at.in_timezone("UTC").hour == 15
    ledger = sc.Ledger()
    ledger.record(late)
    assert ledger.active(period=sc.Month(2026, 3), calendar=CAL) == (late,)
    assert ledger.active(period=sc.Month(2026, 4), calendar=CAL) == ()


def test_half_past_midnight_on_april_1_in_shanghai_belongs_to_april() -> None:
    early = violation("V-early", pendulum.datetime(2026, 4, 1, 0, 30, tz=TZ))
    # Still 31 March in UTC, and in a UTC organisation it would be March.
    assert early.at.in_timezone("UTC").date() == pendulum.date(2026, 3, 31)
    ledger = sc.Ledger()
    ledger.record(early)
    assert ledger.active(period=sc.Month(2026, 4), calendar=CAL) == (early,)
    assert ledger.active(period=sc.Month(2026, 3), calendar=CAL) == ()
    utc = sc.BusinessCalendar("UTC")
    assert ledger.active(period=sc.Month(2026, 3), calendar=utc) == (early,)


def test_the_day_comes_from_the_calendar_not_from_the_timezone_the_instant_was_given_in() -> None:
    # 16:30 UTC on 31 March is 00:30 on 1 April in Shanghai.
    given_in_utc = violation("V-utc", pendulum.datetime(2026, 3, 31, 16, 30, tz="UTC"))
    ledger = sc.Ledger()
    ledger.record(given_in_utc)
    assert ledger.active(period=sc.Month(2026, 4), calendar=CAL) == (given_in_utc,)
    assert ledger.active(period=sc.Month(2026, 3), calendar=CAL) == ()


# Ledger: rebuild and stores ------------------------------------------------------------


def test_rebuild_gives_the_same_ledger() -> None:
    ledger = _busy_ledger()
    ledger.reverse("V-3", "points were entered for the wrong agent")
    ledger.reverse("V-5", "duplicate report")
    rebuilt = sc.Ledger.rebuild(ledger.entries())
    assert rebuilt.entries() == ledger.entries()
    assert rebuilt.active() == ledger.active()
    assert rebuilt.active(agent_id="A-017", period=sc.Month(2026, 3), calendar=CAL) == (
        ledger.active(agent_id="A-017", period=sc.Month(2026, 3), calendar=CAL)
    )
    # The rebuilt ledger remembers what was recorded and reversed.
    assert rebuilt.record(violation("V-1", at(2026, 3, 2))) is False
    assert rebuilt.reverse("V-3", "again") is False
    with pytest.raises(sc.ValidationError):
        rebuilt.record(violation("V-1", at(2026, 3, 3)))


def test_rebuild_accepts_any_iterable_of_entries() -> None:
    entries = _busy_ledger().entries()
    rebuilt = sc.Ledger.rebuild(e for e in entries)
    assert rebuilt.entries() == entries


def test_rebuild_does_not_share_state_with_the_original() -> None:
    ledger = _busy_ledger()
    rebuilt = sc.Ledger.rebuild(ledger.entries())
    rebuilt.reverse("V-1", "reported in error")
    assert "V-1" in ids(ledger.active())
    assert len(ledger.entries()) == len(rebuilt.entries()) - 1


def test_a_ledger_entry_needs_an_entry_kind() -> None:
    """A kind read back from a file as the string "record" must not pass for a reversal."""
    with pytest.raises(sc.ValidationError):
        sc.LedgerEntry("record", violation())  # type: ignore[arg-type]


def test_rebuild_refuses_a_reversal_of_a_violation_never_recorded() -> None:
    """Replaying must keep the rules that record() and reverse() keep; otherwise the id is
    reversed in advance and a later record() returns True for a violation never active."""
    entries = [sc.LedgerEntry(sc.EntryKind.REVERSE, violation(), "reported in error")]
    with pytest.raises(sc.ValidationError):
        sc.Ledger.rebuild(entries)


def test_rebuild_refuses_two_violations_under_one_id() -> None:
    entries = [
        sc.LedgerEntry(sc.EntryKind.RECORD, violation(when=at(2026, 3, 2))),
        sc.LedgerEntry(sc.EntryKind.RECORD, violation(when=at(2026, 3, 9))),
    ]
    with pytest.raises(sc.ValidationError):
        sc.Ledger.rebuild(entries)


class ListStore:
    """A store as a database table would be: append a row, read the rows back in order."""

    def __init__(self, rows: list[sc.LedgerEntry] | None = None) -> None:
        self.rows: list[sc.LedgerEntry] = list(rows or [])
        self.reads = 0

    def append(self, entry: sc.LedgerEntry) -> None:
        self.rows.append(entry)

    def entries(self) -> Iterator[sc.LedgerEntry]:
        self.reads += 1
        yield from list(self.rows)


def test_a_custom_store_receives_every_entry() -> None:
    store = ListStore()
    typed: sc.LedgerStore = store  # ListStore satisfies the protocol (checked by mypy)
    ledger = sc.Ledger(typed)
    v1, v2 = violation("V-1", at(2026, 3, 2)), violation("V-2", at(2026, 3, 3))
    assert ledger.record(v1)
    assert ledger.record(v2)
    assert not ledger.record(v1)
    assert ledger.reverse("V-1", "reported in error")
    assert store.rows == [
        sc.LedgerEntry(sc.EntryKind.RECORD, v1),
        sc.LedgerEntry(sc.EntryKind.RECORD, v2),
        sc.LedgerEntry(sc.EntryKind.REVERSE, v1, "reported in error"),
    ]
    assert ledger.entries() == tuple(store.rows)
    assert ledger.active() == (v2,)


def test_a_ledger_over_a_filled_store_replays_it() -> None:
    v1, v2 = violation("V-1", at(2026, 3, 2)), violation("V-2", at(2026, 3, 3))
    store = ListStore(
        [
            sc.LedgerEntry(sc.EntryKind.RECORD, v1),
            sc.LedgerEntry(sc.EntryKind.RECORD, v2),
            sc.LedgerEntry(sc.EntryKind.REVERSE, v2, "duplicate report"),
        ]
    )
    ledger = sc.Ledger(store)
    assert ledger.active() == (v1,)
    assert ledger.record(v1) is False
    assert ledger.reverse("V-2", "duplicate report") is False
    assert len(store.rows) == 3
    with pytest.raises(sc.ValidationError):
        ledger.record(violation("V-1", at(2026, 3, 9)))


def test_memory_store_hands_out_a_snapshot() -> None:
    store = sc.MemoryStore()
    v = violation()
    store.append(sc.LedgerEntry(sc.EntryKind.RECORD, v))
    reading = store.entries()
    store.append(sc.LedgerEntry(sc.EntryKind.REVERSE, v, "reported in error"))
    assert len(list(reading)) == 1
    assert len(list(store.entries())) == 2


# Property: rebuild(entries) replays to the same ledger ---------------------------------

AGENTS = ("A-017", "A-018")
CODES = ("phone-at-work", "left-post", "late")
ZONES = ("Asia/Shanghai", "UTC", "America/New_York", "Asia/Tokyo")


def _variant(index: int, variant: int, agent: int, code: int, day: int, zone: str) -> sc.Violation:
    # The content depends on variant: two variants of one id are different violations.
    when = pendulum.datetime(2026, 3, day, 9 + variant, tz=TZ).in_timezone(zone)
    return sc.Violation(f"V-{index}", AGENTS[agent], CODES[code], when)


records = st.builds(
    lambda *args: ("record", _variant(*args)),
    st.integers(0, 6),
    st.integers(0, 1),
    st.integers(0, len(AGENTS) - 1),
    st.integers(0, len(CODES) - 1),
    st.integers(1, 31),
    st.sampled_from(ZONES),
)
reversals = st.builds(
    lambda index, reason: ("reverse", f"V-{index}", reason),
    st.integers(0, 7),
    st.sampled_from(["reported in error", "duplicate", "appeal upheld"]),
)


@settings(deadline=None)
@given(st.lists(st.one_of(records, reversals), max_size=30))
def test_rebuild_of_any_history_gives_the_same_active_set(ops: list[tuple[object, ...]]) -> None:
    ledger = sc.Ledger()
    recorded: dict[str, sc.Violation] = {}
    reversed_ids: set[str] = set()
    for op in ops:
        if op[0] == "record":
            v = op[1]
            assert isinstance(v, sc.Violation)
            known = recorded.get(v.id)
            if known is not None and known != v:
                with pytest.raises(sc.ValidationError):
                    ledger.record(v)
            else:
                assert ledger.record(v) is (known is None)
                recorded[v.id] = v
        else:
            vid, reason = op[1], op[2]
            assert isinstance(vid, str)
            assert isinstance(reason, str)
            if vid not in recorded:
                with pytest.raises(sc.ValidationError):
                    ledger.reverse(vid, reason)
            else:
                assert ledger.reverse(vid, reason) is (vid not in reversed_ids)
                reversed_ids.add(vid)

    expected = sorted(
        (v for vid, v in recorded.items() if vid not in reversed_ids), key=lambda v: (v.at, v.id)
    )
    assert list(ledger.active()) == expected

    rebuilt = sc.Ledger.rebuild(ledger.entries())
    assert rebuilt.entries() == ledger.entries()
    assert rebuilt.active() == ledger.active()
    for agent in AGENTS:
        assert rebuilt.active(agent_id=agent) == ledger.active(agent_id=agent)
    for code in CODES:
        assert rebuilt.active(code=code) == ledger.active(code=code)
    for month in (sc.Month(2026, 2), sc.Month(2026, 3), sc.Month(2026, 4)):
        assert rebuilt.active(period=month, calendar=CAL) == ledger.active(
            period=month, calendar=CAL
        )
    # Exactly one RECORD entry per id, one REVERSE entry per reversed id.
    kinds = [(e.kind, e.violation.id) for e in ledger.entries()]
    assert sorted(vid for k, vid in kinds if k is sc.EntryKind.RECORD) == sorted(recorded)
    assert sorted(vid for k, vid in kinds if k is sc.EntryKind.REVERSE) == sorted(reversed_ids)
