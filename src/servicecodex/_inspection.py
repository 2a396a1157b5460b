"""Inspection checklists: appearance, etiquette and workplace rules that a supervisor
checks by looking (dress, jewellery, posture, a tidy desk, hygiene duty).

No data shows such a rule broken, so software checks them the way the regulations do: an
inspector walks a checklist, and each item found wanting becomes a ledger
:class:`~servicecodex.Violation` under the item's penalty code, fined by the
organisation's :class:`~servicecodex.PenaltySchedule` like any other.  Checklists live
on the schedule, which checks that every item's code is one of its rules.

>>> import pendulum
>>> from servicecodex import Citation, Text
>>> cc38 = Citation("CC-38", "001 篇1 六.1")
>>> dress = InspectionChecklist(
...     "appearance", Text(en="Appearance", zh_Hans="仪容仪表"),
...     [InspectionItem("clean-clothes", Text(en="clothes clean, not creased or torn",
...                                           zh_Hans="衣服干净整洁，无褶皱、无破损"),
...                     cc38, code="untidy-appearance")])
>>> inspection = dress.inspect("A-07", pendulum.datetime(2026, 3, 2, 8, 5, tz="Asia/Shanghai"),
...                            "supervisor", failed=["clean-clothes"])
>>> inspection.explain("zh_Hans")
['A-07未通过检查项：衣服干净整洁，无褶皱、无破损（CC-38）']
>>> [v.code for v in inspection.violations()]
['untidy-appearance']
>>> dress.describe()[0].explain("en")
'Check: clothes clean, not creased or torn (penalty code untidy-appearance) (CC-38)'
>>> untidy = Text(en="Untidy appearance", zh_Hans="仪容不整")
>>> dress.describe({"untidy-appearance": untidy})[0].explain("zh_Hans")
'检查项：衣服干净整洁，无褶皱、无破损（不合格记为：仪容不整）（CC-38）'

On a :class:`~servicecodex.PenaltySchedule`, :meth:`~servicecodex.PenaltySchedule.describe_checklists`
names each failure by its penalty rule.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from types import MappingProxyType

import attrs
import pendulum

from servicecodex._errors import ValidationError
from servicecodex._i18n import N_
from servicecodex._reasons import Citation, Reason
from servicecodex._text import Text
from servicecodex._time import instant
from servicecodex._validate import (
    as_tuple,
    by_id,
    nonblank,
    of_type,
    optional_slug,
    slug,
    tuple_of,
    unique,
    user_input,
)
from servicecodex._violations import Violation

__all__ = ["Inspection", "InspectionChecklist", "InspectionItem"]


@attrs.frozen
class InspectionItem:
    """One point an inspector checks; *code* is the penalty rule a failure is recorded
    under (``None``: the item is checked and noted, but the organisation sets no
    penalty for it)."""

    id: str = attrs.field(validator=slug)
    text: Text = attrs.field(validator=of_type(Text))
    cite: Citation = attrs.field(validator=of_type(Citation))
    code: str | None = attrs.field(default=None, validator=optional_slug)

    def describe(self, violation: Text | None = None) -> Reason:
        """The item in words; *violation*, the name of the penalty rule of its code (the
        penalty schedule knows it), is shown instead of the bare code."""
        if self.code is None:
            return Reason(self.cite, N_("check: {item}"), {"item": self.text})
        if violation is not None:
            return Reason(
                self.cite,
                N_("check: {item} (a failure is recorded as: {violation})"),
                {"item": self.text, "violation": violation},
            )
        return Reason(
            self.cite,
            N_("check: {item} (penalty code {code})"),
            {"item": self.text, "code": self.code},
        )


@attrs.frozen
class InspectionChecklist:
    """A named list of :class:`InspectionItem` an inspector walks (e.g. appearance,
    workstation, on-duty discipline)."""

    id: str = attrs.field(validator=slug)
    name: Text = attrs.field(validator=of_type(Text))
    items: tuple[InspectionItem, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(InspectionItem, nonempty=True)
    )

    def __attrs_post_init__(self) -> None:
        unique(self.items, lambda i: i.id, f"InspectionChecklist[{self.id}].items")

    def item(self, item_id: str) -> InspectionItem:
        """The item with that id."""
        return by_id(self.items, lambda i: i.id, item_id, "checklist item")

    def describe(self, violations: Mapping[str, Text] | None = None) -> list[Reason]:
        """Every item in words; *violations* names the penalty rule of each code
        (:meth:`PenaltySchedule.describe_checklists
        <servicecodex.PenaltySchedule.describe_checklists>` passes its rules' names)."""
        names = violations or {}
        return [i.describe(names.get(i.code) if i.code else None) for i in self.items]

    def inspect(
        self,
        agent_id: str,
        at: _dt.datetime,
        by: str,
        failed: Iterable[str] = (),
        notes: Mapping[str, str] | None = None,
    ) -> Inspection:
        """The result of checking *agent_id* at *at*: the items in *failed* were found
        wanting, every other item passed.  Unknown item ids are refused."""
        return Inspection(self, agent_id, at, by, tuple(failed), notes or {})


def _at(value: _dt.datetime) -> pendulum.DateTime:
    return instant(value, "Inspection.at")


def _notes(value: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(value))


@attrs.frozen
class Inspection:
    """One inspection of one agent: which items failed, with optional notes."""

    checklist: InspectionChecklist = attrs.field(validator=of_type(InspectionChecklist))
    agent_id: str = attrs.field(validator=user_input(nonblank))
    at: pendulum.DateTime = attrs.field(converter=_at)
    by: str = attrs.field(validator=user_input(nonblank))
    failed: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    notes: Mapping[str, str] = attrs.field(factory=dict, converter=_notes, hash=False)

    def __attrs_post_init__(self) -> None:
        known = {i.id for i in self.checklist.items}
        for item_id in self.failed:
            if item_id not in known:
                listed = ", ".join(i.id for i in self.checklist.items)
                raise ValidationError(
                    "Inspection.failed", item_id, f"unknown item; known: {listed}"
                )
        if len(set(self.failed)) != len(self.failed):
            raise ValidationError("Inspection.failed", self.failed, "an item is listed twice")
        for item_id in self.notes:
            if item_id not in self.failed:
                raise ValidationError(
                    "Inspection.notes", item_id, "a note belongs to a failed item"
                )

    @property
    def passed(self) -> bool:
        """Whether every item passed."""
        return not self.failed

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """One reason per failed item."""
        return tuple(
            Reason(
                item.cite,
                N_("{agent} failed the check: {item}"),
                {"agent": self.agent_id, "item": item.text},
            )
            for item in map(self.checklist.item, self.failed)
        )

    def explain(self, locale: str = "en") -> list[str]:
        """Every failed item in words."""
        return [r.explain(locale) for r in self.reasons]

    def violations(self) -> list[Violation]:
        """The failed items that carry a penalty code, as ledger violations (stable ids:
        recording one inspection twice counts once)."""
        found = []
        for item_id in self.failed:
            item = self.checklist.item(item_id)
            if item.code is None:
                continue
            found.append(
                Violation(
                    f"inspection:{self.checklist.id}:{item.id}:{self.agent_id}:{self.at.isoformat()}",
                    self.agent_id,
                    item.code,
                    self.at,
                    reported_by=self.by,
                    evidence=self.notes.get(item_id, ""),
                )
            )
        return found
