"""Every check and job of the project.  ``nox`` alone runs the checks (tests, typecheck,
lint); ``nox -s demo`` shows the library at work; ``nox -s bench`` measures it;
``nox -s i18n`` refreshes the message catalogs."""

from __future__ import annotations

from pathlib import Path

import nox

nox.options.sessions = ["tests", "typecheck", "lint"]
nox.options.error_on_external_run = True

ROOT = Path(__file__).parent
PLUGINS = sorted(p for p in (ROOT / "plugins").iterdir() if (p / "pyproject.toml").exists())
LOCALE = "src/servicecodex/locale"
# Pinned: a new release of a checker must not turn a green tree red on its own.
MYPY = "mypy==2.4.1"
RUFF = "ruff==0.17.6"


def install_project(session: nox.Session, *extras: str) -> None:
    """servicecodex (editable, with *extras*) and every bundled organisation plugin."""
    spec = f".[{','.join(extras)}]" if extras else "."
    session.install("-e", spec, *[arg for p in PLUGINS for arg in ("-e", str(p))])


@nox.session
def tests(session: nox.Session) -> None:
    """pytest over tests/, docs/ (Sybil), src/ docstrings, and every plugin's tests and
    README."""
    install_project(session, "test")
    session.run(
        "pytest",
        "README.md",
        "tests",
        "docs",
        "src",
        *[str(p / "tests") for p in PLUGINS],
        *[str(p / "README.md") for p in PLUGINS],  # each plugin's README runs as a doctest
        "--doctest-modules",
        *session.posargs,
    )


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict over src, tests, docs' and benchmarks' code, and each plugin.

    Each group runs on its own: every folder has a ``conftest.py``, and mypy refuses two
    top-level modules of one name in one run."""
    install_project(session, "test")
    session.install(MYPY)
    groups = [["src", "benchmarks", "tools", "examples"], ["conftest.py"], ["tests"]]
    groups += [["docs/conftest.py"]]
    groups += [[str(p / "src"), str(p / "tests")] for p in PLUGINS]
    for group in groups:
        session.run("mypy", "--strict", *group)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff: lint and formatting."""
    session.install(RUFF)
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def demo(session: nox.Session) -> None:
    """What a new user sees: the installed organisations and one's policy, zh and en; an
    agent's promotion year, a payslip, and one chat checked against two phrase books."""
    install_project(session)
    session.run("servicecodex", "plugins")
    for locale in ("zh_Hans_CN", "en"):
        session.run("servicecodex", "inspect", "jingyun-warehouse", "--locale", locale)
    session.run("python", "examples/agent_year.py")
    session.run("python", "examples/month_pay.py")
    session.run("python", "examples/chat_check.py")
    session.run("python", "examples/three_orgs.py")


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmarks (not tests): import and Organization.load time (``load``); phrase
    scanning speed against pyahocorasick and a regex, and its memory (``courtesy``);
    a day's staffing against pyworkforce (``staffing``).

    ``nox -s bench`` runs them all; ``nox -s bench -- courtesy --messages 50000`` runs one,
    with its own options (``--help`` lists them)."""
    benchmarks = {
        "load": "benchmarks/bench_load.py",
        "courtesy": "benchmarks/bench_courtesy.py",
        "staffing": "benchmarks/bench_staffing.py",
    }
    install_project(session, "bench")
    if not session.posargs:
        chosen: list[tuple[str, list[str]]] = [(s, []) for s in benchmarks.values()]
    elif session.posargs[0] in benchmarks:
        chosen = [(benchmarks[session.posargs[0]], session.posargs[1:])]
    else:
        session.error(f"name a benchmark first ({', '.join(benchmarks)}), then its options")
    for script, args in chosen:
        session.run("python", script, *args)


@nox.session
def i18n(session: nox.Session) -> None:
    """Extract messages, update the catalogs, derive zh_Hant from zh_Hans, compile."""
    session.install("babel>=2.14", "opencc>=1.1.9")
    pot = f"{LOCALE}/servicecodex.pot"
    session.run(
        "pybabel",
        "extract",
        "-k",
        "N_",
        "--no-location",
        "--omit-header",
        "--sort-output",
        "-o",
        pot,
        "src/servicecodex",
    )
    session.run(
        "pybabel",
        "update",
        "-D",
        "servicecodex",
        "-i",
        pot,
        "-d",
        LOCALE,
        "-w",
        "100",
        "--no-fuzzy-matching",
        "--ignore-obsolete",
    )
    session.run("python", "tools/fill_hant.py")
    session.run("pybabel", "compile", "-D", "servicecodex", "-d", LOCALE, "--statistics")
