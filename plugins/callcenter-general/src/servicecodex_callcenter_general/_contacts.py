"""Contacts, cases, service levels and registers of the call centre (the catalogue's
``contact``, ``sla`` and ``record`` rules CC-03, CC-11 … CC-15 and CC-19).

The regulation gives no number for any of them:

* the channel is the phone (CC-14 「不能私挂用户电话」; 七.1 speaks of 座席 being answered);
  no opening hours, rings or reply times are stated;
* a case is one of the matters the regulation names: a consultation or a complaint
  (一.6, CC-04's clause), a booking, a feedback callback or a member callback (CC-03);
* first-contact ownership (CC-11): the agent first asked owns the case until a recorded
  transfer; what the agent cannot handle goes to the department concerned, with its
  reason, or to a superior (CC-13);
* every problem is tracked and handled within a time limit that the regulation does not
  give (CC-12, AMB-06): **unset by default**; a deployment configures it with
  :func:`service_levels` before anything is checked against it;
* hanging up on a caller (CC-14) is a violation code of the penalty schedule (a supervisor
  records it; a contact does not say who ended the call);
* registers: problems found while serving customers, each with an improvement suggestion
  (CC-15), the handover log's three items (CC-19), and the swap register form (换班登记表,
  CC-22) with CC-21's ground for a swap.
"""

from __future__ import annotations

import datetime as _dt

import servicecodex as sc

__all__ = [
    "CASE_RULES",
    "CATEGORIES",
    "CHANNELS",
    "HANDOVER_LOG",
    "HUNG_UP_ON_CALLER",
    "HUNG_UP_RULE",
    "PERSONAL_MATTER",
    "PROBLEM_REPORTS",
    "REGISTERS",
    "SERVICE_LEVELS",
    "SWAP_FORM",
    "WORKFLOW",
    "service_levels",
]

_cite = sc.Source("001 篇1")


# Channels (CC-14) ------------------------------------------------------------------------

#: The phone, the only channel the regulation speaks of: 「不能私挂用户电话」 (五.5).
CHANNELS: tuple[sc.Channel, ...] = (sc.Channel.PHONE,)
_CC14 = _cite("CC-14", "五.5")

# Categories (CC-03, 一.6) -----------------------------------------------------------------

_CC03_BOOKING = _cite("CC-03", "一.2")
_CC03_MEMBER = _cite("CC-03", "一.3")
_ASKED = _cite("CC-04", "一.6")
#: The matters a case is about: 一.6's consultations and complaints (「受理客户咨询、投诉」,
#: the clause of CC-04), and CC-03's bookings, feedback callbacks (「预订、反馈回访服务等处理
#: 程序」) and member callbacks (「会员回访流程」).  No playbook is stated for any of them.
CATEGORIES: tuple[sc.CaseCategory, ...] = (
    sc.CaseCategory("consultation", sc.Text.hans("Consultation", "咨询"), _ASKED),
    sc.CaseCategory("complaint", sc.Text.hans("Complaint", "投诉"), _ASKED),
    sc.CaseCategory("booking", sc.Text.hans("Booking", "预订"), _CC03_BOOKING),
    sc.CaseCategory(
        "feedback-callback", sc.Text.hans("Feedback callback", "反馈回访"), _CC03_BOOKING
    ),
    sc.CaseCategory("member-callback", sc.Text.hans("Member callback", "会员回访"), _CC03_MEMBER),
)

# Workflow, ownership, transfers (CC-11, CC-12, CC-13) -------------------------------------

_CC12 = _cite("CC-12", "八.2")
#: CC-12 「对每个问题的解决都要进行跟踪并限时处理」 (跟综 = 跟踪, AMB-07): the regulation
#: names no steps, so a case has one, tracked handling, and closes from it.
WORKFLOW = sc.Workflow(
    (sc.WorkflowStep("handle", sc.Text.hans("Track and handle", "跟踪处理")),), _CC12
)

#: How cases are handled: CC-11 first-contact ownership (「履行首问负责制」, 八.1) — the agent
#: first asked owns the case until a recorded transfer; CC-13 「对于自己不能处理的及时反馈
#: 相关部门或上级领导」 (八.4) — a transfer to the department concerned is registered with
#: its reason (a superior is reached with ``Case.escalate``).  No matter is named major.
CASE_RULES = sc.CaseRules(
    CHANNELS,
    CATEGORIES,
    WORKFLOW,
    ownership=_cite("CC-11", "八.1"),
    transfer=_cite("CC-13", "八.4"),
)


# Registers (CC-15, CC-19) ----------------------------------------------------------------

#: CC-15 (八.8) 「对客户服务过程中发现的问题及时反馈,并积极提出改进意见和建议」: who reports,
#: the problem found, and the suggestion that must come with it.
PROBLEM_REPORTS = sc.RegisterSpec(
    "problem-reports",
    sc.Text.hans("Problems found and suggestions", "问题反馈与改进建议"),
    (
        sc.RegisterField("reporter", sc.Text.hans("Reported by", "反馈人"), "text"),
        sc.RegisterField("problem", sc.Text.hans("Problem found", "发现的问题"), "text"),
        sc.RegisterField(
            "suggestion", sc.Text.hans("Improvement suggestion", "改进意见和建议"), "text"
        ),
    ),
    _cite("CC-15", "八.8"),
)

#: CC-19 (三.4) 「交接日志要对设备情况、疑难问题、人员调班等情况,记录清楚明了」: the three
#: items each handover log states ("none" when there is nothing to say), after who hands
#: over and who takes over (CC-17's 交班人 and 接班人).  The core's
#: ``HandoverLog`` has the same three (``equipment``, ``problems``, ``staff_changes``);
#: this register is the written log with CC-19's fields required.
HANDOVER_LOG = sc.RegisterSpec(
    "handover-log",
    sc.Text.hans("Handover log", "交接日志"),
    (
        sc.RegisterField("outgoing", sc.Text.hans("Outgoing agent", "交班人"), "text"),
        sc.RegisterField("incoming", sc.Text.hans("Incoming agent", "接班人"), "text"),
        sc.RegisterField("equipment", sc.Text.hans("Equipment status", "设备情况"), "text"),
        sc.RegisterField("difficult-issues", sc.Text.hans("Difficult issues", "疑难问题"), "text"),
        sc.RegisterField("staff-changes", sc.Text.hans("Staff shift changes", "人员调班"), "text"),
    ),
    _cite("CC-19", "三.4"),
)

#: CC-21's only ground for a swap: 「因本人或其它需要在工作时间内亲自处理事情」 (七.2).
PERSONAL_MATTER = "personal-matter"

#: The swap register form 换班登记表 that CC-22 (七.3) requires, with CC-21's ground (七.2)
#: 「员工在工作期间因本人或其它需要在工作时间内亲自处理事情可允许换班」 as its reason — the
#: one ground the regulation names, so the only choice — and CC-22's consent of both
#: parties and the department manager's signature.  The payback day may be left open.
#: A ``SwapRequest``'s ``form`` names the entry.
SWAP_FORM = sc.RegisterSpec(
    "swap-register",
    sc.Text.hans("Swap register form", "换班登记表"),
    (
        sc.RegisterField("requester", sc.Text.hans("Swapper", "换班人"), "text"),
        sc.RegisterField("partner", sc.Text.hans("Partner", "还班人"), "text"),
        sc.RegisterField("day", sc.Text.hans("Swapped day", "换班日期"), "date"),
        sc.RegisterField(
            "payback", sc.Text.hans("Payback day", "还班日期"), "date", required=False
        ),
        sc.RegisterField(
            "reason",
            sc.Text.hans("Reason", "换班事由"),
            "choice",
            choices=[
                sc.RegisterChoice(
                    PERSONAL_MATTER,
                    sc.Text.hans(
                        "A matter to deal with in person during working hours",
                        "工作时间内亲自处理事情",
                    ),
                )
            ],
        ),
        sc.RegisterField("consent", sc.Text.hans("Both parties consent", "双方同意"), "boolean"),
        sc.RegisterField(
            "manager", sc.Text.hans("Department manager's signature", "部门经理签字"), "text"
        ),
    ),
    _cite("CC-21", "七.2"),
)

#: The registers kept: problem reports (CC-15), the handover log (CC-19) and the swap
#: register form (CC-21, CC-22).
REGISTERS: tuple[sc.RegisterSpec, ...] = (PROBLEM_REPORTS, HANDOVER_LOG, SWAP_FORM)


def service_levels(
    limit: _dt.timedelta | None = None, hours: sc.BusinessHours | None = None
) -> sc.ServiceLevelPolicy:
    """The call centre's service-level policy.

    *limit* is CC-12's time limit for handling a problem (「限时处理」), which the regulation
    does not give (AMB-06): ``None`` (the default) sets no resolution target, and nothing
    is checked against it; a deployment passes its own limit, counted on *hours* (its
    opening hours; ``None``: around the clock).  No other target is stated.
    """
    targets = () if limit is None else (sc.ResponseTarget(None, _CC12, resolution=limit),)
    return sc.ServiceLevelPolicy(
        CHANNELS, _CC14, targets, hours=hours, cases=CASE_RULES, registers=REGISTERS
    )


#: What ``servicecodex_service_levels`` answers: the phone, the cases, the registers, no
#: time limit (CC-12 is unset, AMB-06: configure it with :func:`service_levels`).
SERVICE_LEVELS = service_levels()

# Hanging up (CC-14) ----------------------------------------------------------------------

#: CC-14's violation code: an agent hung up on a caller (私挂用户电话).
HUNG_UP_ON_CALLER = "hung-up-on-caller"
#: CC-14 (五.5) 「不能私挂用户电话」: a violation recorded by whoever hears it; no fine or
#: sanction is stated.
HUNG_UP_RULE = sc.PenaltyRule(
    HUNG_UP_ON_CALLER, sc.Text.hans("Hung up on a caller", "私挂用户电话"), _CC14
)
