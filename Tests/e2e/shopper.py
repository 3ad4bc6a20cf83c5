"""What the browser suite shares: the shop under test, Chromium at a phone and a desktop width, and the
checks every screen must pass (no sideways scroll, 44px tap targets, no serious axe-core violations)."""
import asyncio
import importlib.util
import os
import pathlib
import subprocess

BASE = os.environ["MERCATO_E2E_BASE"]  # e.g. http://127.0.0.1:8091
SHOP = os.environ["MERCATO_E2E_SHOP"]  # the demo shop's folder
MERCATO = os.environ["MERCATO_E2E_BINARY"]  # the mercato binary
OUT = pathlib.Path(os.environ.get("MERCATO_E2E_SCREENSHOTS", pathlib.Path(__file__).parent / "screenshots"))
OUT.mkdir(parents=True, exist_ok=True)

WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
AXE = pathlib.Path(importlib.util.find_spec("axe_selenium_python").origin).parent / "node_modules/axe-core/axe.min.js"


async def launch(playwright):
    return await playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)


def cli(*args):
    """Runs a mercato command on the shop, as a merchandiser would while shoppers browse."""
    subprocess.run([MERCATO, *args, "--shop", SHOP], check=True, capture_output=True)


def expected_failure(response):
    """The declined card's 402, the favicon the demo shop does not have, and the page the suite asks for to
    see the 404 page."""
    return ((response.status == 402 and "/payments" in response.url) or response.url.endswith("/favicon.ico")
            or response.url.endswith("/no-such-page/"))


async def new_page(browser, width, refusals_expected=False, javascript=True):
    """A page in a fresh browser profile that records script errors and (unless the test provokes the API's
    refusals on purpose) failed requests in `page.problems`."""
    context = await browser.new_context(viewport=WIDTHS[width], java_script_enabled=javascript)
    page = await context.new_page()
    page.javascript = javascript
    page.problems = []
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.on("console", lambda m: m.type == "error" and not m.text.startswith("Failed to load resource")
            and page.problems.append(m.text))
    page.on("response", lambda r: r.status >= 400 and not refusals_expected and not expected_failure(r)
            and page.problems.append(f"{r.status} {r.url}"))
    return page


async def checks(page, name):
    width = await page.evaluate("() => [document.documentElement.scrollWidth, innerWidth]")
    assert width[0] <= width[1], f"{name}: scrolls sideways {width}"
    # A checkbox or radio button is tapped through its label.
    small = await page.evaluate("""() => [...document.querySelectorAll(
            'main button, main input:not([type=hidden]), main select, header a, .toast a, main .button-link')]
        .filter(e => e.offsetParent !== null)
        .map(e => [e.outerHTML.slice(0, 80),
            (['checkbox', 'radio'].includes(e.type) && e.closest('label') || e).getBoundingClientRect()])
        .filter(([, r]) => r.height < 44 || r.width < 24)
        .map(([html, r]) => `${html} ${Math.round(r.width)}x${Math.round(r.height)}`)""")
    assert not small, f"{name}: tap targets under 44px {small}"
    if not page.javascript:
        return  # axe-core is a script; the same pages are checked with scripts on
    await page.add_script_tag(path=str(AXE))
    # The bundled axe-core predates `<div>` groups inside `<dl>`, which HTML allows.
    violations = await page.evaluate("""async () => (await axe.run(document,
            {resultTypes: ['violations'], rules: {dlitem: {enabled: false}}})).violations
        .filter(v => ['serious', 'critical'].includes(v.impact))
        .map(v => `${v.id}: ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`)""")
    assert not violations, f"{name}: accessibility {violations}"


async def shot(page, name, full=True):
    """A screenshot, then the checks (axe scrolls elements into view while it checks contrast)."""
    if not full:
        await page.evaluate("scrollTo(0, 0)")
    else:  # a full-page picture does not scroll, so lazy images below the fold would stay blank
        await page.evaluate("""() => Promise.all([...document.images].map(image => {
            image.loading = "eager";
            return image.complete ? null : new Promise(done => { image.onload = image.onerror = done; });
        }))""")
    await page.screenshot(path=str(OUT / f"{name}.png"), full_page=full, animations="disabled")
    await checks(page, name)


async def close(page, label):
    assert not page.problems, f"{label}: {page.problems}"
    await page.context.close()


async def fill_address(page, *, email, name, line1, city, postal, country):
    await page.wait_for_selector(".choice input")
    for field, value in [("#email", email), ("#name", name), ("#line1", line1), ("#city", city), ("#postalCode", postal)]:
        await page.fill(field, value)
    await page.select_option("#country", country)


def run(main):
    asyncio.run(main())
