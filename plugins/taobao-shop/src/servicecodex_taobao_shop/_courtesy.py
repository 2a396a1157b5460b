"""TB-87 … TB-92: what the shop's CS says and never says, as a phrase book.

P1 三.2 (「售前接待」) asks for warm, civil inquiry language and forbids swearing back at an
abusive customer; P1 五 (「嚴禁事項」) lists the don'ts (1–4), the forbidden words (5(1),
5(2)) and the mandatory honorifics (5(3)).  Both apply to every post (TB-01): every entry
is for everyone (``role=None``), and the book carries the three posts as roles so that a
transcript may name the agent's post.

The phrases are stored in traditional script, as the source prints them (without its
pinyin glosses, AMB-01), in a zh_Hant book; servicecodex derives the zh_Hans book
(OpenCC), and matching folds script, width, case, spaces and punctuation, so chats typed
in either script match the same.  Where a clause gives no words (TB-87, TB-88, TB-89, the
"等" of TB-92), the words are the plugin's reading, said so where they are defined.
"""

from __future__ import annotations

import servicecodex as sc
from servicecodex_taobao_shop._roles import ROLES
from servicecodex_taobao_shop._source import cite

__all__ = ["HONORIFICS", "PHRASE_BOOK", "PHRASE_ENTRIES", "SWEARING"]

_REQUIRED = sc.PhraseKind.REQUIRED
_RECOMMENDED = sc.PhraseKind.RECOMMENDED
_FORBIDDEN = sc.PhraseKind.FORBIDDEN
_ANY = sc.Scenario.ANY

# TB-87 ------------------------------------------------------------------------------------

#: TB-87: 「咨詢用語要熱情親切,語氣不要太過生硬…文明用語,禮貌待客」.  The clause names no
#: words; these civil phrases, one per moment, are the plugin's reading, recommended.
_CIVIL = (
    sc.PhraseEntry("您好", _RECOMMENDED, sc.Scenario.GREETING, cite("TB-87", "P1 三.2")),
    sc.PhraseEntry("請稍等", _RECOMMENDED, sc.Scenario.HOLD, cite("TB-87", "P1 三.2")),
    sc.PhraseEntry(
        "謝謝",
        _RECOMMENDED,
        sc.Scenario.THANKS,
        cite("TB-87", "P1 三.2"),
        alternatives=("感謝",),
    ),
    sc.PhraseEntry(
        "不好意思",
        _RECOMMENDED,
        sc.Scenario.APOLOGY,
        cite("TB-87", "P1 三.2"),
        alternatives=("抱歉",),
    ),
)

# TB-88 ------------------------------------------------------------------------------------

#: TB-88: 「遇到蠻不講理的客戶有罵人現象,可以不搭理他但不能出現和客戶對罵現象」.  The clause
#: lists no words: these insults are the plugin's reading, chosen so that none is also a
#: word of the shop's trade ("垃圾" names 垃圾袋, "去死" is in 去死皮).  A finding of this
#: entry in a chat is the evidence TB-41 fines (``swearing-at-customer``, 50 yuan).
SWEARING = sc.PhraseEntry(
    "他媽的",
    _FORBIDDEN,
    _ANY,
    cite("TB-88", "P1 三.2"),
    alternatives=("滾蛋", "滾開", "閉嘴", "混蛋", "白癡", "傻逼", "腦殘", "神經病", "你有病"),
)

# TB-89 ------------------------------------------------------------------------------------


def _dont(clause: str, phrase: str, *alternatives: str) -> sc.PhraseEntry:
    return sc.PhraseEntry(
        phrase, _FORBIDDEN, _ANY, cite("TB-89", clause), alternatives=alternatives
    )


#: TB-89, P1 五.1–4: the don'ts.  The clauses name behaviour, not words; each entry's
#: wordings are the plugin's reading of one clause.  「不要強硬的拒絕客戶」: a blunt refusal
#: ("沒門" is left out: 沒門店, no shop front, is a Taobao shop's everyday word).
_BLUNT_REFUSAL = _dont("P1 五.1", "愛買不買", "不買拉倒", "不買就算了", "辦不到", "不行就是不行")
#: 「不要與客戶激烈的爭吵」: words of a quarrel.
_ARGUING = _dont("P1 五.2", "你講不講理", "你講不講道理", "跟你說不清")
#: 「不要諷刺客戶與指出客戶錯誤」: mocking the customer or pointing out their mistake, with
#: 你 and with 您 (a courteous pronoun does not make the reproach courteous).
_MOCKING = _dont(
    "P1 五.3",
    "是你自己的問題",
    "是您自己的問題",
    "你自己沒看清楚",
    "您自己沒看清楚",
    "你拍錯了",
    "您拍錯了",
    "你看不懂嗎",
    "這都不懂",
    "說了多少遍",
)
#: 「不要堅決不承認錯誤」: denying an error outright.
_DENYING = _dont("P1 五.4", "不是我們的錯", "我們沒有錯")

# TB-90 … TB-92 ----------------------------------------------------------------------------

#: TB-90: 「(1)這不是我們的問題,我們不負責任」, forbidden verbatim (its halves alone are
#: not this entry; "不是我們的錯" is TB-89's).  The source gives no replacement.
_NOT_OUR_PROBLEM = sc.PhraseEntry(
    "這不是我們的問題，我們不負責任", _FORBIDDEN, _ANY, cite("TB-90", "P1 五.5(1)")
)
#: TB-91: 「一但出現缺貨,不要說我們不補貨了,要說:工廠不生產了」: forbidden whenever said (the
#: other wordings of the same refusal are the plugin's reading) …
_NO_RESTOCK = sc.PhraseEntry(
    "我們不補貨了",
    _FORBIDDEN,
    sc.Scenario.OUT_OF_STOCK,
    cite("TB-91", "P1 五.5(2)"),
    alternatives=("我們不再補貨了", "我們不會再補貨了"),
    instead="工廠不生產了",
)
#: … and "工廠不生產了" required in a transcript that declares the out-of-stock scenario.
_FACTORY_STOPPED = sc.PhraseEntry(
    "工廠不生產了", _REQUIRED, sc.Scenario.OUT_OF_STOCK, cite("TB-91", "P1 五.5(2)")
)
#: TB-92: 「嚴禁不使用敬語,要使用:您,親,美女等」: an honorific in some agent turn of every
#: conversation; any one counts.  帥哥, for a man, is the plugin's reading of "等".
HONORIFICS = sc.PhraseEntry(
    "您",
    _REQUIRED,
    _ANY,
    cite("TB-92", "P1 五.5(3)"),
    alternatives=("親", "美女", "帥哥"),
)

#: Every courtesy entry, in the order of the rules: TB-87 … TB-92.
PHRASE_ENTRIES: tuple[sc.PhraseEntry, ...] = (
    *_CIVIL,
    SWEARING,
    _BLUNT_REFUSAL,
    _ARGUING,
    _MOCKING,
    _DENYING,
    _NOT_OUR_PROBLEM,
    _NO_RESTOCK,
    _FACTORY_STOPPED,
    HONORIFICS,
)
#: The shop's phrase book in the source's traditional script, with the three posts of
#: TB-01 as its roles.  The hook gives it for zh_Hant; servicecodex converts it for zh_Hans.
PHRASE_BOOK = sc.PhraseBook("zh_Hant", PHRASE_ENTRIES, roles=[r.role for r in ROLES])
