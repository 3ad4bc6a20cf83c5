"""Paying by card through Stripe: the same shop served by a second `mercato serve` whose gateway is Stripe (a
local server that answers as Stripe's API does, see fake_stripe.py). The shopper types card numbers into
Stripe's field; a declined card, then a good one; a card whose bank asks for 3-D Secure. Mercato sees only
payment-method ids, never a card number."""
import os
import re
import socket
import subprocess
import time
import urllib.request

from playwright.async_api import async_playwright, expect

from fake_stripe import PUBLISHABLE_KEY, SECRET_KEY, FakeStripe
from shopper import MERCATO, SHOP, close, fill_address, launch, new_page, run, shot

DECLINED, GOOD, THREE_D_SECURE = "4000000000000002", "4242424242424242", "4000002760003184"


def serve_with_stripe(stripe):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    environment = dict(os.environ, STRIPE_SECRET_KEY=SECRET_KEY, STRIPE_PUBLISHABLE_KEY=PUBLISHABLE_KEY,
                       STRIPE_API_BASE=stripe.url)
    log = open(os.path.join(SHOP, "serve-stripe.log"), "w")
    server = subprocess.Popen([MERCATO, "serve", "--shop", SHOP, "--port", str(port)], env=environment,
                              stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/health")
            return server, base
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("mercato serve with Stripe did not start; see serve-stripe.log")


async def to_payment(page, base):
    await page.goto(base + "/categories/")
    for href in await page.locator("main a[href^='/categories/']").evaluate_all("links => links.map(a => a.href)"):
        await page.goto(href)
        buttons = page.locator(".card form.add-to-cart button:not([disabled])")
        if await buttons.count():
            break
    await buttons.first.click()
    await expect(page.locator("[data-cart-count]")).to_have_text("(1)")
    await page.goto(base + "/checkout/")
    await fill_address(page, email="kim@example.com", name="Kim Card", line1="9 Elm Road", city="Portland",
                       postal="97201", country="US")
    await page.click("text=Continue to payment")
    await expect(page.locator("[data-card-field]")).to_be_visible()
    await expect(page.locator("[data-test-card-field]")).to_be_hidden()


async def pay_with(page, number):
    await page.locator("[data-fake-stripe-card]").fill(number)
    await page.click("[data-pay-button]")


async def card_journey(browser, base, stripe, width):
    page = await new_page(browser, width)
    await page.route("https://js.stripe.com/v3/", lambda route: route.fulfill(
        content_type="text/javascript", body=stripe.script()))
    await to_payment(page, base)
    await page.locator("[data-fake-stripe-card]").fill("4242")
    await expect(page.locator("[data-card-error]")).to_have_text("Your card number is incomplete.")
    await shot(page, f"{width}-20-stripe-card")
    await pay_with(page, DECLINED)
    await expect(page.locator("[data-payment-error]")).to_contain_text("Your card was declined.")
    await shot(page, f"{width}-21-stripe-declined")
    await pay_with(page, GOOD)
    await page.wait_for_url(re.compile(r"/orders/\?.*new=1"))
    await expect(page.locator(".status")).to_have_text("Paid")
    await close(page, f"Stripe card at {width} width")
    print(f"Stripe card, declined then paid, at {width} width: passed")


async def three_d_secure(browser, base, stripe):
    page = await new_page(browser, "phone")
    await page.route("https://js.stripe.com/v3/", lambda route: route.fulfill(
        content_type="text/javascript", body=stripe.script()))
    await to_payment(page, base)
    await pay_with(page, THREE_D_SECURE)
    await page.wait_for_url(re.compile(r"/orders/\?.*new=1"), timeout=30000)
    await expect(page.locator(".status")).to_have_text("Paid")
    await close(page, "3-D Secure")
    print("Stripe card with a 3-D Secure check: passed")


async def main():
    stripe = FakeStripe()
    server, base = serve_with_stripe(stripe)
    try:
        async with async_playwright() as playwright:
            browser = await launch(playwright)
            for width in ("phone", "desktop"):
                await card_journey(browser, base, stripe, width)
            await three_d_secure(browser, base, stripe)
            await browser.close()
    finally:
        server.terminate()
        server.wait()
        stripe.stop()
    sent = stripe.confirmations
    assert sent and all(set(fields) == {"payment_method"} and fields["payment_method"].startswith("pm_")
                        for fields in sent), f"Mercato confirmed with more than a payment-method id: {sent}"
    log = open(os.path.join(SHOP, "serve-stripe.log")).read()
    assert not any(number in log for number in (DECLINED, GOOD, THREE_D_SECURE)), "a card number reached Mercato"
    print("no card number reached Mercato: passed")


if __name__ == "__main__":
    run(main)
