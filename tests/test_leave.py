"""Leave: the HD-28 types, a day's notice (TB-63), written approval (TB-64), no leave for
staff on duty on a public holiday (CC-27) nor on swapped or payback days (CC-26),
emergencies phoned in within 24 hours with the paperwork on the day of return (HD-30),
and a month's notice of resignation (TB-65)."""

from __future__ import annotations

import datetime as _dt

import pendulum
import pytest

import servicecodex as sc
from servicecodex._i18n import gettext

TZ = "Asia/Shanghai"
CAL = sc.BusinessCalendar(TZ, "CN")
HD = sc.Source("001 篇2")
TB = sc.Source("002")
CC = sc.Source("001 客服中心管理制度")

TYPES = [
    ("personal", "Personal leave", "事假"),
    ("sick", "Sick leave", "病假"),
    ("marriage", "Marriage leave", "婚假"),
    ("maternity", "Maternity leave", "产假"),
    ("bereavement", "Bereavement leave", "丧假"),
    ("in-lieu", "Time off in lieu", "换休假"),
    ("paid", "Paid leave", "带薪假"),
    ("work-injury", "Work-injury leave", "工伤假"),
]
POLICY = sc.LeavePolicy(
    [sc.LeaveType(i, sc.Text(en=en, zh_Hans=zh), HD("HD-28", "六.2")) for i, en, zh in TYPES],
    approval=TB("TB-64", "P2 5)"),
    notice_cite=TB("TB-63", "P1 二.5"),
    notice=_dt.timedelta(days=1),
    holidays=CC("CC-27", "七.7"),
    swap_days=CC("CC-26", "七.6"),
    emergency=HD("HD-30", "六.2"),
    resignation=TB("TB-65", "P1 二.6"),
    absence_code="tb-46",
)


def at(month: int, day: int, hour: int = 9, minute: int = 0) -> pendulum.DateTime:
    return pendulum.datetime(2026, month, day, hour, minute, tz=TZ)


def date(month: int, day: int) -> pendulum.Date:
    return pendulum.date(2026, month, day)


TENTH = date(3, 10)
FIFTH = at(3, 5)


def request(
    first: pendulum.Date = TENTH,
    last: pendulum.Date | None = None,
    *,
    kind: str = "personal",
    filed: _dt.datetime = FIFTH,
    approved_by: str | None = "supervisor",
    agent: str = "li",
    **emergency: object,
) -> sc.LeaveRequest:
    return sc.LeaveRequest(
        "L-1",
        agent,
        kind,
        first,
        last or first,
        filed,
        approved_by=approved_by,
        **emergency,  # type: ignore[arg-type]
    )


def assert_explained(reason: sc.Reason) -> None:
    assert isinstance(reason.message, str)
    for locale in ("zh_Hans", "zh_Hant", "en"):
        assert reason.rule_id in reason.explain(locale)
        if locale != "en":
            assert gettext(reason.message, locale) != reason.message, reason.message


# Types -------------------------------------------------------------------------------


def test_the_eight_leave_types_of_hd_28() -> None:
    assert [t.name.localize("zh_Hans") for t in POLICY.types] == [zh for _, _, zh in TYPES]
    for type_id, _, zh in TYPES:
        decision = sc.review_leave(POLICY, request(kind=type_id))
        assert decision.accepted, decision.explain()
        assert decision.leave_type.name.localize("zh_Hant") == sc.Text(en="x", zh_Hans=zh).localize(
            "zh_Hant"
        )


def test_an_unknown_leave_type_lists_the_types() -> None:
    with pytest.raises(sc.ValidationError, match="unknown; known: personal, sick") as caught:
        sc.review_leave(POLICY, request(kind="holiday"))
    assert not isinstance(caught.value, sc.PolicyError)  # the user's input, not the policy's
    assert "work-injury" in str(caught.value)
    assert "'holiday'" in str(caught.value)


def test_bad_requests() -> None:
    with pytest.raises(sc.ValidationError, match="before the first day") as caught:
        request(date(3, 10), date(3, 9))
    assert caught.value.field == "LeaveRequest.last_day"
    with pytest.raises(sc.NaiveDateTimeError):
        request(filed=_dt.datetime(2026, 3, 5, 9))
    with pytest.raises(sc.ValidationError, match="calendar date"):
        request(at(3, 10))
    with pytest.raises(sc.ValidationError, match="expected a LeavePolicy"):
        sc.review_leave(None, request())  # type: ignore[arg-type]
    with pytest.raises(sc.ValidationError, match="expected a LeaveRequest"):
        sc.review_leave(POLICY, None)  # type: ignore[arg-type]
    with pytest.raises(sc.ValidationError, match="expected a Rota"):
        sc.review_leave(POLICY, request(), rota=CAL)  # type: ignore[arg-type]
    with pytest.raises(sc.PolicyError, match="duplicate id"):
        sc.LeavePolicy([*POLICY.types, POLICY.types[0]])
    assert request(date(3, 10), date(3, 12)).days() == (date(3, 10), date(3, 11), date(3, 12))


# Notice and approval -----------------------------------------------------------------


def test_leave_needs_written_approval_tb_64() -> None:
    decision = sc.review_leave(POLICY, request(approved_by=None))
    assert [r.rule_id for r in decision.breaches] == ["TB-64"]
    assert decision.explain("en") == [
        "Leave for li from Mar 10, 2026 to Mar 10, 2026 is not approved (TB-64)"
    ]
    assert_explained(decision.breaches[0])


@pytest.mark.parametrize(
    ("filed", "accepted"),
    [
        (at(3, 8, 9), True),  # two days ahead
        (at(3, 9, 0, 0), True),  # the day before
        (at(3, 9, 23, 59), True),  # "提前一天" counts the calendar: still the day before
        (at(3, 10, 8), False),  # the same day
        (at(3, 11, 8), False),  # after the leave started
    ],
)
def test_leave_is_requested_a_day_ahead_tb_63(filed: _dt.datetime, accepted: bool) -> None:
    decision = sc.review_leave(POLICY, request(filed=filed))
    assert decision.accepted is accepted
    if not accepted:
        assert [r.rule_id for r in decision.breaches] == ["TB-63"]
        assert decision.explain("en")[0].startswith("Leave is requested at least 24 hours ahead")
        assert_explained(decision.breaches[0])


def test_notice_is_measured_in_the_organisations_time_zone() -> None:
    rota = sc.Rota(sc.ShiftPolicy([_DAY]), CAL, [], ["li"])
    # 07:00 on 10 March in Shanghai is 23:00 on 9 March in UTC: the day of the leave
    # in Shanghai, however the instant is written
    early = at(3, 10, 7)
    for filed in (early, early.in_timezone("UTC")):
        decision = sc.review_leave(POLICY, request(filed=filed), rota)
        assert [r.rule_id for r in decision.breaches] == ["TB-63"]
    # 23:00 on 8 March in Shanghai, also as a fixed offset: the day before or earlier
    fixed = _dt.datetime(2026, 3, 8, 23, tzinfo=_dt.timezone(_dt.timedelta(hours=8)))
    filings: tuple[_dt.datetime, ...] = (at(3, 8, 23), fixed)
    for filing in filings:
        assert sc.review_leave(POLICY, request(filed=filing), rota).accepted
        # without a rota, midnight is taken in the time zone it was filed in
        assert sc.review_leave(POLICY, request(filed=filing)).accepted


# Holidays and swaps ------------------------------------------------------------------

_DAY = sc.ShiftPattern(
    "day",
    sc.Text(en="Day shift", zh_Hans="白班"),
    _dt.time(8, 30),
    _dt.time(18),
    TB("TB-51", "P1 二.1"),
)


def test_staff_on_duty_on_a_public_holiday_take_no_leave_cc_27() -> None:
    national_day = [date(10, d) for d in (1, 2, 3)]
    assert all(CAL.is_public_holiday(d) for d in national_day)
    rota = sc.Rota(
        sc.ShiftPolicy([_DAY]),
        CAL,
        [sc.Assignment("li", d, "day") for d in national_day[:2]],
        ["li", "wang"],
    )
    decision = sc.review_leave(POLICY, request(date(10, 1), date(10, 3), filed=at(9, 20)), rota)
    assert [(r.rule_id, r.facts["day"]) for r in decision.breaches] == [
        ("CC-27", date(10, 1)),
        ("CC-27", date(10, 2)),
    ]
    assert decision.explain("en")[0] == (
        "Li is on duty on the public holiday Oct 1, 2026: no leave (CC-27)"
    )
    assert_explained(decision.breaches[0])
    # wang is not on duty; without a rota, holidays are not checked
    other = request(date(10, 1), date(10, 3), filed=at(9, 20), agent="wang")
    assert sc.review_leave(POLICY, other, rota).accepted
    assert sc.review_leave(POLICY, request(date(10, 1), filed=at(9, 20))).accepted


def test_no_leave_on_swapped_or_payback_days_cc_26() -> None:
    swaps = sc.SwapPolicy(approval=CC("CC-22", "七.3"))
    rota = sc.Rota(
        sc.ShiftPolicy([_DAY], swaps=swaps),
        CAL,
        [sc.Assignment("li", date(3, 2), "day"), sc.Assignment("zhao", date(3, 7), "day")],
        ["li", "zhao", "wang"],
    )
    register = sc.SwapRegister(rota)
    decision = register.request(
        sc.SwapRequest(
            "S1",
            "li",
            "zhao",
            date(3, 2),
            at(2, 27),
            payback=date(3, 7),
            consent={"li", "zhao"},
            approved_by="manager",
            form="F-1",
        )
    )
    assert decision.accepted
    for agent, day in (("zhao", date(3, 2)), ("li", date(3, 7)), ("li", date(3, 2))):
        leave = request(day, filed=at(2, 20), agent=agent)
        refused = sc.review_leave(POLICY, leave, register.rota, register)
        assert [(r.rule_id, r.facts["day"]) for r in refused.breaches] == [("CC-26", day)]
        assert_explained(refused.breaches[0])
    assert sc.review_leave(
        POLICY, request(date(3, 2), filed=at(2, 20), agent="wang"), swaps=register
    ).accepted
    assert refused.explain("en") == [
        "Mar 2, 2026 is a swapped or payback day of li: no leave (CC-26)"
    ]


# Emergencies -------------------------------------------------------------------------


def emergency(
    reported: pendulum.DateTime | None, paperwork: pendulum.Date | None
) -> sc.LeaveRequest:
    return request(
        date(3, 10),
        date(3, 11),
        kind="sick",
        filed=at(3, 12, 9),
        emergency=True,
        reported_at=reported,
        paperwork_on=paperwork,
    )


def test_an_emergency_phoned_in_within_24_hours_with_paperwork_on_return_hd_30() -> None:
    # ill on the 10th and 11th, phoned the head at 07:30 on the 10th, back on the 12th
    decision = sc.review_leave(POLICY, emergency(at(3, 10, 7, 30), date(3, 12)))
    assert decision.accepted, decision.explain()
    # phoned by 24:00 of the first day is within 24 hours; no day's notice is asked
    assert sc.review_leave(POLICY, emergency(at(3, 11, 0, 0), date(3, 12))).accepted


@pytest.mark.parametrize(
    ("reported", "paperwork", "messages"),
    [
        (
            at(3, 11, 0, 1),
            date(3, 12),
            ["An emergency absence is reported within 24 hours (HD-30)"],
        ),
        (None, date(3, 12), ["An emergency absence is reported within 24 hours (HD-30)"]),
        (
            at(3, 10, 8),
            date(3, 13),
            ["The leave paperwork is completed on the day of return, Mar 12, 2026 (HD-30)"],
        ),
        (
            at(3, 10, 8),
            None,
            ["The leave paperwork is completed on the day of return, Mar 12, 2026 (HD-30)"],
        ),
        (
            None,
            None,
            [
                "An emergency absence is reported within 24 hours (HD-30)",
                "The leave paperwork is completed on the day of return, Mar 12, 2026 (HD-30)",
            ],
        ),
    ],
)
def test_emergency_rules_hd_30(
    reported: pendulum.DateTime | None, paperwork: pendulum.Date | None, messages: list[str]
) -> None:
    decision = sc.review_leave(POLICY, emergency(reported, paperwork))
    assert decision.explain("en") == messages
    for reason in decision.breaches:
        assert reason.rule_id == "HD-30"
        assert_explained(reason)


def test_an_emergency_still_needs_consent() -> None:
    leave = request(
        date(3, 10),
        kind="sick",
        filed=at(3, 11, 9),
        approved_by=None,
        emergency=True,
        reported_at=at(3, 10, 7),
        paperwork_on=date(3, 11),
    )
    assert [r.rule_id for r in sc.review_leave(POLICY, leave).breaches] == ["TB-64"]


def test_every_rule_a_request_breaks_is_named() -> None:
    rota = sc.Rota(sc.ShiftPolicy([_DAY]), CAL, [sc.Assignment("li", date(10, 1), "day")])
    leave = request(date(10, 1), filed=at(10, 1, 7), approved_by=None)
    decision = sc.review_leave(POLICY, leave, rota)
    assert [r.rule_id for r in decision.breaches] == ["TB-64", "TB-63", "CC-27"]
    assert len(decision.explain("zh_Hant")) == 3


# Resignation -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("last", "accepted"),
    [
        (date(4, 2), True),  # a month after filing
        (date(5, 31), True),
        (date(4, 1), False),
        (date(3, 20), False),
    ],
)
def test_resignation_needs_a_months_notice_tb_65(last: pendulum.Date, accepted: bool) -> None:
    resignation = sc.Resignation("li", at(3, 2, 17), last)
    breaches = sc.review_resignation(POLICY, resignation)
    assert (breaches == ()) is accepted
    if not accepted:
        assert [r.rule_id for r in breaches] == ["TB-65"]
        assert breaches[0].facts["earliest"] == date(4, 2)
        assert breaches[0].explain("en") == (
            f"Resignation filed Mar 2, 2026 with last day {breaches[0].facts['last']:%b %-d, %Y}; "
            "the notice period runs to Apr 2, 2026 (TB-65)"
        )
        assert_explained(breaches[0])


def test_resignation_without_a_rule_and_bad_input() -> None:
    bare = sc.LeavePolicy(POLICY.types)
    assert sc.review_resignation(bare, sc.Resignation("li", at(3, 2), date(3, 3))) == ()
    with pytest.raises(sc.ValidationError, match="expected a Resignation"):
        sc.review_resignation(POLICY, None)  # type: ignore[arg-type]
    with pytest.raises(sc.ValidationError, match="expected a LeavePolicy"):
        sc.review_resignation(None, sc.Resignation("li", at(3, 2), date(4, 3)))  # type: ignore[arg-type]
    with pytest.raises(sc.NaiveDateTimeError):
        sc.Resignation("li", _dt.datetime(2026, 3, 2), date(4, 3))
    with pytest.raises(sc.ValidationError, match="whole number of months"):
        sc.LeavePolicy(POLICY.types, resignation_months=-1)


def test_an_emergency_does_not_skip_the_notice_without_an_emergency_rule() -> None:
    """A policy with TB-63's notice and no emergency rule: calling leave an emergency
    does not excuse filing it on the day."""
    no_emergency = sc.LeavePolicy(
        POLICY.types, notice_cite=POLICY.notice_cite, notice=POLICY.notice
    )
    same_day = at(3, 10, 8)
    for emergency in (False, True):
        decision = sc.review_leave(no_emergency, request(filed=same_day, emergency=emergency))
        assert [r.rule_id for r in decision.breaches] == ["TB-63"]
