//! The API through real HTTP: each test starts the whole application on port 0 with a fresh
//! SQLite data folder, and again on a fresh PostgreSQL database when
//! `PUERTA_TEST_POSTGRES_URL` is set (see `helpers::TestApp`).

// Test code: a failed setup step should stop the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[macro_use]
mod helpers;
mod accounts;
mod cancellation;
mod case_processing;
mod cases;
mod connections;
mod content;
mod documents;
mod errors;
mod guards;
mod hardening;
mod openapi;
mod ops;
mod outbox;
mod own_data;
mod pages;
mod phishing;
mod ports;
mod races;
mod reads;
mod safety;
mod throttles;
mod time_zone;
