// A tiny element builder: el("p", {class: "x"}, "text", child). Text is always set as text, never as HTML,
// so names and messages from the server cannot inject markup.

/** Replaces an element's children, leaving out the `null`, `undefined` and `false` of conditional parts. */
export function fill(parent, ...children) {
  parent.replaceChildren(...children.flat().filter((child) => child != null && child !== false));
  return parent;
}

export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value == null) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : value);
  }
  return fill(element, ...children);
}

/** A term and its value in a description list (totals, order facts). */
export function row(label, value, className) {
  return el("div", { class: className }, el("dt", {}, label), el("dd", {}, value));
}

/** An order or cart line in a summary: name × quantity, and the line's total as formatted by the caller. */
export function lineItem(line, total) {
  return el("li", {}, el("span", {}, `${line.name} × ${line.quantity}`), el("span", {}, total));
}

/** Puts focus on an element that is not normally focusable (a heading, a summary) and scrolls it into view. */
export function focus(element) {
  if (!element) return;
  if (!element.hasAttribute("tabindex")) element.setAttribute("tabindex", "-1");
  element.focus({ preventScroll: true });
  element.scrollIntoView({ block: "start", behavior: matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth" });
}

/**
 * Says something to screen-reader users through the page's live region, which is always in place (a
 * region that appears together with its text is often not read), and shows it for a few seconds in the
 * toast, which keeps its link for as long as it has focus or the pointer.
 */
export function announce(message, { link, tone = "info" } = {}) {
  const region = document.querySelector("[data-cart-status]");
  const toast = document.querySelector("[data-toast]");
  if (region) region.textContent = message;
  if (!toast) return;
  fill(toast, el("span", {}, message), link ? el("a", { href: link.href }, link.text) : null);
  toast.dataset.tone = tone;
  toast.hidden = false;
  clearTimeout(announce.timer);
  const hide = () => {
    if (toast.matches(":hover, :focus-within")) announce.timer = setTimeout(hide, 2000);
    else toast.hidden = true;
  };
  announce.timer = setTimeout(hide, 6000);
}
