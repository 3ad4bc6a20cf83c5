#!/usr/bin/env python3
"""Exports a Mercato shop's catalog into a Hugo site, so that Hugo builds the same products.

Reads the shop's SQLite database (read-only) and its Markdown, and writes DIR/hugo/: hugo.toml, the layouts
of this benchmark, content/ (one file per active product with JSON front matter, one _index.md per category,
the static pages) and static/ (a copy of the shop's public/). Display values Mercato computes in its
assemble stage (formatted prices, stock labels, rating averages, the top 3 reviews, image srcsets) are
computed here the same way and written into the front matter; Hugo renders the Markdown and the pages.

Usage: export_hugo.py SHOP_DIR [HUGO_DIR]   (HUGO_DIR defaults to SHOP_DIR/hugo)
Python 3.11 standard library only.
"""

import json
import os
import re
import shutil
import sqlite3
import sys
from pathlib import Path

LAYOUTS = Path(__file__).resolve().parent / "hugo-site" / "layouts"
TOP_REVIEWS = 3  # SiteConfiguration.reviewsOnProductPage
# Mercato's ListingSort: (path segment, Hugo front matter key). The first is the category's own page.
SORTS = [("", "featured"), ("price-asc", "price_asc"), ("price-desc", "price_desc"), ("top-rated", "top_rated"),
         ("newest", "newest")]
CURRENCY_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "CHF": "CHF", "JPY": "¥", "CAD": "CA$", "AUD": "A$"}
ZERO_DECIMAL_CURRENCIES = {"JPY", "KRW"}
STOCK_LABELS = {"in-stock": "In stock", "low-stock": "Only a few left", "out-of-stock": "Out of stock"}


class ExportError(Exception):
    pass


# ---------------------------------------------------------------------------------------------------------
# Shop settings and Markdown


def read_settings(shop: Path) -> dict:
    """mercato.yaml's `key: value` lines, overridden by MERCATO_* variables as Mercato does."""
    settings = {"name": "Mercato Shop", "baseURL": "http://localhost:8080", "currency": "USD", "locale": "en-US",
                "apiURL": "/api/v1", "productsPerPage": "24", "reviewsPerPage": "20"}
    path = shop / "mercato.yaml"
    if path.exists():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            match = re.match(r"^([A-Za-z]+):\s*(.*?)\s*$", line)
            if not match:
                raise ExportError(f"{path}:{number}: expected 'setting: value'")
            settings[match.group(1)] = scalar(match.group(2))
    environment = {"name": "MERCATO_NAME", "baseURL": "MERCATO_BASE_URL", "currency": "MERCATO_CURRENCY",
                   "locale": "MERCATO_LOCALE", "apiURL": "MERCATO_API_URL",
                   "productsPerPage": "MERCATO_PRODUCTS_PER_PAGE", "reviewsPerPage": "MERCATO_REVIEWS_PER_PAGE"}
    for key, variable in environment.items():
        if variable in os.environ:
            settings[key] = os.environ[variable]
    settings["baseURL"] = settings["baseURL"].rstrip("/")
    return settings


def scalar(text: str) -> str:
    """A YAML scalar as written in simple front matter: quoted, or plain with an optional ` # comment`."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        inner = text[1:-1]
        return inner.replace("''", "'") if text[0] == "'" else json.loads(text)
    return re.sub(r"\s+#.*$", "", text)


def split_front_matter(text: str, file: str) -> tuple[dict, str]:
    """Front matter and body as Mercato's MarkdownDocument splits them. Understands the keys Mercato allows
    (title, description, images as paths or src/alt pairs) in plain block YAML; anything else is an error."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0].rstrip(" \t\r") != "---":
        return {}, text
    try:
        closing = next(i for i in range(1, len(lines)) if lines[i].rstrip(" \t\r") == "---")
    except StopIteration:
        raise ExportError(f"{file}:1: front matter starts with --- but is never closed by ---") from None
    values: dict = {}
    current_list = None
    for number in range(1, closing):
        line = lines[number].rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        top = re.match(r"^([A-Za-z_]+):\s*(.*)$", line)
        item = re.match(r"^\s+-\s+(.*)$", line)
        field = re.match(r"^\s+([A-Za-z_]+):\s*(.*)$", line)
        if top:
            key, value = top.group(1), top.group(2).strip()
            if value:
                values[key] = scalar(value)
                current_list = None
            else:
                values[key] = current_list = []
        elif item and current_list is not None:
            entry = item.group(1)
            pair = re.match(r"^([A-Za-z_]+):\s*(.*)$", entry)
            current_list.append({pair.group(1): scalar(pair.group(2))} if pair else scalar(entry))
        elif field and current_list and isinstance(current_list[-1], dict):
            current_list[-1][field.group(1)] = scalar(field.group(2))
        else:
            raise ExportError(f"{file}:{number + 1}: front matter this exporter does not understand: {line!r}")
    return values, "\n".join(lines[closing + 1:])


def summary(markdown: str, limit: int = 155) -> str:
    """Mercato's Markdown.summary: the first paragraph as plain text, cut at a word before `limit`."""
    paragraph = next((p for p in (part.strip() for part in markdown.split("\n\n"))
                      if p and not p.startswith(("#", "-", "*"))), "")
    plain = "".join(c for c in paragraph.replace("\n", " ") if c not in "*_`#[]")
    if len(plain) <= limit:
        return plain
    cut = plain[:limit]
    space = cut.rfind(" ")
    return (cut[:space] if space >= 0 else cut) + "…"


# ---------------------------------------------------------------------------------------------------------
# Values as Mercato shows them


def money(minor: int, currency: str) -> tuple[str, str]:
    """(`$1,299.00`, `1299.00`): the shopper's text (en-US style) and the JSON-LD decimal."""
    digits = 0 if currency in ZERO_DECIMAL_CURRENCIES else 2
    unit = 10 ** digits
    whole, fraction = divmod(abs(minor), unit)
    sign = "-" if minor < 0 else ""
    decimal = f"{sign}{whole}" + (f".{fraction:0{digits}d}" if digits else "")
    grouped = f"{whole:,}" + (f".{fraction:0{digits}d}" if digits else "")
    return f"{sign}{CURRENCY_SYMBOLS.get(currency, currency + ' ')}{grouped}", decimal


def iso(timestamp: str) -> str:
    """`2025-01-08 13:40:49.000` (GRDB's UTC text) → `2025-01-08T13:40:49Z`."""
    return timestamp[:19].replace(" ", "T") + "Z"


def rating(histogram: list[int]) -> dict | None:
    """RatingSummary and RenderContext.rating: average rounded half up to tenths, stars, count label."""
    count = sum(histogram)
    if count == 0:
        return None
    total = sum((stars + 1) * n for stars, n in enumerate(histogram))
    tenths = (total * 20 + count) // (count * 2)
    rounded = (tenths + 5) // 10
    return {"average": f"{tenths // 10}.{tenths % 10}", "tenths": tenths, "count": count,
            "count_label": "1 review" if count == 1 else f"{count} reviews",
            "stars": "★" * rounded + "☆" * (5 - rounded), "histogram": list(reversed(histogram))}


class Images:
    """AssetCatalog.image: `x.png` with siblings `x-320w.png`, `x-640w.png`… gets a 640px-or-wider src and a srcset."""

    def __init__(self, public: Path):
        self.variants: dict[str, list[tuple[int, str]]] = {}
        for path in public.rglob("*"):
            match = re.match(r"^(.*)-(\d+)w\.([A-Za-z0-9]+)$", path.relative_to(public).as_posix())
            if match and path.is_file():
                base = f"/{match.group(1)}.{match.group(3)}"
                self.variants.setdefault(base, []).append((int(match.group(2)), "/" + match.group(0)))
        for widths in self.variants.values():
            widths.sort()

    def image(self, path: str, alt: str) -> dict:
        widths = self.variants.get(path, [])
        src = next((url for width, url in widths if width >= 640), widths[-1][1] if widths else path)
        image = {"src": src, "alt": alt}
        if widths:
            image["srcset"] = ", ".join(f"{url} {width}w" for width, url in widths)
        return image


# ---------------------------------------------------------------------------------------------------------
# Writing the site


def sort_ranks(products: list[tuple], histograms: dict[int, list[int]]) -> dict[int, dict[str, int]]:
    """Each product's position in Mercato's five listing orders (SiteAssembler.listingPages), so that Hugo can
    sort a category's pages by one number per order."""
    def tenths(product_id: int) -> int:
        summary_of_ratings = rating(histograms.get(product_id, [0, 0, 0, 0, 0]))
        return summary_of_ratings["tenths"] if summary_of_ratings else 0

    def count(product_id: int) -> int:
        return sum(histograms.get(product_id, []))

    # row: (id, slug, sku, name, brand, priceMinor, compareAtMinor, currency, featured, …, createdAt at 12)
    orders = {
        "featured": sorted(products, key=lambda r: (-(1 if r[8] else 0), -tenths(r[0]), r[3])),
        "price_asc": sorted(products, key=lambda r: (r[5], r[3])),
        "price_desc": sorted(products, key=lambda r: (-r[5], r[3])),
        "top_rated": sorted(products, key=lambda r: (-tenths(r[0]), -count(r[0]), r[3])),
        "newest": sorted(products, key=lambda r: (r[12], r[0]), reverse=True),
    }
    ranks: dict[int, dict[str, int]] = {row[0]: {} for row in products}
    for key, ordered in orders.items():
        for position, row in enumerate(ordered):
            ranks[row[0]][key] = position
    return ranks


def write_content(path: Path, front_matter: dict, body: str) -> None:
    """A Hugo content file with JSON front matter (Hugo reads `{ … }` at the top of a file as JSON)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(front_matter, ensure_ascii=False, indent=1) + "\n" + body
    path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")


def toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def write_config(hugo: Path, settings: dict) -> None:
    language = settings["locale"].split("-")[0] or "en"
    per_page = int(settings["productsPerPage"])
    (hugo / "hugo.toml").write_text(f"""# Written by Benchmarks/build-vs-hugo/export_hugo.py from the shop's mercato.yaml.
baseURL = {toml_string(settings['baseURL'] + '/')}
title = {toml_string(settings['name'])}
languageCode = {toml_string(settings['locale'])}
# Mercato's listings show {per_page} products a page (productsPerPage).
paginate = {per_page}
# Mercato's feed.xml lists the 20 newest products; Hugo's RSS feeds list every page unless limited.
rssLimit = 20
enableRobotsTXT = true
disableHugoGeneratorInject = true
# The demo's dates are relative to a fixed day that may lie ahead of this machine's clock.
buildFuture = true
timeZone = "UTC"

# Categories only: Mercato has no tag pages (tags are shown on the product page).
[taxonomies]
  category = "categories"

[params]
  lang = {toml_string(language)}
  apiURL = {toml_string(settings['apiURL'])}

# "You may also like": products sharing the category, as Mercato's related products are.
[related]
  includeNewer = true
  threshold = 80
  toLower = false
  [[related.indices]]
    name = "categories"
    weight = 100

# Like Mercato's cmark (safe mode, no heading ids): raw HTML in Markdown is not passed through.
[markup.goldmark.renderer]
  unsafe = false
[markup.goldmark.parser]
  autoHeadingID = false
""", encoding="utf-8")


def write_core_config(hugo: Path) -> None:
    (hugo / "core.toml").write_text("""# Written by Benchmarks/build-vs-hugo/export_hugo.py. With `hugo --config hugo.toml,core.toml`: the site
# without the four other sort orders of each category and without review pages.
ignoreFiles = ["/content/sorted/", "/content/reviews/"]
""", encoding="utf-8")


def export(shop: Path, hugo: Path) -> dict:
    settings = read_settings(shop)
    database = shop / "var" / "mercato.sqlite"
    if not database.exists():
        raise ExportError(f"{database} does not exist: create the shop first (mercato demo)")
    if hugo.exists():
        shutil.rmtree(hugo)
    content = hugo / "content"
    content.mkdir(parents=True)
    shutil.copytree(LAYOUTS, hugo / "layouts")
    write_config(hugo, settings)
    write_core_config(hugo)
    shutil.copytree(shop / "public", hugo / "static")
    images = Images(shop / "public")
    currency = settings["currency"]
    site_name = settings["name"]

    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        categories = connection.execute("SELECT id, slug, name FROM category ORDER BY position, name").fetchall()
        counts = dict(connection.execute(
            "SELECT categoryId, COUNT(*) FROM product WHERE status = 'active' GROUP BY categoryId").fetchall())
        products = connection.execute("""
            SELECT product.id, product.slug, product.sku, product.name, product.brand, product.priceMinor,
                   product.compareAtMinor, product.currency, product.featured, product.imagePath, product.tags,
                   product.attributes, product.createdAt, category.name,
                   COALESCE(inventory.onHand, 0), COALESCE(inventory.reserved, 0),
                   COALESCE(inventory.lowStockThreshold, 5)
            FROM product JOIN category ON category.id = product.categoryId
            LEFT JOIN inventory ON inventory.productId = product.id
            WHERE product.status = 'active' ORDER BY product.id""").fetchall()
        histograms: dict[int, list[int]] = {}
        for product_id, stars, count in connection.execute(
                "SELECT productId, rating, COUNT(*) FROM review WHERE status = 'published' GROUP BY productId, rating"):
            histograms.setdefault(product_id, [0, 0, 0, 0, 0])[stars - 1] = count
        # The same ranking as CatalogSnapshot: most helpful first, then newest.
        top_reviews: dict[int, list[dict]] = {}
        for product_id, author, stars, title, body, helpful, verified, created in connection.execute("""
                SELECT productId, authorName, rating, title, body, helpfulCount, verifiedPurchase, createdAt FROM (
                    SELECT review.*, ROW_NUMBER() OVER (
                        PARTITION BY productId ORDER BY helpfulCount DESC, createdAt DESC, id DESC) AS rank
                    FROM review WHERE status = 'published')
                WHERE rank <= ? ORDER BY productId, rank""", (TOP_REVIEWS,)):
            top_reviews.setdefault(product_id, []).append(
                {"author": author, "rating": stars, "title": title, "body": body, "date": iso(created),
                 "helpful": helpful, "verified": bool(verified)})
        # Every published review, newest first, for the review pages (Mercato: AppDatabase.reviews).
        all_reviews: dict[int, list[dict]] = {}
        for product_id, author, stars, title, body, helpful, verified, created in connection.execute("""
                SELECT productId, authorName, rating, title, body, helpfulCount, verifiedPurchase, createdAt
                FROM review WHERE status = 'published' ORDER BY productId, createdAt DESC, id DESC"""):
            all_reviews.setdefault(product_id, []).append(
                {"author": author, "rating": stars, "title": title, "body": body, "date": iso(created),
                 "helpful": helpful, "verified": bool(verified)})
    finally:
        connection.close()
    ranks = sort_ranks(products, histograms)

    names = [name for _, _, name in categories]
    write_content(content / "_index.md",
                  {"title": site_name, "description": f"{site_name}: {', '.join(names[:6])} and more."}, "")
    write_content(content / "categories" / "_index.md",
                  {"title": "All categories", "description": f"Browse every category of {site_name}."}, "")
    for position, (category_id, slug, name) in enumerate(categories):
        if re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") != slug:
            print(f"warning: category {name!r} has slug {slug!r}; Hugo's URL for it will differ", file=sys.stderr)
        intro_file = shop / "Content" / "categories" / f"{slug}.md"
        intro_meta, intro = ({}, "")
        if intro_file.exists():
            intro_meta, intro = split_front_matter(intro_file.read_text(encoding="utf-8"), str(intro_file))
        description = intro_meta.get("description") or (summary(intro) if intro_file.exists() else
                                                         f"{name} at {site_name}: {counts.get(category_id, 0)} products.")
        write_content(content / "categories" / slug / "_index.md",
                      {"title": name, "description": description, "weight": position + 1, "category": slug}, intro)
        # The other four orders: a section each at /categories/<slug>/<order>/ (layouts/sorted/list.html).
        for segment, key in SORTS[1:]:
            write_content(content / "sorted" / f"{slug}-{segment}" / "_index.md",
                          {"title": name, "description": description, "url": f"/categories/{slug}/{segment}/",
                           "type": "sorted", "category": slug, "sort": key, "outputs": ["html"]}, "")
    write_content(content / "sorted" / "_index.md",
                  {"title": "Sorted listings", "_build": {"render": "never", "list": "never"}}, "")
    # Mercato has no /products/ listing: the section exists for the product pages but is not rendered.
    write_content(content / "products" / "_index.md", {"title": "Products", "_build": {"render": "never"}}, "")

    pages = sorted((shop / "Content" / "pages").glob("*.md"))
    for weight, page in enumerate(pages, 1):
        meta, body = split_front_matter(page.read_text(encoding="utf-8"), str(page))
        write_content(content / page.name,
                      {"title": meta.get("title", page.stem), "description": meta.get("description") or summary(body),
                       "weight": weight}, body)

    write_content(content / "reviews" / "_index.md",
                  {"title": "Reviews", "_build": {"render": "never", "list": "never"}}, "")
    reviews_per_page = max(1, int(settings["reviewsPerPage"]))
    reviews_written = review_pages = 0
    for (product_id, slug, sku, name, brand, price_minor, compare_minor, product_currency, featured, image_path,
         tags, attributes, created, category_name, on_hand, reserved, threshold) in products:
        file = shop / "Content" / "products" / f"{slug}.md"
        meta, body = ({}, "")
        if file.exists():
            meta, body = split_front_matter(file.read_text(encoding="utf-8"), str(file))
        available = max(0, on_hand - reserved)
        stock = "out-of-stock" if available == 0 else "low-stock" if available <= threshold else "in-stock"
        price, price_decimal = money(price_minor, product_currency or currency)
        gallery = [images.image(image_path, name)] if image_path else []
        for extra in meta.get("images", []):
            if isinstance(extra, dict):
                gallery.append(images.image(extra["src"], extra.get("alt", name)))
            else:
                gallery.append(images.image(extra, name))
        front = {
            "title": meta.get("title") or name,
            "name": name,
            "slug": slug,
            "date": iso(created),
            "description": meta.get("description") or summary(body),
            "categories": [category_name],
            "price": price,
            "price_decimal": price_decimal,
            "price_minor": price_minor,
            "currency": product_currency,
            "featured": bool(featured),
            "stock": stock,
            "stock_label": STOCK_LABELS[stock],
        }
        if compare_minor is not None and compare_minor > price_minor:
            front["compare_at_price"] = money(compare_minor, product_currency or currency)[0]
        if brand:
            front["brand"] = brand
        if sku:
            front["sku"] = sku
        if image_path:
            front["image"] = gallery[0]
        if gallery:
            front["gallery"] = gallery
        if stock == "low-stock":
            front["available"] = available
        summary_of_ratings = rating(histograms.get(product_id, [0, 0, 0, 0, 0]))
        if summary_of_ratings:
            front["rating"] = summary_of_ratings
        labels = [tag for tag in (tags or "").split(",") if tag]
        if labels:
            front["labels"] = labels
        attribute_map = json.loads(attributes or "{}")
        if attribute_map:
            front["attributes"] = [[key, attribute_map[key]] for key in sorted(attribute_map)]
        if product_id in top_reviews:
            front["top_reviews"] = top_reviews[product_id]
            reviews_written += len(top_reviews[product_id])
        front["order"] = ranks[product_id]
        front["weight"] = ranks[product_id]["featured"] + 1  # Hugo lists pages by weight first (0 = none)
        write_content(content / "products" / f"{slug}.md", front, body)
        # Review pages, as Mercato writes them: only when there are more reviews than the product page shows.
        reviews = all_reviews.get(product_id, [])
        if len(reviews) > TOP_REVIEWS:
            count = (len(reviews) + reviews_per_page - 1) // reviews_per_page
            for number in range(1, count + 1):
                write_content(content / "reviews" / f"{slug}-{number}.md", {
                    "title": f"Reviews of {name}", "description": f"{len(reviews)} customer reviews of {name}.",
                    "url": f"/products/{slug}/reviews/" + ("" if number == 1 else f"page/{number}/"),
                    "type": "reviews", "product": slug, "page": number, "page_count": count,
                    "reviews": reviews[(number - 1) * reviews_per_page:number * reviews_per_page]}, "")
                review_pages += 1

    return {"products": len(products), "categories": len(categories), "pages": len(pages),
            "top_reviews": reviews_written, "review_pages": review_pages}


def main() -> int:
    if len(sys.argv) not in (2, 3):
        print("usage: export_hugo.py SHOP_DIR [HUGO_DIR]", file=sys.stderr)
        return 2
    shop = Path(sys.argv[1]).resolve()
    hugo = Path(sys.argv[2]).resolve() if len(sys.argv) == 3 else shop / "hugo"
    try:
        result = export(shop, hugo)
    except (ExportError, sqlite3.Error, OSError) as error:
        print(f"error: Hugo export failed: {error}", file=sys.stderr)
        return 1
    print(f"Exported {result['products']} products, {result['categories']} categories, {result['pages']} pages "
          f"and {result['top_reviews']} top reviews ({result['review_pages']} review pages) to {hugo}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
