// The checkout API: JSON in, JSON out. Failures become errors carrying what the shopper should read.

const base = (document.body.dataset.api || "/api/v1").replace(/\/$/, "");

/** The server answered with a problem (application/problem+json): `detail` is written for the shopper. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || fallbackDetail(status));
    this.status = status;
    this.type = problem.type || "";
    this.field = problem.field || null;
    this.lines = Array.isArray(problem.lines) ? problem.lines : [];
    this.retryAfterSeconds = problem.retryAfterSeconds || null;
  }
}

/** No answer arrived, so the request may or may not have taken effect: retry it with the same idempotency key. */
export class NetworkError extends Error {
  constructor() {
    super("We could not reach the shop. Check your connection and try again.");
    this.status = 0;
  }
}

function fallbackDetail(status) {
  if (status === 429) return "Too many requests just now. Wait a moment and try again.";
  if (status >= 500) return "The shop could not do that just now. Please try again in a moment.";
  return "That did not work. Please try again.";
}

/** Sends a request to the API; resolves to `{status, data}` for 2xx answers, throws ApiError or NetworkError. */
export async function api(method, path, { body, idempotencyKey } = {}) {
  const headers = { Accept: "application/json, application/problem+json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (idempotencyKey) headers["Idempotency-Key"] = idempotencyKey;
  let response;
  try {
    response = await fetch(base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
  } catch {
    throw new NetworkError();
  }
  // A proxy's error page is not JSON: fall back to a message of our own.
  const data = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, data);
  return { status: response.status, data };
}

/** A fresh idempotency key: one per attempt, reused only when that same attempt is sent again. */
export function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}
