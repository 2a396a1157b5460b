"""Phrase books: entries, their bad input, roles, scripts, merging and conflicts."""

from __future__ import annotations

import pendulum
import pytest

import servicecodex as sc
from servicecodex.testing import make_organization

CC_05 = sc.Citation("CC-05", "一.7")
CC_06 = sc.Citation("CC-06", "一.7")
HD_16 = sc.Citation("HD-16", "四.7")
HD_17 = sc.Citation("HD-17", "四.8")
HD_18 = sc.Citation("HD-18", "四.9")
TB_90 = sc.Citation("TB-90", "P1 五.5(1)")
TB_91 = sc.Citation("TB-91", "P1 五.5(2)")
TB_92 = sc.Citation("TB-92", "P1 五.5(3)")
LR_05 = sc.Citation("LR-05", "班车组")
LR_08 = sc.Citation("LR-08", "团购")
LR_09 = sc.Citation("LR-09", "团购")

REQUIRED, RECOMMENDED, FORBIDDEN = (
    sc.PhraseKind.REQUIRED,
    sc.PhraseKind.RECOMMENDED,
    sc.PhraseKind.FORBIDDEN,
)
LOTUS_ROLES = (
    sc.Role("shuttle-bus", sc.Text(en="Shuttle bus team", zh_Hans="班车组")),
    sc.Role("group-purchase", sc.Text(en="Group purchase", zh_Hans="团购部")),
)


def lotus_book() -> sc.PhraseBook:
    return sc.PhraseBook(
        "zh_Hans",
        [
            sc.PhraseEntry("您好", REQUIRED, "greeting", CC_05, placement="first_turn"),
            sc.PhraseEntry("*号线班车", RECOMMENDED, "any", LR_05, role="shuttle-bus"),
            sc.PhraseEntry(
                "您好,请问有什么能帮到您?", REQUIRED, "greeting", LR_08, role="group-purchase"
            ),
            sc.PhraseEntry("请稍等*分钟", REQUIRED, "hold", LR_09, role="group-purchase"),
            sc.PhraseEntry("不知道", FORBIDDEN, "any", HD_18),
        ],
        LOTUS_ROLES,
    )


# Entries ----------------------------------------------------------------------------


def test_an_entry_takes_values_or_members() -> None:
    entry = sc.PhraseEntry(
        "我們不補貨了", "forbidden", "out_of_stock", TB_91, instead="工廠不生產了"
    )
    assert entry.kind is FORBIDDEN
    assert entry.scenario is sc.Scenario.OUT_OF_STOCK
    assert entry.placement is None
    assert entry.wordings == ("我們不補貨了",)


def test_a_required_entry_is_required_in_any_turn_by_default() -> None:
    entry = sc.PhraseEntry("您", REQUIRED, sc.Scenario.ANY, CC_05)
    assert entry.placement is sc.Placement.ANY_TURN
    assert entry.always


def test_required_entries_of_other_scenarios_apply_only_when_declared() -> None:
    assert sc.PhraseEntry("再见", REQUIRED, "farewell", CC_05, placement="last_turn").always
    assert sc.PhraseEntry("请", REQUIRED, "greeting", CC_05, placement="first_turn").always
    assert not sc.PhraseEntry("请稍等*分钟", REQUIRED, "hold", LR_09).always
    reply = sc.PhraseEntry("不用谢", REQUIRED, "thanks", HD_16, placement="reply", cue=["谢谢"])
    assert reply.always  # wherever its cue is heard


def test_alternatives_are_wordings_too() -> None:
    entry = sc.PhraseEntry("您", REQUIRED, "any", TB_92, alternatives=["親", "美女"])
    assert entry.wordings == ("您", "親", "美女")


def test_describe_an_entry() -> None:
    forbidden = sc.PhraseEntry("欢迎再来", FORBIDDEN, "farewell", HD_17, instead="请慢走")
    assert forbidden.describe().explain("en") == (
        "“欢迎再来” is forbidden (farewell); say “请慢走” instead (HD-17)"
    )
    reply = sc.PhraseEntry("不用谢", REQUIRED, "thanks", HD_16, placement="reply", cue=["谢谢"])
    assert reply.describe().explain("en") == (
        "“不用谢” is required in reply to “谢谢” (thanks) (HD-16)"
    )
    last = sc.PhraseEntry("再见", REQUIRED, "farewell", CC_05, placement="last_turn")
    assert last.describe().explain("en") == (
        "“再见” is required, in the agent's last turn (farewell) (CC-05)"
    )
    honorific = sc.PhraseEntry("您", REQUIRED, "any", TB_92, alternatives=["亲", "美女"])
    assert honorific.describe().explain("en") == "“您 / 亲 / 美女” is required (any moment) (TB-92)"
    for locale in ("zh_Hans", "zh_Hant"):
        assert honorific.describe().explain(locale).endswith("（TB-92）")


# Bad entries ------------------------------------------------------------------------


@pytest.mark.parametrize("phrase", ["", "   ", "，。！", "…", "\u200b\u200d", "🙂", "*", "* *"])
def test_an_empty_phrase_is_refused(phrase: str) -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseEntry(phrase, FORBIDDEN, "any", HD_18)
    assert exc.value.field == "PhraseEntry.phrase"
    assert "an empty phrase" in str(exc.value)
    assert isinstance(exc.value, sc.ServiceCodexError)


@pytest.mark.parametrize(
    ("field", "value"),
    [("alternatives", ["您", "！"]), ("unless", [""]), ("instead", "，"), ("instead", "")],
)
def test_an_empty_alternative_exception_or_replacement_is_refused(
    field: str, value: object
) -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseEntry("喂", FORBIDDEN, "any", HD_18, **{field: value})  # type: ignore[arg-type]
    assert exc.value.field.startswith(f"PhraseEntry.{field}")
    assert "an empty phrase" in str(exc.value)


def test_a_phrase_that_is_not_a_str_is_refused() -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseEntry(None, FORBIDDEN, "any", HD_18)  # type: ignore[arg-type]
    assert "expected a str, not NoneType" in str(exc.value)
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseEntry("您", REQUIRED, "any", TB_92, alternatives=["亲", 520])
    assert exc.value.field == "PhraseEntry.alternatives[1]"


@pytest.mark.parametrize("field", ["alternatives", "unless", "cue"])
def test_one_str_is_not_a_list_of_phrases(field: str) -> None:
    # cue="谢谢" would otherwise be the two cues "谢" and "谢".
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseEntry("不用谢", REQUIRED, "thanks", HD_16, **{field: "谢谢"})
    assert exc.value.field == f"PhraseEntry.{field}"
    assert "expected a list of phrases, such as ['谢谢']" in str(exc.value)
    with pytest.raises(sc.PolicyError):
        sc.PhraseEntry("不用谢", REQUIRED, "thanks", HD_16, **{field: None})  # type: ignore[arg-type]


def test_an_unknown_scenario_is_refused_listing_the_scenarios() -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseEntry("请慢走", RECOMMENDED, "goodbye", HD_17)
    assert exc.value.field == "PhraseEntry.scenario"
    assert exc.value.value == "goodbye"
    assert "greeting, hold, transfer" in str(exc.value)
    assert "farewell" in str(exc.value)


def test_an_unknown_kind_is_refused_listing_the_kinds() -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseEntry("喂", "banned", "any", HD_18)
    assert exc.value.field == "PhraseEntry.kind"
    assert "required, recommended, forbidden" in str(exc.value)


def test_an_unknown_placement_is_refused() -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseEntry("再见", REQUIRED, "farewell", CC_05, placement="end")
    assert exc.value.field == "PhraseEntry.placement"
    assert "first_turn, last_turn, any_turn, reply" in str(exc.value)


def test_an_unknown_role_is_refused_by_the_book_listing_its_roles() -> None:
    entry = sc.PhraseEntry("请稍等*分钟", REQUIRED, "hold", LR_09, role="cashier")
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseBook("zh_Hans", [entry], LOTUS_ROLES)
    assert exc.value.field == "PhraseEntry.role"
    assert exc.value.value == "cashier"
    assert "group-purchase, shuttle-bus" in str(exc.value)
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseBook("zh_Hans", [entry])
    assert "(none)" in str(exc.value)


def test_a_replacement_only_for_a_forbidden_phrase() -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseEntry("工厂不生产了", RECOMMENDED, "out_of_stock", TB_91, instead="缺货")
    assert exc.value.field == "PhraseEntry.instead"
    assert "only a forbidden phrase has a replacement" in str(exc.value)


def test_exceptions_only_for_a_forbidden_phrase() -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseEntry("您", REQUIRED, "any", CC_05, unless=["您们"])
    assert exc.value.field == "PhraseEntry.unless"
    assert "only a forbidden phrase or a reply's cue has exceptions" in str(exc.value)


def test_a_replys_exceptions_excuse_its_cue() -> None:
    """HD-16-like: "谢谢" wants "不用谢" back, but "不用谢谢" from the customer is no thanks."""
    entry = sc.PhraseEntry(
        "不用谢", REQUIRED, "any", CC_05, placement="reply", cue=["谢谢"], unless=["不用谢谢"]
    )
    check = sc.PhraseChecker(sc.PhraseBook("zh_Hans", [entry]))
    at = pendulum.datetime(2026, 3, 2, 9, tz="Asia/Shanghai")
    chat = sc.Transcript(
        [sc.Turn("customer", at, "不用谢谢，我自己来"), sc.Turn("agent", at.add(seconds=5), "好的")]
    )
    assert check.check(chat).passed
    thanked = sc.Transcript(
        [sc.Turn("customer", at, "谢谢"), sc.Turn("agent", at.add(seconds=5), "好的")]
    )
    assert [f.rule_id for f in check.check(thanked).findings] == ["CC-05"]


def test_an_apostrophe_does_not_break_an_exception_into_words() -> None:
    entry = sc.PhraseEntry("you're wrong", FORBIDDEN, "any", CC_05, unless=["you're wrongly"])
    check = sc.PhraseChecker(sc.PhraseBook("en", [entry]))
    at = pendulum.datetime(2026, 3, 2, 9, tz="Asia/Shanghai")

    def said(text: str) -> bool:
        return check.check(sc.Transcript([sc.Turn("agent", at, text)])).passed

    assert said("Sorry if you're wrongly charged")
    assert not said("You're wrong, sir")
    assert not said("you're, wrongly")  # a comma breaks the exception


@pytest.mark.parametrize("kind", [RECOMMENDED, FORBIDDEN])
def test_a_placement_only_for_a_required_phrase(kind: sc.PhraseKind) -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseEntry("再见", kind, "farewell", CC_05, placement="last_turn")
    assert exc.value.field == "PhraseEntry.placement"
    assert "only a required phrase has a placement" in str(exc.value)


def test_a_reply_needs_a_cue() -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseEntry("不用谢", REQUIRED, "thanks", HD_16, placement="reply")
    assert exc.value.field == "PhraseEntry.cue"
    assert "needs the customer's cue" in str(exc.value)


@pytest.mark.parametrize("placement", [None, "any_turn", "last_turn"])
def test_a_cue_only_for_a_reply(placement: str | None) -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseEntry("不用谢", REQUIRED, "thanks", HD_16, placement=placement, cue=["谢谢"])
    assert exc.value.field == "PhraseEntry.cue"
    assert "only a reply has one" in str(exc.value)


@pytest.mark.parametrize("phrase", ["请稍等**分钟", "*点开车* *分钟", "请稍等*，*分钟"])
def test_two_slots_need_words_between(phrase: str) -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseEntry(phrase, REQUIRED, "hold", LR_09)
    assert "two slots need some words between them" in str(exc.value)


@pytest.mark.parametrize("phrase", ["请稍等*分钟", "*号线班车", "*点开车", "*分钟后开车*"])
def test_slots_at_either_end_or_between_words(phrase: str) -> None:
    assert sc.PhraseEntry(phrase, RECOMMENDED, "hold", LR_09).phrase == phrase


def test_a_citation_is_required() -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseEntry("喂", FORBIDDEN, "any", "HD-18")  # type: ignore[arg-type]
    assert exc.value.field == "PhraseEntry.cite"


# Books ------------------------------------------------------------------------------


def test_a_book_has_one_supported_locale() -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseBook("zh_CN", [])
    assert exc.value.field == "PhraseBook.locale"
    assert "zh_Hans, zh_Hant or en" in str(exc.value)


def test_a_book_holds_entries_and_roles_only() -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseBook("zh_Hans", ["喂"])
    assert exc.value.field == "PhraseBook.entries"
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseBook("zh_Hans", [], [*LOTUS_ROLES, LOTUS_ROLES[0]])
    assert exc.value.field == "PhraseBook.roles"
    assert "duplicate id" in str(exc.value)
    with pytest.raises(sc.PolicyError):
        sc.Role("班车组", sc.Text(en="Shuttle bus team", zh_Hans="班车组"))


def test_roles_and_their_scripts() -> None:
    book = lotus_book()
    assert book.role("shuttle-bus").name.zh_Hans == "班车组"
    assert [e.cite.rule_id for e in book.for_role(None)] == ["CC-05", "HD-18"]
    assert [e.cite.rule_id for e in book.for_role("shuttle-bus")] == ["CC-05", "LR-05", "HD-18"]
    assert [e.phrase for e in book.script("group-purchase")] == [
        "您好",
        "您好,请问有什么能帮到您?",
        "请稍等*分钟",
    ]
    assert [e.phrase for e in book.script("group-purchase", sc.Scenario.HOLD)] == ["请稍等*分钟"]
    assert book.script(None, sc.Scenario.GREETING) == (book.entries[0],)
    assert [e.phrase for e in book.of_kind(FORBIDDEN)] == ["不知道"]


def test_an_unknown_role_is_a_clear_lookup_error() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        lotus_book().for_role("cashier")
    assert "cashier" in str(exc.value)
    assert "known: shuttle-bus, group-purchase" in str(exc.value)


def test_a_book_in_the_other_script() -> None:
    book = sc.PhraseBook(
        "zh_Hans",
        [
            sc.PhraseEntry("欢迎再来", FORBIDDEN, "farewell", HD_17, instead="请慢走"),
            sc.PhraseEntry("不用谢", REQUIRED, "thanks", HD_16, placement="reply", cue=["谢谢"]),
            sc.PhraseEntry("喂", FORBIDDEN, "any", HD_18, unless=["喂养"]),
        ],
    )
    hant = book.in_script("zh_Hant")
    assert [(e.phrase, e.instead, e.cue, e.unless) for e in hant.entries] == [
        ("歡迎再來", "請慢走", (), ()),
        ("不用謝", None, ("謝謝",), ()),
        ("喂", None, (), ("餵養",)),  # OpenCC converts the phrase, not character by character
    ]
    # Either way the exception still excuses feeding, in both scripts.
    assert sc.PhraseChecker(hant).scan(["喂养", "餵養", "喂"]) == [
        [],
        [],
        [sc.Hit(hant.entries[2], "喂", 0, 1)],
    ]
    assert hant.in_script("zh_Hans").entries == book.entries
    assert book.in_script("zh_Hans") is book
    with pytest.raises(sc.PolicyError):
        book.in_script("en")
    with pytest.raises(sc.PolicyError):
        sc.PhraseBook("en", []).in_script("zh_Hans")


# Merging and conflicts ----------------------------------------------------------------


def test_merging_keeps_every_entry_and_role_in_order() -> None:
    callcenter = sc.PhraseBook(
        "zh_Hans",
        [
            sc.PhraseEntry("请", REQUIRED, "greeting", CC_05, placement="first_turn"),
            sc.PhraseEntry("您", REQUIRED, "any", CC_05),
            sc.PhraseEntry("再见", REQUIRED, "farewell", CC_05, placement="last_turn"),
        ],
    )
    merged = sc.PhraseBook.merge(
        "zh_Hans", [callcenter, lotus_book(), sc.PhraseBook("zh_Hans", [])]
    )
    assert [e.phrase for e in merged.entries][:4] == ["请", "您", "再见", "您好"]
    assert len(merged.entries) == 8
    assert merged.roles == LOTUS_ROLES
    assert sc.PhraseBook.merge("zh_Hans", []).entries == ()


def test_merging_the_same_role_twice_is_fine_defining_it_differently_is_not() -> None:
    again = sc.PhraseBook("zh_Hans", [], [LOTUS_ROLES[0]])
    assert sc.PhraseBook.merge("zh_Hans", [lotus_book(), again]).roles == LOTUS_ROLES
    other = sc.PhraseBook(
        "zh_Hans", [], [sc.Role("shuttle-bus", sc.Text(en="Bus", zh_Hans="班车"))]
    )
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseBook.merge("zh_Hans", [lotus_book(), other])
    assert exc.value.value == "shuttle-bus"
    assert "two books define this role differently" in str(exc.value)


def test_merging_books_of_another_locale_is_refused() -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseBook.merge("zh_Hans", [lotus_book(), sc.PhraseBook("zh_Hant", [])])
    assert "cannot merge into a zh_Hans book" in str(exc.value)


def test_a_conflict_across_script_and_width_names_both_rules() -> None:
    hospital = sc.PhraseBook("zh_Hans", [sc.PhraseEntry("不关我的事", FORBIDDEN, "any", HD_18)])
    # The same words in traditional script, full-width punctuation and a space.
    other = sc.PhraseBook(
        "zh_Hans", [sc.PhraseEntry("不關 我的事！", RECOMMENDED, "complaint", CC_06)]
    )
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseBook.merge("zh_Hans", [hospital, other])
    assert exc.value.field == "PhraseBook.entries"
    assert exc.value.value == "不關 我的事！"
    assert "forbidden by HD-18 but recommended by CC-06" in str(exc.value)


def test_a_conflict_through_an_alternative() -> None:
    taobao = sc.PhraseEntry("您", REQUIRED, "any", TB_92, alternatives=["親", "美女"])
    rude = sc.PhraseEntry("ＭＥＩＮＶ", FORBIDDEN, "any", CC_06, alternatives=["美 女"])
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseBook("zh_Hans", [taobao, rude])
    assert "required by TB-92 but forbidden by CC-06" in str(exc.value)


def test_no_conflict_between_different_roles_or_kinds_that_agree() -> None:
    roles = LOTUS_ROLES
    sc.PhraseBook(
        "zh_Hans",
        [
            sc.PhraseEntry("稍等", FORBIDDEN, "any", CC_06, role="shuttle-bus"),
            sc.PhraseEntry("稍等", RECOMMENDED, "hold", LR_09, role="group-purchase"),
            sc.PhraseEntry("您好", REQUIRED, "greeting", CC_05),
            sc.PhraseEntry("您好", RECOMMENDED, "greeting", LR_08),
            sc.PhraseEntry("喂", FORBIDDEN, "any", HD_18),
            sc.PhraseEntry("喂！", FORBIDDEN, "greeting", CC_06),
        ],
        roles,
    )
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseBook(
            "zh_Hans",
            [
                sc.PhraseEntry("稍等", FORBIDDEN, "any", CC_06),
                sc.PhraseEntry("稍等", RECOMMENDED, "hold", LR_09, role="group-purchase"),
            ],
            roles,
        )
    assert "forbidden by CC-06 but recommended by LR-09" in str(exc.value)


class _Phrases:
    def __init__(self, *entries: sc.PhraseEntry) -> None:
        self.entries = entries

    def servicecodex_courtesy_phrases(self, locale: str) -> sc.PhraseBook | None:
        return sc.PhraseBook(locale, self.entries) if locale == "zh_Hans" else None


def test_an_organisation_reports_a_conflict_between_plugins() -> None:
    org = make_organization(
        ("hospital-desk", _Phrases(sc.PhraseEntry("不关我的事", FORBIDDEN, "any", HD_18))),
        ("taobao-shop", _Phrases(sc.PhraseEntry("不關我的事", RECOMMENDED, "any", TB_90))),
    )
    with pytest.raises(sc.PolicyError) as exc:
        org.phrase_checker()
    message = str(exc.value)
    for named in ("HD-18", "TB-90", "hospital-desk", "taobao-shop"):
        assert named in message


def test_an_organisation_checks_with_its_merged_book() -> None:
    org = make_organization(
        ("hospital-desk", _Phrases(sc.PhraseEntry("不关我的事", FORBIDDEN, "any", HD_18))),
        ("callcenter", _Phrases(sc.PhraseEntry("您", REQUIRED, "any", CC_05))),
    )
    checker = org.phrase_checker()
    assert checker is org.phrase_checker("zh_Hans")
    hits = checker.scan(["不關我的事", "您"])
    assert [[h.entry.cite.rule_id for h in text_hits] for text_hits in hits] == [
        ["HD-18"],
        ["CC-05"],
    ]
    # The zh_Hant book is the zh_Hans one converted, and matches either script too.
    hant = org.phrase_checker("zh_Hant")
    assert hant.book.entries[0].phrase == "不關我的事"
    assert [len(h) for h in hant.scan(["不关我的事", "不關我的事"])] == [1, 1]
