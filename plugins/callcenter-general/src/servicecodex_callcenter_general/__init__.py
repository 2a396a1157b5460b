"""servicecodex plugin for a call-centre customer-service department (客服部).

The source is ``001_325a34c4dc26078d.txt``, "客服管理规章制度 1" (sections 一–八), the
regulation of a booking / membership web business's call centre.  Rule ids ``CC-xx``
are those of the servicecodex rules catalogue; every record cites the rule and the
clause it comes from (``Citation("CC-02", "001 篇1 一.5")``).

This round covers the ladder (the catalogue's ``ladder`` rules CC-01 and CC-02):

* one rung, the CS representative 客服代表 (the only role the regulation names);
* to hold it (CC-01) standard, fluent Mandarin and understanding of the local dialect,
  each a dated fact an assessor records; and (CC-02) Wubi typing at 80 characters a
  minute, a measured dated fact.

and the penalties (the catalogue's one ``penalty`` rule, CC-25, and CC-29's three):

* a missed or empty shift caused by an unclear swap hand-off is treated as absenteeism
  (旷工) and both parties are assessed by their degree of responsibility; the regulation
  gives no amount for absenteeism, so the rule has no fine, no points and no consequence;
* absenteeism, lateness and leaving early (CC-29), recorded by the attendance check,
  no fine either.

and courtesy (the catalogue's ``courtesy`` rules that phrases can check), a zh_Hans
phrase book (the zh_Hant one is derived by servicecodex):

* CC-05, 三要 (一.7): 「要“请”字当头,“您”字不离口,“再见”结尾」: "请" required in the
  agent's first turn, "再见" in the last, "您" somewhere; and, the plugin's reading of
  "您 never leaves the mouth", "你" forbidden with "您" to say instead;
* CC-06, 三不 (一.7): 「不使用生硬语言,不说推卸责任的话,不责备、埋怨客户」: eleven
  forbidden phrases (each with what to say instead) that the three don'ts describe; the
  regulation names none, so the phrases are the plugin's reading of the rule;
* CC-10, 三声服务 (八.5): 问声, a greeting required in the agent's first turn, and 送声, a
  farewell required in the last; 应声 (answering at all) is no phrase;
* CC-04, 规范的服务用语 (一.6): the standard service phrases the regulation demands but
  does not list, as recommended phrases by scenario (the plugin's reading).

CC-07 (四个一样), CC-08 (the tone of speech), CC-09 (react fast) and CC-38 (appearance)
are not phrases: they are items of the inspection checklists (module ``_inspection``).

and the shift policy (``SHIFT_POLICY``, sections 三 交接班制度 and 七 换班制度), without
shift patterns — the regulation gives no shift times, so a deployment adds its own
(``attrs.evolve(SHIFT_POLICY, patterns=[…])``):

* swaps (``SWAP_POLICY``): both parties' consent, the swap register form and the
  department manager's signature (CC-22); at most 3 a month per person (CC-23); no
  consecutive swaps and no 连班 (CC-24, AMB-08: a swap counts once for each of the two;
  no two shifts back to back); none on a public holiday (CC-27);
* handover (``HANDOVER_POLICY``): preparation complete (CC-16); the outgoing agent stays
  until the incoming one is at post (CC-17);
* attendance (``ATTENDANCE_POLICY``): no lateness, early leaving or absence, to the
  minute (CC-29);
* leave (``LEAVE_POLICY``): a superior's approval (CC-30); none for a shift rostered on
  a public holiday (CC-27); none on a swapped or payback day (CC-26), where staying away
  is absenteeism.

CC-18, CC-20, CC-28 and CC-31 … CC-37 (announcements, cleaning, eating, on-duty
discipline, the workstation) are not for the shift core: they are inspection checklists
(module ``_inspection``) on the penalty schedule, each failed item recorded under a
violation code without a fine; CC-32's time limit is not stated (AMB-06).  CC-21's
ground for a swap is the reason field of the swap register form (``SWAP_FORM``).

and contacts (module ``_contacts``; the catalogue's ``contact``, ``sla`` and ``record``
rules): the phone; cases about a consultation, a complaint, a booking or a callback
(CC-03); first-contact ownership (CC-11); transfers to a department with their reason,
or escalation to a superior (CC-13); CC-12's time limit, which the regulation does not
give, unset until a deployment sets it (``service_levels(limit=…)``, AMB-06); hanging up
on a caller, a violation code (CC-14); the problem-report register (CC-15) and the
handover log's fields (CC-19).

The regulation gives no pay, no appraisal scheme and no other rung, so those policies
stay undefined.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

import servicecodex as sc
from servicecodex_callcenter_general._contacts import (
    CASE_RULES,
    CATEGORIES,
    CHANNELS,
    HANDOVER_LOG,
    HUNG_UP_ON_CALLER,
    HUNG_UP_RULE,
    PERSONAL_MATTER,
    PROBLEM_REPORTS,
    REGISTERS,
    SERVICE_LEVELS,
    SWAP_FORM,
    WORKFLOW,
    service_levels,
)
from servicecodex_callcenter_general._inspection import (
    APPEARANCE,
    CHECKLISTS,
    HYGIENE,
    INSPECTION_RULES,
    ON_DUTY,
    SERVICE,
    SHIFT_START,
    WORKSTATION,
)

__all__ = [
    "ABSENTEEISM",
    "APPEARANCE",
    "ATTENDANCE_POLICY",
    "ATTENDANCE_RULES",
    "CASE_RULES",
    "CATEGORIES",
    "CHANNELS",
    "CHECKLISTS",
    "DIALECT_COMPREHENSION",
    "EARLY_LEAVING",
    "GRADING_LADDER",
    "HANDOVER_LOG",
    "HANDOVER_POLICY",
    "HUNG_UP_ON_CALLER",
    "HUNG_UP_RULE",
    "HYGIENE",
    "INSPECTION_RULES",
    "LATENESS",
    "LEAVE",
    "LEAVE_POLICY",
    "LEAVE_TYPES",
    "MANDARIN_ASSESSMENT",
    "MAX_SWAPS_PER_MONTH",
    "MIN_TYPING_SPEED",
    "ON_DUTY",
    "PENALTY_RULES",
    "PERSONAL_MATTER",
    "PHRASE_BOOK",
    "PLUGIN_ID",
    "PROBLEM_REPORTS",
    "PROFILE",
    "REGISTERS",
    "REPRESENTATIVE_REQUIREMENTS",
    "SERVICE",
    "SERVICE_LEVELS",
    "SHIFT_POLICY",
    "SHIFT_START",
    "STANDARD_PHRASES",
    "SWAP_FORM",
    "SWAP_POLICY",
    "THREE_DONTS",
    "THREE_MUSTS",
    "THREE_VOICES",
    "UNCLEAR_SWAP_HANDOVER",
    "WORKFLOW",
    "WORKSTATION",
    "WUBI_TYPING_SPEED",
    "penalty_schedule",
    "service_levels",
    "servicecodex_courtesy_phrases",
    "servicecodex_grading_ladder",
    "servicecodex_organization_profile",
    "servicecodex_penalty_schedule",
    "servicecodex_service_levels",
    "servicecodex_shift_policy",
]

#: The entry-point name this plugin is installed under.
PLUGIN_ID = "callcenter-general"
_SOURCE = "001 篇1"
#: A citation of *clause* of the source (``"一.5"``).
_cite = sc.Source(_SOURCE)


# Profile ---------------------------------------------------------------------------------

#: Who the organisation is: a mainland-China call centre's CS department (客服部, 五.7).
PROFILE = sc.OrganizationProfile.mainland_china(
    id=PLUGIN_ID,
    name=sc.Text(en="Call-centre customer service department", zh_Hans="客服部"),
)

# Qualifications (CC-01, CC-02) -----------------------------------------------------------

#: CC-01: the fact kind under which a passed (or failed) Mandarin assessment is recorded.
MANDARIN_ASSESSMENT = "mandarin-assessment"
#: CC-01: the fact kind for understanding the local dialect.
DIALECT_COMPREHENSION = "dialect-comprehension"
#: CC-02: the fact kind of a Wubi typing test; its ``value`` is characters per minute.
WUBI_TYPING_SPEED = "wubi-typing-speed"
#: CC-02: 「打字速度达80字/分」.
MIN_TYPING_SPEED = Decimal(80)

_CC01 = _cite("CC-01", "一.4")
_CC02 = _cite("CC-02", "一.5")

#: What a CS representative must show: CC-01 (two assessed facts) and CC-02 (a speed).
REPRESENTATIVE_REQUIREMENTS = sc.AllOf(
    sc.FactRecorded(
        MANDARIN_ASSESSMENT,
        name=sc.Text(en="Standard, fluent Mandarin", zh_Hans="普通话标准、流利"),
        cite=_CC01,
    ),
    sc.FactRecorded(
        DIALECT_COMPREHENSION,
        name=sc.Text(en="Understands the local dialect", zh_Hans="能听懂本地方言"),
        cite=_CC01,
    ),
    sc.MeasuredAtLeast(
        WUBI_TYPING_SPEED,
        MIN_TYPING_SPEED,
        name=sc.Text(en="Wubi typing speed", zh_Hans="五笔打字速度"),
        unit=sc.Text(en="characters/min", zh_Hans="字/分"),
        cite=_CC02,
    ),
)

# Grading ladder --------------------------------------------------------------------------

# The catalogue has no rule for the role itself (客服代表 is named in 一.6–7 and 八, whose
# rules are courtesy and contact rules); the rung cites the first of its qualifications.
_LADDER_CITE = _CC01
#: One rung, the CS representative 客服代表, with CC-01 and CC-02 as its requirements.
GRADING_LADDER = sc.GradingLadder(
    (
        sc.Rung(
            "agent",
            sc.Text(en="CS representative", zh_Hans="客服代表"),
            _LADDER_CITE,
            requirements=REPRESENTATIVE_REQUIREMENTS,
        ),
    ),
    _LADDER_CITE,
)

# Penalties (CC-25) -----------------------------------------------------------------------

#: CC-25's violation code: a missed or empty shift from an unclear swap hand-off.
UNCLEAR_SWAP_HANDOVER = "unclear-swap-handover"
#: CC-25: 「换班双方必须交待清楚,若交代不清造成误班、空班的按旷工处理,并按责任大小考核双方
#: 当事人」.  Treated as absenteeism, for which the regulation names no amount, so no fine;
#: "both parties assessed by degree of responsibility": one violation is recorded for each
#: party, its share of the responsibility in the violation's ``evidence``.
_CC25 = sc.PenaltyRule(
    UNCLEAR_SWAP_HANDOVER,
    sc.Text(
        en="Missed or empty shift from an unclear swap hand-off (treated as absenteeism)",
        zh_Hans="换班交代不清造成误班、空班(按旷工处理)",
    ),
    _cite("CC-25", "七.5"),
)

#: CC-29's violation code: absence without approved leave (旷工); also what leave taken
#: on a swap or payback day becomes (CC-26 「否则按旷工处理」).
ABSENTEEISM = "absenteeism"
#: CC-29's violation code: coming late (迟到).
LATENESS = "lateness"
#: CC-29's violation code: leaving early (早退).
EARLY_LEAVING = "early-leaving"
_CC29 = _cite("CC-29", "七.1")


def _cc29(code: str, en: str, zh_hans: str) -> sc.PenaltyRule:
    return sc.PenaltyRule(code, sc.Text(en=en, zh_Hans=zh_hans), _CC29)


#: CC-29: 「做到不迟到,不早退,不无故旷工」.  The attendance check records each under its
#: code; the regulation sets no amount, points or sanction for any of them, so none has
#: a fine.
ATTENDANCE_RULES: tuple[sc.PenaltyRule, ...] = (
    _cc29(ABSENTEEISM, "Absence without approved leave (absenteeism)", "无故旷工"),
    _cc29(LATENESS, "Late for a shift", "迟到"),
    _cc29(EARLY_LEAVING, "Left a shift early", "早退"),
)
#: The penalty rules: CC-25, the regulation's one penalty rule, CC-29's three, CC-14's
#: hanging up on a caller (``HUNG_UP_RULE``, module ``_contacts``) and the codes of the
#: inspection checklists (``INSPECTION_RULES``, module ``_inspection``); none has a fine.
PENALTY_RULES: tuple[sc.PenaltyRule, ...] = (
    _CC25,
    *ATTENDANCE_RULES,
    HUNG_UP_RULE,
    *INSPECTION_RULES,
)


def penalty_schedule(currency: str = "CNY") -> sc.PenaltySchedule:
    """CC-25, CC-29, CC-14 and the inspection codes in *currency*, the profile's (the
    rules carry no money), with the inspection checklists (``CHECKLISTS``)."""
    return sc.PenaltySchedule(currency, PENALTY_RULES, checklists=CHECKLISTS)


# Courtesy (CC-04, CC-05, CC-06, CC-10) --------------------------------------------------

_REQUIRED, _RECOMMENDED, _FORBIDDEN = (
    sc.PhraseKind.REQUIRED,
    sc.PhraseKind.RECOMMENDED,
    sc.PhraseKind.FORBIDDEN,
)
_CC04 = _cite("CC-04", "一.6")
_CC05 = _cite("CC-05", "一.7")
_CC06 = _cite("CC-06", "一.7")
_CC10 = _cite("CC-10", "八.5")
_HELP_FROM_COLLEAGUE = "我帮您联系负责的同事"

#: CC-05, 三要: 「要“请”字当头,“您”字不离口,“再见”结尾」.  "请" somewhere in the agent's
#: first turn (the checker cannot tell the head of a turn from its middle), "再见" in
#: the last, "您" in some turn; "你" is forbidden (unless in 迷你), with "您" instead:
#: the plugin's reading of "您 never leaves the mouth".
THREE_MUSTS: tuple[sc.PhraseEntry, ...] = (
    sc.PhraseEntry("请", _REQUIRED, sc.Scenario.GREETING, _CC05, placement="first_turn"),
    sc.PhraseEntry("您", _REQUIRED, sc.Scenario.ANY, _CC05),
    sc.PhraseEntry("你", _FORBIDDEN, sc.Scenario.ANY, _CC05, instead="您", unless=["迷你"]),
    sc.PhraseEntry("再见", _REQUIRED, sc.Scenario.FAREWELL, _CC05, placement="last_turn"),
)

#: CC-06, 三不: 「不使用生硬语言,不说推卸责任的话,不责备、埋怨客户」.  The regulation
#: names no phrase: these are the plugin's reading of the three don'ts, in their order —
#: blunt language, shifting responsibility, blaming the customer — each with what to say
#: instead.  "不知道您…" (不知道您是否方便) is a polite question, not a blunt "don't know".
THREE_DONTS: tuple[sc.PhraseEntry, ...] = (
    # 不使用生硬语言
    sc.PhraseEntry(
        "不知道",
        _FORBIDDEN,
        sc.Scenario.ANY,
        _CC06,
        instead="请稍等，我帮您查询一下",
        unless=["不知道您", "不知道是否"],
    ),
    sc.PhraseEntry("没办法", _FORBIDDEN, sc.Scenario.ANY, _CC06, instead="我尽力帮您想办法"),
    sc.PhraseEntry(
        "你问我，我问谁",
        _FORBIDDEN,
        sc.Scenario.ANY,
        _CC06,
        instead="我帮您查询一下",
        alternatives=["您问我，我问谁"],
    ),
    sc.PhraseEntry("急什么", _FORBIDDEN, sc.Scenario.ANY, _CC06, instead="请您稍等，马上为您处理"),
    # 不说推卸责任的话
    sc.PhraseEntry(
        "不关我的事",
        _FORBIDDEN,
        sc.Scenario.ANY,
        _CC06,
        instead=_HELP_FROM_COLLEAGUE,
        alternatives=["不关我们的事"],
    ),
    sc.PhraseEntry(
        "这不是我的责任",
        _FORBIDDEN,
        sc.Scenario.ANY,
        _CC06,
        instead="我来帮您解决",
        alternatives=["这不是我们的责任", "这不是我的问题", "这不是我们的问题"],
    ),
    sc.PhraseEntry(
        "不归我管",
        _FORBIDDEN,
        sc.Scenario.ANY,
        _CC06,
        instead=_HELP_FROM_COLLEAGUE,
        alternatives=["不归我们管"],
    ),
    # 不责备、埋怨客户
    sc.PhraseEntry(
        "你怎么连这都不懂",
        _FORBIDDEN,
        sc.Scenario.ANY,
        _CC06,
        instead="我再为您详细说明一下",
        alternatives=["您怎么连这都不懂", "你怎么连这个都不懂", "您怎么连这个都不懂"],
    ),
    sc.PhraseEntry(
        "你自己看",
        _FORBIDDEN,
        sc.Scenario.ANY,
        _CC06,
        instead="我来为您说明",
        alternatives=["您自己看"],
    ),
    sc.PhraseEntry(
        "我不是说过了吗",
        _FORBIDDEN,
        sc.Scenario.ANY,
        _CC06,
        instead="我再为您说明一遍",
        alternatives=["我已经说过了", "跟你说过了", "跟您说过了"],
    ),
    sc.PhraseEntry(
        "是你自己的问题",
        _FORBIDDEN,
        sc.Scenario.ANY,
        _CC06,
        instead="我们一起看看怎么解决",
        alternatives=["是您自己的问题", "都怪你", "都怪您"],
    ),
)

#: CC-10, 三声服务: 「做好“问声、应声、送声”三声服务」.  问声: a greeting in the agent's
#: first turn; 送声: a farewell in the last ("再见" or another leave-taking; CC-05 asks
#: for "再见" itself).  应声, answering what the customer says, is no phrase: the
#: transcript's response times show it.
THREE_VOICES: tuple[sc.PhraseEntry, ...] = (
    sc.PhraseEntry(
        "您好",
        _REQUIRED,
        sc.Scenario.GREETING,
        _CC10,
        placement="first_turn",
        alternatives=["早上好", "上午好", "中午好", "下午好", "晚上好"],
    ),
    sc.PhraseEntry(
        "再见",
        _REQUIRED,
        sc.Scenario.FAREWELL,
        _CC10,
        placement="last_turn",
        alternatives=["再会", "欢迎再次来电", "感谢您的来电", "祝您*愉快"],
    ),
)

#: CC-04: 「必须严格执行规范的服务用语」, which the regulation does not list; the usual
#: standard phrases of a call centre by scenario, recommended (the plugin's reading).
STANDARD_PHRASES: tuple[sc.PhraseEntry, ...] = (
    sc.PhraseEntry(
        "请问有什么可以帮您",
        _RECOMMENDED,
        sc.Scenario.GREETING,
        _CC04,
        alternatives=["请问有什么可以帮到您", "请问您有什么需要"],
    ),
    sc.PhraseEntry(
        "请稍等", _RECOMMENDED, sc.Scenario.HOLD, _CC04, alternatives=["请您稍等", "请稍候"]
    ),
    sc.PhraseEntry(
        "让您久等了",
        _RECOMMENDED,
        sc.Scenario.HOLD,
        _CC04,
        alternatives=["感谢您的耐心等待"],
    ),
    sc.PhraseEntry(
        "正在为您转接", _RECOMMENDED, sc.Scenario.TRANSFER, _CC04, alternatives=["我为您转接"]
    ),
    sc.PhraseEntry(
        "对不起",
        _RECOMMENDED,
        sc.Scenario.APOLOGY,
        _CC04,
        alternatives=["很抱歉", "非常抱歉", "不好意思"],
    ),
    sc.PhraseEntry(
        "给您带来不便",
        _RECOMMENDED,
        sc.Scenario.COMPLAINT,
        _CC04,
        alternatives=["给您添麻烦了"],
    ),
    sc.PhraseEntry("谢谢", _RECOMMENDED, sc.Scenario.THANKS, _CC04, alternatives=["感谢您"]),
    sc.PhraseEntry(
        "请问还有什么可以帮您",
        _RECOMMENDED,
        sc.Scenario.FAREWELL,
        _CC04,
        alternatives=["请问还有其他问题吗"],
    ),
)

#: The call centre's phrases in simplified script: CC-04, CC-05, CC-06 and CC-10.
PHRASE_BOOK = sc.PhraseBook(
    "zh_Hans", (*STANDARD_PHRASES, *THREE_MUSTS, *THREE_DONTS, *THREE_VOICES)
)


# Shifts, swaps, handover, attendance and leave (CC-16 … CC-30) ---------------------------

_CC16 = _cite("CC-16", "三.1")
_CC17 = _cite("CC-17", "三.2")
_CC22 = _cite("CC-22", "七.3")
_CC23 = _cite("CC-23", "七.4")
_CC24 = _cite("CC-24", "七.4")
_CC26 = _cite("CC-26", "七.6")
_CC27 = _cite("CC-27", "七.7")
_CC30 = _cite("CC-30", "七.1")

#: CC-23: 「每人每月换班不得超过3次」.
MAX_SWAPS_PER_MONTH = 3

#: The swap rules of 七 换班制度:
#:
#: * CC-22 (七.3) 「换班必须经双方当事人同意,填写换班登记表后经部门经理签字批准后方可生效」:
#:   both agents' consent, the swap register form (换班登记表) and the department
#:   manager's signature;
#: * CC-23 (七.4) at most ``MAX_SWAPS_PER_MONTH`` a month per person; AMB-08: each
#:   approved swap counts once for each of the two people (the payback does not count
#:   again), in the month of the swapped day;
#: * CC-24 (七.4) 「不允许连续换班,换班者、还班者不允许连班」: no swap on the day before,
#:   of or after another of the person's swap or payback days; AMB-08: a swap that leaves
#:   either person with two shifts back to back (on one date, or the second starting
#:   when the first ends) is refused — no minimum rest is stated, so none is required;
#: * CC-27 (七.7) 「节假日当班人员不允许换班」: no swap or payback on a public holiday of
#:   the organisation's calendar;
#: * CC-26 (七.6) 「换班和还班均不得请假」, checked on leave requests (``LEAVE_POLICY``).
SWAP_POLICY = sc.SwapPolicy(
    approval=_CC22,
    limit=_CC23,
    max_per_month=MAX_SWAPS_PER_MONTH,
    consecutive=_CC24,
    back_to_back=_CC24,
    holidays=_CC27,
    leave=_CC26,
)

#: The handover rules of 三 交接班制度 the core can check: CC-17 (三.2)
#: 「接班人未到岗,交班人不得离台」, the outgoing agent stays until the incoming one is at
#: post; CC-16 (三.1) 「做好班前准备」, no handover before the preparation is complete.
#: The rest of CC-16 (brief and quick, no chatting) is for the inspection checklist.
HANDOVER_POLICY = sc.HandoverPolicy(preparation=_CC16, wait_for_incoming=_CC17)

#: CC-29 (七.1) 「做到不迟到,不早退,不无故旷工,确保当班时间准点到岗」: on time to the
#: minute (no grace is given); lateness, leaving early and absence without approved
#: leave are recorded under their codes.  The regulation says nothing of clock punches,
#: make-up punches, meals or full attendance: a missing punch is not a violation of its
#: own, make-up punches have no deadline and no monthly limit, and there is no meal cap.
ATTENDANCE_POLICY = sc.AttendancePolicy(
    cite=_CC29,
    grace=_dt.timedelta(0),
    makeup_within=_dt.timedelta.max,
    absent_code=ABSENTEEISM,
    late_code=LATENESS,
    early_code=EARLY_LEAVING,
)

#: The one kind of leave the regulation names: 请假 (CC-30), with no kinds (事假, 病假 …).
LEAVE = "leave"
#: The leave types: just ``LEAVE``; a deployment adds its own kinds.
LEAVE_TYPES: tuple[sc.LeaveType, ...] = (
    sc.LeaveType(LEAVE, sc.Text(en="Leave", zh_Hans="请假"), _CC30),
)

#: The leave rules: CC-30 (七.1) 「请假需上级领导审批」, approved by a superior (no notice
#: period is stated, so none is required); CC-27 (七.7) 「节假日当班人员不允许…请假」, no
#: leave for a rostered public-holiday shift; CC-26 (七.6) 「换班和还班均不得请假,否则按旷工
#: 处理」, no leave on a swapped or payback day — staying away anyway is absence, recorded
#: under ``ABSENTEEISM``.  No emergency procedure or resignation notice is stated.
LEAVE_POLICY = sc.LeavePolicy(
    LEAVE_TYPES,
    approval=_CC30,
    holidays=_CC27,
    swap_days=_CC26,
    absence_code=ABSENTEEISM,
)

#: The call centre's shift policy, without shift patterns: the regulation gives no shift
#: times (only that there is a night shift, CC-20, and double shifts, CC-28), so a
#: deployment adds its own (``attrs.evolve(SHIFT_POLICY, patterns=[…])``, see the README).
#: It holds the swap, handover, attendance and leave rules; no rest-day, cover, meal or
#: weekly-event rule is stated.
SHIFT_POLICY = sc.ShiftPolicy(
    swaps=SWAP_POLICY,
    handover=HANDOVER_POLICY,
    attendance=ATTENDANCE_POLICY,
    leave=LEAVE_POLICY,
)


# Hooks -----------------------------------------------------------------------------------


@sc.hookimpl
def servicecodex_organization_profile() -> sc.OrganizationProfile:
    """The call-centre CS department: zh_Hans_CN, Asia/Shanghai, CNY, China's holidays."""
    return PROFILE


@sc.hookimpl
def servicecodex_grading_ladder() -> sc.GradingLadder:
    """CC-01, CC-02: one rung, the CS representative, and what it takes to hold it."""
    return GRADING_LADDER


@sc.hookimpl
def servicecodex_penalty_schedule(profile: sc.OrganizationProfile) -> sc.PenaltySchedule:
    """CC-25: an unclear swap hand-off treated as absenteeism; CC-29: absenteeism,
    lateness and leaving early; CC-14: hanging up on a caller; the inspection checklists
    of CC-07 … CC-09, CC-18, CC-20, CC-28, CC-31 … CC-38 and their codes; no amounts."""
    return penalty_schedule(profile.currency)


@sc.hookimpl
def servicecodex_courtesy_phrases(
    profile: sc.OrganizationProfile, locale: str
) -> sc.PhraseBook | None:
    """CC-04, CC-05, CC-06, CC-10: the zh_Hans phrase book; servicecodex derives the
    zh_Hant one, and an English book makes no sense for Chinese calls (``None``)."""
    return PHRASE_BOOK if locale == PHRASE_BOOK.locale else None


@sc.hookimpl
def servicecodex_service_levels() -> sc.ServiceLevelPolicy:
    """CC-03, CC-11 … CC-14: the phone, the cases, first-contact ownership, transfers
    with a reason; CC-12's time limit unset (AMB-06: a deployment configures it with
    ``service_levels(limit=…)``)."""
    return SERVICE_LEVELS


@sc.hookimpl
def servicecodex_shift_policy() -> sc.ShiftPolicy:
    """CC-16, CC-17, CC-22 … CC-24, CC-26, CC-27, CC-29, CC-30: the swap, handover,
    attendance and leave rules, without shift patterns (the regulation gives no shift
    times; a deployment adds its own)."""
    return SHIFT_POLICY
