-- The time zone a person reads times in (an IANA name from the application's list).
ALTER TABLE users ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'America/Mexico_City';
