"""servicecodex plugin for 欧派 (Oppein) cabinet-installation customer service.

The source is ``003_b5adc0bea48ad1d8.txt``'s "客户服务管理客服流程和规范PPT课件" (lines
132–154): the pre-installation call script, its key points (关键要点), the 宜昌 callback
case and the reports.  Rule ids ``OP-xx`` are those of the servicecodex rules catalogue,
section 2.9; every phrase entry cites the rule and the clause it comes from
(``Citation("OP-01", "003 客户服务管理客服流程和规范 话术")``).

It covers the profile and the courtesy rules, as one simplified-Chinese
phrase book for the pre-installation call (the only conversation the slides script):

* OP-01: in the first turn "您好,我是欧派客服*" with the agent's name; in the call the
  contract installation date "合同安装日期是*月*日", the arrival status "目前到货情况是*"
  and the promise "确定发货日期*再次联系您"; the kitchen question "请问您目前厨房是否已
  具备安装条件" is recommended ("视情况而定");
* OP-03: "全程跟踪": the service is tracked end to end.

"*" is a slot the agent fills (the name, the month and day, the goods that arrived).  The
traditional-script book is derived by servicecodex (OpenCC); there is no English book.

The rest answers ``servicecodex_service_levels`` (module ``_contacts``): the calls 3 days
(±1, AMB-54) and 1 day before the installation (OP-02, OP-05), the site check (OP-04),
the two callbacks after it (OP-06, at the plugin's periods), the home visits (OP-07,
OP-08) and the three reports (OP-09 … OP-11).
"""

from __future__ import annotations

import servicecodex as sc
from servicecodex_oppein_install._contacts import (
    CALLBACK_LOG,
    CALLBACK_ROLES,
    CASE_RULES,
    CHANNELS,
    FIRST_CALLBACK,
    FIRST_CALLBACK_DAYS,
    INFORMATION_FORM,
    INSTALLATION,
    INSTALLATIONS,
    ORDER_OUTCOMES,
    PRE_INSTALL_CALL,
    PRODUCTS,
    RECONFIRM_CALL,
    REGISTERS,
    SECOND_CALLBACK,
    SECOND_CALLBACK_DAYS,
    SERVICE_LEVELS,
    WORKFLOW,
    callback_log,
    callback_rules,
    daily_callbacks,
    service_levels,
    weekly_installations,
)

__all__ = [
    "CALLBACK_LOG",
    "CALLBACK_ROLES",
    "CASE_RULES",
    "CHANNELS",
    "ENTRIES",
    "FIRST_CALLBACK",
    "FIRST_CALLBACK_DAYS",
    "INFORMATION_FORM",
    "INSTALLATION",
    "INSTALLATIONS",
    "ORDER_OUTCOMES",
    "PHRASE_BOOK",
    "PLUGIN_ID",
    "PRE_INSTALL_CALL",
    "PRODUCTS",
    "PROFILE",
    "RECONFIRM_CALL",
    "REGISTERS",
    "SECOND_CALLBACK",
    "SECOND_CALLBACK_DAYS",
    "SERVICE_LEVELS",
    "WORKFLOW",
    "callback_log",
    "callback_rules",
    "daily_callbacks",
    "service_levels",
    "servicecodex_courtesy_phrases",
    "servicecodex_organization_profile",
    "servicecodex_service_levels",
    "weekly_installations",
]

#: The entry-point name this plugin is installed under.
PLUGIN_ID = "oppein-install"
#: A citation of *clause* of the slides (``"话术"``, ``"关键要点 2"``).
_cite = sc.Source("003 客户服务管理客服流程和规范")

# Profile ---------------------------------------------------------------------------------

#: Who the organisation is: 欧派's customer service for cabinet installation, in mainland
#: China (the case the slides share is 宜昌's).
PROFILE = sc.OrganizationProfile.mainland_china(
    id=PLUGIN_ID,
    name=sc.Text(
        en="Oppein cabinet installation customer service",
        zh_Hans="欧派橱柜安装客服",
        zh_Hant="歐派櫥櫃安裝客服",
    ),
)

# Phrases ---------------------------------------------------------------------------------

_REQUIRED = sc.PhraseKind.REQUIRED
_RECOMMENDED = sc.PhraseKind.RECOMMENDED
_S = sc.Scenario
#: OP-01: 「您好,我是欧派客服小李,您的橱柜安装是由我来为您全程跟踪, 您的合同安装日期是*月*日,
#: 目前到货情况是***等确定发货日期时 我再次联系您具体安装时间,请问您目前厨房是否已具备安装
#: 条件? (视情况而定)」
_SCRIPT = _cite("OP-01", "话术")

#: The pre-installation call, in the script's order.
ENTRIES: tuple[sc.PhraseEntry, ...] = (
    # OP-01: greet and introduce yourself as 欧派客服 by name ("小李" in the script).
    sc.PhraseEntry(
        "您好,我是欧派客服*",
        _REQUIRED,
        _S.GREETING,
        _SCRIPT,
        placement=sc.Placement.FIRST_TURN,
    ),
    # OP-03: 「强调为服务全程跟踪」 — the script's 「由我来为您全程跟踪」.
    sc.PhraseEntry("全程跟踪", _REQUIRED, _S.ANY, _cite("OP-03", "关键要点 2")),
    # OP-01: the installation date of the contract.
    sc.PhraseEntry("合同安装日期是*月*日", _REQUIRED, _S.ANY, _SCRIPT),
    # OP-01: what has arrived so far.
    sc.PhraseEntry("目前到货情况是*", _REQUIRED, _S.ANY, _SCRIPT),
    # OP-01: the promise to call again with the exact time once the ship date is fixed
    # (「等确定发货日期时我再次联系您」; the slot takes 时我 / 后我 …).
    sc.PhraseEntry("确定发货日期*再次联系您", _REQUIRED, _S.ANY, _SCRIPT),
    # OP-01: the kitchen question, 「(视情况而定)」: recommended, not required.
    sc.PhraseEntry("请问您目前厨房是否已具备安装条件", _RECOMMENDED, _S.ANY, _SCRIPT),
)
#: The simplified-Chinese phrase book; one voice (欧派客服), so no roles.
PHRASE_BOOK = sc.PhraseBook("zh_Hans", ENTRIES)

# Hooks -----------------------------------------------------------------------------------


@sc.hookimpl
def servicecodex_organization_profile() -> sc.OrganizationProfile:
    """欧派's installation CS: zh_Hans_CN, Asia/Shanghai, CNY, China's holidays."""
    return PROFILE


@sc.hookimpl
def servicecodex_courtesy_phrases(
    profile: sc.OrganizationProfile, locale: str
) -> sc.PhraseBook | None:
    """OP-01 and OP-03 in simplified Chinese; the traditional book is derived, and there
    is no English one."""
    return PHRASE_BOOK if locale == "zh_Hans" else None


@sc.hookimpl
def servicecodex_service_levels() -> sc.ServiceLevelPolicy:
    """OP-02, OP-04 … OP-11: phone and home visits, the installation order, the calls before
    the visit (AMB-54), the two callbacks after it and the three reports (``SERVICE_LEVELS``)."""
    return SERVICE_LEVELS
