#!/usr/bin/env bash
# Throughput of the real server on loopback, each figure against a baseline measured in the same
# run (/healthz: no database), since this machine is shared and noisy. Sends traffic only to
# 127.0.0.1, for a bounded time per endpoint. Needs `wrk` (Debian package) and a release build.
#
#   cargo build --release && bash bench/load.sh [seconds-per-endpoint] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-10}"
connections="${2:-64}"
command -v wrk >/dev/null || { echo "install wrk: apt-get install wrk" >&2; exit 1; }
bin=target/release/puerta
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 1; }

data=$(mktemp -d)
port=18$((RANDOM % 900 + 100))
PUERTA_ADDR="127.0.0.1:$port" PUERTA_DATA_DIR="$data" PUERTA_LOG_LEVEL=warn "$bin" serve &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

rate() { # path [header] -> "requests-per-second p99-latency"
  local header=() out
  [ -n "${2:-}" ] && header=(-H "$2")
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency "${header[@]}" "http://127.0.0.1:$port$1")
  echo "$out" >&2
  echo "$(echo "$out" | awk '/Requests\/sec/ {print $2}') $(echo "$out" | awk '$1 == "99%" {print $2}')"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -m); $connections connections, ${duration}s each" >&2
baseline=$(rate /healthz)
ports=$(rate /api/v1/ports)
port_one=$(rate /api/v1/ports/SYS)
er_page=$(rate /entry-requirements "Accept-Language: es")
er_api=$(rate "/api/v1/entry-requirements/on-the-day?lang=ht")
base_rps=${baseline%% *}
printf '\n%-40s %12s %12s %10s\n' endpoint "requests/s" "p99" "vs /healthz"
for row in "/healthz|$baseline" "/api/v1/ports|$ports" "/api/v1/ports/SYS|$port_one" "/entry-requirements (es page)|$er_page" "/api/v1/entry-requirements/on-the-day|$er_api"; do
  name="${row%%|*}"; figures="${row##*|}"; rps="${figures%% *}"; p99="${figures##* }"
  printf '%-40s %12.0f %12s %10.2f\n' "$name" "$rps" "$p99" "$(echo "$rps / $base_rps" | bc -l)"
done
