"""Installation calls, callbacks, home visits and reports (OP-02, OP-04 … OP-11).

The slides give two numbers: the call 「提前三天左右」 before the installation (OP-02; AMB-54:
3 days before the scheduled installation date, ±1 day) and the reconfirmation 「上门前一天」
(OP-05: the day before the visit).  The two callbacks after installation (OP-06) have no
period in the slides; the core's callbacks need one, so **the plugin sets it** —
:data:`FIRST_CALLBACK_DAYS` and :data:`SECOND_CALLBACK_DAYS`, stated below — and an
organisation sets its own with :func:`callback_rules` and :func:`service_levels`.  The
home visits of OP-07 and OP-08 have no period either: they are playbook steps, taken or
not, never due.
"""

from __future__ import annotations

from collections.abc import Iterable

import servicecodex as sc

__all__ = [
    "CALLBACK_LOG",
    "CALLBACK_ROLES",
    "CASE_RULES",
    "CHANNELS",
    "FIRST_CALLBACK",
    "FIRST_CALLBACK_DAYS",
    "INFORMATION_FORM",
    "INSTALLATION",
    "INSTALLATIONS",
    "ORDER_OUTCOMES",
    "PRE_INSTALL_CALL",
    "PRODUCTS",
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
    "weekly_installations",
]

#: A citation of *clause* of the slides (the same source as the phrase book's).
_cite = sc.Source("003 客户服务管理客服流程和规范")

_OP02 = _cite("OP-02", "关键要点; AMB-54")
_OP04 = _cite("OP-04", "关键要点")
_OP05 = _cite("OP-05", "关键要点; AMB-54")
_OP06 = _cite("OP-06", "二次回访机制—宜昌案例")
_OP07 = _cite("OP-07", "导购上门回访; 回访礼品赠送; AMB-55")
_OP08 = _cite("OP-08", "二次回访机制—宜昌案例")
_OP09 = _cite("OP-09", "规范亮点 1")
_OP10 = _cite("OP-10", "规范亮点 2")
_OP11 = _cite("OP-11", "规范亮点 2")


#: The calls (OP-02 「电话提前三天左右」, the callbacks of OP-06) and the home visits
#: (OP-07, OP-08 「上门回访」).
CHANNELS: tuple[sc.Channel, ...] = (sc.Channel.PHONE, sc.Channel.VISIT)

# Callbacks (OP-02, OP-05, OP-06) ---------------------------------------------------------

#: The roles of OP-06 (调度专员, 客服专员), OP-07 (导购) and OP-08 (客户顾问, 设计师), as the
#: callbacks and the daily callback register (OP-11) name them.
CALLBACK_ROLES: tuple[sc.RegisterChoice, ...] = (
    sc.RegisterChoice("dispatcher", sc.Text.hans("dispatcher", "调度专员")),
    sc.RegisterChoice("cs-specialist", sc.Text.hans("CS specialist", "客服专员")),
    sc.RegisterChoice("sales-guide", sc.Text.hans("sales guide", "导购")),
    sc.RegisterChoice("customer-adviser", sc.Text.hans("customer adviser", "客户顾问")),
    sc.RegisterChoice("designer", sc.Text.hans("designer", "设计师")),
)

#: OP-02 「电话提前三天左右」: AMB-54 — 3 days before the scheduled installation date, ±1
#: day (the call of the OP-01 script).
PRE_INSTALL_CALL = sc.CallbackRule(
    "pre-install-call",
    sc.Text.hans("Pre-installation call", "安装前电话"),
    _OP02,
    sc.CallbackKind.BEFORE,
    days=3,
    tolerance=1,
)
#: OP-05 「上门前一天再次确认」: the day before the installation visit, no tolerance.  It
#: does not wait for the pre-installation call (no ``follows``): a reconfirmation is still
#: made, and recorded, when that call was missed, which the register shows as overdue.
RECONFIRM_CALL = sc.CallbackRule(
    "reconfirm-call",
    sc.Text.hans("Reconfirmation the day before the visit", "上门前一天再次确认"),
    _OP05,
    sc.CallbackKind.BEFORE,
    days=1,
)

#: OP-06 gives no period for either callback.  **The plugin's choice**: the dispatcher's
#: first callback the day after the installation visit, ±1 day (from the day of the visit
#: to two days after it); the CS specialist's second one "after use" two weeks after the
#: visit, ±1 week (one to three weeks of use).
FIRST_CALLBACK_DAYS = (1, 1)
SECOND_CALLBACK_DAYS = (14, 7)


def callback_rules(
    first: tuple[int, int] = FIRST_CALLBACK_DAYS, second: tuple[int, int] = SECOND_CALLBACK_DAYS
) -> tuple[sc.CallbackRule, sc.CallbackRule]:
    """OP-06's two callbacks after an installation visit, each ``(days, tolerance)`` after
    it: 「一次性安装完毕、没有安装完毕及遗留单回访由调度专员对客户进行第一次回访,客服专员进行
    使用后的第二次回访」 — the dispatcher makes the first, the CS specialist the second, and
    only once the first is made."""
    return (
        sc.CallbackRule(
            "first-callback",
            sc.Text.hans("First callback", "第一次回访"),
            _OP06,
            sc.CallbackKind.AFTER,
            days=first[0],
            tolerance=first[1],
            role="dispatcher",
            role_name=sc.Text.hans("dispatcher", "调度专员"),
        ),
        sc.CallbackRule(
            "second-callback",
            sc.Text.hans("Second callback after use", "使用后的第二次回访"),
            _OP06,
            sc.CallbackKind.AFTER,
            days=second[0],
            tolerance=second[1],
            role="cs-specialist",
            role_name=sc.Text.hans("CS specialist", "客服专员"),
            follows="first-callback",
        ),
    )


FIRST_CALLBACK, SECOND_CALLBACK = callback_rules()

# Cases (OP-02, OP-04 … OP-08) ------------------------------------------------------------

#: An installation order from the confirmation calls to the second callback, in the
#: slides' order: the key points before the visit (关键要点: OP-02, OP-04, OP-05), the
#: installation, the dispatcher's first callback and the CS specialist's second (OP-06).
#: An order not finished, or left over (没有安装完毕, 遗留单), goes back from the first
#: callback to another installation visit.
WORKFLOW = sc.Workflow(
    (
        sc.WorkflowStep("confirm", sc.Text.hans("Confirm before the visit", "安装前确认")),
        sc.WorkflowStep("install", sc.Text.hans("Installation visit", "上门安装")),
        sc.WorkflowStep("first-callback", sc.Text.hans("First callback", "第一次回访")),
        sc.WorkflowStep(
            "second-callback", sc.Text.hans("Second callback after use", "使用后的第二次回访")
        ),
    ),
    _OP06,
    back={"first-callback": ("install",)},
)

#: The order's playbook.  Before the visit (关键要点): the call about three days ahead
#: (OP-02), whether the site meets the installation conditions (OP-04, 「是否具备安装条件」,
#: ready or not), the reconfirmation the day before (OP-05).  After it, as the 宜昌 case
#: does: the sales guide's home visit with a photo taken with the customer and a callback
#: gift (OP-07), the customer adviser's or designer's home visit (OP-08) — practices
#: without a period, so not required.
INSTALLATION = sc.CaseCategory(
    "installation",
    sc.Text.hans("Cabinet installation order", "橱柜安装订单"),
    _OP06,
    (
        sc.PlaybookStep(
            "pre-install-call", sc.Text.hans("Call about 3 days before", "提前三天左右电话"), _OP02
        ),
        sc.PlaybookStep(
            "site-conditions",
            sc.Text.hans(
                "Check the site meets the installation conditions", "确认是否具备安装条件"
            ),
            _OP04,
            options=("ready", "not-ready"),
        ),
        sc.PlaybookStep(
            "reconfirm", sc.Text.hans("Reconfirm the day before", "上门前一天再次确认"), _OP05
        ),
        sc.PlaybookStep(
            "guide-visit",
            sc.Text.hans("Sales guide's home-visit callback", "导购上门回访"),
            _OP07,
            required=False,
        ),
        sc.PlaybookStep(
            "photo",
            sc.Text.hans("Photo with the customer", "与客户合影留念"),
            _OP07,
            required=False,
        ),
        sc.PlaybookStep(
            "gift", sc.Text.hans("Callback gift", "回访礼品赠送"), _OP07, required=False
        ),
        sc.PlaybookStep(
            "adviser-visit",
            sc.Text.hans("Customer adviser's or designer's home visit", "客户顾问、设计师上门回访"),
            _OP08,
            options=("customer-adviser", "designer"),
            required=False,
        ),
    ),
)

#: The installation CS's case rules: one category, the installation order.
CASE_RULES = sc.CaseRules(CHANNELS, (INSTALLATION,), WORKFLOW)

# Registers (OP-09, OP-10, OP-11) ---------------------------------------------------------

#: OP-09's 「厨、衣“信息确认单”」: kitchen (cabinets) and wardrobe.
PRODUCTS = sc.RegisterField(
    "product",
    sc.Text.hans("Product", "产品"),
    "choice",
    choices=[
        sc.RegisterChoice("kitchen", sc.Text.hans("kitchen", "厨")),
        sc.RegisterChoice("wardrobe", sc.Text.hans("wardrobe", "衣")),
    ],
)
_ORDER = sc.RegisterField("order", sc.Text.hans("Order", "订单"), "text")

#: OP-09 「跟客户签订合同时,把每一个将来可产生客户纠纷的问题提前告知客户,并用规范化的厨、衣
#: “信息确认单”沟通到位,工作中出现的,安装、售后中发生的每一个新问题都不断填充到信息确认单中」:
#: one entry an issue put on the form, at signing or when installation or after-sales
#: raises a new one.
INFORMATION_FORM = sc.RegisterSpec(
    "information-form",
    sc.Text.hans("Information confirmation form", "信息确认单"),
    (
        _ORDER,
        sc.RegisterField("customer", sc.Text.hans("Customer", "客户"), "name"),
        PRODUCTS,
        sc.RegisterField(
            "stage",
            sc.Text.hans("Stage", "阶段"),
            "choice",
            choices=[
                sc.RegisterChoice("signing", sc.Text.hans("contract signing", "签订合同")),
                sc.RegisterChoice("installation", sc.Text.hans("installation", "安装")),
                sc.RegisterChoice("after-sales", sc.Text.hans("after-sales", "售后")),
            ],
        ),
        sc.RegisterField("issue", sc.Text.hans("Issue", "问题"), "text"),
    ),
    _OP09,
)

#: OP-06's three kinds of order after an installation visit: installed in one visit, not
#: finished, left over (一次性安装完毕、没有安装完毕及遗留单).
ORDER_OUTCOMES = sc.RegisterField(
    "outcome",
    sc.Text.hans("Outcome", "安装结果"),
    "choice",
    choices=[
        sc.RegisterChoice("complete", sc.Text.hans("installed in one visit", "一次性安装完毕")),
        sc.RegisterChoice("unfinished", sc.Text.hans("not finished", "没有安装完毕")),
        sc.RegisterChoice("leftover", sc.Text.hans("leftover order", "遗留单")),
    ],
)

#: OP-10 「周报表—安装数据统计表」: the slides give the sheet's name, not its columns; one
#: entry an installation visit, with the product and OP-06's outcome, counted week by week
#: (:func:`weekly_installations`).
INSTALLATIONS = sc.RegisterSpec(
    "installations",
    sc.Text.hans("Installation data", "安装数据统计表"),
    (_ORDER, PRODUCTS, ORDER_OUTCOMES),
    _OP10,
)

#: OP-11 「日报表—回访信息登记表」: one entry a callback made — which one, by whom in which
#: role, and what the customer said (客户反响) — counted day by day
#: (:func:`daily_callbacks`).  :func:`callback_log` fills it from the callback register.
CALLBACK_LOG = sc.RegisterSpec(
    "callback-log",
    sc.Text.hans("Daily callback information", "回访信息登记表"),
    (
        _ORDER,
        sc.RegisterField(
            "callback",
            sc.Text.hans("Callback", "回访"),
            "choice",
            choices=[
                sc.RegisterChoice(rule.id, rule.name)
                for rule in (PRE_INSTALL_CALL, RECONFIRM_CALL, FIRST_CALLBACK, SECOND_CALLBACK)
            ],
        ),
        sc.RegisterField("agent", sc.Text.hans("Agent", "回访人"), "text"),
        sc.RegisterField(
            "role", sc.Text.hans("Role", "岗位"), "choice", required=False, choices=CALLBACK_ROLES
        ),
        sc.RegisterField(
            "feedback", sc.Text.hans("Customer feedback", "客户反响"), "text", required=False
        ),
    ),
    _OP11,
)

#: OP-09, OP-10, OP-11.
REGISTERS: tuple[sc.RegisterSpec, ...] = (INFORMATION_FORM, INSTALLATIONS, CALLBACK_LOG)


def weekly_installations(
    installations: sc.Register, period: sc.Period, timezone: str | sc.BusinessCalendar
) -> sc.RegisterReport:
    """OP-10's weekly report: the installation visits of *period*, week by week (Monday to
    Sunday) and by outcome."""
    if installations.spec != INSTALLATIONS:
        raise sc.ValidationError("installations", installations.spec.id, "not the installations")
    return installations.report("week", period, timezone, by="outcome")


def daily_callbacks(
    log: sc.Register, period: sc.Period, timezone: str | sc.BusinessCalendar
) -> sc.RegisterReport:
    """OP-11's daily report: the callbacks made in *period*, day by day and by callback."""
    if log.spec != CALLBACK_LOG:
        raise sc.ValidationError("log", log.spec.id, "not the callback register")
    return log.report("day", period, timezone, by="callback")


def callback_log(
    callbacks: sc.CallbackRegister, feedback: Iterable[tuple[str, str]] = ()
) -> sc.Register:
    """OP-11's register filled from the callbacks made in *callbacks* (the customer
    reference of a callback is the order), in the order they were made; *feedback* gives
    the customer's words as (callback id, feedback), the callback's note otherwise."""
    said = dict(feedback)
    known = {c.id for c in CALLBACK_LOG.field("callback").choices}
    entries = []
    for callback in callbacks.callbacks:
        if callback.done_at is None or callback.rule.id not in known:
            continue
        entries.append(
            CALLBACK_LOG.entry(
                callback.done_at,
                order=callback.customer,
                callback=callback.rule.id,
                agent=callback.by,
                role=callback.role,
                feedback=said.get(callback.id, callback.note),
            )
        )
    return CALLBACK_LOG.register(entries)


# The policy ------------------------------------------------------------------------------


def service_levels(
    callbacks: Iterable[sc.CallbackRule] = (FIRST_CALLBACK, SECOND_CALLBACK),
) -> sc.ServiceLevelPolicy:
    """The installation CS's policy: phone and home visits, the installation order's case
    rules, the calls before the visit (OP-02, OP-05), OP-06's two *callbacks* and the
    registers (OP-09 … OP-11).  No response target: the slides give none."""
    return sc.ServiceLevelPolicy(
        CHANNELS,
        _OP02,
        cases=CASE_RULES,
        callbacks=(PRE_INSTALL_CALL, RECONFIRM_CALL, *callbacks),
        registers=REGISTERS,
    )


#: The answer of ``servicecodex_service_levels``.
SERVICE_LEVELS = service_levels()
