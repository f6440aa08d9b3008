-- Drafts of advance information (issue 10): a half-finished traveler profile is kept between
-- the short pages, and so are the group's chosen US address and port before submission. `data`
-- is the JSON of the form fields entered so far; it is validated only when the draft is finished.
CREATE TABLE traveler_drafts (
    id         TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    data       TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX traveler_drafts_account ON traveler_drafts (account_id, created_at);

-- One per account: the shared US destination and port being chosen.
CREATE TABLE application_drafts (
    account_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    data       TEXT NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;
