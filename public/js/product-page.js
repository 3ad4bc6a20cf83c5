// A product page shows the price and stock of the build; this asks the server for the live figures and
// shows them when they differ, so nobody adds a product at a price or in a quantity that no longer holds.
import { api } from "./api.js";
import { el, fill } from "./dom.js";
import { money } from "./format.js";

const form = document.querySelector("form.buy-form");

async function refresh() {
  const slug = form.dataset.slug;
  const { data } = await api("GET", `/products/availability?slugs=${encodeURIComponent(slug)}`);
  const live = data.products.find((product) => product.slug === slug);
  const button = form.querySelector("button[type=submit]");
  const stock = document.querySelector("[data-stock]");
  if (!live) {
    // No longer sold: the server left it out.
    button.disabled = true;
    form.elements.quantity.disabled = true;
    button.textContent = "No longer available";
    stock.className = "stock out-of-stock";
    stock.textContent = "No longer available";
    return;
  }
  const built = Number(form.dataset.priceMinor);
  if (live.priceMinor !== built) {
    const price = document.querySelector("[data-price]");
    fill(price,
      el("strong", {}, money(live.priceMinor)),
      " ",
      el("span", { class: "price-note" }, `Price changed from ${money(built)}`),
    );
    form.dataset.priceMinor = String(live.priceMinor);
  }
  const quantity = form.elements.quantity;
  const inStock = live.stock !== "out_of_stock" && live.available > 0;
  stock.className = `stock ${live.stock.replaceAll("_", "-")}`;
  stock.textContent = !inStock ? "Out of stock" : live.stock === "low_stock" ? `Only ${live.available} left` : "In stock";
  button.disabled = !inStock;
  quantity.disabled = !inStock;
  button.textContent = inStock ? "Add to cart" : "Out of stock";
  if (inStock) quantity.max = String(Math.min(99, live.available));
}

// The static page stays as built when the server cannot be reached.
if (form) refresh().catch(() => {});
