//! One suite for every repository of the store, run against SQLite always and against
//! PostgreSQL whenever `PUERTA_TEST_POSTGRES_URL` names a server (each test in a database of its
//! own, dropped after).

// Test code: a failed setup step should stop the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod admins;
mod anonymize;
mod appointments;
mod audit;
mod case_decisions;
mod case_work;
mod cases;
mod checks;
mod codes;
mod concurrency;
mod content;
mod documents;
mod drafts;
mod fixtures;
mod foreign_commits;
mod group_commit;
mod harness;
mod maintenance;
mod notifications;
mod outbox;
mod outbox_delivery;
mod ports;
mod races;
mod recovery_codes;
mod secrets;
mod sessions;
mod throttles;
mod totp;
mod unit_of_work;
mod users;
