"""TB-19 … TB-38 and TB-49: the monthly composite appraisal, its plus and minus items,
the attitude descriptors, and the forms and procedure around them.

* P3b (2) 「綜合考評(總分100)」: four criteria of 30, 20, 30 and 20 points (TB-26 …
  TB-30), scored every month.  The pass mark is 60 (TB-49; AMB-42 reads TB-50's
  "不及格" as below it).
* P3b (h) 日常管理細則: six plus items of +5 (TB-31 … TB-36) and one minus item of −2
  (TB-37), per occurrence.  They count in the total that meets the pass mark: TB-12
  scores each agent 「個人評分分值(含加減分)」.  The rest of the minus list is missing
  (AMB-38): TB-37 is the only minus item.
* P3a 第五條: the attitude form's "+"/"−" descriptors (TB-21 … TB-23), which reviewers
  mark; unweighted (AMB-37): they carry no points and do not move the total.

P3a's three forms (TB-20), ability items (TB-25) and procedure (TB-19, TB-24, TB-38) are
data for people: see :data:`APPRAISAL_FORMS`, :data:`ATTITUDE_ELEMENTS`,
:data:`ABILITY_ITEMS` and :data:`PROCEDURES`.
"""

from __future__ import annotations

import servicecodex as sc
from servicecodex_taobao_shop._records import AppraisalForm, AttitudeElement, Guidance
from servicecodex_taobao_shop._source import cite

__all__ = [
    "ABILITY_ITEMS",
    "ABILITY_ITEMS_CITE",
    "ADJUSTMENTS",
    "APPRAISAL_FORMS",
    "APPRAISAL_SCHEME",
    "ATTITUDE_ELEMENTS",
    "ATTITUDE_TABLE",
    "CRITERIA",
    "DESCRIPTORS",
    "PASS_MARK",
    "PROCEDURES",
]

# Criteria (TB-26 … TB-30) ------------------------------------------------------------------

#: (id, English, source wording, points, rule, P3b list marker), in P3b (2)'s order.
_CRITERIA: tuple[tuple[str, str, str, int, str, str], ...] = (
    (
        "team-task",
        "Helping the group excel at the month's task",
        "協助本小組出色完成本月任務",
        30,
        "TB-27",
        "a",
    ),
    (
        "handover",
        "Routine handover and work completion",
        "客服平時工作交接及其工作完成情況",
        20,
        "TB-28",
        "b",
    ),
    (
        "callback-satisfaction",
        "Customer callback satisfaction",
        "客戶回訪滿意度",
        30,
        "TB-29",
        "c",
    ),
    (
        "professional-quality",
        "Professional quality and ability",
        "業務素質和能力",
        20,
        "TB-30",
        "d",
    ),
)
#: TB-27 … TB-30: 30 + 20 + 30 + 20 = 100 points.
CRITERIA: tuple[sc.Criterion, ...] = tuple(
    sc.Criterion(key, sc.Text(en=en, zh_Hant=zh), points, cite(rule, f"P3b ({marker})"))
    for key, en, zh, points, rule, marker in _CRITERIA
)

# Plus and minus items (TB-31 … TB-37) ------------------------------------------------------

#: (id, English, source wording, points per occurrence, rule, clause of P3b (h)).
_ITEMS: tuple[tuple[str, str, str, int, str, str], ...] = (
    (
        "top-workload",
        "Highest workload and quality of all CS this month, with no violation",
        "當月工作量,質量為全客服之首,并且無違規事件",
        5,
        "TB-31",
        "加分標準 1",
    ),
    (
        "exam-full-marks",
        "Full marks in the CS exam",
        "客服考試分數為滿分",
        5,
        "TB-32",
        "加分標準 2",
    ),
    (
        "cover-shift",
        "Came in on call to cover a shift when short-handed in an emergency or a promotion",
        "突發情況或者活動期間在人手不夠的情況下,能隨叫隨到來公司主動頂班",
        5,
        "TB-33",
        "加分標準 3",
    ),
    (
        "extra-work",
        "Extra work from a superior done on top of one's own",
        "在完成本職工作情況下,能夠完成上級提出的額外工作",
        5,
        "TB-34",
        "加分標準 4",
    ),
    (
        "zero-complaints",
        "Zero valid-complaint rate this month",
        "當月有效投訴率為零",
        5,
        "TB-35",
        "加分標準 5",
    ),
    (
        "management-suggestion",
        "A team-management suggestion that worked in a trial",
        "對于整個客服團隊的管理,能夠提出合理化建議,經試行后效果理想",
        5,
        "TB-36",
        "加分標準 6",
    ),
    (
        "no-mandarin",
        "Not speaking Mandarin at work",
        "工作時間未使用普通話",
        -2,
        "TB-37",
        "扣分標準 輕度違規 1",
    ),
)
#: TB-31 and TB-32 read "5 分", not "5 分/次": a month's top workload or a full-marks exam
#: is earned at most once a month.
_ONCE_A_MONTH = frozenset({"top-workload", "exam-full-marks"})
#: TB-31 … TB-36 (+5 each) and TB-37 (−2 per time), the only minus item (AMB-38).
ADJUSTMENTS: tuple[sc.Adjustment, ...] = tuple(
    sc.Adjustment(
        key,
        sc.Text(en=en, zh_Hant=zh),
        points,
        cite(rule, f"P3b (h) {clause}"),
        max_times=1 if key in _ONCE_A_MONTH else None,
    )
    for key, en, zh, points, rule, clause in _ITEMS
)

# Attitude descriptors (TB-21 … TB-23) ------------------------------------------------------

#: P3a 第五條: per element (id, number in 第五條, English name, source name), the pairs
#: ("+" wording, "−" wording), each as (English, source wording), numbered from 1.
#: Two mojibake spots are repaired per AMB-01 (發人深省, 適當的評價).
_DESCRIPTORS: tuple[
    tuple[str, int, str, str, tuple[tuple[tuple[str, str], tuple[str, str]], ...]], ...
] = (
    (
        "obedience",
        1,
        "Obedience",
        "服從性",
        (
            (
                (
                    "Follows the rules and regulations, urges others to as well and sets an example",
                    "遵守規章制度,并能規勸他人,作好表率",
                ),
                (
                    "Does not understand the rules and regulations and does not mean to; even breaks them",
                    "不理解且不打算理解規章制度,甚至有違反制度的行為",
                ),
            ),
            (
                (
                    "Full attendance in the observation period (“1年以上為全勤”)",
                    "考核觀察期內全勤,1年以上為全勤",
                ),
                (
                    "Absent more than 3 times in a month, more than 15 times in the observation period, or absent without reason once or more",
                    "一月缺勤3次以上,考核觀察期內15次以上,無故缺勤1次以上",
                ),
            ),
            (
                (
                    "Minds appearance; keeps clothing neat and the workplace clean",
                    "注意儀表,保持服飾整潔和辦公場所干凈",
                ),
                ("Unkempt and slovenly", "蓬頭垢面,不修邊幅"),
            ),
            (
                (
                    "Speaks and acts crisply; poised in speech and manner",
                    "說話辦事干脆利落,言談舉止大方",
                ),
                (
                    "Hesitant in speech, dilatory in work, unpleasant, rude or careless in what is said",
                    "說話吞吞吐吐,辦事拖拖拉拉,令人不快,出言不遜,說話草率",
                ),
            ),
            (
                ("Steady; finishes what is started", "踏實,有始有終"),
                ("Careless and sloppy", "馬虎,吊兒郎當"),
            ),
            (
                (
                    "Works in an orderly, methodical way, grasps the essentials, keeps busy and wastes nothing",
                    "工作井然有序、有條不紊,深得要領,緊湊,不窩工、不浪費",
                ),
                ("Lax: idles, chats, dozes and dawdles", "懶懶散散,窩工、閑聊、打瞌睡,磨磨蹭蹭"),
            ),
            (
                (
                    "Makes up for others' oversights; gives timely advice when something is amiss",
                    "彌補他人疏忽不周之處,在異常情況下善于提出忠告",
                ),
                ("Lets feelings rule and hinders others' work", "感情用事,妨礙他人正常工作"),
            ),
        ),
    ),
    (
        "cooperation",
        2,
        "Cooperation",
        "協作性",
        (
            (
                ("Helps others catch up in spare time", "利用工作之余,幫助別人趕上進度"),
                (
                    "Thinks only of own work and ignores other departments'",
                    "只考慮本職工作,對其他部門工作不聞不問",
                ),
            ),
            (
                (
                    "Fully understands the superior's intentions, shares the superior's burden and makes up for shortcomings in relations or work",
                    "充分理解上司的意圖,主動為上司分擔責任,積極彌補人際關系或工作方面的缺陷",
                ),
                (
                    "Negative and exclusive, full of complaints, unwilling to do supporting work",
                    "消極排他,牢騷滿腹,不安于輔助性工作",
                ),
            ),
            (
                (
                    "Fully understands the group's goals and gladly contributes to them; good at working with others",
                    "充分理解群體目標,樂意為群體目標的實現做貢獻;擅長與他人合作共事",
                ),
                ("Self-centred", "以自我為中心"),
            ),
            (
                ("Cooperates fully, even at a cost to self", "不惜犧牲自我,通力合作"),
                (
                    "Moves only when pushed; seeks own convenience and comfort",
                    "不推不動,但求自己方便、舒適",
                ),
            ),
        ),
    ),
    (
        "initiative",
        3,
        "Initiative",
        "積極性",
        (
            (
                ("Tireless; presses ahead", "不知疲倦,一往無前"),
                ("Content with and keeps to the status quo", "安于現狀,維持現狀"),
            ),
            (
                (
                    "Persists and keeps improving step by step; at least 1 proposal a month to improve the work",
                    "不求一步登天達到目標,但求持之以恒,孜孜不倦,不斷進取,積少成多,積小成大;改進和改善工作的提案,每月1次以上",
                ),
                (
                    "Loses heart at the first problem and produces no results; no proposal for a long time",
                    "一遇到問題和困難,就垂頭喪氣,不出成果;長時間內也拿不出一份提案",
                ),
            ),
            (
                (
                    "Eager to learn and puts what is learnt into practice to make up for weaknesses; never satisfied, keeps improving",
                    "求知欲極強,并能把得到的知識用于實踐,彌補自己工作中的短處;永不滿足,努力提高自身素質",
                ),
                (
                    "Dwells on past achievements to the point of affecting the work",
                    "沉湎于過去的成績,以至于在某種程度上影響工作",
                ),
            ),
            (
                (
                    "Takes on challenges, undaunted, and does everything to reach the goal",
                    "勇于挑戰,不畏困難,為實現目標竭盡全力",
                ),
                (
                    "Does not improve however much urged; picks and chooses work, avoids the hard parts",
                    "不管怎樣督促,也不上進工作,工作挑挑揀揀,避難就易",
                ),
            ),
            (
                (
                    "Enthusiastic in speech and manner, concise and thought-provoking",
                    "言談舉止充滿熱情,言簡意賅,發人深省",
                ),
                (
                    "Only listens: asks no questions, gives no opinions",
                    "只聽不說,不提問,不發表意見",
                ),
            ),
        ),
    ),
    (
        "responsibility",
        4,
        "Responsibility",
        "責任性",
        (
            (
                (
                    "Knows the quality of subordinates' work and appraises and directs them appropriately",
                    "清楚了解下屬的工作質量,并對下屬的能力和工作情況作出適當的評價與指示",
                ),
                (
                    "Does not know the quality of subordinates' work and cannot appraise it appropriately",
                    "不了解下屬的工作質量,對下屬的工作能力和情況不能做出適當評價",
                ),
            ),
            (
                (
                    "Finds the objective causes of mistakes and failures",
                    "能夠找出失誤和失敗的客觀原因",
                ),
                (
                    "Cannot find the objective causes of mistakes and failures",
                    "不能找出失誤和失敗的客觀原因",
                ),
            ),
            (
                (
                    "While working, knows the intended result and end state and grasps the stages of the work decisively",
                    "在工作進行過程中,明白工作的結果和結束狀態、明確果斷把握工作的階段性",
                ),
                (
                    "While working, does not know the intended result and end state and cannot grasp the stages of the work",
                    "在工作進行中,不能明白工作的結果和結束狀態,把握不了工作的階段性",
                ),
            ),
        ),
    ),
)

#: The two descriptor pairs the catalogue gives rules of their own; the rest are TB-21.
_OWN_RULE: dict[tuple[str, int], str] = {("obedience", 2): "TB-22", ("initiative", 2): "TB-23"}
#: Descriptors sit on the attitude form (P3a 第二條.1).
ATTITUDE_TABLE = sc.Text(en="attitude", zh_Hant="工作態度")


def _descriptors() -> tuple[sc.Descriptor, ...]:
    found = []
    for element, section, _, _, pairs in _DESCRIPTORS:
        for number, pair in enumerate(pairs, start=1):
            rule = _OWN_RULE.get((element, number), "TB-21")
            citation = cite(rule, f"P3a 第五條 {section}({number})")
            for sign, (en, zh) in zip((sc.Sign.PLUS, sc.Sign.MINUS), pair, strict=True):
                found.append(
                    sc.Descriptor(
                        f"{element}-{number}-{'plus' if sign is sc.Sign.PLUS else 'minus'}",
                        ATTITUDE_TABLE,
                        sign,
                        sc.Text(en=en, zh_Hant=zh),
                        citation,
                    )
                )
    return tuple(found)


#: TB-21 … TB-23: P3a 第五條's "+"/"−" descriptors, ids ``<element>-<n>-plus`` and
#: ``<element>-<n>-minus`` (obedience 7 pairs, cooperation 4, initiative 5, responsibility
#: 3).  Unweighted (AMB-37): a reviewer marks them; they add no points.  The observation
#: period they speak of is the appraisal month (AMB-37).
DESCRIPTORS: tuple[sc.Descriptor, ...] = _descriptors()

# Pass mark and scheme (TB-26, TB-49) -------------------------------------------------------

#: TB-49: 「考核分不達60分扣100元/月」; below 60 is a fail (AMB-42).  The 100-yuan
#: deduction is in the pay table (``FAIL_DEDUCTION``, ``_pay``).
PASS_MARK = sc.PassMark(60, cite("TB-49", "P3b (e)"))

#: TB-26: the monthly composite appraisal out of 100.
APPRAISAL_SCHEME = sc.AppraisalScheme(
    CRITERIA,
    (sc.PeriodKind.MONTH,),
    cite("TB-26", "P3b (2)"),
    pass_mark=PASS_MARK,
    adjustments=ADJUSTMENTS,
    descriptors=DESCRIPTORS,
)

# The forms, for reviewers (TB-20, TB-21, TB-24, TB-25) -------------------------------------

#: P3a 第四條: the questions a reviewer asks per attitude element, as (English, source).
_QUESTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "obedience": (
        (
            "Understands and follows the company's internal rules?",
            "是否理解并遵守公司內部的各項規章制度",
        ),
        (
            "Any lateness, leaving early or absence without reason?",
            "有無遲到、早退、無故缺勤的情況",
        ),
        ("Is the appearance (hair, clothing) clean and tidy?", "發型、服飾等儀表是否干凈整潔"),
        ("Courteous in speech and manner with others?", "與他人的言談舉止是否富有禮節"),
        # The source prints 挺理, a typo for 整理 (tidy up).
        ("Keeps the workplace tidy?", "是否注意收拾和整理工作場所"),
        ("Is the work productive?", "工作是否有效益"),
        (
            "Has anything said or done harmed the workplace's atmosphere, discipline or order?",
            "有無因其言行,破壞了現場的風氣和紀律以及擾亂秩序的情況",
        ),
    ),
    "cooperation": (
        (
            "Sees the whole, understands how departments (posts) relate and cooperates actively and properly?",
            "是否能夠立足全局,把握各部門(各職務)之間的關系,并且根據情況進行積極而妥善合作",
        ),
        (
            "Grounded in own work, reaches beyond it to win the cooperation of superiors, colleagues and other departments?",
            "是否能夠立足本職工作,并跨越本職工作的范圍,求得上司、同事及其他部門的通力協作",
        ),
        (
            "Helps the leadership improve the working environment?",
            "是否能夠幫助領導改善工作環境,創造便于工作的場所",
        ),
        (
            "Communicates up and down and lifts team morale?",
            "是否能夠上下溝通,在提高團隊士氣中發揮作用",
        ),
        (
            "Helps superiors, colleagues and others get their work done?",
            "是否能夠幫助上司、同事和他人完成工作",
        ),
        ("Gets along with superiors and colleagues?", "能否與上司及同事和睦共事"),
    ),
    "initiative": (
        (
            "Not content with the status quo; strives to progress?",
            "是否具有不滿足于現狀、積極奮進的精神",
        ),
        ("Keen to improve the work?", "是否具有改進和改善工作的熱情"),
        (
            "Wants to take on more work and raise its quality?",
            "是否具有增加工作量、提高工作質量的愿望",
        ),
        (
            "Has the drive to overcome every difficulty and succeed?",
            "是否具有排除萬難、爭取成功的干勁",
        ),
        (
            "Has the courage to speak up at gatherings and meetings?",
            "是否具有在集會和會議上爭取發言的勇氣",
        ),
    ),
    "responsibility": (
        (
            "Knows it is one's duty to check subordinates' work and its results regularly?",
            "是否明確自己有責任經常檢驗下屬的工作情況和工作的結果",
        ),
        (
            "Finds one's own share of the blame in subordinates' mistakes?",
            "對于下屬的失誤是否能夠從中找出自己應負的責任",
        ),
        ("Sees one's own work through from start to finish?", "是否能夠善始善終地完成本職工作"),
        (
            "Shifts the blame for mistakes onto other departments?",
            "遇到工作中的失誤時,是否向其他部門推卸責任",
        ),
        (
            "Can a superior rely on one with a fully delegated task?",
            "在接受上司全權委托交辦的工作任務時能否讓上司放心",
        ),
    ),
}

#: TB-20, TB-21: the attitude form's four elements with P3a 第四條's questions
#: (obedience 7, cooperation 6, initiative 5, responsibility 5).
ATTITUDE_ELEMENTS: tuple[AttitudeElement, ...] = tuple(
    AttitudeElement(
        element,
        sc.Text(en=en, zh_Hant=zh),
        tuple(sc.Text(en=q_en, zh_Hant=q_zh) for q_en, q_zh in _QUESTIONS[element]),
        cite("TB-21", f"P3a 第四條.{section}"),
    )
    for element, section, en, zh, _ in _DESCRIPTORS
)

#: TB-20: the three appraisal standard forms.  The results form's content is each
#: department's job-standard form (TB-24), whose sample is missing (AMB-37).
APPRAISAL_FORMS: tuple[AppraisalForm, ...] = (
    AppraisalForm(
        "attitude",
        sc.Text(en="Attitude appraisal form", zh_Hant="態度考核標準表"),
        (
            sc.Text(en="obedience", zh_Hant="服從性"),
            sc.Text(en="cooperation", zh_Hant="協作性"),
            sc.Text(en="initiative", zh_Hant="積極性"),
            sc.Text(en="sense of responsibility", zh_Hant="責任感"),
        ),
        cite("TB-20", "P3a 第二條.1"),
    ),
    AppraisalForm(
        "ability",
        sc.Text(en="Ability appraisal form", zh_Hant="能力考核標準表"),
        (
            sc.Text(en="general abilities", zh_Hant="各種綜合能力"),
            sc.Text(en="knowledge (business and general)", zh_Hant="知識(業務知識和基本常識)"),
            sc.Text(en="physical stamina", zh_Hant="體力"),
            sc.Text(en="skills", zh_Hant="技能"),
        ),
        cite("TB-20", "P3a 第二條.2"),
    ),
    AppraisalForm(
        "results",
        sc.Text(en="Results appraisal form", zh_Hant="業績考核標準表"),
        (),
        cite("TB-20", "P3a 第二條.3"),
    ),
)

#: TB-25: the ability items (P3a 第七條); their standards are set per post and are not
#: given, so nothing can be scored on them.
ABILITY_ITEMS: tuple[sc.Text, ...] = tuple(
    sc.Text(en=en, zh_Hant=zh)
    for en, zh in (
        ("knowledge", "知識"),
        ("skills", "技能"),
        ("expression", "表達能力"),
        ("comprehension", "理解能力"),
        ("creativity", "創造能力"),
        ("judgement", "判斷能力"),
        ("planning", "策劃能力"),
        ("coordination", "協調能力"),
        ("leadership", "領導能力"),
    )
)
#: The rule the ability items belong to.
ABILITY_ITEMS_CITE = cite("TB-25", "P3a 第七條")

# Procedure (TB-19, TB-24, TB-27, TB-38) ----------------------------------------------------

#: Who appraises and what the forms decide: rules for people, not conditions.
PROCEDURES: tuple[Guidance, ...] = (
    Guidance(
        sc.Text(
            en="Bonus eligibility is decided only from the results of the appraisal standard forms",
            zh_Hant="確認獎金資格時,必須依據基于考核標準表的考評結果",
        ),
        cite("TB-19", "P3a 第一條"),
    ),
    Guidance(
        sc.Text(
            en="Results are appraised on a job-standard form that each department designs for itself",
            zh_Hant="業績考核依據各部門自行制作的職務標準表進行",
        ),
        cite("TB-24", "P3a 第六條"),
    ),
    Guidance(
        sc.Text(
            en="The group-task criterion is rated by the operations lead and the CS supervisor",
            zh_Hant="小組任務一項由運管負責人和客服主管評估",
        ),
        cite("TB-27", "P3b (a)"),
    ),
    Guidance(
        sc.Text(
            en="The supervisor appraises subordinates' attendance and performance and proposes rewards and penalties to HR; HR balances them company-wide and the general manager approves",
            zh_Hant="主管負責下屬的考勤和業績考評,向人力資源部提出獎罰建議,由人力資源部全公司總體平衡,總經理審批后執行",
        ),
        cite("TB-38", "P2 二(一).5"),
    ),
)
