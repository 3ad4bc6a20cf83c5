"""The shopper's journey at both widths: add to cart from a category page and a product page, a price
that changes after the build, quantities, remove, checkout with the error summary, a declined card then a
good one, confirmation, tracking, cancel; and a payment confirmed a moment later (202, polled)."""
import re

from playwright.async_api import async_playwright, expect

from shopper import BASE, cli, close, fill_address, launch, new_page, run, shot


async def first_category(page):
    await page.goto(f"{BASE}/categories/")
    return await page.locator("main a[href^='/categories/']").first.get_attribute("href")


async def journey(browser, width):
    page = await new_page(browser, width)
    # A category page: the first product in stock, from its card.
    await page.goto(BASE + await first_category(page))
    card = page.locator(".card form.add-to-cart:has(button:not([disabled]))").first
    card_slug, card_name = await card.get_attribute("data-slug"), await card.get_attribute("data-name")
    await card.locator("button").click()
    await expect(page.locator("[data-toast]")).to_contain_text(f"Added {card_name} to your cart")
    await expect(page.locator("[data-cart-count]")).to_have_text("(1)")
    await shot(page, f"{width}-01-category-added", full=False)

    # A product page: two of another product.
    other = page.locator(f".card form.add-to-cart:has(button:not([disabled])):not([data-slug='{card_slug}'])").first
    product_slug = await other.get_attribute("data-slug")
    await page.goto(f"{BASE}/products/{product_slug}/")
    await page.fill("#quantity", "2")
    await page.click("form.buy-form button")
    await expect(page.locator("[data-toast]")).to_contain_text("Added 2 ×")
    await expect(page.locator("[data-cart-count]")).to_have_text("(3)")
    await shot(page, f"{width}-02-product-added", full=False)

    # The first product's price changes after the build: its page shows the live price.
    await page.goto(f"{BASE}/products/{card_slug}/")
    built = int(await page.locator("form.buy-form").get_attribute("data-price-minor"))
    cli("product", "update", card_slug, "--price", f"{(built + 100) / 100:.2f}")
    try:
        await page.reload()
        await expect(page.locator("[data-price] .price-note")).to_contain_text("Price changed from")
        await shot(page, f"{width}-03-product-live-price", full=False)

        # The cart flags the change until the new price is accepted.
        await page.goto(f"{BASE}/cart/")
        await expect(page.locator(".price-flag")).to_contain_text("Price changed from")
        await shot(page, f"{width}-04-cart-price-changed")
        await page.click("text=Accept new prices")
        await expect(page.locator(".price-flag")).to_have_count(0)
    finally:
        cli("product", "update", card_slug, "--price", f"{built / 100:.2f}")

    line = page.locator(f".cart-line[data-slug='{product_slug}']")
    await line.locator("[data-action=increase]").click()
    await expect(line.locator("input")).to_have_value("3")
    await expect(page.locator("[data-cart-count]")).to_have_text("(4)")
    assert await page.evaluate("document.activeElement.dataset.key") == f"increase:{product_slug}", "focus stays on +"
    await line.locator("[data-action=decrease]").click()
    await expect(line.locator("input")).to_have_value("2")
    await line.locator("input").fill("4")
    await line.locator("input").press("Tab")
    await expect(page.locator("[data-cart-count]")).to_have_text("(5)")
    await page.locator(f".cart-line[data-slug='{card_slug}'] [data-action=remove]").click()
    await expect(page.locator(".cart-line")).to_have_count(1)
    await expect(page.locator("[data-cart-count]")).to_have_text("(4)")
    await shot(page, f"{width}-05-cart")
    await page.click("text=Go to checkout")

    # Checkout: nothing filled in shows the error summary, focused, each error tied to its field.
    await page.wait_for_selector(".choice input")
    await shot(page, f"{width}-06-checkout")
    await page.click("text=Continue to payment")
    await expect(page.locator("[data-error-summary]")).to_be_visible()
    assert await page.evaluate("document.activeElement.matches('[data-error-summary]')"), "focus on the summary"
    assert await page.get_attribute("#email", "aria-invalid") == "true"
    assert "email-error" in await page.get_attribute("#email", "aria-describedby")
    await shot(page, f"{width}-07-checkout-errors")
    await fill_address(page, email="sam@example.com", name="Sam Shopper", line1="1 Main Street", city="Springfield",
                       postal="12345", country="US")
    await page.locator(".choice", has_text="Express").click()
    await expect(page.locator("[data-totals]")).to_contain_text("Estimated total")
    await page.click("text=Continue to payment")
    await expect(page.locator("[data-payment]")).to_be_visible()
    await expect(page.locator("[data-totals]")).to_contain_text("Tax")
    await expect(page.locator("[data-cart-count]")).to_have_text("")
    await shot(page, f"{width}-08-payment")

    # A declined card, then a good one.
    await page.select_option("#paymentMethod", "pm_card_chargeDeclined")
    await page.click("[data-pay-button]")
    await expect(page.locator("[data-payment-error]")).to_contain_text("declined")
    assert await page.evaluate("document.activeElement.matches('[data-payment-error]')"), "focus on the decline"
    await shot(page, f"{width}-09-declined")
    await page.select_option("#paymentMethod", "pm_card_visa")
    await page.click("[data-pay-button]")
    await page.wait_for_url(re.compile(r"/orders/\?.*new=1"))
    await expect(page.locator("h1")).to_have_text("Thank you for your order")
    await expect(page.locator(".status")).to_have_text("Paid")
    await shot(page, f"{width}-10-confirmation")

    # The tracking page (no `new`), then cancel.
    await page.goto(page.url.replace("&new=1", ""))
    await expect(page.locator("h1")).to_contain_text("Order M-")
    await page.click("text=Cancel order")
    await page.click("text=Yes, cancel it")
    await expect(page.locator(".status")).to_have_text("Cancelled")
    await expect(page.locator("text=Cancel order")).to_have_count(0)
    await shot(page, f"{width}-11-cancelled")
    await close(page, width)
    print(f"journey at {width} width: passed")


async def delayed_payment(browser):
    page = await new_page(browser, "phone")
    await page.goto(BASE + await first_category(page))
    await page.locator(".card form.add-to-cart button:not([disabled])").first.click()
    await expect(page.locator("[data-cart-count]")).to_have_text("(1)")
    await page.goto(f"{BASE}/checkout/")
    await fill_address(page, email="d@example.com", name="Dee", line1="2 Road", city="Leeds", postal="LS1 1AA",
                       country="GB")
    await page.click("text=Continue to payment")
    await expect(page.locator("[data-payment]")).to_be_visible()
    await page.reload()  # a reload returns to payment, not to an empty cart
    await expect(page.locator("[data-payment]")).to_be_visible()
    await page.select_option("#paymentMethod", "pm_card_delayed")
    await page.click("[data-pay-button]")
    await page.wait_for_url(re.compile(r"/orders/\?.*new=1"), timeout=30000)
    await expect(page.locator(".status")).to_have_text("Paid")
    await close(page, "delayed payment")
    print("payment confirmed a moment later: passed")


async def main():
    async with async_playwright() as playwright:
        browser = await launch(playwright)
        for width in ("phone", "desktop"):
            await journey(browser, width)
        await delayed_payment(browser)
        await browser.close()


run(main)
