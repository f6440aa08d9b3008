//! One suite for every store trait, run against SQLite always and against PostgreSQL whenever
//! `PUERTA_TEST_POSTGRES_URL` names a server (each test in a database of its own, dropped after).

mod harness;
mod maintenance;
mod ports;
