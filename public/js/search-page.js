// The search results page, /search/?q=…: results ranked by relevance or sorted, filters with counts.
import { showResults } from "./search-results.js";

const root = document.querySelector("[data-search-page]");
const input = document.querySelector("[data-search-box] input[name=q]");
const title = root.querySelector("[data-search-title]");
const query = new URLSearchParams(location.search).get("q") || "";
input.value = query;
if (query) {
  title.textContent = `Results for “${query}”`;
  document.title = `${query} · ${document.title}`;
}
// A wide screen shows the filters beside the results.
if (matchMedia("(min-width: 64em)").matches) root.querySelector("[data-filters]").open = true;

showResults({
  root,
  defaultSort: "relevance",
  describe: (outcome, text, filterCount) => {
    if (!text.trim()) return "Type what you are looking for above.";
    const filtered = filterCount ? " with these filters" : "";
    if (outcome.total === 0) return `No products match “${text.trim()}”${filtered}.`;
    const matched = `${outcome.total.toLocaleString()} ${outcome.total === 1 ? "product matches" : "products match"}`;
    const partly = outcome.partial ? " some of your words" : "";
    const capped = outcome.capped ? "; the 1,000 most relevant are shown" : "";
    return `${matched}${partly}${filtered}${capped}.`;
  },
});
