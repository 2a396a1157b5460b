"""Finding a phrase book's phrases in text, and judging a transcript against the book.

The matching itself is :mod:`servicecodex._matcher`'s: folded, vectorised, one pass for
every phrase of the book.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from servicecodex._courtesy import (
    Phrase,
    PhraseBook,
    PhraseEntry,
    PhraseKind,
    Placement,
)
from servicecodex._errors import ValidationError
from servicecodex._i18n import N_, LabelledEnum, label_members
from servicecodex._matcher import SLOT_MAX, Hit, Hits, Matcher
from servicecodex._reasons import Reason
from servicecodex._transcript import ResponseTime, Speaker, Transcript

__all__ = ["SLOT_MAX", "Finding", "FindingKind", "Hit", "Hits", "PhraseChecker", "TranscriptCheck"]


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


def _quote(entry: PhraseEntry) -> Phrase:
    return Phrase(" / ".join(entry.wordings))


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
        self._matcher = Matcher(book.entries)

    def scan(self, texts: Iterable[str]) -> Hits:
        """For each of *texts*, every phrase of the book found in it (forbidden ones not
        excused by their context), sorted by position: a sequence with one list of
        :class:`Hit` per text, built when it is read.  Many texts at once are much faster
        than one at a time."""
        hits, _ = self._scan(texts)
        return hits

    def _scan(self, texts: Iterable[str], *, cues: bool = False) -> tuple[Hits, list[list[Hit]]]:
        if isinstance(texts, str):
            raise ValidationError("texts", texts, "expected a sequence of str, not one str")
        try:
            texts = list(texts)  # a generator is read once, not once per use
        except TypeError:
            raise ValidationError("texts", texts, "expected a sequence of str") from None
        return self._matcher.scan(texts, cues=cues)

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
        hits, cues = self._scan([t.text for t in transcript.turns], cues=True)
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
        # The whole conversation first, then turn by turn; in a turn, what is missing
        # (it has no span) before what was said.
        findings.sort(key=lambda f: (-1 if f.turn is None else f.turn, f.span or (0, 0)))
        return TranscriptCheck(
            transcript, tuple(findings), tuple(used), transcript.response_times()
        )

    @staticmethod
    def _forbidden(transcript: Transcript, turn: int, hit: Hit) -> Finding:
        said = transcript.turns[turn].text[hit.start : hit.end]
        facts: dict[str, object] = {"number": turn + 1, "said": said}
        if hit.entry.instead is not None:
            facts["instead"] = Phrase(hit.entry.instead)
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
                elif not any((answer, key) in said for answer in transcript.answer_to(turn)):
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
