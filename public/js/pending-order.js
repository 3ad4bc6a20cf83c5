// The order this browser placed and has not yet paid for, so that a reload or a return to /checkout/
// picks up at payment instead of starting over. A link `/checkout/?number=…&token=…` does the same.
import { api, ApiError } from "./api.js";

const KEY = "mercato.pendingOrder";

function stored() {
  try {
    return JSON.parse(localStorage.getItem(KEY) || "null");
  } catch {
    return null;
  }
}

export const pendingOrder = {
  save(order) {
    try { localStorage.setItem(KEY, JSON.stringify({ number: order.number, token: order.trackingToken })); } catch {}
  },

  clear() {
    try { localStorage.removeItem(KEY); } catch {}
  },

  /**
   * The order named in the URL, or else the one remembered here (unless `remembered` is false: the shopper
   * has started a new cart since), as the server has it now; `null` when there is none.
   */
  async resume({ remembered = true } = {}) {
    const params = new URLSearchParams(location.search);
    const named = params.get("number") && params.get("token")
      ? { number: params.get("number"), token: params.get("token") }
      : remembered ? stored() : null;
    if (!named) return null;
    try {
      const { data } = await api("GET", orderPath(named.number, named.token));
      if (data.status !== "pending_payment") this.clear();
      return data;
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        this.clear();
        return null;
      }
      throw error;
    }
  },
};

/** The API path of an order, with its tracking token. */
export function orderPath(number, token) {
  return `/orders/${encodeURIComponent(number)}?token=${encodeURIComponent(token)}`;
}
