"""Folding text for phrase matching: what folds, what is dropped, and the offsets back
into the original text."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import servicecodex as sc
from servicecodex._normalize import _table, fold_key

# Zero-width space, zero-width joiner, byte-order mark / zero-width no-break space, word
# joiner: invisible in a chat window, so an agent can hide "不知道" behind them.
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u00ad", "\U000e0041"]


# What folds -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("ＡＢＣ１２３", "abc123"),  # full-width letters and digits
        ("ｶﾀｶﾅ", "カタカナ"),  # half-width katakana
        ("Ｎｉ Ｈǎｏ", "nihao"),  # full-width, accents, spaces
        ("NiHao", "nihao"),
        ("CAFÉ", "cafe"),
        ("不關我的事", "不关我的事"),  # HD-18, traditional script
        ("這不是我們的問題", "这不是我们的问题"),  # TB-90
        ("我們不補貨了", "我们不补货了"),  # TB-91
        ("歡迎再來", "欢迎再来"),  # HD-17
        ("親", "亲"),  # TB-92
        ("不 知-道", "不知道"),  # the issue's own example
        ("不，知。道！", "不知道"),
        ("不~知@道#", "不知道"),
        ("不★知♥道☺", "不知道"),
        ("不⚠知🙂道", "不知道"),  # symbols outside the BMP
        ("【不知道】", "不知道"),
        ("不\t知\n道\r\n", "不知道"),
        ("不\u3000知\u00a0道", "不知道"),  # ideographic and no-break spaces
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert sc.fold(text).text == folded
    assert fold_key(text) == folded


@pytest.mark.parametrize("invisible", INVISIBLE)
def test_invisible_characters_are_dropped(invisible: str) -> None:
    text = invisible.join("不知道") + invisible
    folded = sc.fold(text)
    assert folded.text == "不知道"
    assert folded.offsets.tolist() == [0, 2, 4]


def test_combining_marks_are_dropped_wherever_they_are() -> None:
    assert sc.fold("e\u0301").text == "e"  # decomposed é
    assert sc.fold("不\u0301知\u20dd道").text == "不知道"  # marks on ideographs
    assert sc.fold("\u0301\u0301喂").text == "喂"  # marks with nothing to sit on


def test_unassigned_private_use_surrogates_and_noncharacters_are_dropped() -> None:
    assert sc.fold("\ue000喂\U000f0000").text == "喂"  # private use
    assert sc.fold("\ud800喂\udfff").text == "喂"  # lone surrogates
    assert sc.fold("\uffff喂\ufffe").text == "喂"  # noncharacters
    assert sc.fold("\U0004e000喂").text == "喂"  # unassigned plane 4


def test_a_surrogate_pair_given_as_two_code_points_is_dropped() -> None:
    folded = sc.fold("\ud83d\ude00喂")
    assert folded.text == "喂"
    assert folded.offsets.tolist() == [2]


def test_characters_outside_the_bmp_keep_their_place() -> None:
    folded = sc.fold("𠀀 不關")  # CJK extension B, then traditional
    assert folded.text == "𠀀不关"
    assert folded.offsets.tolist() == [0, 2, 3]


def test_a_fold_does_not_change_a_folded_text() -> None:
    # OpenCC turns 薴 into 苧 and only then 苧 into 苎: the fold goes all the way.
    assert sc.fold("薴").text == sc.fold("苧").text == sc.fold("苎").text == "苎"
    assert fold_key("薴") == "苎"


def test_the_table_builds_the_same_twice() -> None:
    before = _table().copy()
    _table.cache_clear()
    assert (_table() == before).all()
    assert sc.fold("不關").text == "不关"


def test_nothing_folds_to_nothing() -> None:
    assert sc.fold("").text == ""
    assert sc.fold("，。！ \u200b").text == ""
    assert sc.fold("，。！ \u200b").offsets.tolist() == []


def test_fold_refuses_what_is_not_a_str() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.fold(b"\xe5\x96\x82")  # type: ignore[arg-type]
    assert "expected a str, not bytes" in str(exc.value)
    with pytest.raises(sc.ValidationError) as exc:
        sc.PhraseChecker(sc.PhraseBook("zh_Hans", [])).scan(["喂", None])  # type: ignore[list-item]
    assert exc.value.field == "texts[1]"


# Offsets ----------------------------------------------------------------------------


def test_original_span_cuts_the_original_text() -> None:
    folded = sc.fold("客服：不 關-我的ＳＨＩ事!")
    start = folded.text.index("不关我的")
    span = folded.original_span(start, start + 4)
    assert span == (3, 9)
    assert folded.original[slice(*span)] == "不 關-我的"


@pytest.mark.parametrize(("start", "end"), [(0, 0), (2, 1), (-1, 1), (0, 4)])
def test_original_span_refuses_what_is_not_a_span(start: int, end: int) -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.fold("不知道").original_span(start, end)
    assert exc.value.field == "span"


def test_separators_and_noncharacters_are_dropped() -> None:
    texts = ["不知", "", "道\u200b", "ＡＢ", "\uffff", "\0喂\0"]
    assert [sc.fold(t).text for t in texts] == ["不知", "", "道", "ab", "", "喂"]
    assert [sc.fold(t).offsets.tolist() for t in texts] == [[0, 1], [], [0], [0, 1], [], [1]]


# Properties -------------------------------------------------------------------------

ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=40)
CHINESE_AND_NOISE = st.text(
    st.sampled_from(
        "不知道關关我的事喂养您親亲美女ＡaＢb １!，。、*★🙂\u200b\u200d\ufeff\u2060\u0301薴苧"
    )
    | st.characters(codec=None, exclude_categories=()),
    max_size=40,
)


def _dropped(ch: str) -> bool:
    return sc.fold(ch).text == ""


@settings(deadline=None)
@given(st.one_of(ANY_TEXT, CHINESE_AND_NOISE))
def test_fold_key_is_fold(text: str) -> None:
    assert fold_key(text) == sc.fold(text).text


@settings(deadline=None)
@given(st.one_of(ANY_TEXT, CHINESE_AND_NOISE))
def test_every_folded_character_comes_from_one_original_character(text: str) -> None:
    folded = sc.fold(text)
    offsets = folded.offsets.tolist()
    assert len(offsets) == len(folded.text)
    assert offsets == sorted(set(offsets))  # strictly increasing
    assert [fold_key(text[i]) for i in offsets] == list(folded.text)
    kept = set(offsets)
    assert all(_dropped(ch) for i, ch in enumerate(text) if i not in kept)


@settings(deadline=None)
@given(st.one_of(ANY_TEXT, CHINESE_AND_NOISE), st.data())
def test_every_span_cuts_the_original(text: str, data: st.DataObject) -> None:
    folded = sc.fold(text)
    if not folded.text:
        return
    start = data.draw(st.integers(0, len(folded.text) - 1))
    end = data.draw(st.integers(start + 1, len(folded.text)))
    a, b = folded.original_span(start, end)
    assert sc.fold(text[a:b]).text == folded.text[start:end]
    assert not _dropped(text[a])
    assert not _dropped(text[b - 1])


@settings(deadline=None)
@given(st.one_of(ANY_TEXT, CHINESE_AND_NOISE))
def test_folding_twice_is_folding_once(text: str) -> None:
    once = sc.fold(text).text
    assert sc.fold(once).text == once


def test_every_space_punctuation_symbol_mark_and_format_character_is_dropped() -> None:
    dropped = {"Zs", "Zl", "Zp", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk"}
    dropped |= {"So", "Mn", "Mc", "Me", "Cc", "Cf", "Co", "Cn"}
    chars = [chr(cp) for cp in range(0x30000) if unicodedata.category(chr(cp)) in dropped]
    assert len(chars) > 60_000
    assert sc.fold("".join(chars)).text == ""
    assert fold_key("".join(chars)) == ""
