-- Reference data: the ports of entry. Capacity is per day and editable by admins.
CREATE TABLE ports (
    code           TEXT PRIMARY KEY CHECK (length(code) = 3 AND code = upper(code)),
    name           TEXT NOT NULL,
    city           TEXT NOT NULL,
    state          TEXT NOT NULL,
    time_zone      TEXT NOT NULL,
    daily_capacity INTEGER NOT NULL CHECK (daily_capacity >= 0 AND daily_capacity <= 10000),
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);
