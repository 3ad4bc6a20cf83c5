"""The whole purchase with the keyboard alone: add two products, change a quantity, remove one, check out,
a declined card then a good one, the confirmation, cancel. Every control is reached with Tab (or Shift+Tab)
and worked with Enter, Space, arrows or typing; each must show where the focus is."""
import re

from playwright.async_api import async_playwright, expect

from shopper import BASE, close, launch, new_page, run, shot


async def tab_to(page, selector, backwards=False, limit=80):
    """Presses Tab until the focused element matches `selector`; fails if it never does."""
    for _ in range(limit):
        await page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if await page.evaluate("s => document.activeElement?.matches(s)", selector):
            outline = await page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
                return s.outlineStyle !== 'none' || s.boxShadow !== 'none'; }""")
            assert outline, f"focus on {selector} is not visible"
            return
    raise AssertionError(f"Tab never reached {selector}")


async def type_into(page, selector, text):
    await tab_to(page, selector)
    await page.keyboard.type(text)


async def products_in_stock(page):
    await page.goto(f"{BASE}/")
    slugs = await page.locator(".card form.add-to-cart:has(button:not([disabled]))").evaluate_all(
        "forms => forms.map(f => f.dataset.slug)")
    return list(dict.fromkeys(slugs))[:2]


async def keyboard_purchase(browser, width):
    page = await new_page(browser, width)
    first, second = await products_in_stock(page)
    for slug in (first, second):
        await page.goto(f"{BASE}/products/{slug}/")
        await tab_to(page, "form.buy-form button")
        await page.keyboard.press("Enter")
        await expect(page.locator("[data-toast]")).to_contain_text("Added")
    await expect(page.locator("[data-cart-count]")).to_have_text("(2)")

    await tab_to(page, "header a[href='/cart/']", backwards=True)
    await page.keyboard.press("Enter")
    await page.wait_for_url(re.compile(r"/cart/$"))
    await page.wait_for_selector(".cart-line")
    await tab_to(page, f".cart-line[data-slug='{first}'] [data-action=increase]")
    await page.keyboard.press("Enter")
    await expect(page.locator(f".cart-line[data-slug='{first}'] input")).to_have_value("2")
    await tab_to(page, f".cart-line[data-slug='{second}'] [data-action=remove]")
    await page.keyboard.press("Enter")
    await expect(page.locator(".cart-line")).to_have_count(1)
    await tab_to(page, "a[href='/checkout/']")
    await page.keyboard.press("Enter")

    await page.wait_for_selector(".choice input")
    await type_into(page, "#email", "kay@example.com")
    await type_into(page, "#name", "Kay Keys")
    await type_into(page, "#line1", "3 Tab Street")
    await type_into(page, "#city", "Enterville")
    await type_into(page, "#postalCode", "54321")
    await tab_to(page, "#country")
    await page.keyboard.type("United States")
    await expect(page.locator("#country")).to_have_value("US")
    await tab_to(page, ".choice input:checked")
    await page.keyboard.press("ArrowDown")
    await expect(page.locator(".choice input:checked")).to_have_value("express")
    await tab_to(page, "[data-details-form] button[type=submit]")
    await page.keyboard.press("Enter")
    await expect(page.locator("[data-payment]")).to_be_visible()
    assert await page.evaluate("document.activeElement.id === 'payment-title'"), "focus moves to the payment step"

    await tab_to(page, "#paymentMethod")
    await page.keyboard.press("ArrowDown")
    await expect(page.locator("#paymentMethod")).to_have_value("pm_card_chargeDeclined")
    await tab_to(page, "[data-pay-button]")
    await page.keyboard.press("Enter")
    await expect(page.locator("[data-payment-error]")).to_contain_text("declined")
    assert await page.evaluate("document.activeElement.matches('[data-payment-error]')"), "focus on the decline"
    await tab_to(page, "#paymentMethod")
    await page.keyboard.press("ArrowUp")
    await expect(page.locator("#paymentMethod")).to_have_value("pm_card_visa")
    await tab_to(page, "[data-pay-button]")
    await page.keyboard.press("Space")
    await page.wait_for_url(re.compile(r"/orders/\?.*new=1"))
    await expect(page.locator(".status")).to_have_text("Paid")

    await tab_to(page, ".cancel-box > button.secondary")
    await page.keyboard.press("Enter")
    await tab_to(page, ".cancel-box button.danger")
    await page.keyboard.press("Enter")
    await expect(page.locator(".status")).to_have_text("Cancelled")
    await shot(page, f"{width}-30-keyboard-cancelled")
    await close(page, f"keyboard at {width} width")
    print(f"the whole purchase by keyboard at {width} width: passed")


async def main():
    async with async_playwright() as playwright:
        browser = await launch(playwright)
        for width in ("phone", "desktop"):
            await keyboard_purchase(browser, width)
        await browser.close()


run(main)
