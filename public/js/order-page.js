// Confirmation and tracking: the order named by `?number=…&token=…`, its status, history, lines, totals
// and address, and a way to cancel it while that is still possible. `&new=1` marks the arrival from checkout.
import { api } from "./api.js";
import { el, fill, focus, lineItem, row } from "./dom.js";
import { countryName, dateTime, money } from "./format.js";
import { orderPath } from "./pending-order.js";

const region = document.getElementById("order");
const title = document.querySelector("[data-order-title]");
const params = new URLSearchParams(location.search);
const number = params.get("number");
const token = params.get("token");
const fresh = params.get("new") === "1";

// The server's labels are lower case, made to sit inside sentences; on their own they start with a capital.
const capital = (text) => text.charAt(0).toUpperCase() + text.slice(1);

// Where the town, region and postal code go differs by country; the rest is one line each.
const CITY_REGION_POSTAL = new Set(["US", "CA", "AU"]);

function address(a) {
  const place = CITY_REGION_POSTAL.has(a.country)
    ? [`${a.city}${a.region ? `, ${a.region}` : ""} ${a.postalCode}`]
    : a.country === "GB" ? [a.city, a.region, a.postalCode] : [`${a.postalCode} ${a.city}`, a.region];
  const lines = [a.name, a.line1, a.line2, ...place, countryName(a.country), a.phone];
  return el("address", {}, lines.filter(Boolean).flatMap((line, index) => (index ? [el("br"), line] : [line])));
}

function timeline(history) {
  return el("ol", { class: "timeline" }, history.map((event) =>
    el("li", { class: `timeline-${event.status.replaceAll("_", "-")}` },
      el("span", { class: "timeline-label" }, capital(event.label)),
      el("time", { datetime: event.at }, dateTime(event.at)),
      event.note && el("span", { class: "timeline-note" }, capital(event.note)))));
}

function cancelControls(order) {
  if (!order.canCancel) return null;
  const box = el("div", { class: "cancel-box" });
  const ask = el("button", { type: "button", class: "secondary" }, "Cancel order");
  const paid = order.status !== "pending_payment";
  const confirm = el("div", { class: "notice notice-warning", hidden: true },
    el("p", { tabindex: "-1" }, paid
      ? `Cancel order ${order.number}? You will be refunded ${money(order.totals.totalMinor)}.`
      : `Cancel order ${order.number}? Its items go back on sale.`),
    el("div", { class: "button-row" },
      el("button", { type: "button", class: "danger", onclick: () => cancel(order, box) }, "Yes, cancel it"),
      el("button", { type: "button", class: "secondary", onclick: () => { confirm.hidden = true; ask.hidden = false; ask.focus(); } }, "Keep my order")));
  ask.addEventListener("click", () => {
    ask.hidden = true;
    confirm.hidden = false;
    confirm.querySelector("p").focus();
  });
  box.append(ask, confirm);
  return box;
}

async function cancel(order, box) {
  box.querySelectorAll("button").forEach((button) => button.setAttribute("aria-disabled", "true"));
  try {
    const { data } = await api("POST", `/orders/${encodeURIComponent(order.number)}/cancel`, { body: { token } });
    const refunded = data.payment?.refundedMinor ? ` A refund of ${money(data.payment.refundedMinor)} is on its way.` : "";
    render(data, `Your order is cancelled.${refunded}`);
  } catch (error) {
    box.querySelectorAll("button").forEach((button) => button.removeAttribute("aria-disabled"));
    box.prepend(el("p", { class: "notice notice-error", role: "alert" }, error.message));
  }
}

function render(order, message) {
  region.setAttribute("aria-busy", "false");
  const t = order.totals;
  title.textContent = fresh && order.status !== "cancelled" ? "Thank you for your order" : `Order ${order.number}`;
  document.title = `Order ${order.number} · ${document.title.split(" · ").pop()}`;
  const pending = order.status === "pending_payment";
  fill(region,
    message && el("p", { class: "notice notice-success", role: "status" }, message),
    fresh && !pending && order.status !== "cancelled" &&
      el("p", { class: "lead" }, `Your order number is ${order.number}.`),
    el("p", { class: "status-line" }, "Status: ", el("strong", { class: `status status-${order.status.replaceAll("_", "-")}` }, capital(order.statusLabel))),
    pending && el("p", {}, el("a", { class: "button-link primary", href: `/checkout/?number=${encodeURIComponent(order.number)}&token=${encodeURIComponent(token)}` }, "Pay for this order")),
    order.trackingNumber && el("p", {}, `Tracking number: ${order.trackingNumber}`),
    el("p", { class: "hint" }, "Keep this page's address to follow your order; it is the only key to it."),
    el("section", { "aria-labelledby": "history-title" }, el("h2", { id: "history-title" }, "History"), timeline(order.history)),
    el("section", { "aria-labelledby": "items-title" },
      el("h2", { id: "items-title" }, "Items"),
      el("ul", { class: "summary-lines" }, order.lines.map((line) =>
        lineItem(line, money(line.lineTotalMinor)))),
      el("dl", { class: "totals" },
        row("Subtotal", money(t.subtotalMinor)),
        t.discountMinor > 0 && row("Discount", `−${money(t.discountMinor)}`),
        row(`Delivery (${capital(order.shippingMethod)})`, t.shippingMinor === 0 ? "Free" : money(t.shippingMinor)),
        row("Tax", money(t.taxMinor)),
        row("Total", money(t.totalMinor), "total"),
        order.payment?.refundedMinor > 0 && row("Refunded", money(order.payment.refundedMinor)))),
    el("section", { "aria-labelledby": "address-title" },
      el("h2", { id: "address-title" }, "Delivery address"), order.shippingAddress && address(order.shippingAddress),
      el("p", { class: "hint" }, `Placed ${dateTime(order.placedAt)} · contact email ${order.email}`)),
    cancelControls(order));
  if (message) focus(region.querySelector(".notice"));
}

function fail(message) {
  region.setAttribute("aria-busy", "false");
  fill(region, el("p", { class: "notice notice-error", role: "alert" }, message));
}

if (!number || !token) {
  fail("To see an order, open the link in its confirmation email.");
} else {
  api("GET", orderPath(number, token)).then(
    ({ data }) => render(data),
    (error) => fail(error.status === 404 ? "We could not find this order. Check that the link is complete." : error.message));
}
