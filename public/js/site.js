// Every page: the header's cart count and search box, and the add-to-cart forms on product pages and cards.
import { addLine, countAge, hasCart, loadCart, watchCount } from "./cart.js";
import { announce } from "./dom.js";
import "./search-box.js";

// The count is read from localStorage at once; it is checked with the server now and then, because a cart
// can expire or be checked out in another tab.
const RECHECK_AFTER_MS = 10 * 60 * 1000;

const badge = document.querySelector("[data-cart-count]");
if (badge) {
  watchCount((count) => {
    badge.textContent = count > 0 ? `(${count > 99 ? "99+" : count})` : "";
  });
}
if (hasCart() && countAge() > RECHECK_AFTER_MS) loadCart().catch(() => {});

document.addEventListener("submit", async (event) => {
  const form = event.target.closest("form.add-to-cart");
  if (!form) return;
  event.preventDefault();
  const button = form.querySelector("button[type=submit]");
  const input = form.elements.quantity;
  const quantity = Number(input?.value || 1);
  if (input && !input.checkValidity()) {
    input.reportValidity();
    return;
  }
  if (button.disabled || form.getAttribute("aria-busy") === "true") return;
  const { slug, name } = form.dataset;
  form.setAttribute("aria-busy", "true");
  button.setAttribute("aria-disabled", "true");
  try {
    await addLine(slug, quantity, Number(form.dataset.priceMinor));
    announce(`Added ${quantity > 1 ? `${quantity} × ` : ""}${name} to your cart.`, {
      link: { href: "/cart/", text: "View cart" },
    });
  } catch (error) {
    announce(error.message, { tone: "error" });
  } finally {
    form.removeAttribute("aria-busy");
    button.removeAttribute("aria-disabled");
  }
});
