-- Documents attached to cases (issue 10, item 7). The object itself is ciphertext in object
-- storage under `storage_key` (`documents/<uuid>`); its file key, sealed under the master key
-- for this document's id, is `wrapped_key`. Without the row and the master key an object is noise.
CREATE TABLE documents (
    id           TEXT PRIMARY KEY,
    case_id      TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    storage_key  TEXT NOT NULL UNIQUE CHECK (storage_key LIKE 'documents/%'),
    wrapped_key  TEXT NOT NULL,
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
    size         INTEGER NOT NULL CHECK (size > 0),
    content_type TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png', 'image/tiff')),
    display_name TEXT CHECK (display_name IS NULL OR length(display_name) BETWEEN 1 AND 255),
    kind         TEXT NOT NULL CHECK (kind IN ('passport', 'national_id', 'birth_certificate', 'evidence', 'appeal', 'other')),
    uploaded_by  TEXT REFERENCES users (id) ON DELETE SET NULL,
    uploaded_at  INTEGER NOT NULL
) STRICT;
CREATE INDEX documents_case ON documents (case_id, uploaded_at);
