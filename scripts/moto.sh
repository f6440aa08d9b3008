#!/usr/bin/env bash
# An S3-compatible server for the tests: moto's server mode (pinned, from PyPI, into
# target/moto-venv, made once), on the loopback on a free port, for the length of one command.
# The document store's S3 test reads the endpoint from PUERTA_TEST_S3_ENDPOINT and fails without
# it, so every test run goes through here (scripts/test.sh does).
#
#   scripts/moto.sh --install                                # only make the venv (CI does this first)
#   scripts/moto.sh cargo nextest run --workspace --locked   # run a command with the server up
#   scripts/moto.sh cargo nextest run -p puerta-app round_trip_on_s3
#
# The server is stopped when the command ends (or the script is interrupted); its log is
# target/moto-server.log. The command's exit status is the script's.
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=5.2.5
VENV=target/moto-venv
LOG=target/moto-server.log
# How long moto may take to answer after it is started, in seconds.
START_TIMEOUT="${MOTO_START_TIMEOUT:-60}"

if ! "$VENV/bin/python" -c "import moto, sys; sys.exit(moto.__version__ != '$VERSION')" 2>/dev/null ||
  [ ! -x "$VENV/bin/moto_server" ]; then
  rm -rf "$VENV"
  # Debian splits venv (and its pip) into python3-venv: install it when missing and we can.
  if ! python3 -c "import ensurepip, venv" 2>/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
  fi
  mkdir -p target
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "moto[server]==$VERSION"
fi
if [ "${1:-}" = "--install" ]; then
  exit 0
fi
if [ "$#" -eq 0 ]; then
  echo "moto: give a command to run with the server up (or --install)" >&2
  exit 2
fi

SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A free port: the kernel picks one for a socket that is closed at once. Another process could
# take it before moto binds it; then moto exits, and the next attempt picks another.
ENDPOINT=""
for attempt in 1 2 3; do
  PORT="$("$VENV/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  "$VENV/bin/moto_server" -H 127.0.0.1 -p "$PORT" >"$LOG" 2>&1 &
  SERVER_PID=$!
  # Poll until it answers, it dies, or the deadline passes (no fixed wait).
  if "$VENV/bin/python" - "$PORT" "$SERVER_PID" "$START_TIMEOUT" <<'PY'; then
import os, sys, time, urllib.request

port, pid, limit = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
deadline = time.monotonic() + limit
while time.monotonic() < deadline:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/moto-api/", timeout=2) as answer:
            if answer.status == 200:
                sys.exit(0)
    except OSError:
        pass
    try:
        os.kill(pid, 0)
    except OSError:
        sys.exit(1)  # the server exited (the port was taken meanwhile?)
    time.sleep(0.05)
sys.exit(1)
PY
    ENDPOINT="http://127.0.0.1:$PORT"
    break
  fi
  cleanup
  SERVER_PID=""
  echo "moto: the server did not answer on port $PORT (attempt $attempt)" >&2
done
if [ -z "$ENDPOINT" ]; then
  echo "moto: could not start moto_server; its log:" >&2
  cat "$LOG" >&2
  exit 1
fi
echo "moto: S3-compatible server at $ENDPOINT (log in $LOG)"

export PUERTA_TEST_S3_ENDPOINT="$ENDPOINT"
status=0
"$@" || status=$?
exit "$status"
