"""Folding text so that phrase matching sees through evasions, with a map back to the
original offsets.

Each character is folded on its own, so every character of the folded text comes from
exactly one character of the original:

* compatibility forms (full-width ``Ａ``, half-width ``ｶ``, compatibility ideographs) become
  their NFKC form, when that is one character;
* accents are stripped (``ǎ`` is ``a``) and letters lower-cased;
* traditional characters become simplified ones (OpenCC, character by character);
* spaces, punctuation, symbols, combining marks, control and format characters
  (zero-width spaces and joiners, tag characters), private-use and unassigned code points
  are dropped.

The fold is a lookup table over every code point, applied with numpy; building it takes a
fraction of a second, once per process, on first use.
"""

from __future__ import annotations

import functools
import itertools
import unicodedata
from typing import TYPE_CHECKING

import attrs

from servicecodex._errors import ValidationError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["Folded", "fold", "fold_key"]

DROP = 0xFFFFFFFF
_DROPPED_CATEGORIES = frozenset(
    {"Zs", "Zl", "Zp", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So"}
    | {"Mn", "Mc", "Me", "Cc", "Cf", "Cs", "Co", "Cn"}
)
# Everything at or above this is unassigned, private use, tags or variation selectors,
# apart from plane 14, which the table also walks.
_PLANES_END = 0x40000
_PLANES_WALKED = (range(_PLANES_END), range(0xE0000, 0xE1000))  # ranges: reusable
_HAN = "\u2e80"  # CJK radicals onwards: where OpenCC has something to convert
_T2S_ROUNDS = 4  # OpenCC needs two for 薴; the rest guards against a cycle


def _fold_char(ch: str) -> str | None:
    """*ch* folded, before the script conversion; ``None`` when it is dropped."""
    if unicodedata.category(ch) in _DROPPED_CATEGORIES:
        return None
    folded = unicodedata.normalize("NFKC", ch)
    if len(folded) != 1:
        folded = ch
    bare = "".join(c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c))
    if len(bare) == 1:
        folded = bare
    lower = folded.lower()
    if len(lower) == 1:
        folded = lower
    return None if unicodedata.category(folded) in _DROPPED_CATEGORIES else folded


def _simplified(chars: list[str]) -> list[str]:
    """Each of *chars* in simplified script; one OpenCC call per round, one character per
    line so that no conversion reaches across two of them.  What changed is converted
    again until nothing does: OpenCC takes a few characters only part of the way
    (薴 -> 苧 -> 苎), and a fold must not change a folded text."""
    from servicecodex._text import _converter

    out = list(chars)
    todo = list(range(len(out)))
    for _ in range(_T2S_ROUNDS):
        if not todo:
            break
        converted = _converter("t2s").convert("\n".join(out[i] for i in todo)).split("\n")
        if len(converted) != len(todo):  # pragma: no cover - OpenCC keeps lines
            converted = [_converter("t2s").convert(out[i]) for i in todo]
        changed = []
        for i, new in zip(todo, converted, strict=True):
            if len(new) == 1 and new != out[i]:
                out[i] = new
                changed.append(i)
        todo = changed
    return out


@functools.cache
def _table() -> npt.NDArray[np.uint32]:
    """The folded code point of every code point, ``DROP`` for those dropped."""
    import numpy as np

    table = np.full(0x110000, DROP, dtype=np.uint32)
    han: list[int] = []
    for cp in itertools.chain(*_PLANES_WALKED):
        folded = _fold_char(chr(cp))
        if folded is None:
            continue
        table[cp] = ord(folded)
        if folded >= _HAN:
            han.append(cp)
    for cp, simple in zip(han, _simplified([chr(table[cp]) for cp in han]), strict=True):
        table[cp] = ord(simple)
    return table


def fold_key(text: str) -> str:
    """What :func:`fold` makes of *text*, without building the table: for phrases.

    >>> fold_key("不 關-我的事！")
    '不关我的事'
    """
    if any(ord(ch) >= _PLANES_END for ch in text):
        return fold(text).text
    chars = [folded for ch in text if (folded := _fold_char(ch)) is not None]
    han = [i for i, ch in enumerate(chars) if ch >= _HAN]
    for i, simple in zip(han, _simplified([chars[i] for i in han]), strict=True):
        chars[i] = simple
    return "".join(chars)


def _codes(text: str) -> npt.NDArray[np.uint32]:
    import numpy as np

    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


@attrs.frozen
class Folded:
    """A text folded for matching, with where each folded character came from.

    >>> folded = fold("不 關-我的ＤＥ事!")
    >>> folded.text
    '不关我的de事'
    >>> folded.original_span(0, 2)
    (0, 3)
    >>> folded.original[slice(*folded.original_span(0, 2))]
    '不 關'
    """

    original: str
    text: str
    #: ``offsets[i]`` is the index in *original* of the character ``text[i]`` came from.
    offsets: npt.NDArray[np.intp] = attrs.field(eq=False, repr=False)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of *original* that folded ``text[start:end]`` (non-empty) came from:
        from its first to its last character, with whatever was dropped in between."""
        if not 0 <= start < end <= len(self.text):
            raise ValidationError("span", (start, end), f"not a span of {self.text!r}")
        return int(self.offsets[start]), int(self.offsets[end - 1]) + 1


def fold(text: str) -> Folded:
    """*text* folded for matching (see the module's documentation for what folds).

    >>> fold("Ｎｉ Hǎo，\u200b您好").text
    'nihao您好'
    """
    if not isinstance(text, str):
        raise ValidationError("text", text, f"expected a str, not {type(text).__name__}")
    import numpy as np

    folded = _table()[_codes(text)]
    keep = np.flatnonzero(folded != DROP)
    return Folded(text, folded[keep].tobytes().decode("utf-32-le"), keep)
