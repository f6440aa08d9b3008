#!/usr/bin/env bash
# Property-based tests of the API against its own OpenAPI document (schemathesis): starts the
# debug build of `puerta serve` on a free port with a fresh data folder, signs in a traveler
# (registered and verified through the API) and an administrator (created with the CLI, with a
# second factor), then lets schemathesis call every operation with each token. Any 5xx, any status
# the document does not list, any body or content type that differs from the document fails.
#
#   scripts/schemathesis.sh                      # after `cargo build --bin puerta`
#   scripts/schemathesis.sh --install            # only make the venv (CI does this first)
#   SCHEMATHESIS_MAX_EXAMPLES=100 SCHEMATHESIS_SEED=7 scripts/schemathesis.sh
#   SCHEMATHESIS_OPTIONS="--experimental=coverage-phase" scripts/schemathesis.sh   # more options
#   SCHEMATHESIS_PUERTA_BIN=target/release/puerta scripts/schemathesis.sh          # another build
#
# Schemathesis comes from PyPI, pinned (and the Hypothesis it works with), into
# target/schemathesis-venv (made once).
set -euo pipefail
cd "$(dirname "$0")/.."

VERSION=3.39.16
# Schemathesis 3.x breaks with newer Hypothesis releases ("'many' object has no attribute 'more'").
HYPOTHESIS_VERSION=6.131.14
VENV=target/schemathesis-venv
# (Not PUERTA_BIN: every PUERTA_* variable is a setting of the server.)
BIN="${SCHEMATHESIS_PUERTA_BIN:-target/debug/puerta}"
MAX_EXAMPLES="${SCHEMATHESIS_MAX_EXAMPLES:-30}"
# A fixed seed keeps CI repeatable; change it (or set it) to explore other inputs.
SEED="${SCHEMATHESIS_SEED:-20261201}"
# The wall-clock bound of all the runs together, in seconds.
TIME_LIMIT="${SCHEMATHESIS_TIME_LIMIT:-600}"
# Hypothesis keeps caches in ./.hypothesis unless told otherwise.
export HYPOTHESIS_STORAGE_DIRECTORY="$PWD/target/schemathesis-hypothesis"

if ! "$VENV/bin/st" --version 2>/dev/null | grep -qF "$VERSION" ||
  ! "$VENV/bin/python" -c "import hypothesis, sys; sys.exit(hypothesis.__version__ != '$HYPOTHESIS_VERSION')" 2>/dev/null; then
  rm -rf "$VENV"
  # Debian splits venv (and its pip) into python3-venv: install it when missing and we can.
  if ! python3 -c "import ensurepip, venv" 2>/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null
  fi
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check \
    "schemathesis==$VERSION" "hypothesis==$HYPOTHESIS_VERSION"
fi
if [ "${1:-}" = "--install" ]; then
  exit 0
fi
if [ ! -x "$BIN" ]; then
  echo "schemathesis: $BIN is missing; run cargo build --bin puerta first" >&2
  exit 1
fi

DATA_DIR="$(mktemp -d "${TMPDIR:-/tmp}/puerta-schemathesis-XXXXXX")"
LOG="$DATA_DIR/server.log"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$DATA_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The embedded SQLite default, whatever the surrounding environment says; port 0 picks a free port.
unset PUERTA_DATABASE_URL
export PUERTA_ADDR=127.0.0.1:0 PUERTA_DATA_DIR="$DATA_DIR" PUERTA_LOG_FORMAT=text
"$BIN" serve >"$LOG" 2>&1 &
SERVER_PID=$!

URL=""
for _ in $(seq 600); do
  URL="$(grep -oE 'listening on http://[^ ]+' "$LOG" | head -n1 | sed 's/^listening on //' || true)"
  [ -n "$URL" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$URL" ]; then
  echo "schemathesis: puerta did not start" >&2
  cat "$LOG" >&2
  exit 1
fi
echo "schemathesis: puerta at $URL (data in $DATA_DIR)"

# Accounts and tokens. The administrator is made the way an operator does (the CLI) and then
# enrols a second factor through the API, as administrators must before administration answers.
ADMIN_EMAIL=admin@schemathesis.example.org
ADMIN_PASSWORD="$(python3 -c 'import secrets; print("adm-" + secrets.token_urlsafe(18))')"
printf '%s\n' "$ADMIN_PASSWORD" |
  "$BIN" user create --email "$ADMIN_EMAIL" --role admin --name "Schemathesis Admin" --password-stdin >/dev/null

TOKENS="$DATA_DIR/tokens"
BASE_URL="$URL" ADMIN_EMAIL="$ADMIN_EMAIL" ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  "$VENV/bin/python" - >"$TOKENS" <<'PY'
import base64, glob, hashlib, hmac, os, re, secrets, struct, sys, time
import requests

base = os.environ["BASE_URL"] + "/api/v1"
outbox = os.path.join(os.environ["PUERTA_DATA_DIR"], "outbox")

def call(method, path, expect, token=None, **body):
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    r = requests.request(method, base + path, json=body, headers=headers, timeout=30)
    if r.status_code != expect:
        sys.exit(f"schemathesis setup: {method} {path} answered {r.status_code}, not {expect}: {r.text}")
    return r.json() if r.content else None

def code_for(to):
    """The 6-digit code in the newest email to `to` (the outbox folder of the data dir)."""
    deadline = time.time() + 30
    while time.time() < deadline:
        for name in sorted(glob.glob(os.path.join(outbox, "*.eml")), reverse=True):
            # newline="": keep the CRLF line ends, so the body starts after the first blank line
            # (a Message-ID may hold six digits in a row).
            mail = open(name, encoding="utf-8", newline="").read()
            if f"To: {to}" in mail:
                found = re.search(r"(?<!\d)\d{6}(?!\d)", mail.split("\r\n\r\n", 1)[-1])
                if found:
                    return found.group(0)
        time.sleep(0.05)
    sys.exit(f"schemathesis setup: no email to {to} within 30 s")

def totp(secret):
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    mac = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)

def sign_in(email, password, **extra):
    return call("POST", "/sessions", 201, email=email, password=password, **extra)["token"]

# A traveler, registered and verified through the API.
email, password = "traveler@schemathesis.example.org", "trv-" + secrets.token_urlsafe(18)
call("POST", "/accounts", 202, email=email, password=password, full_name="Ana Schemathesis", language="en")
call("POST", "/accounts/verify", 200, email=email, code=code_for(email))
traveler = sign_in(email, password)
# A second session of the same traveler, for the run that signs out.
closing = sign_in(email, password)

# The administrator, with a second factor; then a fresh session through a recovery code.
admin_email, admin_password = os.environ["ADMIN_EMAIL"], os.environ["ADMIN_PASSWORD"]
first = sign_in(admin_email, admin_password)
secret = call("POST", "/me/totp", 200, token=first)["secret"]
codes = call("POST", "/me/totp/confirm", 200, token=first, password=admin_password, code=totp(secret))[
    "recovery_codes"
]
admin = sign_in(admin_email, admin_password, totp_code=codes[0])
call("GET", "/admin/users", 200, token=admin)

print(f"TRAVELER_TOKEN={traveler}")
print(f"ADMIN_TOKEN={admin}")
print(f"CLOSING_TOKEN={closing}")
PY
# shellcheck disable=SC1090
. "$TOKENS"

# Operations that end the session they are called with run last, with a session of their own.
SESSION_ENDING=/api/v1/sessions/current
# The live stream answers with a body that lasts (minutes): the Rust tests drive it instead.
STREAM=/api/v1/notifications/stream

DEADLINE=$((SECONDS + TIME_LIMIT))
run() {
  local name="$1" left=$((DEADLINE - SECONDS))
  shift
  if [ "$left" -le 0 ]; then
    echo "schemathesis: no time left for the run $name (SCHEMATHESIS_TIME_LIMIT=$TIME_LIMIT)" >&2
    return 1
  fi
  echo "schemathesis: $name"
  # `schemathesis_hooks.py` teaches it to send the watchlist's `text/csv` body.
  PYTHONPATH="$PWD/scripts${PYTHONPATH:+:$PYTHONPATH}" SCHEMATHESIS_HOOKS=schemathesis_hooks \
    timeout --signal=INT --kill-after=10 "$left" \
    "$VENV/bin/st" run "$URL/api/v1/openapi.json" \
    --experimental=openapi-3.1 \
    --checks not_a_server_error,status_code_conformance,response_schema_conformance,content_type_conformance \
    --data-generation-method=all \
    --hypothesis-max-examples="$MAX_EXAMPLES" \
    --hypothesis-deadline=None \
    --hypothesis-database=none \
    --hypothesis-seed="$SEED" \
    --hypothesis-suppress-health-check=too_slow,filter_too_much \
    --request-timeout=40000 \
    --code-sample-style=curl \
    --schemathesis-io-telemetry=false \
    --no-color \
    ${SCHEMATHESIS_OPTIONS:-} \
    "$@"
}

status=0
run "as a traveler" --exclude-path "$SESSION_ENDING" --exclude-path "$STREAM" -H "Authorization: Bearer $TRAVELER_TOKEN" || status=1
run "as an administrator" --exclude-path "$SESSION_ENDING" --exclude-path "$STREAM" -H "Authorization: Bearer $ADMIN_TOKEN" || status=1
run "signing out" --include-path "$SESSION_ENDING" -H "Authorization: Bearer $CLOSING_TOKEN" || status=1

if grep -qE ' (ERROR|panicked)' "$LOG"; then
  echo "schemathesis: the server logged errors:" >&2
  grep -E ' (ERROR|panicked)' "$LOG" | head -n 50 >&2
  status=1
fi
if [ "$status" -ne 0 ]; then
  cp "$LOG" target/schemathesis-server.log
  echo "schemathesis: FAILED (the server's log is in target/schemathesis-server.log; its end:)" >&2
  tail -n 40 "$LOG" >&2
fi
exit "$status"
