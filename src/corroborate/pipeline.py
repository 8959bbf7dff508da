"""Stage contract and the local executor that streams batches through the stages.

A stage never knows the executor; the executor never knows what a stage does. A Ray executor can run
the same stages with ``map_batches``.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Iterator
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

    def as_dict(self) -> dict[str, dict[str, int]]:
        return {name: {"kept": self.kept[name], "dropped": self.dropped[name]} for name in self.kept | self.dropped}


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


class LocalExecutor:
    """Runs the stages in this process over batches of the input stream, in input order."""

    def __init__(self, stages: list[Stage], batch_size: int = 64) -> None:
        self.stages = stages
        self.batch_size = batch_size
        self.stats = StageStats()
        self._ready = False

    def run(self, items: Iterable[Item]) -> Iterator[list[Item]]:
        if not self._ready:
            for stage in self.stages:
                stage.setup()
            self._ready = True
        for batch in batched(items, self.batch_size):
            yield self.process(batch)

    def process(self, batch: list[Item]) -> list[Item]:
        rejects = [item for item in batch if isinstance(item, Reject)]
        articles = [item for item in batch if isinstance(item, Article)]
        for stage in self.stages:
            if not articles:
                break
            out = stage.process_batch(articles)
            articles = [item for item in out if isinstance(item, Article)]
            dropped = [item for item in out if isinstance(item, Reject)]
            self.stats.kept[stage.name] += len(articles)
            self.stats.dropped[stage.name] += len(dropped)
            rejects.extend(dropped)
        return [*articles, *rejects]
