// The cart page: every line as the server prices it now, with changed prices and stock problems flagged
// and fixed in place. The whole cart is drawn again after each change; focus returns to the same control.
import { acceptPrices, loadCart, removeLine, setQuantity } from "./cart.js";
import { announce, el, fill, focus } from "./dom.js";
import { money } from "./format.js";

const region = document.getElementById("cart");
const heading = document.querySelector("main h1");
const MAX_QUANTITY = 99;

function stockProblem(line) {
  if (line.stock === "unavailable") return { text: "No longer sold. Remove it to check out.", blocking: true };
  if (line.stock === "out_of_stock" || line.available === 0) return { text: "Out of stock. Remove it to check out.", blocking: true };
  if (line.quantity > line.available) {
    return { text: `Only ${line.available} left. Lower the quantity to check out.`, blocking: true };
  }
  if (line.stock === "low_stock") return { text: `Only ${line.available} left.`, blocking: false };
  return null;
}

function lineView(line) {
  const problem = stockProblem(line);
  const most = Math.min(MAX_QUANTITY, Math.max(line.available, 1));
  const image = line.imagePath
    ? el("img", { src: line.imagePath, alt: "", width: 80, height: 80, loading: "lazy", decoding: "async" })
    : el("span", { class: "placeholder" });
  return el("li", { class: "cart-line", "data-slug": line.slug },
    el("a", { class: "line-image", href: line.url, tabindex: "-1", "aria-hidden": "true" }, image),
    el("div", { class: "line-info" },
      el("a", { class: "line-name", href: line.url }, line.name),
      el("p", { class: "line-price" }, `${money(line.unitPriceMinor)} each`),
      line.priceChanged &&
        el("p", { class: "line-flag price-flag" },
          `Price changed from ${money(line.seenPriceMinor)} to ${money(line.unitPriceMinor)}`),
      problem && el("p", { class: `line-flag ${problem.blocking ? "stock-flag" : "low-flag"}` }, problem.text)),
    el("div", { class: "line-controls" },
      el("div", { class: "stepper", role: "group", "aria-label": `Quantity of ${line.name}` },
        el("button", {
          type: "button", "data-action": "decrease", "data-key": `decrease:${line.slug}`,
          "aria-label": `One fewer ${line.name}`, disabled: line.quantity <= 1,
        }, "−"),
        el("input", {
          type: "number", inputmode: "numeric", min: 1, max: MAX_QUANTITY, value: line.quantity,
          "data-action": "set", "data-key": `set:${line.slug}`, "aria-label": `Quantity of ${line.name}`,
        }),
        el("button", {
          type: "button", "data-action": "increase", "data-key": `increase:${line.slug}`,
          "aria-label": `One more ${line.name}`, disabled: line.quantity >= most,
        }, "+")),
      el("button", { type: "button", class: "link-button", "data-action": "remove", "data-key": `remove:${line.slug}` },
        "Remove", el("span", { class: "visually-hidden" }, ` ${line.name}`))),
    el("p", { class: "line-total" }, el("span", { class: "visually-hidden" }, "Line total: "), money(line.lineTotalMinor)));
}

function render(cart, { focusKey, error } = {}) {
  region.setAttribute("aria-busy", "false");
  const errorBox = error && el("div", { class: "notice notice-error", role: "alert" }, error);
  if (cart === undefined) {
    // The cart could not be read: say so rather than show it as empty.
    fill(region, errorBox,
      el("p", {}, el("button", { type: "button", onclick: () => location.reload() }, "Try again")));
    return;
  }
  if (!cart || cart.lines.length === 0) {
    fill(region,
      errorBox,
      el("p", {}, "Your cart is empty."),
      el("p", {}, el("a", { class: "button-link", href: "/categories/" }, "Browse the shop")));
    if (focusKey) focus(heading);
    return;
  }
  const blocked = cart.lines.some((line) => stockProblem(line)?.blocking);
  const items = cart.itemCount === 1 ? "1 item" : `${cart.itemCount} items`;
  fill(region,
    errorBox,
    cart.hasPriceChanges && el("div", { class: "notice notice-warning" },
      el("p", {}, "Some prices changed since you added these products. Check the new prices, then accept them to check out."),
      el("button", { type: "button", "data-action": "accept", "data-key": "accept" }, "Accept new prices")),
    blocked && el("div", { class: "notice notice-error" },
      el("p", {}, "Some products are not available in the quantity you asked for. Change or remove them to check out.")),
    el("ul", { class: "cart-lines", "aria-label": "Products in your cart" }, cart.lines.map(lineView)),
    el("div", { class: "cart-summary" },
      el("dl", { class: "totals" }, el("div", {}, el("dt", {}, `Subtotal (${items})`), el("dd", {}, money(cart.subtotalMinor)))),
      el("p", { class: "hint" }, "Shipping and tax are added at checkout."),
      cart.hasPriceChanges || blocked
        ? el("p", { class: "hint" }, cart.hasPriceChanges ? "Accept the new prices above to check out." : "Change the flagged products above to check out.")
        : el("a", { class: "button-link primary", href: "/checkout/" }, "Go to checkout")));
  if (focusKey) {
    const target = region.querySelector(`[data-key="${CSS.escape(focusKey)}"]:not(:disabled)`)
      ?? region.querySelector(`[data-key="set:${CSS.escape(focusKey.split(":")[1] ?? "")}"]`);
    if (target) target.focus();
    else focus(heading);
  }
}

let working = false;

/** Runs one change, then draws the cart the server sends back (or reloads it when the change failed). */
async function apply(change, { focusKey, done }) {
  if (working) return;
  working = true;
  region.setAttribute("aria-busy", "true");
  try {
    const cart = await change();
    render(cart, { focusKey });
    if (done) announce(done(cart));
  } catch (error) {
    const cart = await loadCart().catch(() => undefined);
    render(cart, { focusKey, error: error.message });
  } finally {
    working = false;
  }
}

function lineOf(control) {
  const item = control.closest(".cart-line");
  return { slug: item.dataset.slug, name: item.querySelector(".line-name").textContent, item };
}

function subtotal(cart) {
  return cart ? `Subtotal ${money(cart.subtotalMinor)}.` : "Your cart is empty.";
}

region.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-action]");
  if (!button || button.disabled) return;
  const action = button.dataset.action;
  if (action === "accept") {
    apply(acceptPrices, { focusKey: "accept", done: () => "New prices accepted. You can check out now." });
    return;
  }
  const { slug, name, item } = lineOf(button);
  const quantity = Number(item.querySelector("input").value);
  if (action === "remove") {
    apply(() => removeLine(slug), { focusKey: `remove:${slug}`, done: (cart) => `Removed ${name}. ${subtotal(cart)}` });
  } else {
    const next = action === "increase" ? quantity + 1 : quantity - 1;
    apply(() => setQuantity(slug, next), {
      focusKey: button.dataset.key,
      done: (cart) => `${name}: quantity ${next}. ${subtotal(cart)}`,
    });
  }
});

region.addEventListener("change", (event) => {
  const input = event.target.closest("input[data-action=set]");
  if (!input) return;
  const { slug, name } = lineOf(input);
  const quantity = Math.round(Number(input.value));
  if (!Number.isFinite(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    input.value = input.defaultValue;
    announce(`Choose a quantity from 1 to ${MAX_QUANTITY}, or remove the product.`, { tone: "error" });
    return;
  }
  apply(() => setQuantity(slug, quantity), {
    focusKey: input.dataset.key,
    done: (cart) => `${name}: quantity ${quantity}. ${subtotal(cart)}`,
  });
});

loadCart().then(
  (cart) => render(cart),
  (error) => render(undefined, { error: error.message }),
);
