"""Stage contract and the local executor that streams batches through the stages.

A stage never knows the executor; the executor never knows what a stage does. A Ray executor can run
the same stages with ``map_batches``.
"""

from __future__ import annotations

import itertools
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .model import Article, Item, Reject


class Stage:
    """A map stage: reads some Article fields, writes others, one batch at a time."""

    name: str = "stage"
    reads: tuple[str, ...] = ()
    writes: tuple[str, ...] = ()

    def setup(self) -> None:
        """Load models or other heavy state once per worker."""

    def process_batch(self, articles: list[Article]) -> list[Item]:
        """Return the batch: articles (changed in place or new) and Rejects for dropped ones."""
        raise NotImplementedError


@dataclass(slots=True)
class StageStats:
    kept: Counter = field(default_factory=Counter)
    dropped: Counter = field(default_factory=Counter)
    seconds: Counter = field(default_factory=Counter)

    def as_dict(self) -> dict[str, dict[str, float]]:
        return {
            name: {"kept": self.kept[name], "dropped": self.dropped[name], "seconds": round(self.seconds[name], 3)}
            for name in self.kept | self.dropped
        }


def check_contracts(stages: list[Stage], available: Iterable[str]) -> None:
    """Fail at build time when a stage reads a field that no reader or earlier stage provides."""
    have = set(available)
    for stage in stages:
        missing = set(stage.reads) - have
        if missing:
            raise ValueError(f"stage {stage.name!r} reads {sorted(missing)} which nothing before it writes")
        have |= set(stage.writes)


def batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def run_stages(stages: list[Stage], batch: list[Item], stats: StageStats) -> list[Item]:
    """One batch through every stage; rejects pass straight through, in the same list."""
    rejects = [item for item in batch if isinstance(item, Reject)]
    articles = [item for item in batch if isinstance(item, Article)]
    for stage in stages:
        if not articles:
            break
        started = time.perf_counter()
        out = stage.process_batch(articles)
        stats.seconds[stage.name] += time.perf_counter() - started
        articles = [item for item in out if isinstance(item, Article)]
        dropped = [item for item in out if isinstance(item, Reject)]
        stats.kept[stage.name] += len(articles)
        stats.dropped[stage.name] += len(dropped)
        rejects.extend(dropped)
    return [*articles, *rejects]


class LocalExecutor:
    """Runs the stages in this process over batches of the input stream, in input order."""

    def __init__(self, build_stages: Callable[[], list[Stage]], batch_size: int = 64) -> None:
        self.stages = build_stages()
        self.batch_size = batch_size
        self.stats = StageStats()

    def run(self, items: Iterable[Item]) -> Iterator[list[Item]]:
        for stage in self.stages:
            stage.setup()
        for batch in batched(items, self.batch_size):
            yield run_stages(self.stages, batch, self.stats)


_WORKER_STAGES: list[Stage] = []


def _init_worker(build_stages: Callable[[], list[Stage]]) -> None:
    _WORKER_STAGES[:] = build_stages()
    for stage in _WORKER_STAGES:
        stage.setup()


def _work(batch: list[Item]) -> tuple[list[Item], StageStats]:
    stats = StageStats()
    return run_stages(_WORKER_STAGES, batch, stats), stats


class ProcessExecutor:
    """The same stages in a pool of worker processes; batches come back in input order.

    At most two batches per worker are in flight, so memory stays bounded on any input size.
    ``build_stages`` must be picklable (a module-level function or a functools.partial of one).
    """

    def __init__(self, build_stages: Callable[[], list[Stage]], workers: int, batch_size: int = 64) -> None:
        self.build_stages = build_stages
        self.workers = workers
        self.batch_size = batch_size
        self.stats = StageStats()

    def run(self, items: Iterable[Item]) -> Iterator[list[Item]]:
        import multiprocessing
        from collections import deque
        from concurrent.futures import ProcessPoolExecutor

        context = multiprocessing.get_context("forkserver")
        with ProcessPoolExecutor(
            self.workers, mp_context=context, initializer=_init_worker, initargs=(self.build_stages,)
        ) as pool:
            pending: deque = deque()
            for batch in batched(items, self.batch_size):
                pending.append(pool.submit(_work, batch))
                if len(pending) >= 2 * self.workers:
                    yield self._collect(pending.popleft())
            while pending:
                yield self._collect(pending.popleft())

    def _collect(self, future) -> list[Item]:
        items, stats = future.result()
        self.stats.kept.update(stats.kept)
        self.stats.dropped.update(stats.dropped)
        self.stats.seconds.update(stats.seconds)
        return items
