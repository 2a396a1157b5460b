"""servicecodex plugin for a hospital's customer-service department (医院客服部).

The sources are ``001_325a34c4dc26078d.txt``'s "客服管理规章制度 2" (篇2: 一 仪容仪表 … 六
请休假制度; the same text, in traditional script with identical numbers, is
``002_3a168efc31004a78.txt``'s "第三篇:客服規章制度", AMB-02) and "客服管理规章制度 4" (篇4:
the consultation hotline).  Both articles are read as one hospital's CS department
(AMB-14).  Rule ids ``HD-xx`` are those of the servicecodex rules catalogue; every record
cites the rule and the clause it comes from (``Citation("HD-01", "001 篇2 一.6")``).

It covers the profile, the penalties, the courtesy phrases and the shifts:

* HD-01: the department head checks appearance before each shift; each breach of the
  department's rules found costs 10 yuan;
* HD-02: the uniform worn outside the hospital or into the canteen costs 20 yuan;
* courtesy (HD-09, HD-11, HD-13 … HD-20, 篇2 三.13 and 四 言谈礼节): a zh_Hans phrase book
  (zh_Hant is derived by servicecodex) with "您好" in the agent's first turn, "请慢走" and
  "祝您健康" in the last, "不用谢" in reply to thanks, the two hold phrases, the
  recommended "请", "谢谢", forms of address and directions (AMB-11), and the forbidden
  "他", "欢迎再来", "喂", "不知道", "不关我的事" and coarse language, each with the
  contexts that excuse it ("喂养", "其他" …).  Where the clause gives no words (HD-09's
  greeting, HD-11's coarse words, HD-18's "之类的话", the replacements of HD-18), the
  words are the plugin's reading, said so where they are defined;
* shifts, attendance and leave (HD-22 … HD-30, ``servicecodex_shift_policy``): shifts A,
  B, C as AMB-10 reads the table (C's dinner 17:30–18:00 an assumption), one rest day a
  week (HD-26) and the month's rest days within the month (HD-27: at least 4, a breach
  flagged for the leadership's decision), no lateness or early leaving (HD-25, no fine),
  the eight leave types of an open list (HD-28), approved and filed before the leave
  starts with no minimum notice (HD-29, AMB-12), emergencies phoned in within 24 hours
  with the paperwork on the day of return (HD-30).

* the consultation hotline (HD-31 … HD-38, ``servicecodex_service_levels``, module
  ``_contacts``): phone, 商务通 and QQ; consultations answered, explained and registered,
  calls for an expert transferred; the registers of consultations (general and targeted
  registration), visits and reference data; monthly statistics and the arrival rate
  (AMB-13); the follow-up call to each day's patients, 1 to 3 days after the visit (the
  plugin's period, AMB-13).

* appearance, deportment and speech seen by the department head (HD-03 … HD-08, HD-10,
  HD-12, HD-21, with HD-09's gesture and HD-11's voice): three inspection checklists on the
  penalty schedule.  ``appearance`` (一 仪容仪表 and 二 衣着, walked at the pre-shift check
  of 一.6) fines each failed item 10 yuan under HD-01; ``deportment`` (三 举止) and
  ``speech`` (四 言谈礼节) record each failed item under a code of its rule with no fine,
  篇2 naming none.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from types import MappingProxyType

import servicecodex as sc
from servicecodex_hospital_desk._contacts import (
    ARRIVAL_RATE,
    CASE_RULES,
    CHANNELS,
    CONSULTATION,
    CONSULTATIONS,
    EXPERT,
    FOLLOW_UP,
    FOLLOW_UP_DAYS,
    FOLLOW_UP_TOLERANCE,
    GENERAL_FIELDS,
    REFERENCE_DATA,
    REFERENCE_TOPICS,
    REGISTERS,
    SERVICE_LEVELS,
    STATISTICS,
    STATISTICS_INTERVAL,
    TARGETED,
    TARGETED_FIELDS,
    VISITS,
    WORKFLOW,
    arrival_rate,
    follow_up_rule,
    missing_general_fields,
    schedule_follow_ups,
    service_levels,
    statistics_report,
)

__all__ = [
    "APPEARANCE_BREACH",
    "APPEARANCE_CHECK",
    "ARRIVAL_RATE",
    "ATTENDANCE_POLICY",
    "CASE_RULES",
    "CHANNELS",
    "CONSULTATION",
    "CONSULTATIONS",
    "CURRENCY",
    "DEPORTMENT",
    "DEPORTMENT_CHECK",
    "DIRECTIONS",
    "EXPERT",
    "FOLLOW_UP",
    "FOLLOW_UP_DAYS",
    "FOLLOW_UP_TOLERANCE",
    "GENERAL_FIELDS",
    "INATTENTIVE",
    "INSPECTION_CHECKLISTS",
    "LEAVE_POLICY",
    "LEAVE_TYPES",
    "MONTHLY_REST",
    "NOT_ACKNOWLEDGED",
    "NO_MANDARIN",
    "PENALTY_RULES",
    "PENALTY_SCHEDULE",
    "PERSONAL_PHONE",
    "PHRASE_BOOK",
    "PHRASE_ENTRIES",
    "PLUGIN_ID",
    "PROFILE",
    "REFERENCE_DATA",
    "REFERENCE_TOPICS",
    "REGISTERS",
    "SERVICE_LEVELS",
    "SHIFT_A",
    "SHIFT_B",
    "SHIFT_C",
    "SHIFT_PATTERNS",
    "SHIFT_POLICY",
    "SPEECH_CHECK",
    "STATISTICS",
    "STATISTICS_INTERVAL",
    "TARGETED",
    "TARGETED_FIELDS",
    "UNIFORM_OUTSIDE",
    "VISITS",
    "VOICE",
    "WEEKLY_REST",
    "WHISPERING",
    "WORKFLOW",
    "arrival_rate",
    "follow_up_rule",
    "leave_policy",
    "leave_type",
    "missing_general_fields",
    "schedule_follow_ups",
    "service_levels",
    "servicecodex_courtesy_phrases",
    "servicecodex_organization_profile",
    "servicecodex_penalty_schedule",
    "servicecodex_service_levels",
    "servicecodex_shift_policy",
    "shift_policy",
    "statistics_report",
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

# Deportment and speech: recorded, no fine (HD-07 … HD-12, HD-21) ---------------------------
#
# 篇2 三 举止 and 四 言谈礼节 name no fine: a failed inspection item of theirs is recorded
# on the ledger under its rule's code with no amount ("no fixed fine"), for the appraisal
# and the department head's talk; HD-01's 10 yuan is the pre-shift check's (一.6).

#: HD-07's code: a deportment prohibition of 三.3–10 or 三.12 broken on duty.
DEPORTMENT = "deportment"
#: HD-08's code: no smile, no eye contact and nod, or no attention for a patient.
INATTENTIVE = "inattentive"
#: HD-09's code: a patient approaching a busy desk not acknowledged at once.
NOT_ACKNOWLEDGED = "not-acknowledged"
#: HD-10's code: a mobile phone, text messages, a magazine or earphones at work.
PERSONAL_PHONE = "personal-phone"
#: HD-11's code: an affected or over-loud voice.
VOICE = "voice"
#: HD-12's code: no Mandarin during working hours.
NO_MANDARIN = "no-mandarin"
#: HD-21's code: gesticulating, huddling or whispering in front of patients.
WHISPERING = "whispering"


def _recorded(code: str, en: str, zh: str, cite: sc.Citation) -> sc.PenaltyRule:
    """A penalty rule with no fine: 篇2 forbids it and names no amount."""
    return sc.PenaltyRule(code, sc.Text(en=en, zh_Hans=zh), cite)


_UNFINED: tuple[sc.PenaltyRule, ...] = (
    _recorded(
        DEPORTMENT, "Deportment breach on duty", "上班举止不端", _cite("HD-07", "三.3–10, 三.12")
    ),
    _recorded(
        INATTENTIVE,
        "No smile, eye contact or full attention for a patient",
        "未微笑服务、注视应答、用心倾听",
        _cite("HD-08", "三.1–2, 三.11"),
    ),
    _recorded(
        NOT_ACKNOWLEDGED,
        "An approaching patient not acknowledged at once",
        "新病人走近未立即示意",
        _cite("HD-09", "三.13"),
    ),
    _recorded(
        PERSONAL_PHONE,
        "Mobile phone, text messages, magazine or earphones at work",
        "工作时间接听手机、发短信、看杂志、听耳机",
        _cite("HD-10", "三.14"),
    ),
    _recorded(VOICE, "Affected or over-loud voice", "装腔作势、音量过高", _cite("HD-11", "四.1")),
    _recorded(
        NO_MANDARIN,
        "No Mandarin during working hours",
        "上班时间未讲普通话",
        _cite("HD-12", "四.3"),
    ),
    _recorded(
        WHISPERING,
        "Gesticulating, huddling or whispering in front of patients",
        "在病人面前指手划脚、交头接耳、窃窃私语",
        _cite("HD-21", "四.11"),
    ),
)
#: HD-01, HD-02 (fined), then the rules recorded with no fine (HD-07 … HD-12, HD-21).
PENALTY_RULES: tuple[sc.PenaltyRule, ...] = (_HD01, _HD02, *_UNFINED)

# Inspection checklists (HD-03 … HD-12, HD-21) ----------------------------------------------


def _item(
    item_id: str, en: str, zh: str, rule_id: str, clause: str, code: str
) -> sc.InspectionItem:
    return sc.InspectionItem(item_id, sc.Text(en=en, zh_Hans=zh), _cite(rule_id, clause), code)


_A = APPEARANCE_BREACH
#: 一.6 「上班前由部门负责人检查仪表、仪容。如有违反部门规定一次罚款十元」: the department
#: head's pre-shift check of 一 仪容仪表 1–5 and of the dress of 二 衣着 1, 3, 4 (仪表 is
#: the dress too; 二.1 repeats 一.4's scarf, head flower and shoes).  Each failed item is
#: one breach, 10 yuan (HD-01).  二.2, the uniform outside, is seen elsewhere (HD-02).
APPEARANCE_CHECK = sc.InspectionChecklist(
    "appearance",
    sc.Text(en="Pre-shift appearance check", zh_Hans="上班前仪表仪容检查"),
    (
        _item(
            "clean",
            "face and hands clean, hair tidy",
            "面部手部清洁，梳理整洁",
            "HD-03",
            "一.1",
            _A,
        ),
        _item(
            "no-odour",
            "mouth clean; no strong-smelling food (spring onion, garlic) before work",
            "口腔清洁，上班前不吃异味食物（如葱、蒜）",
            "HD-03",
            "一.2",
            _A,
        ),
        _item("make-up", "light make-up", "化淡妆", "HD-04", "一.3", _A),
        _item(
            "no-jewellery",
            "no necklace, earrings, rings or other jewellery",
            "不佩带项链、耳环、戒指等饰物",
            "HD-04",
            "一.3",
            _A,
        ),
        _item(
            "nails",
            "no long nails; transparent nail polish only",
            "不留长指甲，只涂透明指甲油",
            "HD-04",
            "一.3",
            _A,
        ),
        _item(
            "badge-scarf-flower-shoes",
            "badge, silk scarf, head flower and work shoes worn, all straight",
            "佩带胸牌、丝巾、头花、工作鞋，不歪歪扭扭",
            "HD-05",
            "一.4",
            _A,
        ),
        _item(
            "posture",
            "upright and steady: no leaning, no crossed legs; no loud talk, laughing or "
            "arm-in-arm while walking",
            "站坐姿势端正，不东倚西靠，不翘二郎腿，行走间不大声喧哗、说笑、勾肩搭背",
            "HD-07",
            "一.5",
            _A,
        ),
        _item(
            "uniform",
            "uniform and long stockings worn; uniform clean, tidy and pressed",
            "穿工作服、长筒袜，工作服干净整齐、笔挺",
            "HD-06",
            "二.1",
            _A,
        ),
        _item(
            "stockings",
            "stockings close to skin colour, without holes",
            "长筒袜袜色接近肤色，无破洞",
            "HD-06",
            "二.1",
            _A,
        ),
        _item(
            "buttons-sleeves",
            "buttons done up, sleeves not rolled",
            "纽扣扣好，不卷衣袖",
            "HD-06",
            "二.3",
            _A,
        ),
        _item(
            "pockets",
            "nothing (a phone …) bulging in the pockets",
            "衣兜不装手机等物品显得鼓起",
            "HD-06",
            "二.4",
            _A,
        ),
    ),
)
#: 三 举止, seen on duty: no fine (each failed item recorded under its rule's code).
DEPORTMENT_CHECK = sc.InspectionChecklist(
    "deportment",
    sc.Text(en="Deportment on duty", zh_Hans="举止"),
    (
        _item(
            "smile",
            "smiles; warm, friendly and sincere with patients",
            "微笑服务，热情亲切、友好真诚",
            "HD-08",
            "三.1",
            INATTENTIVE,
        ),
        _item(
            "eye-contact",
            "looks at the patient or family member, nods and responds",
            "注视对方，频频点头有应答",
            "HD-08",
            "三.2",
            INATTENTIVE,
        ),
        _item(
            "hands",
            "no hands on hips, folded or in pockets; no scratching, ear or nose picking, desk "
            "tapping or fiddling",
            "不叉腰、不交叉胸前、不手插兜，不抓头、挠痒、挖耳、抠鼻孔、敲桌、玩弄物品",
            "HD-07",
            "三.3",
            DEPORTMENT,
        ),
        _item(
            "no-running",
            "walks quickly and lightly, never runs",
            "步态快、轻盈，不跑步",
            "HD-07",
            "三.4",
            DEPORTMENT,
        ),
        _item(
            "no-humming",
            "no humming, whistling or stamping",
            "不哼歌曲、吹口哨、跺脚",
            "HD-07",
            "三.5",
            DEPORTMENT,
        ),
        _item(
            "no-spitting",
            "no spitting or littering",
            "不随地吐痰、乱扔杂物",
            "HD-07",
            "三.6",
            DEPORTMENT,
        ),
        _item(
            "personal-things",
            "no tidying personal things in front of patients",
            "不在病人面前整理个人物品",
            "HD-07",
            "三.7",
            DEPORTMENT,
        ),
        _item(
            "cough",
            "turns away and covers the mouth with a handkerchief to cough or sneeze",
            "咳嗽、打喷嚏转身、用手帕遮嘴",
            "HD-07",
            "三.8",
            DEPORTMENT,
        ),
        _item(
            "no-smoking",
            "no smoking or snacking at work",
            "上班不吸烟、不吃零食",
            "HD-07",
            "三.9",
            DEPORTMENT,
        ),
        _item(
            "no-pointing",
            "no pointing with a pen or finger",
            "不用笔杆、手指指点点",
            "HD-07",
            "三.10",
            DEPORTMENT,
        ),
        _item(
            "listening",
            "listens with full attention, not looking around",
            "全神贯注用心倾听，不东张西望",
            "HD-08",
            "三.11",
            INATTENTIVE,
        ),
        _item(
            "expression",
            "no impatience, coldness, hardness, nerves or fear; no faces",
            "不流露厌烦、冷淡、强硬、紧张、恐惧的表情，不做鬼脸",
            "HD-07",
            "三.12",
            DEPORTMENT,
        ),
        _item(
            "acknowledge",
            "a newly approaching patient acknowledged at once, even while busy or on the phone",
            "新病人走近立即示意，即使正在工作或接打电话",
            "HD-09",
            "三.13",
            NOT_ACKNOWLEDGED,
        ),
        _item(
            "no-phone",
            "no mobile phone, text messages, magazines or earphones",
            "不接听手机、发短信、看杂志、听耳机",
            "HD-10",
            "三.14",
            PERSONAL_PHONE,
        ),
    ),
)
#: 四 言谈礼节, what is heard but is no phrase: no fine either.
SPEECH_CHECK = sc.InspectionChecklist(
    "speech",
    sc.Text(en="Speech", zh_Hans="言谈礼节"),
    (
        _item(
            "voice",
            "natural, clear, gentle voice; not affected, not too loud",
            "声调自然清晰、柔和亲切，不装腔作势、音量过高",
            "HD-11",
            "四.1",
            VOICE,
        ),
        _item(
            "mandarin", "speaks Mandarin at work", "上班时间讲普通话", "HD-12", "四.3", NO_MANDARIN
        ),
        _item(
            "no-whispering",
            "no gesticulating, huddling or whispering in front of patients",
            "在病人面前不指手划脚、交头接耳、窃窃私语",
            "HD-21",
            "四.11",
            WHISPERING,
        ),
    ),
)
#: The three checklists, in the source's order (一/二, 三, 四).
INSPECTION_CHECKLISTS: tuple[sc.InspectionChecklist, ...] = (
    APPEARANCE_CHECK,
    DEPORTMENT_CHECK,
    SPEECH_CHECK,
)
#: The department's fines, in yuan; no points, no warnings, no escalation; the rules of
#: 三 and 四 recorded with no fine; the three inspection checklists.
PENALTY_SCHEDULE = sc.PenaltySchedule(CURRENCY, PENALTY_RULES, checklists=INSPECTION_CHECKLISTS)

# Courtesy phrases (HD-09, HD-11, HD-13 … HD-20) -------------------------------------------
#
# 篇2 四 「言谈礼节」 and 三.13, in simplified script as 001 prints them (AMB-02: 002 第三篇
# is the same text).  Matching folds script, width, case, spaces and punctuation, so the
# zh_Hant book servicecodex derives, and agents typing in either script, match the same.

_REQUIRED = sc.PhraseKind.REQUIRED
_RECOMMENDED = sc.PhraseKind.RECOMMENDED
_FORBIDDEN = sc.PhraseKind.FORBIDDEN
_ANY = sc.Scenario.ANY

#: HD-09: 「如有新病人走近应立即示意,表示已看到来临,不得无表示或等病人先开口」.  In a
#: transcript, acknowledging the patient at once is greeting them in the agent's first
#: turn; the clause names no words, "您好" is the plugin's reading.
_HD09 = sc.PhraseEntry(
    "您好",
    _REQUIRED,
    sc.Scenario.GREETING,
    _cite("HD-09", "三.13"),
    placement=sc.Placement.FIRST_TURN,
)
#: HD-11: 「不准讲粗言碎语」.  The clause lists no words: these coarse words are the
#: plugin's reading, chosen so that none is also a word of the wards ("放屁" and
#: "神经病" are left out: a nurse asks the one and names the other).
_HD11 = sc.PhraseEntry(
    "他妈的",
    _FORBIDDEN,
    _ANY,
    _cite("HD-11", "四.2"),
    alternatives=("滚蛋", "滚开", "闭嘴", "混蛋", "笨蛋", "白痴", "傻逼", "废话"),
)
#: HD-13: 「提倡使用文明用语:请、谢谢」, recommended.
_HD13_PLEASE = sc.PhraseEntry("请", _RECOMMENDED, _ANY, _cite("HD-13", "四.4"))
_HD13_THANKS = sc.PhraseEntry("谢谢", _RECOMMENDED, sc.Scenario.THANKS, _cite("HD-13", "四.4"))
#: HD-14: 「要称就医着(者, AMB-09)姓氏,未知名要称先生、小姐、女士等」: the forms of address,
#: recommended (the surname, which comes first, is no fixed phrase).
_HD14 = sc.PhraseEntry(
    "先生", _RECOMMENDED, _ANY, _cite("HD-14", "四.5"), alternatives=("小姐", "女士")
)
#: HD-15: 「称"第三者"时,不用他,而用那位先生、小姐等」.  Spoken, 他 and 她 are one word
#: (tā): both are forbidden.  Excused: words in which the character is no pronoun for a
#: third person (其他 "other", 他人 "others"), the plurals 他们 / 她们 (the clause is about
#: one third person; 那位先生 has no plural) and 他妈的, which is HD-11's.
_HD15 = sc.PhraseEntry(
    "他",
    _FORBIDDEN,
    _ANY,
    _cite("HD-15", "四.6"),
    alternatives=("她",),
    instead="那位先生 / 那位小姐",
    unless=("其他", "他人", "他们", "她们", "他妈的"),
)
#: HD-15's own words for a third person, recommended.
_HD15_INSTEAD = sc.PhraseEntry(
    "那位先生",
    _RECOMMENDED,
    _ANY,
    _cite("HD-15", "四.6"),
    alternatives=("那位小姐", "那位女士"),
)
#: HD-16: 「对方讲谢谢要答"不用谢",不得毫无反应」: required in the agent's answer to a
#: customer's thanks (谢谢, or the plugin's 多谢, 感谢).
_HD16 = sc.PhraseEntry(
    "不用谢",
    _REQUIRED,
    sc.Scenario.THANKS,
    _cite("HD-16", "四.7"),
    placement=sc.Placement.REPLY,
    cue=("谢谢", "多谢", "感谢"),
)
#: HD-17: 「要来有迎声,走有送声,讲"请慢走""祝您健康"不得讲"欢迎再来"」: both phrases in the
#: agent's last turn.
_HD17_WALK = sc.PhraseEntry(
    "请慢走",
    _REQUIRED,
    sc.Scenario.FAREWELL,
    _cite("HD-17", "四.8"),
    placement=sc.Placement.LAST_TURN,
)
_HD17_HEALTH = sc.PhraseEntry(
    "祝您健康",
    _REQUIRED,
    sc.Scenario.FAREWELL,
    _cite("HD-17", "四.8"),
    placement=sc.Placement.LAST_TURN,
)
#: HD-17's forbidden farewell: nobody is wished back to hospital.  "欢迎再来" is the
#: source's; the other wordings of the same wish are the plugin's reading.  (A retailer
#: says "欢迎下次光临", AMB-15: phrase lists are per plugin.)
_HD17_FORBIDDEN = sc.PhraseEntry(
    "欢迎再来",
    _FORBIDDEN,
    sc.Scenario.FAREWELL,
    _cite("HD-17", "四.8"),
    alternatives=("欢迎您再来", "欢迎下次再来", "欢迎您下次再来", "欢迎下次光临", "欢迎再次光临"),
    instead="请慢走，祝您健康",
)
#: HD-18: 「任何时候,不准讲"喂、不知道、不关我的事"之类的话」.  The replacements are the
#: plugin's suggestion; the source gives none.  喂 is excused where it means feeding
#: (喂养, 喂奶, 喂药, 喂饭: a desk explains how to give medicine).
_HD18_WEI = sc.PhraseEntry(
    "喂",
    _FORBIDDEN,
    _ANY,
    _cite("HD-18", "四.9"),
    instead="您好",
    unless=("喂养", "喂奶", "喂药", "喂饭"),
)
#: 不知道 is excused in the polite "不知道您是否…" ("I wonder whether you …") and in "如果 /
#: 要是不知道…" ("if you don't know …"), where nobody is brushed off.
_HD18_DONT_KNOW = sc.PhraseEntry(
    "不知道",
    _FORBIDDEN,
    _ANY,
    _cite("HD-18", "四.9"),
    instead="我帮您问一下",
    unless=("不知道您是否", "如果不知道", "要是不知道"),
)
#: 不关我的事 and, for "之类的话", the plugin's reading of the like: 不归我管, 与我无关,
#: 跟我没关系.
_HD18_NOT_MINE = sc.PhraseEntry(
    "不关我的事",
    _FORBIDDEN,
    _ANY,
    _cite("HD-18", "四.9"),
    alternatives=("不归我管", "与我无关", "跟我没关系"),
    instead="我帮您问一下",
)
#: HD-19: 「正与病人交谈中途要离开时,要讲"对不起,我稍后回来",回来时要讲"对不起,让您久等了"」:
#: both required in a transcript that declares the hold scenario.
_HD19_LEAVE = sc.PhraseEntry(
    "对不起，我稍后回来", _REQUIRED, sc.Scenario.HOLD, _cite("HD-19", "四.10")
)
_HD19_BACK = sc.PhraseEntry(
    "对不起，让您久等了", _REQUIRED, sc.Scenario.HOLD, _cite("HD-19", "四.10")
)


def _direction(phrase: str, *alternatives: str) -> sc.PhraseEntry:
    return sc.PhraseEntry(
        phrase, _RECOMMENDED, _ANY, _cite("HD-20", "四.12"), alternatives=alternatives
    )


#: HD-20: 「病人挂完号,划完价,交完款、取完药,请指引说"请您去诊室、请您去交费、请您去取药、
#: 请您去注射室"等」.  AMB-11: each step is paired with the phrase in the same position
#: (registered → 诊室, priced → 交费, paid → 取药, medicine collected → 注射室), and the
#: agent picks another when the patient's next step differs, so the phrases are
#: recommended, never required.  Keys: the step just done.  "缴费" is today's spelling of
#: 交费 and counts the same.
DIRECTIONS: Mapping[str, sc.PhraseEntry] = MappingProxyType(
    {
        "registered": _direction("请您去诊室"),
        "priced": _direction("请您去交费", "请您去缴费"),
        "paid": _direction("请您去取药"),
        "medicine-collected": _direction("请您去注射室"),
    }
)

#: Every courtesy entry, in the order of the rules: HD-09, HD-11, HD-13 … HD-20.
PHRASE_ENTRIES: tuple[sc.PhraseEntry, ...] = (
    _HD09,
    _HD11,
    _HD13_PLEASE,
    _HD13_THANKS,
    _HD14,
    _HD15,
    _HD15_INSTEAD,
    _HD16,
    _HD17_WALK,
    _HD17_HEALTH,
    _HD17_FORBIDDEN,
    _HD18_WEI,
    _HD18_DONT_KNOW,
    _HD18_NOT_MINE,
    _HD19_LEAVE,
    _HD19_BACK,
    *DIRECTIONS.values(),
)
#: The department's phrase book, in the source's simplified script; no roles (篇2 has one
#: desk).  The hook gives it for zh_Hans; servicecodex converts it for zh_Hant.
PHRASE_BOOK = sc.PhraseBook("zh_Hans", PHRASE_ENTRIES)

# Shifts, attendance and leave (HD-22 … HD-30) ------------------------------------------
#
# 篇2 五 「班次及上下班时间」 is a table (columns 上班 / 午饭 / 上班 / 晚饭 / 下班) printed with
# 12-hour times run together; AMB-10 gives its reading.  六 「请休假制度」 refers the leave
# procedure to a 《员工手册》 that is not included (AMB-12).


def _clock(hour: int, minute: int = 0) -> _dt.time:
    return _dt.time(hour, minute)


_LUNCH = sc.Text(en="lunch", zh_Hans="午饭")
_DINNER = sc.Text(en="dinner", zh_Hans="晚饭")

#: HD-22, row A 「8:00~6:00 12:00吃饭 2:00上班 6:00下班」: 08:00–18:00, lunch 12:00–14:00.
SHIFT_A = sc.ShiftPattern(
    "a",
    sc.Text(en="Shift A", zh_Hans="A班"),
    _clock(8),
    _clock(18),
    _cite("HD-22", "五"),
    breaks=(sc.Break(_clock(12), _clock(14), _LUNCH),),
)
#: HD-23, row B 「8:00~4:00 11:30吃饭 12:00上班 4:00下班」: 08:00–16:00, lunch 11:30–12:00.
SHIFT_B = sc.ShiftPattern(
    "b",
    sc.Text(en="Shift B", zh_Hans="B班"),
    _clock(8),
    _clock(16),
    _cite("HD-23", "五"),
    breaks=(sc.Break(_clock(11, 30), _clock(12), _LUNCH),),
)
#: HD-24, row C 「12:00~8:00 11:30吃饭 12:00上班 5:30吃饭 8:00下班」: 12:00–20:00.  AMB-10: the
#: row's "11:30 lunch, 12:00 start" lies before the shift (copied from row B), so no lunch
#: inside it; dinner at 17:30 has no return time, and **17:30–18:00 (30 minutes, as row B's
#: meal) is an assumption** of the catalogue's default, not the source's.
SHIFT_C = sc.ShiftPattern(
    "c",
    sc.Text(en="Shift C", zh_Hans="C班"),
    _clock(12),
    _clock(20),
    _cite("HD-24", "五"),
    breaks=(sc.Break(_clock(17, 30), _clock(18), _DINNER),),
)
#: HD-22, HD-23, HD-24 in the table's order.
SHIFT_PATTERNS: tuple[sc.ShiftPattern, ...] = (SHIFT_A, SHIFT_B, SHIFT_C)

#: HD-26, 六.1 「员工休假规定每周轮休一天,具体有部门负责人根据工作安排确定,个人不得私自更改」: at
#: least one day without a shift in each week (Monday to Sunday).  Which day is the
#: department head's: the rota the head draws sets it.
WEEKLY_REST = sc.RestDays(1, sc.RestPer.WEEK, _cite("HD-26", "六.1"))
#: HD-27, 六.1 「假期当月轮休完毕。因工作关系安排不完休假的,可由院领导研究另行解决」: the rest
#: days are taken within the month, none carried over (AMB-12).  The plugin's reading: one
#: rest day a week taken within the month is at least 4 in every calendar month (28 to 31
#: days hold 4 whole weeks).  A breach names no penalty: it is the flag for manual decision
#: by the hospital's leadership (院领导研究另行解决).
MONTHLY_REST = sc.RestDays(4, sc.RestPer.MONTH, _cite("HD-27", "六.1"))

#: HD-25, 五 「客服部每位员工把表调好,班次记好,不允许迟到早退」: late from the first minute and
#: early leaving from the first minute (no grace); absence without approved leave is
#: reported too.  篇2 sets no fine for any of them and no make-up punch, so the days carry
#: no penalty code (HD-01's 10 yuan is the pre-shift appearance check's, 一.6).
ATTENDANCE_POLICY = sc.AttendancePolicy(_cite("HD-25", "五"), grace=_dt.timedelta(0))

_HD28 = _cite("HD-28", "六.2")


def leave_type(id: str, name: sc.Text) -> sc.LeaveType:
    """A leave type of HD-28's open list (「…及工伤假等」), cited HD-28: the hospital adds
    the types its 《员工手册》 grants (年假, say) with this and :func:`leave_policy`."""
    return sc.LeaveType(id, name, _HD28)


#: HD-28, 六.2 「事假、病假、婚假、产假、丧假、换休假、带薪假及工伤假等」, in the source's order.
#: The list is open (「等」): :func:`leave_policy` takes more.
LEAVE_TYPES: tuple[sc.LeaveType, ...] = tuple(
    leave_type(type_id, sc.Text(en=en, zh_Hans=zh))
    for type_id, en, zh in (
        ("personal", "Personal leave", "事假"),
        ("sick", "Sick leave", "病假"),
        ("marriage", "Marriage leave", "婚假"),
        ("maternity", "Maternity leave", "产假"),
        ("bereavement", "Bereavement leave", "丧假"),
        ("in-lieu", "Time off in lieu", "换休假"),
        ("paid", "Paid leave", "带薪假"),
        ("work-injury", "Work-injury leave", "工伤假"),
    )
)

_HD29 = _cite("HD-29", "六.2")
_HD30 = _cite("HD-30", "六.2")


def leave_policy(more_types: Iterable[sc.LeaveType] = ()) -> sc.LeavePolicy:
    """HD-28's leave types (and *more_types*, HD-28's list being open), reviewed under
    HD-29 and HD-30 with AMB-12's defaults:

    * HD-29 「请假应事先按请假报批程序」: approved (``approved_by``), and filed before the
      first day starts, with no minimum notice (the procedure is in a 《员工手册》 not
      included);
    * HD-30 「应及时(24小时内)电话告知部门负责人,经同意方能休假,并在上班当天及时补办请假
      手续」: an emergency is phoned in within 24 hours of the first day's start, still
      approved (经同意), and its paperwork is done on the day of return.

    :raises servicecodex.PolicyError: a type whose id is already taken.
    """
    return sc.LeavePolicy(
        (*LEAVE_TYPES, *more_types),
        approval=_HD29,
        notice_cite=_HD29,
        notice=_dt.timedelta(0),
        emergency=_HD30,
        emergency_report_within=_dt.timedelta(hours=24),
    )


#: HD-28, HD-29, HD-30: the eight types and the review rules.
LEAVE_POLICY = leave_policy()


def shift_policy(more_leave_types: Iterable[sc.LeaveType] = ()) -> sc.ShiftPolicy:
    """The desk's shift policy: shifts A, B, C (HD-22 … HD-24), one rest day a week
    (HD-26) and 4 a month (HD-27), attendance (HD-25) and leave (HD-28 … HD-30, with
    *more_leave_types*).  篇2 sets no minimum cover, meal rotation, weekly event, swap or
    handover rule, so none is checked."""
    return sc.ShiftPolicy(
        SHIFT_PATTERNS,
        rest=(WEEKLY_REST, MONTHLY_REST),
        attendance=ATTENDANCE_POLICY,
        leave=leave_policy(more_leave_types),
    )


#: The policy ``servicecodex_shift_policy`` answers: HD-22 … HD-30 as above.
SHIFT_POLICY = shift_policy()

# Hooks -----------------------------------------------------------------------------------


@sc.hookimpl
def servicecodex_organization_profile() -> sc.OrganizationProfile:
    """The hospital's CS department: zh_Hans_CN, Asia/Shanghai, CNY, China's holidays."""
    return PROFILE


@sc.hookimpl
def servicecodex_penalty_schedule() -> sc.PenaltySchedule:
    """HD-01 (10 yuan per appearance breach), HD-02 (20 yuan for the uniform outside), the
    rules of 三 and 四 recorded with no fine, and the three inspection checklists."""
    return PENALTY_SCHEDULE


@sc.hookimpl
def servicecodex_shift_policy() -> sc.ShiftPolicy:
    """HD-22 … HD-30: shifts A, B, C (AMB-10), a rotating rest day a week and the month's
    rest days within the month, no lateness or early leaving, and the leave types with
    their approval and emergency rules (AMB-12)."""
    return SHIFT_POLICY


@sc.hookimpl
def servicecodex_courtesy_phrases(locale: str) -> sc.PhraseBook | None:
    """HD-09, HD-11, HD-13 … HD-20: the zh_Hans book (``PHRASE_BOOK``); servicecodex derives
    zh_Hant from it, and there is no English book (the desk speaks Mandarin, HD-12)."""
    return PHRASE_BOOK if locale == PHRASE_BOOK.locale else None


@sc.hookimpl
def servicecodex_service_levels() -> sc.ServiceLevelPolicy:
    """HD-31 … HD-38: the consultation hotline's channels, cases, registers and follow-up
    call (``SERVICE_LEVELS``); no response target in numbers (AMB-05, AMB-13)."""
    return SERVICE_LEVELS
