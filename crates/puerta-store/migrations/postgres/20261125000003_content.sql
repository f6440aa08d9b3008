-- Entry Requirements and other published content. Every edit adds a version; the newest
-- version of a (slug, language) is the one shown.
CREATE TABLE content_versions (
    slug       TEXT NOT NULL CHECK (length(slug) BETWEEN 1 AND 80),
    language   TEXT NOT NULL,
    version    BIGINT NOT NULL CHECK (version >= 1),
    position   BIGINT NOT NULL,
    title      TEXT NOT NULL,
    summary    TEXT NOT NULL,
    body_md    TEXT NOT NULL,
    author_id  TEXT REFERENCES users (id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (slug, language, version)
);
