"""The lotus-retail plugin, loaded as users load it: by its entry point."""

from __future__ import annotations

import json
import re

import pendulum
import pytest
import servicecodex_lotus_retail as lr

import servicecodex as sc
from servicecodex.testing import (
    check_plugin,
    make_organization,
    make_transcript,
    organization_fixture,
    run_cli,
)

TZ = "Asia/Shanghai"
LR_RULE_ID = re.compile(r"^LR-\d{2}$")
SOURCE = "003 顾客服务指导手册 "
HOOKS = ("servicecodex_courtesy_phrases", "servicecodex_organization_profile")
LOCALES = ("zh_Hans", "zh_Hant", "en")
ROLE_IDS = ("greeter", "cashier", "cash-office", "group-purchase", "shuttle-bus", "service-desk")


org = organization_fixture("lotus-retail")


@pytest.fixture(scope="module")
def checker(org: sc.Organization) -> sc.PhraseChecker:
    return org.phrase_checker()


def transcript(
    *lines: tuple[str, str],
    role: str | None = None,
    scenarios: tuple[str, ...] = (),
    start: pendulum.DateTime | None = None,
) -> sc.Transcript:
    """Turns from ``(speaker, text)`` pairs, 20 seconds apart (a Monday morning)."""
    return make_transcript(
        *lines,
        start=start or pendulum.datetime(2026, 3, 2, 9, 30, tz=TZ),
        every=pendulum.duration(seconds=20),
        role=role,
        scenarios=scenarios,
    )


def agent(text: str) -> tuple[str, str]:
    return ("agent", text)


def customer(text: str) -> tuple[str, str]:
    return ("customer", text)


def rules(check: sc.TranscriptCheck) -> list[tuple[str, str, int | None]]:
    return [(f.kind.value, f.rule_id, f.turn) for f in check.findings]


def used(check: sc.TranscriptCheck) -> list[tuple[int, str]]:
    """(turn, rule id) of every scripted phrase the agent said."""
    return [(turn, hit.entry.cite.rule_id) for turn, hit in check.hits]


# One compliant conversation per post -------------------------------------------------------

COMPLIANT: dict[str, sc.Transcript] = {
    lr.GREETER: transcript(
        agent("您好，欢迎光临！"),
        customer("请问洗手间在哪里？"),
        agent("先生，洗手间在二楼扶梯右边，请慢走。"),
        role=lr.GREETER,
    ),
    lr.CASHIER: transcript(
        agent("您好！请问有会员卡吗？"),
        customer("没有。"),
        agent("一共86元，收您100元，找您14元。谢谢，欢迎下次光临！"),
        role=lr.CASHIER,
        scenarios=("thanks",),
    ),
    lr.CASH_OFFICE: transcript(
        agent("您好，请问您办理什么业务？"),
        customer("换零钱，五百元。"),
        agent("好的，请稍等。"),
        agent("这是五百元零钱，请点清。谢谢，请慢走。"),
        role=lr.CASH_OFFICE,
        scenarios=("hold", "thanks"),
    ),
    lr.GROUP_PURCHASE: transcript(
        customer("你好，我们公司想订一批中秋月饼。"),
        agent("您好，请问有什么能帮到您？"),
        customer("要两百盒，开增值税发票。"),
        agent("好的，王先生，请稍等5分钟，我给您办手续。"),
        agent("手续办好了，这是您的提货单。谢谢！有任何问题请随时联系我。"),
        role=lr.GROUP_PURCHASE,
        scenarios=("hold",),
    ),
    lr.SHUTTLE_BUS: transcript(
        customer("师傅，这车经过人民广场吗？"),
        agent("您好，是的。"),
        customer("那到万达广场坐几号线？"),
        agent("3号线班车。"),
        customer("3号线几点开车？"),
        agent("10分钟后开车，稍等。"),
        customer("东湖公园站停吗？"),
        agent("不好意思，没有这个站，不停。"),
        role=lr.SHUTTLE_BUS,
    ),
    lr.SERVICE_DESK: transcript(
        agent("您好，请问有什么需要？"),
        customer("我要退这件衣服，小票在这里。"),
        agent("小姐，请稍等，我帮您查一下。"),
        agent("已经退到您的卡上了，谢谢。请慢走！"),
        role=lr.SERVICE_DESK,
        scenarios=("hold", "thanks"),
    ),
}


@pytest.mark.parametrize("role", ROLE_IDS)
def test_a_compliant_conversation_per_post_passes(checker: sc.PhraseChecker, role: str) -> None:
    check = checker.check(COMPLIANT[role])
    assert check.passed, check.explain("en")
    assert check.explain("zh_Hans") == []


def test_the_shuttle_bus_scenes_are_each_answered(checker: sc.PhraseChecker) -> None:
    check = checker.check(COMPLIANT[lr.SHUTTLE_BUS])
    # "是的" answers LR-04 and would answer LR-07 for a stop the line serves.
    assert used(check) == [
        (1, "LR-01"),
        (1, "LR-04"),
        (1, "LR-07"),
        (3, "LR-05"),
        (5, "LR-06"),
        (7, "LR-07"),
    ]


def test_the_group_purchase_scenes_in_order(checker: sc.PhraseChecker) -> None:
    check = checker.check(COMPLIANT[lr.GROUP_PURCHASE])
    assert used(check) == [
        (1, "LR-08"),  # the longer match at the same place comes first
        (1, "LR-01"),  # "您好" of the reception
        (1, "LR-11"),  # "请问"
        (3, "LR-11"),  # "先生"
        (3, "LR-09"),
        (4, "LR-10"),
    ]
    (hold,) = [(t, h) for t, h in check.hits if h.entry.cite.rule_id == "LR-09"]
    turn, hit = hold
    assert COMPLIANT[lr.GROUP_PURCHASE].turns[turn].text[hit.start : hit.end] == "请稍等5分钟"


def test_response_times_are_reported(checker: sc.PhraseChecker) -> None:
    check = checker.check(COMPLIANT[lr.SHUTTLE_BUS])
    assert [(r.turn, r.reply) for r in check.response_times] == [(0, 1), (2, 3), (4, 5), (6, 7)]
    assert all(r.waited == pendulum.duration(seconds=20) for r in check.response_times)


# Greetings: LR-01, LR-02 -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hour", "greeting"),
    [(8, "早上好！欢迎光临。"), (19, "晚上好！欢迎光临。"), (14, "您好！欢迎光临。")],
)
def test_time_of_day_greetings_count_as_the_greeting(
    checker: sc.PhraseChecker, hour: int, greeting: str
) -> None:
    check = checker.check(
        transcript(
            agent(greeting),
            agent("请慢走，欢迎下次光临。"),
            role=lr.GREETER,
            start=pendulum.datetime(2026, 3, 2, hour, 5, tz=TZ),
        )
    )
    assert check.passed, check.explain("en")
    greeted = [hit.entry.cite.rule_id for turn, hit in check.hits if turn == 0]
    assert greeted == (["LR-01"] if greeting.startswith("您好") else ["LR-01", "LR-02"])


def test_a_greeting_not_in_the_guide_is_missing_lr_01(checker: sc.PhraseChecker) -> None:
    check = checker.check(
        transcript(agent("中午好，欢迎光临。"), agent("请慢走。"), role=lr.GREETER)
    )
    assert rules(check) == [("missing", "LR-01", 0)]
    assert check.explain("zh_Hans") == [
        "第1句：客服的第一句话缺少“您好 / 早上好 / 晚上好”（LR-01）"
    ]


def test_the_greeting_belongs_in_the_first_turn(checker: sc.PhraseChecker) -> None:
    check = checker.check(
        transcript(
            customer("收银台在哪？"),
            agent("前面左转。"),
            agent("您好，还有什么需要吗？请慢走。"),
            role=lr.GREETER,
        )
    )
    assert rules(check) == [("missing", "LR-01", 1)]


def test_you_for_you_polite_is_no_greeting(checker: sc.PhraseChecker) -> None:
    check = checker.check(transcript(agent("你好！"), agent("欢迎下次光临！"), role=lr.CASHIER))
    assert rules(check) == [("missing", "LR-01", 0)]


@pytest.mark.parametrize("role", ROLE_IDS)
def test_every_post_has_a_greeting_script(org: sc.Organization, role: str) -> None:
    script = org.phrase_book().script(role, sc.Scenario.GREETING)
    phrases = [(e.cite.rule_id, e.kind.value, e.wordings) for e in script]
    assert phrases[:2] == [
        ("LR-01", "required", ("您好", "早上好", "晚上好")),
        ("LR-02", "recommended", ("早上好", "晚上好")),
    ]
    if role == lr.GROUP_PURCHASE:
        assert phrases[2:] == [("LR-08", "required", ("您好,请问有什么能帮到您?",))]
    else:
        assert phrases[2:] == []


# Group purchase: LR-08 … LR-10 ---------------------------------------------------------------


def test_a_group_purchase_hold_without_a_concrete_time_is_missing_lr_09(
    checker: sc.PhraseChecker,
) -> None:
    check = checker.check(
        transcript(
            agent("您好，请问有什么能帮到您？"),
            customer("我来取上周订的购物卡。"),
            agent("先生，请稍等一下。"),
            agent("谢谢！有任何问题请随时联系我。"),
            role=lr.GROUP_PURCHASE,
            scenarios=("hold",),
        )
    )
    assert rules(check) == [("missing", "LR-09", None)]
    assert check.explain("zh_Hans") == ["客服始终没有说“请稍等…分钟”（LR-09）"]
    assert check.explain("en") == ["The agent never says “请稍等…分钟” (LR-09)"]


@pytest.mark.parametrize(
    "wait", ["请稍等十分钟", "请稍等 5 分钟", "请稍等，大概二十分钟", "請稍等3分鐘"]
)
def test_any_concrete_wait_fills_the_slot(checker: sc.PhraseChecker, wait: str) -> None:
    check = checker.check(
        transcript(
            agent("您好，请问有什么能帮到您？"),
            agent(f"太太，{wait}。"),
            agent("谢谢！有任何问题请随时联系我。"),
            role=lr.GROUP_PURCHASE,
            scenarios=("hold",),
        )
    )
    assert check.passed, check.explain("en")


def test_without_a_hold_no_wait_is_required(checker: sc.PhraseChecker) -> None:
    check = checker.check(
        transcript(
            agent("您好，请问有什么能帮到您？"),
            agent("谢谢！有任何问题请随时联系我。"),
            role=lr.GROUP_PURCHASE,
        )
    )
    assert check.passed


def test_the_group_purchase_reception_and_send_off(checker: sc.PhraseChecker) -> None:
    check = checker.check(
        transcript(
            agent("您好，请坐。"),
            customer("我想订两百张购物卡。"),
            agent("好的，谢谢。再见。"),
            role=lr.GROUP_PURCHASE,
        )
    )
    assert rules(check) == [("missing", "LR-08", 0), ("missing", "LR-10", 2)]
    assert check.explain("en") == [
        "Turn 1: the agent's first turn lacks “您好,请问有什么能帮到您?” (LR-08)",
        "Turn 3: the agent's last turn lacks “谢谢!有任何问题请随时联系我.” (LR-10)",
    ]


# Shuttle bus: LR-04 … LR-07 ------------------------------------------------------------------


def test_the_shuttle_bus_answers_no_too(checker: sc.PhraseChecker) -> None:
    check = checker.check(
        transcript(
            customer("这趟车经不经过火车站？"),
            agent("您好，不经过。"),
            customer("3号线几点发车？"),
            agent("9点半开车，稍等。"),
            role=lr.SHUTTLE_BUS,
        )
    )
    assert check.passed, check.explain("en")
    assert used(check) == [(1, "LR-01"), (1, "LR-04"), (3, "LR-06")]


def test_a_vague_shuttle_bus_answer_is_found(checker: sc.PhraseChecker) -> None:
    check = checker.check(
        transcript(
            customer("请问这车经过人民广场吗？"),
            agent("您好，会经过的。"),
            customer("什么时候开车？"),
            agent("快了快了。"),
            customer("到万达坐哪条线？"),
            role=lr.SHUTTLE_BUS,
        )
    )
    assert rules(check) == [
        ("missing", "LR-04", 1),
        ("missing", "LR-06", 3),
        ("missing", "LR-05", 4),
    ]
    assert check.explain("zh_Hans") == [
        "第2句：对“经过人民广场吗”的回答缺少“是的 / 不经过”（LR-04）",
        "第4句：对“什么时候开车”的回答缺少“…点开车 / …点半开车 / …分钟后开车”（LR-06）",
        "第5句：“哪条线”没有得到回答，更没有“…号线班车”（LR-05）",
    ]


def test_a_stop_the_line_does_not_serve(checker: sc.PhraseChecker) -> None:
    check = checker.check(
        transcript(
            customer("东湖公园站停不停？"),
            agent("您好，没有。"),
            role=lr.SHUTTLE_BUS,
        )
    )
    assert rules(check) == [("missing", "LR-07", 1)]


def test_shuttle_bus_scripts_are_the_shuttle_bus_alone(checker: sc.PhraseChecker) -> None:
    check = checker.check(
        transcript(
            customer("经过人民广场吗？"),
            agent("您好，我是收银员，不太清楚，您问一下服务台，请慢走。"),
            role=lr.CASHIER,
        )
    )
    assert check.passed, check.explain("en")


# The core set: LR-11 (AMB-52) --------------------------------------------------------------


@pytest.mark.parametrize("role", lr.CORE_SET_ROLES)
def test_the_posts_without_a_script_use_the_core_set(role: str, checker: sc.PhraseChecker) -> None:
    check = checker.check(
        transcript(
            agent("您好。"),
            agent("好的。"),
            agent("好了，再见。"),
            role=role,
            scenarios=("hold", "thanks"),
        )
    )
    assert rules(check) == [
        ("missing", "LR-11", None),
        ("missing", "LR-11", None),
        ("missing", "LR-11", 2),
    ]
    assert check.explain("en") == [
        "The agent never says “请稍等” (LR-11)",
        "The agent never says “谢谢” (LR-11)",
        "Turn 3: the agent's last turn lacks “请慢走 / 欢迎下次光临” (LR-11)",
    ]


def test_forms_of_address_and_please_are_recorded(checker: sc.PhraseChecker) -> None:
    check = checker.check(COMPLIANT[lr.SERVICE_DESK])
    recommended = [
        (turn, hit.wording)
        for turn, hit in check.hits
        if hit.entry.kind is sc.PhraseKind.RECOMMENDED
    ]
    assert recommended == [(0, "请问"), (2, "小姐")]


def test_a_transcript_without_a_post_is_held_to_lr_01_only(checker: sc.PhraseChecker) -> None:
    assert checker.check(transcript(agent("您好，好的。"))).passed
    assert rules(checker.check(transcript(agent("好的。")))) == [("missing", "LR-01", 0)]


def test_an_unknown_post_is_refused(checker: sc.PhraseChecker) -> None:
    with pytest.raises(sc.ValidationError, match="role"):
        checker.check(transcript(agent("您好"), role="butcher"))


# Evasion and scripts -----------------------------------------------------------------------


def test_spacing_width_and_traditional_script_do_not_matter(checker: sc.PhraseChecker) -> None:
    check = checker.check(
        transcript(
            agent("您 好，請問有什麼能幫到您？"),
            agent("请稍等 ５ 分钟"),
            agent("謝謝！有任何問題請隨時聯繫我。"),
            role=lr.GROUP_PURCHASE,
            scenarios=("hold",),
        )
    )
    assert check.passed, check.explain("en")
    greeting = next(hit for _, hit in check.hits if hit.entry.cite.rule_id == "LR-01")
    assert greeting[2:] == (0, 3)  # "您 好" in the original text


def test_the_traditional_book_is_derived(org: sc.Organization) -> None:
    hant = org.phrase_book("zh_Hant")
    assert hant.locale == "zh_Hant"
    assert hant.roles == lr.ROLES
    by_rule = {e.cite.rule_id: e for e in hant.entries}
    assert by_rule["LR-08"].phrase == "您好,請問有什麼能幫到您?"
    assert by_rule["LR-09"].phrase == "請稍等*分鐘"
    assert by_rule["LR-10"].phrase == "謝謝!有任何問題請隨時聯繫我."
    assert org.phrase_book("en").entries == ()


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (
            "zh_Hans",
            [
                "第1句：客服的第一句话缺少“您好,请问有什么能帮到您?”（LR-08）",
                "第3句：对“几点出发”的回答缺少“…点开车 / …点半开车 / …分钟后开车”（LR-06）",
            ],
        ),
        (
            "zh_Hant",
            [
                "第1句：客服的第一句話缺少“您好,請問有什麼能幫到您?”（LR-08）",
                "第3句：對“幾點出發”的回答缺少“…點開車 / …點半開車 / …分鐘後開車”（LR-06）",
            ],
        ),
        (
            "en",
            [
                "Turn 1: the agent's first turn lacks “您好,请问有什么能帮到您?” (LR-08)",
                "Turn 3: the reply to “几点出发” lacks “…点开车 / …点半开车 / …分钟后开车” (LR-06)",
            ],
        ),
    ],
)
def test_findings_explained(org: sc.Organization, locale: str, expected: list[str]) -> None:
    lines = [agent("您好。"), customer("几点出发？"), agent("马上。")]
    if locale == "zh_Hant":  # the same conversation written in traditional script
        lines = [agent("您好。"), customer("幾點出發？"), agent("馬上。")]
    group = transcript(*lines[:1], agent("谢谢！有任何问题请随时联系我。"), role=lr.GROUP_PURCHASE)
    bus = transcript(*lines, role=lr.SHUTTLE_BUS)
    book = "zh_Hant" if locale == "zh_Hant" else "zh_Hans"
    checker = org.phrase_checker(book)
    found = [*checker.check(group).explain(locale), *checker.check(bus).explain(locale)]
    assert found == expected


# The book ----------------------------------------------------------------------------------


def test_the_roles_are_the_six_front_line_posts(org: sc.Organization) -> None:
    book = org.phrase_book()
    assert tuple(r.id for r in book.roles) == ROLE_IDS
    assert [r.name.localize("zh_Hans") for r in book.roles] == [
        "迎宾员",
        "收银员",
        "现金办",
        "团购部",
        "班车组",
        "服务台",
    ]
    assert [r.name.localize("zh_Hant") for r in book.roles][:2] == ["迎賓員", "收銀員"]
    assert book.role(lr.SHUTTLE_BUS).name.localize("en") == "Shuttle bus team"


def test_every_courtesy_rule_but_the_role_list_has_entries(org: sc.Organization) -> None:
    book = org.phrase_book()
    cited = {e.cite.rule_id for e in book.entries}
    assert cited == {f"LR-{n:02d}" for n in range(1, 12)} - {"LR-03"}


def test_every_entry_cites_an_lr_rule_of_the_guide(org: sc.Organization) -> None:
    for entry in org.phrase_book().entries:
        assert LR_RULE_ID.match(entry.cite.rule_id), entry.cite
        assert entry.cite.clause.startswith(SOURCE), entry.cite


def test_the_guide_forbids_nothing(org: sc.Organization) -> None:
    # AMB-15: lists are per plugin; LOTUS's "欢迎下次光临" is required here whatever
    # another organisation forbids.
    book = org.phrase_book()
    assert book.of_kind(sc.PhraseKind.FORBIDDEN) == ()
    assert any("欢迎下次光临" in e.wordings for e in book.of_kind(sc.PhraseKind.REQUIRED))


def test_the_core_set_is_per_post(org: sc.Organization) -> None:
    book = org.phrase_book()
    for role in ROLE_IDS:
        farewell = [e.cite.rule_id for e in book.script(role, sc.Scenario.FAREWELL)]
        assert farewell == (
            ["LR-11"]
            if role in lr.CORE_SET_ROLES
            else ["LR-10"]
            if role == lr.GROUP_PURCHASE
            else []
        )


# Loading -----------------------------------------------------------------------------------


def test_conforms_to_servicecodex() -> None:
    check_plugin("lotus-retail", lr, hooks=HOOKS)


def test_profile(org: sc.Organization) -> None:
    profile = org.profile
    assert profile is lr.PROFILE
    assert [profile.name.localize(loc) for loc in LOCALES] == [
        "LOTUS门店前端顾客服务",
        "LOTUS門店前端顧客服務",
        "LOTUS store front-line customer service",
    ]
    assert (profile.locale, profile.timezone, profile.currency, profile.holidays) == (
        "zh_Hans_CN",
        "Asia/Shanghai",
        "CNY",
        "CN",
    )


def test_module_object_without_entry_points() -> None:
    org = make_organization(lr)
    assert org.plugins == ("servicecodex_lotus_retail",)
    assert org.phrase_book() == lr.PHRASE_BOOK


@pytest.mark.parametrize(
    "policy",
    [
        "ladder",
        "salary_bands",
        "penalty_schedule",
        "appraisal_scheme",
        "shift_policy",
    ],
)
def test_later_rounds_stay_undefined(org: sc.Organization, policy: str) -> None:
    with pytest.raises(sc.PolicyNotDefinedError):
        getattr(org, policy)


def test_service_levels_are_the_core_defaults(org: sc.Organization) -> None:
    """The guide sets no service level: the built-in defaults of the generic manuals (GM)
    apply."""
    reasons = org.service_levels.describe_all()
    assert reasons
    assert all(r.rule_id.startswith("GM-") for r in reasons)


def test_plugins_lists_lotus_retail() -> None:
    stdout = run_cli("plugins", "--json")
    (row,) = [p for p in json.loads(stdout)["plugins"] if p["id"] == "lotus-retail"]
    assert row["hooks"] == list(HOOKS)


def test_inspect_renders_the_phrases() -> None:
    stdout = run_cli("inspect", "lotus-retail", "--locale", "zh_Hans")
    assert "LOTUS门店前端顾客服务" in stdout
    assert "“请稍等…分钟”为必用用语（请客户稍候，group-purchase）（LR-09）" in stdout


# The front-line posts (LR-03) --------------------------------------------------------------


def test_lr_03_six_front_line_posts_in_the_guides_order() -> None:
    """LR-03: 迎宾员, 收银员, 现金办, 团购部, 班车组, 服务台 speak the standard phrases."""
    assert tuple(r.id for r in lr.ROLES) == ROLE_IDS
    assert sc.Citation("LR-03", "003 顾客服务指导手册 前端员工") == lr.ROLES_CITE
    assert [r.explain("zh_Hans") for r in lr.posts()] == [
        f"{zh}说标准的礼貌用语（LR-03）"
        for zh in ("迎宾员", "收银员", "现金办", "团购部", "班车组", "服务台")
    ]
    assert (
        lr.posts()[4].explain("en") == "Shuttle bus team uses the standard polite phrases (LR-03)"
    )
    assert lr.front_line_post("cash-office").name.localize("zh_Hant") == "現金辦"


def test_lr_03_every_post_is_checked_against_its_script(org: sc.Organization) -> None:
    """LR-03 via lr.check: the cashier who forgets the farewell is found; the same words
    with no post would escape the core set (LR-11), so lr.check refuses them."""
    lines = (agent("您好！"), customer("谢谢。"), agent("谢谢。"))
    cashier = lr.check(org, transcript(*lines, role=lr.CASHIER))
    assert ("missing", "LR-11", 2) in rules(cashier)
    assert org.phrase_checker().check(transcript(*lines)).findings == ()
    with pytest.raises(sc.ValidationError, match=r"no front-line post given \(LR-03\)"):
        lr.check(org, transcript(*lines))


@pytest.mark.parametrize("role", ROLE_IDS)
def test_lr_03_each_posts_compliant_conversation_passes_lr_check(
    org: sc.Organization, role: str
) -> None:
    assert lr.check(org, COMPLIANT[role]).findings == ()


def test_lr_03_a_post_not_on_the_list_is_refused() -> None:
    with pytest.raises(sc.ValidationError, match=r"not a front-line post \(LR-03\)"):
        lr.front_line_post("butcher")
