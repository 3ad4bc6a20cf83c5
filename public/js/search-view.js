// What search results and filters look like: product cards as Templates/partials/product-card.mustache
// draws them, the filter panel with a count beside each value, pagination, and the filters as URL parameters.
import { el, fill } from "./dom.js";
import { money } from "./format.js";

const STOCK = [
  { label: "Out of stock", className: "out-of-stock" },
  { label: "Only a few left", className: "low-stock" },
  { label: "In stock", className: "in-stock" },
];

export function stars(filled) {
  return "★".repeat(filled) + "☆".repeat(5 - filled);
}

export function ratingText(tenths) {
  return `${Math.floor(tenths / 10)}.${tenths % 10}`;
}

/** A product card, as the category pages show one. */
export function card(record) {
  const url = `/products/${record.slug}/`;
  const stock = STOCK[record.stock];
  const inStock = record.stock > 0;
  const onSale = record.compareAtMinor > record.priceMinor;
  const average = ratingText(record.ratingTenths);
  return el("li", { class: "card" },
    el("a", { class: "card-link", href: url },
      record.image
        ? el("img", {
          class: "card-image", src: record.image, srcset: record.srcset || null, alt: record.name, width: "640", height: "640",
          sizes: record.srcset ? "(min-width: 64em) 18rem, (min-width: 40em) 30vw, 46vw" : null, loading: "lazy", decoding: "async",
        })
        : el("span", { class: "card-image placeholder", "aria-hidden": "true" }),
      el("span", { class: "card-name" }, record.name)),
    record.brand ? el("span", { class: "card-brand" }, record.brand) : null,
    el("span", { class: "price" },
      onSale ? el("span", { class: "visually-hidden" }, "Sale price ") : null,
      el("strong", {}, money(record.priceMinor)),
      onSale ? [" ", el("s", {}, el("span", { class: "visually-hidden" }, "was "), money(record.compareAtMinor))] : null),
    record.ratingCount > 0
      ? el("span", { class: "rating", title: `${average} out of 5` },
        el("span", { class: "stars", "aria-hidden": "true" }, stars(Math.floor((record.ratingTenths + 5) / 10))),
        el("span", { class: "visually-hidden" }, `Rated ${average} out of 5,`), " ",
        el("span", { class: "rating-count" }, `(${record.ratingCount})`))
      : null,
    el("span", { class: `stock ${stock.className}` }, stock.label),
    el("form", {
      class: "add-to-cart", action: "/cart/", "data-slug": record.slug, "data-name": record.name,
      "data-price-minor": String(record.priceMinor),
    },
    el("input", { type: "hidden", name: "quantity", value: "1" }),
    el("button", { type: "submit", disabled: !inStock },
      el("span", {}, inStock ? ["Add", el("span", { class: "visually-hidden" }, ` ${record.name}`), " to cart"] : "Out of stock"))));
}

/** The URL parameter of a configured filter: "Made in" → "made-in". */
export function parameterName(facet) {
  return facet.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** Filters from URL parameters, in the shape the search engine takes. */
export function filtersFrom(params, facetNames) {
  const set = (name) => (params.getAll(name).length ? new Set(params.getAll(name)) : undefined);
  const facets = {};
  for (const name of ["brand", ...facetNames]) facets[name] = set(name === "brand" ? "brand" : parameterName(name));
  const rating = Number(params.get("rating"));
  return {
    category: set("category"), price: set("price"), rating: rating >= 1 && rating <= 4 ? rating : 0,
    stock: params.get("stock") === "in", facets,
  };
}

export function activeFilterCount(filters) {
  const sets = [filters.category, filters.price, ...Object.values(filters.facets)];
  return sets.reduce((sum, set) => sum + (set?.size || 0), 0) + (filters.rating ? 1 : 0) + (filters.stock ? 1 : 0);
}

function priceLabel(key, digits) {
  const [low, high] = key.split("-").map((part) => (part === "" ? null : Number(part)));
  const format = (major) => money(major * 10 ** digits).replace(/[.,]00$/, "");
  if (!low) return `Under ${format(high)}`;
  if (high === null) return `${format(low)} and over`;
  return `${format(low)} – ${format(high)}`;
}

function option({ type, name, value, checked, label, count, id }) {
  return el("li", {},
    el("label", { class: "choice-row", for: id },
      el("input", { type, name, value, checked: checked || null, id }),
      el("span", {}, label), " ", el("span", { class: "facet-count" }, `(${count})`)));
}

/**
 * The filter groups: each a fieldset of checkboxes (radio buttons for the rating) with counts; values with
 * no product left are not offered unless selected. `showCategories` adds the category filter (search page).
 */
export function filterPanel(outcome, filters, { showCategories, digits }) {
  const groups = [];
  let serial = 0;
  const group = (legend, items) => {
    if (items.length) groups.push(el("fieldset", { class: "facet" }, el("legend", {}, legend), el("ul", {}, items)));
  };
  const byCount = (map, selected) =>
    [...new Set([...map.keys(), ...(selected || [])])].sort((a, b) => (map.get(b) || 0) - (map.get(a) || 0) || String(a).localeCompare(String(b)));
  const checkboxes = (name, map, selected, label = (value) => value) =>
    byCount(map, selected).map((value) => option({
      type: "checkbox", name, value, checked: selected?.has(value), label: label(value), count: map.get(value) || 0,
      id: `filter-${name}-${serial++}`,
    }));
  const { counts } = outcome;
  if (showCategories) {
    const names = new Map(outcome.categories.map((category) => [category.slug, category.name]));
    group("Category", checkboxes("category", counts.category, filters.category, (slug) => names.get(slug) || slug));
  }
  const ranges = outcome.ranges.filter((range) => counts.price.get(range.key) || filters.price?.has(range.key));
  group("Price", ranges.map((range) => option({
    type: "checkbox", name: "price", value: range.key, checked: filters.price?.has(range.key),
    label: priceLabel(range.key, digits), count: counts.price.get(range.key) || 0, id: `filter-price-${serial++}`,
  })));
  group("Rating", [4, 3, 2, 1].filter((s) => counts.rating.get(s) || filters.rating === s).map((s) => option({
    type: "radio", name: "rating", value: String(s), checked: filters.rating === s, label: `${stars(s)} & up`,
    count: counts.rating.get(s) || 0, id: `filter-rating-${s}`,
  })));
  group("Availability", [option({
    type: "checkbox", name: "stock", value: "in", checked: filters.stock, label: "In stock", count: counts.stock,
    id: "filter-stock",
  })]);
  outcome.facetNames.forEach((name, i) => {
    const parameter = name === "brand" ? "brand" : parameterName(name);
    group(name === "brand" ? "Brand" : name, checkboxes(parameter, counts.facets[i], filters.facets[name]));
  });
  return groups;
}

/** Page links for `total` results; `href(page)` makes each link. */
export function pagination(page, pageCount, href) {
  if (pageCount <= 1) return null;
  const numbers = [...new Set([1, pageCount, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pageCount))].sort((a, b) => a - b);
  const items = [];
  if (page > 1) items.push(el("li", {}, el("a", { rel: "prev", href: href(page - 1) }, "‹ Previous")));
  numbers.forEach((n, i) => {
    if (i > 0 && n > numbers[i - 1] + 1) items.push(el("li", { class: "gap", "aria-hidden": "true" }, "…"));
    items.push(el("li", {}, n === page ? el("span", { "aria-current": "page" }, String(n)) : el("a", { href: href(n) }, String(n))));
  });
  if (page < pageCount) items.push(el("li", {}, el("a", { rel: "next", href: href(page + 1) }, "Next ›")));
  return el("nav", { class: "pagination", "aria-label": "Pages" }, el("ul", {}, items));
}

/** Where a result's card will be while its record is read: a card's box, empty. */
function placeholderCard() {
  return el("li", { class: "card is-loading", "aria-hidden": "true" }, el("span", { class: "card-image placeholder" }));
}

/** Per list, what reads the records of its cards as they come near the viewport. */
const observers = new WeakMap();

/**
 * Replaces a list's children with the cards of search results (`{ record, load }`, see search-engine.js). A
 * result without its record is drawn as an empty card whose record is read when it comes within a screen of
 * the viewport, so a page reads the record blocks of the results a shopper sees and of those a scroll away.
 * Resolves once the cards within that reach when drawn are filled; `failed(error)` hears of a record that
 * could not be read.
 */
export function showCards(list, results, failed = () => {}) {
  observers.get(list)?.disconnect();
  const cards = results.map((result) => (result.record ? card(result.record) : placeholderCard()));
  fill(list, cards);
  const waiting = new Map();
  cards.forEach((element, i) => { if (!results[i].record) waiting.set(element, results[i]); });
  if (waiting.size === 0) return Promise.resolve();
  const show = (placeholder) => {
    const result = waiting.get(placeholder);
    waiting.delete(placeholder);
    observer.unobserve(placeholder);
    return result.load().then((record) => placeholder.replaceWith(card(record)), failed);
  };
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) if (entry.isIntersecting && waiting.has(entry.target)) show(entry.target);
  }, { rootMargin: "100% 0px" });
  observers.set(list, observer);
  // Those within reach now are read at once rather than at the observer's first report, a frame later.
  const reach = innerHeight * 2;
  const now = [...waiting.keys()].filter((placeholder) => placeholder.getBoundingClientRect().top < reach);
  for (const placeholder of waiting.keys()) observer.observe(placeholder);
  return Promise.all(now.map(show));
}
