"""The built-in defaults: the generic manuals' rules (GM-01 … GM-10) for an organisation
whose plugins say nothing, and nothing of them where a plugin speaks (AMB-56)."""

from __future__ import annotations

from decimal import Decimal

import pendulum
import pytest

import servicecodex as sc
from servicecodex import hookimpl
from servicecodex._coverage import DEFAULTS_ID, RuleState, rule_coverage
from servicecodex.testing import make_organization

TZ = "Asia/Shanghai"


def at(minute: int, second: int = 0) -> pendulum.DateTime:
    return pendulum.datetime(2026, 3, 9, 10, minute, second, tz=TZ)


def transcript(*turns: tuple[str, int, str]) -> sc.Transcript:
    return sc.Transcript([sc.Turn(who, at(0, second), text) for who, second, text in turns])


DEFAULTS = sc.Organization.load()
RULES = DEFAULTS.service_levels.case_rules


# Channels, survey and register (GM-01, GM-04, GM-10) -----------------------------------


def test_phone_email_and_sms_are_served_and_nothing_else_gm01() -> None:
    """GM-01 names phone, email and SMS and no number: no deadline is set (AMB-05)."""
    levels = DEFAULTS.service_levels
    assert levels.cite.rule_id == "GM-01"
    assert [c.value for c in levels.channels] == ["phone", "email", "sms"]
    assert levels.targets == ()
    with pytest.raises(sc.UnknownChoiceError, match="phone, email, sms"):
        levels.open_case("C-0", "inquiry", "online_chat", "wang", "A-017", at(0))


def test_satisfaction_is_surveyed_and_summarised_gm04() -> None:
    survey = DEFAULTS.service_levels.survey
    assert survey is not None
    assert survey.cite.rule_id == "GM-04"
    responses = [
        survey.response(f"R-{n}", "A-017", f"customer-{n}", at(n), {"overall": score})
        for n, score in enumerate((5, 4, 3))
    ]
    result = survey.summarise(responses, "A-017", sc.Month(2026, 3), TZ)
    assert (result.count, result.overall) == (3, Decimal("4.00"))
    assert result.explain("en")[0] == (
        "Satisfaction with A-017 in March 2026: mean 4 on a scale of 1 to 5, from 3 responses (GM-04)"
    )


def test_customer_needs_are_registered_and_counted_gm10() -> None:
    spec = DEFAULTS.service_levels.register("customer-needs")
    assert spec.cite.rule_id == "GM-10"
    wang = {"customer": "王芳", "phone": "13812345678", "need": "换货", "assigned-to": "A-017"}
    book = spec.register().add(at(1), wang)
    book = book.add(at(2), {"customer": "李娜", "need": "发票", "assigned-to": "A-020"})
    assert book.rows()[0]["phone"] == "138****5678"
    report = book.report("month", sc.Month(2026, 3), TZ)
    assert report.explain("en")[0] == "2 entries in March 2026 (GM-10)"
    with pytest.raises(sc.ServiceCodexError, match="need"):
        spec.entry(at(3), {"customer": "周婷", "assigned-to": "A-017"})


# Cases: the manuals' playbooks, workflow, ownership and escalation (GM-02 … GM-07) ----


def test_an_inquiry_records_the_customer_and_names_who_follows_up_gm02() -> None:
    case = sc.Case.open(RULES, "C-1", "inquiry", "phone", "13812345678", "A-017", at(0))
    assert [r.rule_id for r in case.review(at(1))] == ["GM-02", "GM-02"]
    case = case.take("record-details", at(2), "A-017").take("assign-person", at(3), "A-017")
    assert case.review(at(4)) == []
    # GM-02: the person assigned owns the case; someone else answering is flagged.
    contact = sc.Contact("K-1", "phone", at(5), "A-020", "13812345678", "回电")
    flagged = case.add_contact(contact).review(at(6))
    assert [r.rule_id for r in flagged] == ["GM-02"]
    assert "A-020" in flagged[0].explain("en")


def test_an_after_sales_problem_gets_an_expected_time_and_follow_up_gm03() -> None:
    case = sc.Case.open(RULES, "C-2", "after-sales", "email", "wang@example.com", "A-017", at(0))
    steps = [s.id for s in case.category.playbook]
    assert steps == ["expected-time", "follow-up"]
    assert {s.cite.rule_id for s in case.category.playbook} == {"GM-03"}
    case = case.take("expected-time", at(1), "A-017")
    for n, step in enumerate(("analyse", "handle", "reply")):
        case = case.advance(step, at(2 + n), "A-017")
    done = case.close(at(9), "A-017")
    assert [r.explain("en") for r in done.review(at(9))] == [
        "Case C-2 was closed without the playbook step follow up on the progress (GM-03)"
    ]


def test_a_complaint_is_listened_to_apologised_for_recorded_followed_and_answered_gm05() -> None:
    case = sc.Case.open(RULES, "C-3", "complaint", "phone", "13812345678", "A-017", at(0))
    steps = ["listen", "apologise", "record", "follow-up", "report-outcome"]
    assert [s.id for s in case.category.playbook] == steps
    assert [r.rule_id for r in case.review(at(1))] == ["GM-05"] * 5
    for n, step in enumerate(steps):
        case = case.take(step, at(1 + n), "A-017")
    assert case.review(at(9)) == []


def test_the_complaint_workflow_is_receive_analyse_handle_reply_gm06() -> None:
    assert RULES.workflow.cite.rule_id == "GM-06"
    case = sc.Case.open(RULES, "C-4", "complaint", "sms", "13812345678", "A-017", at(0))
    assert [s.id for s in RULES.workflow.steps] == ["receive", "analyse", "handle", "reply"]
    with pytest.raises(sc.TransitionError):
        case.advance("reply", at(1), "A-017")
    for n, step in enumerate(("analyse", "handle", "reply")):
        case = case.advance(step, at(1 + n), "A-017")
    assert case.step.id == "reply"


def test_what_cannot_be_solved_goes_to_higher_level_support_gm07() -> None:
    case = sc.Case.open(RULES, "C-5", "inquiry", "phone", "13812345678", "A-017", at(0), major=True)
    assert [r.rule_id for r in case.review(at(1)) if r.rule_id == "GM-07"] == ["GM-07"]
    escalated = case.escalate("S-001", at(2), "A-017", "the customer's problem needs a supervisor")
    assert all(r.rule_id != "GM-07" for r in escalated.review(at(3)))


# Courtesy: never argue (GM-08), restate the problem (GM-09) --------------------------


def test_arguing_with_the_customer_is_forbidden_with_what_to_say_instead_gm08() -> None:
    chat = transcript(
        ("customer", 0, "我买的电饭煲坏了，不能加热"),
        ("agent", 20, "这不可能，你错了。您的意思是不能加热吗？"),
    )
    check = DEFAULTS.phrase_checker().check(chat)
    found = [(f.rule_id, f.said, f.instead) for f in check.findings]
    assert found == [
        ("GM-08", "这不可能", "我马上为您核实一下"),
        ("GM-08", "你错了", "可能是我没有说清楚，我再为您确认一下"),
    ]
    # Reassurances are not arguments: 不是你错了, 以后不可能再发生了.
    for reply in ("不是你错了，我们来处理", "我不是说您错了", "以后不可能再发生了，请您放心"):
        excused = transcript(("customer", 0, "是我搞错了吗"), ("agent", 10, reply))
        assert DEFAULTS.phrase_checker().check(excused).findings == (), reply


def test_a_problem_described_is_restated_in_the_reply_gm09() -> None:
    missed = transcript(
        ("customer", 0, "快递一直没收到"),
        ("agent", 15, "好的，我马上查询。"),
    )
    findings = DEFAULTS.phrase_checker().check(missed).findings
    assert [(f.kind.value, f.rule_id, f.turn) for f in findings] == [("missing", "GM-09", 1)]
    restated = transcript(
        ("customer", 0, "快递一直没收到"),
        ("agent", 10, "您好，非常抱歉让您久等了。"),
        ("agent", 15, "跟您确认一下，您三月五日下的订单还没有收到，对吗？"),
    )
    assert DEFAULTS.phrase_checker().check(restated).findings == ()  # the reply's 2nd turn


@pytest.mark.parametrize(
    ("customer", "agent"),
    [
        ("好的，没问题了，谢谢", "不客气，祝您生活愉快！"),
        ("我想问个问题，你们几点下班？", "我们晚上九点下班。"),
        ("东西没坏，就是想问怎么用", "您按一下开关就可以了。"),
    ],
)
def test_no_problem_described_needs_no_restating_gm09(customer: str, agent: str) -> None:
    chat = transcript(("customer", 0, customer), ("agent", 10, agent))
    assert DEFAULTS.phrase_checker().check(chat).findings == ()


def test_the_books_exist_in_three_languages_gm08_gm09() -> None:
    for locale in ("zh_Hans", "zh_Hant", "en"):
        book = DEFAULTS.phrase_book(locale)
        assert {e.cite.rule_id for e in book.entries} == {"GM-08", "GM-09"}
    english = transcript(
        ("customer", 0, "My order never arrived"), ("agent", 9, "You need to calm down.")
    )
    found = DEFAULTS.phrase_checker("en").check(english).findings
    assert [(f.kind.value, f.rule_id) for f in found] == [
        ("missing", "GM-09"),
        ("forbidden", "GM-08"),
    ]
    traditional = transcript(("customer", 0, "東西壞了"), ("agent", 9, "您的意思是東西壞了嗎？"))
    assert DEFAULTS.phrase_checker("zh_Hant").check(traditional).findings == ()
    polite = transcript(
        ("customer", 0, "Great, no problem, thanks!"),
        ("agent", 5, "Sorry if you're wrongly charged; that's impossible to say yet."),
    )
    assert DEFAULTS.phrase_checker("en").check(polite).findings == ()


class SilentBook:
    """A plugin that implements the courtesy hook but gives no book in any locale."""

    @hookimpl
    def servicecodex_courtesy_phrases(self, locale: str) -> sc.PhraseBook | None:
        return None


def test_the_manuals_phrases_stand_aside_for_any_plugin_that_gives_phrases() -> None:
    """AMB-56: GM rules only where a plugin is silent, never mixed into its rules."""
    for plugin_id in ("taobao-shop", "callcenter-general", "lotus-retail"):
        book = sc.Organization.load(plugin_id).phrase_book()
        assert not any(e.cite.rule_id.startswith("GM-") for e in book.entries), plugin_id
    # A plugin implementing the hook speaks for the organisation, even with no book.
    assert make_organization(SilentBook()).phrase_book().entries == ()
    # A plugin that says nothing of phrases keeps the manuals' (GM-08, GM-09).
    assert make_organization(object()).phrase_book() == DEFAULTS.phrase_book()


# Coverage of the generic manuals ------------------------------------------------------


def test_every_generic_manual_rule_is_implemented_and_tested() -> None:
    report = rule_coverage(DEFAULTS_ID)
    assert report.catalogue.prefix == "GM"
    assert report.catalogue.ids == tuple(f"GM-{n:02d}" for n in range(1, 11))
    assert report.gaps == frozenset()
    assert report.uncatalogued == ()
    assert {r.rule_id: r.state for r in report.rules} == {
        f"GM-{n:02d}": RuleState.TESTED for n in range(1, 11)
    }


def test_the_defaults_load_by_their_id() -> None:
    """servicecodex-defaults names the defaults, not a plugin: loading it adds nothing."""
    org = sc.Organization.load(DEFAULTS_ID)
    assert (org.id, org.plugins) == (DEFAULTS_ID, ())
    assert org.effective_policy() == DEFAULTS.effective_policy()
    with_plugin = sc.Organization.load(DEFAULTS_ID, "taobao-shop")
    assert with_plugin.plugins == ("taobao-shop",)
