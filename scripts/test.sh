#!/usr/bin/env bash
# The whole test suite: Rust (SQLite always, PostgreSQL when PUERTA_TEST_POSTGRES_URL is set;
# documents on S3 too, against moto's S3-compatible server that scripts/moto.sh runs for the
# length of the Rust tests), then schemathesis against the running server (the API against its OpenAPI document), then the
# browser tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo-nextest >/dev/null || cargo install cargo-nextest --locked
bash scripts/moto.sh cargo nextest run --workspace --locked
cargo build --locked --bin puerta
bash scripts/schemathesis.sh
bash e2e/run.sh
