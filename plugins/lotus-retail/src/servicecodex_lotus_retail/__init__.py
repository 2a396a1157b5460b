"""servicecodex plugin for LOTUS store front-line staff (LOTUS 前端员工).

The source is ``003_b5adc0bea48ad1d8.txt``'s "顾客服务指导手册80页PPT" (lines 91–128): two
slogans, the list of front-line roles, four scenes of the shuttle-bus team (班车组), three
scenes of the group-purchase office (团购) and the list of polite phrases.  Rule ids
``LR-xx`` are those of the servicecodex rules catalogue, section 2.8; every phrase entry
cites the rule and the clause it comes from (``Citation("LR-09", "003 顾客服务指导手册
团购 场景2")``).

This first round covers the profile and the courtesy rules (LR-01 … LR-11), as one
simplified-Chinese phrase book with a role per front-line post (LR-03):

* everyone: "您好" (or "早上好" / "晚上好") in the first turn (LR-01, LR-02); "请问" and the
  forms of address 先生 / 小姐 / 太太 / 客人 are recommended (LR-11);
* shuttle bus: the answers to "does it pass …?", "which line?", "when does it leave?",
  "does it stop at …?" (LR-04 … LR-07);
* group purchase: "您好,请问有什么能帮到您?", "请稍等*分钟" with a concrete time,
  "谢谢!有任何问题请随时联系我." (LR-08 … LR-10);
* greeter, cashier, cash office, service desk: their scripts are lost, so they use the
  core phrase set (AMB-52): "请稍等" on hold, "谢谢" when thanking, "请慢走" or
  "欢迎下次光临" at the end (LR-11).

A front-line conversation names its post (LR-03): :func:`check` refuses one that does
not, since the post decides which script applies; :func:`posts` lists the six.

"*" in a phrase is a slot the agent fills at run time (AMB-53).  The traditional-script
book is derived by servicecodex (OpenCC); there is no English book.
"""

from __future__ import annotations

import servicecodex as sc

__all__ = [
    "CASHIER",
    "CASH_OFFICE",
    "CORE_SET_ROLES",
    "ENTRIES",
    "GREETER",
    "GROUP_PURCHASE",
    "PHRASE_BOOK",
    "PLUGIN_ID",
    "PROFILE",
    "ROLES",
    "ROLES_CITE",
    "SERVICE_DESK",
    "SHUTTLE_BUS",
    "check",
    "front_line_post",
    "posts",
    "servicecodex_courtesy_phrases",
    "servicecodex_organization_profile",
]

#: The entry-point name this plugin is installed under.
PLUGIN_ID = "lotus-retail"
#: A citation of *clause* of the guide (``"团购 场景2"``).
_cite = sc.Source("003 顾客服务指导手册")

# Profile ---------------------------------------------------------------------------------

#: Who the organisation is: the front line of a LOTUS store in mainland China.  The guide
#: names only "LOTUS员工" and "前端员工"; the store's place is not given.
PROFILE = sc.OrganizationProfile.mainland_china(
    id=PLUGIN_ID,
    name=sc.Text(
        en="LOTUS store front-line customer service",
        zh_Hans="LOTUS门店前端顾客服务",
        zh_Hant="LOTUS門店前端顧客服務",
    ),
)

# Roles (LR-03) ---------------------------------------------------------------------------

#: 迎宾员: welcomes customers at the entrance.
GREETER = "greeter"
#: 收银员: the checkouts.
CASHIER = "cashier"
#: 现金办: the cash office.
CASH_OFFICE = "cash-office"
#: 团购部: the group-purchase office.
GROUP_PURCHASE = "group-purchase"
#: 班车组: the free shuttle buses.
SHUTTLE_BUS = "shuttle-bus"
#: 服务台: the service desk.
SERVICE_DESK = "service-desk"

#: LR-03: 「前端员工说标准的礼貌用语」 followed by the six front-line posts, in the guide's
#: order.  A transcript names its agent's post (``Transcript(turns, role="cashier")``).
ROLES: tuple[sc.Role, ...] = (
    sc.Role(GREETER, sc.Text(en="Greeter", zh_Hans="迎宾员")),
    sc.Role(CASHIER, sc.Text(en="Cashier", zh_Hans="收银员")),
    sc.Role(CASH_OFFICE, sc.Text(en="Cash office", zh_Hans="现金办")),
    sc.Role(GROUP_PURCHASE, sc.Text(en="Group purchase office", zh_Hans="团购部")),
    sc.Role(SHUTTLE_BUS, sc.Text(en="Shuttle bus team", zh_Hans="班车组")),
    sc.Role(SERVICE_DESK, sc.Text(en="Service desk", zh_Hans="服务台")),
)
#: LR-03: 「前端员工说标准的礼貌用语」, the role list that follows.
ROLES_CITE = _cite("LR-03", "前端员工")


def front_line_post(role_id: str | None) -> sc.Role:
    """The front-line post *role_id* (LR-03).

    :raises servicecodex.ValidationError: no post given, or not one of the six, naming
        LR-03 and the six.
    """
    for role in ROLES:
        if role.id == role_id:
            return role
    known = ", ".join(r.id for r in ROLES)
    problem = "no front-line post given" if role_id is None else "not a front-line post"
    raise sc.ValidationError(
        "role", role_id, f"{problem} ({ROLES_CITE.rule_id}); the posts: {known}"
    )


def posts() -> list[sc.Reason]:
    """LR-03 in words: each of the six posts speaks the standard polite phrases."""
    message = sc.Text(
        en="{post} uses the standard polite phrases", zh_Hans="{post}说标准的礼貌用语"
    )
    return [sc.Reason(ROLES_CITE, message, {"post": role.name}) for role in ROLES]


#: AMB-52: the posts whose scripts did not survive; they use the core phrase set (LR-11).
CORE_SET_ROLES: tuple[str, ...] = (GREETER, CASHIER, CASH_OFFICE, SERVICE_DESK)

# Phrases ---------------------------------------------------------------------------------

_REQUIRED = sc.PhraseKind.REQUIRED
_RECOMMENDED = sc.PhraseKind.RECOMMENDED
_FIRST, _LAST, _REPLY = sc.Placement.FIRST_TURN, sc.Placement.LAST_TURN, sc.Placement.REPLY
_S = sc.Scenario

#: LR-02: 「“早上好!”、“晚上好!”, LOTUS员工讲礼貌」.  The time-of-day greetings.
_TIME_OF_DAY = ("早上好", "晚上好")

_EVERYONE: tuple[sc.PhraseEntry, ...] = (
    # LR-01: 「微微笑完说“您好!”」 — the first thing said; a time-of-day greeting (LR-02)
    # counts as that greeting.
    sc.PhraseEntry(
        "您好",
        _REQUIRED,
        _S.GREETING,
        _cite("LR-01", "标语1"),
        placement=_FIRST,
        alternatives=_TIME_OF_DAY,
    ),
    # LR-02: the time-of-day greetings, recommended; which fits the hour is the agent's
    # judgement (the guide sets no hours).
    sc.PhraseEntry(
        _TIME_OF_DAY[0],
        _RECOMMENDED,
        _S.GREETING,
        _cite("LR-02", "标语2"),
        alternatives=_TIME_OF_DAY[1:],
    ),
    # LR-11: 「请问」 and 「先生/小姐/太太/客人」, recommended in any turn.
    sc.PhraseEntry("请问", _RECOMMENDED, _S.ANY, _cite("LR-11", "礼貌用语")),
    sc.PhraseEntry(
        "先生",
        _RECOMMENDED,
        _S.ANY,
        _cite("LR-11", "礼貌用语 称呼"),
        alternatives=("小姐", "太太", "客人"),
    ),
)

#: The shuttle-bus team's four scenes (「班车组接送顾客, 礼貌用语怎么说?」): each is the
#: answer to a customer's question, required in the agent's reply to it.
_SHUTTLE_BUS: tuple[sc.PhraseEntry, ...] = (
    # LR-04: 「顾客询问班车是否经过**地方. “是的/不经过.”」
    sc.PhraseEntry(
        "是的",
        _REQUIRED,
        _S.ANY,
        _cite("LR-04", "班车组 场景1"),
        role=SHUTTLE_BUS,
        placement=_REPLY,
        alternatives=("不经过",),
        cue=("经过*吗", "是否经过", "经不经过"),
    ),
    # LR-05: 「顾客询问到达**地方乘坐几号线. “ *号线班车.”」
    sc.PhraseEntry(
        "*号线班车",
        _REQUIRED,
        _S.ANY,
        _cite("LR-05", "班车组 场景2"),
        role=SHUTTLE_BUS,
        placement=_REPLY,
        cue=("几号线", "哪条线"),
    ),
    # LR-06: 「顾客询问班车几点出发. “ *点开车/*分钟后开车,稍等.”」; "*点半开车" is the
    # same answer on the half hour.
    sc.PhraseEntry(
        "*点开车",
        _REQUIRED,
        _S.ANY,
        _cite("LR-06", "班车组 场景3"),
        role=SHUTTLE_BUS,
        placement=_REPLY,
        alternatives=("*点半开车", "*分钟后开车"),
        cue=("几点出发", "几点开车", "几点发车", "什么时候出发", "什么时候开车", "什么时候发车"),
    ),
    # LR-07: 「顾客询问**站是否停车. “不好意思,没有这个站,不停.”」 — the answer for a stop
    # the line does not serve; for one it serves, LR-04's "是的".
    sc.PhraseEntry(
        "不好意思,没有这个站,不停",
        _REQUIRED,
        _S.ANY,
        _cite("LR-07", "班车组 场景4"),
        role=SHUTTLE_BUS,
        placement=_REPLY,
        alternatives=("是的",),
        cue=("站停吗", "站停车吗", "站停不停", "站是否停车"),
    ),
)

#: The group-purchase office's three scenes (no role heading in the guide; the scenes
#: say 「客户到团购办公室」).
_GROUP_PURCHASE: tuple[sc.PhraseEntry, ...] = (
    # LR-08: 「客户到团购办公室,接待客户. “您好,请问有什么能帮到您?”」
    sc.PhraseEntry(
        "您好,请问有什么能帮到您?",
        _REQUIRED,
        _S.GREETING,
        _cite("LR-08", "团购 场景1"),
        role=GROUP_PURCHASE,
        placement=_FIRST,
    ),
    # LR-09: 「“(先生/小姐/太太..),请稍等*分钟.” 告诉顾客等候的具体时间」 — a hold
    # names the minutes.
    sc.PhraseEntry(
        "请稍等*分钟",
        _REQUIRED,
        _S.HOLD,
        _cite("LR-09", "团购 场景2"),
        role=GROUP_PURCHASE,
    ),
    # LR-10: 「交易完毕,送顾客离开办公室. “谢谢!有任何问题请随时联系我.”」
    sc.PhraseEntry(
        "谢谢!有任何问题请随时联系我.",
        _REQUIRED,
        _S.FAREWELL,
        _cite("LR-10", "团购 场景3"),
        role=GROUP_PURCHASE,
        placement=_LAST,
    ),
)


def _core_set(role: str) -> tuple[sc.PhraseEntry, ...]:
    """LR-11 for a post without a script of its own (AMB-52): 「请稍等」 on hold, 「谢谢」
    when thanking, 「请慢走」 or 「欢迎下次光临」 in the last turn."""
    cite = _cite("LR-11", "礼貌用语")
    return (
        sc.PhraseEntry("请稍等", _REQUIRED, _S.HOLD, cite, role=role),
        sc.PhraseEntry("谢谢", _REQUIRED, _S.THANKS, cite, role=role),
        sc.PhraseEntry(
            "请慢走",
            _REQUIRED,
            _S.FAREWELL,
            cite,
            role=role,
            placement=_LAST,
            alternatives=("欢迎下次光临",),
        ),
    )


#: Every entry: everyone's, the shuttle bus's, the group-purchase office's, then the core
#: set of each post without a script.
ENTRIES: tuple[sc.PhraseEntry, ...] = (
    *_EVERYONE,
    *_SHUTTLE_BUS,
    *_GROUP_PURCHASE,
    *(entry for role in CORE_SET_ROLES for entry in _core_set(role)),
)
#: The simplified-Chinese phrase book, with the six posts as its roles.
PHRASE_BOOK = sc.PhraseBook("zh_Hans", ENTRIES, ROLES)


def check(organization: sc.Organization, transcript: sc.Transcript) -> sc.TranscriptCheck:
    """*transcript* checked by *organization*'s phrase checker, after its post (LR-03): a
    front-line conversation names the post whose script applies
    (``Transcript(turns, role="cashier")``); without it only the phrases everyone says
    would be checked.

    :raises servicecodex.ValidationError: no post, or not a front-line post (LR-03).
    """
    front_line_post(transcript.role)
    return organization.phrase_checker().check(transcript)


# Hooks -----------------------------------------------------------------------------------


@sc.hookimpl
def servicecodex_organization_profile() -> sc.OrganizationProfile:
    """The LOTUS store front line: zh_Hans_CN, Asia/Shanghai, CNY, China's holidays."""
    return PROFILE


@sc.hookimpl
def servicecodex_courtesy_phrases(
    profile: sc.OrganizationProfile, locale: str
) -> sc.PhraseBook | None:
    """LR-01 … LR-11 in simplified Chinese; the traditional book is derived, and there is
    no English one."""
    return PHRASE_BOOK if locale == "zh_Hans" else None
