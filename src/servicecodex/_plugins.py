"""The typed wrapper around pluggy: the only code that calls hook implementations.

Each hook has one typed method here.  The wrapper calls the implementations itself, one
at a time in load order (built-in defaults first), so that it can

* name the plugin whose implementation raised (:class:`PluginError`),
* check that each answer has the type the hook promises,
* detect two explicitly loaded plugins answering a pick-one hook
  (:class:`PluginConflictError`) unless a precedence was given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from importlib.metadata import EntryPoint, entry_points
from typing import TYPE_CHECKING, Any, TypeVar

import pluggy

from servicecodex import hookspecs
from servicecodex._appraisal import AppraisalScheme
from servicecodex._courtesy import PhraseBook
from servicecodex._errors import PluginConflictError, PluginError, ValidationError
from servicecodex._ladder import GradingLadder
from servicecodex._pay import SalaryBands
from servicecodex._penalties import PenaltySchedule
from servicecodex._profile import OrganizationProfile
from servicecodex._service_levels import ServiceLevelPolicy
from servicecodex._shifts import ShiftPolicy

if TYPE_CHECKING:
    from servicecodex._org import Organization

__all__ = ["DEFAULTS", "ENTRY_POINT_GROUP", "HOOK_PREFIX", "PluginHost", "installed_plugins"]

T = TypeVar("T")
DEFAULTS = "servicecodex.defaults"
#: The organisation id of the built-in defaults alone (their profile's id).
DEFAULTS_ID = "servicecodex-defaults"
ENTRY_POINT_GROUP = "servicecodex"
HOOK_PREFIX = "servicecodex_"
_HOOK_IN_MESSAGE = re.compile(r"hook '(\w+)'")


def installed_plugins() -> dict[str, EntryPoint]:
    """The organisation plugins installed in this environment, by id (entry-point name)."""
    return {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}


class _Manager(pluggy.PluginManager):
    """Accepts ``servicecodex_*`` functions with or without the ``@hookimpl`` marker, as
    pytest does for ``pytest_*``: forgetting the decorator must not silently drop a rule."""

    def parse_hookimpl_opts(self, plugin: object, name: str) -> Any:
        opts = super().parse_hookimpl_opts(plugin, name)
        if opts is None and name.startswith(HOOK_PREFIX) and callable(getattr(plugin, name, None)):
            return {}
        return opts


class PluginHost:
    """One organisation's plugin manager: the built-in defaults, then *plugins* in order.

    *precedence* lists plugin names, strongest first; it settles which answer a pick-one
    hook uses when several explicitly loaded plugins answer.
    """

    def __init__(
        self, plugins: Sequence[tuple[str, object]], precedence: Sequence[str] = ()
    ) -> None:
        from servicecodex import _defaults

        self._pm = _Manager(hookspecs.PROJECT)
        self._pm.add_hookspecs(hookspecs)
        self._order: list[str] = []
        self._register(DEFAULTS, _defaults)
        for name, plugin in plugins:
            if not isinstance(name, str) or not name or name in self._order:
                raise ValidationError(
                    "plugins", name, "each plugin needs a distinct, non-empty name"
                )
            self._register(name, plugin)
        for name in precedence:
            if name not in self._order[1:]:
                raise ValidationError(
                    "precedence",
                    name,
                    f"not a loaded plugin ({', '.join(self._order[1:]) or 'none'})",
                )
        self._precedence = tuple(precedence)

    @property
    def plugin_names(self) -> tuple[str, ...]:
        """The explicitly loaded plugins, in load order (the defaults left out)."""
        return tuple(self._order[1:])

    def _register(self, name: str, plugin: object) -> None:
        if isinstance(plugin, type):
            raise PluginError(
                name, "(registration)", f"{plugin.__name__} is a class; register an instance of it"
            )
        for attr in dir(plugin):
            if attr.startswith(HOOK_PREFIX) and not hasattr(hookspecs, attr):
                raise PluginError(
                    name, attr, "no such hook (misspelt?); see servicecodex.hookspecs"
                )
        try:
            self._pm.register(plugin, name=name)
        except pluggy.PluginValidationError as exc:
            found = _HOOK_IN_MESSAGE.search(str(exc))
            hook = found.group(1) if found else "?"
            raise PluginError(name, hook, str(exc).replace("\n", " ")) from exc
        except ValueError as exc:  # pluggy: the same object under two names
            raise PluginError(name, "(registration)", str(exc)) from exc
        for caller in self._pm.get_hookcallers(plugin) or ():
            for impl in caller.get_hookimpls():
                if impl.plugin_name == name and (impl.hookwrapper or impl.wrapper):
                    self._pm.unregister(name=name)
                    raise PluginError(name, caller.name, "hook wrappers are not supported")
        self._order.append(name)

    def implemented_hooks(self, name: str) -> tuple[str, ...]:
        """The hooks plugin *name* implements, sorted."""
        plugin = self._pm.get_plugin(name)
        callers = self._pm.get_hookcallers(plugin) if plugin is not None else None
        return tuple(sorted(c.name for c in callers or ()))

    def _answers(self, hook: str, expected: type[T], kwargs: dict[str, Any]) -> list[tuple[str, T]]:
        impls = getattr(self._pm.hook, hook).get_hookimpls()
        impls.sort(key=lambda impl: self._order.index(impl.plugin_name))
        answers: list[tuple[str, T]] = []
        for impl in impls:
            try:
                result = impl.function(*(kwargs[arg] for arg in impl.argnames))
            except Exception as exc:
                raise PluginError(
                    impl.plugin_name, hook, f"raised {type(exc).__name__}: {exc}"
                ) from exc
            if result is None:
                continue
            if not isinstance(result, expected):
                raise PluginError(
                    impl.plugin_name,
                    hook,
                    f"returned {type(result).__name__}, expected {expected.__name__} or None",
                )
            answers.append((impl.plugin_name, result))
        return answers

    def _pick(self, hook: str, expected: type[T], **kwargs: Any) -> T | None:
        answers = self._answers(hook, expected, kwargs)
        explicit = [(name, answer) for name, answer in answers if name != DEFAULTS]
        if len(explicit) > 1:
            answering = dict(explicit)
            for name in self._precedence:
                if name in answering:
                    return answering[name]
            raise PluginConflictError(hook, [name for name, _ in explicit])
        if explicit:
            return explicit[0][1]
        return answers[0][1] if answers else None

    # One typed method per hook. -------------------------------------------------------

    def organization_profile(self) -> OrganizationProfile:
        profile = self._pick("servicecodex_organization_profile", OrganizationProfile)
        assert profile is not None, "the built-in defaults always answer"
        return profile

    def grading_ladder(self, profile: OrganizationProfile) -> GradingLadder | None:
        return self._pick("servicecodex_grading_ladder", GradingLadder, profile=profile)

    def salary_bands(self, profile: OrganizationProfile) -> SalaryBands | None:
        return self._pick("servicecodex_salary_bands", SalaryBands, profile=profile)

    def penalty_schedule(self, profile: OrganizationProfile) -> PenaltySchedule | None:
        return self._pick("servicecodex_penalty_schedule", PenaltySchedule, profile=profile)

    def appraisal_scheme(self, profile: OrganizationProfile) -> AppraisalScheme | None:
        return self._pick("servicecodex_appraisal_scheme", AppraisalScheme, profile=profile)

    def shift_policy(self, profile: OrganizationProfile) -> ShiftPolicy | None:
        return self._pick("servicecodex_shift_policy", ShiftPolicy, profile=profile)

    def service_levels(self, profile: OrganizationProfile) -> ServiceLevelPolicy | None:
        return self._pick("servicecodex_service_levels", ServiceLevelPolicy, profile=profile)

    def courtesy_phrases(
        self, profile: OrganizationProfile, locale: str
    ) -> list[tuple[str, PhraseBook]]:
        hook = "servicecodex_courtesy_phrases"
        books = self._answers(hook, PhraseBook, {"profile": profile, "locale": locale})
        impls = getattr(self._pm.hook, hook).get_hookimpls()
        if any(impl.plugin_name != DEFAULTS for impl in impls):
            # The defaults' phrases (GM-08, GM-09) stand in only for an organisation whose
            # plugins give none (AMB-56); mixed in, they would become its rules.
            books = [(name, book) for name, book in books if name != DEFAULTS]
        for name, book in books:
            if book.locale != locale:
                raise PluginError(
                    name,
                    "servicecodex_courtesy_phrases",
                    f"asked for {locale}, returned a {book.locale} book",
                )
        return books

    def organization_loaded(self, organization: Organization) -> None:
        self._answers("servicecodex_organization_loaded", object, {"organization": organization})
