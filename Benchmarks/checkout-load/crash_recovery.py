#!/usr/bin/env python3
"""Crash recovery: `mercato serve` is killed with SIGKILL in the middle of a checkout load, several times, and
restarted on the same database; `mercato backup` copies the database while the load runs.

The load generator buys back to back and writes down every order it saw paid; a request that got no answer
(the server was dead) is sent again with the same Idempotency-Key once the server is back. Afterwards the
checker proves: every order the clients saw paid exists and is paid; no payment was taken twice and none is kept
for an unpaid order; stock adds up; once the holds have expired nothing is reserved and no order awaits payment;
the database passes PRAGMA integrity_check; the backup opens, passes it too and holds every order confirmed
before the backup began. Exits 1 if any check fails.
"""

import argparse
import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from harness import (CheckFailed, Checks, Server, build, fresh_shop, integrity, log, payments_taken_twice,
                     raise_open_file_limit, run_main, stock_adds_up)

HOLD_MINUTES = 0.1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--short", action="store_true", help="one kill in a 10 s load, for CI")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/mercato-crash-recovery"))
    parser.add_argument("--workers", type=int, default=32)
    parser.add_argument("--kills", type=int, default=None)
    args = parser.parse_args()
    kills = args.kills or (1 if args.short else 4)
    period = 5.0  # seconds of load before each kill
    duration = period * (kills + 1) + 2 * kills

    mercato, generator = build()
    raise_open_file_limit()
    shop = fresh_shop(args.workdir, mercato, 100)
    slugs = shop.active_slugs()
    shop.set_stock(1_000_000)
    started = {slug: on_hand for slug, (on_hand, _) in shop.stock().items()}
    (args.workdir / "slugs.txt").write_text("\n".join(slugs) + "\n")
    confirmed_log = args.workdir / "confirmed.txt"

    server = Server(shop, ["--no-rate-limit", "--hold-minutes", str(HOLD_MINUTES)]).start()
    load = subprocess.Popen(
        [str(generator), "closed", "--base", server.base, "--slugs", str(args.workdir / "slugs.txt"), "--workers",
         str(args.workers), "--warmup", "0", "--duration", str(duration), "--confirmed-log", str(confirmed_log)],
        stdout=subprocess.PIPE, stdin=subprocess.DEVNULL)
    backup = args.workdir / "backup.sqlite"
    backup_began = None
    for kill in range(kills):
        time.sleep(period)
        if kill == 0:
            backup_began = time.time()
            copied = subprocess.run([str(mercato), "backup", "--shop", str(shop.folder), "--to", str(backup)],
                                    capture_output=True, text=True)
            log(copied.stdout.strip() or copied.stderr.strip())
            if copied.returncode != 0:
                raise CheckFailed("mercato backup failed while the load ran")
        confirmed_so_far = len(confirmed_log.read_text().splitlines())
        log(f"SIGKILL {kill + 1}/{kills} after {confirmed_so_far} paid orders")
        server.kill()
        time.sleep(1)
        server.start()
    out, _ = load.communicate(timeout=duration + 300)
    if load.returncode != 0:
        raise CheckFailed(f"the load generator exited with {load.returncode}")
    log(f"load done; waiting {HOLD_MINUTES * 60:.0f} s for the last holds to expire…")
    time.sleep(HOLD_MINUTES * 60 + 5)
    server.stop()

    check = Checks("Crash recovery")
    confirmed = [line.split() for line in confirmed_log.read_text().splitlines() if line.strip()]
    check(len(confirmed) > 0, f"the clients saw {len(confirmed)} orders paid across {kills} kills")
    with shop.connect() as db:
        status = {row[0]: row[1] for row in db.execute("SELECT number, status FROM \"order\"")}
        paid_with_payment = {row[0] for row in db.execute(
            "SELECT o.number FROM \"order\" o JOIN payment p ON p.orderId = o.id WHERE p.status = 'succeeded'")}
        pending = db.execute("SELECT COUNT(*) FROM \"order\" WHERE status = 'pending_payment'").fetchone()[0]
        reserved = db.execute("SELECT COALESCE(SUM(reserved), 0) FROM inventory").fetchone()[0]
        recovered = db.execute("SELECT COUNT(*) FROM orderEvent WHERE actor = 'system' AND toStatus = 'paid'").fetchone()[0]
        released = db.execute("SELECT COUNT(*) FROM orderEvent WHERE actor = 'system' AND toStatus = 'cancelled'").fetchone()[0]
    lost = [number for number, _, _ in confirmed if status.get(number) != "paid" or number not in paid_with_payment]
    check(not lost, f"every order the clients saw paid exists and is paid ({len(lost)} not: {lost[:5]})")
    twice = payments_taken_twice(shop)
    check(not twice, "no payment taken twice, none kept for an unpaid order " + "; ".join(twice[:5]))
    wrong = stock_adds_up(shop, started)
    check(not wrong, "on hand + sold = starting stock for every product " + "; ".join(wrong[:5]))
    check(pending == 0 and reserved == 0,
          f"after the holds expired: no order awaits payment ({pending}), nothing reserved ({reserved}); "
          f"{released} unpaid orders released, {recovered} paid from the gateway's record after the crash")
    check(integrity(shop.database) == "ok", "the database passes PRAGMA integrity_check")

    with sqlite3.connect(backup) as copy:
        backed_up = {row[0]: row[1] for row in copy.execute("SELECT number, status FROM \"order\"")}
    before = [number for number, _, at in confirmed if float(at) < backup_began]
    missing = [number for number in before if backed_up.get(number) not in ("paid", "shipped", "delivered")]
    check(integrity(backup) == "ok", "the backup taken under load passes PRAGMA integrity_check")
    check(len(before) > 0 and not missing,
          f"the backup holds all {len(before)} orders confirmed before it began ({len(missing)} missing)")

    print(f"\nCrash recovery: {kills} SIGKILLs under {args.workers} back-to-back buyers, {len(confirmed)} orders seen "
          f"paid, {len(status)} orders in all; generator: {summary(out)}")
    return check.finish()


def summary(out: bytes) -> str:
    result = json.loads(out)
    parts = []
    for op in result["operations"]:
        failed = sum(op["failures"].values())
        answers = ", ".join(f"{s}×{n}" for s, n in sorted(op["statuses"].items()))
        parts.append(f"{op['operation']}: {answers}" + (f", no answer×{failed}" if failed else ""))
    return "; ".join(parts)


if __name__ == "__main__":
    run_main(main)
