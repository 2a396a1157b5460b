"""The Jingyun Warehouse's courtesy rules (JW-22, JW-23, JW-24) on its own calls."""

from __future__ import annotations

import pendulum
import pytest
import servicecodex_jingyun_warehouse as jw

import servicecodex as sc
from servicecodex.testing import make_transcript, organization_fixture

START = pendulum.datetime(2026, 3, 6, 14, tz="Asia/Shanghai")
ANSWER = "您好，京云仓客服中心，我是客服小陈，请问有什么可以帮您？"
CLOSE = "感谢您的来电，我们的客服热线是400-800-1234，请问还有其他需要帮助的吗？"
CLAUSES = {
    "JW-22": "000 篇1 第八條",
    "JW-23": "000 篇2 第四條.1",
    "JW-24": "000 篇2 第六條.8",
}


org = organization_fixture("jingyun-warehouse")


def call(*turns: tuple[str, str]) -> sc.Transcript:
    """A call from 14:00 on 6 March 2026, one turn every 20 seconds."""
    return make_transcript(*turns, start=START, every=pendulum.duration(seconds=20))


def proper_call(
    answer: str = ANSWER, middle: str = "您的货已出库，明天送达。", close: str = CLOSE
) -> sc.Transcript:
    return call(
        ("agent", answer),
        ("customer", "我的货到哪了？单号JY2026030601"),
        ("agent", middle),
        ("customer", "好的"),
        ("agent", close),
    )


def check(org: sc.Organization, transcript: sc.Transcript) -> sc.TranscriptCheck:
    return org.phrase_checker().check(transcript)


def found(result: sc.TranscriptCheck) -> list[tuple[str, str, int | None, str]]:
    return [(f.kind.value, f.rule_id, f.turn, f.entry.phrase) for f in result.findings]


# The book ---------------------------------------------------------------------------------


def test_the_hook_gives_the_zh_hans_book(org: sc.Organization) -> None:
    assert org.phrase_book() == jw.PHRASE_BOOK
    assert jw.PHRASE_BOOK.entries == (*jw.ANSWERING_PHRASES, *jw.INSULTS, *jw.CLOSING_PHRASES)
    assert jw.servicecodex_courtesy_phrases(jw.PROFILE, "en") is None
    assert jw.servicecodex_courtesy_phrases(jw.PROFILE, "zh_Hant") is None
    assert org.phrase_book("en").entries == ()


def test_the_zh_hant_book_is_derived(org: sc.Organization) -> None:
    hant = org.phrase_book("zh_Hant")
    assert [e.phrase for e in hant.entries[:3]] == ["您好", "我是*", "京雲倉"]
    assert [e.phrase for e in hant.entries[3:9]] == [
        "神經病",
        "白癡",
        "笨蛋",
        "蠢貨",
        "滾蛋",
        "閉嘴",
    ]


def test_entries_cite_their_rule_and_clause() -> None:
    groups = {"JW-22": jw.INSULTS, "JW-23": jw.ANSWERING_PHRASES, "JW-24": jw.CLOSING_PHRASES}
    for rule_id, entries in groups.items():
        for entry in entries:
            assert (entry.cite.rule_id, entry.cite.clause) == (rule_id, CLAUSES[rule_id])


def test_kinds_and_placements() -> None:
    assert all(e.kind is sc.PhraseKind.FORBIDDEN and e.instead is None for e in jw.INSULTS)
    assert all(e.scenario is sc.Scenario.ANY for e in jw.INSULTS)
    assert {(e.kind, e.scenario, e.placement) for e in jw.ANSWERING_PHRASES} == {
        (sc.PhraseKind.REQUIRED, sc.Scenario.GREETING, sc.Placement.FIRST_TURN)
    }
    assert {(e.kind, e.scenario, e.placement) for e in jw.CLOSING_PHRASES} == {
        (sc.PhraseKind.REQUIRED, sc.Scenario.FAREWELL, sc.Placement.LAST_TURN)
    }


def test_entries_in_words() -> None:
    company = jw.ANSWERING_PHRASES[2]
    assert company.describe().explain("zh_Hans") == (
        "“京云仓”为必用用语，在客服的第一句话里（问候）（JW-23）"
    )
    assert company.describe().explain("en") == (
        "“京云仓” is required, in the agent's first turn (greeting) (JW-23)"
    )
    assert jw.INSULTS[0].describe().explain("en") == "“神经病” is forbidden (any moment) (JW-22)"


# A proper call ---------------------------------------------------------------------------


def test_a_proper_call_passes(org: sc.Organization) -> None:
    result = check(org, proper_call())
    assert result.passed
    assert sorted({hit.entry.cite.rule_id for _, hit in result.hits}) == ["JW-23", "JW-24"]


@pytest.mark.parametrize(
    "answer",
    [
        "您好，京云仓，我是客服小陈。",
        "早上好，京雲倉客服中心，工号1024为您服务。",  # the company in traditional script
        "你好！这里是京云仓，客服小李为您服务。",
        "下午好，京 云 仓，我是 3 号客服。",
    ],
)
def test_ways_of_answering(org: sc.Organization, answer: str) -> None:
    assert check(org, proper_call(answer=answer)).passed


@pytest.mark.parametrize(
    "close",
    [
        "谢谢您的来电，有问题请拨打400-800-1234，请问还有什么可以帮您？",
        "感谢来电！联系方式已短信发给您，还需要其他帮助吗？",
        "感謝您的來電，熱線400-800-1234，還有其他問題嗎？",
    ],
)
def test_ways_of_closing(org: sc.Organization, close: str) -> None:
    assert check(org, proper_call(close=close)).passed


def test_the_customer_is_not_judged(org: sc.Organization) -> None:
    transcript = call(
        ("agent", ANSWER),
        ("customer", "你们是神经病吗，货又丢了！闭嘴听我说"),
        ("agent", "非常抱歉，我马上为您查询。"),
        ("agent", CLOSE),
    )
    assert check(org, transcript).passed


# JW-23, JW-24: required phrases missing --------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "missing"),
    [
        ("京云仓，我是客服小陈。", "您好"),
        ("您好，我是客服小陈。", "京云仓"),
        ("您好，京云仓客服中心。", "我是*"),
        ("喂？", "您好 我是* 京云仓"),
    ],
)
def test_answering_without_greeting_name_or_company(
    org: sc.Organization, answer: str, missing: str
) -> None:
    result = check(org, proper_call(answer=answer))
    assert found(result) == [("missing", "JW-23", 0, phrase) for phrase in missing.split()]


def test_answering_explained(org: sc.Organization) -> None:
    result = check(org, proper_call(answer="您好，我是客服小陈。"))
    assert result.explain("zh_Hans") == ["第1句：客服的第一句话缺少“京云仓”（JW-23）"]
    assert result.explain("zh_Hant") == ["第1句：客服的第一句話缺少“京雲倉”（JW-23）"]
    assert result.explain("en") == ["Turn 1: the agent's first turn lacks “京云仓” (JW-23)"]
    traditional = org.phrase_checker("zh_Hant").check(proper_call(answer="您好，我是客服小陈。"))
    assert traditional.explain("zh_Hant") == ["第1句：客服的第一句話缺少“京雲倉”（JW-23）"]


@pytest.mark.parametrize(
    ("close", "missing"),
    [
        ("我们的客服热线是400-800-1234，请问还有其他需要帮助的吗？", "感谢您的来电"),
        ("感谢您的来电，请问还有其他需要帮助的吗？", "联系电话"),
        ("感谢您的来电，我们的客服热线是400-800-1234。", "还有什么可以帮您"),
        ("好的，拜拜。", "感谢您的来电 联系电话 还有什么可以帮您"),
    ],
)
def test_closing_without_thanks_contact_or_offer(
    org: sc.Organization, close: str, missing: str
) -> None:
    result = check(org, proper_call(close=close))
    assert found(result) == [("missing", "JW-24", 4, phrase) for phrase in missing.split()]


def test_closing_said_too_early_does_not_count(org: sc.Organization) -> None:
    transcript = call(
        ("agent", ANSWER), ("agent", CLOSE), ("customer", "还有一件事"), ("agent", "好的，请讲。")
    )
    result = check(org, transcript)
    assert [(f.rule_id, f.turn) for f in result.findings] == [("JW-24", 3)] * 3


def test_closing_explained(org: sc.Organization) -> None:
    result = check(org, proper_call(close="感谢您的来电，请问还有其他需要帮助的吗？"))
    assert result.explain("en") == [
        "Turn 5: the agent's last turn lacks “联系电话 / 联系方式 / 热线 / 请拨打 / 请致电 / 邮箱” (JW-24)"
    ]
    assert result.explain("zh_Hans") == [
        "第5句：客服的最后一句话缺少“联系电话 / 联系方式 / 热线 / 请拨打 / 请致电 / 邮箱”（JW-24）"
    ]


# JW-22: insults ----------------------------------------------------------------------------

INSULT_WORDINGS = [(e.phrase, w) for e in jw.INSULTS for w in e.wordings]


@pytest.mark.parametrize(("phrase", "wording"), INSULT_WORDINGS)
def test_each_insult_is_found_with_its_span(
    org: sc.Organization, phrase: str, wording: str
) -> None:
    middle = f"您说什么？{wording}！"
    result = check(org, proper_call(middle=middle))
    (finding,) = result.findings
    assert (finding.kind, finding.rule_id, finding.turn) == (sc.FindingKind.FORBIDDEN, "JW-22", 2)
    assert finding.entry.phrase == phrase
    assert finding.span == (5, 5 + len(wording))
    assert finding.said == wording == middle[slice(*finding.span)]
    assert finding.instead is None


@pytest.mark.parametrize(
    ("middle", "said"),
    [
        ("你是白癡嗎", "白癡"),  # traditional
        ("神經 病", "神經 病"),  # traditional and a space
        ("闭　嘴", "闭　嘴"),  # full-width space
        ("笨\u200b蛋", "笨\u200b蛋"),  # zero-width space
        ("蠢.货", "蠢.货"),  # punctuation
        ("滾-開", "滾-開"),  # traditional and a hyphen
    ],
)
def test_disguised_insults_are_found(org: sc.Organization, middle: str, said: str) -> None:
    result = check(org, proper_call(middle=middle))
    (finding,) = result.findings
    assert finding.rule_id == "JW-22"
    assert finding.said == said
    start = middle.index(said)
    assert finding.span == (start, start + len(said))


def test_insults_explained_in_three_locales(org: sc.Organization) -> None:
    result = check(org, proper_call(middle="神经病，闭嘴！"))
    assert [f.span for f in result.findings] == [(0, 3), (4, 6)]
    assert result.explain("zh_Hans") == [
        "第3句：“神经病”是禁用语（JW-22）",
        "第3句：“闭嘴”是禁用语（JW-22）",
    ]
    assert result.explain("zh_Hant") == [
        "第3句：“神经病”是禁用語（JW-22）",
        "第3句：“闭嘴”是禁用語（JW-22）",
    ]
    assert result.explain("en") == [
        "Turn 3: “神经病” is forbidden (JW-22)",
        "Turn 3: “闭嘴” is forbidden (JW-22)",
    ]


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant", "en"])
def test_every_finding_renders(org: sc.Organization, locale: str) -> None:
    result = check(org, call(("agent", "喂？"), ("customer", "货呢"), ("agent", "白痴，滚蛋")))
    assert {f.rule_id for f in result.findings} == {"JW-22", "JW-23", "JW-24"}
    assert len(result.findings) == 2 + 3 + 3
    for reason in result.reasons:
        assert reason.rule_id in reason.explain(locale)
