"""The same stages give the same output on every executor, and stage contracts are checked."""

from __future__ import annotations

from functools import partial

import pytest

from conftest import EXAMPLES
from corroborate.ingest import discover, read_files
from corroborate.model import Article, Reject
from corroborate.pipeline import LocalExecutor, ProcessExecutor, Stage, check_contracts
from corroborate.settings import Settings
from corroborate.stages import READER_FIELDS, ingest_stages


def outputs(executor, settings: Settings) -> list[tuple]:
    files, _ = discover([str(EXAMPLES)])
    rows = []
    for batch in executor.run(read_files(files, settings)):
        for item in batch:
            if isinstance(item, Article):
                rows.append(
                    (
                        str(item.origin),
                        item.title,
                        item.published,
                        item.language,
                        item.text,
                        [(r.text, r.reason) for r in item.removed],
                        item.source,
                    )
                )
            else:
                assert isinstance(item, Reject)
                rows.append((str(item.origin), item.reason))
    return rows


def test_process_pool_and_local_executor_agree() -> None:
    settings = Settings()
    build = partial(ingest_stages, settings)
    local = outputs(LocalExecutor(build, batch_size=5), settings)
    pooled_executor = ProcessExecutor(build, workers=2, batch_size=5)
    pooled = outputs(pooled_executor, settings)
    assert local == pooled
    assert len(local) >= 15
    assert pooled_executor.stats.kept["language"] == len(local)


def test_a_stage_reading_a_field_nobody_writes_is_refused() -> None:
    class NeedsEmbedding(Stage):
        name = "needs-embedding"
        reads = ("embedding",)

    with pytest.raises(ValueError, match="needs-embedding"):
        check_contracts([*ingest_stages(Settings()), NeedsEmbedding()], READER_FIELDS)
    check_contracts(ingest_stages(Settings()), READER_FIELDS)
