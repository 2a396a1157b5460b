"""Transcripts and checking them against a phrase book: forbidden phrases with their
spans, missing required phrases, roles, scenarios, cues, and the customer's waits."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import servicecodex as sc
from servicecodex._normalize import fold_key

CC_05 = sc.Citation("CC-05", "一.7")
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
AGENT, CUSTOMER = "agent", "customer"
NINE = pendulum.datetime(2026, 3, 2, 9, 0, 0, tz="Asia/Shanghai")

# CC-05's 三要: "请" first, "您" throughout, "再见" at the end.
CC_05_BOOK = [
    sc.PhraseEntry("请", REQUIRED, "greeting", CC_05, placement="first_turn"),
    sc.PhraseEntry("您", REQUIRED, "any", CC_05),
    sc.PhraseEntry("再见", REQUIRED, "farewell", CC_05, placement="last_turn"),
]
# The hospital desk: HD-16, HD-17, HD-18.
HOSPITAL_BOOK = [
    sc.PhraseEntry("不用谢", REQUIRED, "thanks", HD_16, placement="reply", cue=["谢谢"]),
    sc.PhraseEntry("请慢走", RECOMMENDED, "farewell", HD_17),
    sc.PhraseEntry("祝您健康", RECOMMENDED, "farewell", HD_17),
    sc.PhraseEntry("欢迎再来", FORBIDDEN, "farewell", HD_17, instead="祝您健康"),
    sc.PhraseEntry("喂", FORBIDDEN, "any", HD_18, instead="您好", unless=["喂养", "喂药"]),
    sc.PhraseEntry("不知道", FORBIDDEN, "any", HD_18, unless=["知不知道"]),
    sc.PhraseEntry("不关我的事", FORBIDDEN, "any", HD_18),
]
# The Taobao shop: TB-90, TB-91, TB-92, in traditional script.
TAOBAO_BOOK = [
    sc.PhraseEntry("這不是我們的問題,我們不負責任", FORBIDDEN, "complaint", TB_90),
    sc.PhraseEntry("我們不補貨了", FORBIDDEN, "out_of_stock", TB_91, instead="工廠不生產了"),
    sc.PhraseEntry("您", REQUIRED, "any", TB_92, alternatives=["親", "美女"]),
]
LOTUS_ROLES = (
    sc.Role("shuttle-bus", sc.Text(en="Shuttle bus team", zh_Hans="班车组")),
    sc.Role("group-purchase", sc.Text(en="Group purchase", zh_Hans="团购部")),
)
LOTUS_BOOK = [
    sc.PhraseEntry("*号线班车", RECOMMENDED, "any", LR_05, role="shuttle-bus"),
    sc.PhraseEntry("您好,请问有什么能帮到您?", REQUIRED, "greeting", LR_08, role="group-purchase"),
    sc.PhraseEntry(
        "请稍等*分钟", REQUIRED, "hold", LR_09, role="group-purchase", placement="any_turn"
    ),
]


def checker(entries: list[sc.PhraseEntry], locale: str = "zh_Hans") -> sc.PhraseChecker:
    roles = LOTUS_ROLES if any(e.role for e in entries) else ()
    return sc.PhraseChecker(sc.PhraseBook(locale, entries, roles))


def transcript(
    *turns: tuple[str, str], role: str | None = None, scenarios: tuple[str, ...] = ()
) -> sc.Transcript:
    """Turns 30 seconds apart from 09:00."""
    return sc.Transcript(
        [sc.Turn(who, NINE.add(seconds=30 * i), text) for i, (who, text) in enumerate(turns)],
        role=role,
        scenarios=scenarios,
    )


def summary(check: sc.TranscriptCheck) -> list[tuple[str, str, int | None, str | None]]:
    return [(f.kind.value, f.rule_id, f.turn, f.said) for f in check.findings]


# Transcripts ------------------------------------------------------------------------


def test_a_turn_takes_values_and_aware_times() -> None:
    turn = sc.Turn(
        "agent", dt.datetime(2026, 3, 2, 9, tzinfo=dt.timezone(dt.timedelta(hours=8))), "您好"
    )
    assert turn.speaker is sc.Speaker.AGENT
    assert isinstance(turn.at, pendulum.DateTime)
    assert turn.at == NINE


def test_a_naive_time_is_refused() -> None:
    with pytest.raises(sc.NaiveDateTimeError) as exc:
        sc.Turn(AGENT, dt.datetime(2026, 3, 2, 9), "您好")
    assert exc.value.field == "Turn.at"
    assert isinstance(exc.value, sc.ServiceCodexError)


def test_a_time_that_is_not_a_datetime_is_refused() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.Turn(AGENT, "2026-03-02T09:00+08:00", "您好")
    assert exc.value.field == "Turn.at"


@pytest.mark.parametrize("text", [None, b"\xe5\x96\x82", 520, ["您好"]])
def test_text_that_is_not_a_str_is_refused(text: object) -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.Turn(AGENT, NINE, text)  # type: ignore[arg-type]
    assert exc.value.field == "Turn.text"
    assert f"expected a str, not {type(text).__name__}" in str(exc.value)


@pytest.mark.parametrize("speaker", ["客服", "bot", None, "Agent"])
def test_an_unknown_speaker_is_refused(speaker: object) -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.Turn(speaker, NINE, "您好")
    assert exc.value.field == "Turn.speaker"
    assert "agent, customer" in str(exc.value)


def test_an_empty_transcript_is_refused() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.Transcript([])
    assert "at least one turn" in str(exc.value)


@pytest.mark.parametrize("turns", [None, 42, "喂,在吗"])
def test_turns_come_as_a_list(turns: object) -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.Transcript(turns)  # type: ignore[arg-type]
    assert exc.value.field == "Transcript.turns"


def test_a_transcript_holds_turns_only() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.Transcript([sc.Turn(AGENT, NINE, "您好"), (CUSTOMER, NINE, "在吗")])
    assert exc.value.field == "Transcript.turns[1]"


def test_turns_out_of_time_order_are_refused_naming_the_turn() -> None:
    turns = [
        sc.Turn(CUSTOMER, NINE, "在吗"),
        sc.Turn(AGENT, NINE.add(seconds=40), "您好"),
        sc.Turn(CUSTOMER, NINE.add(seconds=10), "我的药呢"),
    ]
    with pytest.raises(sc.ValidationError) as exc:
        sc.Transcript(turns)
    assert exc.value.field == "Transcript.turns[2].at"
    assert "turn 3 is earlier than turn 2" in str(exc.value)
    # Two turns at the same instant are in order; so are times in different zones.
    sc.Transcript([turns[0], sc.Turn(AGENT, NINE, "您好")])
    sc.Transcript([turns[0], sc.Turn(AGENT, pendulum.datetime(2026, 3, 2, 1, 0, 1), "您好")])


def test_scenarios_and_role_of_a_transcript() -> None:
    t = transcript((AGENT, "您好"), role="group-purchase", scenarios=("hold",))
    assert t.scenarios == frozenset({sc.Scenario.HOLD})
    with pytest.raises(sc.ValidationError) as exc:
        transcript((AGENT, "您好"), scenarios=("coffee-break",))
    assert exc.value.field == "Transcript.scenarios"
    with pytest.raises(sc.ValidationError):
        sc.Transcript([sc.Turn(AGENT, NINE, "您好")], scenarios="hold")
    with pytest.raises(sc.ValidationError):
        transcript((AGENT, "您好"), role="班车组")


# Response times ---------------------------------------------------------------------


def test_each_customer_turn_waits_for_the_next_agent_turn() -> None:
    t = sc.Transcript(
        [
            sc.Turn(CUSTOMER, NINE, "在吗"),
            sc.Turn(CUSTOMER, NINE.add(seconds=20), "有人吗"),
            sc.Turn(AGENT, NINE.add(seconds=50), "您好,请问有什么能帮到您?"),
            sc.Turn(AGENT, NINE.add(seconds=55), "请稍等5分钟"),
            sc.Turn(CUSTOMER, NINE.add(minutes=7), "好了吗"),
        ]
    )
    times = t.response_times()
    assert [(r.turn, r.reply) for r in times] == [(0, 2), (1, 2), (4, None)]
    assert [None if r.waited is None else r.waited.in_seconds() for r in times] == [50, 30, None]
    assert t.agent_turns() == (2, 3)
    assert t.reply_to(3) is None


def test_no_customer_turns_no_waits() -> None:
    assert transcript((AGENT, "您好")).response_times() == ()


def test_a_check_reports_the_waits() -> None:
    t = transcript((CUSTOMER, "在吗"), (AGENT, "您好"))
    check = checker(CC_05_BOOK).check(t)
    assert check.response_times == t.response_times()
    assert check.response_times[0].waited is not None
    assert check.response_times[0].waited.in_seconds() == 30


# Forbidden phrases ------------------------------------------------------------------


def test_only_agent_turns_are_judged() -> None:
    check = checker(HOSPITAL_BOOK).check(
        transcript((CUSTOMER, "喂,不知道挂哪个科,这不关我的事吧"), (AGENT, "您好,请到内科"))
    )
    assert check.passed
    assert check.findings == ()


def test_a_forbidden_phrase_with_its_span_and_replacement() -> None:
    check = checker(HOSPITAL_BOOK).check(
        transcript((CUSTOMER, "请问药房在哪"), (AGENT, "喂,在一楼右转,欢迎再来"))
    )
    assert not check.passed
    assert [(f.rule_id, f.turn, f.span, f.said, f.instead) for f in check.findings] == [
        ("HD-18", 1, (0, 1), "喂", "您好"),
        ("HD-17", 1, (8, 12), "欢迎再来", "祝您健康"),
    ]
    assert all(f.kind is sc.FindingKind.FORBIDDEN for f in check.findings)
    assert check.explain("en") == [
        "Turn 2: “喂” is forbidden; say “您好” instead (HD-18)",
        "Turn 2: “欢迎再来” is forbidden; say “祝您健康” instead (HD-17)",
    ]
    assert check.explain("zh_Hans") == [
        "第2句：“喂”是禁用语，应说“您好”（HD-18）",
        "第2句：“欢迎再来”是禁用语，应说“祝您健康”（HD-17）",
    ]
    hant = check.explain("zh_Hant")
    assert hant[0].startswith("第2句：")
    assert hant[0].endswith("（HD-18）")
    assert "禁用語" in hant[0]


def test_a_span_cuts_the_original_text_with_the_noise_inside() -> None:
    text = "这个…我 不  關-我\u200b的 ＳＨＩ事啊"
    entry = sc.PhraseEntry("不关我的事", FORBIDDEN, "any", HD_18)
    check = checker([entry]).check(transcript((AGENT, text)))
    assert [f.said for f in check.findings] == []  # "ＳＨＩ" is not noise: no match
    text = "这个…我 不  關-我\u200b的 事啊"
    check = checker([entry]).check(transcript((AGENT, text)))
    (finding,) = check.findings
    assert finding.span == (5, 15)
    assert text[5:15] == finding.said == "不  關-我\u200b的 事"
    assert check.explain("en") == [f"Turn 1: “{finding.said}” is forbidden (HD-18)"]


def test_evasions_do_not_pass() -> None:
    check = checker(HOSPITAL_BOOK).check(
        transcript(
            (AGENT, "不 知-道"),
            (AGENT, "不\u200b知\u200d道\ufeff"),
            (AGENT, "不\u2060关我的事"),
            (AGENT, "不關我的事！"),
            (AGENT, "欢迎 再 來"),
            (AGENT, "【喂】"),
        )
    )
    assert [(f.rule_id, f.turn) for f in check.findings] == [
        ("HD-18", 0),
        ("HD-18", 1),
        ("HD-18", 2),
        ("HD-18", 3),
        ("HD-17", 4),
        ("HD-18", 5),
    ]
    assert [f.said for f in check.findings][:2] == ["不 知-道", "不\u200b知\u200d道"]


def test_letter_case_and_width_do_not_matter() -> None:
    entry = sc.PhraseEntry("ok", FORBIDDEN, "any", CC_05, instead="好的")
    hits = checker([entry]).scan(["OK", "Ｏｋ", "o.k.", "ｏ Ｋ", "0k"])
    assert [[(h.start, h.end) for h in text_hits] for text_hits in hits] == [
        [(0, 2)],
        [(0, 2)],
        [(0, 3)],
        [(0, 3)],
        [],
    ]


def test_a_traditional_book_catches_simplified_text_and_back() -> None:
    check = checker(TAOBAO_BOOK, "zh_Hant").check(
        transcript(
            (CUSTOMER, "這件還有嗎"),
            (AGENT, "亲,我们不补货了"),
            (AGENT, "亲,这不是我们的问题,我们不负责任!"),
        )
    )
    assert [(f.rule_id, f.turn, f.said, f.instead) for f in check.findings] == [
        ("TB-91", 1, "我们不补货了", "工廠不生產了"),
        ("TB-90", 2, "这不是我们的问题,我们不负责任", None),
    ]


def test_exceptions_come_from_the_book() -> None:
    book = checker(HOSPITAL_BOOK)
    # "喂养" and "喂药" are not "喂", however spaced; "知不知道" is not "不知道".
    assert book.scan(["婴儿要按时喂养", "喂 药前先量体温", "您知不知道挂号处在哪", "喂，喂养"]) == [
        [],
        [],
        [],
        [sc.Hit(HOSPITAL_BOOK[4], "喂", 0, 1)],
    ]
    # An exception excuses only what it covers.
    (hits,) = book.scan(["您知不知道?我不知道"])
    assert [(h.wording, h.start, h.end) for h in hits] == [("不知道", 7, 10)]


def test_an_exception_excuses_its_own_entry_only() -> None:
    feed = sc.PhraseEntry("喂", FORBIDDEN, "any", HD_18, unless=["喂养"])
    raising = sc.PhraseEntry("喂养", FORBIDDEN, "any", CC_05)
    (hits,) = checker([feed, raising]).scan(["喂养"])
    assert [(h.entry.cite.rule_id, h.start, h.end) for h in hits] == [("CC-05", 0, 2)]


def test_without_the_exception_it_is_found() -> None:
    entry = sc.PhraseEntry("喂", FORBIDDEN, "any", HD_18)
    assert [len(h) for h in checker([entry]).scan(["喂养", "喂药"])] == [1, 1]


def test_every_occurrence_is_a_finding() -> None:
    check = checker(HOSPITAL_BOOK).check(transcript((AGENT, "喂?喂!听得到吗?喂")))
    assert [f.span for f in check.findings] == [(0, 1), (2, 3), (9, 10)]


# Required phrases -------------------------------------------------------------------


def test_cc_05_three_musts_kept() -> None:
    check = checker(CC_05_BOOK).check(
        transcript(
            (CUSTOMER, "在吗"),
            (AGENT, "请问您有什么需要?"),
            (CUSTOMER, "没事了"),
            (AGENT, "好的,感谢您的来电,再见"),
        )
    )
    assert check.passed
    assert [(turn, h.wording) for turn, h in check.hits] == [
        (1, "请"),
        (1, "您"),
        (3, "您"),
        (3, "再见"),
    ]


def test_cc_05_three_musts_broken() -> None:
    check = checker(CC_05_BOOK).check(
        transcript((CUSTOMER, "在吗"), (AGENT, "你好,有什么事"), (AGENT, "再见,请慢走"))
    )
    assert summary(check) == [
        ("missing", "CC-05", None, None),  # never "您"
        ("missing", "CC-05", 1, None),  # no "请" in the first agent turn
    ]
    assert check.explain("en") == [
        "The agent never says “您” (CC-05)",
        "Turn 2: the agent's first turn lacks “请” (CC-05)",
    ]
    assert check.explain("zh_Hans") == [
        "客服始终没有说“您”（CC-05）",
        "第2句：客服的第一句话缺少“请”（CC-05）",
    ]
    assert [f.span for f in check.findings] == [None, None]


def test_last_turn() -> None:
    check = checker(CC_05_BOOK).check(
        transcript((AGENT, "请问您有什么需要?再见"), (CUSTOMER, "等等"), (AGENT, "您请说"))
    )
    assert summary(check) == [("missing", "CC-05", 2, None)]
    assert check.explain("en") == ["Turn 3: the agent's last turn lacks “再见” (CC-05)"]


def test_a_transcript_without_agent_turns_misses_every_required_phrase() -> None:
    check = checker(CC_05_BOOK).check(transcript((CUSTOMER, "喂?"), (CUSTOMER, "有人吗")))
    assert summary(check) == [("missing", "CC-05", None, None)] * 3


def test_hd_16_a_thank_you_gets_a_you_are_welcome() -> None:
    book = checker(HOSPITAL_BOOK)
    good = book.check(transcript((CUSTOMER, "谢谢医生"), (AGENT, "不用谢,祝您健康")))
    assert good.passed
    silent = book.check(transcript((AGENT, "您的药"), (CUSTOMER, "谢谢!")))
    assert summary(silent) == [("missing", "HD-16", 1, None)]
    assert silent.explain("en") == ["Turn 2: “谢谢” gets no reply, let alone “不用谢” (HD-16)"]
    # The reply is every agent turn before the customer speaks again: "嗯", then
    # "不用谢", is a reply; "不用谢" after the customer's next words is not.
    late = [(CUSTOMER, "好的"), (AGENT, "请慢走"), (CUSTOMER, "謝 謝"), (AGENT, "嗯")]
    assert book.check(transcript(*late, (AGENT, "不用谢"))).passed
    wrong = book.check(transcript(*late, (CUSTOMER, "再见"), (AGENT, "不用谢")))
    assert summary(wrong) == [("missing", "HD-16", 3, None)]
    assert wrong.explain("en") == ["Turn 4: the reply to “謝 謝” lacks “不用谢” (HD-16)"]
    # No cue, nothing required; the agent's own "谢谢" is no cue.
    assert book.check(transcript((CUSTOMER, "好的"), (AGENT, "谢谢"))).passed


def test_a_greeting_returned_is_found_as_cue_and_as_phrase() -> None:
    # The cue and the phrase are the same words: the customer's "您好" is a cue, the
    # agent's "您好" is the reply.
    entry = sc.PhraseEntry("您好", REQUIRED, "greeting", CC_05, placement="reply", cue=["您好"])
    book = checker([entry])
    assert book.check(transcript((CUSTOMER, "您好"), (AGENT, "您好,请讲"))).passed
    check = book.check(transcript((CUSTOMER, "您好"), (AGENT, "请讲")))
    assert summary(check) == [("missing", "CC-05", 1, None)]
    assert [len(hits) for hits in book.scan(["您好"])] == [1]


def test_two_thanks_in_a_row_share_one_reply() -> None:
    check = checker(HOSPITAL_BOOK).check(
        transcript((CUSTOMER, "谢谢"), (CUSTOMER, "太谢谢了"), (AGENT, "好"))
    )
    assert summary(check) == [("missing", "HD-16", 2, None)] * 2


def test_a_scenario_required_phrase_applies_only_when_declared() -> None:
    book = checker(LOTUS_BOOK)
    turns = ((CUSTOMER, "我要团购"), (AGENT, "您好,请问有什么能帮到您?"), (AGENT, "请稍等"))
    assert book.check(transcript(*turns, role="group-purchase")).passed
    held = book.check(transcript(*turns, role="group-purchase", scenarios=("hold",)))
    assert summary(held) == [("missing", "LR-09", None, None)]
    assert held.explain("en") == ["The agent never says “请稍等…分钟” (LR-09)"]
    told = transcript(
        (AGENT, "您好，请问有什么能帮到您？"),
        (AGENT, "请稍等 5 分钟"),
        role="group-purchase",
        scenarios=("hold",),
    )
    check = book.check(told)
    assert check.passed
    assert [(turn, h.wording, h.start, h.end) for turn, h in check.hits] == [
        (0, "您好,请问有什么能帮到您?", 0, 12),
        (1, "请稍等*分钟", 0, 8),
    ]


def test_role_specific_entries_apply_to_that_role_only() -> None:
    book = checker(LOTUS_BOOK)
    said = ((CUSTOMER, "去万达坐几号线"), (AGENT, "3号线班车"))
    assert book.check(transcript(*said)).passed  # no role: LR-08 does not apply
    assert book.check(transcript(*said, role="shuttle-bus")).passed
    bus = book.check(transcript(*said, role="shuttle-bus"))
    assert [(turn, h.entry.cite.rule_id, h.start, h.end) for turn, h in bus.hits] == [
        (1, "LR-05", 1, 5)
    ]
    assert book.check(transcript(*said)).hits == ()  # LR-05 is the shuttle bus team's
    group = book.check(transcript(*said, role="group-purchase"))
    assert summary(group) == [("missing", "LR-08", None, None)]


def test_a_forbidden_phrase_for_one_role() -> None:
    entries = [sc.PhraseEntry("稍等", FORBIDDEN, "hold", LR_05, role="shuttle-bus")]
    book = checker(entries)
    said = transcript((AGENT, "稍等"), role="shuttle-bus")
    assert summary(book.check(said)) == [("forbidden", "LR-05", 0, "稍等")]
    assert book.check(transcript((AGENT, "稍等"), role="group-purchase")).passed
    assert book.check(transcript((AGENT, "稍等"))).passed


def test_an_unknown_transcript_role_is_a_clear_error() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        checker(LOTUS_BOOK).check(transcript((AGENT, "您好"), role="cashier"))
    assert exc.value.value == "cashier"
    assert "known: shuttle-bus, group-purchase" in str(exc.value)


def test_tb_92_any_honorific_will_do() -> None:
    book = checker(TAOBAO_BOOK, "zh_Hant")
    for said in ("親,在的", "美女,在的", "您好,在的", "亲,在的"):
        assert book.check(transcript((CUSTOMER, "在嗎"), (AGENT, said))).passed, said
    rude = book.check(transcript((CUSTOMER, "在嗎"), (AGENT, "你好,在的")))
    assert summary(rude) == [("missing", "TB-92", None, None)]
    assert rude.explain("en") == ["The agent never says “您 / 親 / 美女” (TB-92)"]
    assert rude.explain("zh_Hant") == ["客服始終沒有說“您 / 親 / 美女”（TB-92）"]


def test_recommended_phrases_are_never_findings() -> None:
    check = checker(HOSPITAL_BOOK).check(transcript((AGENT, "您好")))
    assert check.passed
    check = checker(HOSPITAL_BOOK).check(transcript((AGENT, "请慢走,祝您健康")))
    assert [h.entry.cite.rule_id for _, h in check.hits] == ["HD-17", "HD-17"]


def test_findings_come_in_turn_order_whole_conversation_first_missing_before_said() -> None:
    check = checker(CC_05_BOOK + HOSPITAL_BOOK).check(
        transcript((AGENT, "喂?"), (CUSTOMER, "谢谢"), (AGENT, "不知道,欢迎再来"))
    )
    assert summary(check) == [
        ("missing", "CC-05", None, None),  # never "您"
        ("missing", "CC-05", 0, None),  # no "请" first
        ("forbidden", "HD-18", 0, "喂"),
        ("missing", "CC-05", 2, None),  # no "再见" last
        ("missing", "HD-16", 2, None),  # no "不用谢" for "谢谢"
        ("forbidden", "HD-18", 2, "不知道"),
        ("forbidden", "HD-17", 2, "欢迎再来"),
    ]
    assert len(check.reasons) == 7
    for locale in ("zh_Hans", "zh_Hant", "en"):
        explained = check.explain(locale)
        assert [line[-6:-1] for line in explained] == [f.rule_id for f in check.findings]


def test_check_refuses_what_is_not_a_transcript() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        checker(CC_05_BOOK).check([sc.Turn(AGENT, NINE, "您好")])  # type: ignore[arg-type]
    assert exc.value.field == "transcript"
    with pytest.raises(sc.ValidationError):
        sc.PhraseChecker(CC_05_BOOK)  # type: ignore[arg-type]


# Scanning ---------------------------------------------------------------------------


def test_scan_refuses_one_str() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        checker(HOSPITAL_BOOK).scan("喂")
    assert exc.value.field == "texts"
    assert "not one str" in str(exc.value)


def test_scan_refuses_what_is_not_a_str() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        checker(HOSPITAL_BOOK).scan(["喂", None])  # type: ignore[list-item]
    assert exc.value.field == "texts[1]"


def test_scan_takes_any_iterable_of_texts() -> None:
    book = checker(HOSPITAL_BOOK)
    assert book.scan(t for t in ["喂", "您好"]) == book.scan(["喂", "您好"])
    assert book.scan(("喂", "您好")) == book.scan(["喂", "您好"])


def test_an_empty_book_or_batch_finds_nothing() -> None:
    empty = sc.PhraseChecker(sc.PhraseBook("zh_Hans", []))
    assert empty.scan(["喂", ""]) == [[], []]
    assert empty.check(transcript((AGENT, "喂"))).passed
    assert checker(HOSPITAL_BOOK).scan([]) == []
    assert checker(HOSPITAL_BOOK).scan(["", "，"]) == [[], []]


def test_no_phrase_spans_two_texts() -> None:
    book = checker(HOSPITAL_BOOK)
    assert book.scan(["不知", "道", "不关我", "的事"]) == [[], [], [], []]


def test_slots() -> None:
    book = checker(LOTUS_BOOK)
    hits = book.scan(
        [
            "请稍等5分钟",
            "先生,请稍等 十五 分钟.",
            "请稍等分钟",  # a slot holds one character at least
            "请稍等一二三四五六七八九分钟",  # and eight at most
            "1号线班车",
            "号线班车",  # a slot at the start needs a character before the match
            "请稍等5分钟,请稍等10分钟",
        ]
    )
    assert [[(h.wording, h.start, h.end) for h in text_hits] for text_hits in hits] == [
        [("请稍等*分钟", 0, 6)],
        [("请稍等*分钟", 3, 12)],
        [],
        [],
        [("*号线班车", 1, 5)],
        [],
        [("请稍等*分钟", 0, 6), ("请稍等*分钟", 7, 14)],
    ]


def test_hits_are_sorted_by_position() -> None:
    (hits,) = checker(HOSPITAL_BOOK).scan(["不关我的事,不知道,喂,欢迎再来,请慢走"])
    assert [h.start for h in hits] == sorted(h.start for h in hits)
    assert [h.wording for h in hits] == ["不关我的事", "不知道", "喂", "欢迎再来", "请慢走"]


def test_hits_outside_the_bmp_are_counted_in_characters() -> None:
    (hits,) = checker(HOSPITAL_BOOK).scan(["𠀀𠀁 🙂 不𠀂知道 喂"])
    assert [(h.wording, h.start, h.end) for h in hits] == [("喂", 10, 11)]
    (hits,) = checker(HOSPITAL_BOOK).scan(["𠀀𠀁 🙂 不\U000e0020知道"])
    assert [(h.wording, h.start, h.end) for h in hits] == [("不知道", 5, 9)]


# Properties -------------------------------------------------------------------------

FORBIDDEN_PHRASES = [
    "喂",
    "不知道",
    "不关我的事",
    "欢迎再来",
    "這不是我們的問題,我們不負責任",
    "我們不補貨了",
    "你问我我问谁",
    "NO WAY",
]
NOISE_BOOK = sc.PhraseBook(
    "zh_Hans",
    [sc.PhraseEntry(p, FORBIDDEN, "any", HD_18) for p in FORBIDDEN_PHRASES],
)
NOISE_CHECKER = sc.PhraseChecker(NOISE_BOOK)
NOISE = st.one_of(
    st.sampled_from(" \t\n\u3000\u00a0,.!?;:-_~*#@/\\，。！？、；：（）【】「」…—·"),
    st.sampled_from("★☆♥♡☺🙂👍⚠$¥€+=<>^`|"),
    st.sampled_from("\u200b\u200c\u200d\ufeff\u2060\u00ad\u0301\u20dd\U000e0041\ufe0f"),
    st.characters(
        codec=None,
        categories=["Z", "P", "S", "Mn", "Me", "Cf", "Co"],
    ),
)


def _variants(ch: str) -> list[str]:
    """Ways of writing *ch* that fold the same: its case, its full width, its other script."""
    from servicecodex._text import to_simplified, to_traditional

    out = {ch, ch.upper(), ch.lower(), to_traditional(ch), to_simplified(ch)}
    if "!" <= ch <= "~":
        out |= {chr(ord(c) + 0xFEE0) for c in (ch.upper(), ch.lower())}
    return sorted(v for v in out if len(v) == 1 and fold_key(v) == fold_key(ch))


@st.composite
def disguised(draw: st.DrawFn) -> tuple[str, int, str, int, int]:
    """A forbidden phrase written with variants and noise, inside other text: the text,
    the phrase's number, and the span from its first to its last character."""
    number = draw(st.integers(0, len(FORBIDDEN_PHRASES) - 1))
    phrase = FORBIDDEN_PHRASES[number]
    before = draw(st.text(max_size=5))
    after = draw(st.text(max_size=5))
    pieces = []
    for ch in phrase:
        if fold_key(ch):
            pieces.append(draw(st.sampled_from(_variants(ch))))
        pieces.append(draw(st.text(NOISE, max_size=3)))
    while pieces and not fold_key(pieces[-1]):
        pieces.pop()  # the phrase's own trailing noise
    disguise = "".join(pieces)
    # The phrase starts at its first kept character and ends after its last.
    first = next(i for i, ch in enumerate(disguise) if fold_key(ch))
    last = max(i for i, ch in enumerate(disguise) if fold_key(ch))
    start = len(before) + first
    return before + disguise + after, number, phrase, start, len(before) + last + 1


def _spans_cut_the_original(text: str, hits: list[sc.Hit]) -> None:
    for hit in hits:
        cut = text[hit.start : hit.end]
        assert 0 <= hit.start < hit.end <= len(text)
        assert fold_key(cut[0]), (cut, hit)
        assert fold_key(cut[-1]), (cut, hit)
        if sc.SLOT not in hit.wording:
            assert sc.fold(cut).text == fold_key(hit.wording)


@settings(deadline=None)
@given(disguised())
def test_noise_never_hides_a_forbidden_phrase(case: tuple[str, int, str, int, int]) -> None:
    text, number, phrase, start, end = case
    (hits,) = NOISE_CHECKER.scan([text])
    assert any(
        h.entry is NOISE_BOOK.entries[number] and (h.start, h.end) == (start, end) for h in hits
    ), (text, phrase, hits)
    _spans_cut_the_original(text, hits)
    turns = [sc.Turn(CUSTOMER, NINE, text), sc.Turn(AGENT, NINE.add(seconds=5), text)]
    check = NOISE_CHECKER.check(sc.Transcript(turns))
    assert all(f.turn == 1 for f in check.findings)
    assert (start, end) in [f.span for f in check.findings]
    for finding in check.findings:
        assert finding.span is not None
        assert text[finding.span[0] : finding.span[1]] == finding.said


ALPHABET = st.sampled_from(
    [
        *"喂养药不知道关我的事欢迎再来請稍等5分钟号线班车谢您亲美女ok",
        *(" ", "，", "!", "\u200b", "\ufeff", "\uffff", "\0", "\n", "Ｏ", "Ｋ", "關", "謝"),
    ]
)
EVERY_KIND_BOOK = sc.PhraseBook(
    "zh_Hans",
    [
        *HOSPITAL_BOOK,
        *CC_05_BOOK[1:],
        sc.PhraseEntry("*号线班车", RECOMMENDED, "any", LR_05),
        sc.PhraseEntry("请稍等*分钟", REQUIRED, "hold", LR_09),
        sc.PhraseEntry("ok", FORBIDDEN, "any", CC_05, unless=["ok了"]),
        sc.PhraseEntry("美女", RECOMMENDED, "any", TB_92, alternatives=["亲"]),
    ],
)
EVERY_KIND_CHECKER = sc.PhraseChecker(EVERY_KIND_BOOK)


@settings(deadline=None)
@given(st.lists(st.text(ALPHABET, max_size=12) | st.text(max_size=6), max_size=8))
def test_a_text_scans_the_same_whatever_else_is_in_the_batch(texts: list[str]) -> None:
    together = EVERY_KIND_CHECKER.scan(texts)
    assert together == [EVERY_KIND_CHECKER.scan([t])[0] for t in texts]
    for text, hits in zip(texts, together, strict=True):
        _spans_cut_the_original(text, hits)
        assert hits == sorted(hits, key=lambda h: (h.start, h.end))


_FILLER = st.text(st.sampled_from("5号线谢您亲十二"), min_size=1, max_size=8)


@settings(deadline=None)
@given(
    st.text(ALPHABET, max_size=6),
    st.sampled_from(["请稍等", "請稍等"]),
    _FILLER,
    st.sampled_from(["分钟", "分鐘"]),
    st.text(ALPHABET, max_size=6),
)
def test_a_slotted_hit_is_its_words_around_one_to_eight_characters(
    before: str, opening: str, filler: str, closing: str, after: str
) -> None:
    text = before + opening + filler + closing + after
    (hits,) = EVERY_KIND_CHECKER.scan([text])
    held = [hit for hit in hits if hit.wording == "请稍等*分钟"]
    assert held, text  # a filler of one to eight characters always fills the slot
    for hit in held:
        folded = sc.fold(text[hit.start : hit.end]).text
        assert folded.startswith("请稍等")
        assert folded.endswith("分钟")
        assert 1 <= len(folded) - 5 <= 8


@settings(deadline=None)
@given(st.text(ALPHABET, max_size=6), st.text(st.sampled_from("123四五"), max_size=3))
def test_a_slot_at_the_start_needs_a_character_before_it(before: str, line: str) -> None:
    text = before + line + "号线班车"
    (hits,) = EVERY_KIND_CHECKER.scan([text])
    lines = [hit for hit in hits if hit.wording == "*号线班车"]
    assert bool(lines) == (sc.fold(before + line).text != "")
    for hit in lines:
        assert sc.fold(text[: hit.start]).text != ""


def test_the_noise_is_noise() -> None:
    # The strategy's fixed noise is all dropped, and each variant folds like the phrase.
    for ch in " \t\n\u3000\u00a0,.!?;:-_~*#@/\\，。！？、；：（）【】「」…—·★☆♥♡☺🙂👍⚠$¥€+=<>^`|":
        assert fold_key(ch) == "", unicodedata.name(ch, repr(ch))
    for phrase in FORBIDDEN_PHRASES:
        assert all(fold_key(v) == fold_key(ch) for ch in phrase for v in _variants(ch))


def test_a_book_of_more_than_16383_characters_still_matches() -> None:
    """Past 16,383 distinct characters each is written in four bytes, not two."""
    seen: dict[str, str] = {}
    for code in range(0x4E00, 0x4E00 + 20_000):
        seen.setdefault(sc.fold_key(chr(code)), chr(code))
    chars = [c for key, c in seen.items() if key]
    words = [chars[i] + chars[i + 1] for i in range(0, len(chars) - 1, 2)]
    book = sc.PhraseBook(
        "zh_Hans",
        [sc.PhraseEntry(w, "forbidden", "any", sc.Citation("HD-18", "四.9")) for w in words],
    )
    assert len(chars) > 2**14
    word = words[7000]
    hits = sc.PhraseChecker(book).scan([f"xx{word[0]} {word[1]}yy", "none"])
    assert [(h.wording, h.start, h.end) for h in hits[0]] == [(word, 2, 5)]
    assert hits[1] == []
