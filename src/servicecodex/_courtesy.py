"""Phrase books: what agents must, should and must never say, by scenario and role."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from servicecodex._errors import PolicyError
from servicecodex._i18n import N_, SUPPORTED_LOCALES, LabelledEnum, label_members
from servicecodex._reasons import Citation, Reason
from servicecodex._text import Text
from servicecodex._validate import as_tuple, nonblank, of_type, slug, tuple_of, unique

__all__ = ["PhraseBook", "PhraseEntry", "PhraseKind", "Role", "Scenario"]


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


@attrs.frozen
class PhraseEntry:
    """One phrase.  *instead* is what to say in place of a forbidden phrase; *role* limits
    the entry to one role (``None``: everyone)."""

    phrase: str = attrs.field(validator=nonblank)
    kind: PhraseKind = attrs.field(validator=of_type(PhraseKind))
    scenario: Scenario = attrs.field(validator=of_type(Scenario))
    cite: Citation = attrs.field(validator=of_type(Citation))
    role: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    instead: str | None = attrs.field(default=None, validator=of_type(str, optional=True))

    def __attrs_post_init__(self) -> None:
        if self.instead is not None and self.kind is not PhraseKind.FORBIDDEN:
            raise PolicyError(
                "PhraseEntry.instead", self.instead, "only a forbidden phrase has a replacement"
            )

    def describe(self) -> Reason:
        """The entry in words."""
        facts: dict[str, object] = {
            "phrase": self.phrase,
            "kind": self.kind,
            "scenario": self.scenario,
        }
        if self.instead is not None:
            facts["instead"] = self.instead
            return Reason(
                self.cite, N_("“{phrase}” is {kind} ({scenario}); say “{instead}” instead"), facts
            )
        return Reason(self.cite, N_("“{phrase}” is {kind} ({scenario})"), facts)


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
            for other in said.setdefault(entry.phrase, []):
                if _clash(other, entry):
                    raise PolicyError(
                        "PhraseBook.entries",
                        entry.phrase,
                        f"{other.kind.value} by {other.cite.rule_id} but {entry.kind.value} by {entry.cite.rule_id}",
                    )
            said[entry.phrase].append(entry)

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

    def of_kind(self, kind: PhraseKind) -> tuple[PhraseEntry, ...]:
        """The entries of one kind, in book order."""
        return tuple(e for e in self.entries if e.kind is kind)
