"""servicecodex plugin for a property-management company's customer-service department and
its duty desk (物业管理公司客户服务部).

The sources are ``001_325a34c4dc26078d.txt``'s "客服管理规章制度 3" (篇3: 1 制度, 2 规定 —
duty handover, PS-01 … PS-13) and ``003_b5adc0bea48ad1d8.txt``'s "客户服务部运行手册"
(PS-14 … PS-22).  篇3 names no organisation; it is placed here because it hands over
样板间钥匙 (show-flat keys), the repair status of public areas and the start-up and
shutdown of major equipment (AMB-16).  Rule ids ``PS-xx`` are those of the servicecodex
rules catalogue; every record cites the rule and the clause it comes from
(``Citation("PS-10", "001 篇3 2.4⑴")``).

It covers the profile and the duty handover (交接班), all of it checked by the core:

* the handover rules PS-02, PS-05, PS-06, PS-08 … PS-13 as a core
  :class:`~servicecodex.HandoverPolicy` (``HANDOVER_POLICY``), checked by
  :func:`servicecodex.review_handover`: punctual to the minute (AMB-18: tolerance 0),
  routine pending matters finished before leaving unless something special happens
  (AMB-17);
* the log's contents (PS-01 aware timestamps, PS-02 cause / course / result of each
  :class:`~servicecodex.OpenProblem`, PS-03 major problems handled or not, PS-04
  instructions from above, PS-09 the preparation, public-area repairs and both
  signatures) in the core's :class:`~servicecodex.HandoverLog`;
* PS-07 (work the arranged shift; no private swaps or cover) as the swap and attendance
  rules of ``SHIFT_POLICY``, the answer of ``servicecodex_shift_policy``.

篇3 gives no shift times: 「值班人员应按统一安排的班次值班」 — the shifts are the
department's own arrangement (its 班次安排, 003 二.5, PS-21).  So ``SHIFT_POLICY`` has no
pattern; a site adds its own times with :func:`shift_policy` and :func:`duty_shift` (a
pattern citing PS-07).

The 运行手册's rules (PS-14 … PS-22) answer ``servicecodex_service_levels`` (module
``_contacts``): the kinds of matter its sub-regulations name (names only, AMB-19), the
move-in with its register, the monthly visits to owners (the plugin's reading of 定期),
fees, the customer and renovation files and the audits.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from types import MappingProxyType

import servicecodex as sc
from servicecodex_property_service._contacts import (
    AUDITS,
    CASE_RULES,
    CATEGORIES,
    CHANNELS,
    CUSTOMER_FILES,
    MANUALS,
    MOVE_IN,
    MOVE_IN_REGISTER,
    OWNER_VISIT,
    REGISTERS,
    REGULATIONS,
    RENOVATION_FILES,
    SERVICE_LEVELS,
    WORKFLOW,
    service_levels,
)

__all__ = [
    "ATTENDANCE_POLICY",
    "AUDITS",
    "CASE_RULES",
    "CATEGORIES",
    "CHANNELS",
    "CITATIONS",
    "CUSTOMER_FILES",
    "HANDOVER_POLICY",
    "MANUALS",
    "MOVE_IN",
    "MOVE_IN_REGISTER",
    "OWNER_VISIT",
    "PLUGIN_ID",
    "PROFILE",
    "REGISTERS",
    "REGULATIONS",
    "RENOVATION_FILES",
    "SERVICE_LEVELS",
    "SHARED_ITEMS",
    "SHIFT_POLICY",
    "SWAP_POLICY",
    "WORKFLOW",
    "duty_shift",
    "service_levels",
    "servicecodex_organization_profile",
    "servicecodex_service_levels",
    "servicecodex_shift_policy",
    "shift_policy",
]

#: The entry-point name this plugin is installed under.
PLUGIN_ID = "property-service"
_SOURCE = "001 篇3"
#: A citation of *clause* of 001 篇3 (``"2.4⑴"``).
_cite = sc.Source(_SOURCE)


# Profile ---------------------------------------------------------------------------------

#: Who the organisation is: the customer-service department of a mainland-China
#: property-management company (003: 「物业管理公司的窗口」), with its duty desk (001 篇3).
PROFILE = sc.OrganizationProfile.mainland_china(
    id=PLUGIN_ID,
    name=sc.Text(
        en="Property management customer service department",
        zh_Hans="物业管理公司客户服务部",
        zh_Hant="物業管理公司客戶服務部",
    ),
)

# The rules of 001 篇3 ----------------------------------------------------------------------

#: PS-01 … PS-13 with their clauses of 001 篇3: 1 制度 (1.1 … 1.6) and 2 规定 (2.1 … 2.4).
CITATIONS: Mapping[str, sc.Citation] = MappingProxyType(
    {
        rule_id: _cite(rule_id, clause)
        for rule_id, clause in (
            ("PS-01", "1.1"),  # 必须按国家标准时间统一计时
            ("PS-02", "1.2"),  # 将所要交接的问题的原因、经过、结果填写清楚
            ("PS-03", "1.3"),  # 重大问题,已处理的、未处理的都应该交接
            ("PS-04", "1.4"),  # 上级的指导,命令必须交接
            ("PS-05", "1.5"),  # 样板间钥匙等公用物品…当面验清交接
            ("PS-06", "1.6"),  # 交班人必须将未处理的事务处理完毕,才能离开
            ("PS-07", "2.1"),  # 按统一安排的班次值班…不能私自调班、顶班
            ("PS-08", "2.2"),  # 正点进行交接
            ("PS-09", "2.3"),  # 交接人员应在值班日志上签字
            ("PS-10", "2.4⑴"),  # 重大事件或紧急事件未处理完
            ("PS-11", "2.4⑵"),  # 重大设备启动或停机时
            ("PS-12", "2.4⑶"),  # 交接班准备工作未完成时
            ("PS-13", "2.4⑷"),  # 接班人员有喝酒迹象…且又未找到顶班人时
        )
    }
)

#: PS-05: the shared items 1.5 names (「办公用品、通讯器材、资料、样板间钥匙等公用物品」).
#: "等" leaves the list open: any :class:`~servicecodex.HandedItem` is checked the same.
SHARED_ITEMS: tuple[str, ...] = ("办公用品", "通讯器材", "资料", "样板间钥匙")

#: The handover rules, checked by :func:`servicecodex.review_handover`, one citation each:
#:
#: * PS-10 「在重大事件或紧急事件未处理完的情况下」不得交接班;
#: * PS-11 「重大设备启动或停机时」;
#: * PS-12 「交接班准备工作未完成时」;
#: * PS-13 「接班人员有喝酒迹象或其他神志不清现象,且又未找到顶班人时」: with a substitute
#:   found, the substitute is who takes over (the log's incoming person);
#: * PS-06 「无特殊情况,交班人必须将未处理的事务处理完毕,才能离开」: the outgoing person
#:   stays until the incoming one is there (handover is face to face, 1.5), and finishes
#:   the routine matters not done unless a special circumstance is stated; major ones are
#:   handed over (PS-03, AMB-17);
#: * PS-09 「交接时,交接人员应在值班日志上签字」: both sign;
#: * PS-05 「当面验清交接」: every shared item checked together;
#: * PS-02 「将所要交接的问题的原因、经过、结果填写清楚」: no problem handed over without
#:   its cause, course and result;
#: * PS-08 「正点进行交接」: at the scheduled change time, which the review then needs;
#:   正点 gives no tolerance, so none (AMB-18: tolerance 0 minutes;
#:   ``attrs.evolve(HANDOVER_POLICY, tolerance=…)`` configures one).
HANDOVER_POLICY = sc.HandoverPolicy(
    major_incident=CITATIONS["PS-10"],
    equipment=CITATIONS["PS-11"],
    preparation=CITATIONS["PS-12"],
    fitness=CITATIONS["PS-13"],
    wait_for_incoming=CITATIONS["PS-06"],
    signatures=CITATIONS["PS-09"],
    items=CITATIONS["PS-05"],
    punctual=CITATIONS["PS-08"],
    pending=CITATIONS["PS-06"],
    explained=CITATIONS["PS-02"],
    tolerance=_dt.timedelta(0),
)

#: PS-07 「不能私自调班、顶班,因故不能值班者,必须提前征得上级领导的同意,并安排调班、顶班」:
#: a swap (调班, with a payback day) or a cover (顶班, without one) needs both people's
#: consent and the superior's approval.  The core's approval rule also asks for a
#: registration-form reference; 篇3 names no form, so give the record of the superior's
#: consent (the 值班日志 page, say) as ``SwapRequest.form``.
SWAP_POLICY = sc.SwapPolicy(approval=CITATIONS["PS-07"])

#: PS-07 「不得迟到、早退、无故缺勤」: lateness and early leaving from the first minute (no
#: grace is given), absence without approved leave.  篇3 sets no fine, no make-up punch
#: and no meal rule, so none is recorded.
ATTENDANCE_POLICY = sc.AttendancePolicy(cite=CITATIONS["PS-07"], grace=_dt.timedelta(0))


def duty_shift(
    id: str,
    name: sc.Text,
    start: _dt.time,
    end: _dt.time,
    *,
    breaks: Iterable[sc.Break] = (),
    overnight: bool = False,
) -> sc.ShiftPattern:
    """One of the department's shifts (PS-07: 「按统一安排的班次值班」), at the times the
    department arranges: 篇3 gives none, so the site does."""
    return sc.ShiftPattern(
        id, name, start, end, CITATIONS["PS-07"], breaks=tuple(breaks), overnight=overnight
    )


def shift_policy(
    patterns: Iterable[sc.ShiftPattern],
    *,
    handover: sc.HandoverPolicy = HANDOVER_POLICY,
) -> sc.ShiftPolicy:
    """The department's shift policy over the shift *patterns* a site arranges: PS-07's
    swap and attendance rules and the handover rules (*handover*, ``HANDOVER_POLICY``
    unless a tolerance is configured).  What a site's plugin answers
    ``servicecodex_shift_policy`` with, loaded with precedence over this one.  篇3 sets no
    rest days, cover, meals, weekly events or leave rules."""
    return sc.ShiftPolicy(
        tuple(patterns), swaps=SWAP_POLICY, handover=handover, attendance=ATTENDANCE_POLICY
    )


#: The answer of ``servicecodex_shift_policy``: :func:`shift_policy` with no pattern, as
#: 篇3 gives no shift times (「按统一安排的班次值班」).
SHIFT_POLICY = shift_policy(())


# Hooks -----------------------------------------------------------------------------------


@sc.hookimpl
def servicecodex_organization_profile() -> sc.OrganizationProfile:
    """The property-management company's CS department: zh_Hans_CN, Asia/Shanghai, CNY,
    China's holidays."""
    return PROFILE


@sc.hookimpl
def servicecodex_shift_policy() -> sc.ShiftPolicy:
    """``SHIFT_POLICY``: the handover, swap and attendance rules, no shift times (篇3 sets
    none; a site adds its own with :func:`shift_policy`)."""
    return SHIFT_POLICY


@sc.hookimpl
def servicecodex_service_levels() -> sc.ServiceLevelPolicy:
    """PS-14 … PS-22: the CS group's matters (names only where AMB-19 leaves nothing more),
    the move-in, the regular visits, fees, files and audits (``SERVICE_LEVELS``)."""
    return SERVICE_LEVELS
