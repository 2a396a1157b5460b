"""servicecodex plugin for a hospital's customer-service department (医院客服部).

The sources are ``001_325a34c4dc26078d.txt``'s "客服管理规章制度 2" (篇2: 一 仪容仪表 … 六
请休假制度; the same text, in traditional script with identical numbers, is
``002_3a168efc31004a78.txt``'s "第三篇:客服規章制度", AMB-02) and "客服管理规章制度 4" (篇4:
the consultation hotline).  Both articles are read as one hospital's CS department
(AMB-14).  Rule ids ``HD-xx`` are those of the servicecodex rules catalogue; every record
cites the rule and the clause it comes from (``Citation("HD-01", "001 篇2 一.6")``).

This first round covers the profile and the penalties:

* HD-01: the department head checks appearance before each shift; each breach of the
  department's rules found costs 10 yuan;
* HD-02: the uniform worn outside the hospital or into the canteen costs 20 yuan.

Appearance, phrases, shifts, leave and the hotline (HD-03 … HD-38) come in later rounds.
"""

from __future__ import annotations

import servicecodex as sc

__all__ = [
    "APPEARANCE_BREACH",
    "CURRENCY",
    "PENALTY_RULES",
    "PENALTY_SCHEDULE",
    "PLUGIN_ID",
    "PROFILE",
    "UNIFORM_OUTSIDE",
    "servicecodex_organization_profile",
    "servicecodex_penalty_schedule",
]

#: The entry-point name this plugin is installed under.
PLUGIN_ID = "hospital-desk"
_SOURCE = "001 篇2"
#: A citation of *clause* of 001 篇2 (``"一.6"``).
_cite = sc.Source(_SOURCE)


# Profile ---------------------------------------------------------------------------------

#: Who the organisation is: a mainland-China hospital's CS department.  篇2 names no
#: organisation; it serves 病人及家属, keeps staff from wearing the uniform 院外 and into
#: the 食堂, and refers rest days to 院领导; 篇4 answers the 医院 consultation phone.
PROFILE = sc.OrganizationProfile.mainland_china(
    id=PLUGIN_ID,
    name=sc.Text(
        en="Hospital customer service department",
        zh_Hans="医院客服部",
        zh_Hant="醫院客服部",
    ),
)

# Penalties (HD-01, HD-02) ----------------------------------------------------------------

#: The source's money: 元.  The amounts are yuan whatever the profile says, so a profile in
#: another currency is refused by the organisation rather than re-denominated.
CURRENCY = "CNY"
#: HD-01's violation code: one breach found at the pre-shift appearance check.
APPEARANCE_BREACH = "appearance-breach"
#: HD-02's violation code: the uniform worn outside the hospital or into the canteen.
UNIFORM_OUTSIDE = "uniform-outside"

#: HD-01: 「上班前由部门负责人检查仪表、仪容。如有违反部门规定一次罚款十元」: 10 yuan for
#: each breach the department head finds.  Which rules count is the department's
#: ("部门规定"); the source lists 一 仪容仪表 1–5 just before.
_HD01 = sc.PenaltyRule(
    APPEARANCE_BREACH,
    sc.Text(
        en="Breach of the department's appearance rules (pre-shift check)",
        zh_Hans="上班前检查仪表、仪容，违反部门规定",
    ),
    _cite("HD-01", "一.6"),
    sc.FixedFine(sc.Money(10, CURRENCY)),
)
#: HD-02: 「工作服不许穿出院外,不许穿工作服进食堂,违者罚款二十元」: 20 yuan each time.
_HD02 = sc.PenaltyRule(
    UNIFORM_OUTSIDE,
    sc.Text(
        en="Uniform worn outside the hospital or into the canteen",
        zh_Hans="穿工作服出院外或进食堂",
    ),
    _cite("HD-02", "二.2"),
    sc.FixedFine(sc.Money(20, CURRENCY)),
)
#: HD-01, HD-02, in the source's order.
PENALTY_RULES: tuple[sc.PenaltyRule, ...] = (_HD01, _HD02)
#: The department's fines, in yuan; no points, no warnings, no escalation.
PENALTY_SCHEDULE = sc.PenaltySchedule(CURRENCY, PENALTY_RULES)

# Hooks -----------------------------------------------------------------------------------


@sc.hookimpl
def servicecodex_organization_profile() -> sc.OrganizationProfile:
    """The hospital's CS department: zh_Hans_CN, Asia/Shanghai, CNY, China's holidays."""
    return PROFILE


@sc.hookimpl
def servicecodex_penalty_schedule() -> sc.PenaltySchedule:
    """HD-01 (10 yuan per appearance breach), HD-02 (20 yuan for the uniform outside)."""
    return PENALTY_SCHEDULE
