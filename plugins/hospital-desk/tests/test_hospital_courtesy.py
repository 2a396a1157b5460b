"""The hospital desk's courtesy phrases (HD-09, HD-11, HD-13 … HD-20), checked on the
desk's own conversations: 篇2 四's words, said, disguised, forgotten and excused."""

from __future__ import annotations

import pendulum
import pytest
import servicecodex_hospital_desk as hd

import servicecodex as sc
from servicecodex.testing import (
    disguises,
    make_organization,
    make_transcript,
    organization_fixture,
    run_cli,
)

TZ = "Asia/Shanghai"
REQUIRED, RECOMMENDED, FORBIDDEN = (
    sc.PhraseKind.REQUIRED,
    sc.PhraseKind.RECOMMENDED,
    sc.PhraseKind.FORBIDDEN,
)
MISSING = sc.FindingKind.MISSING
AGENT, PATIENT = "agent", "customer"

#: A patient at the registration desk on the morning of 2 March 2026, as 篇2 四 wants it.
VISIT = (
    (AGENT, "您好，女士，请问您哪里不舒服？"),
    (PATIENT, "我头疼，想挂个内科的号。"),
    (AGENT, "好的，挂好了，请您去诊室，内科在二楼。其他问题可以问导医台那位小姐。"),
    (PATIENT, "谢谢！"),
    (AGENT, "不用谢。请慢走，祝您健康！"),
)
GREETING = "您好，先生。"
FAREWELL = "请慢走，祝您健康！"


org = organization_fixture("hospital-desk")


@pytest.fixture(scope="module")
def checker(org: sc.Organization) -> sc.PhraseChecker:
    return org.phrase_checker()


def transcript(*turns: tuple[str, str], scenarios: tuple[str, ...] = ()) -> sc.Transcript:
    """*turns* one minute apart from 09:00 on 2 March 2026, Shanghai time."""
    start = pendulum.datetime(2026, 3, 2, 9, tz=TZ)
    return make_transcript(
        *turns, start=start, every=pendulum.duration(minutes=1), scenarios=scenarios
    )


def between(text: str, speaker: str = AGENT) -> sc.Transcript:
    """A greeting, *text* as turn 2 (index 1), and a farewell: everything else is right."""
    return transcript((AGENT, GREETING), (speaker, text), (AGENT, FAREWELL))


def found(check: sc.TranscriptCheck) -> list[tuple[str, str, int | None, object, object]]:
    return [(f.kind.value, f.rule_id, f.turn, f.span, f.said) for f in check.findings]


# The book ---------------------------------------------------------------------------------


def test_the_book_rule_by_rule() -> None:
    """Each entry: its rule, kind, scenario, placement and wordings, in the rules' order."""
    rows = [
        (
            e.cite.rule_id,
            e.kind.value,
            e.scenario.value,
            None if e.placement is None else e.placement.value,
            e.wordings,
        )
        for e in hd.PHRASE_BOOK.entries
    ]
    assert rows == [
        ("HD-09", "required", "greeting", "first_turn", ("您好",)),
        (
            "HD-11",
            "forbidden",
            "any",
            None,
            ("他妈的", "滚蛋", "滚开", "闭嘴", "混蛋", "笨蛋", "白痴", "傻逼", "废话"),
        ),
        ("HD-13", "recommended", "any", None, ("请",)),
        ("HD-13", "recommended", "thanks", None, ("谢谢",)),
        ("HD-14", "recommended", "any", None, ("先生", "小姐", "女士")),
        ("HD-15", "forbidden", "any", None, ("他", "她")),
        ("HD-15", "recommended", "any", None, ("那位先生", "那位小姐", "那位女士")),
        ("HD-16", "required", "thanks", "reply", ("不用谢",)),
        ("HD-17", "required", "farewell", "last_turn", ("请慢走",)),
        ("HD-17", "required", "farewell", "last_turn", ("祝您健康",)),
        (
            "HD-17",
            "forbidden",
            "farewell",
            None,
            (
                "欢迎再来",
                "欢迎您再来",
                "欢迎下次再来",
                "欢迎您下次再来",
                "欢迎下次光临",
                "欢迎再次光临",
            ),
        ),
        ("HD-18", "forbidden", "any", None, ("喂",)),
        ("HD-18", "forbidden", "any", None, ("不知道",)),
        ("HD-18", "forbidden", "any", None, ("不关我的事", "不归我管", "与我无关", "跟我没关系")),
        ("HD-19", "required", "hold", "any_turn", ("对不起，我稍后回来",)),
        ("HD-19", "required", "hold", "any_turn", ("对不起，让您久等了",)),
        ("HD-20", "recommended", "any", None, ("请您去诊室",)),
        ("HD-20", "recommended", "any", None, ("请您去交费", "请您去缴费")),
        ("HD-20", "recommended", "any", None, ("请您去取药",)),
        ("HD-20", "recommended", "any", None, ("请您去注射室",)),
    ]
    assert hd.PHRASE_BOOK.entries == hd.PHRASE_ENTRIES
    assert hd.PHRASE_BOOK.locale == "zh_Hans"
    assert hd.PHRASE_BOOK.roles == ()


def test_replacements_exceptions_and_cues() -> None:
    by_phrase = {e.phrase: e for e in hd.PHRASE_BOOK.entries}
    assert by_phrase["他"].instead == "那位先生 / 那位小姐"
    assert by_phrase["他"].unless == ("其他", "他人", "他们", "她们", "他妈的")
    assert by_phrase["欢迎再来"].instead == "请慢走，祝您健康"
    assert by_phrase["喂"].unless == ("喂养", "喂奶", "喂药", "喂饭")
    assert by_phrase["不知道"].unless == ("不知道您是否", "如果不知道", "要是不知道")
    assert by_phrase["不用谢"].cue == ("谢谢", "多谢", "感谢")
    assert by_phrase["他妈的"].instead is None


def test_every_entry_cites_a_clause_of_pian_2() -> None:
    clauses = {(e.cite.rule_id, e.cite.clause) for e in hd.PHRASE_BOOK.entries}
    assert clauses == {
        ("HD-09", "001 篇2 三.13"),
        ("HD-11", "001 篇2 四.2"),
        ("HD-13", "001 篇2 四.4"),
        ("HD-14", "001 篇2 四.5"),
        ("HD-15", "001 篇2 四.6"),
        ("HD-16", "001 篇2 四.7"),
        ("HD-17", "001 篇2 四.8"),
        ("HD-18", "001 篇2 四.9"),
        ("HD-19", "001 篇2 四.10"),
        ("HD-20", "001 篇2 四.12"),
    }


def test_directions_are_paired_by_position() -> None:
    """AMB-11: registered → 诊室, priced → 交费, paid → 取药, medicine collected → 注射室."""
    assert {step: e.phrase for step, e in hd.DIRECTIONS.items()} == {
        "registered": "请您去诊室",
        "priced": "请您去交费",
        "paid": "请您去取药",
        "medicine-collected": "请您去注射室",
    }
    assert all(e.kind is RECOMMENDED for e in hd.DIRECTIONS.values())
    assert set(hd.DIRECTIONS.values()) <= set(hd.PHRASE_ENTRIES)


def test_the_hook_gives_the_simplified_book_only() -> None:
    assert hd.servicecodex_courtesy_phrases("zh_Hans") is hd.PHRASE_BOOK
    assert hd.servicecodex_courtesy_phrases("zh_Hant") is None
    assert hd.servicecodex_courtesy_phrases("en") is None


def test_the_organisation_has_both_scripts(org: sc.Organization) -> None:
    assert org.phrase_book() == hd.PHRASE_BOOK  # the profile's zh_Hans_CN
    assert set(org.effective_policy().phrase_books) == {"zh_Hans", "zh_Hant"}
    assert org.phrase_book("en").entries == ()
    hant = org.phrase_book("zh_Hant")
    assert [e.phrase for e in hant.entries if e.cite.rule_id in ("HD-17", "HD-18")] == [
        "請慢走",
        "祝您健康",
        "歡迎再來",
        "喂",
        "不知道",
        "不關我的事",
    ]
    assert hant.entries[5].instead == "那位先生 / 那位小姐"


def test_a_retailers_welcome_back_clashes_with_hd_17() -> None:
    """AMB-15: phrase lists are per plugin; put in one organisation, the hospital's
    forbidden farewell and a shop's required one are reported when the book is built."""

    class Shop:
        @sc.hookimpl
        def servicecodex_courtesy_phrases(self, locale: str) -> sc.PhraseBook | None:
            welcome = sc.PhraseEntry(
                "欢迎下次光临", REQUIRED, "farewell", sc.Citation("XX-11", "a shop's list")
            )
            return sc.PhraseBook(locale, [welcome]) if locale == "zh_Hans" else None

    with pytest.raises(sc.PolicyError, match=r"forbidden by HD-17 but required by XX-11"):
        make_organization(hd, Shop()).phrase_book("zh_Hans")


# A conversation as it should be -----------------------------------------------------------


def test_the_visit_passes(checker: sc.PhraseChecker) -> None:
    check = checker.check(transcript(*VISIT))
    assert check.passed, check.explain("en")
    used = {(turn, hit.entry.cite.rule_id, hit.wording) for turn, hit in check.hits}
    assert {
        (0, "HD-09", "您好"),
        (0, "HD-14", "女士"),
        (0, "HD-13", "请"),
        (2, "HD-20", "请您去诊室"),
        (2, "HD-15", "那位小姐"),
        (4, "HD-16", "不用谢"),
        (4, "HD-17", "请慢走"),
        (4, "HD-17", "祝您健康"),
    } <= used
    waits = [(r.turn, r.reply, r.waited.in_seconds()) for r in check.response_times if r.waited]
    assert waits == [(1, 2, 60), (3, 4, 60)]


def test_the_visit_in_traditional_script_passes_both_books(org: sc.Organization) -> None:
    visit = transcript(*((who, sc.to_traditional(text)) for who, text in VISIT))
    assert visit.turns[4].text == "不用謝。請慢走，祝您健康！"
    assert org.phrase_checker("zh_Hans").check(visit).passed
    assert org.phrase_checker("zh_Hant").check(visit).passed


def test_leaving_and_coming_back(checker: sc.PhraseChecker) -> None:
    """HD-19 in a transcript that declares the hold scenario."""
    held = transcript(
        (AGENT, "您好，先生，您的化验单我去检验科问一下。对不起，我稍后回来。"),
        (AGENT, "对不起，让您久等了。结果下午三点出来。"),
        (PATIENT, "好的，多谢。"),
        (AGENT, "不用谢，请慢走，祝您健康。"),
        scenarios=("hold",),
    )
    assert checker.check(held).passed


# Forbidden phrases --------------------------------------------------------------------------

FORBIDDEN_WORDINGS = [
    (wording, entry.cite.rule_id)
    for entry in hd.PHRASE_BOOK.of_kind(FORBIDDEN)
    for wording in entry.wordings
]


@pytest.mark.parametrize(("wording", "rule_id"), FORBIDDEN_WORDINGS)
def test_each_forbidden_phrase_is_found(
    checker: sc.PhraseChecker, wording: str, rule_id: str
) -> None:
    text = f"嗯，{wording}！"
    check = checker.check(between(text))
    assert found(check) == [("forbidden", rule_id, 1, (2, 2 + len(wording)), wording)]
    entry = check.findings[0].entry
    assert check.findings[0].instead == entry.instead


#: The forbidden wordings disguised: in traditional script, spaced, punctuated … (the core's
#: disguises a courtesy check must see through).
DISGUISES = disguises("zh_Hant")


@pytest.mark.parametrize("disguise", DISGUISES)
@pytest.mark.parametrize(("wording", "rule_id"), FORBIDDEN_WORDINGS)
def test_a_disguised_forbidden_phrase_is_found(
    checker: sc.PhraseChecker, wording: str, rule_id: str, disguise: str
) -> None:
    said = DISGUISES[disguise](wording)
    text = f"好的，{said}。"
    check = checker.check(between(text))
    # An exception must be written as one word: "他，妈的" is not the exception "他妈的",
    # so its 他 is an HD-15 finding too.
    found = [f for f in check.findings if f.rule_id == rule_id]
    assert [(f.rule_id, f.turn) for f in found] == [(rule_id, 1)]
    assert {f.rule_id for f in check.findings} <= {rule_id, "HD-15"}
    start, end = found[0].span or (0, 0)
    assert text[start:end] == found[0].said
    assert start == 3
    assert sc.fold(text[start:end]).text == sc.fold(wording).text


def test_full_width_and_mixed_case_are_seen_through() -> None:
    """Full-width forms fold to their ASCII: a Latin phrase is caught in any width."""
    entry = sc.PhraseEntry("VIP", FORBIDDEN, "any", sc.Citation("XX-01", "a test phrase"))
    hits = sc.PhraseChecker(sc.PhraseBook("zh_Hans", [*hd.PHRASE_ENTRIES, entry])).scan(
        ["您是ｖｉｐ吗，喂"]
    )[0]
    assert [(h.wording, h.start, h.end) for h in hits] == [("VIP", 2, 5), ("喂", 7, 8)]


def test_the_original_text_is_quoted_in_the_finding(checker: sc.PhraseChecker) -> None:
    text = "这个 不 關-我的事，您去问导医台。"
    check = checker.check(between(text))
    (finding,) = check.findings
    assert (finding.rule_id, finding.span, finding.said) == ("HD-18", (3, 10), "不 關-我的事")
    assert finding.instead == "我帮您问一下"


def test_a_patient_saying_them_is_no_finding(checker: sc.PhraseChecker) -> None:
    """Only the agent's turns are judged."""
    rude = "喂！他不知道，护士说不关我的事，欢迎再来？滚蛋！"
    assert checker.check(between(rude, speaker=PATIENT)).passed


@pytest.mark.parametrize(
    "text",
    [
        "宝宝的喂养问题请您去诊室问儿科医生。",  # 喂养 is not 喂 (the issue's own example)
        "这个药饭后喂药，一天三次。",
        "孩子喂奶后半小时再吃。",
        "还有其他问题吗？",
        "您的家属他们在候诊区等您。",
        "请勿打扰他人休息。",
        "不知道您是否方便留个电话？",
        "如果不知道诊室在哪，可以问导医台。",
        "您知道吗，内科搬到二楼了。",  # 您知道吗 is not 不知道
    ],
)
def test_the_contexts_that_excuse_a_phrase(checker: sc.PhraseChecker, text: str) -> None:
    assert checker.check(between(text)).passed


def test_a_curse_is_hd_11_not_hd_15(checker: sc.PhraseChecker) -> None:
    check = checker.check(between("他妈的，他又没来。"))
    assert found(check) == [
        ("forbidden", "HD-11", 1, (0, 3), "他妈的"),
        ("forbidden", "HD-15", 1, (4, 5), "他"),
    ]


# Required phrases missing ---------------------------------------------------------------


def test_no_greeting_in_the_first_turn(checker: sc.PhraseChecker) -> None:
    """HD-09: 你好 is not 您好, and a greeting that comes late is too late."""
    late = transcript((AGENT, "你好，挂什么号？"), (PATIENT, "内科"), (AGENT, "您好，" + FAREWELL))
    assert found(checker.check(late)) == [("missing", "HD-09", 0, None, None)]


@pytest.mark.parametrize(("last", "lacking"), [("请慢走！", "祝您健康"), ("祝您健康！", "请慢走")])
def test_a_farewell_without_both_phrases(
    checker: sc.PhraseChecker, last: str, lacking: str
) -> None:
    check = checker.check(transcript((AGENT, GREETING + FAREWELL), (AGENT, last)))
    assert found(check) == [("missing", "HD-17", 1, None, None)]
    assert check.findings[0].entry.phrase == lacking


def test_thanks_answered_without_bu_yong_xie(checker: sc.PhraseChecker) -> None:
    """HD-16: the reply to thanks lacks 不用谢; thanks left without any reply."""
    check = checker.check(
        transcript(
            (AGENT, GREETING),
            (PATIENT, "太感谢了"),
            (AGENT, "不客气。" + FAREWELL),
            (PATIENT, "谢谢您"),
        )
    )
    assert found(check) == [
        ("missing", "HD-16", 2, None, None),
        ("missing", "HD-16", 3, None, None),
    ]
    assert check.explain("en") == [
        "Turn 3: the reply to “感谢” lacks “不用谢” (HD-16)",
        "Turn 4: “谢谢” gets no reply, let alone “不用谢” (HD-16)",
    ]


@pytest.mark.parametrize(
    ("said", "lacking"),
    [
        ("对不起，我稍后回来。", "对不起，让您久等了"),
        ("对不起，让您久等了。", "对不起，我稍后回来"),
    ],
)
def test_a_hold_without_both_phrases(checker: sc.PhraseChecker, said: str, lacking: str) -> None:
    held = transcript((AGENT, GREETING + said), (AGENT, FAREWELL), scenarios=("hold",))
    check = checker.check(held)
    assert found(check) == [("missing", "HD-19", None, None, None)]
    assert check.findings[0].entry.phrase == lacking


def test_hold_phrases_are_only_required_on_hold(checker: sc.PhraseChecker) -> None:
    assert checker.check(transcript((AGENT, GREETING + FAREWELL))).passed


# In words ---------------------------------------------------------------------------------

RUDE_DESK = (
    (AGENT, "喂，你挂什么号？"),
    (PATIENT, "谢谢，我问一下内科在哪？"),
    (AGENT, "不知道，不关我的事，你问他去。"),
    (AGENT, "欢迎再来。"),
)


def test_a_rude_desk_in_three_languages(org: sc.Organization) -> None:
    rude = transcript(*RUDE_DESK)
    check = org.phrase_checker("zh_Hans").check(rude)
    assert found(check) == [
        ("missing", "HD-09", 0, None, None),
        ("forbidden", "HD-18", 0, (0, 1), "喂"),
        ("missing", "HD-16", 2, None, None),
        ("forbidden", "HD-18", 2, (0, 3), "不知道"),
        ("forbidden", "HD-18", 2, (4, 9), "不关我的事"),
        ("forbidden", "HD-15", 2, (12, 13), "他"),
        ("missing", "HD-17", 3, None, None),
        ("missing", "HD-17", 3, None, None),
        ("forbidden", "HD-17", 3, (0, 4), "欢迎再来"),
    ]
    assert check.explain("zh_Hans") == [
        "第1句：客服的第一句话缺少“您好”（HD-09）",
        "第1句：“喂”是禁用语，应说“您好”（HD-18）",
        "第3句：对“谢谢”的回答缺少“不用谢”（HD-16）",
        "第3句：“不知道”是禁用语，应说“我帮您问一下”（HD-18）",
        "第3句：“不关我的事”是禁用语，应说“我帮您问一下”（HD-18）",
        "第3句：“他”是禁用语，应说“那位先生 / 那位小姐”（HD-15）",
        "第4句：客服的最后一句话缺少“请慢走”（HD-17）",
        "第4句：客服的最后一句话缺少“祝您健康”（HD-17）",
        "第4句：“欢迎再来”是禁用语，应说“请慢走，祝您健康”（HD-17）",
    ]
    assert check.explain("en") == [
        "Turn 1: the agent's first turn lacks “您好” (HD-09)",
        "Turn 1: “喂” is forbidden; say “您好” instead (HD-18)",
        "Turn 3: the reply to “谢谢” lacks “不用谢” (HD-16)",
        "Turn 3: “不知道” is forbidden; say “我帮您问一下” instead (HD-18)",
        "Turn 3: “不关我的事” is forbidden; say “我帮您问一下” instead (HD-18)",
        "Turn 3: “他” is forbidden; say “那位先生 / 那位小姐” instead (HD-15)",
        "Turn 4: the agent's last turn lacks “请慢走” (HD-17)",
        "Turn 4: the agent's last turn lacks “祝您健康” (HD-17)",
        "Turn 4: “欢迎再来” is forbidden; say “请慢走，祝您健康” instead (HD-17)",
    ]


def test_the_same_desk_in_traditional_script(org: sc.Organization) -> None:
    """The zh_Hant book quotes its own script; the spans are the same."""
    rude = transcript(*((who, sc.to_traditional(text)) for who, text in RUDE_DESK))
    check = org.phrase_checker("zh_Hant").check(rude)
    assert [(f.rule_id, f.turn, f.span) for f in check.findings] == [
        (f.rule_id, f.turn, f.span)
        for f in org.phrase_checker("zh_Hans").check(transcript(*RUDE_DESK)).findings
    ]
    assert check.explain("zh_Hant") == [
        "第1句：客服的第一句話缺少“您好”（HD-09）",
        "第1句：“喂”是禁用語，應說“您好”（HD-18）",
        "第3句：對“謝謝”的回答缺少“不用謝”（HD-16）",
        "第3句：“不知道”是禁用語，應說“我幫您問一下”（HD-18）",
        "第3句：“不關我的事”是禁用語，應說“我幫您問一下”（HD-18）",
        "第3句：“他”是禁用語，應說“那位先生 / 那位小姐”（HD-15）",
        "第4句：客服的最後一句話缺少“請慢走”（HD-17）",
        "第4句：客服的最後一句話缺少“祝您健康”（HD-17）",
        "第4句：“歡迎再來”是禁用語，應說“請慢走，祝您健康”（HD-17）",
    ]


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant", "en"])
def test_every_entry_describes_itself_with_its_rule(org: sc.Organization, locale: str) -> None:
    book = org.phrase_book("zh_Hant" if locale == "zh_Hant" else "zh_Hans")
    for entry in book.entries:
        text = entry.describe().explain(locale)
        assert text.endswith((f"({entry.cite.rule_id})", f"（{entry.cite.rule_id}）")), text


def test_the_book_in_words(org: sc.Organization) -> None:
    wei = next(e for e in org.phrase_book("zh_Hant").entries if e.phrase == "喂")
    assert wei.describe().explain("zh_Hant") == "“喂”為禁用用語（任何時候），請改說“您好”（HD-18）"
    thanks = next(e for e in hd.PHRASE_ENTRIES if e.cite.rule_id == "HD-16")
    assert thanks.describe().explain("zh_Hans") == (
        "回答“谢谢 / 多谢 / 感谢”时“不用谢”为必用用语（致谢）（HD-16）"
    )
    assert hd.PHRASE_ENTRIES[0].describe().explain("en") == (
        "“您好” is required, in the agent's first turn (greeting) (HD-09)"
    )


def test_inspect_lists_the_phrases() -> None:
    stdout = run_cli("inspect", "hospital-desk", "--locale", "zh_Hant")
    assert "“歡迎再來 / 歡迎您再來" in stdout
    assert "（HD-20）" in stdout
