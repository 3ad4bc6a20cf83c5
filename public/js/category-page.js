// A category page's filters: the first time they are opened (or when the URL carries filters), the
// category's columns are read and the products shown are those the filters leave, in the page's order.
import { showResults } from "./search-results.js";

const root = document.querySelector("[data-category-filters]");
if (root) {
  const details = root.querySelector("[data-filters]");
  details.hidden = false;
  const params = new URLSearchParams(location.search);
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    showResults({
      root,
      category: root.dataset.category,
      defaultSort: root.dataset.sort,
      describe: (outcome, _, filterCount) =>
        `${outcome.total.toLocaleString()} ${outcome.total === 1 ? "product" : "products"}${filterCount ? " with these filters" : ""}`,
    });
  };
  const filtered = [...params.keys()].some((key) => key !== "page");
  if (filtered) {
    details.open = true;
    start();
  }
  details.addEventListener("toggle", () => { if (details.open) start(); });
}
