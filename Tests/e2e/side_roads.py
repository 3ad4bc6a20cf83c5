"""The journey's side roads at both widths: a cart token the server does not know, stock running out
before and during checkout, a field the server refuses, an unknown discount code, a gateway error then a
payment, a product out of stock when built but back now, and the cart by keyboard."""
import re

from playwright.async_api import async_playwright, expect

from shopper import BASE, cli, close, fill_address, launch, new_page, run, shot


async def add(page, slug, quantity=1):
    await page.goto(f"{BASE}/products/{slug}/")
    await page.fill("#quantity", str(quantity))
    await page.click("form.buy-form button")
    await expect(page.locator("[data-toast]")).to_contain_text("Added")


async def two_products(page):
    await page.goto(f"{BASE}/")
    forms = page.locator(".card form.add-to-cart:has(button:not([disabled]))")
    slugs = []
    for index in range(await forms.count()):
        slug = await forms.nth(index).get_attribute("data-slug")
        if slug not in slugs:
            slugs.append(slug)
    return slugs[0], slugs[1]


async def side_roads(browser, width):
    page = await new_page(browser, width, refusals_expected=True)
    scarce, plenty = await two_products(page)
    cli("stock", "set", scarce, "5")
    cli("stock", "set", plenty, "20")

    # A cart token the server does not know: adding starts a new cart.
    await page.evaluate("localStorage.setItem('mercato.cart', 'no-such-cart')")
    await add(page, scarce, 2)
    await add(page, plenty)
    assert await page.evaluate("localStorage.getItem('mercato.cart')") != "no-such-cart", "a new cart was started"
    await expect(page.locator("[data-cart-count]")).to_have_text("(3)")

    # Stock runs short after the cart was filled: the cart flags it and checkout sends the shopper back.
    cli("stock", "set", scarce, "1")
    await page.goto(f"{BASE}/cart/")
    await expect(page.locator(".stock-flag")).to_contain_text("Only 1 left")
    await shot(page, f"{width}-21-cart-short")
    await page.goto(f"{BASE}/checkout/")
    await expect(page.locator("[data-checkout-empty]")).to_contain_text("short of stock")
    await page.goto(f"{BASE}/cart/")
    await page.locator(f".cart-line[data-slug='{scarce}'] [data-action=decrease]").click()
    await expect(page.locator(".stock-flag")).to_have_count(0)
    await page.click("text=Go to checkout")
    await fill_address(page, email="e@example.com", name="Edge Case", line1="3 Side Road", city="Austin",
                       postal="12345", country="US")
    # The last one sells while the shopper types: the server's answer names the line.
    cli("stock", "set", scarce, "0")
    await page.click("text=Continue to payment")
    await expect(page.locator("[data-error-summary]")).to_contain_text("out of stock")
    await expect(page.locator("[data-error-summary] a[href='/cart/']")).to_be_visible()
    await shot(page, f"{width}-22-checkout-out-of-stock")
    await page.goto(f"{BASE}/cart/")
    await page.locator(f".cart-line[data-slug='{scarce}'] [data-action=remove]").click()
    await expect(page.locator(".cart-line")).to_have_count(1)

    # A field the server refuses and an unknown discount code, each tied to its field.
    await page.goto(f"{BASE}/checkout/")
    await fill_address(page, email="e@example.com", name="Edge Case", line1="3 Side Road", city="Austin",
                       postal="12@45", country="US")
    await page.click("text=Continue to payment")
    await expect(page.locator("#postalCode-error")).to_be_visible()
    assert "postalCode-error" in await page.get_attribute("#postalCode", "aria-describedby")
    await shot(page, f"{width}-23-server-field-error")
    await page.fill("#postalCode", "73301")
    await page.fill("#discountCode", "NOSUCHCODE")
    await page.click("text=Continue to payment")
    await expect(page.locator("#discountCode-error")).to_contain_text("NOSUCHCODE")
    await expect(page.locator("#postalCode-error")).to_have_count(0)
    await page.fill("#discountCode", "")
    await page.click("text=Continue to payment")
    await expect(page.locator("[data-payment]")).to_be_visible()

    # The gateway fails once; the next press pays.
    await page.select_option("#paymentMethod", "pm_card_gatewayError")
    await page.click("[data-pay-button]")
    await expect(page.locator("[data-payment-error]")).to_be_visible()
    await shot(page, f"{width}-24-gateway-error")
    await page.select_option("#paymentMethod", "pm_card_visa")
    await page.click("[data-pay-button]")
    await page.wait_for_url(re.compile(r"/orders/\?.*new=1"))

    # Out of stock: the product page says so and cannot add it to the cart.
    cli("build")
    await page.goto(f"{BASE}/products/{scarce}/")
    await expect(page.locator("[data-stock]")).to_have_text("Out of stock")
    await expect(page.locator("form.buy-form button")).to_have_text("Out of stock")
    await expect(page.locator("form.buy-form button")).to_be_disabled()
    await expect(page.locator("#quantity")).to_be_disabled()
    await expect(page.locator("[data-cart-count]")).to_have_text("")
    await shot(page, f"{width}-25-out-of-stock")

    # Built out of stock, back in stock now: the product page offers it again, up to what is left.
    cli("stock", "set", scarce, "4")
    await page.goto(f"{BASE}/products/{scarce}/")
    await expect(page.locator("form.buy-form button")).to_have_text("Add to cart")
    await expect(page.locator("[data-stock]")).to_have_text("Only 4 left")
    assert await page.get_attribute("#quantity", "max") == "4"
    await page.click("form.buy-form button")
    await expect(page.locator("[data-cart-count]")).to_have_text("(1)")

    # The cart by keyboard: + is reachable, shows its focus, and keeps it after the change.
    await page.goto(f"{BASE}/cart/")
    await page.wait_for_selector(".cart-line")
    for _ in range(60):
        await page.keyboard.press("Tab")
        if await page.evaluate("document.activeElement.dataset.action === 'increase'"):
            break
    assert await page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none", "focus is visible"
    await page.keyboard.press("Enter")
    await expect(page.locator(".cart-line input").first).to_have_value("2")
    assert await page.evaluate("document.activeElement.dataset.action") == "increase", "focus stays on +"
    cli("stock", "set", scarce, "5")
    await close(page, width)
    print(f"side roads at {width} width: passed")


async def main():
    async with async_playwright() as playwright:
        browser = await launch(playwright)
        for width in ("phone", "desktop"):
            await side_roads(browser, width)
        await browser.close()


run(main)
