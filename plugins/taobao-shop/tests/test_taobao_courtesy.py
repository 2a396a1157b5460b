"""The shop's courtesy phrases (TB-87 … TB-92), checked on the shop's own Wangwang chats:
P1 三.2's and P1 五's words, said, disguised, forgotten and excused."""

from __future__ import annotations

import re

import pendulum
import pytest
import servicecodex_taobao_shop as tb

import servicecodex as sc
from servicecodex.testing import disguises, make_transcript, organization_fixture, run_cli

TZ = "Asia/Shanghai"
GLOSS = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
REQUIRED, RECOMMENDED, FORBIDDEN = (
    sc.PhraseKind.REQUIRED,
    sc.PhraseKind.RECOMMENDED,
    sc.PhraseKind.FORBIDDEN,
)
AGENT, BUYER = "agent", "customer"

#: A buyer asks after a sold-out lamp on 2 March 2026, in simplified script as most
#: buyers type; the agent answers as P1 五 wants it.
SOLD_OUT = (
    (BUYER, "在吗？这款台灯白色还有货吗"),
    (AGENT, "亲，您好！请稍等，我帮您查一下库存哦。"),
    (BUYER, "好的"),
    (AGENT, "不好意思亲，白色这款工厂不生产了，黑色还有货，您看可以吗？"),
    (BUYER, "那算了，谢谢"),
    (AGENT, "谢谢亲的理解，欢迎再来看看其他款～"),
)
OPENING = "亲，您好！"


org = organization_fixture("taobao-shop")


@pytest.fixture(scope="module")
def checker(org: sc.Organization) -> sc.PhraseChecker:
    return org.phrase_checker()


def chat(
    *turns: tuple[str, str], role: str | None = None, scenarios: tuple[str, ...] = ()
) -> sc.Transcript:
    """*turns* half a minute apart from 20:00 on 2 March 2026, Shanghai time."""
    start = pendulum.datetime(2026, 3, 2, 20, tz=TZ)
    return make_transcript(
        *turns, start=start, every=pendulum.duration(seconds=30), role=role, scenarios=scenarios
    )


def between(text: str, speaker: str = AGENT) -> sc.Transcript:
    """A courteous opening, then *text* as turn 2 (index 1)."""
    return chat((AGENT, OPENING), (speaker, text))


def found(check: sc.TranscriptCheck) -> list[tuple[str, str, int | None, object, object]]:
    return [(f.kind.value, f.rule_id, f.turn, f.span, f.said) for f in check.findings]


# The book ---------------------------------------------------------------------------------


def test_the_book_rule_by_rule() -> None:
    rows = [
        (
            e.cite.rule_id,
            e.kind.value,
            e.scenario.value,
            None if e.placement is None else e.placement.value,
            e.wordings,
        )
        for e in tb.PHRASE_BOOK.entries
    ]
    assert rows == [
        ("TB-87", "recommended", "greeting", None, ("您好",)),
        ("TB-87", "recommended", "hold", None, ("請稍等",)),
        ("TB-87", "recommended", "thanks", None, ("謝謝", "感謝")),
        ("TB-87", "recommended", "apology", None, ("不好意思", "抱歉")),
        (
            "TB-88",
            "forbidden",
            "any",
            None,
            (
                "他媽的",
                "滾蛋",
                "滾開",
                "閉嘴",
                "混蛋",
                "白癡",
                "傻逼",
                "腦殘",
                "神經病",
                "你有病",
            ),
        ),
        (
            "TB-89",
            "forbidden",
            "any",
            None,
            ("愛買不買", "不買拉倒", "不買就算了", "辦不到", "不行就是不行"),
        ),
        ("TB-89", "forbidden", "any", None, ("你講不講理", "你講不講道理", "跟你說不清")),
        (
            "TB-89",
            "forbidden",
            "any",
            None,
            (
                "是你自己的問題",
                "是您自己的問題",
                "你自己沒看清楚",
                "您自己沒看清楚",
                "你拍錯了",
                "您拍錯了",
                "你看不懂嗎",
                "這都不懂",
                "說了多少遍",
            ),
        ),
        ("TB-89", "forbidden", "any", None, ("不是我們的錯", "我們沒有錯")),
        ("TB-90", "forbidden", "any", None, ("這不是我們的問題，我們不負責任",)),
        (
            "TB-91",
            "forbidden",
            "out_of_stock",
            None,
            ("我們不補貨了", "我們不再補貨了", "我們不會再補貨了"),
        ),
        ("TB-91", "required", "out_of_stock", "any_turn", ("工廠不生產了",)),
        ("TB-92", "required", "any", "any_turn", ("您", "親", "美女", "帥哥")),
    ]
    assert tb.PHRASE_BOOK.entries == tb.PHRASE_ENTRIES
    assert tb.PHRASE_BOOK.locale == "zh_Hant"
    assert tb.HONORIFICS.cite.rule_id == "TB-92"
    assert tb.SWEARING.cite.rule_id == "TB-88"
    assert [e.instead for e in tb.PHRASE_BOOK.of_kind(FORBIDDEN)] == [None] * 6 + ["工廠不生產了"]


def test_every_entry_cites_its_clause_of_p1() -> None:
    clauses = {(e.cite.rule_id, e.cite.clause) for e in tb.PHRASE_BOOK.entries}
    assert clauses == {
        ("TB-87", "002 第二篇 P1 三.2"),
        ("TB-88", "002 第二篇 P1 三.2"),
        ("TB-89", "002 第二篇 P1 五.1"),
        ("TB-89", "002 第二篇 P1 五.2"),
        ("TB-89", "002 第二篇 P1 五.3"),
        ("TB-89", "002 第二篇 P1 五.4"),
        ("TB-90", "002 第二篇 P1 五.5(1)"),
        ("TB-91", "002 第二篇 P1 五.5(2)"),
        ("TB-92", "002 第二篇 P1 五.5(3)"),
    }


def test_phrases_are_stored_clean() -> None:
    """AMB-01: no pinyin gloss in any wording or replacement."""
    for entry in tb.PHRASE_BOOK.entries:
        for text in (*entry.wordings, entry.instead or ""):
            assert not GLOSS.search(text), text


def test_the_posts_are_the_books_roles() -> None:
    """TB-01's posts name the agent of a chat; every rule applies to all of them."""
    assert [r.id for r in tb.PHRASE_BOOK.roles] == ["supervisor", "sales", "after-sales"]
    assert all(e.role is None for e in tb.PHRASE_BOOK.entries)


def test_the_hook_gives_the_traditional_book_only() -> None:
    assert tb.servicecodex_courtesy_phrases("zh_Hant") is tb.PHRASE_BOOK
    assert tb.servicecodex_courtesy_phrases("zh_Hans") is None
    assert tb.servicecodex_courtesy_phrases("en") is None


def test_the_simplified_book_is_derived(org: sc.Organization) -> None:
    assert set(org.effective_policy().phrase_books) == {"zh_Hans", "zh_Hant"}
    assert org.phrase_book("zh_Hant") == tb.PHRASE_BOOK
    assert org.phrase_book("en").entries == ()
    hans_book = org.phrase_book()  # the profile's zh_Hans_CN
    assert hans_book.locale == "zh_Hans"
    assert [e.phrase for e in hans_book.entries if e.cite.rule_id in ("TB-90", "TB-91")] == [
        "这不是我们的问题，我们不负责任",
        "我们不补货了",
        "工厂不生产了",
    ]
    assert hans_book.entries[-3].instead == "工厂不生产了"
    assert hans_book.entries[-1].wordings == ("您", "亲", "美女", "帅哥")
    assert hans_book.roles == tb.PHRASE_BOOK.roles


# Chats as they should be ------------------------------------------------------------------


def test_the_sold_out_lamp_passes(checker: sc.PhraseChecker) -> None:
    """TB-91 applies: the chat declares the out-of-stock scenario.  "欢迎再来" is fine in a
    shop: the hospital's ban is the hospital's (AMB-15)."""
    check = checker.check(chat(*SOLD_OUT, role="sales", scenarios=("out_of_stock",)))
    assert check.passed, check.explain("en")
    used = {(turn, hit.entry.cite.rule_id, hit.wording) for turn, hit in check.hits}
    assert {
        (1, "TB-92", "亲"),
        (1, "TB-92", "您"),
        (1, "TB-87", "您好"),
        (1, "TB-87", "请稍等"),
        (3, "TB-87", "不好意思"),
        (3, "TB-91", "工厂不生产了"),
        (5, "TB-87", "谢谢"),
    } <= used
    assert [r.waited.in_seconds() for r in check.response_times if r.waited] == [30, 30, 30]


def test_the_chat_in_traditional_script_passes_both_books(org: sc.Organization) -> None:
    traditional = [(who, sc.Text(en="-", zh_Hans=t).localize("zh_Hant")) for who, t in SOLD_OUT]
    assert traditional[3][1] == "不好意思親，白色這款工廠不生產了，黑色還有貨，您看可以嗎？"
    for locale in ("zh_Hans", "zh_Hant"):
        check = org.phrase_checker(locale).check(chat(*traditional, scenarios=("out_of_stock",)))
        assert check.passed, check.explain("en")


@pytest.mark.parametrize("role", ["supervisor", "sales", "after-sales", None])
def test_every_post_follows_the_same_rules(checker: sc.PhraseChecker, role: str | None) -> None:
    rude = chat((AGENT, "爱买不买"), role=role)
    assert [f.rule_id for f in checker.check(rude).findings] == ["TB-92", "TB-89"]


def test_a_post_the_shop_does_not_have_is_refused(checker: sc.PhraseChecker) -> None:
    with pytest.raises(sc.ValidationError, match="after-sales"):
        checker.check(chat((AGENT, OPENING), role="cashier"))


# Forbidden phrases --------------------------------------------------------------------------

FORBIDDEN_WORDINGS = [
    (wording, entry.cite.rule_id)
    for entry in tb.PHRASE_BOOK.of_kind(FORBIDDEN)
    for wording in entry.wordings
]


@pytest.mark.parametrize(("wording", "rule_id"), FORBIDDEN_WORDINGS)
def test_each_forbidden_phrase_is_found(
    checker: sc.PhraseChecker, wording: str, rule_id: str
) -> None:
    """As the source prints it (traditional), checked with the shop's zh_Hans book."""
    text = f"哦，{wording}！"
    check = checker.check(between(text))
    assert found(check) == [("forbidden", rule_id, 1, (2, 2 + len(wording)), wording)]


#: The forbidden wordings disguised: in simplified script, spaced, punctuated … (the core's
#: disguises a courtesy check must see through).
DISGUISES = disguises("zh_Hans")


@pytest.mark.parametrize("disguise", DISGUISES)
@pytest.mark.parametrize(("wording", "rule_id"), FORBIDDEN_WORDINGS)
def test_a_disguised_forbidden_phrase_is_found(
    checker: sc.PhraseChecker, wording: str, rule_id: str, disguise: str
) -> None:
    said = DISGUISES[disguise](wording)
    text = f"亲，{said}"
    check = checker.check(between(text))
    assert [(f.rule_id, f.turn) for f in check.findings] == [(rule_id, 1)]
    start, end = check.findings[0].span or (0, 0)
    assert text[start:end] == check.findings[0].said
    assert sc.fold(text[start:end]).text == sc.fold(wording).text
    assert sc.fold(text[:start]).text == sc.fold("亲").text


def test_full_width_latin_is_seen_through() -> None:
    """Full-width forms fold to ASCII: 'ｎｏｎｏ' is 'nono'."""
    shop_word = sc.PhraseEntry("NONO", FORBIDDEN, "any", sc.Citation("XX-01", "a test phrase"))
    book = sc.PhraseBook("zh_Hant", [*tb.PHRASE_ENTRIES, shop_word])
    (hits,) = sc.PhraseChecker(book).scan(["親，Ｎｏ ｎｏ，愛買不買"])
    assert [(h.wording, h.start, h.end) for h in hits] == [
        ("親", 0, 1),
        ("NONO", 2, 7),
        ("愛買不買", 8, 12),
    ]


def test_tb_90_verbatim_in_any_script(checker: sc.PhraseChecker) -> None:
    """TB-90 is one finding for the whole sentence, whatever its punctuation."""
    text = "这不是我们的问题 我们不负责任!!"
    check = checker.check(between(text))
    assert found(check) == [("forbidden", "TB-90", 1, (0, 15), "这不是我们的问题 我们不负责任")]
    assert check.explain("zh_Hans") == ["第2句：“这不是我们的问题 我们不负责任”是禁用语（TB-90）"]


def test_tb_91_is_forbidden_in_any_chat(checker: sc.PhraseChecker) -> None:
    """Said, 我们不补货了 is a finding even where no stock-out was declared."""
    check = checker.check(between("这款我们不补货了哦"))
    assert found(check) == [("forbidden", "TB-91", 1, (2, 8), "我们不补货了")]
    assert check.findings[0].instead == "工厂不生产了"


def test_a_buyer_who_swears_is_no_finding(checker: sc.PhraseChecker) -> None:
    """TB-88: the buyer may swear; only the agent's turns are judged."""
    abusive = "你们他妈的什么破店，神经病！这不是我们的问题，我们不负责任是吧？滚！"
    check = checker.check(between(abusive, speaker=BUYER))
    assert check.passed


@pytest.mark.parametrize(
    "text",
    [
        "我们的问题我们一定负责到底。",  # an agent owning up is not TB-90
        "您下单时备注一下颜色就好。",
        "我们没门店，只在淘宝上卖哦。",  # 没门店 is not a blunt refusal
        "我自己没看清楚，是我们的问题。",  # the agent's own mistake, owned
        "补货要等一周左右哦。",
    ],
)
def test_what_is_not_forbidden(checker: sc.PhraseChecker, text: str) -> None:
    assert checker.check(between(text)).passed


# Required phrases missing ---------------------------------------------------------------


def test_no_honorific_in_the_whole_chat(checker: sc.PhraseChecker) -> None:
    """TB-92: "你" where an honorific is required."""
    plain = chat(
        (BUYER, "在吗"), (AGENT, "在的，你要哪款？"), (BUYER, "白色"), (AGENT, "有货，你直接拍。")
    )
    check = checker.check(plain)
    assert found(check) == [("missing", "TB-92", None, None, None)]
    assert check.explain("zh_Hans") == ["客服始终没有说“您 / 亲 / 美女 / 帅哥”（TB-92）"]


@pytest.mark.parametrize("honorific", ["您", "亲", "親", "美女", "帅哥", "帥哥"])
def test_any_honorific_will_do(checker: sc.PhraseChecker, honorific: str) -> None:
    assert checker.check(chat((BUYER, "在吗"), (AGENT, f"在的{honorific}，要哪款？"))).passed


def test_a_stock_out_without_the_factory(checker: sc.PhraseChecker) -> None:
    """TB-91 in a chat that declares the stock-out: the factory's line is missing."""
    turns = ((BUYER, "白色还有吗"), (AGENT, "亲，白色没有了，您看看黑色？"))
    check = checker.check(chat(*turns, scenarios=("out_of_stock",)))
    assert found(check) == [("missing", "TB-91", None, None, None)]
    assert checker.check(chat(*turns)).passed  # not declared: not required


# In words ---------------------------------------------------------------------------------

QUARREL = (
    (BUYER, "你们发错货了！我要的是白色！"),
    (AGENT, "你拍错了吧，说了多少遍看清楚再拍。"),
    (BUYER, "那给我换白色"),
    (AGENT, "白色我们不补货了，爱买不买。"),
)


def test_a_quarrel_in_three_languages(org: sc.Organization) -> None:
    check = org.phrase_checker("zh_Hans").check(chat(*QUARREL, scenarios=("out_of_stock",)))
    assert found(check) == [
        ("missing", "TB-91", None, None, None),
        ("missing", "TB-92", None, None, None),
        ("forbidden", "TB-89", 1, (0, 4), "你拍错了"),
        ("forbidden", "TB-89", 1, (6, 11), "说了多少遍"),
        ("forbidden", "TB-91", 3, (2, 8), "我们不补货了"),
        ("forbidden", "TB-89", 3, (9, 13), "爱买不买"),
    ]
    assert check.explain("zh_Hans") == [
        "客服始终没有说“工厂不生产了”（TB-91）",
        "客服始终没有说“您 / 亲 / 美女 / 帅哥”（TB-92）",
        "第2句：“你拍错了”是禁用语（TB-89）",
        "第2句：“说了多少遍”是禁用语（TB-89）",
        "第4句：“我们不补货了”是禁用语，应说“工厂不生产了”（TB-91）",
        "第4句：“爱买不买”是禁用语（TB-89）",
    ]
    assert check.explain("en") == [
        "The agent never says “工厂不生产了” (TB-91)",
        "The agent never says “您 / 亲 / 美女 / 帅哥” (TB-92)",
        "Turn 2: “你拍错了” is forbidden (TB-89)",
        "Turn 2: “说了多少遍” is forbidden (TB-89)",
        "Turn 4: “我们不补货了” is forbidden; say “工厂不生产了” instead (TB-91)",
        "Turn 4: “爱买不买” is forbidden (TB-89)",
    ]


def test_the_quarrel_in_the_sources_script(org: sc.Organization) -> None:
    traditional = [(who, sc.Text(en="-", zh_Hans=t).localize("zh_Hant")) for who, t in QUARREL]
    check = org.phrase_checker("zh_Hant").check(chat(*traditional, scenarios=("out_of_stock",)))
    assert check.explain("zh_Hant") == [
        "客服始終沒有說“工廠不生產了”（TB-91）",
        "客服始終沒有說“您 / 親 / 美女 / 帥哥”（TB-92）",
        "第2句：“你拍錯了”是禁用語（TB-89）",
        "第2句：“說了多少遍”是禁用語（TB-89）",
        "第4句：“我們不補貨了”是禁用語，應說“工廠不生產了”（TB-91）",
        "第4句：“愛買不買”是禁用語（TB-89）",
    ]


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant", "en"])
def test_every_entry_describes_itself_with_its_rule(org: sc.Organization, locale: str) -> None:
    book = org.phrase_book("zh_Hant" if locale == "zh_Hant" else "zh_Hans")
    for entry in book.entries:
        text = entry.describe().explain(locale)
        assert text.endswith((f"({entry.cite.rule_id})", f"（{entry.cite.rule_id}）")), text


def test_the_book_in_words(org: sc.Organization) -> None:
    assert tb.PHRASE_ENTRIES[-3].describe().explain("zh_Hant") == (
        "“我們不補貨了 / 我們不再補貨了 / 我們不會再補貨了”為禁用用語（缺貨），請改說“工廠不生產了”（TB-91）"
    )
    honorifics = org.phrase_book("zh_Hans").entries[-1]
    assert honorifics.describe().explain("zh_Hans") == (
        "“您 / 亲 / 美女 / 帅哥”为必用用语（任何时候）（TB-92）"
    )
    assert tb.HONORIFICS.describe().explain("en") == (
        "“您 / 親 / 美女 / 帥哥” is required (any moment) (TB-92)"
    )


# Swearing found in a chat is TB-41's violation ---------------------------------------------


def test_swearing_found_is_fined_by_tb_41(org: sc.Organization) -> None:
    """P1 七(3): 「如有查到聊天內容50/次」: each chat in which the agent swore back is a
    ``swearing-at-customer`` violation, the finding its evidence."""
    fight = chat((BUYER, "什么垃圾店，骗子！"), (AGENT, "亲，您才是神经病，滚蛋！"))
    check = org.phrase_checker().check(fight)
    swore = [f for f in check.findings if f.rule_id == tb.SWEARING.cite.rule_id]
    assert [f.said for f in swore] == ["神经病", "滚蛋"]
    ledger = sc.Ledger()
    ledger.record(
        sc.Violation(
            "V-1",
            "A-017",
            tb.SWEARING_AT_CUSTOMER,
            fight.turns[1].at,
            evidence="; ".join(check.explain("zh_Hans")),
        )
    )
    march = org.penalty_schedule.assess("A-017", ledger, sc.Month(2026, 3), org.calendar)
    assert march.total == sc.Money(50, "CNY")


def test_inspect_lists_the_phrases() -> None:
    stdout = run_cli("inspect", "taobao-shop", "--locale", "zh_Hant")
    assert "“這不是我們的問題，我們不負責任”為禁用用語" in stdout
    for n in range(87, 93):
        assert f"（TB-{n}）" in stdout
