"""Inspection checklists of the call centre: the on-duty, workstation, hygiene and
appearance rules a supervisor checks by looking and listening (CC-07 … CC-09, CC-18,
CC-20, CC-28, CC-31 … CC-38), and the violation codes a failed item is recorded under.

The regulation gives no fine, points or sanction for any of them, so every code here is
a :class:`~servicecodex.PenaltyRule` without a fine: an inspection's failures go on the
ledger and the month's assessment lists them at no cost.  A deployment with its own
amounts adds them in a plugin of its own.

* ``service`` (服务规范): CC-07 四个一样, four items; CC-08 the six qualities of on-duty
  speech (二.3); CC-09 「客户永远是对的」, react fast and answer promptly (二.4);
* ``shift-start`` (班前): CC-18, the main website's business news and the back-office CS
  announcements read, changes and offers recommended (三.3);
* ``on-duty`` (现场纪律与管理, 二.5, 四.1, 四.5, 五.5–8): CC-31 not leaving the post
  without the manager's approval, no loud talk; CC-32 time away within the limit (not
  stated, AMB-06: the department's own, judged by the inspector); CC-33 no laughing,
  horseplay, 串岗 or unrelated work; CC-34 no reading, no chatting with the next desk,
  phone on vibrate; CC-14 no hanging up on a caller; CC-35 no non-work QQ, games, films
  or websites other than 众品网; CC-28 no eating on a call, meals outside the CS area on
  a 连班; CC-36 no long private calls on the department's phones;
* ``workstation`` (工作台, 四.2–4, 五.3–4): CC-37's layout;
* ``hygiene`` (卫生, 六.6): CC-20, the night shift cleans the shared areas, everyone
  their own desk;
* ``appearance`` (仪表, 六.3–4): CC-38 (画淡装 = 化淡妆, AMB-07).
"""

from __future__ import annotations

import servicecodex as sc
from servicecodex_callcenter_general._contacts import HUNG_UP_ON_CALLER

__all__ = [
    "APPEARANCE",
    "AWAY_TOO_LONG",
    "BRIEFING_NOT_READ",
    "CHECKLISTS",
    "EATING_AT_POST",
    "HYGIENE",
    "HYGIENE_DUTY_NEGLECTED",
    "IMPROPER_SPEECH",
    "INSPECTION_RULES",
    "LEFT_POST",
    "NON_WORK_INTERNET",
    "NOT_CUSTOMER_CENTRED",
    "OFF_TASK_ON_DUTY",
    "ON_DUTY",
    "PRIVATE_CALLS",
    "SERVICE",
    "SHIFT_START",
    "UNEQUAL_SERVICE",
    "UNTIDY_APPEARANCE",
    "UNTIDY_WORKSTATION",
    "WORKPLACE_DISORDER",
    "WORKSTATION",
]

_cite = sc.Source("001 篇1")


# Violation codes -------------------------------------------------------------------------

#: CC-07: the service differed between callers or occasions (四个一样 broken).
UNEQUAL_SERVICE = "unequal-service"
#: CC-08: on-duty speech not polite, warm, concise, clear, patient and thorough.
IMPROPER_SPEECH = "improper-speech"
#: CC-09: not customer-centred: argued with the customer, or slow to react and answer.
NOT_CUSTOMER_CENTRED = "not-customer-centred"
#: CC-18: the business news and CS announcements not read at the start of the shift.
BRIEFING_NOT_READ = "briefing-not-read"
#: CC-20: the night shift's cleaning or one's own desk neglected.
HYGIENE_DUTY_NEGLECTED = "hygiene-duty-neglected"
#: CC-28: eating on a call, or a 连班 meal inside the CS work area.
EATING_AT_POST = "eating-at-post"
#: CC-31: left the post without the manager's approval.
LEFT_POST = "left-post"
#: CC-32: away from the office area longer than the set limit.
AWAY_TOO_LONG = "away-too-long"
#: CC-33 (and CC-31's loud talk): loud talk, laughing, horseplay, 串岗, unrelated work.
WORKPLACE_DISORDER = "workplace-disorder"
#: CC-34: reading, chatting with the next desk, the mobile phone ringing aloud.
OFF_TASK_ON_DUTY = "off-task-on-duty"
#: CC-35: non-work QQ, online games or films, websites other than 众品网's.
NON_WORK_INTERNET = "non-work-internet"
#: CC-36: long private calls on the CS department's fixed phones.
PRIVATE_CALLS = "private-calls"
#: CC-37: the workstation not laid out as the regulation says.
UNTIDY_WORKSTATION = "untidy-workstation"
#: CC-38: clothes, hair or make-up not as the regulation says.
UNTIDY_APPEARANCE = "untidy-appearance"

_CC07 = _cite("CC-07", "一.7")
_CC08 = _cite("CC-08", "二.3")
_CC09 = _cite("CC-09", "二.4")
_CC14 = _cite("CC-14", "五.5")
_CC18 = _cite("CC-18", "三.3")
_CC20 = _cite("CC-20", "六.6")
_CC28 = _cite("CC-28", "五.7")
_CC31 = _cite("CC-31", "二.5")
_CC32 = _cite("CC-32", "四.5")
_CC33 = _cite("CC-33", "四.1")
_CC34 = _cite("CC-34", "五.5")
_CC35 = _cite("CC-35", "五.6")
_CC36 = _cite("CC-36", "五.8")
_CC38 = _cite("CC-38", "六.3–4")


def _rule(code: str, en: str, zh_hans: str, cite: sc.Citation) -> sc.PenaltyRule:
    return sc.PenaltyRule(code, sc.Text.hans(en, zh_hans), cite)


#: The violation codes of the checklists, one per catalogue rule (CC-31's loud talk is
#: recorded under CC-33's code, hanging up under CC-14's ``hung-up-on-caller``); none
#: has a fine, points or consequence: the regulation names none.
INSPECTION_RULES: tuple[sc.PenaltyRule, ...] = (
    _rule(UNEQUAL_SERVICE, "Service not the same for everyone (四个一样)", "未做到四个一样", _CC07),
    _rule(
        IMPROPER_SPEECH,
        "On-duty speech not polite, warm, concise, clear, patient and thorough",
        "值班用语不礼貌、亲切、简练、清晰、耐心、周到",
        _CC08,
    ),
    _rule(
        NOT_CUSTOMER_CENTRED,
        "Not customer-centred, slow to react or answer",
        "未以客户为中心、反应慢、应答不及时",
        _CC09,
    ),
    _rule(
        BRIEFING_NOT_READ,
        "Business news and CS announcements not read at shift start",
        "班前未阅读业务资讯、客服公告",
        _CC18,
    ),
    _rule(HYGIENE_DUTY_NEGLECTED, "Cleaning duty neglected", "卫生责任未落实", _CC20),
    _rule(EATING_AT_POST, "Eating on a call or at the post", "接打电话时吃东西或在岗就餐", _CC28),
    _rule(LEFT_POST, "Left the post without the manager's approval", "未经批准擅离职守", _CC31),
    _rule(
        AWAY_TOO_LONG,
        "Away from the office area beyond the set limit",
        "出入办公区超过规定时限",
        _CC32,
    ),
    _rule(
        WORKPLACE_DISORDER,
        "Loud talk, laughing, horseplay, visiting other posts or unrelated work",
        "大声喧哗、大笑、嬉戏、串岗或做与工作无关的事",
        _CC33,
    ),
    _rule(
        OFF_TASK_ON_DUTY,
        "Reading, chatting with the next desk or phone not on vibrate",
        "上班看书、与临台闲聊或手机未调振动",
        _CC34,
    ),
    _rule(
        NON_WORK_INTERNET,
        "Non-work QQ, games, films or websites",
        "上与工作无关的QQ、网络游戏、电影或网站",
        _CC35,
    ),
    _rule(
        PRIVATE_CALLS,
        "Long private calls on the department's phones",
        "用客服部固定电话长时间拨打私人电话",
        _CC36,
    ),
    _rule(
        UNTIDY_WORKSTATION,
        "Workstation not in order",
        "工作台不合规范",
        _cite("CC-37", "四.2–3; 五.3–4"),
    ),
    _rule(UNTIDY_APPEARANCE, "Untidy appearance", "仪表不整", _CC38),
)


def _item(item_id: str, en: str, zh_hans: str, cite: sc.Citation, code: str) -> sc.InspectionItem:
    return sc.InspectionItem(item_id, sc.Text.hans(en, zh_hans), cite, code=code)


# Checklists ------------------------------------------------------------------------------

#: CC-07 (一.7) 四个一样, CC-08 (二.3) and CC-09 (二.4): what a supervisor listening to an
#: agent's calls checks.
SERVICE = sc.InspectionChecklist(
    "service",
    sc.Text.hans("Service conduct", "服务规范"),
    (
        _item(
            "strangers-and-acquaintances",
            "The same for strangers and acquaintances",
            "生人熟人一个样",
            _CC07,
            UNEQUAL_SERVICE,
        ),
        _item(
            "inspected-or-not",
            "The same whether inspected or not",
            "有无检查一个样",
            _CC07,
            UNEQUAL_SERVICE,
        ),
        _item("busy-or-idle", "The same busy or idle", "工作忙闲一个样", _CC07, UNEQUAL_SERVICE),
        _item(
            "any-mood", "The same in a good or bad mood", "情绪好坏一个样", _CC07, UNEQUAL_SERVICE
        ),
        _item("polite", "Polite", "礼貌", _CC08, IMPROPER_SPEECH),
        _item("warm", "Warm", "亲切", _CC08, IMPROPER_SPEECH),
        _item("concise", "Concise", "简练", _CC08, IMPROPER_SPEECH),
        _item("clear", "Clear", "清晰", _CC08, IMPROPER_SPEECH),
        _item("patient", "Patient", "耐心", _CC08, IMPROPER_SPEECH),
        _item("thorough", "Thorough", "周到", _CC08, IMPROPER_SPEECH),
        _item(
            "customer-always-right",
            "Treats the customer as always right",
            "牢记“客户永远是对的”",
            _CC09,
            NOT_CUSTOMER_CENTRED,
        ),
        _item(
            "answers-promptly",
            "Reacts fast and answers promptly",
            "反应快、应答及时",
            _CC09,
            NOT_CUSTOMER_CENTRED,
        ),
    ),
)

#: CC-18 (三.3) 「仔细阅读主网站最新业务资讯、后台系统客服公告,及时了解业务变更及优惠政策,
#: 并做好推荐工作」, checked at the start of a shift.
SHIFT_START = sc.InspectionChecklist(
    "shift-start",
    sc.Text.hans("Start of shift", "班前准备"),
    (
        _item(
            "business-news-read",
            "Main website's latest business news read",
            "已阅读主网站最新业务资讯",
            _CC18,
            BRIEFING_NOT_READ,
        ),
        _item(
            "announcements-read",
            "Back-office CS announcements read",
            "已阅读后台系统客服公告",
            _CC18,
            BRIEFING_NOT_READ,
        ),
        _item(
            "changes-and-offers-known",
            "Knows the business changes and offers, and recommends them",
            "了解业务变更及优惠政策并做好推荐",
            _CC18,
            BRIEFING_NOT_READ,
        ),
    ),
)

#: On-duty discipline (二.5, 四.1, 四.5, 五.5–8): CC-31, CC-32, CC-33, CC-34, CC-14, CC-35,
#: CC-28 and CC-36.  CC-32's limit is not stated (AMB-06): the inspector judges the time
#: away against the department's own limit; an exception needs the duty manager.
ON_DUTY = sc.InspectionChecklist(
    "on-duty",
    sc.Text.hans("On-duty discipline", "现场纪律"),
    (
        _item(
            "at-post",
            "Does not leave the post without the manager's approval",
            "未经经理批准不擅离职守",
            _CC31,
            LEFT_POST,
        ),
        _item(
            "quiet-workplace",
            "No loud talk at the workplace",
            "工作场所内不大声喧哗",
            _CC31,
            WORKPLACE_DISORDER,
        ),
        _item(
            "time-away-within-limit",
            "Time away from the office area within the set limit (exceptions: duty manager)",
            "出入办公区不超过规定时限(特殊情况请示值班经理)",
            _CC32,
            AWAY_TOO_LONG,
        ),
        _item(
            "no-laughing-or-horseplay",
            "No loud laughing or horseplay",
            "不大笑、不嬉戏",
            _CC33,
            WORKPLACE_DISORDER,
        ),
        _item("no-post-visiting", "No visiting other posts", "不串岗", _CC33, WORKPLACE_DISORDER),
        _item(
            "work-only",
            "Nothing unrelated to work",
            "不做与工作无关的事",
            _CC33,
            WORKPLACE_DISORDER,
        ),
        _item("no-reading", "No reading on duty", "上班时间不看书", _CC34, OFF_TASK_ON_DUTY),
        _item(
            "no-chatting",
            "No chatting with the next desk (business talk excepted)",
            "不与临台闲聊(业务交流除外)",
            _CC34,
            OFF_TASK_ON_DUTY,
        ),
        _item(
            "phone-on-vibrate",
            "Mobile phone on vibrate",
            "手机铃声调为振动",
            _CC34,
            OFF_TASK_ON_DUTY,
        ),
        _item(
            "no-hanging-up",
            "Does not hang up on a caller",
            "不私挂用户电话",
            _CC14,
            HUNG_UP_ON_CALLER,
        ),
        _item(
            "no-non-work-qq",
            "No non-work QQ",
            "不上与工作无关的QQ",
            _CC35,
            NON_WORK_INTERNET,
        ),
        _item(
            "no-games-or-films",
            "No online games or films",
            "不玩网络游戏、不在线看电影",
            _CC35,
            NON_WORK_INTERNET,
        ),
        _item(
            "zhongpin-pages-only",
            "No websites other than 众品网 pages",
            "除众品网网页外不上其他无关网站",
            _CC35,
            NON_WORK_INTERNET,
        ),
        _item(
            "no-eating-on-calls",
            "No eating while on a call",
            "接打电话时不吃东西",
            _CC28,
            EATING_AT_POST,
        ),
        _item(
            "meals-outside-area",
            "On a double shift, meals outside the CS work area",
            "上连班吃饭离开客服部工作范围",
            _CC28,
            EATING_AT_POST,
        ),
        _item(
            "no-long-private-calls",
            "No long private calls on the department's fixed phones",
            "不用客服部固定电话长时间拨打私人电话",
            _CC36,
            PRIVATE_CALLS,
        ),
    ),
)


def _cc37(clause: str) -> sc.Citation:
    return _cite("CC-37", clause)


#: CC-37: the workstation's layout, 四.2–4 and 五.3–4, one item per point.
WORKSTATION = sc.InspectionChecklist(
    "workstation",
    sc.Text.hans("Workstation", "工作台"),
    (
        _item(
            "monitor-right",
            "Monitor on the right of the desk",
            "电脑显示器位于台面右侧",
            _cc37("四.2"),
            UNTIDY_WORKSTATION,
        ),
        _item(
            "headset-left",
            "Headset hung on the left",
            "耳机悬挂于机台左侧",
            _cc37("四.2"),
            UNTIDY_WORKSTATION,
        ),
        _item(
            "notebook-in-place",
            "Notebook in its fixed place",
            "记事本统一放置同位",
            _cc37("四.3"),
            UNTIDY_WORKSTATION,
        ),
        _item(
            "nothing-unrelated",
            "Desk tidy, nothing unrelated to work on it",
            "台面整洁，不摆放与工作无关的物品",
            _cc37("五.3"),
            UNTIDY_WORKSTATION,
        ),
        _item(
            "chair-in-place",
            "Chair, desk and things put back after leaving the seat",
            "离座后桌椅、物品及时归位",
            _cc37("四.4"),
            UNTIDY_WORKSTATION,
        ),
        _item(
            "keyboard-in-drawer",
            "Keyboard pushed into the drawer when away",
            "离台时键盘推入抽屉",
            _cc37("五.4"),
            UNTIDY_WORKSTATION,
        ),
        _item(
            "equipment-not-moved",
            "Chair, keyboard and computer not moved",
            "椅子、键盘、电脑不随意移动",
            _cc37("五.4"),
            UNTIDY_WORKSTATION,
        ),
        _item(
            "no-scribbling",
            "No scribbling on the equipment",
            "不在设备处乱涂乱画",
            _cc37("五.4"),
            UNTIDY_WORKSTATION,
        ),
    ),
)

#: CC-20 (六.6) 「公共卫生区域打扫由晚班人员负责,个人位置桌面卫生定期由个人负责」: the
#: shared areas are checked against the night (晚班) agent, the desk against everyone.
HYGIENE = sc.InspectionChecklist(
    "hygiene",
    sc.Text.hans("Cleaning duty", "卫生责任"),
    (
        _item(
            "shared-areas-cleaned",
            "Night shift: shared areas cleaned",
            "晚班：公共卫生区域已打扫",
            _CC20,
            HYGIENE_DUTY_NEGLECTED,
        ),
        _item(
            "own-desk-clean",
            "Own desk clean",
            "个人位置桌面卫生",
            _CC20,
            HYGIENE_DUTY_NEGLECTED,
        ),
    ),
)

#: CC-38 (六.3–4) 「着装整洁、卫生,长发要束发」「不皱巴、不缺残、不挽袖,画淡装上岗」
#: (画淡装 = 化淡妆, AMB-07).
APPEARANCE = sc.InspectionChecklist(
    "appearance",
    sc.Text.hans("Appearance", "仪表"),
    (
        _item("clean-clothes", "Clothes clean", "着装整洁、卫生", _CC38, UNTIDY_APPEARANCE),
        _item("not-creased", "Clothes not creased", "不皱巴", _CC38, UNTIDY_APPEARANCE),
        _item("not-torn", "Clothes not torn or missing parts", "不缺残", _CC38, UNTIDY_APPEARANCE),
        _item("sleeves-down", "Sleeves not rolled up", "不挽袖", _CC38, UNTIDY_APPEARANCE),
        _item("long-hair-tied", "Long hair tied up", "长发束发", _CC38, UNTIDY_APPEARANCE),
        _item("light-make-up", "Light make-up", "化淡妆上岗", _CC38, UNTIDY_APPEARANCE),
    ),
)

#: Every checklist, in the order of a working day: shift start, service, on duty,
#: workstation, cleaning, appearance.
CHECKLISTS: tuple[sc.InspectionChecklist, ...] = (
    SHIFT_START,
    SERVICE,
    ON_DUTY,
    WORKSTATION,
    HYGIENE,
    APPEARANCE,
)
