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

and the penalties (the catalogue's one ``penalty`` rule, CC-25):

* a missed or empty shift caused by an unclear swap hand-off is treated as absenteeism
  (旷工) and both parties are assessed by their degree of responsibility; the regulation
  gives no amount for absenteeism, so the rule has no fine, no points and no consequence.

The regulation gives no pay, no appraisal scheme and no other rung, so those policies
stay undefined.
"""

from __future__ import annotations

from decimal import Decimal

import servicecodex as sc

__all__ = [
    "DIALECT_COMPREHENSION",
    "GRADING_LADDER",
    "MANDARIN_ASSESSMENT",
    "MIN_TYPING_SPEED",
    "PENALTY_RULES",
    "PLUGIN_ID",
    "PROFILE",
    "REPRESENTATIVE_REQUIREMENTS",
    "UNCLEAR_SWAP_HANDOVER",
    "WUBI_TYPING_SPEED",
    "penalty_schedule",
    "servicecodex_grading_ladder",
    "servicecodex_organization_profile",
    "servicecodex_penalty_schedule",
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
#: CC-25, the regulation's one penalty rule.
PENALTY_RULES: tuple[sc.PenaltyRule, ...] = (_CC25,)


def penalty_schedule(currency: str = "CNY") -> sc.PenaltySchedule:
    """CC-25 in *currency*, the profile's (the rule carries no money)."""
    return sc.PenaltySchedule(currency, PENALTY_RULES)


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
    """CC-25: an unclear swap hand-off treated as absenteeism, no amount."""
    return penalty_schedule(profile.currency)
