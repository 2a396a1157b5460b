"""TB-51 … TB-65: the shop's shifts, roster, swaps, attendance and leave.

P1 二.1–二.6 (the shift times, rest days, the Monday meeting, leave, punching, resignation)
and P2 2.1)–2.6) (make-up punches, the duty roster and swaps, Aliwangwang, leave in
writing, meals); the fines these rules lead to are in ``_penalties`` (TB-42, TB-43,
TB-44, TB-46, TB-47, and TB-56's overrun recorded without a fine), the full-attendance
bonus they decide is in ``_pay`` (TB-14).

How the rules become a :class:`servicecodex.ShiftPolicy`, with the Ambiguity defaults:

* **Patterns** (TB-51, TB-52, AMB-29): day 08:30–18:00, night 15:30–24:00 (the source's
  "15:30-12:00" read as midnight).  The source gives no meal window, so the patterns
  have no breaks; each agent's meal is her own (``Assignment(…, meals=[meal_break(12)])``),
  35 minutes at most (TB-56).
* **Rest** (TB-53): at least 2 days without a shift in each calendar month.
* **Cover** (TB-47, the plugin's reading): at least one agent answering at every moment
  of the opening hours 08:30–24:00 (from the day shift's start to the night shift's
  end).  TB-47 fines the on-duty staff when everyone eats at once and the phone goes
  unanswered; it is the only rule that says someone must be answering.  A gap that only
  meals open is TB-47's breach with its code (``unanswered-during-meals``); a gap nobody
  is rostered for is the roster's fault and carries no code.
* **Meals** (TB-56, TB-47): taken in rotation, at least one agent on duty while others
  eat; at most 35 minutes, and a meal over that is recorded without a fine
  (``meal-overrun``, AMB-36).
* **The weekly meeting** (TB-54): "每周周一下午例會" gives no hour.  The plugin's reading:
  it is held in the Monday-afternoon hours both shifts share, 15:30–18:00, so every agent
  working on a Monday can attend; an agent working that day must be on duty (not at a
  meal) through that window.  A shop with a set hour passes it to :func:`shift_policy`.
* **Swaps** (TB-55): an application to the supervisor or 總經辦 (``approved_by``, the
  application ``form``) and a swap arranged with a colleague (both agents' ``consent``);
  the source sets no monthly limit and no other swap rule.  The core checks cover after
  every swap.
* **Attendance** (TB-58 … TB-60, TB-42, TB-43, TB-46, TB-56): punches against the roster,
  no grace (the source gives none); a make-up form within 3 days (72 hours from the
  missed punch) and at most 5 a month, else the missing punch is TB-42's violation (10
  yuan); no punch at all on a rostered day is absenteeism (TB-46, 30 yuan, TB-62); a
  clock-out before the shift's end is leaving the post without a swap (TB-43, 20 yuan:
  an arranged swap changes the roster, so whoever leaves before her rostered end has
  none); lateness has no fine (TB-63 "按遲到…處理" only costs the full-attendance bonus,
  TB-14).
* **Leave** (TB-62 … TB-65, AMB-34): a written application at least one day ahead
  (counted back from 00:00 of the first day of leave, Asia/Shanghai), approved by the
  supervisor or 總經辦; the source names one kind, 事假; cover arranged with another agent
  (TB-62, checked by :func:`review_leave` against the roster); resignation on one month's
  written notice (TB-65).
* **Aliwangwang** (TB-57, TB-44): :func:`wangwang_offline` turns a sighting of an agent on
  shift and not logged in into TB-44's violation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs
import pendulum

import servicecodex as sc
from servicecodex_taobao_shop._penalties import (
    ABSENTEEISM,
    LEFT_POST,
    MEAL_OVERRUN,
    MISSED_PUNCH,
    UNANSWERED_DURING_MEALS,
    WANGWANG_OFFLINE,
)
from servicecodex_taobao_shop._records import Guidance
from servicecodex_taobao_shop._source import cite

__all__ = [
    "ATTENDANCE_POLICY",
    "COVER",
    "DAY_SHIFT",
    "DUTY_GUIDANCE",
    "LEAVE_POLICY",
    "LEAVE_TYPES",
    "MEALS",
    "MEAL_CAP",
    "MEETING_WINDOW",
    "NIGHT_SHIFT",
    "OPENING_HOURS",
    "PATTERNS",
    "PERSONAL_LEAVE",
    "REST_DAYS",
    "SHIFT_POLICY",
    "SWAP_POLICY",
    "WEEKLY_MEETING",
    "leave_days",
    "meal_break",
    "review_leave",
    "shift_policy",
    "wangwang_offline",
]


# Patterns (TB-51, TB-52, AMB-29) -----------------------------------------------------------

_TB51 = cite("TB-51", "P1 二.1")
_TB52 = cite("TB-52", "P1 二.1")
#: TB-51: 「白班 8:30-18:00」.  No meal window is given: each agent's own (TB-56).
DAY_SHIFT = sc.ShiftPattern(
    "day", sc.Text.hant("Day shift", "白班"), dt.time(8, 30), dt.time(18), _TB51
)
#: TB-52: 「晚班15:30-12:00」, read 15:30–24:00 (AMB-29): it ends at midnight, the end of
#: the day it starts, and counts on that day.
NIGHT_SHIFT = sc.ShiftPattern(
    "night", sc.Text.hant("Night shift", "晚班"), dt.time(15, 30), dt.time(0), _TB52
)
#: The shop's two shifts, day first.
PATTERNS: tuple[sc.ShiftPattern, ...] = (DAY_SHIFT, NIGHT_SHIFT)

# Rest, cover, meals, meeting (TB-47, TB-53, TB-54, TB-56) -------------------------------------

#: TB-53: 「休息制度,每月休息2天」: at least 2 days without a shift in each calendar month.
REST_DAYS = sc.RestDays(2, "month", cite("TB-53", "P1 二.2"))

_TB47 = cite("TB-47", "P2 2.6)")
#: The shop's opening hours: the day shift's start to the night shift's end (TB-51, TB-52).
OPENING_HOURS: tuple[dt.time, dt.time] = (DAY_SHIFT.start, NIGHT_SHIFT.end)
#: The plugin's reading of TB-47 「如出現同時用餐電話無人接聽,對值班人員扣懲5元」: the phone
#: is answered at every moment of the opening hours, so at least one agent is on duty (on
#: shift and not at a meal) from 08:30 to 24:00.  No code: a gap nobody is rostered for is
#: the roster's, not an agent's; a gap meals open is the meal rule's (below).
COVER = sc.MinimumCover(1, *OPENING_HOURS, _TB47)

#: TB-56: 「用餐時間不可超過35分鐘」.
MEAL_CAP = dt.timedelta(minutes=35)
#: TB-56 「用餐時應合理輪崗」 with TB-47's fine: meals in rotation, at least one agent on
#: duty while others eat; a desk that meals leave empty is ``unanswered-during-meals``
#: (5 yuan, recorded against each on-duty agent), a meal over 35 minutes ``meal-overrun``
#: (recorded without a fine, AMB-36).
MEALS = sc.MealRule(
    _TB47,
    max_minutes=35,
    min_on_duty=1,
    code=UNANSWERED_DURING_MEALS,
    overrun_code=MEAL_OVERRUN,
)

#: The plugin's reading of TB-54's 「每周周一下午」: the Monday-afternoon hours both shifts
#: share, from the night shift's start to the day shift's end.
MEETING_WINDOW: tuple[dt.time, dt.time] = (NIGHT_SHIFT.start, DAY_SHIFT.end)
_TB54 = cite("TB-54", "P1 二.3")
_MEETING_NAME = sc.Text.hant("the weekly meeting", "周一例會")


def _meeting(start: dt.time, end: dt.time) -> sc.WeeklyEvent:
    return sc.WeeklyEvent("weekly-meeting", _MEETING_NAME, 0, start, end, _TB54)


#: TB-54: 「每周周一下午例會,總結上周工作」: every agent working on a Monday is on duty
#: (not at a meal) through :data:`MEETING_WINDOW`.
WEEKLY_MEETING = _meeting(*MEETING_WINDOW)

# Swaps (TB-55) ----------------------------------------------------------------------------------

#: TB-55: 「出現特殊情況需調班,須向主管或總經辦申請,并做好與同事間的調班」: the application
#: (``form``) approved by the supervisor or 總經辦 (``approved_by``) and the colleague's
#: agreement (both agents' ``consent``).  No limit, no other rule; cover is checked anyway.
SWAP_POLICY = sc.SwapPolicy(approval=cite("TB-55", "P2 2.2)"))

# Attendance (TB-42, TB-43, TB-46, TB-56, TB-58 … TB-60, TB-14) --------------------------------


def _attendance_policy(grace: dt.timedelta) -> sc.AttendancePolicy:
    return sc.AttendancePolicy(
        cite("TB-58", "P1 二.5"),
        grace=grace,
        makeup_cite=cite("TB-59", "P2 2.1)"),
        makeup_within=dt.timedelta(days=3),
        makeups_per_month=5,
        makeup_limit_cite=cite("TB-60", "P2 2.1)"),
        meal_cap=MEAL_CAP,
        meal_cite=cite("TB-56", "P2 2.6)"),
        missing_punch_code=MISSED_PUNCH,
        absent_code=ABSENTEEISM,
        early_code=LEFT_POST,
        meal_code=MEAL_OVERRUN,
        full_attendance=cite("TB-14", "P1 六(1)"),
    )


#: TB-58 「上下班必須在公司打卡機上打卡」 with no grace (the source gives none); TB-59
#: make-up forms within 3 days, TB-60 at most 5 a month; codes: a missing punch with no
#: accepted make-up ``missed-punch`` (TB-42), a rostered day with no punch ``absenteeism``
#: (TB-46), a clock-out before the shift's end ``left-post`` (TB-43), a meal over 35
#: minutes ``meal-overrun`` (TB-56, AMB-36); lateness has no code.  A month without
#: lateness, early leaving, absence, missing punch or leave is TB-14's full attendance.
ATTENDANCE_POLICY = _attendance_policy(dt.timedelta(0))

# Leave (TB-62 … TB-65, AMB-34) ------------------------------------------------------------------

#: TB-63: 「如有事請假」: 事假, the only kind of leave the source names.
PERSONAL_LEAVE = sc.LeaveType(
    "personal", sc.Text.hant("Personal leave", "事假"), cite("TB-63", "P1 二.5")
)
#: The kinds of leave, as the source names them.
LEAVE_TYPES: tuple[sc.LeaveType, ...] = (PERSONAL_LEAVE,)


def _leave_policy(types: Iterable[sc.LeaveType]) -> sc.LeavePolicy:
    return sc.LeavePolicy(
        tuple(types),
        approval=cite("TB-64", "P2 2.5)"),
        notice_cite=cite("TB-63", "P1 二.5"),
        notice=dt.timedelta(days=1),
        resignation=cite("TB-65", "P1 二.6"),
        resignation_months=1,
        absence_code=ABSENTEEISM,
    )


#: AMB-34: a written application (TB-64 「需提前填寫書面申請,由主管或者總經辦批準后方可」)
#: filed at least one day ahead (TB-63 「需提前一天申請上報」); leave without it is
#: absenteeism (``absenteeism``, TB-46); resignation on one month's written notice (TB-65).
LEAVE_POLICY = _leave_policy(LEAVE_TYPES)

# For people (TB-54, TB-55, TB-57, TB-61, TB-62) ---------------------------------------------

#: The duty rules that are procedure, not checks.
DUTY_GUIDANCE: tuple[Guidance, ...] = (
    Guidance(
        sc.Text.hant(
            "The Monday meeting reviews the previous week; the week's after-sales records and review handling are on its agenda",
            "每周周一下午例會,總結上周工作;一周的售後記錄和中差評處理是例會內容",
        ),
        _TB54,
    ),
    Guidance(
        sc.Text.hant(
            "Next month's duty roster is drawn up every month and followed strictly",
            "每月做好下月計劃值班情況表,并嚴格按值班表來執行",
        ),
        cite("TB-55", "P2 2.2)"),
    ),
    Guidance(
        sc.Text.hant(
            "On duty, Aliwangwang stays online",
            "值班人員應保持阿里旺旺在線狀態",
        ),
        cite("TB-57", "P2 2.3)"),
    ),
    Guidance(
        sc.Text.hant(
            "At the end of the day, put personal things and office supplies away, switch off the computer and the power, and push the stool under the desk",
            "下班放好個人物品跟辦公用品,關閉電腦,電源。凳子放進桌子下",
        ),
        cite("TB-61", "P1 二.5"),
    ),
    Guidance(
        sc.Text.hant(
            "Leave and rest are reported to the CS supervisor and another agent is arranged to cover",
            "請假與休息,必須上報客服主管,協商其它客服補班",
        ),
        cite("TB-62", "P1 二.4"),
    ),
)


def shift_policy(
    *,
    meeting: tuple[dt.time, dt.time] = MEETING_WINDOW,
    grace: dt.timedelta = dt.timedelta(0),
    leave_types: Iterable[sc.LeaveType] = LEAVE_TYPES,
) -> sc.ShiftPolicy:
    """The shop's shift policy.

    By default (the source with the Ambiguity defaults): day 08:30–18:00 and night
    15:30–24:00 (AMB-29), 2 rest days a month, one agent answering through the opening
    hours, meals in rotation and at most 35 minutes, the Monday meeting over the shared
    hours 15:30–18:00, swaps on application, punches with no grace, make-ups within 3
    days and 5 a month, leave one day ahead in writing and approved, resignation on a
    month's notice.

    *meeting* is the shop's own hour for the Monday meeting (TB-54 gives none); *grace*
    how late a punch may be before it counts (the source allows none); *leave_types* the
    kinds of leave the shop grants (the source names 事假 only).

    >>> policy = shift_policy(meeting=(dt.time(16), dt.time(17)))
    >>> policy.events[0].start, policy.events[0].cite.rule_id
    (datetime.time(16, 0), 'TB-54')
    """
    return sc.ShiftPolicy(
        PATTERNS,
        rest=(REST_DAYS,),
        cover=(COVER,),
        meals=MEALS,
        events=(_meeting(*meeting),),
        swaps=SWAP_POLICY,
        attendance=(ATTENDANCE_POLICY if grace == dt.timedelta(0) else _attendance_policy(grace)),
        leave=LEAVE_POLICY if leave_types is LEAVE_TYPES else _leave_policy(leave_types),
    )


#: The policy the plugin answers: the defaults.
SHIFT_POLICY = shift_policy()


def meal_break(hour: int, minute: int = 0) -> tuple[dt.time, dt.time]:
    """A meal of the longest length TB-56 allows, 35 minutes, starting at *hour*:*minute*,
    as an :class:`servicecodex.Assignment`'s ``meals`` entry.

    >>> meal_break(12)
    (datetime.time(12, 0), datetime.time(12, 35))
    >>> meal_break(23, 40)
    (datetime.time(23, 40), datetime.time(0, 15))
    """
    start = dt.datetime(2000, 1, 1, hour, minute)
    return start.time(), (start + MEAL_CAP).time()


# Helpers (TB-57, TB-62) ---------------------------------------------------------------------------

_TB62 = cite("TB-62", "P1 二.4")
_NO_COVER = sc.Text.hant(
    "{agent} works {shift} on {day}; with {agent} away nobody answers from {start} to {end}: arrange another agent's cover first",
    "{agent}於{day}上{shift},請假則{start}至{end}無人值班:須先協商其它客服補班",
)


def review_leave(request: sc.LeaveRequest, rota: sc.Rota | None = None) -> sc.LeaveDecision:
    """Review *request* under the shop's leave rules (:func:`servicecodex.review_leave`
    with the rota's leave policy, or :data:`LEAVE_POLICY` without a rota), and, given the
    *rota*, TB-62's 「協商其它客服補班」: each shift of the agent's on a day of leave must
    be covered by others, so that taking it off leaves no gap in the cover the roster
    had.  Each gap is a refusal reason citing TB-62.
    """
    policy = (rota.policy.leave if rota is not None else None) or LEAVE_POLICY
    decision = sc.review_leave(policy, request, rota)
    if rota is None:
        return decision
    away = set(request.days())
    mine = [a for a in rota.assignments if a.agent_id == request.agent_id and a.day in away]
    if not mine:
        return decision
    without = rota.replace(remove=mine)
    days = sorted({a.day for a in mine} | {a.day.add(days=1) for a in mine})
    gaps: list[sc.Reason] = []
    for rule in rota.policy.cover:
        before = {(b.day, b.reason) for b in rota.cover_breaches(rule, days)}
        for breach in without.cover_breaches(rule, days):
            gap_day = breach.day
            if (gap_day, breach.reason) in before or gap_day is None:
                continue
            shift = max((a for a in mine if a.day <= gap_day), key=lambda a: a.day)
            facts = breach.reason.facts
            gaps.append(
                sc.Reason(
                    _TB62,
                    _NO_COVER,
                    {
                        "agent": request.agent_id,
                        "shift": rota.policy.pattern(shift.pattern).name,
                        "day": shift.day,
                        "start": facts["start"],
                        "end": facts["end"],
                    },
                )
            )
    return attrs.evolve(decision, breaches=decision.breaches + tuple(gaps))


def leave_days(decisions: Iterable[sc.LeaveDecision]) -> tuple[tuple[str, pendulum.Date], ...]:
    """The (agent, day) pairs of the accepted *decisions*, as
    :func:`servicecodex.attendance` takes them (``leave=``); refused leave is left out, so
    a day not worked on it is absence (TB-46, TB-64)."""
    return tuple(
        (d.request.agent_id, day) for d in decisions if d.accepted for day in d.request.days()
    )


def wangwang_offline(
    rota: sc.Rota,
    violation_id: str,
    agent_id: str,
    at: dt.datetime,
    *,
    reported_by: str = "",
    special_reason: str = "",
) -> sc.Violation | None:
    """TB-57 「值班人員應保持阿里旺旺在線狀態」: *agent_id* found not logged in to
    Aliwangwang at *at*.

    On shift in *rota* (meals included: TB-44 names noon in particular) and with no
    *special_reason*, it is a ``wangwang-offline`` violation for the ledger, priced by
    TB-44 (10 yuan for each full 3 in a month, AMB-32); off shift, or with a special
    reason (「無特別原因」), it is none.  An agent not on the rota's staff raises.
    """
    found = sc.Violation(
        violation_id,
        agent_id,
        WANGWANG_OFFLINE,
        at,
        reported_by=reported_by,
        evidence="not logged in to Aliwangwang while on duty (TB-57)",
    )
    on_shift = any(s.start <= found.at < s.end for s in rota.agent(agent_id))
    return found if on_shift and not special_reason.strip() else None
