"""Builds a demo shop, serves it with `mercato serve`, and loads pages in Chromium at phone size the way a
shopper's first and second visits do, reading from Chromium's own records: bytes on the wire, requests,
render-blocking and third-party resources, Largest Contentful Paint and Cumulative Layout Shift.
`mercato serve` does not compress; a CDN does, so each response is also weighed gzip-compressed."""
import argparse
import asyncio
import base64
import gzip
import pathlib
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request

from playwright.async_api import async_playwright

ROOT = pathlib.Path(__file__).resolve().parents[2]
PHONE = {"width": 390, "height": 844}
TARGET_KB = 50

OBSERVE = """() => {
  window.__cls = 0; window.__lcp = 0;
  new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
    .observe({ type: "layout-shift", buffered: true });
  new PerformanceObserver(list => { for (const e of list.getEntries()) window.__lcp = e.startTime; })
    .observe({ type: "largest-contentful-paint", buffered: true });
}"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_shop(binary, products, workdir):
    shop = pathlib.Path(workdir) / "shop"
    if shop.exists():
        shutil.rmtree(shop)
    subprocess.run([binary, "demo", "--products", str(products), "--reviews", str(products * 10), "--shop", str(shop)],
                   check=True, stdout=subprocess.DEVNULL)
    (shop / "public").mkdir(exist_ok=True)
    (shop / "Content").mkdir(exist_ok=True)
    for source, target in [("Templates", "Templates"), ("public/css", "public/css"), ("public/js", "public/js"),
                           ("Content/pages", "Content/pages")]:
        shutil.rmtree(shop / target, ignore_errors=True)
        shutil.copytree(ROOT / source, shop / target)
    subprocess.run([binary, "build", "--shop", str(shop)], check=True, stdout=subprocess.DEVNULL)
    return shop


async def visit(page, cdp, url):
    """Loads `url`; returns what Chromium saw: each response's bytes on the wire and its body gzip-compressed."""
    seen = {}
    from_cache = set()

    def served_from_cache(event):
        from_cache.add(event["requestId"])

    def finished(event):
        if event["requestId"] in seen:
            seen[event["requestId"]]["wire"] = event["encodedDataLength"]

    def responded(event):
        response = event["response"]
        seen[event["requestId"]] = {"url": response["url"], "status": response["status"],
                                    "cached": response.get("fromDiskCache") or response.get("fromMemoryCache"),
                                    "wire": 0}

    cdp.on("Network.requestServedFromCache", served_from_cache)
    cdp.on("Network.responseReceived", responded)
    cdp.on("Network.loadingFinished", finished)
    await page.goto(url, wait_until="networkidle")
    await page.wait_for_timeout(500)
    cdp.remove_listener("Network.requestServedFromCache", served_from_cache)
    cdp.remove_listener("Network.responseReceived", responded)
    cdp.remove_listener("Network.loadingFinished", finished)
    for request_id, record in seen.items():
        record["cached"] = record["cached"] or request_id in from_cache
        try:
            body = (await cdp.send("Network.getResponseBody", {"requestId": request_id}))
            data = base64.b64decode(body["body"]) if body["base64Encoded"] else body["body"].encode()
        except Exception:
            data = b""
        # What a compressing CDN would send: nothing for a cached or revalidated (304) response.
        record["gzip"] = 0 if record["cached"] or record["status"] == 304 else len(gzip.compress(data, 6))
    timing = await page.evaluate("""() => ({ lcp: window.__lcp, cls: window.__cls,
        blocking: performance.getEntriesByType('resource').filter(r => r.renderBlockingStatus === 'blocking').map(r => r.name) })""")
    return list(seen.values()), timing


async def measure(base, path):
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        context = await browser.new_context(viewport=PHONE, device_scale_factor=3, is_mobile=True, has_touch=True)
        await context.add_init_script(script=f"({OBSERVE})()")
        page = await context.new_page()
        cdp = await context.new_cdp_session(page)
        await cdp.send("Network.enable")
        rows = {}
        for name in ("first visit", "repeat visit"):
            responses, timing = await visit(page, cdp, base + path)
            third_party = [r["url"] for r in responses if urllib.parse.urlsplit(r["url"]).netloc != urllib.parse.urlsplit(base).netloc]
            rows[name] = {
                "requests": len(responses),
                "from cache": sum(1 for r in responses if r["cached"] or r["status"] == 304),
                "wire": sum(r["wire"] for r in responses),
                "gzip": sum(r["gzip"] for r in responses),
                "lcp": timing["lcp"], "cls": timing["cls"],
                "blocking": timing["blocking"], "third party": third_party,
            }
        await browser.close()
        return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--products", type=int, default=300)
    parser.add_argument("--workdir", default=None)
    args = parser.parse_args()
    workdir = args.workdir or tempfile.mkdtemp(prefix="mercato-weight-")
    shop = make_shop(args.binary, args.products, workdir)
    port = free_port()
    server = subprocess.Popen([args.binary, "serve", "--shop", str(shop), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/health")
                break
            except OSError:
                time.sleep(0.1)
        product = sorted((shop / "dist" / "products").iterdir())[0].name
        category = sorted(p.name for p in (shop / "dist" / "categories").iterdir() if p.is_dir())[0]
        pages = {"home": "/", "category": f"/categories/{category}/", "product": f"/products/{product}/"}
        results = {name: asyncio.run(measure(base, path)) for name, path in pages.items()}
    finally:
        server.terminate()
        server.wait()

    lines = [f"Page weight at 390x844 (phone), {args.products}-product demo shop, `mercato serve` on loopback.",
             "", "| page | visit | requests (cached or 304) | bytes on the wire | gzip-compressed | LCP ms | CLS | render-blocking | third-party |",
             "|---|---|---|---|---|---|---|---|---|"]
    for name, rows in results.items():
        for visit_name, row in rows.items():
            lines.append(f"| {name} | {visit_name} | {row['requests']} ({row['from cache']}) | {row['wire'] / 1024:.1f} KB | "
                         f"{row['gzip'] / 1024:.1f} KB | {row['lcp']:.0f} | {row['cls']:.3f} | {len(row['blocking'])} | "
                         f"{len(row['third party'])} |")
    lines += ["", f"Targets (product page): under {TARGET_KB} KB compressed on the first visit, no render-blocking "
              "third-party resource, CLS 0. Bytes on the wire include headers; gzip-compressed counts bodies only "
              "(images are PNG, which gzip barely shrinks)."]
    blocking = {url for rows in results.values() for row in rows.values() for url in row["blocking"]}
    if blocking:
        lines.append("Render-blocking resources (all first-party): " + ", ".join(sorted(blocking)))
    text = "\n".join(lines)
    print(text)
    (pathlib.Path(__file__).parent / "results.md").write_text(text + "\n")


if __name__ == "__main__":
    main()
