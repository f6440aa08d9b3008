//! The API through real HTTP: each test starts the whole application on port 0 with a fresh
//! SQLite data folder, and again on a fresh PostgreSQL database when
//! `PUERTA_TEST_POSTGRES_URL` is set (see `helpers::TestApp`).

// Test code: a failed setup step should stop the test loudly.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[macro_use]
mod helpers;
mod accounts;
mod apply_pages;
mod appointment_notifications;
mod appointment_pages;
mod appointments;
mod backoffice_pages;
mod cancellation;
mod case_access;
mod case_checks;
mod case_pages;
mod case_processing;
mod case_work;
mod cases;
mod connections;
mod content;
mod dashboard;
mod dashboard_cache;
mod documents;
mod errors;
mod guards;
mod hardening;
mod key_rotation;
mod message_pages;
mod messaging;
mod openapi;
mod ops;
mod outbox;
mod overload;
mod own_data;
mod pages;
mod phishing;
mod ports;
mod races;
mod reads;
mod reference_cache;
mod reference_concurrency;
mod safety;
mod session_cache;
mod staff_message_pages;
mod throttles;
mod time_zone;
