"""The CS department's courtesy rules (EH-41, EH-44, EH-60) on its own phone calls, and
the deduction points a finding leads to."""

from __future__ import annotations

from decimal import Decimal

import pendulum
import pytest
import servicecodex_enterprise_handbook as eh

import servicecodex as sc
from servicecodex.testing import make_transcript, organization_fixture

START = pendulum.datetime(2026, 3, 10, 10, tz="Asia/Shanghai")
ANSWER = "您好，客户服务部，请问有什么可以帮您？"
CLOSE = "好的，谢谢您的来电，再见。"
CLAUSES = {
    "EH-41": "003 绩效考核 四 部门三忌",
    "EH-44": "003 扣分条款 一.3",
    "EH-60": "003 扣分条款 四.1a",
}


org = organization_fixture("enterprise-handbook")


def call(*turns: tuple[str, str]) -> sc.Transcript:
    """A call from 10:00 on 10 March 2026, one turn every 30 seconds."""
    return make_transcript(*turns, start=START, every=pendulum.duration(seconds=30))


def proper_call(answer: str = ANSWER, middle: str = "您的型材明天发货。") -> sc.Transcript:
    return call(
        ("agent", answer),
        ("customer", "我订的型材什么时候发货？"),
        ("agent", middle),
        ("customer", "好，谢谢"),
        ("agent", CLOSE),
    )


def check(org: sc.Organization, transcript: sc.Transcript) -> sc.TranscriptCheck:
    return org.phrase_checker().check(transcript)


# The book ---------------------------------------------------------------------------------


def test_the_hook_gives_the_zh_hans_book(org: sc.Organization) -> None:
    assert org.phrase_book() == eh.PHRASE_BOOK
    assert eh.PHRASE_BOOK.entries == (
        eh.ANSWERING_GREETING,
        *eh.CIVIL_PHRASES,
        *eh.DISRESPECT,
        *eh.UNCIVIL_PHRASES,
    )
    assert eh.servicecodex_courtesy_phrases(eh.PROFILE, "en") is None
    assert eh.servicecodex_courtesy_phrases(eh.PROFILE, "zh_Hant") is None
    assert set(org.effective_policy().phrase_books) == {"zh_Hans", "zh_Hant"}
    hant = org.phrase_book("zh_Hant")
    assert [e.phrase for e in hant.entries] == [
        "您好",
        "請",
        "謝謝",
        "對不起",
        "再見",
        "愛買不買",
        "煩不煩",
        "有完沒完",
        "你懂不懂",
        "懶得理你",
        "他媽的",
        "王八蛋",
        "混蛋",
        "滾蛋",
    ]


def test_entries_cite_their_rule_and_clause() -> None:
    groups = {
        "EH-41": eh.DISRESPECT,
        "EH-44": (*eh.UNCIVIL_PHRASES, *eh.CIVIL_PHRASES),
        "EH-60": (eh.ANSWERING_GREETING,),
    }
    for rule_id, entries in groups.items():
        for entry in entries:
            assert (entry.cite.rule_id, entry.cite.clause) == (rule_id, CLAUSES[rule_id])


def test_kinds() -> None:
    assert all(e.kind is sc.PhraseKind.FORBIDDEN and e.instead for e in eh.DISRESPECT)
    assert all(e.kind is sc.PhraseKind.FORBIDDEN and not e.instead for e in eh.UNCIVIL_PHRASES)
    assert all(e.kind is sc.PhraseKind.RECOMMENDED for e in eh.CIVIL_PHRASES)
    greeting = eh.ANSWERING_GREETING
    assert (greeting.kind, greeting.scenario, greeting.placement) == (
        sc.PhraseKind.REQUIRED,
        sc.Scenario.GREETING,
        sc.Placement.FIRST_TURN,
    )
    assert [e.phrase for e in eh.PHRASE_BOOK.script(scenario=sc.Scenario.APOLOGY)] == ["对不起"]


def test_findings_name_deduction_items_of_the_schedule(org: sc.Organization) -> None:
    schedule = org.penalty_schedule
    rules = {rule_id: schedule.rule(code) for rule_id, code in eh.PHRASE_VIOLATIONS.items()}
    # EH-44 and EH-60 are deduction items themselves: the same citation
    assert rules["EH-44"].cite == eh.UNCIVIL_PHRASES[0].cite
    assert rules["EH-60"].cite == eh.ANSWERING_GREETING.cite
    # EH-41's taboos are deducted by EH-46
    assert rules["EH-41"].cite.rule_id == "EH-46"
    assert {rule_id: rule.points for rule_id, rule in rules.items()} == {
        "EH-41": sc.PointsRange(5, 5),
        "EH-44": sc.PointsRange(1, 1),
        "EH-60": sc.PointsRange(1, 1),
    }


def test_entries_in_words() -> None:
    assert eh.ANSWERING_GREETING.describe().explain("en") == (
        "“您好 / 你好 / 早上好 / 上午好 / 中午好 / 下午好 / 晚上好” is required, "
        "in the agent's first turn (greeting) (EH-60)"
    )
    assert eh.DISRESPECT[0].describe().explain("zh_Hans") == (
        "“爱买不买”为禁用用语（任何时候），请改说“您可以再考虑一下”（EH-41）"
    )


# Calls -----------------------------------------------------------------------------------


def test_a_courteous_call_passes(org: sc.Organization) -> None:
    result = check(org, proper_call())
    assert result.passed
    used = sorted({hit.entry.cite.rule_id for _, hit in result.hits})
    assert used == ["EH-44", "EH-60"]


def test_the_customer_is_not_judged(org: sc.Organization) -> None:
    transcript = call(
        ("agent", ANSWER),
        ("customer", "你们有完没完，他妈的又延期！"),
        ("agent", "非常抱歉，我马上为您查询。"),
    )
    assert check(org, transcript).passed


def test_recommended_words_are_never_required(org: sc.Organization) -> None:
    """请, 谢谢, 对不起, 再见 are recommended (EH-44): a call without them still passes."""
    assert check(org, call(("agent", "您好，客户服务部。"), ("agent", "已经发货了。"))).passed


@pytest.mark.parametrize("answer", ["喂？", "客户服务部。", "说吧，什么事"])
def test_answering_without_a_greeting(org: sc.Organization, answer: str) -> None:
    result = check(org, proper_call(answer=answer))
    (finding,) = result.findings
    assert (finding.kind, finding.rule_id, finding.turn) == (sc.FindingKind.MISSING, "EH-60", 0)
    assert eh.PHRASE_VIOLATIONS[finding.rule_id] == "discourteous-answering"


def test_answering_without_a_greeting_explained(org: sc.Organization) -> None:
    result = check(org, proper_call(answer="喂？"))
    greetings = "您好 / 你好 / 早上好 / 上午好 / 中午好 / 下午好 / 晚上好"
    assert result.explain("zh_Hans") == [f"第1句：客服的第一句话缺少“{greetings}”（EH-60）"]
    assert result.explain("zh_Hant") == [f"第1句：客服的第一句話缺少“{greetings}”（EH-60）"]
    assert result.explain("en") == [f"Turn 1: the agent's first turn lacks “{greetings}” (EH-60)"]


@pytest.mark.parametrize("answer", ["早上好，客户服务部。", "你好", "下午好！"])
def test_any_greeting_will_do(org: sc.Organization, answer: str) -> None:
    assert check(org, proper_call(answer=answer)).passed


FORBIDDEN = [
    (entry.cite.rule_id, entry.phrase, wording)
    for entry in (*eh.DISRESPECT, *eh.UNCIVIL_PHRASES)
    for wording in entry.wordings
]


@pytest.mark.parametrize(("rule_id", "phrase", "wording"), FORBIDDEN)
def test_each_forbidden_phrase_is_found_with_its_span(
    org: sc.Organization, rule_id: str, phrase: str, wording: str
) -> None:
    middle = f"型材明天发，{wording}！"
    result = check(org, proper_call(middle=middle))
    (finding,) = result.findings
    assert (finding.kind, finding.rule_id, finding.turn) == (sc.FindingKind.FORBIDDEN, rule_id, 2)
    assert finding.entry.phrase == phrase
    assert finding.span == (6, 6 + len(wording))
    assert finding.said == wording == middle[slice(*finding.span)]
    assert finding.instead == finding.entry.instead
    assert eh.PHRASE_VIOLATIONS[rule_id] in {"three-taboos", "uncivil-language"}


@pytest.mark.parametrize(
    ("middle", "said", "rule_id"),
    [
        ("愛買不買", "愛買不買", "EH-41"),  # traditional
        ("有 完 没 完", "有 完 没 完", "EH-41"),  # spaces
        ("您懂不懂？", "您懂不懂", "EH-41"),  # the polite pronoun does not excuse it
        ("煩\u200b不\u200b煩", "煩\u200b不\u200b煩", "EH-41"),  # traditional, zero-width
        ("王八　蛋", "王八　蛋", "EH-44"),  # full-width space
        ("他．媽．的", "他．媽．的", "EH-44"),  # full-width full stops, traditional
        ("滾開！", "滾開", "EH-44"),  # traditional
    ],
)
def test_disguised_phrases_are_found(
    org: sc.Organization, middle: str, said: str, rule_id: str
) -> None:
    result = check(org, proper_call(middle=middle))
    (finding,) = result.findings
    assert (finding.rule_id, finding.said) == (rule_id, said)
    start = middle.index(said)
    assert finding.span == (start, start + len(said))


def test_forbidden_findings_explained(org: sc.Organization) -> None:
    result = check(org, proper_call(middle="烦不烦啊，混蛋"))
    assert [(f.rule_id, f.span) for f in result.findings] == [("EH-41", (0, 3)), ("EH-44", (5, 7))]
    assert result.explain("zh_Hans") == [
        "第3句：“烦不烦”是禁用语，应说“我再为您说明一下”（EH-41）",
        "第3句：“混蛋”是禁用语（EH-44）",
    ]
    assert result.explain("zh_Hant") == [
        "第3句：“烦不烦”是禁用語，應說“我再爲您說明一下”（EH-41）",
        "第3句：“混蛋”是禁用語（EH-44）",
    ]
    assert result.explain("en") == [
        "Turn 3: “烦不烦” is forbidden; say “我再为您说明一下” instead (EH-41)",
        "Turn 3: “混蛋” is forbidden (EH-44)",
    ]


def test_findings_become_deduction_points(org: sc.Organization) -> None:
    """One call, three findings: a missing greeting (EH-60, 1), disrespect (EH-46, 5),
    a coarse word (EH-44, 1); the department records them and deducts 7 points."""
    transcript = proper_call(answer="喂？", middle="爱买不买，他妈的")
    result = check(org, transcript)
    codes = [eh.PHRASE_VIOLATIONS[f.rule_id] for f in result.findings]
    assert codes == ["discourteous-answering", "three-taboos", "uncivil-language"]
    ledger = sc.Ledger()
    for number, (finding, code) in enumerate(zip(result.findings, codes, strict=True), 1):
        assert finding.turn is not None
        when = transcript.turns[finding.turn].at
        evidence = finding.reason.explain("zh_Hans")
        ledger.record(sc.Violation(f"C-{number}", "S-007", code, when, evidence=evidence))
    march = org.penalty_schedule.assess("S-007", ledger, sc.Month(2026, 3), org.calendar)
    assert march.points == Decimal(7)
    assert march.total == sc.Money(0, "CNY")


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant", "en"])
def test_every_finding_renders(org: sc.Organization, locale: str) -> None:
    result = check(org, proper_call(answer="喂", middle="你懂不懂？王八蛋"))
    assert [f.rule_id for f in result.findings] == ["EH-60", "EH-41", "EH-44"]
    for reason, finding in zip(result.reasons, result.findings, strict=True):
        rendered = reason.explain(locale)
        assert finding.rule_id in rendered
        if finding.said is not None:
            assert finding.said in rendered
