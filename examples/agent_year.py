"""An agent's first quarter in the e-commerce CS department (plugin ``ecommerce-ladder``).

Five agents are scored each month and ranked; the reviewer grades the quarter; then the
ladder decides, the day before and the day the agent has 3 whole months of service,
whether 王芳 is promoted from junior to intermediate (EL-07), with every condition and
the facts that decided it, in Chinese and in English.  Run by ``nox -s demo``.
"""

from __future__ import annotations

import pendulum

import servicecodex as sc

#: Monthly scores out of 100 for January, February and March 2026.
TEAM = {
    "wang-fang": (92, 95, 90),
    "li-lei": (88, 90, 93),
    "zhao-min": (85, 80, 88),
    "qian-jun": (70, 75, 72),
    "sun-li": (58, 65, 61),
}
MONTHS = (sc.Month(2026, 1), sc.Month(2026, 2), sc.Month(2026, 3))


def main() -> None:
    org = sc.Organization.load("ecommerce-ladder")
    scheme, ladder = org.appraisal_scheme, org.ladder
    (criterion,) = (c.id for c in scheme.criteria)

    cards: list[sc.Scorecard] = []
    ranks: list[sc.Rank] = []
    for index, month in enumerate(MONTHS):
        month_cards = [scheme.score(a, month, {criterion: s[index]}) for a, s in TEAM.items()]
        cards += month_cards
        ranks += sc.rank_team(month_cards)
    quarter = scheme.score("wang-fang", sc.Quarter(2026, 1), {criterion: 92}, grade="A")

    agent = sc.Agent(
        "wang-fang", "王芳", hired=pendulum.date(2026, 1, 5), rung="junior",
        rung_since=pendulum.date(2026, 1, 5),
    )  # fmt: skip
    history = sc.History(
        agent.id,
        scorecards=[c for c in cards if c.agent_id == agent.id] + [quarter],
        ranks=[r for r in ranks if r.agent_id == agent.id],
    )
    print(f"== {org.profile.name.localize('zh_Hans')} / {org.profile.name.localize('en')}")
    for month, rank in zip(MONTHS, history.ranks, strict=True):
        print(f"   {month.label('en')}: rank {rank.position} of {rank.of}")
    for as_of in (pendulum.date(2026, 4, 4), pendulum.date(2026, 4, 5)):
        decision = ladder.evaluate(agent, history, as_of)
        for locale in ("zh_Hans", "en"):
            print(f"-- {as_of} ({locale})")
            print("\n".join(decision.explain(locale)))


if __name__ == "__main__":
    main()
