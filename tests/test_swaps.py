"""Shift swaps (换班) and paybacks (还班): consent, approval and form (CC-22), at most 3 a
month counting both people (CC-23, AMB-08), no consecutive swaps and no 连班 (CC-24), no
swaps on public holidays (CC-27); every refusal names every rule it breaks; an accepted
swap gives the new rota, never less cover, and its payback is tracked."""

from __future__ import annotations

import datetime as _dt
import re

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import servicecodex as sc
from servicecodex._i18n import gettext

TZ = "Asia/Shanghai"
CAL = sc.BusinessCalendar(TZ, "CN")
CC = sc.Source("001 客服中心管理制度")
AGENTS = ("li", "wang", "zhao", "chen")


def t(hour: int, minute: int = 0) -> _dt.time:
    return _dt.time(hour, minute)


def text(en: str, zh: str) -> sc.Text:
    return sc.Text(en=en, zh_Hans=zh)


EARLY = sc.ShiftPattern(
    "early",
    text("Early shift", "早班"),
    t(8),
    t(16),
    CC("CC-17", "三.2"),
    breaks=[sc.Break(t(12), t(12, 30), text("lunch", "午饭"))],
)
LATE = sc.ShiftPattern(
    "late",
    text("Late shift", "晚班"),
    t(16),
    t(0),
    CC("CC-17", "三.2"),
    breaks=[sc.Break(t(19), t(19, 30), text("dinner", "晚饭"))],
)
SWAPS = sc.SwapPolicy(
    approval=CC("CC-22", "七.3"),
    limit=CC("CC-23", "七.4"),
    max_per_month=3,
    consecutive=CC("CC-24", "七.4"),
    back_to_back=CC("CC-24", "七.4"),
    holidays=CC("CC-27", "七.7"),
    leave=CC("CC-26", "七.6"),
)
COVER = sc.MinimumCover(1, t(8), t(0), CC("CC-25", "七.5"), code="cc-25")
POLICY = sc.ShiftPolicy([EARLY, LATE], cover=[COVER], swaps=SWAPS)


def days(first: pendulum.Date, last: pendulum.Date) -> list[pendulum.Date]:
    return [first.add(days=i) for i in range((last - first).days + 1)]


def base_rota(
    first: pendulum.Date, last: pendulum.Date, policy: sc.ShiftPolicy = POLICY
) -> sc.Rota:
    """li early and wang late on weekdays, zhao early and chen late at weekends."""
    out = []
    for d in days(first, last):
        weekend = d.weekday() >= 5
        out.append(sc.Assignment("zhao" if weekend else "li", d, "early"))
        out.append(sc.Assignment("chen" if weekend else "wang", d, "late"))
    return sc.Rota(policy, CAL, out, AGENTS)


MARCH = sc.Month(2026, 3)


def march(day: int) -> pendulum.Date:
    return pendulum.date(2026, 3, day)


def register(policy: sc.ShiftPolicy = POLICY) -> sc.SwapRegister:
    return sc.SwapRegister(base_rota(MARCH.first, MARCH.last, policy))


def swap(
    sid: str,
    requester: str,
    partner: str,
    day: pendulum.Date,
    payback: pendulum.Date | None = None,
    *,
    consent: tuple[str, ...] | None = None,
    approved_by: str | None = "manager",
    form: str | None = "form",
) -> sc.SwapRequest:
    return sc.SwapRequest(
        sid,
        requester,
        partner,
        day,
        pendulum.datetime(day.year, day.month, day.day, tz=TZ).subtract(days=3),
        payback=payback,
        consent=(requester, partner) if consent is None else consent,
        approved_by=approved_by,
        form=form,
    )


def accept(reg: sc.SwapRegister, request: sc.SwapRequest) -> sc.SwapDecision:
    decision = reg.request(request)
    assert decision.accepted, decision.explain()
    return decision


def assert_explained(reason: sc.Reason) -> None:
    assert re.fullmatch(r"[A-Z]{2,4}-\d{2,3}", reason.rule_id)
    assert isinstance(reason.message, str)
    for locale in ("zh_Hans", "zh_Hant", "en"):
        assert reason.rule_id in reason.explain(locale)
        if locale != "en":
            assert gettext(reason.message, locale) != reason.message, reason.message


# Bad input ---------------------------------------------------------------------------


def test_a_swap_with_oneself_is_refused() -> None:
    with pytest.raises(sc.ValidationError, match="a swap with oneself") as caught:
        swap("S1", "li", "li", march(2))
    assert isinstance(caught.value, sc.ServiceCodexError)


def test_bad_requests_raise() -> None:
    reg = register()
    with pytest.raises(sc.ValidationError, match="unknown agent"):
        reg.request(swap("S1", "li", "sun", march(2)))
    with pytest.raises(sc.ValidationError, match="li has no shift that day"):
        reg.request(swap("S1", "li", "zhao", march(7)))  # a Saturday
    with pytest.raises(sc.ValidationError, match="zhao has no shift that day"):
        reg.request(swap("S1", "li", "zhao", march(2), march(4)))
    with pytest.raises(sc.ValidationError, match="payback is on another day"):
        swap("S1", "li", "zhao", march(2), march(2))
    with pytest.raises(sc.NaiveDateTimeError):
        sc.SwapRequest("S1", "li", "zhao", march(2), _dt.datetime(2026, 3, 1, 9))
    with pytest.raises(sc.ValidationError, match="a set of agent ids"):
        sc.SwapRequest(
            "S1", "li", "zhao", march(2), pendulum.datetime(2026, 3, 1, tz=TZ), consent="li"
        )
    with pytest.raises(sc.ValidationError, match="expected a SwapRequest"):
        reg.request("S1")  # type: ignore[arg-type]
    accept(reg, swap("S1", "li", "zhao", march(2)))
    with pytest.raises(sc.ValidationError, match="already accepted"):
        reg.request(swap("S1", "li", "chen", march(4)))
    with pytest.raises(sc.ValidationError, match="no swap rules"):
        sc.SwapRegister(base_rota(march(2), march(3), sc.ShiftPolicy([EARLY, LATE])))
    with pytest.raises(sc.ValidationError, match="give the limit with its citation"):
        sc.SwapPolicy(max_per_month=3)


# Each rule ---------------------------------------------------------------------------


def test_consent_approval_and_form_are_each_named_cc_22() -> None:
    decision = register().request(
        swap("S1", "li", "zhao", march(2), consent=("li",), approved_by=None, form=None)
    )
    assert not decision.accepted
    assert decision.rota is None
    assert [(b.rule_id, b.agent_id) for b in decision.breaches] == [
        ("CC-22", "zhao"),
        ("CC-22", None),
        ("CC-22", None),
    ]
    assert decision.explain("en") == [
        "Zhao has not consented to the swap (CC-22)",
        "The swap is not approved by the manager (CC-22)",
        "No swap registration form is filed (CC-22)",
    ]
    for b in decision.breaches:
        assert_explained(b.reason)
    for missing in ({"consent": ("zhao",)}, {"approved_by": ""}, {"form": ""}):
        one = register().request(swap("S1", "li", "zhao", march(2), **missing))
        assert [b.rule_id for b in one.breaches] == ["CC-22"]


def test_a_fourth_swap_in_a_month_is_refused_counting_both_people_cc_23() -> None:
    reg = register()
    accept(reg, swap("S1", "li", "zhao", march(2)))
    accept(reg, swap("S2", "li", "chen", march(4)))
    accept(reg, swap("S3", "li", "zhao", march(11)))
    assert len(reg.swaps_of("li", MARCH)) == 3
    assert len(reg.swaps_of("zhao", MARCH)) == 2
    # zhao asks li to work his Saturday: li's fourth swap in March, zhao's third
    decision = reg.request(swap("S4", "zhao", "li", march(14)))
    assert [(b.rule_id, b.agent_id, b.day) for b in decision.breaches] == [
        ("CC-23", "li", march(14))
    ]
    assert decision.explain("en") == ["Li would swap 4 times in March 2026; at most 3 (CC-23)"]
    assert_explained(decision.breaches[0].reason)
    # others still swap; April starts afresh
    accept(reg, swap("S5", "wang", "chen", march(18)))
    # a new month starts afresh (5 and 6 April are the Qingming holiday)
    april = sc.SwapRegister(base_rota(march(30), pendulum.date(2026, 4, 30)))
    for i, d in enumerate([march(30), *(pendulum.date(2026, 4, n) for n in (1, 8, 13))]):
        accept(april, swap(f"A{i}", "li", "zhao", d))
    assert len(april.swaps_of("li", sc.Month(2026, 4))) == 3
    refused = april.request(swap("A9", "li", "zhao", pendulum.date(2026, 4, 15)))
    assert [(b.rule_id, b.agent_id) for b in refused.breaches] == [
        ("CC-23", "li"),
        ("CC-23", "zhao"),
    ]


def test_a_swap_counts_in_the_month_of_its_day_whatever_the_order_amb_08() -> None:
    """A swap counts once for each person (AMB-08), in the month of the swapped day: the
    payback does not count again, and the order requests come in does not matter."""
    april_swaps = [
        swap(f"A{i}", "li", "zhao", pendulum.date(2026, 4, d)) for i, d in enumerate((7, 14, 21))
    ]
    straddling = swap("M", "li", "chen", march(31), pendulum.date(2026, 4, 4))
    for order in ([*april_swaps, straddling], [straddling, *april_swaps]):
        reg = sc.SwapRegister(base_rota(march(30), pendulum.date(2026, 4, 30)))
        for request in order:
            accept(reg, request)
        assert len(reg.swaps_of("li", sc.Month(2026, 4))) == 3
        assert len(reg.swaps_of("li", MARCH)) == 1


def test_no_consecutive_swaps_cc_24() -> None:
    reg = register()
    accept(reg, swap("S1", "li", "zhao", march(2), march(7)))
    # the day after a swap
    decision = reg.request(swap("S2", "li", "chen", march(3)))
    assert [(b.rule_id, b.agent_id) for b in decision.breaches] == [("CC-24", "li")]
    assert decision.explain("en") == [
        "Li swaps on Mar 3, 2026 and on Mar 2, 2026: no consecutive swaps (CC-24)"
    ]
    assert_explained(decision.breaches[0].reason)
    # the day before the payback (li works zhao's Saturday): zhao's Friday is not his
    decision = reg.request(swap("S3", "wang", "li", march(6)))
    assert ("CC-24", "li") in [(b.rule_id, b.agent_id) for b in decision.breaches]
    # a swap of the swapped shift on the same day is a consecutive swap too
    decision = reg.request(swap("S4", "zhao", "chen", march(2)))
    assert [(b.rule_id, b.agent_id) for b in decision.breaches] == [("CC-24", "zhao")]
    # two days later is fine
    accept(reg, swap("S5", "li", "chen", march(4)))


def test_no_back_to_back_shifts_cc_24() -> None:
    # wang works the late shift on Monday: taking li's early shift makes 08:00–24:00
    decision = register().request(swap("S1", "li", "wang", march(2)))
    assert [(b.rule_id, b.agent_id, b.day) for b in decision.breaches] == [
        ("CC-24", "wang", march(2))
    ]
    assert decision.explain("en") == [
        "Wang would work back to back: Early shift on Mar 2, 2026 and Late shift on "
        "Mar 2, 2026 (CC-24)"
    ]
    assert_explained(decision.breaches[0].reason)


def test_minimum_rest_between_shifts_cc_24() -> None:
    rested = sc.ShiftPolicy(
        [EARLY, LATE],
        cover=[COVER],
        swaps=sc.SwapPolicy(back_to_back=CC("CC-24", "七.4"), min_rest=_dt.timedelta(hours=12)),
    )
    reg = register(rested)
    # chen's Sunday late shift ends at 00:00; Monday's early shift starts 8 hours later
    decision = reg.request(swap("S1", "li", "chen", march(2)))
    assert [(b.rule_id, b.agent_id, b.day) for b in decision.breaches] == [
        ("CC-24", "chen", march(2))
    ]
    # zhao's Sunday shift is early: 40 hours of rest
    accept(reg, swap("S2", "li", "zhao", march(2)))
    with pytest.raises(sc.ValidationError, match="zero or more"):
        sc.SwapPolicy(min_rest=_dt.timedelta(hours=-1))


def test_an_overlapping_shift_is_refused() -> None:
    overlapping = sc.ShiftPattern(
        "mid", text("Mid shift", "中班"), t(12), t(20), CC("CC-17", "三.2")
    )
    policy = sc.ShiftPolicy([EARLY, LATE, overlapping], swaps=SWAPS)
    rota = sc.Rota(
        policy,
        CAL,
        [sc.Assignment("li", march(2), "early"), sc.Assignment("wang", march(2), "mid")],
    )
    decision = sc.SwapRegister(rota).request(swap("S1", "li", "wang", march(2)))
    assert [(b.rule_id, b.agent_id) for b in decision.breaches] == [("CC-24", "wang")]
    assert decision.explain("en") == [
        "Wang would work two overlapping shifts on Mar 2, 2026 (CC-24)"
    ]
    assert_explained(decision.breaches[0].reason)
    # without a 连班 rule an overlap cannot be expressed at all
    bare = sc.ShiftPolicy([EARLY, LATE, overlapping], swaps=sc.SwapPolicy())
    with pytest.raises(sc.ValidationError, match="two overlapping shifts"):
        sc.SwapRegister(sc.Rota(bare, CAL, rota.assignments)).request(
            swap("S1", "li", "wang", march(2))
        )


def test_no_swap_on_a_public_holiday_cc_27() -> None:
    national_day = pendulum.date(2026, 10, 1)
    assert CAL.is_public_holiday(national_day)
    assert not CAL.is_public_holiday(pendulum.date(2026, 10, 8))
    reg = sc.SwapRegister(base_rota(pendulum.date(2026, 9, 28), pendulum.date(2026, 10, 31)))
    decision = reg.request(swap("S1", "li", "zhao", national_day))
    assert [(b.rule_id, b.day) for b in decision.breaches] == [("CC-27", national_day)]
    assert decision.explain("en") == ["Oct 1, 2026 is a public holiday: no swaps (CC-27)"]
    assert_explained(decision.breaches[0].reason)
    # nor a payback on one (2026-10-03 is a Saturday of the National Day holiday)
    payback = pendulum.date(2026, 10, 3)
    assert CAL.is_public_holiday(payback)
    decision = reg.request(swap("S2", "li", "zhao", pendulum.date(2026, 9, 29), payback))
    assert [(b.rule_id, b.day) for b in decision.breaches] == [("CC-27", payback)]
    accept(reg, swap("S3", "li", "zhao", pendulum.date(2026, 10, 8)))


def test_every_rule_a_swap_breaks_is_named_at_once() -> None:
    reg = sc.SwapRegister(base_rota(pendulum.date(2026, 9, 28), pendulum.date(2026, 10, 31)))
    accept(reg, swap("S0", "li", "zhao", pendulum.date(2026, 9, 30)))
    for sid, d in (("S1", 9), ("S2", 13), ("S3", 20)):
        accept(reg, swap(sid, "li", "chen", pendulum.date(2026, 10, d)))
    national_day = pendulum.date(2026, 10, 1)
    decision = reg.request(
        swap("S4", "li", "wang", national_day, consent=("li",), approved_by=None, form=None)
    )
    assert [(b.rule_id, b.agent_id) for b in decision.breaches] == [
        ("CC-22", "wang"),  # wang has not consented
        ("CC-22", None),  # no manager's approval
        ("CC-22", None),  # no form
        ("CC-23", "li"),  # li's fourth swap in October
        ("CC-24", "li"),  # the day after li's swap of 30 September
        ("CC-27", None),  # National Day
        ("CC-24", "wang"),  # wang would work early and late: 连班
    ]
    assert decision.rota is None
    assert reg.rota.shift_of("li", national_day) is not None
    for locale in ("zh_Hans", "zh_Hant", "en"):
        assert len(decision.explain(locale)) == 7
    for b in decision.breaches:
        assert_explained(b.reason)


# Accepted swaps ----------------------------------------------------------------------


def test_an_accepted_swap_gives_the_new_rota_and_tracks_its_payback() -> None:
    reg = register()
    before = reg.rota
    decision = accept(reg, swap("S1", "li", "zhao", march(2), march(7)))
    assert decision.breaches == ()
    assert decision.explain() == []
    rota = decision.rota
    assert rota is not None
    assert reg.rota is rota
    assert rota.shift_of("li", march(2)) is None
    shift = rota.shift_of("zhao", march(2))
    assert shift is not None
    assert shift.pattern is EARLY
    assert rota.shift_of("zhao", march(7)) is None
    payback = rota.shift_of("li", march(7))
    assert payback is not None
    assert payback.pattern is EARLY
    # the old rota is unchanged
    assert before.shift_of("li", march(2)) is not None
    assert reg.on_swap_days("li") == {march(2), march(7)}
    assert reg.on_swap_days("zhao") == {march(2), march(7)}
    assert reg.on_swap_days("wang") == set()
    # the payback is owed, then overdue, then done
    request = reg.accepted[0]
    assert reg.owed(march(6)) == [(request, False)]
    assert reg.owed(march(7)) == [(request, False)]
    assert reg.owed(march(8)) == [(request, True)]
    reg.paid_back("S1", march(7))
    assert reg.owed(march(8)) == []


def test_paybacks_must_be_for_accepted_swaps_with_a_payback() -> None:
    reg = register()
    accept(reg, swap("S1", "li", "zhao", march(2)))
    assert reg.owed(march(30)) == []  # a swap without payback owes nothing
    with pytest.raises(sc.ValidationError, match="no accepted swap has this id"):
        reg.paid_back("S9", march(3))
    with pytest.raises(sc.ValidationError, match="has no payback"):
        reg.paid_back("S1", march(3))
    refused = reg.request(swap("S2", "li", "wang", march(4)))
    assert not refused.accepted
    with pytest.raises(sc.ValidationError, match="no accepted swap"):
        reg.paid_back("S2", march(4))
    with pytest.raises(sc.ValidationError, match="calendar date"):
        reg.owed(pendulum.datetime(2026, 3, 4, tz=TZ))


def test_a_swap_keeps_the_meals_of_the_shift() -> None:
    rota = sc.Rota(
        POLICY,
        CAL,
        [sc.Assignment("li", march(2), "early", meals=[(t(13), t(13, 30))])],
        AGENTS,
    )
    decision = accept(sc.SwapRegister(rota), swap("S1", "li", "zhao", march(2)))
    assert decision.rota is not None
    assert decision.rota.assignments == (
        sc.Assignment("zhao", march(2), "early", meals=[(t(13), t(13, 30))]),
    )


# Properties --------------------------------------------------------------------------

WEEK = days(march(2), march(8))


@st.composite
def rota_and_request(draw: st.DrawFn) -> tuple[sc.Rota, sc.SwapRequest]:
    assignments = []
    for d in WEEK:
        for pattern in ("early", "late"):
            who = draw(st.lists(st.sampled_from(AGENTS), max_size=2, unique=True))
            assignments += [sc.Assignment(a, d, pattern) for a in who]
    # an agent works at most one shift a day
    seen: set[tuple[str, pendulum.Date]] = set()
    kept = []
    for a in assignments:
        if (a.agent_id, a.day) not in seen:
            seen.add((a.agent_id, a.day))
            kept.append(a)
    rota = sc.Rota(POLICY, CAL, kept, AGENTS)
    given_ = draw(st.sampled_from(kept)) if kept else None
    if given_ is None:
        return rota, swap("S", "li", "wang", WEEK[0])
    partner = draw(st.sampled_from([a for a in AGENTS if a != given_.agent_id]))
    theirs = [a.day for a in kept if a.agent_id == partner and a.day != given_.day]
    payback = draw(st.none() | st.sampled_from(theirs)) if theirs else None
    return rota, swap("S", given_.agent_id, partner, given_.day, payback)


@settings(max_examples=150, deadline=None)
@given(case=rota_and_request())
def test_an_accepted_swap_never_reduces_cover_below_the_minimum(
    case: tuple[sc.Rota, sc.SwapRequest],
) -> None:
    rota, request = case
    if not rota.shifts:
        return
    reg = sc.SwapRegister(rota)
    decision = reg.request(request)
    if not decision.accepted:
        assert decision.rota is None
        assert reg.rota is rota
        return
    new = decision.rota
    assert new is not None
    period = sc.DateRange(WEEK[0], WEEK[-1])
    before = set(rota.cover_breaches(COVER, period.days()))
    after = set(new.cover_breaches(COVER, period.days()))
    assert after <= before
    start = pendulum.datetime(2026, 3, 2, 8, tz=TZ)
    end = pendulum.datetime(2026, 3, 9, tz=TZ)
    assert new.on_duty(start, end) == rota.on_duty(start, end)
