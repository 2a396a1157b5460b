"""Phrase books: what agents must, should and must never say, by scenario and role."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from servicecodex._errors import PolicyError, ValidationError
from servicecodex._i18n import N_, SUPPORTED_LOCALES, LabelledEnum, catalog_locale, label_members
from servicecodex._normalize import fold_key
from servicecodex._reasons import Citation, Reason
from servicecodex._text import Text, to_simplified, to_traditional
from servicecodex._validate import as_tuple, by_id, enum_of, of_type, slug, tuple_of, unique

__all__ = ["SLOT", "PhraseBook", "PhraseEntry", "PhraseKind", "Placement", "Role", "Scenario"]

#: Marks a slot in a phrase, filled at run time: "请稍等*分钟".
SLOT = "*"


class PhraseKind(LabelledEnum):
    """Whether a phrase must, should, or must never be said."""

    REQUIRED = "required"
    RECOMMENDED = "recommended"
    FORBIDDEN = "forbidden"


class Scenario(LabelledEnum):
    """The moment of a conversation a phrase belongs to."""

    GREETING = "greeting"
    HOLD = "hold"
    TRANSFER = "transfer"
    APOLOGY = "apology"
    THANKS = "thanks"
    FAREWELL = "farewell"
    OUT_OF_STOCK = "out_of_stock"
    COMPLAINT = "complaint"
    ANY = "any"


label_members(
    {
        PhraseKind.REQUIRED: N_("required"),
        PhraseKind.RECOMMENDED: N_("recommended"),
        PhraseKind.FORBIDDEN: N_("forbidden"),
    }
)


class Placement(LabelledEnum):
    """Where in a conversation a required phrase must be said."""

    FIRST_TURN = "first_turn"
    LAST_TURN = "last_turn"
    ANY_TURN = "any_turn"
    REPLY = "reply"


label_members(
    {
        Placement.FIRST_TURN: N_("in the agent's first turn"),
        Placement.LAST_TURN: N_("in the agent's last turn"),
        Placement.ANY_TURN: N_("in some agent turn"),
        Placement.REPLY: N_("in the agent's reply"),
    }
)
label_members(
    {
        Scenario.GREETING: N_("greeting"),
        Scenario.HOLD: N_("hold"),
        Scenario.TRANSFER: N_("transfer"),
        Scenario.APOLOGY: N_("apology"),
        Scenario.THANKS: N_("thanks"),
        Scenario.FAREWELL: N_("farewell"),
        Scenario.OUT_OF_STOCK: N_("out of stock"),
        Scenario.COMPLAINT: N_("complaint"),
        Scenario.ANY: N_("any moment"),
    }
)


@attrs.frozen
class Role:
    """A front-line role with its own script (迎宾员, 收银员 …)."""

    id: str = attrs.field(validator=slug)
    name: Text = attrs.field(validator=of_type(Text))


def _wording(field: str, text: object) -> None:
    if not isinstance(text, str):
        raise PolicyError(field, text, f"expected a str, not {type(text).__name__}")
    pieces = text.split(SLOT)
    literal = [fold_key(p) for p in pieces]
    if not any(literal):
        raise PolicyError(field, text, "an empty phrase: nothing but spaces, punctuation or slots")
    if any(not p for p in literal[1:-1]):
        raise PolicyError(field, text, "two slots need some words between them")


def _wordings(instance: PhraseEntry, attribute: attrs.Attribute[Any], value: object) -> None:
    texts = value if isinstance(value, tuple) else (value,)
    for i, text in enumerate(texts):
        where = f"PhraseEntry.{attribute.name}" + (f"[{i}]" if isinstance(value, tuple) else "")
        _wording(where, text)


def _wording_list(field: str, value: Iterable[Any]) -> tuple[Any, ...]:
    """*value* as a tuple of wordings: one str is refused, not split into characters."""
    if isinstance(value, str):
        raise PolicyError(field, value, f"expected a list of phrases, such as [{value!r}]")
    try:
        return tuple(value)
    except TypeError:
        raise PolicyError(field, value, "expected a list of phrases") from None


def _alternatives(value: Iterable[Any]) -> tuple[Any, ...]:
    return _wording_list("PhraseEntry.alternatives", value)


def _unless(value: Iterable[Any]) -> tuple[Any, ...]:
    return _wording_list("PhraseEntry.unless", value)


def _cue(value: Iterable[Any]) -> tuple[Any, ...]:
    return _wording_list("PhraseEntry.cue", value)


def _instead(instance: PhraseEntry, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _wording("PhraseEntry.instead", value)


def _kind(value: object) -> PhraseKind:
    return enum_of(PhraseKind, "PhraseEntry.kind")(value)


def _scenario(value: object) -> Scenario:
    return enum_of(Scenario, "PhraseEntry.scenario")(value)


def _placement(value: object) -> Placement | None:
    return None if value is None else enum_of(Placement, "PhraseEntry.placement")(value)


@attrs.frozen
class PhraseEntry:
    """One rule about a phrase.

    * *phrase* (and any *alternatives*: other wordings that count the same) is what is
      said.  ``*`` marks a slot the agent fills ("请稍等*分钟"): one to eight characters
      between words; at either end, at least one character that is not part of the match.
    * *kind*: required, recommended or forbidden.  A **required** entry says where it
      must be said (*placement*, any agent turn by default); with ``Placement.REPLY`` it
      must be said in the agent's answer to a customer turn containing one of *cue*.
      A required entry of scenario greeting, farewell or "any moment" applies to every
      transcript, a reply wherever its cue is heard, and any other required entry (hold,
      out of stock …) only to transcripts that declare that scenario.
    * A **forbidden** entry may name what to say *instead*, and contexts it is excused
      in (*unless*: "喂养" is not "喂").  A reply's *unless* excuses its cue instead:
      "没问题" is not the cue "问题".  The reply is every agent turn before the
      customer speaks again.
    * *role* limits the entry to one role of the book (``None``: everyone).

    Matching folds both sides (see :func:`~servicecodex.fold`): script, width, case,
    spaces, punctuation, symbols and invisible characters do not matter.
    """

    phrase: str = attrs.field(validator=_wordings)
    kind: PhraseKind = attrs.field(converter=_kind)
    scenario: Scenario = attrs.field(converter=_scenario)
    cite: Citation = attrs.field(validator=of_type(Citation))
    role: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    instead: str | None = attrs.field(default=None, validator=_instead)
    placement: Placement | None = attrs.field(
        default=None,
        converter=_placement,
    )
    alternatives: tuple[str, ...] = attrs.field(
        default=(), converter=_alternatives, validator=_wordings
    )
    unless: tuple[str, ...] = attrs.field(default=(), converter=_unless, validator=_wordings)
    cue: tuple[str, ...] = attrs.field(default=(), converter=_cue, validator=_wordings)

    def __attrs_post_init__(self) -> None:
        forbidden = self.kind is PhraseKind.FORBIDDEN
        if self.instead is not None and not forbidden:
            raise PolicyError(
                "PhraseEntry.instead", self.instead, "only a forbidden phrase has a replacement"
            )
        if self.unless and not (forbidden or self.placement is Placement.REPLY):
            raise PolicyError(
                "PhraseEntry.unless",
                self.unless,
                "only a forbidden phrase or a reply's cue has exceptions",
            )
        if self.kind is PhraseKind.REQUIRED:
            if self.placement is None:
                object.__setattr__(self, "placement", Placement.ANY_TURN)
        elif self.placement is not None:
            raise PolicyError(
                "PhraseEntry.placement", self.placement, "only a required phrase has a placement"
            )
        if (self.placement is Placement.REPLY) != bool(self.cue):
            raise PolicyError(
                "PhraseEntry.cue",
                self.cue,
                "a reply (placement REPLY) needs the customer's cue, and only a reply has one",
            )

    @property
    def wordings(self) -> tuple[str, ...]:
        """*phrase* and its *alternatives*."""
        return (self.phrase, *self.alternatives)

    @property
    def always(self) -> bool:
        """Whether a required entry applies to every transcript (see the class doc); a
        reply applies wherever its cue is heard."""
        return self.scenario in _ALWAYS or self.placement is Placement.REPLY

    def describe(self) -> Reason:
        """The entry in words, its role (if any) next to its scenario."""
        facts: dict[str, object] = {
            "phrase": Phrase(" / ".join(self.wordings)),
            "kind": self.kind,
            "scenario": self.scenario if self.role is None else _Scene(self.scenario, self.role),
        }
        if self.instead is not None:
            facts["instead"] = Phrase(self.instead)
            return Reason(
                self.cite, N_("“{phrase}” is {kind} ({scenario}); say “{instead}” instead"), facts
            )
        if self.placement is Placement.REPLY:
            facts["cue"] = Phrase(" / ".join(self.cue))
            return Reason(
                self.cite, N_("“{phrase}” is {kind} in reply to “{cue}” ({scenario})"), facts
            )
        if self.placement not in (None, Placement.ANY_TURN):
            facts["placement"] = self.placement
            return Reason(self.cite, N_("“{phrase}” is {kind}, {placement} ({scenario})"), facts)
        return Reason(self.cite, N_("“{phrase}” is {kind} ({scenario})"), facts)


_ALWAYS = frozenset({Scenario.GREETING, Scenario.FAREWELL, Scenario.ANY})


@attrs.frozen
class Phrase:
    """A phrase of a book as a fact of a reason: written in the script of the language
    it is explained in, a slot shown as "…".

    >>> Phrase("請稍等*分鐘").localize("zh_Hans"), Phrase("请稍等*分钟").localize("zh_Hant")
    ('请稍等…分钟', '請稍等…分鐘')
    """

    text: str

    def localize(self, locale: str = "en") -> str:
        """The phrase for a reader of *locale*."""
        shown = self.text.replace(SLOT, "…")
        language = catalog_locale(locale)
        if language == "zh_Hant":
            return to_traditional(shown)
        if language == "zh_Hans":
            return to_simplified(shown)
        return shown


@attrs.frozen
class _Scene:
    """A scenario and the role it is scripted for."""

    scenario: Scenario
    role: str

    def localize(self, locale: str = "en") -> str:
        separator = ", " if catalog_locale(locale) == "en" else "，"
        return f"{self.scenario.localize(locale)}{separator}{self.role}"


def _clash(a: PhraseEntry, b: PhraseEntry) -> bool:
    """One forbids what the other asks for, for a role both apply to."""
    opposed = (a.kind is PhraseKind.FORBIDDEN) != (b.kind is PhraseKind.FORBIDDEN)
    return opposed and (a.role is None or b.role is None or a.role == b.role)


def _catalog(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    if value not in SUPPORTED_LOCALES:
        raise PolicyError("PhraseBook.locale", value, "use zh_Hans, zh_Hant or en")


@attrs.frozen
class PhraseBook:
    """The answer of ``servicecodex_courtesy_phrases`` for one locale.

    Several plugins may each give a book; :meth:`merge` joins them and reports conflicts
    (the same phrase forbidden by one entry and required or recommended by another).
    """

    locale: str = attrs.field(validator=_catalog)
    entries: tuple[PhraseEntry, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(PhraseEntry)
    )
    roles: tuple[Role, ...] = attrs.field(default=(), converter=as_tuple, validator=tuple_of(Role))

    def __attrs_post_init__(self) -> None:
        unique(self.roles, lambda r: r.id, "PhraseBook.roles")
        known = {r.id for r in self.roles}
        for entry in self.entries:
            if entry.role is not None and entry.role not in known:
                raise PolicyError(
                    "PhraseEntry.role",
                    entry.role,
                    f"not a role of this book ({', '.join(sorted(known)) or 'none'})",
                )
        said: dict[str, list[PhraseEntry]] = {}
        for entry in self.entries:
            for wording in entry.wordings:
                key = fold_key(wording)
                for other in said.setdefault(key, []):
                    if _clash(other, entry):
                        raise PolicyError(
                            "PhraseBook.entries",
                            wording,
                            f"{other.kind.value} by {other.cite.rule_id} "
                            f"but {entry.kind.value} by {entry.cite.rule_id}",
                        )
                said[key].append(entry)

    @classmethod
    def merge(cls, locale: str, books: Iterable[PhraseBook]) -> PhraseBook:
        """One book holding every entry and role of *books* (all for *locale*)."""
        entries: list[PhraseEntry] = []
        roles: dict[str, Role] = {}
        for book in books:
            if book.locale != locale:
                raise PolicyError(
                    "PhraseBook.locale", book.locale, f"cannot merge into a {locale} book"
                )
            entries.extend(book.entries)
            for role in book.roles:
                if roles.setdefault(role.id, role) != role:
                    raise PolicyError(
                        "PhraseBook.roles", role.id, "two books define this role differently"
                    )
        return cls(locale, entries, roles.values())

    def in_script(self, locale: str) -> PhraseBook:
        """This Chinese book converted to the other script (OpenCC): every wording,
        exception, cue and replacement.

        >>> book = PhraseBook("zh_Hans", [PhraseEntry("不关我的事", "forbidden", "any",
        ...                                           Citation("HD-18", "四.9"))])
        >>> book.in_script("zh_Hant").entries[0].phrase
        '不關我的事'
        """
        convert = {"zh_Hant": to_traditional, "zh_Hans": to_simplified}.get(locale)
        if convert is None or self.locale not in ("zh_Hans", "zh_Hant"):
            raise PolicyError("locale", locale, f"cannot convert a {self.locale} book to it")
        if locale == self.locale:
            return self

        def entry(e: PhraseEntry) -> PhraseEntry:
            return attrs.evolve(
                e,
                phrase=convert(e.phrase),
                instead=None if e.instead is None else convert(e.instead),
                alternatives=[convert(w) for w in e.alternatives],
                unless=[convert(w) for w in e.unless],
                cue=[convert(w) for w in e.cue],
            )

        return PhraseBook(locale, [entry(e) for e in self.entries], self.roles)

    def of_kind(self, kind: PhraseKind) -> tuple[PhraseEntry, ...]:
        """The entries of one kind, in book order."""
        return tuple(e for e in self.entries if e.kind is kind)

    def role(self, role_id: str) -> Role:
        """The role with id *role_id*; an unknown id raises, listing the roles."""
        return by_id(self.roles, lambda r: r.id, role_id, "role", ValidationError)

    def for_role(self, role_id: str | None) -> tuple[PhraseEntry, ...]:
        """The entries that apply to *role_id*: its own and everyone's (``None``: only
        everyone's)."""
        if role_id is not None:
            self.role(role_id)
        return tuple(e for e in self.entries if e.role is None or e.role == role_id)

    def script(
        self, role_id: str | None = None, scenario: Scenario | None = None
    ) -> tuple[PhraseEntry, ...]:
        """What an agent in *role_id* says (required and recommended entries), optionally
        only for one *scenario*, in book order."""
        return tuple(
            e
            for e in self.for_role(role_id)
            if e.kind is not PhraseKind.FORBIDDEN and (scenario is None or e.scenario is scenario)
        )
