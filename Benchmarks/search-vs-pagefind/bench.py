#!/usr/bin/env python3
"""Mercato's search index against Pagefind's over the same built site, in one run. See README.md beside this file.

Usage: Benchmarks/search-vs-pagefind/run [--products N] [--workdir DIR] [--keep-alive | --http2]
Environment: MERCATO_BIN, the mercato binary to measure (default: build it with `swift build -c release`).
Needs playwright and pagefind[bin] (the run script installs them into .venv/) and Debian's chromium.
"""

import argparse
import asyncio
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE.parent / "build-vs-hugo"))
from bench import Mercato, Runner, StepFailed, apt_install, mercato_revision, resolve_mercato  # noqa: E402

MARKER = ".search-vs-pagefind"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
RESULTS_SHOWN = 10
REPEATS = 7
STOP_WORDS = {"a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "in", "into", "is", "it", "its",
              "of", "on", "or", "our", "so", "that", "the", "their", "them", "these", "they", "this", "to", "was",
              "we", "will", "with", "you", "your"}


def prepare(workdir: Path) -> None:
    if workdir == REPO or workdir in REPO.parents or workdir == Path("/"):
        raise StepFailed("prepare the work folder", f"refusing to use {workdir}: pick a folder of its own")
    if workdir.exists() and any(workdir.iterdir()) and not (workdir / MARKER).exists():
        raise StepFailed("prepare the work folder",
                         f"{workdir} is not empty and was not made by this benchmark; pick another --workdir")
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    (workdir / MARKER).write_text("Made by Benchmarks/search-vs-pagefind; the next run empties it.\n")
    shutil.copytree(REPO / "Templates", workdir / "Templates")
    images = REPO / "public" / "images"
    shutil.copytree(REPO / "public", workdir / "public",
                    ignore=lambda folder, names: ["products"] if Path(folder) == images else [])
    shutil.copytree(REPO / "Content" / "pages", workdir / "Content" / "pages")


def folder_size(folder: Path) -> tuple[int, int]:
    total = files = 0
    for directory, _, names in os.walk(folder):
        for name in names:
            total += os.stat(os.path.join(directory, name)).st_size
            files += 1
    return total, files


def words_of(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("'", "").replace("’", ""))


def choose_queries(shop: Path) -> dict[str, str]:
    """Queries from the catalog itself: a rare word of the product names (in about 0.05% of products), the word
    found in the most products (names and descriptions), two common name words that often go together, and
    the rare word with two letters after the second swapped."""
    connection = sqlite3.connect(f"file:{shop / 'var/mercato.sqlite'}?mode=ro", uri=True)
    products = connection.execute("SELECT slug, name FROM product WHERE status = 'active'").fetchall()
    connection.close()
    names = Counter()
    pairs = Counter()
    everywhere = Counter()
    for slug, name in products:
        name_words = [w for w in dict.fromkeys(words_of(name)) if w not in STOP_WORDS and len(w) > 2]
        names.update(name_words)
        pairs.update(f"{a} {b}" for a, b in zip(name_words, name_words[1:]))
        body = (shop / "Content/products" / f"{slug}.md").read_text(encoding="utf-8")
        everywhere.update({w for w in words_of(name + " " + body) if w not in STOP_WORDS and len(w) > 3})
    total = len(products)
    target = max(2, total // 2000)
    rare = min((w for w, n in names.items() if len(w) >= 7 and w.isalpha()), key=lambda w: (abs(names[w] - target), w))
    common = everywhere.most_common(1)[0][0]
    two = max((p for p in pairs if all(names[w] > total // 200 for w in p.split())), key=lambda p: (pairs[p], p))
    typo = rare[:3] + rare[4] + rare[3] + rare[5:]
    return {"rare word": rare, "common word": common, "two words": two, "typo": typo,
            "counts": {"rare word": names[rare], "common word": everywhere[common], "two words": pairs[two]}}


MERCATO_QUERY = """async ([query, shown]) => {
    const engine = await import("/js/search-engine.js");
    const started = performance.now();
    const outcome = await engine.search(query, { limit: shown });
    return { ms: performance.now() - started, total: outcome.total, titles: outcome.results.map((r) => r.record.name) };
}"""

PAGEFIND_QUERY = """async ([query, shown]) => {
    const started = performance.now();
    window.pagefind ??= await import("/pagefind/pagefind.js");
    await window.pagefind.init();
    const search = await window.pagefind.search(query);
    const data = await Promise.all(search.results.slice(0, shown).map((r) => r.data()));
    return { ms: performance.now() - started, total: search.results.length, titles: data.map((d) => d.meta.title) };
}"""

# The results page (/search/?q=) ranks its 24 results from the terms alone and reads the records of the
# cards within a screen below the view (public/js/search-results.js): 8 at 390x844, 9 at 1280x800, the
# larger here; then it counts every filter value.
RESULTS_PAGE_RECORDS = 9
MERCATO_RESULTS_PAGE = """async ([query, shown]) => {
    const engine = await import("/js/search-engine.js");
    const started = performance.now();
    const outcome = await engine.search(query, { limit: 24, records: %d });
    const records = outcome.results.filter((r) => r.record);
    return { ms: performance.now() - started, total: outcome.total, titles: records.map((r) => r.record.name) };
}""" % RESULTS_PAGE_RECORDS

MERCATO_RESULTS_PAGE_COUNTS = """async ([query, shown]) => {
    const engine = await import("/js/search-engine.js");
    const started = performance.now();
    const outcome = await engine.search(query, { limit: 24, records: %d, withFilters: true });
    const records = outcome.results.filter((r) => r.record);
    return { ms: performance.now() - started, total: outcome.total, titles: records.map((r) => r.record.name) };
}""" % RESULTS_PAGE_RECORDS

class Traffic:
    """Response bodies of every request a browser context makes (workers included), as Playwright reports them."""

    def __init__(self, context):
        self.requests = []
        context.on("requestfinished", lambda request: self.requests.append(request))

    async def bytes_since(self, start: int) -> int:
        sizes = [await request.sizes() for request in self.requests[start:]]
        return sum(size["responseBodySize"] for size in sizes)


async def measure(base: str, queries: dict[str, str], runs: int) -> dict:
    """Per engine and query: bytes and time as the first query of a fresh browser, then as the next query
    (after the rare word), each the median of `runs` fresh browsers (one when a query takes over two seconds),
    then the median of repeats once everything is cached."""
    from playwright.async_api import async_playwright
    kinds = ["rare word", "common word", "two words", "typo"]
    results = {}
    median = lambda values: sorted(values)[len(values) // 2]  # noqa: E731

    async def once(browser, script, query, warmup=None):
        """One query in a fresh browser context, after `warmup` if given: its outcome, the bytes it caused, and
        the page (open) for repeats."""
        context = await browser.new_context(ignore_https_errors=True)
        traffic = Traffic(context)
        page = await context.new_page()
        await page.goto(base + "/404.html")
        if warmup:
            await page.evaluate(script, [warmup, RESULTS_SHOWN])
        await page.wait_for_load_state("networkidle")
        before = len(traffic.requests)
        outcome = await page.evaluate(script, [query, RESULTS_SHOWN])
        await page.wait_for_load_state("networkidle")
        return outcome, await traffic.bytes_since(before), page

    engines = [("Mercato", MERCATO_QUERY), ("Pagefind", PAGEFIND_QUERY), ("Mercato results page", MERCATO_RESULTS_PAGE),
               ("Mercato results page with counts", MERCATO_RESULTS_PAGE_COUNTS)]
    samples = {(engine, kind): {"firsts": [], "seconds": [], "repeats": None} for engine, _ in engines for kind in kinds}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        # Round after round of every engine and query, so that a machine slower for a while slows every row alike.
        for round_number in range(runs):
            for engine, script in engines:
                for kind in kinds:
                    sample = samples[(engine, kind)]
                    if sample["repeats"] is not None:
                        continue  # a query over two seconds is measured once
                    first, first_bytes, page = await once(browser, script, queries[kind])
                    await page.context.close()
                    sample["firsts"].append((first["ms"], first_bytes, first))
                    # The same query second, after another (the rare word, or the common word after it).
                    warmup = queries["common word"] if kind == "rare word" else queries["rare word"]
                    second, second_bytes, page = await once(browser, script, queries[kind], warmup)
                    sample["seconds"].append((second["ms"], second_bytes))
                    if round_number == runs - 1 or max(first["ms"], second["ms"]) > 2000:
                        sample["repeats"] = [(await page.evaluate(script, [queries[kind], RESULTS_SHOWN]))["ms"]
                                             for _ in range(REPEATS)]
                    await page.context.close()
        await browser.close()
    for engine, _ in engines:
        rows = {}
        for kind in kinds:
            sample = samples[(engine, kind)]
            firsts, seconds = sample["firsts"], sample["seconds"]
            first = firsts[0][2]
            rows[kind] = {"first_bytes": median([b for _, b, _ in firsts]), "first_ms": median([t for t, _, _ in firsts]),
                          "second_bytes": median([b for _, b in seconds]), "second_ms": median([t for t, _ in seconds]),
                          "repeat_ms": median(sample["repeats"]), "runs": len(firsts),
                          "first_samples": [t for t, _, _ in firsts], "total": first["total"], "top": first["titles"][:3]}
        results[engine] = rows
    return results


# `python -m http.server` answers in HTTP/1.0: one connection per request. This one keeps connections open
# (HTTP/1.1), as a CDN does; still no compression.
KEEP_ALIVE_SERVER = """
import functools, http.server, sys
class Handler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes: without this, Nagle's algorithm holds the body back until the
    # client's delayed ACK, 40 ms a request on a kept connection.
    disable_nagle_algorithm = True
    def log_message(self, *arguments):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), functools.partial(Handler, directory=sys.argv[2])).serve_forever()
"""


# `--http2`: nginx (Debian's) over TLS with a certificate made for the run, HTTP/2 as browsers speak it to a
# CDN: every request of a query on one connection, answered as soon as each file is read. Scripts, styles and
# JSON are gzipped on the way, as a CDN does; both indexes' own files are sent as they are (Pagefind's are
# gzip streams, Mercato's are where that pays).
NGINX_CONFIG = """
worker_processes 2;
error_log {logs}/nginx-error.log;
pid {work}/nginx.pid;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    sendfile on;
    tcp_nodelay on;
    gzip on;
    gzip_types application/javascript text/css application/json;
    client_body_temp_path {work}/nginx-body;
    proxy_temp_path {work}/nginx-proxy;
    fastcgi_temp_path {work}/nginx-fastcgi;
    uwsgi_temp_path {work}/nginx-uwsgi;
    scgi_temp_path {work}/nginx-scgi;
    server {{
        listen 127.0.0.1:{port} ssl http2;
        ssl_certificate {work}/server.crt;
        ssl_certificate_key {work}/server.key;
        root {root};
    }}
}}
"""


def nginx_command(folder: Path, port: int) -> list[str]:
    """Writes a self-signed certificate and nginx's configuration into the work folder, next to `folder`."""
    work = folder.parent / "nginx"
    work.mkdir(exist_ok=True)
    if shutil.which("nginx") is None:
        apt_install("nginx-light")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-keyout", str(work / "server.key"), "-out", str(work / "server.crt")], check=True,
                   capture_output=True)
    config = work / "nginx.conf"
    config.write_text(NGINX_CONFIG.format(logs=work, work=work, port=port, root=folder))
    return [shutil.which("nginx") or "/usr/sbin/nginx", "-c", str(config), "-p", str(work), "-g", "daemon off;"]


def serve(folder: Path, keep_alive: bool = False, http2: bool = False) -> tuple[subprocess.Popen, str]:
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    if http2:
        command = nginx_command(folder, port)
    else:
        command = ([sys.executable, "-c", KEEP_ALIVE_SERVER, str(port), str(folder)] if keep_alive else
                   [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(folder)])
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    return server, f"{'https' if http2 else 'http'}://127.0.0.1:{port}"


def kib(value: float) -> str:
    return f"{value / 1024:,.1f}"


def report(products: int, build: dict, browser: dict, queries: dict, notes: list[str]) -> list[str]:
    lines = [f"Search vs Pagefind — {products:,} products (Pagefind {build['pagefind_version']}, Chromium headless)", "",
             "| index | build s | files | total MB |", "|---|---:|---:|---:|"]
    for engine in ["Mercato", "Pagefind"]:
        b = build[engine]
        lines.append(f"| {engine} | {b['seconds']:.2f} | {b['files']:,} | {b['bytes'] / 1e6:,.2f} |")
    ratio = build["Pagefind"]["bytes"] / max(1, build["Mercato"]["bytes"])
    lines += ["", f"Mercato's index is {ratio:.1f}x smaller than Pagefind's.", "",
              "| query | engine | matches | first query KiB | first query ms | as second query KiB | as second query ms | cached ms |",
              "|---|---|---:|---:|---:|---:|---:|---:|"]
    for kind in ["rare word", "common word", "two words", "typo"]:
        for engine in ["Mercato", "Pagefind", "Mercato results page", "Mercato results page with counts"]:
            r = browser[engine][kind]
            lines.append(f"| {kind} “{queries[kind]}” | {engine} | {r['total']:,} | {kib(r['first_bytes'])} | "
                         f"{r['first_ms']:.1f} | {kib(r['second_bytes'])} | {r['second_ms']:.1f} | {r['repeat_ms']:.1f} |")
    return lines + [""] + [f"- {note}" for note in notes]


def main() -> None:
    parser = argparse.ArgumentParser(prog="Benchmarks/search-vs-pagefind/run",
                                     description="Build Mercato's and Pagefind's search index over the same site and query both in Chromium.")
    parser.add_argument("--products", type=int, default=10_000, help="number of products (default 10,000)")
    parser.add_argument("--workdir", type=Path, help="work folder (default var/bench/search-vs-pagefind-<N>)")
    parser.add_argument("--keep-alive", action="store_true",
                        help="serve the site over HTTP/1.1 with connections kept open, as a CDN does, instead of "
                             "python -m http.server's one connection per request")
    parser.add_argument("--runs", type=int, default=5,
                        help="fresh browsers per first and second query, whose median is reported (default 5)")
    parser.add_argument("--http2", action="store_true",
                        help="serve the site with nginx over HTTP/2 (TLS, a certificate made for the run), as browsers "
                             "reach a CDN")
    arguments = parser.parse_args()
    products = arguments.products
    workdir = (arguments.workdir or REPO / "var" / "bench" / f"search-vs-pagefind-{products}").resolve()
    prepare(workdir)
    runner = Runner(workdir)
    mercato = Mercato(resolve_mercato(), workdir, runner)
    print(f"[1/5] demo shop of {products:,} products in {workdir}", flush=True)
    mercato.run("make the demo shop", "demo", "demo", "--products", str(products), "--reviews", str(products * 2), "--force")
    print("[2/5] mercato build (the site and its search index)", flush=True)
    measurement, counts = mercato.build("build the site", "build")
    match = re.search(r"search index: (\d+) files in ([\d.]+) s", measurement.output)
    if not match:
        raise StepFailed("build the site", "no 'search index: N files in S s' in mercato build's output")
    search_bytes, search_files = folder_size(workdir / "dist" / "search")
    build = {"Mercato": {"seconds": float(match.group(2)), "bytes": search_bytes, "files": search_files}}
    print("[3/5] pagefind over the product pages", flush=True)
    version = subprocess.run([sys.executable, "-m", "pagefind", "--version"], capture_output=True, text=True).stdout.strip()
    started = time.monotonic()
    pagefind = runner.timed("run pagefind", "pagefind", [sys.executable, "-m", "pagefind", "--site", str(workdir / "dist"),
                                                          "--glob", "products/*/index.html"])
    pagefind_bytes, pagefind_files = folder_size(workdir / "dist" / "pagefind")
    build["Pagefind"] = {"seconds": pagefind.wall, "bytes": pagefind_bytes, "files": pagefind_files}
    build["pagefind_version"] = version or "unknown"
    print(f"      pagefind took {time.monotonic() - started:.1f} s", flush=True)
    print("[4/5] choosing queries from the catalog", flush=True)
    queries = choose_queries(workdir)
    print(f"      {queries}", flush=True)
    print("[5/5] querying both in Chromium", flush=True)
    server, base = serve(workdir / "dist", keep_alive=arguments.keep_alive, http2=arguments.http2)
    try:
        browser = asyncio.run(measure(base, queries, arguments.runs))
    finally:
        server.terminate()
    active = sqlite3.connect(f"file:{workdir / 'var/mercato.sqlite'}?mode=ro", uri=True).execute(
        "SELECT COUNT(*) FROM product WHERE status = 'active'").fetchone()[0]
    notes = [
        f"Same site: `mercato demo --products {products} --reviews {products * 2}` (default seed; {active:,} active products), "
        f"built by `mercato build`; Pagefind indexes its product pages (`--glob 'products/*/index.html'`, {active:,} pages).",
        "build s: Mercato's search index as `mercato build` reports it (reading the product Markdown, tokenising, "
        f"writing the files; the whole build took {measurement.wall:.1f} s); Pagefind's whole run (wall).",
        f"Queries (matches in the catalog's names): rare word in {queries['counts']['rare word']} names; the common "
        f"word in {queries['counts']['common word']:,} products' names or descriptions; the two words side by side "
        f"in {queries['counts']['two words']:,} names; the typo is the rare word with two letters swapped.",
        f"Each query shows the top {RESULTS_SHOWN} results with their titles (Mercato: its records; Pagefind: "
        "`search()` then `data()` of the first ten). first query: a fresh browser profile, the engine not loaded; "
        "KiB are the response bodies of every request the query caused (Playwright's `requestfinished`, workers "
        "included; a local "
        + ("nginx over HTTP/2 and TLS (`--http2`), scripts gzipped on the way as a CDN does" if arguments.http2 else
           "HTTP/1.1 server keeping connections open (`--keep-alive`), no compression"
           if arguments.keep_alive else "`python -m http.server`, one connection per request, no compression")
        + " by the server) and ms is from the call to the titles, in the page "
        "(after the engine's module is imported: Mercato's starts reading its manifest then, as it does when the "
        "search box gets focus; Pagefind's `init()` is inside the time). "
        "as second query: after another query in the same page. First and second: the median of "
        f"{arguments.runs} fresh browsers each, taken in rounds over every row (one where a query took over 2 s). "
        "cached ms: the median of "
        f"{REPEATS} repeats once every file is in memory.",
        "Mercato results page: the same query as the search page runs it first: 24 results ranked from the terms "
        f"alone and the records of the first {RESULTS_PAGE_RECORDS} (the cards within a screen below the view; the "
        "page reads the others' as the shopper scrolls); with counts: then a count for every filter value, from a "
        "fresh browser as well (a phone reads them only when the shopper opens the filters; Pagefind has no "
        "filters in this site).",
        f"Mercato binary: {mercato_revision()}; 1-minute load average {os.getloadavg()[0]:.2f} after the run.",
    ]
    lines = report(active, build, browser, queries, notes)
    (workdir / "results.md").write_text("\n".join(lines) + "\n")
    (workdir / "results.json").write_text(json.dumps({"build": build, "browser": browser, "queries": queries}, indent=2))
    print("\n".join(lines))
    print(f"\nWritten to {workdir / 'results.md'}")


if __name__ == "__main__":
    try:
        main()
    except StepFailed as failure:
        print(f"error: {failure}", file=sys.stderr)
        sys.exit(1)
