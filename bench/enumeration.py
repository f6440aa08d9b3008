#!/usr/bin/env python3
"""Account enumeration by timing: do password reset and verification-code resend take the same
time for an address that has an account as for one that has none?

Starts `target/release/puerta serve` on a free loopback port with a fresh data folder, creates a
verified account (`puerta user create`) and an unverified one (registration through the API),
then sends interleaved groups of requests over one keep-alive HTTP/1.1 connection:

  * POST /api/v1/password-resets        known (verified) address | unknown address
  * POST /api/v1/accounts/verify/resend known (verified) | known (unverified) | unknown
  * GET  /healthz                       the request-cost floor, timed the same way

Unknown addresses are fresh and random every time (nothing cached), and the same length as the
known ones. The order of the groups and of the requests inside each group is random. Every
request comes from its own `X-Forwarded-For: 10.x.y.z` (the server trusts 127.0.0.1 as a proxy
for this run only), so the per-source throttles and the proof of work never start; a 428 or 429
is counted and reported all the same.

Prints a table, writes the raw figures to bench/enumeration.json and replaces the section
"Account enumeration by timing" of docs/BENCHMARKS.md. Sends traffic only to 127.0.0.1 and stops
the server at the end, also on error. Python 3.11 standard library only.

    cargo build --release --locked --bin puerta && python3 bench/enumeration.py [--tries 200]
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import platform
import random
import re
import socket
import statistics
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / "target" / "release" / "puerta"
JSON_OUT = ROOT / "bench" / "enumeration.json"
DOC = ROOT / "docs" / "BENCHMARKS.md"
SECTION = "Account enumeration by timing"
HOST = "127.0.0.1"  # the only host this script ever talks to

KNOWN = "known@example.org"  # verified, made with `puerta user create`
UNVERIFIED = "fresh@example.org"  # registered through the API, never verified
PASSWORD = "lantern-copper-river-orchard-82"
LOCAL_PART = len(KNOWN.split("@")[0])

RESET = "/api/v1/password-resets"
RESEND = "/api/v1/accounts/verify/resend"
HEALTHZ = "/healthz"

# (endpoint label, path, series) — every series of an endpoint is sent in one group.
GROUPS = {
    "healthz": (HEALTHZ, ["baseline"]),
    "password-resets": (RESET, ["known", "unknown"]),
    "verify/resend": (RESEND, ["known", "unverified", "unknown"]),
}
WARMUP = 10  # untimed groups first, so the first figures do not carry connection setup


def fail(message: str, status: int = 1) -> None:
    print(f"enumeration.py: {message}", file=sys.stderr)
    sys.exit(status)


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def machine() -> dict:
    mem_kib = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_kib = int(line.split()[1])
    except OSError:
        pass
    return {
        "cores": os.cpu_count(),
        "memory_gib": round(mem_kib / 1024 / 1024, 1) if mem_kib else None,
        "arch": platform.machine(),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def describe_machine(m: dict) -> str:
    memory = f"{m['memory_gib']:g} GiB" if m["memory_gib"] else "memory unknown"
    return f"{m['cores']} cores, {memory}, {m['arch']}"


class Client:
    """One keep-alive HTTP/1.1 connection to the server; times each request end to end."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.conn = http.client.HTTPConnection(HOST, port, timeout=15)
        self.conn.connect()
        self.reconnects = 0
        self.source = 0

    def next_source(self) -> str:
        """A source address used once: 10.0.0.1, 10.0.0.2, … (2^24 of them)."""
        self.source += 1
        n = self.source
        return f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}"

    def send(self, method: str, path: str, body: dict | None = None) -> tuple[int, float, bytes]:
        """(status, wall milliseconds, body). The connection is reopened outside the timing."""
        payload = json.dumps(body).encode() if body is not None else None
        headers = {
            "Accept": "application/json",
            "User-Agent": "puerta-bench-enumeration",
            "X-Forwarded-For": self.next_source(),
        }
        if payload is not None:
            headers["Content-Type"] = "application/json"
        for attempt in (1, 2):
            try:
                start = time.perf_counter()
                self.conn.request(method, path, body=payload, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
                elapsed = (time.perf_counter() - start) * 1000
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                if attempt == 2:
                    raise
                self.reopen()
                continue
            if response.will_close:
                self.reopen()
            return response.status, elapsed, data
        raise AssertionError("unreachable")

    def reopen(self) -> None:
        self.conn.close()
        self.conn = http.client.HTTPConnection(HOST, self.port, timeout=15)
        self.conn.connect()
        self.reconnects += 1

    def close(self) -> None:
        self.conn.close()


def summarize(samples: list[float]) -> dict:
    q = statistics.quantiles(samples, n=100, method="inclusive")
    return {
        "n": len(samples),
        "median": statistics.median(samples),
        "p25": q[24],
        "p75": q[74],
        "p90": q[89],
        "min": min(samples),
        "max": max(samples),
    }


def ratio_ci(a: list[float], b: list[float], rounds: int = 2000) -> tuple[float, float]:
    """95% bootstrap interval of median(a) / median(b) (fixed seed: reproducible)."""
    rng = random.Random(8)
    ratios = sorted(
        statistics.median(rng.choices(a, k=len(a))) / statistics.median(rng.choices(b, k=len(b)))
        for _ in range(rounds)
    )
    return ratios[int(rounds * 0.025)], ratios[int(rounds * 0.975) - 1]


def overlap(a: dict, b: dict) -> bool:
    return a["p25"] <= b["p75"] and b["p25"] <= a["p75"]


def wait_healthy(client_port: int, server: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            fail(f"puerta exited with status {server.returncode} before answering /healthz")
        try:
            conn = http.client.HTTPConnection(HOST, client_port, timeout=1)
            conn.request("GET", HEALTHZ)
            if conn.getresponse().status == 200:
                conn.close()
                return
            conn.close()
        except OSError:
            pass
        time.sleep(0.1)
    fail(f"puerta did not answer /healthz within {seconds:g} s")


def outbox_count(data_dir: Path, address: str) -> int:
    outbox = data_dir / "outbox"
    if not outbox.is_dir():
        return 0
    needle = f"To: {address}"
    count = 0
    for f in outbox.glob("*.eml"):
        try:
            if needle in f.read_text(errors="replace"):
                count += 1
        except OSError:
            pass
    return count


def run(args: argparse.Namespace, data_dir: Path, port: int, env: dict) -> dict:
    client = Client(port)
    try:
        # A verified account, the way an operator makes one.
        made = subprocess.run(
            [str(BIN), "user", "create", "--email", KNOWN, "--role", "traveler", "--password-stdin"],
            input=PASSWORD + "\n", env=env, capture_output=True, text=True, timeout=60,
        )
        if made.returncode != 0:
            fail(f"puerta user create failed ({made.returncode}): {made.stderr.strip()}")
        # An unverified account, the way a traveler makes one (resend only has work to do for it).
        status, _, body = client.send("POST", "/api/v1/accounts", {
            "email": UNVERIFIED, "password": PASSWORD, "full_name": "Fresh Traveler", "language": "en",
        })
        if status != 202:
            fail(f"registering {UNVERIFIED} answered {status}: {body[:300]!r}")

        rng = random.Random(args.seed)
        used: set[str] = {KNOWN, UNVERIFIED}

        def unknown() -> str:
            while True:
                local = "".join(rng.choices(string.ascii_lowercase + string.digits, k=LOCAL_PART))
                address = f"{local}@example.org"
                if address not in used:
                    used.add(address)
                    return address

        def address(series: str) -> str:
            return {"known": KNOWN, "unverified": UNVERIFIED}.get(series) or unknown()

        samples = {label: {s: [] for s in series} for label, (_, series) in GROUPS.items()}
        positions = {label: {s: [] for s in series} for label, (_, series) in GROUPS.items()}
        statuses: dict[str, dict[str, dict[str, int]]] = {
            label: {s: {} for s in series} for label, (_, series) in GROUPS.items()
        }
        order_first: dict[str, dict[str, int]] = {label: {s: 0 for s in series} for label, (_, series) in GROUPS.items()}
        deadline = time.monotonic() + args.deadline
        started = time.monotonic()
        done = 0
        for i in range(WARMUP + args.tries):
            if time.monotonic() > deadline:
                print(f"deadline of {args.deadline:g} s reached after {done} tries", file=sys.stderr)
                break
            timed = i >= WARMUP
            groups = list(GROUPS.items())
            rng.shuffle(groups)
            for label, (path, series) in groups:
                order = list(series)
                rng.shuffle(order)
                if timed:
                    order_first[label][order[0]] += 1
                for position, s in enumerate(order):
                    if path == HEALTHZ:
                        status, ms, _ = client.send("GET", path)
                    else:
                        status, ms, _ = client.send("POST", path, {"email": address(s)})
                    if not timed:
                        continue
                    key = str(status)
                    statuses[label][s][key] = statuses[label][s].get(key, 0) + 1
                    if status in (200, 202):
                        samples[label][s].append(ms)
                        positions[label][s].append(position)
            if timed:
                done += 1
        elapsed = time.monotonic() - started

        # The known addresses really made the worker do something (an email), the unknown none:
        # wait (up to 30 s) until the worker has written mail to both known addresses.
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not all(outbox_count(data_dir, a) > 0 for a in (KNOWN, UNVERIFIED)):
            time.sleep(0.05)
        mails = {a: outbox_count(data_dir, a) for a in (KNOWN, UNVERIFIED)}
        return {
            "samples": samples,
            "positions": positions,
            "statuses": statuses,
            "first_in_group": order_first,
            "tries_done": done,
            "seconds": round(elapsed, 2),
            "reconnects": client.reconnects,
            "emails_in_outbox": mails,
        }
    finally:
        client.close()


def analyse(raw: dict) -> dict:
    out: dict = {}
    for label, by_series in raw["samples"].items():
        out[label] = {}
        for s, xs in by_series.items():
            if len(xs) < 4:
                fail(f"{label} {s}: only {len(xs)} successful answers ({raw['statuses'][label][s]})")
            out[label][s] = summarize(xs)
        if "unknown" in by_series:
            base = by_series["unknown"]
            for s in by_series:
                if s == "unknown":
                    continue
                lo, hi = ratio_ci(by_series[s], base)
                out[label][s]["vs_unknown"] = {
                    "ratio_of_medians": out[label][s]["median"] / out[label]["unknown"]["median"],
                    "ratio_95ci": [lo, hi],
                    "iqr_overlap": overlap(out[label][s], out[label]["unknown"]),
                }
    return out


def throttled(raw: dict) -> dict[str, int]:
    """Answers other than 200/202, counted by status, over all series."""
    counts: dict[str, int] = {}
    for by_series in raw["statuses"].values():
        for by_status in by_series.values():
            for status, n in by_status.items():
                if status not in ("200", "202"):
                    counts[status] = counts.get(status, 0) + n
    return counts


def rows(summary: dict) -> list[tuple[str, str, dict]]:
    names = {
        ("healthz", "baseline"): ("`GET /healthz` (baseline)", ""),
        ("password-resets", "known"): ("`POST /api/v1/password-resets`", "verified account"),
        ("password-resets", "unknown"): ("`POST /api/v1/password-resets`", "no account"),
        ("verify/resend", "known"): ("`POST /api/v1/accounts/verify/resend`", "verified account"),
        ("verify/resend", "unverified"): ("`POST /api/v1/accounts/verify/resend`", "unverified account"),
        ("verify/resend", "unknown"): ("`POST /api/v1/accounts/verify/resend`", "no account"),
    }
    out = []
    for label in ("healthz", "password-resets", "verify/resend"):
        for s, fig in summary[label].items():
            endpoint, address = names[(label, s)]
            out.append((endpoint, address, fig))
    return out


def print_table(summary: dict, raw: dict, m: dict, args: argparse.Namespace) -> None:
    print(f"\nmachine: {describe_machine(m)}; load average at start {m['load_average_at_start']}")
    print(f"{raw['tries_done']} tries in {raw['seconds']} s, one keep-alive connection, "
          f"{raw['reconnects']} reconnects; times in ms\n")
    head = f"{'endpoint':38} {'address':19} {'p25':>6} {'median':>7} {'p75':>6} {'p90':>6} {'vs unknown (95% CI)':>24} {'IQRs overlap':>13}"
    print(head)
    print("-" * len(head))
    for endpoint, address, f in rows(summary):
        vs = f.get("vs_unknown")
        ratio = f"{vs['ratio_of_medians']:.3f} ({vs['ratio_95ci'][0]:.3f}–{vs['ratio_95ci'][1]:.3f})" if vs else ""
        ov = ("yes" if vs["iqr_overlap"] else "NO") if vs else ""
        print(f"{endpoint.replace('`', ''):38} {address:19} {f['p25']:6.3f} {f['median']:7.3f} {f['p75']:6.3f} "
              f"{f['p90']:6.3f} {ratio:>24} {ov:>13}")
    other = throttled(raw)
    print(f"\nanswers other than 200/202: {other or 'none'}")
    print(f"emails the worker wrote: {raw['emails_in_outbox']} (unknown addresses: none by construction)")


def markdown(summary: dict, raw: dict, m: dict, args: argparse.Namespace, when: str) -> str:
    lines = [
        f"## {SECTION}",
        "",
        "Figures from `bench/enumeration.py` (issue 8, item 1): does `POST /api/v1/password-resets` or",
        "`POST /api/v1/accounts/verify/resend` answer later for an address that has an account? The",
        "script starts `target/release/puerta serve` (SQLite, default settings, a fresh data folder) on",
        "127.0.0.1 and sends, over one keep-alive HTTP/1.1 connection, interleaved groups in random order",
        "(and random order inside each group): a known address next to a fresh random unknown one of the",
        "same length, plus `GET /healthz` timed the same way as the floor of what any request costs. Each",
        "request comes from its own `X-Forwarded-For` address, so no throttle or proof of work applies.",
        "Times are wall-clock milliseconds at the client, from sending to the last byte of the answer.",
        "",
        f"Reproduce: `cargo build --release --locked --bin puerta && python3 bench/enumeration.py --tries {args.tries}`",
        "(raw figures in `bench/enumeration.json`).",
        "",
        f"### {when} — {describe_machine(m)} (load average {m['load_average_at_start'][0]:g} at start), SQLite",
        "",
        f"{raw['tries_done']} tries of each series ({WARMUP} untimed first), {raw['seconds']:g} s in all.",
        "",
        "| endpoint | address | p25 | median | p75 | p90 | median vs no account (95% CI) | IQRs overlap |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for endpoint, address, f in rows(summary):
        vs = f.get("vs_unknown")
        ratio = f"{vs['ratio_of_medians']:.3f} ({vs['ratio_95ci'][0]:.3f}–{vs['ratio_95ci'][1]:.3f})" if vs else ""
        ov = ("yes" if vs["iqr_overlap"] else "**no**") if vs else ""
        lines.append(f"| {endpoint} | {address or '—'} | {f['p25']:.3f} | {f['median']:.3f} | "
                     f"{f['p75']:.3f} | {f['p90']:.3f} | {ratio or '—'} | {ov or '—'} |")
    other = throttled(raw)
    mails = raw["emails_in_outbox"]
    worst = max(
        abs(f["vs_unknown"]["ratio_of_medians"] - 1) for _, _, f in rows(summary) if "vs_unknown" in f
    )
    all_overlap = all(f["vs_unknown"]["iqr_overlap"] for _, _, f in rows(summary) if "vs_unknown" in f)
    lines += [
        "",
        f"Times in ms. Largest difference of medians from \"no account\": {worst * 100:.1f} %; "
        f"interquartile ranges {'overlap in every case' if all_overlap else '**do not all overlap**'}. "
        f"Answers other than 200/202: {', '.join(f'{n} × {s}' for s, n in sorted(other.items())) or 'none'}. "
        f"The background worker wrote {mails[KNOWN]} email(s) to the verified address and {mails[UNVERIFIED]} "
        "to the unverified one during the run (a reset or a new code, then the mailbox spacing holds further "
        "ones back), none to an unknown address: the work after the answer differs, the work before it does not.",
        "",
    ]
    return "\n".join(lines)


def update_doc(section: str, m: dict, when: str) -> None:
    if DOC.exists():
        text = DOC.read_text()
    else:
        text = (f"# Benchmarks\n\nMeasured on {describe_machine(m)}, {when}. Each figure is given against "
                "a baseline measured in the same run.\n")
    pattern = re.compile(rf"^## {re.escape(SECTION)}[ \t]*\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text, count=1)
        text = text.rstrip("\n") + "\n"
    else:
        text = text.rstrip("\n") + "\n\n" + section
    DOC.write_text(text)


def main() -> None:
    global BIN
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tries", type=int, default=200, help="timed groups per endpoint (default 200)")
    parser.add_argument("--deadline", type=float, default=60, help="stop sending after this many seconds (default 60)")
    parser.add_argument("--seed", type=int, default=None, help="seed for the order and the unknown addresses")
    parser.add_argument("--no-write", action="store_true", help="print only; leave the JSON and docs alone")
    parser.add_argument("--bin", type=Path, default=BIN, help=argparse.SUPPRESS)  # e.g. a debug build, to try the script
    args = parser.parse_args()
    BIN = args.bin.resolve()
    if args.tries < 4:
        fail("--tries must be at least 4", 2)
    if not BIN.is_file() or not os.access(BIN, os.X_OK):
        fail(f"{BIN} is missing: build it first with `cargo build --release --bin puerta`", 2)

    m = machine()
    when = dt.date.today().isoformat()
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="puerta-bench-enum-") as tmp:
        data_dir = Path(tmp)
        # Only this run's settings: nothing from the surrounding PUERTA_* or RUST_LOG.
        env = {k: v for k, v in os.environ.items() if not k.startswith("PUERTA_") and k != "RUST_LOG"}
        env.update({
            "PUERTA_ADDR": f"{HOST}:{port}",
            "PUERTA_DATA_DIR": str(data_dir),
            "PUERTA_TRUSTED_PROXIES": f'["{HOST}"]',
            "PUERTA_LOG_LEVEL": "warn",
        })
        log = open(data_dir / "server.log", "w+")
        server = subprocess.Popen([str(BIN), "serve"], env=env, stdout=log, stderr=subprocess.STDOUT,
                                  stdin=subprocess.DEVNULL)
        try:
            wait_healthy(port, server)
            raw = run(args, data_dir, port, env)
        except BaseException:
            log.flush()
            log.seek(0)
            tail = log.read()[-3000:]
            if tail:
                print(f"--- server log (tail) ---\n{tail}", file=sys.stderr)
            raise
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            log.close()

    summary = analyse(raw)
    print_table(summary, raw, m, args)
    if args.no_write:
        return
    JSON_OUT.write_text(json.dumps({
        "benchmark": "account enumeration by timing (bench/enumeration.py)",
        "date": when,
        "machine": m,
        "settings": {"tries": args.tries, "warmup": WARMUP, "seed": args.seed, "database": "sqlite",
                     "connection": "one keep-alive HTTP/1.1 connection, 127.0.0.1"},
        "units": "milliseconds, wall clock at the client (time.perf_counter)",
        "summary": summary,
        "statuses": raw["statuses"],
        "first_in_group": raw["first_in_group"],
        "tries_done": raw["tries_done"],
        "seconds": raw["seconds"],
        "reconnects": raw["reconnects"],
        "emails_in_outbox": raw["emails_in_outbox"],
        "samples_in_order": raw["samples"],
        "position_in_group": raw["positions"],
    }, indent=1) + "\n")
    update_doc(markdown(summary, raw, m, args, when), m, when)
    print(f"\nwrote {JSON_OUT.relative_to(ROOT)} and the section \"{SECTION}\" of {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
