"""A phrase book compiled for fast matching.

Every wording, exception, cue and slot anchor of a book is folded (see
:mod:`servicecodex._normalize`) and written over the book's own alphabet: each character
the book uses gets a number, every other character is "other", and each number is
encoded in two (or, past 16,383 characters, four) bytes whose first byte alone has its
high bit set, so a match can only start and end on a character.  A batch of texts is
folded and encoded in one numpy gather over a table of every code point, searched in one
byte-level Aho-Corasick pass (ahocorasick_rs), and the matches are mapped back to the
original texts with numpy.  Only entries that need judgement - exceptions, slots, words
that can overlap themselves - go through Python, and only where they matched.
"""

from __future__ import annotations

import gc
import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, overload

from servicecodex._courtesy import SLOT, PhraseEntry
from servicecodex._errors import ValidationError
from servicecodex._normalize import DROP, _codes, _table, fold_key

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["SLOT_MAX", "Hit", "Hits", "Matcher"]

#: The most characters one slot (``*``) of a phrase stands for.
SLOT_MAX = 8


class Hit(NamedTuple):
    """One phrase found in a text: the entry, which of its wordings, and the span of the
    original text (``text[start:end]``)."""

    entry: PhraseEntry
    wording: str
    start: int
    end: int


class _Use(NamedTuple):
    """What finding one folded literal means: a wording, an exception or a cue of entry
    number *entry*; *template* is set when the literal is one piece of a slotted phrase."""

    what: str  # "phrase", "unless" or "cue"
    entry: int
    wording: str
    template: re.Pattern[str] | None


class _Found(NamedTuple):
    use: _Use
    fstart: int  # in the folded text of the whole batch
    fend: int


def _template(wording: str) -> tuple[str, re.Pattern[str]]:
    """The longest literal piece of a slotted *wording* and the pattern of the whole, over
    one folded text."""
    pieces = [fold_key(p) for p in wording.split(SLOT)]
    body = f".{{1,{SLOT_MAX}}}?".join(re.escape(p) for p in pieces if p)
    lead = "(?<=.)" if not pieces[0] else ""
    trail = "(?=.)" if not pieces[-1] else ""
    return max(pieces, key=len), re.compile(lead + body + trail, re.DOTALL)


def _bordered(word: str) -> bool:
    """Whether two matches of *word* can overlap ("哈哈" in "哈哈哈")."""
    return any(word[:k] == word[-k:] for k in range(1, len(word)))


def _one_word(original: str) -> bool:
    """No punctuation or symbol inside: only letters, digits, spaces and invisibles (and
    the apostrophe, which is part of an English word: "you're")."""
    return not any(unicodedata.category(c)[0] in "PS" and c not in "'’" for c in original)


_SPAN = 1 << 16


class Hits(Sequence[list[Hit]]):
    """The hits of a batch of texts, held as arrays; ``hits[i]`` is text *i*'s list of
    :class:`Hit`, sorted by position (longer first where two start together), built when
    asked for."""

    def __init__(
        self,
        uses: Sequence[tuple[PhraseEntry, str]],
        count: int,
        columns: tuple[npt.NDArray[np.int64], ...],
    ) -> None:
        import numpy as np

        text, use, start, end, at = columns
        # By text, then start, longer first: *at* is the start in all the texts joined,
        # so one sortable number holds all three.
        span = np.minimum(end - start, _SPAN - 1)
        order = np.argsort(at * _SPAN + (_SPAN - 1 - span), kind="stable")
        self._uses = uses
        self._count = count
        self._use = use[order]
        self._start = start[order]
        self._end = end[order]
        self._bounds = np.searchsorted(text[order], np.arange(count + 1))

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> list[Hit]: ...
    @overload
    def __getitem__(self, index: slice) -> list[list[Hit]]: ...
    def __getitem__(self, index: int | slice) -> list[Hit] | list[list[Hit]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(index)
        lo, hi = int(self._bounds[index]), int(self._bounds[index + 1])
        uses = self._uses
        return [
            Hit(uses[u][0], uses[u][1], s, e)
            for u, s, e in zip(
                self._use[lo:hi].tolist(),
                self._start[lo:hi].tolist(),
                self._end[lo:hi].tolist(),
                strict=True,
            )
        ]

    def __iter__(self) -> Iterator[list[Hit]]:
        # Every hit at once: one pass over the columns, then one slice per text.  The
        # collector is paused while they are made: they form no cycles, and a run over
        # the young objects at every few hundred of them would cost more than the making.
        uses = self._uses
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            every = self._every(uses)
            bounds = self._bounds.tolist()
            lists = [every[bounds[i] : bounds[i + 1]] for i in range(self._count)]
        finally:
            if was_enabled:
                gc.enable()
        return iter(lists)

    def _every(self, uses: Sequence[tuple[PhraseEntry, str]]) -> list[Hit]:
        return list(
            map(
                Hit._make,
                zip(
                    [uses[u][0] for u in self._use.tolist()],
                    [uses[u][1] for u in self._use.tolist()],
                    self._start.tolist(),
                    self._end.tolist(),
                    strict=True,
                ),
            )
        )

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(other) == self._count and all(
                a == b for a, b in zip(self, other, strict=True)
            )
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<Hits: {self.total} in {self._count} texts>"

    @property
    def total(self) -> int:
        """How many hits in all."""
        return len(self._use)

    def counts(self) -> list[int]:
        """How many hits each text has."""
        import numpy as np

        return np.diff(self._bounds).tolist()  # type: ignore[no-any-return]


class Matcher:
    """Every entry of a book compiled into one automaton (see the module's doc)."""

    def __init__(self, entries: Sequence[PhraseEntry]) -> None:
        self.entries = tuple(entries)
        literals: dict[str, list[_Use]] = defaultdict(list)
        by_entry: dict[int, list[str]] = defaultdict(list)
        for number, entry in enumerate(self.entries):
            for what, wordings in (
                ("phrase", entry.wordings),
                ("unless", entry.unless),
                ("cue", entry.cue),
            ):
                for wording in wordings:
                    if SLOT in wording:
                        anchor, pattern = _template(wording)
                        literals[anchor].append(_Use(what, number, wording, pattern))
                    else:
                        folded = fold_key(wording)
                        literals[folded].append(_Use(what, number, wording, None))
                        if what == "phrase":
                            by_entry[number].append(folded)
        # Entries judged in Python: with exceptions, slots or cues, or whose matches
        # can overlap one another (a wording inside another, or overlapping itself).
        self._judged = {
            n
            for n, e in enumerate(self.entries)
            if e.unless
            or e.cue
            or any(SLOT in w for w in e.wordings)
            or any(_bordered(w) for w in by_entry[n])
            or any(a != b and a in b for a in by_entry[n] for b in by_entry[n])
            or len(set(by_entry[n])) < len(by_entry[n])
        }
        self._literals = list(literals)
        self._uses: list[tuple[PhraseEntry, str]] = []
        use_ids: dict[tuple[int, str], int] = {}
        for uses in literals.values():
            for use in uses:
                if use.what == "phrase" and (use.entry, use.wording) not in use_ids:
                    use_ids[use.entry, use.wording] = len(self._uses)
                    self._uses.append((self.entries[use.entry], use.wording))
        self._use_ids = use_ids
        self._simple: list[list[int]] = []
        self._python: list[list[_Use]] = []
        for literal in self._literals:
            uses = literals[literal]
            self._simple.append(
                [
                    use_ids[u.entry, u.wording]
                    for u in uses
                    if u.what == "phrase" and u.entry not in self._judged
                ]
            )
            self._python.append([u for u in uses if u.entry in self._judged])
        alphabet = sorted({c for literal in self._literals for c in literal})
        self._ids = {c: i + 1 for i, c in enumerate(alphabet)}
        self._width = 2 if len(alphabet) < 2**14 else 4
        self._automaton: Any = None
        self._table: Any = None
        self._columns: Any = None
        if self._literals:
            import ahocorasick_rs
            import numpy as np

            dtype = f">u{self._width}"
            self._automaton = ahocorasick_rs.BytesAhoCorasick(
                [
                    np.array([self._encode(self._ids[c]) for c in literal], dtype=np.uint64)
                    .astype(dtype)
                    .tobytes()
                    for literal in self._literals
                ]
            )
            counts = np.array([len(s) for s in self._simple], dtype=np.int64)
            firsts = np.zeros(len(counts), dtype=np.int64)
            np.cumsum(counts[:-1], out=firsts[1:])
            flat = np.array([u for s in self._simple for u in s], dtype=np.int64)
            python = np.array([bool(p) for p in self._python])
            self._columns = (counts, firsts, flat, python)

    def _encode(self, number: Any) -> Any:
        """The bytes of character number *number* (0: a character the book never uses),
        for one number or an array of them."""
        if self._width == 2:
            return ((0x80 | (number >> 7)) << 8) | (number & 0x7F)
        return (
            (0x80 << 24)
            | ((number >> 14) & 0x7F) << 16
            | ((number >> 7) & 0x7F) << 8
            | (number & 0x7F)
        )

    def _encoding(self) -> npt.NDArray[Any]:
        """Every code point's bytes in this book's alphabet; 0 for the dropped ones."""
        if self._table is None:
            import numpy as np

            folded = _table()
            kept = folded != DROP
            number = np.zeros(0x110000, dtype=np.uint32)
            for c, i in self._ids.items():
                number[ord(c)] = i
            code = self._encode(number[np.where(kept, folded, 0)].astype(np.uint64))
            code[~kept] = 0
            self._table = code.astype(f">u{self._width}")
        return self._table  # type: ignore[no-any-return]

    def scan(self, texts: Sequence[str], *, cues: bool = False) -> tuple[Hits, list[list[Hit]]]:
        """The phrase hits of each of *texts*, and (with *cues*) the cue hits."""
        import numpy as np

        try:
            joined = "\0".join(texts)
        except TypeError:
            i, bad = next((i, t) for i, t in enumerate(texts) if not isinstance(t, str))
            raise ValidationError(
                f"texts[{i}]", bad, f"expected a str, not {type(bad).__name__}"
            ) from None
        empty = np.zeros(0, dtype=np.int64)
        cue_hits: list[list[Hit]] = [[] for _ in texts] if cues else []
        if self._automaton is None or not texts:
            return Hits(self._uses, len(texts), (empty,) * 5), cue_hits
        width = self._width
        starts = np.zeros(len(texts), dtype=np.int64)
        np.cumsum(np.array(list(map(len, texts)), dtype=np.int64)[:-1] + 1, out=starts[1:])
        codes = _codes(joined)
        encoded = self._encoding()[codes]
        encoded[starts[1:] - 1] = self._encode(0)  # no match runs from one text into the next
        keep = np.flatnonzero(encoded)
        found = self._automaton.find_matches_as_indexes(encoded[keep].tobytes(), overlapping=True)
        if not found:
            return Hits(self._uses, len(texts), (empty,) * 5), cue_hits
        matches = np.fromiter(
            itertools.chain.from_iterable(found), dtype=np.int64, count=3 * len(found)
        )
        pattern, fstart, fend = matches[0::3], matches[1::3] // width, matches[2::3] // width
        counts, firsts, flat, python = self._columns
        # The plain entries, all at once.
        per_match = counts[pattern]
        which = np.repeat(np.arange(len(pattern)), per_match)
        shift = np.arange(len(which)) - np.repeat(np.cumsum(per_match) - per_match, per_match)
        use = flat[np.repeat(firsts[pattern], per_match) + shift]
        ostart = keep[fstart[which]]
        owner = np.searchsorted(starts, ostart, side="right") - 1
        columns: list[npt.NDArray[np.int64]] = [
            owner,
            use,
            ostart - starts[owner],
            keep[fend[which] - 1] + 1 - starts[owner],
            ostart,
        ]
        # The judged ones, text by text.
        judged = np.flatnonzero(python[pattern])
        if len(judged):
            per_text: dict[int, list[_Found]] = defaultdict(list)
            jtext = (np.searchsorted(starts, keep[fstart[judged]], side="right") - 1).tolist()
            for m, t in zip(judged.tolist(), jtext, strict=True):
                for u in self._python[pattern[m]]:
                    if u.what != "cue" or cues:
                        per_text[t].append(_Found(u, int(fstart[m]), int(fend[m])))
            extra: list[tuple[int, int, int, int, int]] = []
            for t, here in per_text.items():
                self._judge(texts, t, here, codes, keep, starts, extra, cue_hits)
            if extra:
                more = np.array(extra, dtype=np.int64).reshape(-1, 5)
                columns = [np.concatenate((c, more[:, i])) for i, c in enumerate(columns)]
        return Hits(self._uses, len(texts), tuple(columns)), cue_hits

    def _judge(
        self,
        texts: Sequence[str],
        text: int,
        found: list[_Found],
        codes: npt.NDArray[np.uint32],
        keep: npt.NDArray[np.intp],
        starts: npt.NDArray[np.int64],
        hits: list[tuple[int, int, int, int, int]],
        cues: list[list[Hit]],
    ) -> None:
        """One text's matches of judged entries: fill in slotted phrases, drop forbidden
        phrases inside one of their exceptions, keep one hit per utterance."""
        literal: list[_Found] = []
        templates: set[_Use] = set()
        for f in found:
            if f.use.template is None:
                literal.append(f)
            else:
                templates.add(f.use)
        base = int(starts[text])
        if templates:
            lo = int(keep.searchsorted(base))
            hi = int(keep.searchsorted(base + len(texts[text])))
            folded = _table()[codes[keep[lo:hi]]].astype("<u4").tobytes().decode("utf-32-le")
            for use in templates:
                assert use.template is not None
                for m in use.template.finditer(folded):
                    literal.append(_Found(use, lo + m.start(), lo + m.end()))
        # An exception excuses only where it is written as one word: spaces and invisible
        # characters may sit inside it, punctuation and symbols may not, so "喂，药房在哪"
        # is not the exception "喂药".
        original = texts[text]
        excuses = [
            (f.use.entry, f.fstart, f.fend)
            for f in literal
            if f.use.what == "unless"
            and _one_word(original[keep[f.fstart] - base : keep[f.fend - 1] + 1 - base])
        ]
        kept = [
            f
            for f in literal
            if f.use.what != "unless"
            and not (
                f.use.what in ("phrase", "cue")
                and any(e == f.use.entry and s <= f.fstart and f.fend <= t for e, s, t in excuses)
            )
        ]
        # One utterance, one hit: of an entry's overlapping matches (one wording inside
        # another, a word overlapping itself, a slot read two ways) the longest counts.
        kept.sort(key=lambda f: (f.fstart, -(f.fend - f.fstart)))
        last_end: dict[tuple[str, int], int] = {}
        for f in kept:
            use = f.use
            if f.fstart < last_end.get((use.what, use.entry), -1):
                continue
            last_end[use.what, use.entry] = f.fend
            start, end = int(keep[f.fstart]) - base, int(keep[f.fend - 1]) + 1 - base
            if use.what == "phrase":
                hits.append((text, self._use_ids[use.entry, use.wording], start, end, start + base))
            else:
                cues[text].append(Hit(self.entries[use.entry], use.wording, start, end))
