#!/usr/bin/env python3
"""Where a first query's time goes: one query in a fresh browser context, with the page's resource timings.

Loads BASE/404.html, imports Mercato's search engine and waits until its manifest is read, then runs QUERY
and prints the query's time and, for every file it fetched, when it was asked for, sent, first answered and
done (ms from the start of the query) and the protocol. Serve the built site first: `python3 -m
http.server --directory DIR/dist`, or nginx with the configuration `run --http2` wrote into DIR/nginx/.

Usage: first_query_timings.py BASE QUERY [--runs 2]   (run with the repository's .venv/bin/python)
"""

import argparse
import asyncio

SCRIPT = """async ([query]) => {
  const engine = await import("/js/search-engine.js");
  await new Promise((resolve) => setTimeout(resolve, 300));
  performance.clearResourceTimings();
  const start = performance.now();
  const outcome = await engine.search(query, { limit: 10 });
  const ms = performance.now() - start;
  const at = (t) => +(t - start).toFixed(1);
  const files = performance.getEntriesByType("resource").map((e) => [
    e.name.split("/").slice(-2).join("/"), at(e.startTime), at(e.requestStart), at(e.responseStart), at(e.responseEnd),
    e.nextHopProtocol]);
  return { ms, total: outcome.total, files };
}"""


async def main() -> None:
    from playwright.async_api import async_playwright
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", help="the served site, e.g. https://127.0.0.1:8443")
    parser.add_argument("query")
    parser.add_argument("--runs", type=int, default=2)
    arguments = parser.parse_args()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for _ in range(arguments.runs):
            context = await browser.new_context(ignore_https_errors=True)
            page = await context.new_page()
            await page.goto(arguments.base + "/404.html")
            await page.wait_for_load_state("networkidle")
            result = await page.evaluate(SCRIPT, [arguments.query])
            print(f"{result['ms']:.1f} ms, {result['total']:,} matches; file: asked, sent, first byte, done (ms)")
            for name, asked, sent, first, done, protocol in result["files"]:
                print(f"  {name:28} {asked:6} {sent:6} {first:6} {done:6}  {protocol}")
            await context.close()
        await browser.close()


if __name__ == "__main__":
    asyncio.run(main())
