"""Search against a built fixture shop in Chromium: the text module agrees with the builder's cases, the
search box answers as you type and by keyboard, ranking puts name matches first, accents, plurals, prefixes
and a typo are forgiven, the results page filters, counts and sorts through its URL, category pages filter,
and pages work without JavaScript. Run by Tests/search/run."""
import gzip
import json
import pathlib
import re
import sys
from urllib.parse import parse_qs, urlparse

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent / "e2e"))
from playwright.async_api import async_playwright  # noqa: E402
from shopper import BASE, WIDTHS, close, launch, new_page, run, shot  # noqa: E402

CASES = json.loads((pathlib.Path(__file__).parent / "text-cases.json").read_text())["cases"]


async def settled(page, root="[data-search-page]"):
    await page.wait_for_function(f"!document.querySelector('{root}').hasAttribute('aria-busy')")


async def every_card_filled(page):
    """Scrolls down the results until every card has its record (they are read as they come near the view)."""
    while await page.evaluate("""() => {
            const waiting = document.querySelector('[data-results] .card.is-loading');
            waiting?.scrollIntoView();
            return waiting !== null;
        }"""):
        await page.wait_for_timeout(50)


async def results(page, query, **params):
    """The search page's result names and count text for a query and URL parameters."""
    url = f"{BASE}/search/?q={query}" + "".join(f"&{key}={value}" for key, value in params.items())
    await page.goto(url)
    await page.wait_for_function("document.querySelector('[data-result-count]').textContent.length > 0")
    await settled(page)
    await every_card_filled(page)
    names = await page.locator("[data-results] .card-name").all_inner_texts()
    return names, await page.inner_text("[data-result-count]")


async def text_module_agrees_with_the_builder(browser):
    page = await new_page(browser, "desktop")
    await page.goto(BASE + "/")
    got = await page.evaluate("""async (cases) => {
        const { terms } = await import("/js/search-text.js");
        return cases.map(([text]) => terms(text));
    }""", CASES)
    for (text, expected), terms in zip(CASES, got):
        assert terms == expected, f"{text!r}: the browser gives {terms}, the builder {expected}"
    await close(page, "text module")


async def search_box_answers_as_you_type(browser, width):
    page = await new_page(browser, width)
    await page.goto(BASE + "/")
    box = page.locator("#site-search")
    await box.press_sequentially("brul", delay=30)
    options = page.locator("#site-search-results [role=option]")
    await options.first.wait_for()
    assert "Crème Brûlée Torch" in await options.first.inner_text(), "a prefix without its accents finds the torch"
    assert await page.get_attribute(".site-search [role=combobox]", "aria-expanded") == "true"
    status = await page.inner_text("[data-search-status]")
    assert re.search(r"\d+ products? match", status), f"results are announced: {status!r}"
    await shot(page, f"search-box-{width}", full=False)
    # Keyboard: down to the first result, Enter opens it.
    await box.press("ArrowDown")
    active = await box.get_attribute("aria-activedescendant")
    assert active and await page.get_attribute(f"#{active}", "aria-selected") == "true"
    await box.press("Enter")
    await page.wait_for_url("**/products/creme-brulee-torch/")
    # Enter with nothing chosen opens the results page with a shareable URL.
    await page.fill("#site-search", "firefly")
    await page.locator("#site-search-results [role=option]").first.wait_for()
    await page.press("#site-search", "Escape")
    assert await page.locator("#site-search-results").is_hidden()
    await page.press("#site-search", "Enter")
    await page.wait_for_url("**/search/?q=firefly")
    await close(page, f"search box {width}")


async def ranking_and_forgiveness(browser):
    page = await new_page(browser, "desktop")
    names, count = await results(page, "firefly")
    # Name matches first (in stock before out of stock), then the description match.
    assert names == ["Firefly Lamp", "Firefly Lamp Hook", "Folding Camp Stool"], names
    assert count.startswith("3 products match"), count
    for query in ["FIREFLIES", "fireflies", "firefly%27s", "firefyl", "fierfly%20hook"]:
        found, _ = await results(page, query)
        assert found and found[0].startswith("Firefly Lamp"), f"{query}: {found}"
    found, _ = await results(page, "creme%20brulee")
    assert found == ["Crème Brûlée Torch"], found
    found, _ = await results(page, "crème")
    assert found == ["Crème Brûlée Torch"], found
    names, count = await results(page, "firefly%20stool")
    assert names == ["Folding Camp Stool"], f"two words: products with both {names}"
    names, count = await results(page, "zzzzqqq")
    assert names == [] and count.startswith("No products match"), count
    names, count = await results(page, "firefly%20zzzzqqq")
    assert "some of your words" in count and names, f"no product has both: those with one {names} {count}"
    await close(page, "ranking")


def varint(data, offset):
    value = shift = 0
    while True:
        byte = data[offset]
        offset += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, offset
        shift += 7


async def a_stale_cached_index_is_fetched_again(browser):
    """Files cached from before a rebuild: a manifest of an older format and term shards whose first
    category has another version are each fetched again past the cache, and the query still answers."""
    page = await new_page(browser, "desktop")
    requests = {}

    async def stale_once(route):
        url = route.request.url
        requests[url] = requests.get(url, 0) + 1
        response = await route.fetch()
        body = await response.body()
        if requests[url] > 1:
            return await route.fulfill(response=response, body=body)
        if body[:2] == b"\x1f\x8b":
            body = gzip.decompress(body)
        if url.endswith("/manifest.bin"):
            manifest = json.loads(body)
            manifest["format"] = 2
            body = json.dumps(manifest).encode()
        else:
            offset = 1
            for _ in range(2):  # the shard's start and end
                length, offset = varint(body, offset)
                offset += length
            _, offset = varint(body, offset)  # section count
            length, offset = varint(body, offset)  # the first slug
            offset += length
            body = body[:offset] + bytes(b ^ 0xFF for b in body[offset:offset + 4]) + body[offset + 4:]
        await route.fulfill(response=response, body=body)

    await page.route("**/search/manifest.bin", stale_once)
    await page.route("**/search/terms/*", stale_once)
    names, count = await results(page, "firefly")
    assert names == ["Firefly Lamp", "Firefly Lamp Hook", "Folding Camp Stool"], names
    shards = [url for url in requests if "/search/terms/" in url]
    assert shards and any(url.endswith("/manifest.bin") for url in requests), requests
    # A file fetched again may still be on its way once the titles show (the best-results file, whose
    # records the page no longer needs): closing the page under it would fail its route.
    await page.unroute_all(behavior="wait")
    for url, asked in requests.items():
        assert asked == 2, f"{url}: asked for {asked} times, not once and once again"
    await close(page, "stale index")


async def results_page_filters_sorts_and_shares(browser, width):
    page = await new_page(browser, width)
    names, count = await results(page, "firefly")
    if width == "phone":
        await page.click("[data-filters] summary")
    # Counts beside every filter value.
    brand = page.locator("input[name=brand][value=Lumen]")
    label = await page.locator("label", has=brand).inner_text()
    assert re.search(r"Lumen\s*\(3\)", label), label
    await page.check("input[name=stock][value=in]")
    await page.wait_for_function("location.search.includes('stock=in')")
    await page.wait_for_function("document.querySelectorAll('[data-results] .card:not(.is-loading)').length === 2")
    stocks = await page.locator("[data-results] .stock").all_inner_texts()
    assert all(stock != "Out of stock" for stock in stocks), stocks
    await page.select_option("[data-sort]", "price-asc")
    await page.wait_for_function("location.search.includes('sort=price-asc')")
    await page.wait_for_function("document.querySelector('[data-results] .card-name').textContent === 'Folding Camp Stool'")
    prices = [float(p.replace("$", "")) for p in await page.locator("[data-results] .price strong").all_inner_texts()]
    assert prices == sorted(prices), prices
    await shot(page, f"search-results-{width}")
    # The URL is the state: a fresh page at the same URL shows the same.
    url = page.url
    query = parse_qs(urlparse(url).query)
    assert query == {"q": ["firefly"], "stock": ["in"], "sort": ["price-asc"]}, query
    again = await new_page(browser, width)
    await again.goto(url)
    await again.wait_for_function("document.querySelectorAll('[data-results] .card:not(.is-loading)').length === 2")
    assert await again.locator("[data-results] .card-name").all_inner_texts() == ["Folding Camp Stool", "Firefly Lamp"]
    assert await again.is_checked("input[name=stock][value=in]")
    # Back undoes the sort.
    await page.go_back()
    await page.wait_for_function("!location.search.includes('sort=')")
    await close(again, "shared URL")
    await close(page, f"results {width}")


async def a_broad_query_counts_everything_and_pages(browser):
    page = await new_page(browser, "desktop")
    names, count = await results(page, "the%20made")
    total = int(re.match(r"([\d,]+) products? match", count).group(1).replace(",", ""))
    assert total > 24 and len(names) == 24, (total, len(names))
    await page.click(".pagination a[rel=next]")
    await page.wait_for_function("location.search.includes('page=2')")
    await settled(page)
    second = await page.locator("[data-results] .card-name").all_inner_texts()
    assert second and not set(second) & set(names), "page 2 shows other products"
    # Category counts add up to the total.
    counts = [int(re.search(r"\((\d+)\)", text).group(1))
              for text in await page.locator("fieldset:has(legend:text('Category')) label").all_inner_texts()]
    assert sum(counts) == total, (counts, total)
    # Without filters the engine ranks from its typed arrays, making objects only for the best, or, for one
    # term a category ("made " typed whole), from its postings' groups: the same results in the same order,
    # ties included, and the same total as ranking every match (what counting filters does).
    ranked = await page.evaluate("""async () => {
        const { search } = await import("/js/search-engine.js");
        const ids = (outcome) => outcome.results.map((result) => `${result.category.slug}/${result.record.id}`);
        const plain = [], counted = [];
        for (const query of ["the made", "made ", "made", "lamp", "made lamp"]) {
            for (const [offset, limit] of [[0, 8], [24, 24], [0, 200]]) {
                const fast = await search(query, { offset, limit });
                const every = await search(query, { offset, limit, withFilters: true });
                plain.push([query, offset, fast.total, ids(fast)]);
                counted.push([query, offset, every.total, ids(every)]);
            }
        }
        return { plain, counted };
    }""")
    assert ranked["plain"] == ranked["counted"], ranked
    assert [len(ids) for _, _, _, ids in ranked["plain"][:3]] == [8, 24, 96], "a second page, and every match"
    await close(page, "broad query")


RECORD_BLOCK = r"/search/data/[^/]+/r-\d+\.bin$"


def requested(page, pattern):
    """The URLs matching `pattern` that the page asks for from now on, as it asks for them."""
    urls = []
    page.on("request", lambda request: re.search(pattern, request.url) and urls.append(request.url))
    return urls


async def without_and_with_every_category(page, body, queries, pattern):
    """Runs the script `body` over `queries` with no filter, then with every category chosen as one (which every
    match passes). `body` has `search`, `queries` and `filters` at hand and returns its outcomes. Returns both
    runs' outcomes, each with the URLs matching `pattern` that it asked for."""
    await page.goto(BASE + "/404.html")
    urls = requested(page, pattern)
    script = """async ([queries, everyCategory]) => {
        const { search } = await import("/js/search-engine.js");
        const { loadManifest } = await import("/js/search-data.js");
        const manifest = await loadManifest();
        const filters = everyCategory ? { category: new Set(manifest.partitions.map((p) => p.slug)) } : {};
""" + body + "}"
    plain = await page.evaluate(script, [queries, False])
    plain_urls = list(urls)
    every = await page.evaluate(script, [queries, True])
    return (plain, plain_urls), (every, urls[len(plain_urls):])


async def a_one_word_querys_counts_come_with_its_term(browser):
    """With no filter chosen, a one-word query's filter counts come from its term shard (no filter column is
    read) and equal the counts made from the filter columns, with every category chosen (which every match
    passes); the results and totals are the same too."""
    page = await new_page(browser, "desktop")
    body = """        const plain = (outcome) => ({
            total: outcome.total, ids: outcome.results.map((r) => `${r.category.slug}/${r.record.id}`),
            category: [...outcome.counts.category], price: [...outcome.counts.price], rating: [...outcome.counts.rating],
            stock: outcome.counts.stock, facets: outcome.counts.facets.map((values) => [...values]),
        });
        const outcomes = [];
        for (const query of queries) {
            for (const sort of ["relevance", "price-asc"]) outcomes.push(plain(await search(query, { withFilters: true, filters, sort, limit: 24 })));
        }
        return outcomes;
    """
    queries = ["lamp ", "made ", "firefly ", "crème ", "zzzzqqq "]
    (from_terms, columns), (from_columns, columns_then) = await without_and_with_every_category(page, body, queries, r"/f-")
    assert columns == [], f"counted from the term shards, no filter column read: {columns}"
    assert columns_then, "choosing categories reads the filter columns"
    for index, (terms, counted) in enumerate(zip(from_terms, from_columns)):
        assert terms == counted, f"{queries[index // 2]!r}: from the term shards {terms}, from the columns {counted}"
    broad = from_terms[2]  # "made "
    assert broad["total"] > 1 and broad["facets"][0] and broad["price"] and broad["category"], broad
    await close(page, "counts from terms")


async def a_one_word_querys_first_records_come_with_its_shard(browser):
    """The records of a one-word query's first results come from the best-results file read beside its term
    shard, without a record block, and are those the record blocks give (with every category chosen as a
    filter, which every match passes, the records are read from the blocks)."""
    page = await new_page(browser, "desktop")
    body = """        const outcomes = [];
        for (const query of queries) {
            const outcome = await search(query, { limit: 10, filters });
            outcomes.push([outcome.total, outcome.results.map((r) => [r.category.slug, r.record])]);
        }
        return outcomes;
    """
    queries = ["lamp ", "made ", "firefly ", "fierfly ", "crème "]
    (from_best, blocks), (from_blocks, blocks_then) = await without_and_with_every_category(page, body, queries, RECORD_BLOCK)
    assert blocks == [], f"no record block read: {blocks}"
    assert blocks_then, "with a filter chosen, records come from the record blocks"
    for query, best, block in zip(queries, from_best, from_blocks):
        assert best == block, f"{query!r}: from the best-results file {best}, from the record blocks {block}"
    assert all(total > 0 for total, _ in from_best) and len(from_best[1][1]) == 10, from_best
    await close(page, "records from the best-results file")


async def the_results_page_reads_the_records_of_the_cards_in_view(browser):
    """24 results on a phone: records are read for the cards within a screen of the view, and for the others
    as the shopper scrolls; the cards show the same products as the engine's records."""
    page = await new_page(browser, "phone")
    blocks = requested(page, RECORD_BLOCK)
    await page.goto(f"{BASE}/search/?q=the%20made")
    await settled(page)
    cards = page.locator("[data-results] .card")
    assert await cards.count() == 24
    filled = await page.locator("[data-results] .card:not(.is-loading)").count()
    reach = await page.evaluate("""() => [...document.querySelectorAll('[data-results] .card')]
        .filter((card) => card.getBoundingClientRect().top < innerHeight * 2).length""")
    assert 0 < filled == reach < 24, f"cards filled {filled}, within a screen of the view {reach}"
    # The first ten records come with the word's term shard (its best-results file); the rest from blocks.
    assert len(set(blocks)) <= max(0, filled - 10), f"record blocks read for {filled} cards: {blocks}"
    await every_card_filled(page)
    assert blocks, "the cards further down read record blocks"
    wanted = await page.evaluate("""async () => {
        const { search } = await import("/js/search-engine.js");
        const outcome = await search("the made", { limit: 24 });
        return outcome.results.map((result) => result.record.name);
    }""")
    assert await page.locator("[data-results] .card-name").all_inner_texts() == wanted
    await close(page, "cards in view")


async def category_page_filters(browser, width):
    page = await new_page(browser, width)
    await page.goto(BASE + "/categories/outdoor/")
    static = await page.locator("[data-static] .card-name").all_inner_texts()
    await page.click("[data-filters] summary")
    await page.locator("input[name=colour]").first.wait_for()
    await page.check("input[name=colour][value=Black]")
    await page.wait_for_function("location.search === '?colour=Black'")
    await page.wait_for_function("document.querySelector('[data-results]').hidden === false")
    names = await page.locator("[data-results] .card-name").all_inner_texts()
    assert "Firefly Lamp" in names and "Folding Camp Stool" not in names, names
    assert await page.locator("[data-static]").is_hidden()
    await shot(page, f"category-filters-{width}")
    await page.click("[data-clear-filters]")
    await page.wait_for_function("location.search === ''")
    assert await page.locator("[data-static] .card-name").all_inner_texts() == static
    await close(page, f"category filters {width}")


async def without_javascript(browser):
    context = await browser.new_context(viewport=WIDTHS["phone"], java_script_enabled=False)
    page = await context.new_page()
    await page.goto(BASE + "/categories/outdoor/")
    assert await page.locator("[data-filters]").is_hidden(), "no filter panel that cannot work"
    await page.click(".sorts a:text('Price: low to high')")
    await page.wait_for_url("**/categories/outdoor/price-asc/")
    prices = [float(p.replace("$", "").replace(",", "")) for p in await page.locator(".grid .price strong").all_inner_texts()]
    assert prices and prices == sorted(prices), prices
    await page.fill("#site-search", "firefly")
    await page.press("#site-search", "Enter")
    await page.wait_for_url("**/search/?q=firefly")
    assert "Search needs JavaScript" in await page.inner_text("main")
    await context.close()


async def main():
    async with async_playwright() as playwright:
        browser = await launch(playwright)
        await text_module_agrees_with_the_builder(browser)
        await ranking_and_forgiveness(browser)
        await a_stale_cached_index_is_fetched_again(browser)
        await a_broad_query_counts_everything_and_pages(browser)
        await a_one_word_querys_counts_come_with_its_term(browser)
        await a_one_word_querys_first_records_come_with_its_shard(browser)
        await the_results_page_reads_the_records_of_the_cards_in_view(browser)
        for width in WIDTHS:
            await search_box_answers_as_you_type(browser, width)
            await results_page_filters_sorts_and_shares(browser, width)
            await category_page_filters(browser, width)
        await without_javascript(browser)
        await browser.close()


run(main)
