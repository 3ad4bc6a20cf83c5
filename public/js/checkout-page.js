// Checkout, step one: contact, address and delivery, then the order is created (its stock held) and the
// page moves on to payment (payment-step.js). Totals before the order exists are an estimate from the
// cart and the chosen delivery; the server's totals replace them once the order is created.
import { api, ApiError, NetworkError, newKey } from "./api.js";
import { cartToken, forgetCart, hasCart, loadCart } from "./cart.js";
import { el, fill, lineItem, row } from "./dom.js";
import { clearErrors, showErrors } from "./form-errors.js";
import { countryName, localeRegion, money } from "./format.js";
import { showPayment } from "./payment-step.js";
import { pendingOrder } from "./pending-order.js";

const form = document.querySelector("[data-details-form]");
const summary = document.querySelector("[data-error-summary]");
const methodsBox = document.querySelector("[data-shipping-methods]");
const linesBox = document.querySelector("[data-summary-lines]");
const totalsBox = document.querySelector("[data-totals]");
const submit = form.querySelector("button[type=submit]");

// The attempt whose answer never arrived, kept so that sending it again (even after a reload) reuses its
// idempotency key and cannot create a second order.
const ATTEMPT = "mercato.checkoutAttempt";
const readAttempt = () => JSON.parse(sessionStorage.getItem(ATTEMPT) || "null");
const saveAttempt = (attempt) => sessionStorage.setItem(ATTEMPT, JSON.stringify(attempt));
const clearAttempt = () => sessionStorage.removeItem(ATTEMPT);

let cart = null;
let rules = null;

const required = {
  email: "Enter your email address",
  name: "Enter your full name",
  line1: "Enter the first line of your address",
  city: "Enter your town or city",
  postalCode: "Enter your postal code",
  country: "Choose a country",
};

function showEmpty(message, link = { href: "/categories/", text: "Browse the shop" }) {
  document.querySelector("[data-checkout]").hidden = true;
  const box = document.querySelector("[data-checkout-empty]");
  fill(box, el("p", {}, message), el("p", {}, el("a", { class: "button-link", href: link.href }, link.text)));
  box.hidden = false;
}

function fillCountries(codes) {
  const select = form.elements.country;
  const names = codes.map((code) => [code, countryName(code)]).sort((a, b) => a[1].localeCompare(b[1]));
  const preferred = codes.includes(localeRegion()) ? localeRegion() : "";
  fill(select,
    el("option", { value: "" }, "Choose a country"),
    ...names.map(([code, name]) => el("option", { value: code, selected: code === preferred }, name)));
}

function methodPrice(method, subtotal) {
  return method.freeFromMinor != null && subtotal >= method.freeFromMinor ? 0 : method.priceMinor;
}

function fillMethods() {
  const subtotal = cart.subtotalMinor;
  fill(methodsBox, ...rules.shippingMethods.map((method, index) => {
    const price = methodPrice(method, subtotal);
    const free = method.freeFromMinor != null && price > 0 ? ` · free from ${money(method.freeFromMinor)}` : "";
    return el("label", { class: "choice" },
      el("input", { type: "radio", name: "shippingMethod", value: method.code, checked: index === 0 }),
      el("span", { class: "choice-text" },
        el("span", { class: "choice-name" }, method.name),
        el("span", { class: "choice-note" }, method.estimate + free)),
      el("span", { class: "choice-price" }, price === 0 ? "Free" : money(price)));
  }));
}

/** The cart's lines and an estimate: subtotal plus the chosen delivery; tax comes with the order. */
function showEstimate() {
  fill(linesBox, ...cart.lines.map((line) =>
    lineItem(line, money(line.lineTotalMinor))));
  const method = rules.shippingMethods.find((m) => m.code === chosenMethod());
  const shipping = method ? methodPrice(method, cart.subtotalMinor) : 0;
  fill(totalsBox,
    row("Subtotal", money(cart.subtotalMinor)),
    row("Delivery", method ? (shipping === 0 ? "Free" : money(shipping)) : "—"),
    row("Tax", "Shown at payment"),
    row("Estimated total", money(cart.subtotalMinor + shipping), "total"));
}

/** The element an error about `name` belongs to: the field, or the fieldset of the delivery options. */
function field(name) {
  if (name === "shippingMethod") return document.getElementById("shippingMethod");
  return form.elements[name] ?? null;
}

const chosenMethod = () => form.querySelector("input[name=shippingMethod]:checked")?.value ?? "";

function readDetails() {
  const value = (name) => form.elements[name].value.trim();
  const optional = (name) => value(name) || null;
  return {
    cartToken: cartToken(),
    email: value("email"),
    shippingAddress: {
      name: value("name"), line1: value("line1"), line2: optional("line2"), city: value("city"),
      region: optional("region"), postalCode: value("postalCode"), country: value("country"), phone: optional("phone"),
    },
    shippingMethod: chosenMethod(),
    discountCode: optional("discountCode"),
  };
}

function validate(details) {
  const errors = [];
  const flat = { email: details.email, ...details.shippingAddress };
  for (const [name, message] of Object.entries(required)) {
    if (!flat[name]) errors.push({ field: field(name), message });
  }
  if (details.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(details.email)) {
    errors.push({ field: field("email"), message: "Enter an email address like name@example.com" });
  }
  if (!details.shippingMethod) errors.push({ field: field("shippingMethod"), message: "Choose a delivery option" });
  return errors;
}

/** The server's refusal, placed on the field it names (`shippingAddress.postalCode` → the postal code). */
function serverErrors(error) {
  if (error.lines.length) {
    return {
      errors: error.lines.map((line) => ({
        field: null,
        message: line.available === 0 ? `${line.name} is out of stock.` : `Only ${line.available} of ${line.name} left; you asked for ${line.requested}.`,
      })),
      extra: el("p", {}, el("a", { href: "/cart/" }, "Change your cart")),
    };
  }
  const name = error.field?.split(".").pop();
  const target = name && field(name);
  const cartProblem = [404, 409, 410].includes(error.status) && !target;
  return {
    errors: [{ field: target || null, message: target ? fieldMessage(target, error.message) : error.message }],
    extra: cartProblem ? el("p", {}, el("a", { href: "/cart/" }, "Go to your cart")) : null,
  };
}

/** Whether the attempt may still take effect: no answer came, or the server is still working on it. */
function unanswered(error) {
  return error instanceof NetworkError || error.type === "/problems/request-in-progress";
}

/** "Address postalCode: may hold only…" → "Postal code: may hold only…", named as the form labels it. */
function fieldMessage(target, detail) {
  const reason = detail.match(/^Address \w+: (.*)$/)?.[1];
  const label = document.querySelector(`label[for="${target.id}"]`)?.firstChild?.textContent.trim();
  return reason && label ? `${label}: ${reason}` : detail;
}

async function placeOrder(details) {
  const body = JSON.stringify(details);
  const previous = readAttempt();
  const attempt = previous && previous.body === body ? previous : { key: newKey(), body };
  saveAttempt(attempt);
  const { data } = await api("POST", "/checkout", { body: details, idempotencyKey: attempt.key });
  clearAttempt();
  return data;
}

function placed(order) {
  forgetCart();
  pendingOrder.save(order);
  showPayment(order);
}

form.addEventListener("change", (event) => {
  if (event.target.name === "shippingMethod" && cart) showEstimate();
});

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  if (submit.getAttribute("aria-disabled") === "true") return;
  clearErrors(form, summary);
  const details = readDetails();
  const errors = validate(details);
  if (errors.length) return showErrors(summary, errors);
  submit.setAttribute("aria-disabled", "true");
  submit.textContent = "Placing your order…";
  try {
    placed(await placeOrder(details));
  } catch (error) {
    if (!unanswered(error)) clearAttempt();
    if (error instanceof ApiError && (error.status === 404 || error.status === 410)) forgetCart();
    const { errors, extra } = error instanceof ApiError ? serverErrors(error) : { errors: [{ field: null, message: error.message }] };
    showErrors(summary, errors, { extra });
  } finally {
    submit.removeAttribute("aria-disabled");
    submit.textContent = "Continue to payment";
  }
});

async function start() {
  // An order already placed from this browser (or named in the link) goes straight to payment.
  const resumed = await pendingOrder.resume({ remembered: !hasCart() });
  if (resumed) return resumed.status === "pending_payment" ? showPayment(resumed) : location.replace(resumed.trackingPath);
  cart = await loadCart();
  // The last attempt's answer never arrived and the cart is no longer open: ask again with the same key.
  const attempt = readAttempt();
  if (attempt && !cart) {
    try {
      return placed(await api("POST", "/checkout", { body: JSON.parse(attempt.body), idempotencyKey: attempt.key }).then((r) => r.data));
    } catch {
      clearAttempt();
    }
  }
  if (!cart || cart.lines.length === 0) return showEmpty("Your cart is empty, so there is nothing to check out yet.");
  if (cart.hasPriceChanges || cart.hasStockProblems) {
    return showEmpty("Some products in your cart changed price or are short of stock. Check your cart before you pay.", {
      href: "/cart/", text: "Review your cart",
    });
  }
  rules = (await api("GET", "/shipping-methods")).data;
  fillCountries(rules.shipsTo);
  fillMethods();
  showEstimate();
}

start().catch((error) => showEmpty(error.message, { href: "/checkout/", text: "Try again" }));
