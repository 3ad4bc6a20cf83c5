#!/usr/bin/env python3
"""A flash sale: 10,000 shoppers, each on their own connection, race for a product with 100 units.

Checks: exactly the stock is sold; every other shopper gets a clear out-of-stock answer; no request fails
(no 5xx, no dropped connection); a few winners walk away without paying, their holds expire, the server
releases them and shoppers who were told "out of stock" buy those units; afterwards on hand + sold equals the
starting stock, nothing stays reserved and no payment was taken twice. Exits 1 if any check fails.
"""

import argparse
import sys
import time
from pathlib import Path

from harness import (Checks, Server, build, fresh_shop, log, payments_taken_twice, raise_open_file_limit,
                     run_generator, run_main, stock_adds_up)

HOLD_MINUTES = 0.1  # 6 s: long enough for the race, short enough to watch the holds expire


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--short", action="store_true", help="500 shoppers for 20 units, for CI")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/mercato-flash-sale"))
    parser.add_argument("--shoppers", type=int, default=None)
    parser.add_argument("--stock", type=int, default=None)
    parser.add_argument("--abandon", type=int, default=None, help="winners who walk away without paying")
    args = parser.parse_args()
    shoppers = args.shoppers or (500 if args.short else 10_000)
    stock = args.stock or (20 if args.short else 100)
    abandon = args.abandon if args.abandon is not None else (3 if args.short else 10)

    raise_open_file_limit()
    mercato, generator = build()
    shop = fresh_shop(args.workdir, mercato, 50)
    slug = shop.active_slugs()[0]
    shop.set_stock(stock, [slug])
    started = {slug: stock}

    server = Server(shop, ["--no-rate-limit", "--hold-minutes", str(HOLD_MINUTES)]).start()
    log(f"flash sale: {shoppers:,} shoppers for {stock} units of {slug}, {abandon} winners walk away…")
    try:
        result, _ = run_generator(generator, ["flash", "--base", server.base, "--slug", slug, "--shoppers",
                                              str(shoppers), "--abandon", str(abandon)], timeout=900)
        peak = server.peak_rss_mib()
        # Holds end HOLD_MINUTES after checkout; one more sweep after the last one could have been placed.
        time.sleep(HOLD_MINUTES * 60 + 5)
    finally:
        server.stop()

    check = Checks("Flash sale")
    first_round_winners = result["paid"] + result["abandoned"]
    check(first_round_winners == stock, f"{stock} shoppers won a unit in the race (got {first_round_winners})")
    check(result["abandoned"] == abandon, f"{abandon} winners walked away (got {result['abandoned']})")
    check(result["outOfStock"] == shoppers - stock,
          f"the other {shoppers - stock:,} were told out of stock (got {result['outOfStock']:,})")
    check(result["secondRoundPaid"] == abandon,
          f"after the walked-away holds expired, {abandon} of them bought the released units "
          f"(got {result['secondRoundPaid']})")
    check(not result["unexpected"], f"no other answer (got {result['unexpected']})")
    check(result["serverErrors"] == 0, f"no 5xx (got {result['serverErrors']})")
    check(result["transportFailures"] == 0, f"no request failed in transport (got {result['transportFailures']})")

    with shop.connect() as db:
        sold = db.execute("""SELECT COALESCE(SUM(oi.quantity), 0) FROM orderItem oi JOIN "order" o ON o.id = oi.orderId
                             WHERE oi.productSlug = ? AND o.status = 'paid'""", (slug,)).fetchone()[0]
        on_hand, reserved = db.execute("""SELECT onHand, reserved FROM inventory
                                          WHERE productId = (SELECT id FROM product WHERE slug = ?)""", (slug,)).fetchone()
        pending = db.execute("SELECT COUNT(*) FROM \"order\" WHERE status = 'pending_payment'").fetchone()[0]
        expired = db.execute("""SELECT COUNT(*) FROM "order" o JOIN orderEvent e ON e.orderId = o.id
                                WHERE o.status = 'cancelled' AND e.actor = 'system'""").fetchone()[0]
    check(sold == stock, f"exactly {stock} units sold in the database (got {sold})")
    check(on_hand == 0 and reserved == 0, f"nothing left on hand or reserved (on hand {on_hand}, reserved {reserved})")
    check(pending == 0, f"no order left awaiting payment after the holds expired (got {pending})")
    check(expired == abandon, f"the {abandon} walked-away orders were cancelled by the hold release (got {expired})")
    wrong = stock_adds_up(shop, started)
    check(not wrong, "on hand + sold = starting stock, reserved = held " + "; ".join(wrong))
    twice = payments_taken_twice(shop)
    check(not twice, "no payment taken twice or kept for an unpaid order " + "; ".join(twice[:5]))

    checkout = next((op for op in result["operations"] if op["operation"].startswith("checkout")), None)
    print(f"\nFlash sale: {shoppers:,} shoppers, {stock} units; race {result['raceSeconds']:.2f} s; checkout "
          f"p50 {checkout['p50']:.0f} ms, p99 {checkout['p99']:.0f} ms, max {checkout['max']:.0f} ms; server peak "
          f"{peak:.0f} MiB")
    return check.finish()


if __name__ == "__main__":
    run_main(main)
