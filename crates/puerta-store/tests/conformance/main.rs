//! One suite for every store trait, run against SQLite always and against PostgreSQL whenever
//! `PUERTA_TEST_POSTGRES_URL` names a server (each test in a database of its own, dropped after).

// Test code: a failed setup step should stop the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod accounts;
mod harness;
mod maintenance;
mod ports;
