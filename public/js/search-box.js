// The search box in every page's header: results as the shopper types (a combobox: arrow keys move through
// them, Enter opens one, Escape closes them), announced to screen readers; Enter alone opens the results page.
// The search engine is loaded when the box first gets focus.
import { el, fill } from "./dom.js";
import { money } from "./format.js";

const SUGGESTIONS = 6;
const form = document.querySelector("[data-search-box]");

if (form) {
  const input = form.querySelector("input[name=q]");
  const combobox = form.querySelector("[role=combobox]");
  const list = form.querySelector("[role=listbox]");
  const status = form.querySelector("[data-search-status]");
  let engine = null;
  // A failed load is tried again next time.
  const loadEngine = () => (engine ??= import("./search-engine.js").catch((error) => {
    engine = null;
    throw error;
  }));
  let latest = 0;
  let active = -1;

  const options = () => [...list.querySelectorAll("[role=option]")];
  const close = () => {
    list.hidden = true;
    combobox.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  };
  const highlight = (index) => {
    const all = options();
    active = all.length ? (index + all.length) % all.length : -1;
    all.forEach((option, i) => option.setAttribute("aria-selected", String(i === active)));
    if (active >= 0) {
      input.setAttribute("aria-activedescendant", all[active].id);
      all[active].scrollIntoView({ block: "nearest" });
    }
  };

  const resultsURL = (query) => `/search/?q=${encodeURIComponent(query)}`;
  const thumbnail = (record) => {
    const smallest = record.srcset ? record.srcset.split(",")[0].trim().split(" ")[0] : record.image;
    return smallest
      ? el("img", { src: smallest, alt: "", width: "48", height: "48", loading: "lazy" })
      : el("span", { class: "placeholder", "aria-hidden": "true" });
  };

  async function suggest() {
    const query = input.value;
    const serial = ++latest;
    if (query.trim().length < 2) {
      close();
      status.textContent = "";
      return;
    }
    let outcome;
    try {
      outcome = await (await loadEngine()).search(query, { limit: SUGGESTIONS });
    } catch {
      if (serial === latest) status.textContent = "Search is not available right now.";
      return;
    }
    if (serial !== latest) return;
    const items = outcome.results.map(({ record, category }, index) =>
      el("li", { role: "option", id: `search-option-${index}`, "aria-selected": "false" },
        el("a", { href: `/products/${record.slug}/`, tabindex: "-1" },
          thumbnail(record),
          el("span", { class: "suggestion-text" },
            el("span", { class: "suggestion-name" }, record.name),
            el("span", { class: "suggestion-meta" }, `${money(record.priceMinor)} · ${category.name}`)))));
    if (outcome.total > 0) {
      items.push(el("li", { role: "option", id: "search-option-all", "aria-selected": "false", class: "suggestion-all" },
        el("a", { href: resultsURL(query), tabindex: "-1" }, outcome.total === 1 ? "See it on the results page" : `See all ${outcome.total.toLocaleString()} results`)));
    }
    fill(list, items.length ? items : [el("li", { class: "suggestion-none" }, `No products match “${query.trim()}”.`)]);
    list.hidden = false;
    combobox.setAttribute("aria-expanded", "true");
    active = -1;
    input.removeAttribute("aria-activedescendant");
    status.textContent = outcome.total === 0
      ? "No products match."
      : `${outcome.total.toLocaleString()} ${outcome.total === 1 ? "product matches" : "products match"}; ${outcome.results.length} shown. Use the arrow keys to choose.`;
  }

  input.addEventListener("input", suggest);
  input.addEventListener("focus", () => {
    // Load the engine (and with it the index's manifest) while the shopper starts typing.
    loadEngine().catch(() => {});
    if (input.value.trim().length >= 2) suggest();
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (list.hidden) return;
      event.preventDefault();
      highlight(active + (event.key === "ArrowDown" ? 1 : -1));
    } else if (event.key === "Enter" && active >= 0) {
      event.preventDefault();
      location.assign(options()[active].querySelector("a").href);
    } else if (event.key === "Escape") {
      close();
    }
  });
  document.addEventListener("click", (event) => { if (!form.contains(event.target)) close(); });
  form.addEventListener("focusout", (event) => { if (!form.contains(event.relatedTarget)) close(); });
  form.addEventListener("submit", (event) => {
    if (!input.value.trim()) event.preventDefault();
  });
}
