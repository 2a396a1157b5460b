"""Benchmark: ``PhraseChecker.scan`` against plain pyahocorasick and a regex alternation.

Run with ``nox -s bench`` (or ``python benchmarks/bench_courtesy.py`` where servicecodex
and pyahocorasick, the ``bench`` extra, are installed).  Everything is made here from a
fixed seed, with no network: 200,000 chat messages of a Chinese web shop's customer
service (greetings, questions, order numbers, the agent's answers), about 5 % of them with
a forbidden phrase, some of those disguised (traditional script, full-width or upper-case
letters, spaces, punctuation or zero-width characters inside the phrase), and a phrase
book of 500 phrases: the real ones of the service regulations, then generated ones.

Three matchers scan the same messages:

* servicecodex: ``PhraseChecker(book).scan(messages)``, every folding on, timed twice:
  as it returns (the hits held as arrays, a list of Hit objects made per message when
  read) and with every message's list of Hit objects made, as the raw matchers make
  their tuples - the like-for-like comparison;
* pyahocorasick on the raw text, no folding: one automaton of every phrase, ``iter`` over
  each message (and, for comparison, over all messages joined into one text);
* one compiled regular expression, the alternation of every phrase (longest first),
  ``finditer`` over each message.

Each scan is timed as the best of a few repeats; building each matcher is timed apart.
The sanity checks compare what the matchers found; the memory figures come from fresh
interpreters.  Not a test: nothing here passes or fails.
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import random
import re
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple, TypeVar

import ahocorasick
import numpy  # noqa: F401 - servicecodex imports it on first use: not the fold table's cost
import opencc

import servicecodex as sc

_T = TypeVar("_T")

SEED = 20240605
FORBIDDEN_SHARE = 0.05  # of the messages, one forbidden phrase planted
DISGUISED_SHARE = 0.4  # of those, the phrase disguised
FEEDING_SHARE = 0.003  # of the messages, one about feeding a baby (喂养)

_S2T = opencc.OpenCC("s2t")

# --- the phrase book ---------------------------------------------------------------------

#: (phrase, kind, scenario, placement, unless): what service regulations really say.
REAL_PHRASES: list[tuple[str, str, str, str | None, tuple[str, ...]]] = [
    ("您好", "required", "greeting", "first_turn", ()),
    ("再见", "required", "farewell", "last_turn", ()),
    ("请稍等", "recommended", "hold", None, ()),
    ("请慢走", "recommended", "farewell", None, ()),
    ("不用谢", "recommended", "thanks", None, ()),
    ("祝您健康", "recommended", "farewell", None, ()),
    ("欢迎再来", "recommended", "farewell", None, ()),
    ("欢迎光临", "recommended", "greeting", None, ()),
    ("感谢您的耐心等待", "recommended", "hold", None, ()),
    ("请问有什么可以帮您", "recommended", "greeting", None, ()),
    ("非常抱歉", "recommended", "apology", None, ()),
    ("给您带来不便", "recommended", "apology", None, ()),
    ("谢谢您的支持", "recommended", "thanks", None, ()),
    ("喂", "forbidden", "greeting", None, ("喂养",)),
    ("不知道", "forbidden", "any", None, ()),
    ("不关我的事", "forbidden", "any", None, ()),
    ("这不是我们的问题", "forbidden", "complaint", None, ()),
    ("我们不负责任", "forbidden", "complaint", None, ()),
    ("我们不补货了", "forbidden", "out_of_stock", None, ()),
    ("你问我我问谁", "forbidden", "any", None, ()),
    ("没看见我正忙着吗", "forbidden", "any", None, ()),
    ("急什么", "forbidden", "hold", None, ()),
    ("找领导去", "forbidden", "complaint", None, ()),
    ("有意见找经理去", "forbidden", "complaint", None, ()),
    ("不是告诉你了吗", "forbidden", "any", None, ()),
    ("听不懂啊", "forbidden", "any", None, ()),
    ("爱买不买", "forbidden", "any", None, ()),
    ("不买就别问", "forbidden", "any", None, ()),
    ("嫌贵就别买", "forbidden", "any", None, ()),
    ("没有就是没有", "forbidden", "out_of_stock", None, ()),
    ("这不归我管", "forbidden", "transfer", None, ()),
    ("你去投诉吧", "forbidden", "complaint", None, ()),
    ("烦不烦", "forbidden", "any", None, ()),
    ("早干什么去了", "forbidden", "complaint", None, ()),
    ("我也没办法", "forbidden", "complaint", None, ()),
    ("自己看说明书", "forbidden", "any", None, ()),
    ("下班了明天再说", "forbidden", "any", None, ()),
    ("问别人去", "forbidden", "transfer", None, ()),
    ("你自己搞错了", "forbidden", "complaint", None, ()),
    ("sb", "forbidden", "any", None, ()),
    ("tmd", "forbidden", "any", None, ()),
    ("nmsl", "forbidden", "any", None, ()),
]

_WHO = ["", "你的", "你们的", "这个", "那个", "什么", "你那", "这种", "你这", "那些"]
_WHAT = [
    "快递",
    "退款",
    "发票",
    "尺码",
    "颜色",
    "优惠券",
    "赠品",
    "差价",
    "运费",
    "售后",
    "投诉",
    "物流",
    "订单",
    "地址",
    "包装",
    "质量",
    "色差",
    "积分",
    "会员",
    "保修",
    "换货",
    "退货",
    "预售",
    "库存",
    "价格",
    "活动",
    "红包",
    "定金",
    "尾款",
    "客服",
    "仓库",
    "厂家",
    "评价",
    "截图",
    "凭证",
    "说明书",
    "配件",
    "电池",
    "充电器",
    "面料",
]
_SAYS = [
    "不归我管",
    "别问我",
    "你自己看",
    "爱要不要",
    "关我什么事",
    "我管不了",
    "自己去查",
    "没法弄",
    "不是我们的事",
    "找快递去",
    "你自己想办法",
    "问了也白问",
    "我哪知道",
    "就这样了",
    "没得商量",
    "别烦我",
    "不想管",
    "跟我没关系",
    "你看着办",
    "我说了不算",
    "你自己的问题",
    "有什么好问的",
    "说了你也不懂",
    "等着吧",
    "明天再说吧",
]


def _generated_phrases(rng: random.Random) -> list[str]:
    """Every forbidden phrase the generator can make ("你的快递不归我管"), shuffled."""
    phrases = [who + what + says for who in _WHO for what in _WHAT for says in _SAYS]
    rng.shuffle(phrases)
    return phrases


def make_book(size: int, rng: random.Random) -> sc.PhraseBook:
    """A zh_Hans phrase book of *size* entries: the real phrases, then generated ones."""
    entries: list[sc.PhraseEntry] = []
    seen: set[str] = set()

    def add(
        phrase: str, kind: str, scenario: str, placement: str | None, unless: tuple[str, ...]
    ) -> None:
        key = sc.fold(phrase).text
        if key in seen or len(entries) >= size:
            return
        seen.add(key)
        number = len(entries)
        cite = sc.Citation(f"BM-{number % 999 + 1:03d}", f"第四条.{number + 1}")
        instead = "您好" if phrase == "喂" else None
        entries.append(
            sc.PhraseEntry(
                phrase,
                kind,
                scenario,
                cite,
                instead=instead,
                placement=placement,
                unless=unless,
            )
        )

    for phrase, kind, scenario, placement, unless in REAL_PHRASES:
        add(phrase, kind, scenario, placement, unless)
    for phrase in _generated_phrases(rng):
        add(phrase, "forbidden", "any", None, ())
    if len(entries) < size:
        raise SystemExit(f"the generator makes only {len(entries)} distinct phrases")
    return sc.PhraseBook("zh_Hans", entries)


# --- the messages ------------------------------------------------------------------------

_PRODUCTS = ["连衣裙", "羽绒服", "运动鞋", "奶瓶", "蓝牙耳机", "保温杯", "床单", "口红", "书包"]
_COLORS = ["黑色", "白色", "藏青", "米色", "酒红", "浅灰"]
_SIZES = ["S", "M", "L", "XL", "XXL", "36", "38", "40"]
_CITIES = ["杭州", "广州", "成都", "北京", "苏州", "西安", "武汉", "长沙"]
_SHOPS = ["云锦旗舰店", "小熊母婴", "青橙数码", "暖居家纺"]
_CUSTOMER = [
    "在吗",
    "亲，在吗？",
    "你好",
    "hello",
    "有人吗？？",
    "这款{p}有{c}的吗？",
    "{p}什么时候发货？",
    "能便宜点吗",
    "{s}码还有货吗",
    "包邮吗？",
    "可以开发票吗",
    "我的快递怎么还没到，都{n}天了",
    "怎么申请退款？",
    "优惠券怎么用不了",
    "{p}是正品吗",
    "订单号{o}",
    "我昨天拍的{p}，订单号是{o}",
    "快递单号SF{o}",
    "地址写错了，能改成{city}吗",
    "已经付款了，麻烦尽快发货",
    "收到的{p}有质量问题，怎么办",
    "好的，谢谢",
    "嗯嗯",
    "知道了",
    "那我再等等吧",
    "尺码偏大还是偏小？我平时穿{s}",
    "[图片]",
]
_AGENT = [
    "您好，欢迎光临{shop}，请问有什么可以帮您？",
    "亲，您好！",
    "请稍等，正在为您查询订单",
    "{p}今天下午{h}点前发货哦",
    "给您备注了，请放心",
    "不用谢，祝您购物愉快",
    "感谢您的耐心等待",
    "再见，欢迎再来",
    "祝您健康，再见",
    "已经为您申请退款，预计{n}个工作日到账",
    "这款{p}目前库存{n}件，{c}和{s}码都有",
    "非常抱歉给您带来不便",
    "亲，{city}仓发货，一般{n}天能到",
    "建议您拍{s}码",
    "好的亲",
    "谢谢您的支持，请慢走",
    "收到，马上为您处理",
]
_JOINS = ["，", "。", " ", "！", "", "~", "？", "\n"]
_ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
_PUNCT = ["，", "。", "、", "-", "_", ".", "*", "~", "/", "|", "！"]


def _fill(template: str, rng: random.Random) -> str:
    return template.format(
        p=rng.choice(_PRODUCTS),
        c=rng.choice(_COLORS),
        s=rng.choice(_SIZES),
        city=rng.choice(_CITIES),
        shop=rng.choice(_SHOPS),
        n=rng.randint(1, 9),
        h=rng.randint(13, 18),
        o=rng.randint(10**11, 10**12 - 1),
    )


def _sprinkle(phrase: str, rng: random.Random, pool: Sequence[str]) -> str:
    """*phrase* with one to three characters of *pool* put between its characters."""
    chars = list(phrase)
    for _ in range(rng.randint(1, 3)):
        chars.insert(rng.randint(1, len(chars) - 1), rng.choice(pool))
    return "".join(chars)


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def disguise(phrase: str, rng: random.Random) -> tuple[str, str]:
    """*phrase* written so that a raw matcher misses it: (how, the new writing)."""
    ways = ["traditional", "spaces", "punctuation", "zero-width", "mixed"]
    if phrase.isascii():
        ways = ["upper", "full-width", "spaces", "punctuation", "zero-width"]
    while True:
        how = rng.choice(ways)
        if how == "traditional":
            text = _S2T.convert(phrase)
        elif how == "upper":
            text = phrase.upper()
        elif how == "full-width":
            text = _full_width(phrase.upper() if rng.random() < 0.5 else phrase)
        elif how == "spaces":
            text = _sprinkle(phrase, rng, [" ", "\u3000", "\u00a0"])
        elif how == "punctuation":
            text = _sprinkle(phrase, rng, _PUNCT)
        elif how == "zero-width":
            text = _sprinkle(phrase, rng, _ZERO_WIDTH)
        else:  # mixed: traditional script with a zero-width space and a space inside
            text = _sprinkle(_S2T.convert(phrase), rng, [*_ZERO_WIDTH, " "])
        if phrase not in text:
            return how, text


class Planted(NamedTuple):
    """The forbidden phrase put into one message, and how it was disguised (or not)."""

    phrase: str
    how: str | None


def make_messages(
    count: int, book: sc.PhraseBook, rng: random.Random
) -> tuple[list[str], list[Planted | None]]:
    """*count* chat messages, and for each what was planted in it."""
    forbidden = [e.phrase for e in book.of_kind(sc.PhraseKind.FORBIDDEN)]
    real = [p for p in forbidden if p in {r[0] for r in REAL_PHRASES}]
    messages: list[str] = []
    planted: list[Planted | None] = []
    for _ in range(count):
        pool = _AGENT if rng.random() < 0.5 else _CUSTOMER
        parts = [_fill(rng.choice(pool), rng) for _ in range(rng.choice((1, 1, 1, 2, 2, 3)))]
        if rng.random() < FEEDING_SHARE:  # 喂 is forbidden, but not in 喂养
            parts.append("这款奶瓶适合新生儿喂养吗？")
        plant: Planted | None = None
        if rng.random() < FORBIDDEN_SHARE:
            phrase = rng.choice(real if rng.random() < 0.5 else forbidden)
            if rng.random() < DISGUISED_SHARE and len(phrase) > 1:
                how, said = disguise(phrase, rng)
                plant = Planted(phrase, how)
            else:
                said = phrase
                plant = Planted(phrase, None)
            parts.insert(rng.randint(0, len(parts)), said)
        text = parts[0]
        for part in parts[1:]:
            text += rng.choice(_JOINS) + part
        messages.append(text)
        planted.append(plant)
    return messages, planted


# --- the matchers ------------------------------------------------------------------------

#: One match: (start, end, phrase) in the original message.
Match = tuple[int, int, str]


def build_pyahocorasick(phrases: Sequence[str]) -> Any:
    automaton = ahocorasick.Automaton()
    for phrase in phrases:
        automaton.add_word(phrase, phrase)
    automaton.make_automaton()
    return automaton


def scan_pyahocorasick(automaton: Any, messages: Sequence[str]) -> list[list[Match]]:
    out: list[list[Match]] = []
    for message in messages:
        found: list[Match] = []
        for end, phrase in automaton.iter(message):
            found.append((end - len(phrase) + 1, end + 1, phrase))
        out.append(found)
    return out


def scan_pyahocorasick_joined(automaton: Any, messages: Sequence[str]) -> list[list[Match]]:
    """One ``iter`` over the messages joined by newlines (no phrase holds one), each match
    mapped back to its message."""
    import bisect

    starts = []
    at = 0
    for message in messages:
        starts.append(at)
        at += len(message) + 1
    out: list[list[Match]] = [[] for _ in messages]
    for end, phrase in automaton.iter("\n".join(messages)):
        start = end - len(phrase) + 1
        i = bisect.bisect_right(starts, start) - 1
        out[i].append((start - starts[i], end + 1 - starts[i], phrase))
    return out


def build_regex(phrases: Sequence[str]) -> re.Pattern[str]:
    re.purge()  # a repeat must compile, not find the pattern in re's cache
    return re.compile("|".join(map(re.escape, sorted(phrases, key=len, reverse=True))))


def scan_regex(pattern: re.Pattern[str], messages: Sequence[str]) -> list[list[Match]]:
    return [[(m.start(), m.end(), m.group()) for m in pattern.finditer(t)] for t in messages]


def best_of(repeats: int, action: Callable[[], object]) -> tuple[float, Any]:
    """The shortest of *repeats* runs of *action*, and what it returned."""
    best, result = float("inf"), None
    for _ in range(repeats):
        result = None  # the last run's result is garbage, not more for the collector to walk
        gc.collect()
        start = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - start)
    return best, result


def timed(action: Callable[[], object]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


# --- memory, in a fresh interpreter ------------------------------------------------------


def _status_kib(field: str) -> int | None:
    """A field of /proc/self/status (VmRSS, VmHWM) in KiB, ``None`` off Linux."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def _reset_peak() -> bool:
    """Set the peak resident size (VmHWM, ``ru_maxrss``) back to the current one (Linux
    4.0 and later); whether that worked."""
    try:
        with open("/proc/self/clear_refs", "w") as refs:
            refs.write("5")
    except OSError:
        return False
    return True


class _Meter:
    """How much memory one step takes: its peak and what it leaves behind, above what was
    held before it.  Resident size (VmRSS, VmHWM: everything, Python, numpy, Rust, C++)
    or, if *traced*, tracemalloc's count (Python objects and numpy arrays only)."""

    def __init__(self, traced: bool) -> None:
        self.traced = traced
        self.peak_reset = True
        if traced:
            tracemalloc.start()

    def _now(self) -> int:
        if self.traced:
            return tracemalloc.get_traced_memory()[0]
        return 1024 * (_status_kib("VmRSS") or 0)

    def step(self, action: Callable[[], _T]) -> tuple[_T, int, int]:
        """What *action* returned, its peak and what it kept, in bytes."""
        gc.collect()
        if self.traced:
            tracemalloc.reset_peak()
        else:
            self.peak_reset &= _reset_peak()
        before = self._now()
        result = action()
        if self.traced:
            peak = tracemalloc.get_traced_memory()[1]
        else:
            peak = 1024 * (_status_kib("VmHWM") or 0)
        return result, peak - before, self._now() - before


def memory_child(matcher: str, phrases: int, messages: int, traced: bool) -> dict[str, Any]:
    """In this fresh interpreter, with servicecodex and pyahocorasick imported: build the
    fold table (servicecodex only), make the data, build a matcher of *phrases* phrases and
    scan *messages* messages with it, keeping the hits; the memory each step took."""
    meter = _Meter(traced)
    out: dict[str, Any] = {}
    if matcher == "servicecodex":
        _, out["table_peak"], out["table_kept"] = meter.step(lambda: sc.fold("您好"))
    else:
        ahocorasick.Automaton()  # the module's own set-up is not the matcher's
        out["table_peak"] = out["table_kept"] = 0
    rng = random.Random(SEED)
    book = make_book(phrases, rng)
    texts, _ = make_messages(messages, book, rng)
    wordings = [w for e in book.entries for w in e.wordings]

    def build() -> Any:
        if matcher == "servicecodex":
            return sc.PhraseChecker(book)
        return build_pyahocorasick(wordings)

    built, out["build_peak"], out["build_kept"] = meter.step(build)

    def scan() -> object:
        if matcher == "servicecodex":
            return built.scan(texts)
        return scan_pyahocorasick(built, texts)

    _, out["scan_peak"], out["scan_kept"] = meter.step(scan)
    out["peak_reset"] = meter.peak_reset
    out["maxrss"] = 1024 * resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return out


def run_memory_child(matcher: str, phrases: int, messages: int, traced: bool) -> dict[str, Any]:
    command = [sys.executable, __file__, "--memory-child", matcher, "--memory-phrases"]
    command += [str(phrases), "--messages", str(messages)] + (["--traced"] if traced else [])
    done = subprocess.run(command, check=True, capture_output=True, text=True)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


# --- the report --------------------------------------------------------------------------


def _mib(size: int) -> str:
    return f"{size / 2**20:7.1f} MiB"


def _sanity(
    book: sc.PhraseBook,
    messages: Sequence[str],
    planted: Sequence[Planted | None],
    ours: list[list[sc.Hit]],
    raw: list[list[Match]],
    regex: list[list[Match]],
) -> None:
    forbidden = {sc.fold(e.phrase).text for e in book.of_kind(sc.PhraseKind.FORBIDDEN)}
    excuses = {sc.fold(u).text for e in book.entries for u in e.unless}
    plain = [i for i, p in enumerate(planted) if p is None or p.how is None]
    ours_set = {
        (i, h.start, h.end, sc.fold(h.wording).text)
        for i in plain
        for h in ours[i]
        if h.entry.kind is sc.PhraseKind.FORBIDDEN
    }
    raw_set = {(i, s, e, p) for i in plain for s, e, p in raw[i] if p in forbidden}
    missed = raw_set - ours_set
    excused = {
        m for m in missed if any(u in messages[m[0]] and m[3] in u for u in excuses)
    }  # e.g. 喂 inside 喂养: the entry's own exception
    extra = ours_set - raw_set
    print()
    print(f"sanity, {len(plain):,} messages with no disguised phrase (forbidden-phrase hits):")
    print(f"  pyahocorasick {len(raw_set):8,}   servicecodex {len(ours_set):8,}")
    unexplained = missed - excused
    if not unexplained:
        print(
            "  servicecodex finds every match pyahocorasick finds, but for"
            f" {len(excused):,} excused by the entry's own exception (喂 in 喂养)"
        )
    else:
        print(f"  !! servicecodex MISSES {len(unexplained):,} matches pyahocorasick finds, e.g.")
        for i, s, e, p in sorted(unexplained)[:5]:
            print(f"     message {i}: {messages[i]!r} [{s}:{e}] {p}")
    print(
        f"  servicecodex finds {len(extra):,} more (phrases across punctuation, spaces or"
        " in upper case in ordinary text)"
    )
    for i, s, e, _ in sorted(extra)[:3]:
        print(f"     e.g. {messages[i][s:e]!r} in {messages[i]!r}")

    disguised = [(i, p) for i, p in enumerate(planted) if p is not None and p.how is not None]
    print(f"sanity, {len(disguised):,} messages with a disguised forbidden phrase (that phrase):")
    print(
        f"  {'disguise':12} {'planted':>8} {'servicecodex':>13} {'pyahocorasick':>14} {'regex':>6}"
    )
    for how in [*sorted({p.how or "" for _, p in disguised}), "all"]:
        these = [(i, p.phrase) for i, p in disguised if how in ("all", p.how)]
        ours_n = sum(any(h.entry.phrase == phrase for h in ours[i]) for i, phrase in these)
        raw_n = sum(any(m[2] == phrase for m in raw[i]) for i, phrase in these)
        regex_n = sum(any(m[2] == phrase for m in regex[i]) for i, phrase in these)
        print(f"  {how:12} {len(these):8,} {ours_n:13,} {raw_n:14,} {regex_n:6,}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=200_000)
    parser.add_argument("--phrases", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--memory-phrases", type=int, default=10_000)
    parser.add_argument("--no-memory", action="store_true", help="skip the memory figures")
    parser.add_argument("--memory-child", choices=["servicecodex", "pyahocorasick"])
    parser.add_argument("--traced", action="store_true")
    args = parser.parse_args()
    if args.memory_child:
        child = memory_child(args.memory_child, args.memory_phrases, args.messages, args.traced)
        print(json.dumps(child))
        return

    table, _ = timed(lambda: sc.fold("您好"))  # the fold table, once per process
    rng = random.Random(SEED)
    made, book = timed(lambda: make_book(args.phrases, rng))
    made_msgs, (messages, planted) = timed(lambda: make_messages(args.messages, book, rng))
    wordings = [w for e in book.entries for w in e.wordings]
    kinds = [e.kind for e in book.entries]
    chars = sum(map(len, messages))
    with_plant = sum(p is not None for p in planted)
    disguised = sum(p is not None and p.how is not None for p in planted)
    print(
        f"python {platform.python_version()}, {platform.machine()}, seed {SEED},"
        f" best of {args.repeats}"
    )
    print(
        f"book: {len(book.entries)} entries ({kinds.count(sc.PhraseKind.FORBIDDEN)} forbidden,"
        f" {kinds.count(sc.PhraseKind.REQUIRED)} required,"
        f" {kinds.count(sc.PhraseKind.RECOMMENDED)} recommended), made in {made:.2f} s"
    )
    print(
        f"messages: {len(messages):,}, {chars / len(messages):.1f} characters on average;"
        f" {with_plant:,} with a planted forbidden phrase, {disguised:,} of them disguised;"
        f" made in {made_msgs:.2f} s"
    )

    build_sc, checker = best_of(args.repeats, lambda: sc.PhraseChecker(book))
    scan_sc, hits = best_of(args.repeats, lambda: checker.scan(messages))
    # The same, and every hit made a Hit object in a list per message, as the raw matchers
    # below make their tuples: the fair comparison with them.
    scan_obj, ours = best_of(args.repeats, lambda: list(checker.scan(messages)))
    build_ac, automaton = best_of(args.repeats, lambda: build_pyahocorasick(wordings))
    scan_ac, raw = best_of(args.repeats, lambda: scan_pyahocorasick(automaton, messages))
    scan_acj, raw_joined = best_of(
        args.repeats, lambda: scan_pyahocorasick_joined(automaton, messages)
    )
    build_re, pattern = best_of(args.repeats, lambda: build_regex(wordings))
    scan_re, regex = best_of(args.repeats, lambda: scan_regex(pattern, messages))
    if raw_joined != raw:
        print("!! pyahocorasick joined and per message disagree")

    rows = [
        ("servicecodex scan (hits as arrays)", build_sc, scan_sc, hits.total),
        ("servicecodex scan, a Hit object each", build_sc, scan_obj, sum(map(len, ours))),
        ("pyahocorasick, iter per message", build_ac, scan_ac, sum(map(len, raw))),
        ("pyahocorasick, iter over joined text", build_ac, scan_acj, sum(map(len, raw_joined))),
        ("re alternation, finditer per message", build_re, scan_re, sum(map(len, regex))),
    ]
    print()
    print(f"{'matcher':38} {'build':>9} {'scan':>9} {'messages/s':>11} {'matches':>9}")
    for name, build, scan, found in rows:
        rate = len(messages) / scan
        print(f"{name:38} {1000 * build:6.1f} ms {scan:7.3f} s {rate:11,.0f} {found:9,}")
    print(
        f"(servicecodex also builds its fold table once per process, on first use: {table:.2f} s)"
    )
    print("ratio servicecodex / pyahocorasick per message (speed; above 1: servicecodex faster):")
    print(
        f"  hits as Hit objects: {scan_ac / scan_obj:.2f}   hits as arrays: {scan_ac / scan_sc:.2f}"
    )
    print(f"ratio servicecodex / pyahocorasick joined:  {scan_acj / scan_obj:.2f}")
    print(f"ratio servicecodex / re alternation:        {scan_re / scan_obj:.2f}")

    _sanity(book, messages, planted, ours, raw, regex)

    if args.no_memory:
        return
    print()
    print(
        f"memory, {args.memory_phrases:,}-phrase book, scanning the same {len(messages):,}"
        " messages, hits kept; each matcher in a fresh interpreter, after the imports"
        " (servicecodex, numpy, OpenCC, pyahocorasick):"
    )
    print(
        f"  {'':28} {'table peak':>11} {'kept':>11} {'build peak':>11} {'kept':>11}"
        f" {'scan peak':>11} {'kept':>11}"
    )
    for matcher in ("servicecodex", "pyahocorasick"):
        for traced in (False, True):
            m = run_memory_child(matcher, args.memory_phrases, len(messages), traced)
            label = f"{matcher}, {'tracemalloc' if traced else 'resident'}"
            print(
                f"  {label:28} {_mib(m['table_peak'])} {_mib(m['table_kept'])}"
                f" {_mib(m['build_peak'])}"
                f" {_mib(m['build_kept'])} {_mib(m['scan_peak'])} {_mib(m['scan_kept'])}"
            )
            if not traced and not m["peak_reset"]:
                print("  (could not reset the peak: the resident peaks are too low)")
    print(
        "  resident: rise of the peak resident size (VmHWM, reset before each step) over the"
        " resident size before it: everything, Python, numpy, Rust, C++;"
    )
    print(
        "  kept: what the step left (the table, the matcher, the hits; resident also counts"
        " freed memory the allocator keeps);"
    )
    print("  tracemalloc: Python objects and numpy arrays only, not Rust or C++.")


if __name__ == "__main__":
    main()
