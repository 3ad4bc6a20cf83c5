// The shopper's cart: its token lives in localStorage and the cart itself on the server, created on the
// first add. A cart the server no longer takes (unknown, expired, or already checked out) is forgotten,
// and adding to it starts a new one.
import { api, ApiError } from "./api.js";

const TOKEN = "mercato.cart";
const COUNT = "mercato.cartCount";
const SYNCED = "mercato.cartSynced";

// localStorage can be unavailable (storage disabled, some private modes): the cart then lasts for the page.
const memory = new Map();
const store = {
  get(key) {
    try { return localStorage.getItem(key); } catch { return memory.get(key) ?? null; }
  },
  set(key, value) {
    try { localStorage.setItem(key, value); } catch { memory.set(key, String(value)); }
  },
  remove(key) {
    try { localStorage.removeItem(key); } catch { memory.delete(key); }
  },
};

export function cartCount() {
  return Number(store.get(COUNT)) || 0;
}

/** Milliseconds since the count was last read from the server (Infinity when never). */
export function countAge() {
  return Date.now() - (Number(store.get(SYNCED)) || 0);
}

export function hasCart() {
  return store.get(TOKEN) !== null;
}

function changed(cart) {
  document.dispatchEvent(new CustomEvent("cart:change", { detail: cart }));
  return cart;
}

function remember(cart) {
  store.set(TOKEN, cart.token);
  store.set(COUNT, cart.itemCount);
  store.set(SYNCED, Date.now());
  return changed(cart);
}

export function forgetCart() {
  store.remove(TOKEN);
  store.set(COUNT, 0);
  store.set(SYNCED, Date.now());
  changed(null);
}

const path = (token, rest = "") => `/carts/${encodeURIComponent(token)}${rest}`;

/** The cart, priced now; `null` when there is none or it can no longer be used. */
export async function loadCart() {
  const token = store.get(TOKEN);
  if (!token) return null;
  try {
    const { data } = await api("GET", path(token));
    if (data.status !== "open") {
      forgetCart();
      return null;
    }
    return remember(data);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 410)) {
      forgetCart();
      return null;
    }
    throw error;
  }
}

/** Whether a failed change was refused because the cart itself is gone, expired or ordered (not the line). */
async function cartIsGone(error) {
  if (!(error instanceof ApiError) || ![404, 409, 410].includes(error.status) || error.lines.length) return false;
  return (await loadCart().catch(() => undefined)) === null;
}

/**
 * Adds a product: without a cart, one request starts the cart with this line; when the old cart turns out to be
 * gone, a new one is started the same way.
 */
export async function addLine(slug, quantity, seenPriceMinor) {
  const body = { slug, quantity };
  if (Number.isInteger(seenPriceMinor)) body.seenPriceMinor = seenPriceMinor;
  for (let attempt = 0; ; attempt++) {
    const token = store.get(TOKEN);
    if (!token) return remember((await api("POST", "/carts", { body })).data);
    try {
      return remember((await api("POST", path(token, "/lines"), { body })).data);
    } catch (error) {
      if (attempt === 0 && (await cartIsGone(error))) continue;
      throw error;
    }
  }
}

/** Runs a change on the existing cart; when the cart turns out to be gone, resolves to `null`. */
async function change(method, rest, body) {
  const token = store.get(TOKEN);
  if (!token) return null;
  try {
    return remember((await api(method, path(token, rest), { body })).data);
  } catch (error) {
    if (await cartIsGone(error)) return null;
    throw error;
  }
}

export const setQuantity = (slug, quantity) => change("PUT", `/lines/${encodeURIComponent(slug)}`, { quantity });
export const removeLine = (slug) => change("DELETE", `/lines/${encodeURIComponent(slug)}`);
export const acceptPrices = () => change("POST", "/accept-prices");

/** The token checkout sends; `null` without a cart. */
export function cartToken() {
  return store.get(TOKEN);
}

/** Calls `update(count)` now and whenever the count changes, in this tab or another. */
export function watchCount(update) {
  update(cartCount());
  document.addEventListener("cart:change", () => update(cartCount()));
  addEventListener("storage", (event) => {
    if (event.key === COUNT || event.key === null) update(cartCount());
  });
}
