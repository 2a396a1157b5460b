"""Grading ladders: the ordered rungs an agent climbs, and the conditions for moving.

A ladder's :class:`Transition` objects say when an agent on a rung is promoted, demoted
or dismissed; :meth:`GradingLadder.evaluate` checks every transition from the agent's
rung and returns a :class:`Decision` listing each condition met or unmet with the facts
that decided it.  Dismissal wins over demotion, demotion over promotion; among met
promotions the highest rung wins, and a promotion past the next rung must be marked
``skip_level`` (EL-03: one rung at a time unless the ladder says otherwise).  Where two
demotions hold, the first in the ladder's order wins.  An exempt rung (EL-12) is out of
appraisal altogether: no transition leaves it and any-rung dismissals do not apply there;
those decisions stay with people.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

import attrs
import pendulum

from servicecodex._conditions import Check, Condition, Context, requirement
from servicecodex._errors import PolicyError, ValidationError
from servicecodex._history import History
from servicecodex._i18n import N_, LabelledEnum, label_members
from servicecodex._reasons import Citation, Reason
from servicecodex._staff import Agent, AgentStatus
from servicecodex._text import Text
from servicecodex._validate import as_tuple, by_id, nonblank, of_type, slug, tuple_of, unique

__all__ = [
    "ChecklistItem",
    "Decision",
    "GradingLadder",
    "Move",
    "Rung",
    "Transition",
    "TransitionCheck",
]


class Move(LabelledEnum):
    """What a decision does to an agent."""

    PROMOTE = "promote"
    DEMOTE = "demote"
    DISMISS = "dismiss"
    STAY = "stay"


label_members(
    {
        Move.PROMOTE: N_("promotion"),
        Move.DEMOTE: N_("demotion"),
        Move.DISMISS: N_("dismissal"),
        Move.STAY: N_("no move"),
    }
)


@attrs.frozen
class ChecklistItem:
    """A qualitative point reviewers weigh before a promotion (EL-13, TB-06): guidance for
    people, checked by no condition.  *label* is the item's mark in the source ("D", "(4)")."""

    label: str = attrs.field(validator=nonblank)
    text: Text = attrs.field(validator=of_type(Text))
    cite: Citation = attrs.field(validator=of_type(Citation))

    def describe(self, rung: Text | None = None) -> Reason:
        """The item in words, under the name of its *rung* when given."""
        facts = {"label": self.label, "item": self.text}
        if rung is None:
            return Reason(self.cite, N_("Reviewer checklist {label}: {item}"), facts)
        return Reason(
            self.cite, N_("{rung}, reviewer checklist {label}: {item}"), {**facts, "rung": rung}
        )


@attrs.frozen
class Rung:
    """One rung of a ladder.

    *band* names the salary band paid on this rung.  *exempt* cites the rule that takes
    the rung out of appraisal (EL-12: the reserve supervisor): no automatic move is
    decided there.  *requirements* are the qualifications for holding the rung (CC-02:
    typing 80 characters a minute), checked by :meth:`GradingLadder.qualifies`.
    *checklist* holds what reviewers weigh before promoting someone to this rung.
    """

    id: str = attrs.field(validator=slug)
    name: Text = attrs.field(validator=of_type(Text))
    cite: Citation = attrs.field(validator=of_type(Citation))
    band: str | None = attrs.field(default=None, validator=of_type(str, optional=True))
    exempt: Citation | None = attrs.field(default=None, validator=of_type(Citation, optional=True))
    requirements: Condition | None = attrs.field(
        default=None, validator=of_type(Condition, optional=True)
    )
    checklist: tuple[ChecklistItem, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(ChecklistItem)
    )


@attrs.frozen
class Transition:
    """A move from rung *source* (``None``: from any rung) to rung *target* (``None`` for a
    dismissal) when *condition* holds, under rule *cite*."""

    move: Move = attrs.field(validator=of_type(Move))
    source: str | None = attrs.field(validator=of_type(str, optional=True))
    target: str | None = attrs.field(validator=of_type(str, optional=True))
    condition: Condition = attrs.field(validator=of_type(Condition))
    cite: Citation = attrs.field(validator=of_type(Citation))
    skip_level: bool = attrs.field(default=False, validator=of_type(bool))

    def __attrs_post_init__(self) -> None:
        if self.move is Move.STAY:
            raise PolicyError(
                "Transition.move",
                self.move.value,
                "staying is what happens when no transition applies",
            )
        if (self.move is Move.DISMISS) != (self.target is None):
            raise PolicyError(
                "Transition.target",
                self.target,
                "a dismissal has no target; a promotion or demotion has one",
            )
        if self.move is not Move.DISMISS and self.source is None:
            raise PolicyError("Transition.source", None, "only a dismissal may apply from any rung")


@attrs.frozen
class TransitionCheck:
    """One transition and the check of its condition."""

    transition: Transition
    check: Check

    @property
    def met(self) -> bool:
        """Whether the transition's condition holds."""
        return self.check.met


@attrs.frozen
class Decision:
    """What happens to an agent as of a day, and why.

    *move* is promote, demote, dismiss or stay; *target* the new rung where there is one;
    *checks* every transition from the agent's rung with its conditions, met or unmet.
    """

    agent_id: str
    as_of: pendulum.Date
    move: Move
    rung: str
    target: str | None
    reason: Reason
    checks: tuple[TransitionCheck, ...]

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """The verdict's reason, then every condition's, depth first."""
        found = [self.reason]

        def walk(check: Check) -> None:
            found.append(check.reason)
            for part in check.parts:
                walk(part)

        for transition in self.checks:
            walk(transition.check)
        return tuple(found)

    def explain(self, locale: str = "en") -> list[str]:
        """The verdict, then each transition checked, with its conditions marked ✓ or ✗."""
        lines = [self.reason.explain(locale)]
        for tc in self.checks:
            lines.extend(tc.check.lines(locale, depth=1))
        return lines


@attrs.frozen
class GradingLadder:
    """The answer of ``servicecodex_grading_ladder``: rungs lowest first, and transitions.

    Built ladders are consistent: rung ids are unique; transitions name existing rungs;
    promotions go up and demotions down (anything else would let the ladder cycle); a
    promotion past the next rung is marked ``skip_level``; and when the ladder has
    promotions at all, every rung can be reached from the lowest by them.

    >>> c = Citation("JW-01", "000 篇2 第二條")
    >>> ladder = GradingLadder((Rung("agent", Text(en="Agent", zh_Hans="客服代表"), c),
    ...                         Rung("supervisor", Text(en="Supervisor", zh_Hans="主管"), c)), c)
    >>> ladder.above("agent").id, ladder.above("supervisor")
    ('supervisor', None)
    >>> ladder.describe().explain("zh_Hans")
    '2级，由低到高：客服代表和主管（JW-01）'
    """

    rungs: tuple[Rung, ...] = attrs.field(
        converter=as_tuple, validator=tuple_of(Rung, nonempty=True)
    )
    cite: Citation = attrs.field(validator=of_type(Citation))
    transitions: tuple[Transition, ...] = attrs.field(
        default=(), converter=as_tuple, validator=tuple_of(Transition)
    )

    def __attrs_post_init__(self) -> None:
        unique(self.rungs, lambda r: r.id, "GradingLadder.rungs")
        for t in self.transitions:
            self._check_transition(t)
        self._check_reachable()

    def _check_transition(self, t: Transition) -> None:
        for end, rung_id in (("source", t.source), ("target", t.target)):
            if rung_id is not None and rung_id not in self.ids:
                raise PolicyError(
                    f"Transition.{end}",
                    rung_id,
                    f"not a rung of this ladder ({', '.join(self.ids)})",
                )
        if t.source is not None and self.rung(t.source).exempt is not None:
            raise PolicyError(
                "Transition.source",
                t.source,
                f"the rung is exempt from appraisal, so no rule moves an agent from it ({t.cite.rule_id})",
            )
        if t.source is None or t.target is None:
            return
        step = self.position(t.target) - self.position(t.source)
        if t.move is Move.PROMOTE and step <= 0:
            raise PolicyError(
                "Transition",
                f"{t.source} -> {t.target}",
                f"a promotion must go up the ladder; this one would make it cyclic ({t.cite.rule_id})",
            )
        if t.move is Move.DEMOTE and step >= 0:
            raise PolicyError(
                "Transition",
                f"{t.source} -> {t.target}",
                f"a demotion must go down the ladder; this one would make it cyclic ({t.cite.rule_id})",
            )
        if t.skip_level and not (t.move is Move.PROMOTE and step > 1):
            raise PolicyError(
                "Transition.skip_level",
                True,
                f"only a promotion past the next rung skips a level ({t.cite.rule_id})",
            )
        if t.move is Move.PROMOTE and step > 1 and not t.skip_level:
            raise PolicyError(
                "Transition",
                f"{t.source} -> {t.target}",
                f"skips a rung; mark it skip_level=True if the rules allow it ({t.cite.rule_id})",
            )

    def _check_reachable(self) -> None:
        promotions = [t for t in self.transitions if t.move is Move.PROMOTE]
        if not promotions:
            return  # a ladder of appointments: rungs are reached by decision, not by rule
        reached = {self.rungs[0].id}
        changed = True
        while changed:
            changed = False
            for t in promotions:
                if t.source in reached and t.target not in reached:
                    reached.add(t.target)  # type: ignore[arg-type]
                    changed = True
        missing = [r.id for r in self.rungs if r.id not in reached]
        if missing:
            raise PolicyError(
                "GradingLadder.transitions",
                missing,
                "no chain of promotions from the lowest rung reaches these rungs",
            )

    @property
    def ids(self) -> tuple[str, ...]:
        """Rung ids, lowest first."""
        return tuple(r.id for r in self.rungs)

    def position(self, rung_id: str) -> int:
        """The rung's place on the ladder, 0 for the lowest."""
        return self.rungs.index(self.rung(rung_id))

    def rung(self, rung_id: str) -> Rung:
        """The rung with that id."""
        return by_id(self.rungs, lambda r: r.id, rung_id, "rung")

    def above(self, rung_id: str) -> Rung | None:
        """The next rung up, or ``None`` at the top."""
        i = self.position(rung_id) + 1
        return self.rungs[i] if i < len(self.rungs) else None

    def below(self, rung_id: str) -> Rung | None:
        """The next rung down, or ``None`` at the bottom."""
        i = self.position(rung_id)
        return self.rungs[i - 1] if i > 0 else None

    def transitions_from(self, rung_id: str) -> tuple[Transition, ...]:
        """The transitions that apply on rung *rung_id* (its own and any-rung ones)."""
        self.rung(rung_id)
        return tuple(t for t in self.transitions if t.source in (rung_id, None))

    def describe(self) -> Reason:
        """The ladder in words."""
        return Reason(
            self.cite,
            N_("Rungs, lowest first ({count}): {rungs}"),
            {"count": len(self.rungs), "rungs": tuple(r.name for r in self.rungs)},
        )

    def describe_transition(self, t: Transition) -> Reason:
        """A transition in words: its move, its rungs and its condition."""
        source = (
            self.rung(t.source).name
            if t.source is not None
            else Text(en="any rung", zh_Hans="任一级别", zh_Hant="任一級別")
        )
        facts = {"move": t.move, "source": source, "condition": requirement(t.condition)}
        if t.target is None:
            return Reason(t.cite, N_("{move} from {source} when {condition}"), facts)
        return Reason(
            t.cite,
            N_("{move} from {source} to {target} when {condition}"),
            {**facts, "target": self.rung(t.target).name},
        )

    def _context(self, agent: Agent, history: History, as_of: _dt.date) -> Context:
        if not isinstance(agent, Agent):
            raise ValidationError("agent", agent, "expected an Agent")
        if not isinstance(history, History):
            raise ValidationError("history", history, "expected a History")
        if history.agent_id != agent.id:
            raise ValidationError(
                "history.agent_id", history.agent_id, f"history of another agent than {agent.id}"
            )
        when = agent.check_as_of(as_of)
        if agent.status in (AgentStatus.DISMISSED, AgentStatus.RESIGNED):
            raise ValidationError(
                "agent.status",
                agent.status.value,
                f"{agent.id} has left; there is nothing to decide",
            )
        if agent.rung not in self.ids:
            raise ValidationError(
                "agent.rung", agent.rung, f"not a rung of this ladder ({', '.join(self.ids)})"
            )
        if when < agent.rung_since:
            raise ValidationError(
                "as_of",
                when,
                f"is before {agent.id} entered rung {agent.rung} on {agent.rung_since}",
            )
        return Context(agent, history, when)

    def qualifies(
        self, agent: Agent, history: History, as_of: _dt.date, rung_id: str | None = None
    ) -> Check | None:
        """Check the requirements of *rung_id* (default: the agent's rung); ``None`` when
        the rung has none."""
        context = self._context(agent, history, as_of)
        rung = self.rung(rung_id or agent.rung)
        if rung.requirements is None:
            return None
        return rung.requirements.check(context, rung.cite)

    def evaluate(self, agent: Agent, history: History, as_of: _dt.date) -> Decision:
        """Decide, as of *as_of*, whether *agent* is promoted, demoted, dismissed or stays.

        :raises ValidationError: *history* belongs to another agent, *as_of* is before the
            hire date or the agent's rung date, or the agent's rung is not on the ladder.
        """
        context = self._context(agent, history, as_of)
        rung = self.rung(agent.rung)
        facts = {"agent": agent.name, "rung": rung.name}
        if rung.exempt is not None:
            reason = Reason(
                rung.exempt, N_("{agent} stays at {rung}, a rung exempt from appraisal"), facts
            )
            return Decision(agent.id, context.as_of, Move.STAY, rung.id, None, reason, ())
        checks = tuple(
            TransitionCheck(t, self._check(t, context)) for t in self.transitions_from(rung.id)
        )
        chosen = self._choose(tc.transition for tc in checks if tc.met)
        if chosen is None:
            reason = Reason(
                self.cite, N_("{agent} stays at {rung}: no condition for a move is met"), facts
            )
            return Decision(agent.id, context.as_of, Move.STAY, rung.id, None, reason, checks)
        if chosen.move is Move.DISMISS:
            reason = Reason(chosen.cite, N_("{agent}: dismissal is triggered at {rung}"), facts)
        else:
            message = (
                N_("{agent} is promoted from {rung} to {target}")
                if chosen.move is Move.PROMOTE
                else N_("{agent} is demoted from {rung} to {target}")
            )
            assert chosen.target is not None
            reason = Reason(
                chosen.cite, message, {**facts, "target": self.rung(chosen.target).name}
            )
        return Decision(
            agent.id, context.as_of, chosen.move, rung.id, chosen.target, reason, checks
        )

    def _check(self, t: Transition, context: Context) -> Check:
        inner = t.condition.check(context, t.cite)
        target = self.rung(t.target).name if t.target is not None else None
        message = N_("{move} to {target}") if target is not None else N_("{move}")
        facts: dict[str, object] = {"move": t.move}
        if target is not None:
            facts["target"] = target
        return Check(inner.met, Reason(t.cite, message, facts), (inner,))

    def _choose(self, met: Iterable[Transition]) -> Transition | None:
        met = list(met)
        for move in (Move.DISMISS, Move.DEMOTE):
            for t in met:
                if t.move is move:
                    return t
        promotions = [t for t in met if t.move is Move.PROMOTE]
        if not promotions:
            return None
        return max(promotions, key=lambda t: self.position(t.target))  # type: ignore[arg-type]
