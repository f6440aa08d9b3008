#!/usr/bin/env bash
# Runs only the document store's S3 test against moto's S3-compatible server on the loopback
# (the whole suite, scripts/test.sh, runs it too). scripts/moto.sh installs moto (pinned) into
# target/moto-venv when missing, starts it on a free port, sets PUERTA_TEST_S3_ENDPOINT for the
# command and stops the server afterwards.
# Usage (from anywhere): bash crates/puerta-app/src/documents/s3_test.sh
set -euo pipefail
cd "$(dirname "$0")/../../../.."
exec bash scripts/moto.sh cargo nextest run -p puerta-app --locked round_trip_on_s3
