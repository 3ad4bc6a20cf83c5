"""Stripe as the browser suite needs it, on a local port: the REST endpoints Mercato's Stripe adapter calls
(PaymentIntents with idempotency keys), the one Stripe.js calls with the publishable key (PaymentMethods), and
a stand-in for Stripe.js itself that the suite serves in place of https://js.stripe.com/v3/.

Test card numbers as Stripe documents them: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined,
4000 0027 6000 3184 asks for 3-D Secure (the stand-in approves it)."""
import itertools
import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SECRET_KEY = "sk_test_e2eSecretKey"
PUBLISHABLE_KEY = "pk_test_e2ePublishableKey"
CARDS = {"4242424242424242": "visa", "4000000000000002": "declined", "4000002760003184": "threeDSecure"}


class FakeStripe:
    def __init__(self):
        self.lock = threading.Lock()
        self.serial = itertools.count(1)
        self.intents = {}
        self.methods = {}  # pm id -> card behaviour
        self.saved = {}  # idempotency key -> (status, body)
        self.confirmations = []  # the form fields of every confirm request Mercato sent
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self.handler())
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()

    def script(self):
        """The Stripe.js stand-in: the card field is a text box in the page (Stripe's is a frame), and card
        numbers go to this server's /v1/payment_methods with the publishable key, as Stripe.js sends them."""
        return STRIPE_JS.replace("__STRIPE__", self.url)

    def handler(self):
        stripe = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_OPTIONS(self):
                self.answer(204, None)

            def do_GET(self):
                with stripe.lock:
                    self.answer(*stripe.route("GET", self.path, {}, self.headers))

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                fields = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
                with stripe.lock:
                    key = self.headers.get("Idempotency-Key")
                    if key and key in stripe.saved:
                        return self.answer(*stripe.saved[key])
                    status, body = stripe.route("POST", self.path, fields, self.headers)
                    if key and status < 500:
                        stripe.saved[key] = (status, body)
                    self.answer(status, body)

            def answer(self, status, body):
                data = json.dumps(body).encode() if body is not None else b""
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Access-Control-Allow-Headers", "Authorization, Content-Type")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        return Handler

    def route(self, method, path, fields, headers):
        key = (headers.get("Authorization") or "").removeprefix("Bearer ")
        parts = path.split("?")[0].strip("/").split("/")
        if parts[:2] == ["v1", "payment_methods"] and method == "POST":
            if key != PUBLISHABLE_KEY:
                return 401, error("invalid_request_error", "Invalid API Key provided")
            number = fields.get("card[number]", "").replace(" ", "")
            if number not in CARDS:
                return 402, error("card_error", "Your card number is incorrect.", code="incorrect_number")
            pm = f"pm_{next(self.serial)}E2e"
            self.methods[pm] = CARDS[number]
            return 200, {"id": pm, "object": "payment_method", "type": "card", "card": {"last4": number[-4:]}}
        if parts[:2] == ["v1", "three_d_secure"] and method == "POST":  # the stand-in's challenge, approved
            intent = self.intents.get(parts[2])
            if not intent or intent["status"] != "requires_action":
                return 400, error("invalid_request_error", "No 3-D Secure check is waiting.")
            intent.update(status="succeeded", next_action=None)
            return 200, intent
        if key != SECRET_KEY:
            return 401, error("invalid_request_error", "Invalid API Key provided")
        if parts == ["v1", "payment_intents"] and method == "POST":
            pi = f"pi_{next(self.serial)}E2e"
            self.intents[pi] = {
                "id": pi, "object": "payment_intent", "amount": int(fields["amount"]), "currency": fields["currency"],
                "status": "requires_payment_method", "client_secret": f"{pi}_secret_e2e",
                "metadata": {"order_number": fields.get("metadata[order_number]")}, "last_payment_error": None,
                "next_action": None,
            }
            return 200, self.intents[pi]
        if len(parts) >= 3 and parts[:2] == ["v1", "payment_intents"]:
            intent = self.intents.get(parts[2])
            if not intent:
                return 404, error("invalid_request_error", f"No such payment_intent: '{parts[2]}'", code="resource_missing")
            if method == "GET":
                return 200, intent
            if parts[3:] == ["confirm"]:
                self.confirmations.append(dict(fields))
                behaviour = self.methods.get(fields.get("payment_method"))
                if behaviour is None:
                    return 400, error("invalid_request_error", "No such PaymentMethod", code="resource_missing")
                if behaviour == "declined":
                    decline = {"type": "card_error", "code": "card_declined", "decline_code": "generic_decline",
                               "message": "Your card was declined."}
                    intent.update(status="requires_payment_method", last_payment_error=decline)
                    return 402, {"error": {**decline, "payment_intent": intent}}
                if behaviour == "threeDSecure":
                    intent.update(status="requires_action", next_action={"type": "use_stripe_sdk"})
                else:
                    intent.update(status="succeeded", last_payment_error=None)
                return 200, intent
        return 404, error("invalid_request_error", f"Unrecognized request URL ({method}: {path})")


def error(kind, message, code=None):
    return {"error": {"type": kind, "message": message, **({"code": code} if code else {})}}


STRIPE_JS = """
window.Stripe = (publishableKey) => {
  const api = async (path, fields) => {
    const response = await fetch("__STRIPE__" + path, {
      method: "POST",
      headers: { Authorization: "Bearer " + publishableKey, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields),
    });
    return [response.ok, await response.json()];
  };
  return {
    elements: () => ({
      create: () => {
        const input = document.createElement("input");
        input.setAttribute("aria-label", "Card number");
        input.setAttribute("inputmode", "numeric");
        input.dataset.fakeStripeCard = "";
        const listeners = [];
        input.addEventListener("input", () => {
          const digits = input.value.replace(/\\D/g, "");
          const error = digits.length > 0 && digits.length < 16 ? { message: "Your card number is incomplete." } : undefined;
          listeners.forEach((listener) => listener({ error, complete: digits.length === 16 }));
        });
        return {
          input,
          mount: (container) => container.append(input),
          on: (name, listener) => name === "change" && listeners.push(listener),
          focus: () => input.focus(),
        };
      },
    }),
    async createPaymentMethod({ card }) {
      const [ok, body] = await api("/v1/payment_methods", { type: "card", "card[number]": card.input.value });
      return ok ? { paymentMethod: body } : { error: body.error };
    },
    async handleNextAction({ clientSecret }) {
      const [ok, body] = await api(`/v1/three_d_secure/${clientSecret.split("_secret_")[0]}`, {});
      return ok ? { paymentIntent: body } : { error: body.error };
    },
  };
};
"""
