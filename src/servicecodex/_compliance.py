"""Finding a phrase book's phrases in text, and judging a transcript against the book.

Texts are folded (:mod:`servicecodex._normalize`) in one vectorised pass, every wording of
every entry is found in one Aho-Corasick pass over the folded text (ahocorasick_rs), and
each match is mapped back to the span of the original text it came from.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

import attrs

from servicecodex._courtesy import SLOT, PhraseBook, PhraseEntry, PhraseKind, Placement
from servicecodex._errors import ValidationError
from servicecodex._i18n import N_, LabelledEnum, label_members
from servicecodex._normalize import SEPARATOR, fold_joined, fold_key
from servicecodex._reasons import Reason
from servicecodex._transcript import ResponseTime, Speaker, Transcript

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["Finding", "FindingKind", "Hit", "PhraseChecker", "TranscriptCheck"]

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
    fstart: int  # in the folded text
    fend: int


def _template(wording: str) -> tuple[str, re.Pattern[str]]:
    """The longest literal piece of a slotted *wording* and the pattern of the whole, over
    folded text."""
    pieces = [fold_key(p) for p in wording.split(SLOT)]
    other = f"[^{SEPARATOR}]"
    inner = f"{other}{{1,{SLOT_MAX}}}?"
    body = inner.join(re.escape(p) for p in pieces if p)
    lead = f"(?<={other})" if not pieces[0] else ""
    trail = f"(?={other})" if not pieces[-1] else ""
    return max(pieces, key=len), re.compile(lead + body + trail)


class FindingKind(LabelledEnum):
    """What is wrong."""

    FORBIDDEN = "forbidden"
    MISSING = "missing"


label_members(
    {FindingKind.FORBIDDEN: N_("forbidden phrase"), FindingKind.MISSING: N_("missing phrase")}
)


@attrs.frozen
class Finding:
    """One thing a transcript got wrong.

    *turn* is the index of the turn concerned (``None`` when the phrase is missing from
    the whole conversation); for a forbidden phrase, *span* cuts the turn's original text
    at what was *said*, and *instead* is what to say.
    """

    kind: FindingKind
    entry: PhraseEntry
    turn: int | None
    span: tuple[int, int] | None
    said: str | None
    instead: str | None
    reason: Reason

    @property
    def rule_id(self) -> str:
        """The id of the rule broken."""
        return self.entry.cite.rule_id


@attrs.frozen
class TranscriptCheck:
    """The findings on one transcript, every phrase the agent used, and the customer's
    waits for an answer."""

    transcript: Transcript
    findings: tuple[Finding, ...]
    hits: tuple[tuple[int, Hit], ...]
    response_times: tuple[ResponseTime, ...]

    @property
    def passed(self) -> bool:
        """No findings."""
        return not self.findings

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """One reason per finding."""
        return tuple(f.reason for f in self.findings)

    def explain(self, locale: str = "en") -> list[str]:
        """Every finding in words."""
        return [r.explain(locale) for r in self.reasons]


def _quote(entry: PhraseEntry) -> str:
    return " / ".join(entry.wordings)


class PhraseChecker:
    """A phrase book compiled for matching.

    >>> from servicecodex import Citation, PhraseBook, PhraseEntry
    >>> book = PhraseBook("zh_Hans", [
    ...     PhraseEntry("喂", "forbidden", "greeting", Citation("HD-18", "四.9"),
    ...                 instead="您好", unless=["喂养"]),
    ... ])
    >>> [[(h.wording, h.start, h.end) for h in hits]
    ...  for hits in PhraseChecker(book).scan(["喂，在吗", "婴儿喂 养", "ＷＥＩ"])]
    [[('喂', 0, 1)], [], []]
    """

    def __init__(self, book: PhraseBook) -> None:
        if not isinstance(book, PhraseBook):
            raise ValidationError("book", book, "expected a PhraseBook")
        self.book = book
        uses: dict[str, list[_Use]] = defaultdict(list)
        for number, entry in enumerate(book.entries):
            for what, wordings in (
                ("phrase", entry.wordings),
                ("unless", entry.unless),
                ("cue", entry.cue),
            ):
                for wording in wordings:
                    if SLOT in wording:
                        anchor, pattern = _template(wording)
                        uses[anchor].append(_Use(what, number, wording, pattern))
                    else:
                        uses[fold_key(wording)].append(_Use(what, number, wording, None))
        self._literals = list(uses)
        self._uses = [uses[literal] for literal in self._literals]
        self._automaton = None
        if self._literals:
            import ahocorasick_rs

            self._automaton = ahocorasick_rs.AhoCorasick(self._literals)

    def scan(self, texts: Sequence[str]) -> list[list[Hit]]:
        """For each of *texts*, every phrase of the book found in it (forbidden ones not
        excused by their context), sorted by position."""
        hits, _ = self._scan(texts)
        return hits

    def _scan(self, texts: Sequence[str]) -> tuple[list[list[Hit]], list[list[Hit]]]:
        """The phrase hits and the cue hits of each text."""
        if isinstance(texts, str):
            raise ValidationError("texts", texts, "expected a sequence of str, not one str")
        hits: list[list[Hit]] = [[] for _ in texts]
        cues: list[list[Hit]] = [[] for _ in texts]
        if self._automaton is None or not texts:
            return hits, cues
        import numpy as np

        folded, keep, starts = fold_joined(texts)
        matches = self._automaton.find_matches_as_indexes(folded, overlapping=True)
        if not matches:
            return hits, cues
        found = np.array(matches, dtype=np.intp).reshape(-1, 3)
        which = np.searchsorted(starts, keep[found[:, 1]], side="right") - 1
        per_text: dict[int, list[_Found]] = defaultdict(list)
        for (literal, fstart, fend), text in zip(found.tolist(), which.tolist(), strict=True):
            for use in self._uses[literal]:
                per_text[text].append(_Found(use, fstart, fend))
        for text, found_here in per_text.items():
            self._resolve(text, found_here, folded, keep, starts, hits, cues)
        return hits, cues

    def _resolve(
        self,
        text: int,
        found: list[_Found],
        folded: str,
        keep: npt.NDArray[np.intp],
        starts: npt.NDArray[np.intp],
        hits: list[list[Hit]],
        cues: list[list[Hit]],
    ) -> None:
        """Turn one text's raw matches into hits: fill in slotted phrases, drop forbidden
        phrases inside one of their exceptions, map spans to the original text."""
        literal: list[_Found] = []
        templates: set[_Use] = set()
        for f in found:
            if f.use.template is None:
                literal.append(f)
            else:
                templates.add(f.use)
        if templates:
            lo = int(keep.searchsorted(starts[text]))
            hi = folded.find(SEPARATOR, lo)
            hi = len(folded) if hi < 0 else hi
            for use in templates:
                for m in use.template.finditer(folded, lo, hi):  # type: ignore[union-attr]
                    literal.append(_Found(use, m.start(), m.end()))
        excuses = [(f.use.entry, f.fstart, f.fend) for f in literal if f.use.what == "unless"]
        seen: set[tuple[int, int, int]] = set()
        base = int(starts[text])
        for f in sorted(literal, key=lambda f: (f.fstart, f.fend)):
            use = f.use
            if use.what == "unless":
                continue
            if use.what == "phrase" and any(
                e == use.entry and s <= f.fstart and f.fend <= t for e, s, t in excuses
            ):
                continue
            key = (use.entry, f.fstart, f.fend)
            if use.what == "phrase" and key in seen:
                continue
            seen.add(key)
            hit = Hit(
                self.book.entries[use.entry],
                use.wording,
                int(keep[f.fstart]) - base,
                int(keep[f.fend - 1]) + 1 - base,
            )
            (hits if use.what == "phrase" else cues)[text].append(hit)

    def check(self, transcript: Transcript) -> TranscriptCheck:
        """Judge the agent's turns of *transcript* against the book.

        Forbidden phrases said by the agent are findings with their span; required
        phrases missing where they must be said are findings too.  Customer turns are
        only read for cues and waits.
        """
        if not isinstance(transcript, Transcript):
            raise ValidationError("transcript", transcript, "expected a Transcript")
        entries = self.book.for_role(transcript.role)
        applies = set(map(id, entries))
        hits, cues = self._scan([t.text for t in transcript.turns])
        agent = transcript.agent_turns()
        findings: list[Finding] = []
        used: list[tuple[int, Hit]] = []
        for turn in agent:
            for hit in hits[turn]:
                if id(hit.entry) not in applies:
                    continue
                if hit.entry.kind is PhraseKind.FORBIDDEN:
                    findings.append(self._forbidden(transcript, turn, hit))
                else:
                    used.append((turn, hit))
        said = {(turn, id(hit.entry)) for turn, hit in used}
        for entry in entries:
            if entry.kind is not PhraseKind.REQUIRED:
                continue
            if not entry.always and entry.scenario not in transcript.scenarios:
                continue
            findings.extend(self._missing(transcript, entry, agent, said, cues))
        findings.sort(key=lambda f: (-1 if f.turn is None else f.turn, f.span or (0, 0)))
        return TranscriptCheck(
            transcript, tuple(findings), tuple(used), transcript.response_times()
        )

    @staticmethod
    def _forbidden(transcript: Transcript, turn: int, hit: Hit) -> Finding:
        said = transcript.turns[turn].text[hit.start : hit.end]
        facts: dict[str, object] = {"number": turn + 1, "said": said}
        if hit.entry.instead is not None:
            facts["instead"] = hit.entry.instead
            message = N_("turn {number}: “{said}” is forbidden; say “{instead}” instead")
        else:
            message = N_("turn {number}: “{said}” is forbidden")
        return Finding(
            FindingKind.FORBIDDEN,
            hit.entry,
            turn,
            (hit.start, hit.end),
            said,
            hit.entry.instead,
            Reason(hit.entry.cite, message, facts),
        )

    @staticmethod
    def _missing(
        transcript: Transcript,
        entry: PhraseEntry,
        agent: tuple[int, ...],
        said: set[tuple[int, int]],
        cues: list[list[Hit]],
    ) -> list[Finding]:
        def missing(turn: int | None, message: str, **facts: object) -> Finding:
            facts["phrase"] = _quote(entry)
            if turn is not None:
                facts["number"] = turn + 1
            return Finding(
                FindingKind.MISSING,
                entry,
                turn,
                None,
                None,
                None,
                Reason(entry.cite, message, facts),
            )

        key = id(entry)
        if entry.placement is Placement.REPLY:
            out = []
            for turn, turn_cues in enumerate(cues):
                if transcript.turns[turn].speaker is not Speaker.CUSTOMER:
                    continue
                cued = [c for c in turn_cues if c.entry is entry]
                if not cued:
                    continue
                cue = transcript.turns[turn].text[cued[0].start : cued[0].end]
                reply = transcript.reply_to(turn)
                if reply is None:
                    out.append(
                        missing(
                            turn,
                            N_("turn {number}: “{cue}” gets no reply, let alone “{phrase}”"),
                            cue=cue,
                        )
                    )
                elif (reply, key) not in said:
                    out.append(
                        missing(
                            reply,
                            N_("turn {number}: the reply to “{cue}” lacks “{phrase}”"),
                            cue=cue,
                        )
                    )
            return out
        if entry.placement is Placement.ANY_TURN or not agent:
            if any((turn, key) in said for turn in agent):
                return []
            return [missing(None, N_("the agent never says “{phrase}”"))]
        if entry.placement is Placement.FIRST_TURN:
            turn = agent[0]
            message = N_("turn {number}: the agent's first turn lacks “{phrase}”")
        else:
            turn = agent[-1]
            message = N_("turn {number}: the agent's last turn lacks “{phrase}”")
        return [] if (turn, key) in said else [missing(turn, message)]
