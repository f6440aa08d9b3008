#!/usr/bin/env bash
# Live notifications at scale: 10,000 Server-Sent Events streams held by one `puerta serve`, and a
# policy notice published to 1,000,000 accounts (see bench/README.md). Arguments go to the example
# (crates/puerta/examples/sse_bench.rs), e.g. `--postgres postgres://postgres@127.0.0.1:5432/test`,
# `--streams N`, `--accounts N`, `--rounds N`, `--no-write`.
set -euo pipefail
cd "$(dirname "$0")/.."

# Each stream is a socket in the client and one in the server: both processes need the open-files
# limit above the stream count (the server inherits this shell's limit).
want=65536
hard=$(ulimit -Hn)
if [ "$hard" != unlimited ] && [ "$hard" -lt "$want" ]; then
  want=$hard
fi
if [ "$want" -lt 11000 ]; then
  echo "notices.sh: the hard open-files limit is $hard; 10,000 streams need about 11,000" >&2
  exit 1
fi
ulimit -n "$want"
echo "notices.sh: open-files limit $(ulimit -n) (hard $hard)"

# Two builds: the server exactly as `cargo build --release -p puerta` makes it (an example pulls
# in the dev-dependencies' features, which would otherwise rebuild the server with them).
cargo build --release --locked -p puerta
cargo build --release --locked -p puerta --example sse_bench
exec target/release/examples/sse_bench "$@"
