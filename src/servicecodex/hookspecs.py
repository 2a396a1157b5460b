"""The hooks an organisation plugin implements.

Every hook is prefixed ``servicecodex_``.  A plugin implements only what differs from
the built-in defaults; an implementation may take any subset of a hook's arguments.

Two kinds of hook:

* **pick-one** (``firstresult``): one answer is used.  An explicitly loaded plugin's
  answer wins over the built-in defaults; returning ``None`` means "no answer, ask the
  others".  When two explicitly loaded plugins both answer, loading the organisation's
  policy raises :class:`~servicecodex.PluginConflictError` unless the caller passed
  ``precedence``.
* **collected**: every plugin's answer is used (phrase books are merged; events are
  delivered to everyone).

Core code never calls ``pm.hook`` directly: it goes through the typed wrapper in
``servicecodex._plugins``, which checks each answer's type and turns a plugin's
exception into :class:`~servicecodex.PluginError` naming the plugin and the hook.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from servicecodex._appraisal import AppraisalScheme
    from servicecodex._courtesy import PhraseBook
    from servicecodex._ladder import GradingLadder
    from servicecodex._org import Organization
    from servicecodex._pay import SalaryBands
    from servicecodex._penalties import PenaltySchedule
    from servicecodex._profile import OrganizationProfile
    from servicecodex._service_levels import ServiceLevelPolicy
    from servicecodex._shifts import ShiftPolicy

__all__ = [
    "PICK_ONE_HOOKS",
    "hookimpl",
    "hookspec",
    "servicecodex_appraisal_scheme",
    "servicecodex_courtesy_phrases",
    "servicecodex_grading_ladder",
    "servicecodex_organization_loaded",
    "servicecodex_organization_profile",
    "servicecodex_penalty_schedule",
    "servicecodex_salary_bands",
    "servicecodex_service_levels",
    "servicecodex_shift_policy",
]

PROJECT = "servicecodex"
hookspec = pluggy.HookspecMarker(PROJECT)
#: Decorate a plugin's hook implementations with this (also ``servicecodex.hookimpl``).
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec(firstresult=True)
def servicecodex_organization_profile() -> OrganizationProfile | None:
    """Who the organisation is.  **Pick-one.**

    :return: an :class:`~servicecodex.OrganizationProfile`: id, display name, default
        locale, timezone, currency and holiday calendar; ``None`` to leave it to others.
    """


@hookspec(firstresult=True)
def servicecodex_grading_ladder(profile: OrganizationProfile) -> GradingLadder | None:
    """The grading ladder.  **Pick-one.**

    :param profile: the organisation's effective profile.
    :return: a :class:`~servicecodex.GradingLadder` (rungs lowest first), or ``None``.
    """


@hookspec(firstresult=True)
def servicecodex_salary_bands(profile: OrganizationProfile) -> SalaryBands | None:
    """Pay: base pay per band, and what adds to or takes from it.  **Pick-one.**

    Besides the bands, the table may hold trial pay, guaranteed minimums by year of
    service (settled monthly or annually), a full-attendance bonus, awards and streak
    awards, a deduction for a failed appraisal, commission tiers, a bonus pool and a
    weighted bonus; :meth:`Organization.payslip` applies them.

    :param profile: the organisation's effective profile (its ``currency``).
    :return: :class:`~servicecodex.SalaryBands`, or ``None``.
    """


@hookspec(firstresult=True)
def servicecodex_penalty_schedule(profile: OrganizationProfile) -> PenaltySchedule | None:
    """The penalty schedule: violation codes with their fines (fixed, doubling, free until a
    threshold, per batch), deduction points and consequences, and the limits on points
    and warnings; :meth:`PenaltySchedule.assess` applies it.  **Pick-one.**

    :param profile: the organisation's effective profile (its ``currency``).
    :return: a :class:`~servicecodex.PenaltySchedule`, or ``None``.
    """


@hookspec
def servicecodex_courtesy_phrases(profile: OrganizationProfile, locale: str) -> PhraseBook | None:
    """Scripted phrases for one locale.  **Collected**: every plugin's book is merged.
    The built-in defaults' book (GM-08, GM-09) is used only when no loaded plugin
    implements this hook.

    :param profile: the organisation's effective profile.
    :param locale: ``"zh_Hans"``, ``"zh_Hant"`` or ``"en"``; the returned book's
        ``locale`` must be the same.
    :return: a :class:`~servicecodex.PhraseBook`, or ``None`` for no phrases in *locale*.
    """


@hookspec(firstresult=True)
def servicecodex_appraisal_scheme(profile: OrganizationProfile) -> AppraisalScheme | None:
    """How agents are appraised.  **Pick-one.**

    :param profile: the organisation's effective profile.
    :return: an :class:`~servicecodex.AppraisalScheme`, or ``None``.
    """


@hookspec(firstresult=True)
def servicecodex_shift_policy(profile: OrganizationProfile) -> ShiftPolicy | None:
    """Shift patterns and the rules for rest days, cover, meals, weekly events, swaps,
    handover, attendance and leave.  **Pick-one.**

    :param profile: the organisation's effective profile (its timezone).
    :return: a :class:`~servicecodex.ShiftPolicy`, or ``None``.
    """


@hookspec(firstresult=True)
def servicecodex_service_levels(profile: OrganizationProfile) -> ServiceLevelPolicy | None:
    """Channels and response targets.  **Pick-one.**

    :param profile: the organisation's effective profile.
    :return: a :class:`~servicecodex.ServiceLevelPolicy`, or ``None``.
    """


@hookspec
def servicecodex_organization_loaded(organization: Organization) -> None:
    """Event: an organisation has been loaded.  **Collected**; return values are ignored.

    Use it to log or notify; raising aborts the load with a
    :class:`~servicecodex.PluginError`.

    :param organization: the organisation just built (its policies load lazily).
    """


#: The pick-one hooks, each with the name of the policy it answers.
PICK_ONE_HOOKS: dict[str, str] = {
    "servicecodex_organization_profile": "organisation profile",
    "servicecodex_grading_ladder": "grading ladder",
    "servicecodex_salary_bands": "salary band table",
    "servicecodex_penalty_schedule": "penalty schedule",
    "servicecodex_appraisal_scheme": "appraisal scheme",
    "servicecodex_shift_policy": "shift policy",
    "servicecodex_service_levels": "service-level policy",
}
