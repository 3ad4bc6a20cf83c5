// Results with filters and a sort order, kept in the URL (?q=…&brand=…&price=…&sort=…&page=…) so a
// search can be shared and the back button works: the search page, and a category page once a filter is used.
import { el, fill } from "./dom.js";
import { RESULT_LIMIT, search } from "./search-engine.js";
import { activeFilterCount, filterPanel, filtersFrom, pagination, parameterName, showCards } from "./search-view.js";

const PAGE_SIZE = 24;
const digits = Number(document.body.dataset.currencyDigits ?? 2);

/**
 * Runs the page: `root` holds [data-facets], [data-result-count], [data-results] and [data-pagination]
 * (and optionally a [data-sort] select); `category` limits it to one category; `defaultSort` is used when
 * the URL names none; `describe(outcome, query)` words the count.
 */
export function showResults({ root, category = null, defaultSort, describe }) {
  const panel = root.querySelector("[data-filters]");
  const facetsForm = root.querySelector("[data-facets]");
  const count = root.querySelector("[data-result-count]");
  const list = root.querySelector("[data-results]");
  const pages = root.querySelector("[data-pagination]");
  const sortSelect = root.querySelector("[data-sort]");
  // A category page's own listing stays until a filter is chosen.
  const staticPart = root.querySelector("[data-static]");
  let facetNames = [];
  let serial = 0;

  const params = () => new URLSearchParams(location.search);
  const go = (next, push = true) => {
    const url = `${location.pathname}${next.toString() ? `?${next}` : ""}`;
    history[push ? "pushState" : "replaceState"](null, "", url);
    run();
  };

  async function run() {
    const current = params();
    const query = current.get("q") || "";
    const sort = current.get("sort") || defaultSort;
    const page = Math.max(1, Number(current.get("page")) || 1);
    if (sortSelect) sortSelect.value = sort;
    // The filter columns are read only when the filters are open or in use (a phone shows them closed).
    const withFilters = panel.open || [...current.keys()].some((key) => !["q", "page"].includes(key));
    const mine = ++serial;
    root.setAttribute("aria-busy", "true");
    // Results first: with no filter chosen and the relevance order, the counts change nothing in the list,
    // so the list comes from the terms alone and the counts follow once the filter columns are read.
    const countsLater = withFilters && !staticPart && sort === "relevance"
      && [...current.keys()].every((key) => ["q", "page"].includes(key));
    // Records are read as their cards come into view (showCards).
    const ask = (counting) => search(query, {
      filters: filtersFrom(current, facetNames), sort, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE, records: 0,
      withFilters: counting, category, digits,
    });
    performance.mark("mercato:search-start");
    let outcome;
    try {
      outcome = await ask(withFilters && !countsLater);
      // The configured filters are known once the manifest is read; read the URL again with them.
      if (outcome.facetNames && outcome.facetNames.length - 1 !== facetNames.length) {
        facetNames = outcome.facetNames.slice(1);
        if (facetNames.some((name) => current.has(parameterName(name)))) return run();
      }
    } catch {
      if (mine === serial) {
        count.textContent = "Search is not available right now. Please try again in a moment.";
        root.removeAttribute("aria-busy");
      }
      return;
    }
    if (mine !== serial) return;
    await present(outcome, current, page, category);
    if (mine !== serial) return;
    root.removeAttribute("aria-busy");
    performance.mark("mercato:search-shown");
    if (!countsLater) return;
    try {
      outcome = await ask(true);
    } catch {
      return;
    }
    if (mine !== serial) return;
    facetNames = outcome.facetNames.slice(1);
    // The same results as shown: only the filters and their counts are new.
    present(outcome, current, page, category, false);
    performance.mark("mercato:search-counted");
  }

  // A record that could not be read may come from a rebuild after the page ranked its results: ranked again
  // once against the new index.
  let rankedAgain = false;
  const recordFailed = () => {
    if (rankedAgain) return;
    rankedAgain = true;
    run();
  };

  /** Shows an outcome; resolves once the cards in view are filled. */
  function present(outcome, current, page, category, withCards = true) {
    const filters = filtersFrom(current, facetNames);
    const own = !staticPart || activeFilterCount(filters) > 0;
    if (own) count.textContent = describe(outcome, current.get("q") || "", activeFilterCount(filters));
    if (staticPart) {
      staticPart.hidden = own;
      list.hidden = !own;
      pages.hidden = !own;
    }
    let shown = Promise.resolve();
    if (own && withCards) {
      shown = showCards(list, outcome.results, recordFailed);
      const pageCount = Math.ceil(Math.min(outcome.total, RESULT_LIMIT) / PAGE_SIZE);
      fill(pages, pagination(page, pageCount, (n) => {
        const next = params();
        if (n === 1) next.delete("page");
        else next.set("page", String(n));
        return `?${next}`;
      }));
    }
    if (outcome.counts) {
      fill(facetsForm, filterPanel(outcome, filters, { showCategories: !category, digits }),
        activeFilterCount(filters)
          ? el("p", {}, el("button", { type: "button", class: "link-button", "data-clear-filters": "" }, "Clear filters"))
          : null);
    }
    return shown;
  }

  facetsForm.addEventListener("change", (event) => {
    const input = event.target;
    const next = params();
    next.delete("page");
    if (input.type === "radio" || input.name === "stock") {
      if (input.checked) next.set(input.name, input.value);
      else next.delete(input.name);
    } else {
      const values = next.getAll(input.name).filter((value) => value !== input.value);
      if (input.checked) values.push(input.value);
      next.delete(input.name);
      for (const value of values) next.append(input.name, value);
    }
    go(next);
  });
  facetsForm.addEventListener("click", (event) => {
    if (!event.target.closest("[data-clear-filters]")) return;
    const next = new URLSearchParams();
    for (const name of ["q", "sort"]) if (params().has(name)) next.set(name, params().get(name));
    go(next);
  });
  sortSelect?.addEventListener("change", () => {
    const next = params();
    next.delete("page");
    if (sortSelect.value === defaultSort) next.delete("sort");
    else next.set("sort", sortSelect.value);
    go(next);
  });
  pages.addEventListener("click", (event) => {
    const link = event.target.closest("a[href]");
    if (!link) return;
    event.preventDefault();
    history.pushState(null, "", link.getAttribute("href"));
    run();
    list.closest("section, main")?.scrollIntoView({ block: "start" });
  });
  panel.addEventListener("toggle", () => { if (panel.open && !facetsForm.querySelector("fieldset")) run(); });
  addEventListener("popstate", run);
  run();
}
