#!/usr/bin/env bash
# Runs the ignored S3 test of the document store against moto's S3-compatible server on the
# loopback. Not part of CI yet. Installs moto from PyPI into target/moto-venv when missing.
# Usage (from the workspace root): bash crates/puerta-app/src/documents/s3_test.sh
set -euo pipefail
cd "$(dirname "$0")/../../../.."
port="${PUERTA_TEST_S3_PORT:-5005}"
if [ ! -x target/moto-venv/bin/moto_server ]; then
  python3 -m venv target/moto-venv
  target/moto-venv/bin/pip install -q 'moto[server]'
fi
target/moto-venv/bin/moto_server -H 127.0.0.1 -p "$port" >target/moto-server.log 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -fsS "http://127.0.0.1:$port/" >/dev/null 2>&1 && break
  sleep 0.2
done
PUERTA_TEST_S3_ENDPOINT="http://127.0.0.1:$port" \
  cargo test -p puerta-app documents::store::tests::round_trip_on_s3 -- --ignored
