"""Browsing as a shopper does before buying: the home page, a category, its cheapest-first order, a product
and its reviews. Every screen is checked (no sideways scroll, 44px tap targets, no serious axe-core
violation) and photographed at both widths; the sort orders are static pages and work without JavaScript."""
from playwright.async_api import async_playwright, expect

from shopper import BASE, close, launch, new_page, run, shot


def cents(text):
    return int("".join(ch for ch in text if ch.isdigit()))


async def browse(browser, width, javascript=True):
    page = await new_page(browser, width, javascript=javascript)
    label = f"{width}{'' if javascript else '-nojs'}"
    await page.goto(f"{BASE}/")
    await expect(page.locator("h1")).to_be_visible()
    await shot(page, f"{label}-40-home")

    links = page.locator("header nav a[href^='/categories/']")
    for index in range(await links.count()):  # the first category with products in it
        await links.nth(index).click()
        await expect(page.locator(".sorts")).to_be_visible()
        if await page.locator(".card").count() > 1:
            break
        await page.go_back()
    await shot(page, f"{label}-41-category")
    await page.locator(".sorts a", has_text="Price: low to high").click()
    await expect(page.locator(".sorts [aria-current=page]")).to_have_text("Price: low to high")
    prices = [cents(text) for text in await page.locator(".card .price strong").all_inner_texts()]
    assert prices and prices == sorted(prices), f"{label}: cheapest first {prices}"
    await shot(page, f"{label}-42-category-price-asc")

    await page.locator(".card a").first.click()
    await expect(page.locator("h1")).to_be_visible()
    await shot(page, f"{label}-43-product")
    reviews = page.locator("a[href$='/reviews/']")
    if await reviews.count():
        await reviews.first.click()
        await expect(page.locator("h1")).to_contain_text("Reviews")
        await shot(page, f"{label}-44-reviews")
    await page.locator("footer a[href='/about/']").click()
    await expect(page.locator("h1")).to_be_visible()
    await shot(page, f"{label}-45-about")
    missing = await page.goto(f"{BASE}/no-such-page/")
    assert missing.status == 404, f"{label}: a missing page answers {missing.status}"
    await expect(page.locator("h1")).to_be_visible()
    await shot(page, f"{label}-46-not-found")
    await close(page, f"browsing at {label}")
    print(f"browsing at {label}: passed")


async def main():
    async with async_playwright() as playwright:
        browser = await launch(playwright)
        for width in ("phone", "desktop"):
            await browse(browser, width)
        await browse(browser, "phone", javascript=False)
        await browser.close()


run(main)
