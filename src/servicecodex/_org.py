"""Organization: one organisation's rules, the object users hold."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from typing import TypeVar

import attrs

from servicecodex._appraisal import AppraisalScheme, Scorecard
from servicecodex._calendar import BusinessCalendar
from servicecodex._compliance import PhraseChecker
from servicecodex._conditions import GradeCount, walk
from servicecodex._courtesy import PhraseBook
from servicecodex._errors import PluginError, PolicyError, PolicyNotDefinedError, UnknownPluginError
from servicecodex._i18n import SUPPORTED_LOCALES, catalog_locale
from servicecodex._ladder import GradingLadder
from servicecodex._money import Money
from servicecodex._pay import SalaryBands
from servicecodex._payslip import AttendanceFacts, Payslip, check_month, payslip
from servicecodex._penalties import PenaltySchedule
from servicecodex._plugins import DEFAULTS_ID, PluginHost, installed_plugins
from servicecodex._profile import OrganizationProfile
from servicecodex._rota import Assignment, Rota
from servicecodex._service_levels import ServiceLevelPolicy
from servicecodex._shifts import ShiftPolicy
from servicecodex._staff import Agent
from servicecodex._time import Month
from servicecodex._violations import Ledger, Violation

__all__ = ["EffectivePolicy", "Organization"]

T = TypeVar("T")


@attrs.frozen
class EffectivePolicy:
    """Everything an organisation's plugins and the built-in defaults answer.

    A policy that nobody defines is ``None``; phrase books are keyed by locale and left
    out where empty.
    """

    plugins: tuple[str, ...]
    profile: OrganizationProfile
    grading_ladder: GradingLadder | None
    salary_bands: SalaryBands | None
    penalty_schedule: PenaltySchedule | None
    appraisal_scheme: AppraisalScheme | None
    shift_policy: ShiftPolicy | None
    service_levels: ServiceLevelPolicy | None
    phrase_books: Mapping[str, PhraseBook]


class Organization:
    """An organisation's rules: the built-in defaults plus exactly the plugins it loads.

    Build one with :meth:`load` (installed plugins, by id) or :meth:`from_plugins`
    (plugin objects, e.g. in tests).  Each organisation has its own plugin manager, so two
    organisations in one process never see each other's rules.  Policies are asked of the
    plugins the first time they are used, then kept.

    >>> org = Organization.load("jingyun-warehouse")
    >>> org.profile.name.localize("zh_Hans")
    '京云仓客服中心'
    >>> Organization.load("no-such-org")
    Traceback (most recent call last):
    ...
    servicecodex.UnknownPluginError: no organisation plugin 'no-such-org' is installed (entry-point group 'servicecodex'); installed: ...jingyun-warehouse...
    """

    def __init__(self, host: PluginHost) -> None:
        """Use :meth:`load` or :meth:`from_plugins`."""
        self._host = host
        self._phrase_books: dict[str, PhraseBook] = {}
        self._checkers: dict[str, PhraseChecker] = {}

    @classmethod
    def load(cls, *plugin_ids: str, precedence: Sequence[str] = ()) -> Organization:
        """The organisation made of the installed plugins *plugin_ids* (entry points in the
        group ``servicecodex``), in that order, over the built-in defaults.

        With no ids, the built-in defaults alone; the id of the defaults,
        ``"servicecodex-defaults"``, names no plugin and adds nothing.  *precedence* names
        the plugin whose answer wins where several of them answer a pick-one hook.

        :raises UnknownPluginError: an id is not installed (the message lists those that are).
        :raises PluginError: a plugin cannot be imported or does not fit the hooks.
        """
        installed = installed_plugins()
        plugins: list[tuple[str, object]] = []
        for plugin_id in plugin_ids:
            if plugin_id == DEFAULTS_ID:  # always registered, never a plugin of its own
                continue
            entry_point = installed.get(plugin_id)
            if entry_point is None:
                raise UnknownPluginError(plugin_id, installed)
            try:
                plugins.append((plugin_id, entry_point.load()))
            except Exception as exc:
                raise PluginError(plugin_id, "(import)", f"{type(exc).__name__}: {exc}") from exc
        return cls.from_plugins(plugins, precedence=precedence)

    @classmethod
    def from_plugins(
        cls,
        plugins: Mapping[str, object] | Iterable[tuple[str, object]],
        *,
        precedence: Sequence[str] = (),
    ) -> Organization:
        """The organisation made of plugin objects (modules, or instances of classes,
        with ``servicecodex_*`` functions), named by the keys, over the built-in defaults.

        :raises PluginError: a plugin does not fit the hooks (a misspelt hook, a class
            instead of an instance, one object under two names …).
        """
        pairs = list(plugins.items() if isinstance(plugins, Mapping) else plugins)
        organization = cls(PluginHost(pairs, precedence))
        organization._host.organization_loaded(organization)
        return organization

    def __repr__(self) -> str:
        # Never asks a hook: a broken or conflicting plugin must not break repr().
        return f"<Organization plugins={list(self.plugins)!r}>"

    @property
    def plugins(self) -> tuple[str, ...]:
        """The explicitly loaded plugins, in load order."""
        return self._host.plugin_names

    def implemented_hooks(self) -> dict[str, tuple[str, ...]]:
        """For each loaded plugin, the hooks it implements."""
        return {name: self._host.implemented_hooks(name) for name in self.plugins}

    @functools.cached_property
    def profile(self) -> OrganizationProfile:
        """Who the organisation is."""
        return self._host.organization_profile()

    @property
    def id(self) -> str:
        """The profile's id."""
        return self.profile.id

    @property
    def calendar(self) -> BusinessCalendar:
        """The organisation's business calendar."""
        return self.profile.calendar

    def _required(self, value: T | None, policy: str, hook: str) -> T:
        if value is None:
            raise PolicyNotDefinedError(self.id, policy, hook)
        return value

    # Policies come from different plugins, so what ties them together is checked here:
    # a rung's band exists, money is in the organisation's currency.

    @functools.cached_property
    def _ladder(self) -> GradingLadder | None:
        ladder = self._host.grading_ladder(self.profile)
        for rung in ladder.rungs if ladder else ():
            if rung.band is None:
                continue
            known = {b.id for b in self._bands.bands} if self._bands else set()
            if rung.band not in known:
                raise PolicyError(
                    f"Rung[{rung.id}].band",
                    rung.band,
                    f"no such salary band (bands: {', '.join(sorted(known)) or 'none defined'})",
                )
        if (
            ladder is not None
            and self._appraisal is not None
            and self._appraisal.grades is not None
        ):
            self._check_grades(ladder, self._appraisal.grades.ids)
        return ladder

    @staticmethod
    def _check_grades(ladder: GradingLadder, known: tuple[str, ...]) -> None:
        conditions = [t.condition for t in ladder.transitions]
        conditions += [r.requirements for r in ladder.rungs if r.requirements is not None]
        for condition in (c for top in conditions for c in walk(top)):
            if isinstance(condition, GradeCount):
                for grade in sorted(condition.grades - set(known)):
                    raise PolicyError(
                        "GradeCount.grades",
                        grade,
                        f"not a grade of the appraisal scheme ({', '.join(known)})",
                    )

    def _in_currency(self, currency: str, field: str) -> None:
        if currency != self.profile.currency:
            raise PolicyError(field, currency, f"the organisation pays in {self.profile.currency}")

    @functools.cached_property
    def _bands(self) -> SalaryBands | None:
        bands = self._host.salary_bands(self.profile)
        if bands is not None:
            self._in_currency(bands.currency, "SalaryBands.currency")
        return bands

    @functools.cached_property
    def _penalties(self) -> PenaltySchedule | None:
        schedule = self._host.penalty_schedule(self.profile)
        if schedule is not None:
            self._in_currency(schedule.currency, "PenaltySchedule.currency")
        return schedule

    @functools.cached_property
    def _appraisal(self) -> AppraisalScheme | None:
        return self._host.appraisal_scheme(self.profile)

    @functools.cached_property
    def _shifts(self) -> ShiftPolicy | None:
        return self._host.shift_policy(self.profile)

    @functools.cached_property
    def _service_levels(self) -> ServiceLevelPolicy | None:
        return self._host.service_levels(self.profile)

    @property
    def ladder(self) -> GradingLadder:
        """The grading ladder (:class:`PolicyNotDefinedError` if there is none)."""
        return self._required(self._ladder, "grading ladder", "servicecodex_grading_ladder")

    @property
    def salary_bands(self) -> SalaryBands:
        """The salary band table (:class:`PolicyNotDefinedError` if there is none)."""
        return self._required(self._bands, "salary band table", "servicecodex_salary_bands")

    @property
    def penalty_schedule(self) -> PenaltySchedule:
        """The penalty schedule (:class:`PolicyNotDefinedError` if there is none)."""
        return self._required(self._penalties, "penalty schedule", "servicecodex_penalty_schedule")

    @property
    def appraisal_scheme(self) -> AppraisalScheme:
        """The appraisal scheme (:class:`PolicyNotDefinedError` if there is none)."""
        return self._required(self._appraisal, "appraisal scheme", "servicecodex_appraisal_scheme")

    @property
    def shift_policy(self) -> ShiftPolicy:
        """The shift policy (:class:`PolicyNotDefinedError` if there is none)."""
        return self._required(self._shifts, "shift policy", "servicecodex_shift_policy")

    @property
    def service_levels(self) -> ServiceLevelPolicy:
        """The service-level policy (:class:`PolicyNotDefinedError` if there is none)."""
        return self._required(
            self._service_levels, "service-level policy", "servicecodex_service_levels"
        )

    def rota(self, assignments: Iterable[Assignment], staff: Iterable[str] = ()) -> Rota:
        """A :class:`~servicecodex.Rota` under this organisation's shift policy and
        holiday calendar (:class:`PolicyNotDefinedError` without a shift policy)."""
        return Rota(self.shift_policy, self.profile.calendar, assignments, staff)

    def payslip(
        self,
        agent: Agent,
        month: Month,
        *,
        appraisal: Scorecard | None = None,
        violations: Ledger | Iterable[Violation] | None = None,
        attendance: AttendanceFacts | None = None,
        awards: Iterable[str] = (),
        streaks: Mapping[str, int] | None = None,
        sales: Money | None = None,
        bonus: Money | None = None,
    ) -> Payslip:
        """*agent*'s payslip for *month* under this organisation's salary bands (see
        :func:`~servicecodex.payslip`); the band is the one the ladder names for the
        agent's rung (the band of the rung's id where there is no ladder).

        *violations* (the :class:`~servicecodex.Ledger`, so that earlier occurrences
        count, or the month's violations) are assessed with the organisation's penalty
        schedule and calendar; their fines become fine lines.

        :raises PolicyNotDefinedError: no salary bands, or violations but no penalty
            schedule.
        :raises ValidationError: see :func:`~servicecodex.payslip`.

        >>> org = Organization.load("ecommerce-ladder")
        >>> agent = Agent("A-017", "王芳", hired=pendulum.date(2026, 1, 5), rung="junior",
        ...               rung_since=pendulum.date(2026, 1, 5))
        >>> slip = org.payslip(agent, Month(2026, 3))
        >>> slip.band.id, slip.net.format("zh_Hans_CN")
        ('junior', '¥2,200.00')
        """
        check_month(agent, month)
        bands = self.salary_bands
        assessment = None
        if violations is not None:
            assessment = self.penalty_schedule.assess(agent.id, violations, month, self.calendar)
        return payslip(
            agent,
            month,
            bands,
            self._ladder,
            appraisal=appraisal,
            assessment=assessment,
            attendance=attendance,
            awards=awards,
            streaks=streaks,
            sales=sales,
            bonus=bonus,
        )

    def phrase_book(self, locale: str | None = None) -> PhraseBook:
        """Every plugin's phrases for *locale* (default: the profile's), merged into one
        book; conflicting entries raise :class:`~servicecodex.PolicyError` naming both
        rules.  When no plugin gives a book in one Chinese script, the book in the other
        is converted (OpenCC).  A locale nobody gives phrases for yields an empty book."""
        key = catalog_locale(locale or self.profile.locale)
        if key not in self._phrase_books:
            book = self._merged_book(key)
            other = {"zh_Hans": "zh_Hant", "zh_Hant": "zh_Hans"}.get(key)
            if not book.entries and other is not None:
                book = self._merged_book(other).in_script(key)
            self._phrase_books[key] = book
        return self._phrase_books[key]

    def _merged_book(self, key: str) -> PhraseBook:
        books = self._host.courtesy_phrases(self.profile, key)
        try:
            return PhraseBook.merge(key, (book for _, book in books))
        except PolicyError as exc:
            plugins = ", ".join(name for name, _ in books)
            raise PolicyError(
                exc.field, exc.value, f"{exc.problem}; phrase books from plugins {plugins}"
            ) from None

    def phrase_checker(self, locale: str | None = None) -> PhraseChecker:
        """The :meth:`phrase_book` of *locale* compiled for checking texts and
        transcripts (built once per locale)."""
        key = catalog_locale(locale or self.profile.locale)
        if key not in self._checkers:
            self._checkers[key] = PhraseChecker(self.phrase_book(key))
        return self._checkers[key]

    def effective_policy(self) -> EffectivePolicy:
        """Everything this organisation defines, ``None`` where nothing is defined."""
        books = {loc: self.phrase_book(loc) for loc in SUPPORTED_LOCALES}
        return EffectivePolicy(
            plugins=self.plugins,
            profile=self.profile,
            grading_ladder=self._ladder,
            salary_bands=self._bands,
            penalty_schedule=self._penalties,
            appraisal_scheme=self._appraisal,
            shift_policy=self._shifts,
            service_levels=self._service_levels,
            phrase_books={loc: book for loc, book in books.items() if book.entries},
        )
