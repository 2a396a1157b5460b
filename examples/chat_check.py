"""One customer chat checked against two organisations' phrase books.

The same agent answers the same customer; the call-centre book (plugin
``callcenter-general``: 三要三不, CC-05/CC-06) and the hospital desk's (``hospital-desk``:
HD-16..HD-18) judge it differently.  Each finding names its rule, the turn, the span of
the original text and what to say instead, in Chinese and in English; the customer's
waits come last.  Run by ``nox -s demo``.
"""

from __future__ import annotations

import pendulum

import servicecodex as sc


def at(minute: int, second: int = 0) -> pendulum.DateTime:
    return pendulum.datetime(2026, 3, 2, 9, minute, second, tz="Asia/Shanghai")


CHAT = sc.Transcript(
    [
        sc.Turn("customer", at(0), "喂？有人吗"),
        sc.Turn("agent", at(0, 40), "喂，你好"),
        sc.Turn("customer", at(1), "我的预订怎么取消？"),
        sc.Turn("agent", at(2, 30), "這個我不 知-道，不關我的事"),
        sc.Turn("customer", at(3), "好吧，谢谢"),
        sc.Turn("agent", at(3, 5), "嗯"),
    ]
)


def main() -> None:
    for plugin in ("callcenter-general", "hospital-desk"):
        org = sc.Organization.load(plugin)
        check = org.phrase_checker().check(CHAT)
        print(f"== {org.profile.name.localize('zh_Hans')} ({plugin})")
        for finding in check.findings:
            where = "-" if finding.turn is None else finding.turn + 1
            said = "" if finding.span is None else f" [{finding.span[0]}:{finding.span[1]}]"
            print(f"  {finding.rule_id:6} turn {where}{said} {finding.kind.localize('en')}")
        for locale in ("zh_Hans", "en"):
            for line in check.explain(locale):
                print(f"  {line}")
        print()
    print("customer waits:")
    for wait in CHAT.response_times():
        seconds = "no reply" if wait.waited is None else f"{wait.waited.in_seconds()} s"
        print(f"  turn {wait.turn + 1}: {seconds}")


if __name__ == "__main__":
    main()
