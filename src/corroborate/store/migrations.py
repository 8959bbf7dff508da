"""Versioned schema. Append a migration; never edit one that has shipped."""

from __future__ import annotations

MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "articles (current cleaned version), revisions (raw input of each version), rejects, runs",
        """
        CREATE TABLE runs (
            id VARCHAR PRIMARY KEY,
            command VARCHAR NOT NULL,
            started_at TIMESTAMP NOT NULL,
            finished_at TIMESTAMP,
            settings JSON,
            inputs JSON,
            counts JSON
        );
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,
            revision INTEGER NOT NULL,
            source VARCHAR NOT NULL,
            url VARCHAR,
            title VARCHAR,
            published VARCHAR,
            published_inferred BOOLEAN NOT NULL DEFAULT FALSE,
            language VARCHAR,
            text VARCHAR NOT NULL,
            removed JSON NOT NULL,
            origin_path VARCHAR NOT NULL,
            origin_record INTEGER,
            meta JSON NOT NULL,
            content_hash VARCHAR NOT NULL,
            syndication_group VARCHAR,
            duplicate_of VARCHAR,
            first_run VARCHAR NOT NULL,
            last_run VARCHAR NOT NULL,
            ingested_at TIMESTAMP NOT NULL
        );
        CREATE TABLE article_revisions (
            article_id VARCHAR NOT NULL,
            revision INTEGER NOT NULL,
            content_hash VARCHAR NOT NULL,
            title VARCHAR,
            published VARCHAR,
            raw VARCHAR NOT NULL,  -- the input exactly as read; text and removed lines derive from it
            origin_path VARCHAR NOT NULL,
            origin_record INTEGER,
            run_id VARCHAR NOT NULL,
            ingested_at TIMESTAMP NOT NULL,
            PRIMARY KEY (article_id, revision)
        );
        CREATE TABLE rejects (
            id VARCHAR PRIMARY KEY,
            origin_path VARCHAR NOT NULL,
            origin_record INTEGER,
            reason VARCHAR NOT NULL,
            raw VARCHAR,
            first_run VARCHAR NOT NULL,
            last_run VARCHAR NOT NULL,
            seen_at TIMESTAMP NOT NULL
        );
        """,
    ),
]

MIGRATIONS.append(
    (
        2,
        "features and signatures, copies, stories, pending work of the global phases",
        """
    CREATE TABLE article_features (
        article_id VARCHAR PRIMARY KEY,
        content_hash VARCHAR NOT NULL,
        minhash BLOB,
        shingles INTEGER,
        terms JSON,
        entities JSON,
        embedding FLOAT[],
        embedder VARCHAR
    );
    CREATE TABLE copies (
        article_id VARCHAR NOT NULL,
        other_id VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        jaccard DOUBLE NOT NULL,
        containment DOUBLE NOT NULL,
        run_id VARCHAR NOT NULL,
        PRIMARY KEY (article_id, other_id)
    );
    CREATE TABLE stories (
        id VARCHAR PRIMARY KEY,
        language VARCHAR,
        title VARCHAR,
        first_published VARCHAR,
        last_published VARCHAR,
        independent_sources INTEGER NOT NULL,
        n_articles INTEGER NOT NULL,
        terms JSON NOT NULL,
        entities JSON NOT NULL,
        emb_sum FLOAT[],
        days INTEGER[],
        updated_run VARCHAR NOT NULL
    );
    CREATE TABLE story_articles (
        article_id VARCHAR PRIMARY KEY,
        story_id VARCHAR NOT NULL,
        score DOUBLE NOT NULL,
        run_id VARCHAR NOT NULL
    );
    CREATE TABLE term_stats (term VARCHAR PRIMARY KEY, df INTEGER NOT NULL);
    CREATE TABLE pending (article_id VARCHAR NOT NULL, phase VARCHAR NOT NULL, PRIMARY KEY (article_id, phase));
    CREATE TABLE kv (key VARCHAR PRIMARY KEY, value JSON);
    """,
    )
)

MIGRATIONS.append(
    (
        3,
        "entities and statements per story",
        """
    CREATE TABLE entities (
        story_id VARCHAR NOT NULL,
        id VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        type VARCHAR NOT NULL,
        aliases JSON NOT NULL,
        roles JSON NOT NULL,
        article_ids JSON NOT NULL,
        PRIMARY KEY (story_id, id)
    );
    CREATE TABLE statements (
        id VARCHAR PRIMARY KEY,
        story_id VARCHAR NOT NULL,
        article_id VARCHAR NOT NULL,
        speaker VARCHAR,
        speaker_entity VARCHAR,
        cue VARCHAR,
        kind VARCHAR NOT NULL,
        stance VARCHAR NOT NULL,
        text VARCHAR NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL
    );
    CREATE TABLE story_analysis (
        story_id VARCHAR PRIMARY KEY,
        n_articles INTEGER NOT NULL,
        updated_run VARCHAR NOT NULL,
        analysis_run VARCHAR NOT NULL
    );
    """,
    )
)


MIGRATIONS.append(
    (
        4,
        "cross-check per story: claims, contradictions and timeline as contract records",
        """
    CREATE TABLE story_crosscheck (
        story_id VARCHAR PRIMARY KEY,
        claims JSON NOT NULL,
        contradictions JSON NOT NULL,
        timeline JSON NOT NULL
    );
    """,
    )
)

MIGRATIONS.append(
    (
        5,
        "the cited summary of each story",
        """
    ALTER TABLE story_crosscheck ADD COLUMN summary JSON DEFAULT '[]';
    """,
    )
)

MIGRATIONS.append(
    (
        6,
        "indexes for the per-story and per-person lookups the web pages make",
        """
    CREATE INDEX IF NOT EXISTS entities_story ON entities (story_id);
    CREATE INDEX IF NOT EXISTS entities_id ON entities (id);
    CREATE INDEX IF NOT EXISTS statements_story ON statements (story_id);
    CREATE INDEX IF NOT EXISTS statements_speaker ON statements (speaker_entity);
    CREATE INDEX IF NOT EXISTS story_articles_story ON story_articles (story_id);
    """,
    )
)

MIGRATIONS.append(
    (
        7,
        "a statement's pieces: its words apart from the narration between them",
        """
    ALTER TABLE statements ADD COLUMN pieces JSON;
    """,
    )
)

LATEST = MIGRATIONS[-1][0]
