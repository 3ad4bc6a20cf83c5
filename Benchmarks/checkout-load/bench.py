#!/usr/bin/env python3
"""Checkout under load: `mercato serve` on loopback and the load generator in the same run. See README.md.

Two shapes: shopper sessions that pause 1-3 s between steps (each shopper on its own connection), and a closed
loop of back-to-back checkouts that finds the rate the server sustains. Prints a table and writes results.md.
"""

import argparse
import platform
import shutil
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

from harness import HERE, REPO, Server, build, fresh_shop, log, raise_open_file_limit, run_generator, run_main

STOCK = 10_000_000  # the benchmark measures the server, not running out: the flash sale does that


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--short", action="store_true", help="small numbers, for CI")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/mercato-checkout-load"))
    parser.add_argument("--products", type=int, default=1000)
    parser.add_argument("--shoppers", default=None, help="comma-separated shopper counts (default 100,1000,10000)")
    parser.add_argument("--duration", type=float, default=None, help="seconds measured per run")
    parser.add_argument("--workers", default=None, help="closed-loop worker counts (default 8,32,128)")
    args = parser.parse_args()
    shoppers = [int(n) for n in (args.shoppers or ("20,200" if args.short else "100,1000,10000")).split(",")]
    workers = [int(n) for n in (args.workers or ("16" if args.short else "8,32,128")).split(",")]
    duration = args.duration or (15.0 if args.short else 40.0)

    raise_open_file_limit()
    mercato, generator = build()
    log(f"creating a demo shop of {args.products} products in {args.workdir}…")
    shop = fresh_shop(args.workdir, mercato, args.products)
    shop.set_stock(STOCK)
    slugs_file = args.workdir / "slugs.txt"
    slugs_file.write_text("\n".join(shop.active_slugs()) + "\n")
    pristine = args.workdir / "pristine.sqlite"
    shutil.copy(shop.database, pristine)

    rows = []
    for count in shoppers:
        ramp = max(2.0, count / 500)  # connections open at 500 a second
        log(f"sessions: {count} shoppers ({ramp:.0f} s ramp, {duration:.0f} s measured)…")
        rows.append(measure(shop, pristine, generator, "sessions", [
            "sessions", "--shoppers", str(count), "--ramp", str(ramp), "--duration", str(duration)], ramp, duration,
            count))
    for count in workers:
        log(f"closed loop: {count} workers ({duration:.0f} s measured)…")
        rows.append(measure(shop, pristine, generator, "closed", [
            "closed", "--workers", str(count), "--warmup", "3", "--duration", str(duration)], 3.0, duration, count))

    table = render(rows)
    print(table)
    notes = environment_notes(mercato, args, duration)
    # A short run (CI) leaves the recorded full results alone.
    results = (args.workdir if args.short else HERE) / "results.md"
    results.write_text(
        "# Checkout under load: results\n\n" + f"`{' '.join(['Benchmarks/checkout-load/run', *sys.argv[1:]])}`\n\n"
        + table + "\n" + notes + "\n")
    log(f"wrote {results}")
    return 0


def measure(shop, pristine: Path, generator: Path, shape: str, args: list[str], warmup: float, duration: float,
            count: int) -> dict:
    """A fresh copy of the shop's database, a fresh server, one generator run."""
    for suffix in ("-wal", "-shm"):
        Path(str(shop.database) + suffix).unlink(missing_ok=True)
    shutil.copy(pristine, shop.database)
    server = Server(shop, ["--no-rate-limit"]).start()
    try:
        started = time.time()
        result, generator_cpu = run_generator(
            generator, [*args, "--base", server.base, "--slugs", str(shop.folder.parent / "slugs.txt")],
            timeout=warmup + duration + 600)
        cpu = server.cpu_percent(started + warmup, started + warmup + duration)
        peak = server.peak_rss_mib()
    finally:
        server.stop()
    return {"shape": shape, "count": count, "result": result, "server_cpu": cpu, "server_peak_mib": peak,
            "generator_cpu": generator_cpu}


def render(rows: list[dict]) -> str:
    header = ("| shape | concurrency | request | req/s | p50 ms | p95 ms | p99 ms | max ms | answers | "
              "checkouts/s | server CPU | server CPU ms per checkout | server peak MiB | generator CPU |")
    lines = [header, "|---|---:|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|"]
    for row in rows:
        result = row["result"]
        who = f"{row['count']:,} shoppers" if row["shape"] == "sessions" else f"{row['count']} workers"
        for index, op in enumerate(result["operations"]):
            answers = ", ".join(f"{status}×{n}" for status, n in sorted(op["statuses"].items()))
            if op["failures"]:
                answers += ", failed×" + str(sum(op["failures"].values()))
            first = index == 0
            lines.append(
                f"| {row['shape'] if first else ''} | {who if first else ''} | {op['operation']} | {op['perSecond']:,.0f} "
                f"| {op['p50']:.1f} | {op['p95']:.1f} | {op['p99']:.1f} | {op['max']:.1f} | {answers} "
                f"| {result['checkoutsPerSecond']:,.0f} | {row['server_cpu']:.0f} % | {per_checkout(row)} "
                f"| {row['server_peak_mib']:.0f} "
                f"| {row['generator_cpu']:.0f} % |" if first else
                f"|  |  | {op['operation']} | {op['perSecond']:,.0f} | {op['p50']:.1f} | {op['p95']:.1f} "
                f"| {op['p99']:.1f} | {op['max']:.1f} | {answers} |  |  |  |  |  |")
    return "\n".join(lines) + "\n"


def per_checkout(row: dict) -> str:
    """Server CPU time per paid order (all its requests included): what the machine's load changes least."""
    rate = row["result"]["checkoutsPerSecond"]
    return f"{10 * row['server_cpu'] / rate:.1f}" if rate else "–"


def environment_notes(mercato: Path, args, duration: float) -> str:
    revision = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout
    with open("/proc/loadavg") as f:
        load = f.read().split()[0]
    cores = len(__import__("os").sched_getaffinity(0))
    return (
        f"- {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, revision {revision.strip()}, {platform.system()} "
        f"{platform.release()}, {cores} cores, 1-minute load average {load} at the end (the machine is shared; "
        "other builds and benchmarks may have run at the same time).\n"
        f"- Server: `mercato serve --api-only --no-rate-limit` (release build), a demo shop of {args.products} "
        f"products with stock raised to {STOCK:,} each; a fresh copy of the database and a fresh server per row.\n"
        f"- Load generator: `Benchmarks/checkout-load` (a small HTTP/1.1 keep-alive client on SwiftNIO), on the same "
        "machine and cores as the server. Sessions: each shopper has its own connection and repeats: look up 3 "
        "products, start a cart with a product (one request, as the storefront does), look up 3 more, add another, "
        "check out, pay with `pm_card_visa`, "
        "pausing 1-3 s between steps; shoppers arrive at 500 a second and only requests sent after the last one "
        f"arrived are counted ({duration:.0f} s). Closed loop: each worker buys one product back to back (a cart "
        "with its line, checkout, payment) without pauses. Checkout and payment send an Idempotency-Key, as the storefront "
        "does.\n"
        "- answers: HTTP status × count; `failed` counts requests that got no answer. checkouts/s: orders paid "
        "per second. CPU: share of one core (200 % is both cores); server CPU over the measured window from "
        "/proc/PID/stat, and divided by the checkouts completed in it (every request of the run counted, lookups "
        "included); peak memory is VmHWM; generator CPU over its whole run.\n")


if __name__ == "__main__":
    run_main(main)
