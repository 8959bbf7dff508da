"""Web server load test: ``corroborate serve`` over a 10,000-article store, 50 concurrent clients, 60 s.

    .venv/bin/python bench/serve.py [--articles 10000] [--clients 50] [--duration 60] [--hot N] [--no-warm]
                                    [--gate] [-v]

1. Store: the example corpus (22 articles, 11 outlets) replicated to N articles and run through the
   whole pipeline (``service.run``: ingest, copies, stories, who said what, cross-check). Built once and
   cached as ``bench/results/serve-store-N.duckdb`` (``--rebuild`` to redo it; 10,010 articles took
   27 min on one core, 1.1 GB peak; ``-v`` logs its progress). A cached store is only opened for
   writing to migrate it to the current schema; the server gets a copy of it.

   ``bench/ingest.py``'s ``replicate`` is not used as is: its copies differ by URLs and one sentence, so
   the analysis rightly finds every copy to be a copy of every other (pairs grow with the square of the
   copies) and joins all copies of an event into one story: 1,100 articles gave 6 stories of up to 350
   articles and 34,450 copy pairs, and 10,000 articles were killed for memory at 24 GB. A server
   holds many small stories, so each copy here is a different set of events instead: copy k of every
   article is its cleaned text (as the pipeline stored it) with proper nouns and long words replaced by
   invented words, the same replacement across copy k's articles (so its stories, speakers and
   contradictions keep their shape), dates moved by k * 60 days (beyond the clustering window), and its
   own ids and URLs. Function words, cue verbs ("said", "denied"), months and weekdays are kept.
2. Server: ``corroborate serve`` (one uvicorn process) on a free loopback port, started as a subprocess.
   It prepares every story's answers in the background (its warmer); the load starts once ``/api/status``
   says it is done, and the time that took, the answers and their memory are printed. ``--no-warm``
   starts it without the warmer: every answer is then made on its first request (the figures before the
   warmer existed); ``--during-warmup`` starts the load at once, while the warmer runs.
3. One at a time, before the load: a sample of each route's URLs requested once (cold: first hits; the
   app caches answers until the next write) and then again (warm: the service time with no queueing),
   with the mean answer size.
4. Load: ``--clients`` closed-loop clients (asyncio, each with its own keep-alive HTTP/1.1 connection,
   in this process, not the server's) for ``--duration`` seconds, each request picking one of four
   routes at random with equal weight and a random id: ``/stories/{id}`` (the HTML brief),
   ``/api/stories``, ``/api/stories/{id}``, ``/api/articles/{id}``. Ids are drawn uniformly from the
   whole store (most requests are then first hits), or with ``--hot N`` from the N newest stories and
   their articles only (mostly cache hits).
   Per route and overall: requests, requests/s, errors (status other than 200, or a transport
   error/timeout), p50/p95/p99/max latency.
5. Verdict: target p95 < 150 ms overall and on every route, and no errors. ``--gate`` exits 1 when it
   is missed. Figures are written to ``bench/results/serve.json``.

The machine's cores are shared by the server and the clients (the CPU each used is printed), so the
figures are a floor for a server with the machine to itself.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import http.client
import json
import logging
import os
import random
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "results"
sys.path.insert(0, str(ROOT / "src"))

from corroborate import service  # noqa: E402
from corroborate.settings import Settings  # noqa: E402
from corroborate.store import Store  # noqa: E402

CORPUS = ROOT / "examples" / "corpus"
_URL = re.compile(r"(https?://[^/\s\"'<>]+)/")
TARGET_P95_MS = 150.0
ROUTES = ("story_page", "api_stories", "api_story", "api_article")


COPY_SHIFT_DAYS = 60  # between copies: more than the clustering window (ClusterParams.window_days, 45)
_TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
_KEEP = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}  # fmt: skip
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]


class Cipher:
    """Copy k's consistent replacement of proper nouns and long words by invented words."""

    def __init__(self, copy: int, keep: set[str], cues: set[str]) -> None:
        self.copy = copy
        self.keep = keep
        self.cues = cues
        self.memo: dict[str, str] = {}

    def _is_cue(self, lower: str) -> bool:
        return any(lower.startswith(c[:-1] if c.endswith("e") else c) and len(lower) - len(c) <= 3 for c in self.cues)

    def word(self, token: str) -> str:
        lower = token.lower()
        if lower in self.keep or not (token[0].isupper() or len(token) >= 7):
            return token
        if lower not in self.memo:
            if self._is_cue(lower):
                self.keep.add(lower)
                return token
            rng = random.Random(f"{self.copy}:{lower}")
            self.memo[lower] = "".join(rng.choice(_SYLLABLES) for _ in range(max(2, (len(token) + 1) // 2)))
        new = self.memo[lower]
        if token.isupper() and len(token) > 1:
            return new.upper()
        return new.capitalize() if token[0].isupper() else new

    def __call__(self, text: str | None) -> str | None:
        return _TOKEN.sub(lambda m: self.word(m.group(0)), text) if text else text


def shift(published: str | None, days: int) -> str | None:
    if not published:
        return published
    day = dt.date.fromisoformat(published[:10]) + dt.timedelta(days=days)
    return day.isoformat() + published[10:]


def distinct_copies(target: int, dest: Path, work: Path) -> int:
    """Write JSONL copies of the example corpus into dest, each copy its own events; returns the count."""
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.es.stop_words import STOP_WORDS as ES

    base = work / "base.duckdb"
    service.run([str(CORPUS)], Settings(db=str(base), workers=1))
    articles = service.report(Settings(db=str(base)))["articles"]
    cues = set(json.loads((ROOT / "src" / "corroborate" / "analyze" / "cues.json").read_text())["cues"])
    keep = {w.lower() for w in EN | ES} | _KEEP
    dest.mkdir(parents=True, exist_ok=True)
    copies = -(-target // len(articles))
    for k in range(copies):
        cipher = Cipher(k, keep, cues)
        days = k * COPY_SHIFT_DAYS
        lines = []
        for a in articles:
            record = {
                "id": f"{a['id']}-copy{k}",
                "source": a["source"],
                "url": _URL.sub(rf"\g<1>/copy{k}/", a["url"] + " ").strip() if a["url"] else None,
                "title": cipher(a["title"]) or "",
                "published": shift(a["published"], days),
                "text": cipher(a["text"]),
            }
            lines.append(json.dumps(record, ensure_ascii=False))
        (dest / f"copy{k:05d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return copies * len(articles)


def build_store(articles: int, workers: int, rebuild: bool) -> Path:
    """The cached store of the example corpus replicated to ``articles`` articles (built if missing)."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    db = RESULTS / f"serve-store-{articles}.duckdb"
    if db.exists() and not rebuild:
        Store.open(str(db)).close()  # opening for writing migrates a store cached by an older schema version
        return db
    work = Path(tempfile.mkdtemp(prefix="corroborate-serve-bench-"))
    try:
        t0 = time.perf_counter()
        n = distinct_copies(articles, work / "corpus", work)
        print(f"replicated the example corpus to {n} articles in {time.perf_counter() - t0:.1f} s", flush=True)
        partial = work / "store.duckdb"
        t0 = time.perf_counter()
        result = service.run([str(work / "corpus")], Settings(db=str(partial), workers=workers))
        print(
            f"built the store ({result.articles_in_store} articles, {len(result.ingest.rejects)} rejects, "
            f"{result.ingest.new_stories} stories) in {time.perf_counter() - t0:.0f} s",
            flush=True,
        )
        for suffix in ("", ".wal"):
            target = Path(str(db) + suffix)
            target.unlink(missing_ok=True)
            if Path(str(partial) + suffix).exists():
                shutil.move(str(partial) + suffix, target)
        return db
    finally:
        shutil.rmtree(work, ignore_errors=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int, log: Path, warm: bool = True) -> subprocess.Popen:
    env = dict(os.environ)
    env.pop("CORROBORATE_TOKEN", None)
    command = [sys.executable, "-m", "corroborate", "serve", "--db", str(db), "--host", "127.0.0.1"]
    command += ["--port", str(port)]
    with log.open("wb") as out:
        proc = subprocess.Popen(
            command + ([] if warm else ["--no-warm"]),
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=str(ROOT),
        )
    deadline = time.monotonic() + 120
    while True:
        if proc.poll() is not None:
            sys.exit(f"corroborate serve exited with {proc.returncode}:\n{log.read_text(errors='replace')}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/openapi.json")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            pass
        if time.monotonic() > deadline:
            proc.kill()
            sys.exit(f"corroborate serve did not answer in 120 s:\n{log.read_text(errors='replace')}")
        time.sleep(0.3)


def wait_warm(port: int, timeout: float = 1800.0) -> dict:
    """Poll ``/api/status`` until the server has prepared its answers (or filled its cache)."""
    deadline = time.monotonic() + timeout
    while True:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/api/status")
        status = json.loads(conn.getresponse().read())
        conn.close()
        if status["warm"] is None or status["warm"]["state"] != "warming":
            return status
        if time.monotonic() > deadline:
            sys.exit(f"the server was still preparing its answers after {timeout:.0f} s: {status}")
        time.sleep(1.0)


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def peak_rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def cpu_seconds(pid: int | None = None) -> float:
    """CPU time (user + system) of a process: this one, or another by pid (from /proc)."""
    if pid is None:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def url_for(route: str, rng: random.Random, story_ids: list[str], article_ids: list[str]) -> str:
    if route == "story_page":
        return f"/stories/{rng.choice(story_ids)}"
    if route == "api_stories":
        return "/api/stories"
    if route == "api_story":
        return f"/api/stories/{rng.choice(story_ids)}"
    return f"/api/articles/{rng.choice(article_ids)}"


def percentile(sorted_values: list[float], q: float) -> float:
    """Nearest-rank percentile of an already sorted list."""
    if not sorted_values:
        return float("nan")
    rank = max(1, min(len(sorted_values), round(q / 100 * len(sorted_values) + 0.5)))
    return sorted_values[rank - 1]


def summarize(latencies: list[float], errors: int, seconds: float) -> dict:
    values = sorted(latencies)
    return {
        "requests": len(values),
        "errors": errors,
        "rps": len(values) / seconds if seconds else 0.0,
        "p50_ms": percentile(values, 50) * 1e3,
        "p95_ms": percentile(values, 95) * 1e3,
        "p99_ms": percentile(values, 99) * 1e3,
        "max_ms": (values[-1] * 1e3) if values else float("nan"),
    }


class Connection:
    """A minimal HTTP/1.1 keep-alive client over asyncio streams: GET only, one request at a time.

    httpx cost about 5 ms of client CPU per request here, and the clients share the machine's two cores
    with the server; this costs a fraction of that, so the figures measure the server, not the clients."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            try:
                await self.writer.wait_closed()
            except OSError:
                pass
        self.reader = self.writer = None

    async def get(self, path: str) -> tuple[int, int]:
        """(status, body bytes); raises on a broken connection (the caller counts an error)."""
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nAccept: */*\r\n\r\n".encode())
        await self.writer.drain()
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
        size = 0
        if "content-length" in headers:
            size = int(headers["content-length"])
            await self.reader.readexactly(size)
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            while True:
                n = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                await self.reader.readexactly(n + 2)
                size += n
                if n == 0:
                    break
        else:
            size = len(await self.reader.read())
            headers["connection"] = "close"
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status, size


async def timed_get(conn: Connection, path: str, timeout: float) -> tuple[float, bool, int, str]:
    """(seconds, ok, body bytes, what went wrong)."""
    t0 = time.perf_counter()
    try:
        status, size = await asyncio.wait_for(conn.get(path), timeout)
        return time.perf_counter() - t0, status == 200, size, f"{status} {path}"
    except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError, ValueError) as exc:
        await conn.close()
        return time.perf_counter() - t0, False, 0, f"{type(exc).__name__} {path}"


async def one_at_a_time(
    host: str, port: int, story_ids: list[str], article_ids: list[str], sample: int, seed: int
) -> tuple[dict, dict]:
    """Cold, then warm: a sample of each route's URLs requested one at a time, twice. The first round are
    first hits (cache misses), the second the same URLs again (served from the app's cache): the service
    time of a request with no queueing. Rows also give the mean answer size."""
    rng = random.Random(seed + 1)
    urls = {route: sorted({url_for(route, rng, story_ids, article_ids) for _ in range(sample)}) for route in ROUTES}
    conn = Connection(host, port)
    rounds = []
    for _ in range(2):
        out = {}
        for route in ROUTES:
            latencies, errors, size = [], 0, 0
            for url in urls[route]:
                seconds, ok, n, _ = await timed_get(conn, url, 120)
                latencies.append(seconds)
                errors += not ok
                size += n
            out[route] = summarize(latencies, errors, sum(latencies)) | {"kb": size / len(urls[route]) / 1e3}
        rounds.append(out)
    await conn.close()
    return rounds[0], rounds[1]


async def load(
    host: str, port: int, story_ids: list[str], article_ids: list[str], clients: int, duration: float, seed: int
) -> tuple[dict[str, list[float]], dict[str, int], dict[str, str], float]:
    """``clients`` closed-loop clients, each on its own keep-alive connection, until the deadline."""
    latencies: dict[str, list[float]] = {route: [] for route in ROUTES}
    errors: dict[str, int] = dict.fromkeys(ROUTES, 0)
    examples: dict[str, str] = {}
    start = time.perf_counter()
    deadline = start + duration

    async def one_client(n: int) -> None:
        rng = random.Random(seed * 1000 + n)
        conn = Connection(host, port)
        while time.perf_counter() < deadline:
            route = rng.choice(ROUTES)
            seconds, ok, _, problem = await timed_get(conn, url_for(route, rng, story_ids, article_ids), 30)
            latencies[route].append(seconds)
            if not ok:
                errors[route] += 1
                examples.setdefault(route, problem)
        await conn.close()

    await asyncio.gather(*(one_client(n) for n in range(clients)))
    return latencies, errors, examples, time.perf_counter() - start


def print_table(title: str, rows: dict[str, dict]) -> None:
    print(f"\n{title}")
    sizes = all("kb" in r for r in rows.values())
    print(
        f"{'route':<14}{'requests':>9}{'req/s':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}"
        + (f"{'kB':>9}" if sizes else "")
    )
    for name, r in rows.items():
        print(
            f"{name:<14}{r['requests']:>9}{r['rps']:>9.1f}{r['errors']:>8}{r['p50_ms']:>9.1f}{r['p95_ms']:>9.1f}"
            f"{r['p99_ms']:>9.1f}{r['max_ms']:>9.1f}" + (f"{r['kb']:>9.1f}" if sizes else "")
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000, help="articles in the store [10000]")
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients [50]")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load [60]")
    parser.add_argument("--cold-sample", type=int, default=10, help="URLs per route in the cold pass [10]")
    parser.add_argument("--build-workers", type=int, default=1, help="processes for building the store [1]")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached store")
    parser.add_argument(
        "--hot",
        type=int,
        default=0,
        help="draw ids from only the N newest stories and their articles (a working set that fits the app's "
        "cache); 0 = every id, uniformly [0]",
    )
    parser.add_argument(
        "--no-warm",
        action="store_true",
        help="start the server with --no-warm: answers are made on first request only (the old behaviour)",
    )
    parser.add_argument(
        "--during-warmup",
        action="store_true",
        help="start the load as soon as the server answers, while it is still preparing its answers",
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-v", "--verbose", action="store_true", help="log the store build's batches and phases")
    parser.add_argument("--gate", action="store_true", help=f"exit 1 unless p95 < {TARGET_P95_MS:.0f} ms, no errors")
    args = parser.parse_args()
    if args.verbose:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    cached = build_store(args.articles, args.build_workers, args.rebuild)
    settings = Settings(db=str(cached))
    stories = service.list_stories(settings)
    story_ids = [s["id"] for s in stories]
    article_ids = [a["id"] for a in service.list_articles(settings)]
    print(
        f"store {cached.relative_to(ROOT)}: {len(article_ids)} articles, {len(story_ids)} stories, "
        f"{cached.stat().st_size / 1e6:.0f} MB"
    )

    if args.hot:
        story_ids = story_ids[: args.hot]  # list_stories is newest first
        article_ids = sorted({a for s in stories[: args.hot] for a in s["article_ids"]})
        print(f"hot set: {len(story_ids)} stories, {len(article_ids)} articles")
    work = Path(tempfile.mkdtemp(prefix="corroborate-serve-bench-"))
    proc = None
    try:
        db = work / "store.duckdb"
        shutil.copyfile(cached, db)
        port = free_port()
        t0 = time.perf_counter()
        proc = start_server(db, port, work / "server.log", warm=not args.no_warm)
        base = f"http://127.0.0.1:{port}"
        print(f"server up at {base} in {time.perf_counter() - t0:.1f} s (pid {proc.pid})")
        warm_status = wait_warm(port) if not args.during_warmup else None
        if warm_status is not None and warm_status["warm"] is not None:
            w = warm_status["warm"]
            print(
                f"answers prepared: {w['state']}, {w['warmed']} of {w['stories']} stories in {w['seconds']:.1f} s, "
                f"{warm_status['cached_answers']} answers, {warm_status['cached_bytes'] / 2**20:.0f} MB, "
                f"server RSS {peak_rss_mb(proc.pid) or 0:.0f} MB"
            )

        cold, warm = asyncio.run(one_at_a_time("127.0.0.1", port, story_ids, article_ids, args.cold_sample, args.seed))
        prepared = warm_status is not None and warm_status["warm"] is not None
        print_table(
            "first requests, one at a time" + (" (answers prepared by the warmer)" if prepared else " (cold)"), cold
        )
        print_table("warm: the same requests again, one at a time (service time)", warm)

        print(f"\nload: {args.clients} clients for {args.duration:.0f} s ...", flush=True)
        cpu0 = (cpu_seconds(), cpu_seconds(proc.pid))
        latencies, errors, examples, elapsed = asyncio.run(
            load("127.0.0.1", port, story_ids, article_ids, args.clients, args.duration, args.seed)
        )
        cpu = {
            "clients_cpu_share": (cpu_seconds() - cpu0[0]) / elapsed,
            "server_cpu_share": (cpu_seconds(proc.pid) - cpu0[1]) / elapsed,
        }
        rss = peak_rss_mb(proc.pid)
        rows = {route: summarize(latencies[route], errors[route], elapsed) for route in ROUTES}
        rows["overall"] = summarize([x for route in ROUTES for x in latencies[route]], sum(errors.values()), elapsed)
        print_table(f"load: {args.clients} clients, {elapsed:.1f} s", rows)
        for route, problem in examples.items():
            print(f"  first error on {route}: {problem}")
        if rss is not None:
            print(f"server peak RSS {rss:.0f} MB")
        print(
            f"CPU during the load, in cores: server {cpu['server_cpu_share']:.2f}, clients "
            f"{cpu['clients_cpu_share']:.2f} (of {os.cpu_count()} on this machine)"
        )
        if rows["overall"]["errors"]:
            tail = (work / "server.log").read_text(errors="replace").splitlines()[-15:]
            print("server log (last lines):\n  " + "\n  ".join(tail or ["(empty)"]))

        worst = max(r["p95_ms"] for r in rows.values())
        total_errors = rows["overall"]["errors"]
        ok = worst < TARGET_P95_MS and total_errors == 0
        print(
            f"\ntarget: p95 < {TARGET_P95_MS:.0f} ms on every route and no errors -> "
            f"{'MET' if ok else 'MISSED'} (worst p95 {worst:.1f} ms, {total_errors} errors)"
        )
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "serve.json").write_text(
            json.dumps(
                {
                    "articles": len(article_ids),
                    "stories": len(story_ids),
                    "clients": args.clients,
                    "hot": args.hot,
                    "prepared": warm_status,
                    "duration_s": elapsed,
                    "cold": cold,
                    "warm": warm,
                    "load": rows,
                    "server_peak_rss_mb": rss,
                    **cpu,
                    "target_p95_ms": TARGET_P95_MS,
                    "met": ok,
                },
                indent=2,
            )
            + "\n",
            encoding="utf-8",
        )
        if args.gate and not ok:
            sys.exit(1)
    finally:
        if proc is not None:
            stop_server(proc)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
