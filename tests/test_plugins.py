"""The plugin system: an Organization is the built-in defaults plus exactly its plugins."""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Iterator

import pytest

import servicecodex as sc
from servicecodex.testing import make_organization

EL_01 = sc.Citation("EL-01", "002 第一篇 三")
JW_01 = sc.Citation("JW-01", "000 篇2 第二條")
EL_17 = sc.Citation("EL-17", "002 第一篇 六.1")
HD_13 = sc.Citation("HD-13", "001 篇2 四.4")
HD_16 = sc.Citation("HD-16", "001 篇2 四.7")
HD_18 = sc.Citation("HD-18", "001 篇2 四.9")


def text(en: str, zh: str) -> sc.Text:
    return sc.Text(en=en, zh_Hans=zh)


EL_LADDER = sc.GradingLadder(
    [
        sc.Rung("trial", text("New CS (trial)", "新客服（试用）"), EL_01),
        sc.Rung("junior", text("Junior CS", "初级客服"), EL_01),
        sc.Rung("intermediate", text("Intermediate CS", "中级客服"), EL_01),
        sc.Rung("senior", text("Senior CS", "高级客服"), EL_01),
        sc.Rung("reserve-supervisor", text("Reserve supervisor", "储备主管"), EL_01),
    ],
    EL_01,
)
JW_LADDER = sc.GradingLadder(
    [
        sc.Rung("representative", sc.Text(en="CS representative", zh_Hant="客服代表"), JW_01),
        sc.Rung("supervisor", sc.Text(en="Supervisor", zh_Hant="主管"), JW_01),
        sc.Rung("manager", sc.Text(en="Manager", zh_Hant="經理"), JW_01),
    ],
    JW_01,
)
ACME_HK = sc.OrganizationProfile(
    "acme-hk", text("ACME Hong Kong", "顶点香港"), "zh_Hant_HK", "Asia/Hong_Kong", "HKD", "HK"
)
LADDER_HOOK = "servicecodex_grading_ladder"


# Plugins used below: each implements only what it changes. -------------------------


class EcommerceLadder:
    @sc.hookimpl
    def servicecodex_grading_ladder(self, profile: sc.OrganizationProfile) -> sc.GradingLadder:
        return EL_LADDER


class JingyunLadder:
    """Unmarked: ``servicecodex_*`` functions are hooks without ``@hookimpl`` too."""

    def servicecodex_grading_ladder(self) -> sc.GradingLadder:
        return JW_LADDER


class NoLadder:
    def servicecodex_grading_ladder(self) -> sc.GradingLadder | None:
        return None


class AcmeHongKong:
    @sc.hookimpl
    def servicecodex_organization_profile(self) -> sc.OrganizationProfile:
        return ACME_HK


class Broken:
    def __init__(self) -> None:
        self.error = KeyError("rungs")

    def servicecodex_grading_ladder(self, profile: sc.OrganizationProfile) -> sc.GradingLadder:
        raise self.error


class ReturnsBands:
    """Answers the ladder hook with a salary band table."""

    def servicecodex_grading_ladder(self) -> object:
        return sc.SalaryBands(
            "CNY", [sc.SalaryBand("trial", text("Trial", "试用"), sc.Money(1800, "CNY"), EL_17)]
        )


class Counting:
    def __init__(self) -> None:
        self.calls = 0

    def servicecodex_grading_ladder(self) -> sc.GradingLadder:
        self.calls += 1
        return EL_LADDER


class Phrases:
    """Gives *entries* as its zh_Hans phrase book, nothing in other locales."""

    def __init__(self, *entries: sc.PhraseEntry) -> None:
        self.entries = entries

    def servicecodex_courtesy_phrases(self, locale: str) -> sc.PhraseBook | None:
        return sc.PhraseBook(locale, self.entries) if locale == "zh_Hans" else None


FORBIDS_NOT_MY_BUSINESS = (
    "hd-18",
    Phrases(sc.PhraseEntry("不关我的事", sc.PhraseKind.FORBIDDEN, sc.Scenario.ANY, HD_18)),
)
REQUIRES_YOURE_WELCOME = (
    "hd-16",
    Phrases(sc.PhraseEntry("不用谢", sc.PhraseKind.REQUIRED, sc.Scenario.THANKS, HD_16)),
)
RECOMMENDS_NOT_MY_BUSINESS = (
    "hd-13",
    Phrases(sc.PhraseEntry("不关我的事", sc.PhraseKind.RECOMMENDED, sc.Scenario.ANY, HD_13)),
)


# The built-in defaults --------------------------------------------------------------


def test_defaults_only() -> None:
    org = make_organization()
    assert org.plugins == ()
    assert org.implemented_hooks() == {}
    assert org.id == "servicecodex-defaults"
    assert (org.profile.locale, org.profile.timezone, org.profile.currency) == (
        "zh_Hans_CN",
        "Asia/Shanghai",
        "CNY",
    )
    assert org.calendar.is_working_day(dt.date(2026, 2, 14))  # in lieu
    assert not org.calendar.is_working_day(dt.date(2026, 10, 1))
    policy = org.effective_policy()
    assert policy.plugins == ()
    assert policy.grading_ladder is None
    assert policy.salary_bands is None
    # The generic manuals' phrases (GM-08, GM-09) in every locale, and nothing else.
    assert set(policy.phrase_books) == {"zh_Hans", "zh_Hant", "en"}
    assert {e.cite.rule_id for e in org.phrase_book().entries} == {"GM-08", "GM-09"}


def test_load_without_ids_is_the_defaults() -> None:
    org = sc.Organization.load()
    assert org.plugins == ()
    assert org.profile == make_organization().profile


@pytest.mark.parametrize(
    ("policy", "hook"),
    [
        ("ladder", "servicecodex_grading_ladder"),
        ("salary_bands", "servicecodex_salary_bands"),
        ("penalty_schedule", "servicecodex_penalty_schedule"),
        ("appraisal_scheme", "servicecodex_appraisal_scheme"),
        ("shift_policy", "servicecodex_shift_policy"),
    ],
)
def test_policy_not_defined(policy: str, hook: str) -> None:
    org = make_organization(AcmeHongKong())
    with pytest.raises(sc.PolicyNotDefinedError) as exc:
        operator.attrgetter(policy)(org)
    assert isinstance(exc.value, LookupError)
    assert exc.value.organization == "acme-hk"
    assert exc.value.hook == hook
    assert "'acme-hk'" in str(exc.value)
    assert hook in str(exc.value)


def test_the_generic_manuals_give_the_default_service_levels() -> None:
    # GM-01 … GM-07, GM-10: an organisation whose plugins say nothing about contacts.
    levels = make_organization(AcmeHongKong()).service_levels
    assert levels == sc.Organization.load().service_levels
    assert levels.cite.rule_id == "GM-01"
    assert levels.case_rules.workflow.cite.rule_id == "GM-06"
    assert [c.id for c in levels.case_rules.categories] == ["inquiry", "complaint", "after-sales"]
    assert levels.survey is not None
    assert levels.survey.cite.rule_id == "GM-04"
    assert levels.register("customer-needs").cite.rule_id == "GM-10"


def test_a_plugin_returning_none_leaves_the_policy_undefined() -> None:
    with pytest.raises(sc.PolicyNotDefinedError):
        _ = make_organization(NoLadder()).ladder


# Answers and precedence -------------------------------------------------------------


def test_a_plugin_overrides_the_defaults() -> None:
    org = make_organization(AcmeHongKong())
    assert org.profile is ACME_HK
    assert org.id == "acme-hk"
    assert org.calendar.country == "HK"


def test_a_plugin_answers_a_policy() -> None:
    org = make_organization(EcommerceLadder())
    assert org.ladder is EL_LADDER
    assert org.effective_policy().grading_ladder is EL_LADDER
    assert org.profile.id == "servicecodex-defaults"  # unanswered hooks keep the defaults


def test_an_unmarked_hook_function_is_used() -> None:
    assert make_organization(JingyunLadder()).ladder is JW_LADDER


def test_a_plugin_returning_none_defers_to_the_others() -> None:
    assert make_organization(NoLadder(), EcommerceLadder()).ladder is EL_LADDER
    assert make_organization(EcommerceLadder(), NoLadder()).ladder is EL_LADDER


def test_two_plugins_answering_a_pick_one_hook_conflict() -> None:
    org = make_organization(EcommerceLadder(), JingyunLadder())
    with pytest.raises(sc.PluginConflictError) as exc:
        _ = org.ladder
    assert isinstance(exc.value, ValueError)
    assert exc.value.hook == LADDER_HOOK
    assert exc.value.plugins == ("EcommerceLadder", "JingyunLadder")
    assert "'EcommerceLadder'" in str(exc.value)
    assert "'JingyunLadder'" in str(exc.value)
    assert "precedence" in str(exc.value)


@pytest.mark.parametrize(
    ("winner", "ladder"), [("EcommerceLadder", EL_LADDER), ("JingyunLadder", JW_LADDER)]
)
def test_precedence_settles_a_conflict(winner: str, ladder: sc.GradingLadder) -> None:
    for plugins in ((EcommerceLadder(), JingyunLadder()), (JingyunLadder(), EcommerceLadder())):
        assert make_organization(*plugins, precedence=[winner]).ladder is ladder


def test_precedence_skips_a_plugin_that_does_not_answer() -> None:
    org = make_organization(
        EcommerceLadder(), JingyunLadder(), NoLadder(), precedence=["NoLadder", "JingyunLadder"]
    )
    assert org.ladder is JW_LADDER


@pytest.mark.parametrize("name", ["Missing", "servicecodex.defaults"])
def test_precedence_naming_an_unloaded_plugin_is_refused(name: str) -> None:
    with pytest.raises(sc.ValidationError) as exc:
        make_organization(EcommerceLadder(), precedence=[name])
    assert exc.value.field == "precedence"
    assert exc.value.value == name
    assert "EcommerceLadder" in str(exc.value)


def test_plugin_names_must_be_distinct() -> None:
    with pytest.raises(sc.ValidationError):
        make_organization(EcommerceLadder(), EcommerceLadder())
    org = make_organization(("el", EcommerceLadder()), ("el-copy", EcommerceLadder()))
    assert org.plugins == ("el", "el-copy")


def test_policies_are_asked_once_then_kept() -> None:
    counting = Counting()
    org = make_organization(counting)
    assert counting.calls == 0  # nothing is asked at load
    assert org.ladder is org.ladder
    org.effective_policy()
    assert counting.calls == 1


# Broken plugins ---------------------------------------------------------------------


def test_a_raising_hook_is_a_plugin_error_naming_plugin_and_hook() -> None:
    broken = Broken()
    org = make_organization(broken)
    with pytest.raises(sc.PluginError) as exc:
        _ = org.ladder
    error = exc.value
    assert isinstance(error, RuntimeError)
    assert error.plugin == "Broken"
    assert error.hook == LADDER_HOOK
    assert "'Broken'" in str(error)
    assert LADDER_HOOK in str(error)
    assert "KeyError" in str(error)
    assert error.__cause__ is broken.error


def test_a_wrong_return_type_is_a_plugin_error() -> None:
    with pytest.raises(sc.PluginError) as exc:
        _ = make_organization(ReturnsBands()).ladder
    assert exc.value.plugin == "ReturnsBands"
    assert exc.value.hook == LADDER_HOOK
    assert "SalaryBands" in str(exc.value)
    assert "GradingLadder" in str(exc.value)


def test_a_misspelt_hook_is_a_plugin_error() -> None:
    class Misspelt:
        def servicecodex_grading_ladders(self) -> sc.GradingLadder:
            return EL_LADDER

    with pytest.raises(sc.PluginError) as exc:
        make_organization(Misspelt())
    assert exc.value.plugin == "Misspelt"
    assert exc.value.hook == "servicecodex_grading_ladders"


def test_an_argument_the_hook_does_not_have_is_a_plugin_error() -> None:
    class Typo:
        def servicecodex_grading_ladder(self, profil: sc.OrganizationProfile) -> sc.GradingLadder:
            return EL_LADDER

    with pytest.raises(sc.PluginError) as exc:
        make_organization(Typo())
    assert exc.value.plugin == "Typo"
    assert exc.value.hook == LADDER_HOOK
    assert "profil" in str(exc.value)


def test_hook_wrappers_are_refused() -> None:
    class OldStyle:
        @sc.hookimpl(hookwrapper=True)
        def servicecodex_grading_ladder(self) -> Iterator[None]:
            yield

    class NewStyle:
        @sc.hookimpl(wrapper=True)
        def servicecodex_grading_ladder(self) -> Iterator[None]:
            return (yield)

    for wrapper in (OldStyle(), NewStyle()):
        with pytest.raises(sc.PluginError) as exc:
            make_organization(wrapper)
        assert exc.value.hook == LADDER_HOOK
        assert "wrapper" in str(exc.value)


# Installed plugins ------------------------------------------------------------------


def test_an_unknown_plugin_id_lists_the_installed_ones() -> None:
    with pytest.raises(sc.UnknownPluginError) as exc:
        sc.Organization.load("no-such-org")
    error = exc.value
    assert isinstance(error, LookupError)
    assert error.plugin_id == "no-such-org"
    assert isinstance(error.installed, tuple)
    assert error.installed == tuple(sorted(sc.installed_plugins()))
    assert "'no-such-org'" in str(error)
    for plugin_id in error.installed:
        assert plugin_id in str(error)
    if not error.installed:
        assert "none" in str(error)


# Isolation and events ---------------------------------------------------------------


def test_two_organisations_do_not_see_each_others_rules() -> None:
    hk = make_organization(AcmeHongKong(), EcommerceLadder())
    defaults = make_organization()
    jingyun = make_organization(JingyunLadder())
    assert hk.ladder is EL_LADDER
    assert jingyun.ladder is JW_LADDER
    assert defaults.profile.id == "servicecodex-defaults"
    assert jingyun.profile.id == "servicecodex-defaults"
    with pytest.raises(sc.PolicyNotDefinedError):
        _ = defaults.ladder
    assert hk.profile.currency == "HKD"
    assert make_organization().profile.currency == "CNY"


def test_organization_loaded_fires_once_per_load() -> None:
    loaded: list[sc.Organization] = []

    class Listener:
        def servicecodex_organization_loaded(self, organization: sc.Organization) -> None:
            loaded.append(organization)

    first = make_organization(Listener())
    assert loaded == [first]
    second = make_organization(Listener(), EcommerceLadder())
    assert loaded == [first, second]
    assert loaded[1].plugins == ("Listener", "EcommerceLadder")


def test_a_raising_listener_aborts_the_load() -> None:
    class Notifier:
        def servicecodex_organization_loaded(self) -> None:
            raise ConnectionError("notification service down")

    with pytest.raises(sc.PluginError) as exc:
        make_organization(Notifier())
    assert exc.value.plugin == "Notifier"
    assert exc.value.hook == "servicecodex_organization_loaded"
    assert isinstance(exc.value.__cause__, ConnectionError)


# Phrase books -----------------------------------------------------------------------


def test_phrase_books_from_two_plugins_are_merged() -> None:
    org = make_organization(FORBIDS_NOT_MY_BUSINESS, REQUIRES_YOURE_WELCOME)
    book = org.phrase_book("zh_Hans")
    assert [e.phrase for e in book.entries] == ["不关我的事", "不用谢"]
    assert org.phrase_book() is book  # the profile's locale zh_Hans_CN uses the zh_Hans book
    assert org.phrase_book("en").entries == ()
    # No plugin gives a zh_Hant book: it is the zh_Hans book converted.
    assert set(org.effective_policy().phrase_books) == {"zh_Hans", "zh_Hant"}
    assert [e.phrase for e in org.phrase_book("zh_Hant").entries] == ["不關我的事", "不用謝"]


def test_conflicting_phrase_books_raise_naming_both_rules() -> None:
    org = make_organization(FORBIDS_NOT_MY_BUSINESS, RECOMMENDS_NOT_MY_BUSINESS)
    with pytest.raises(sc.PolicyError) as exc:
        org.phrase_book("zh_Hans")
    assert "HD-18" in str(exc.value)
    assert "HD-13" in str(exc.value)
    assert org.phrase_book("en").entries == ()  # only the zh_Hans books conflict


def test_a_phrase_book_in_the_wrong_locale_is_a_plugin_error() -> None:
    class English:
        def servicecodex_courtesy_phrases(self, locale: str) -> sc.PhraseBook:
            return sc.PhraseBook("en", [])

    org = make_organization(English())
    assert org.phrase_book("en").entries == ()
    with pytest.raises(sc.PluginError) as exc:
        org.phrase_book("zh_Hans")
    assert exc.value.plugin == "English"
    assert exc.value.hook == "servicecodex_courtesy_phrases"


# Introspection ----------------------------------------------------------------------


def test_implemented_hooks() -> None:
    class Taobao:
        def servicecodex_organization_profile(self) -> None:
            return None

        def servicecodex_grading_ladder(self) -> sc.GradingLadder:
            return EL_LADDER

    org = make_organization(("taobao-shop", Taobao()), FORBIDS_NOT_MY_BUSINESS)
    assert org.implemented_hooks() == {
        "taobao-shop": ("servicecodex_grading_ladder", "servicecodex_organization_profile"),
        "hd-18": ("servicecodex_courtesy_phrases",),
    }
    assert org.profile.id == "servicecodex-defaults"


def test_repr_never_raises() -> None:
    """A broken profile must not make the organisation impossible to print or log."""
    org = make_organization(AcmeHongKong(), ("acme-copy", AcmeHongKong()))
    with pytest.raises(sc.PluginConflictError):
        _ = org.profile
    assert "acme-copy" in repr(org)


def test_organization_factory_fixture(organization_factory: Callable[..., sc.Organization]) -> None:
    org = organization_factory(AcmeHongKong(), EcommerceLadder())
    assert org.plugins == ("AcmeHongKong", "EcommerceLadder")
    assert org.ladder.rung("junior").name.localize("zh_Hant") == "初級客服"
    assert repr(org) == "<Organization plugins=['AcmeHongKong', 'EcommerceLadder']>"
