// Checkout, step two: paying an order that holds its stock, with a test card or a card entered in Stripe's
// form. Each press of Pay is one attempt with its own idempotency key; only an attempt whose answer never
// arrived is sent again with the same key and payment method. A payment still being confirmed (202) runs the
// bank's check in Stripe's script if there is one, then is polled until the order is paid or the payment fails.
import { api, ApiError, NetworkError, newKey } from "./api.js";
import { el, fill, focus, lineItem, row } from "./dom.js";
import { dateTime, money, time } from "./format.js";
import { orderPath, pendingOrder } from "./pending-order.js";
import { CardError, mountCard } from "./stripe-card.js";

/** The built-in test gateway's payment methods (openapi.yaml), as a shopper would read them. */
const TEST_METHODS = [
  ["pm_card_visa", "Visa ending 4242: payment succeeds"],
  ["pm_card_chargeDeclined", "Card that is declined"],
  ["pm_card_chargeDeclinedInsufficientFunds", "Card declined for insufficient funds"],
  ["pm_card_gatewayError", "Payment provider error (try again)"],
  ["pm_card_delayed", "Card confirmed after a moment (like 3-D Secure)"],
];

const section = document.querySelector("[data-payment]");
const form = section.querySelector("[data-payment-form]");
const errorBox = section.querySelector("[data-payment-error]");
const status = section.querySelector("[data-payment-status]");
const button = section.querySelector("[data-pay-button]");

let order = null;
let unanswered = null; // {key, method} of an attempt that got no answer
let card = null; // Stripe's card field, when the order is paid through Stripe

function showTotals() {
  const t = order.totals;
  fill(document.querySelector("[data-summary-lines]"), ...order.lines.map((line) =>
    lineItem(line, money(line.lineTotalMinor))));
  fill(document.querySelector("[data-totals]"),
    row("Subtotal", money(t.subtotalMinor)),
    t.discountMinor > 0 && row("Discount", `−${money(t.discountMinor)}`),
    row("Delivery", t.shippingMinor === 0 ? "Free" : money(t.shippingMinor)),
    row("Tax", money(t.taxMinor)),
    row("Total", money(t.totalMinor), "total"));
  document.querySelector("[data-totals-note]").textContent = `Order ${order.number}`;
  document.querySelector("[data-edit-cart]").hidden = true;
}

function showPlaced() {
  const a = order.shippingAddress ?? {};
  const hold = order.holdExpiresAt
    ? ` We hold your items until ${new Date(order.holdExpiresAt).toDateString() === new Date().toDateString() ? time(order.holdExpiresAt) : dateTime(order.holdExpiresAt)}.`
    : "";
  fill(section.querySelector("[data-placed]"),
    el("p", {}, `Order ${order.number} is placed.${hold} Pay to confirm it.`),
    el("p", { class: "hint" }, `Sending to ${[a.name, a.line1, a.line2, a.city, a.postalCode, a.country].filter(Boolean).join(", ")} · receipt to ${order.email}`));
}

function showError(message, extra) {
  fill(errorBox, el("div", { role: "alert" }, el("h2", {}, "Payment did not go through"), el("p", {}, message), extra ?? null));
  errorBox.hidden = false;
  focus(errorBox);
}

// The card select points at the error while it stands, so its description says why.
function markMethod(invalid) {
  const select = form.elements.paymentMethod;
  if (invalid) {
    select.setAttribute("aria-invalid", "true");
    select.setAttribute("aria-describedby", "paymentMethod-hint payment-error");
  } else {
    select.removeAttribute("aria-invalid");
    select.setAttribute("aria-describedby", "paymentMethod-hint");
  }
}

function finished() {
  pendingOrder.clear();
  const path = order.trackingPath;
  location.assign(path + (path.includes("?") ? "&" : "?") + "new=1");
}

function setBusy(busy, text) {
  form.elements.paymentMethod.disabled = busy;
  button.setAttribute("aria-disabled", String(busy));
  button.textContent = busy ? "Paying…" : `Pay ${money(order.totals.totalMinor)}`;
  status.textContent = text ?? "";
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** After a 202: asks for the order until the payment settles, for up to about a minute. */
async function waitForConfirmation() {
  setBusy(true, "Confirming your payment…");
  for (let delay = 1000; delay < 16000; delay *= 1.5) {
    await sleep(delay);
    try {
      order = (await api("GET", orderPath(order.number, order.trackingToken))).data;
    } catch {
      continue; // a missed poll is not an answer; ask again
    }
    if (order.status === "paid") return finished();
    if (order.status !== "pending_payment") return showClosed();
    if (order.payment?.status === "requires_payment_method") {
      setBusy(false);
      return showError(order.payment.declineMessage || "Your payment was not confirmed. Choose another card and try again.");
    }
  }
  setBusy(false);
  status.textContent = "";
  showError("Your payment is still being confirmed. You do not need to pay again: follow it on your order page.",
    el("p", {}, el("a", { href: order.trackingPath }, "Go to your order")));
}

function showClosed() {
  pendingOrder.clear();
  form.hidden = true;
  status.textContent = "";
  showError(`Order ${order.number} is ${order.statusLabel.toLowerCase()}, so it can no longer be paid.`,
    el("p", {}, el("a", { href: order.trackingPath }, "See the order")));
}

/** The payment method to charge: the test card chosen, or the card sent to Stripe (once per attempt). */
async function paymentMethod() {
  if (!card) return form.elements.paymentMethod.value;
  if (unanswered) return unanswered.method;
  const a = order.shippingAddress ?? {};
  return card.paymentMethod({ name: a.name, email: order.email, address: { country: a.country, postal_code: a.postalCode } });
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  if (button.getAttribute("aria-disabled") === "true") return;
  errorBox.hidden = true;
  markMethod(false);
  setBusy(true, "Sending your payment…");
  let method;
  try {
    method = await paymentMethod();
  } catch (error) {
    setBusy(false);
    return showError(error instanceof CardError ? error.message : "Your card could not be sent to Stripe. Please try again.");
  }
  const key = unanswered?.method === method ? unanswered.key : newKey();
  unanswered = { key, method };
  try {
    const { status: code, data } = await api("POST", `/orders/${encodeURIComponent(order.number)}/payments`, {
      body: { token: order.trackingToken, paymentMethod: method },
      idempotencyKey: key,
    });
    unanswered = null;
    order = data;
    if (code === 202) {
      if (card && order.payment?.clientSecret) await card.completeAction(order.payment.clientSecret);
      return await waitForConfirmation();
    }
    return finished();
  } catch (error) {
    if (error instanceof CardError) {
      // The bank's check failed or was abandoned: the order still holds its stock for another try.
      setBusy(false);
      return showError(`${error.message} Nothing was charged; you can try again or use another card.`);
    }
    // Only an attempt that may still take effect is sent again with its key.
    if (!(error instanceof NetworkError) && error.type !== "/problems/request-in-progress") unanswered = null;
    setBusy(false);
    if (error instanceof ApiError && error.status === 409) {
      // Paid meanwhile (another tab, a webhook) or cancelled: the order says which.
      order = (await api("GET", orderPath(order.number, order.trackingToken)).catch(() => ({ data: order }))).data;
      if (order.status === "paid") return finished();
      if (order.status !== "pending_payment") return showClosed();
    }
    const declined = error instanceof ApiError && error.status === 402;
    // The server's detail says what to do next (try another card, try again).
    showError(error.message);
    if (declined) markMethod(true);
  }
});

/** Shows Stripe's card field in place of the test cards. */
async function showCardField(publishableKey) {
  const field = form.querySelector("[data-card-field]");
  const complaint = form.querySelector("[data-card-error]");
  form.querySelector("[data-test-card-field]").hidden = true;
  field.hidden = false;
  card = await mountCard(publishableKey, field.querySelector("[data-card-element]"), (message) => {
    complaint.textContent = message;
    complaint.hidden = !message;
  });
}

/** Moves the page to payment for an order awaiting it. */
export async function showPayment(placed) {
  order = placed;
  document.querySelector("[data-details-form]").hidden = true;
  document.querySelector("[data-error-summary]").hidden = true;
  document.querySelector("[data-checkout]").hidden = false;
  showTotals();
  showPlaced();
  section.hidden = false;
  const provider = order.payment?.provider ?? "test";
  if (provider === "test") {
    fill(form.elements.paymentMethod, ...TEST_METHODS.map(([value, label]) => el("option", { value }, label)));
  } else {
    setBusy(true, "Loading the card form…");
    try {
      if (!order.payment?.publishableKey) throw new CardError(`Payment through ${provider} is not set up on this shop.`);
      await showCardField(order.payment.publishableKey);
    } catch (error) {
      form.hidden = true;
      status.textContent = "";
      return showError(`${error.message} Your order is held; you can pay from your order page later.`,
        el("p", {}, el("a", { href: order.trackingPath }, "Go to your order")));
    }
  }
  setBusy(false);
  focus(section.querySelector("h2"));
}
