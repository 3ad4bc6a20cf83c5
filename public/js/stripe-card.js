// Card entry through Stripe.js: the card number goes from Stripe's own frame to Stripe and never reaches this
// shop, which receives only a payment-method id. Stripe's script loads only when an order is paid through Stripe.
const STRIPE_JS = "https://js.stripe.com/v3/";

/** A problem the shopper can fix (a card number mistyped, a declined 3-D Secure check). */
export class CardError extends Error {}

let loading = null;

function loadStripe() {
  loading ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = STRIPE_JS;
    script.async = true;
    script.onload = () => (window.Stripe ? resolve(window.Stripe) : reject(new CardError("Stripe's card form did not start.")));
    script.onerror = () => {
      loading = null;
      script.remove();
      reject(new CardError("Stripe's card form could not be loaded. Check your connection and reload the page."));
    };
    document.head.append(script);
  });
  return loading;
}

/**
 * Mounts Stripe's card field in `container`; `onChange(message)` hears the field's own complaints as the
 * shopper types (an empty message once the field is fine).
 */
export async function mountCard(publishableKey, container, onChange) {
  const stripe = (await loadStripe())(publishableKey);
  const card = stripe.elements().create("card", { hidePostalCode: true, style: { base: { fontSize: "16px" } } });
  card.on("change", (event) => onChange(event.error?.message ?? ""));
  card.mount(container);
  return {
    focus: () => card.focus(),
    /** Sends the card to Stripe; resolves to the `pm_…` id the server charges. */
    async paymentMethod(billingDetails) {
      const { paymentMethod, error } = await stripe.createPaymentMethod({ type: "card", card, billing_details: billingDetails });
      if (error) throw new CardError(error.message);
      return paymentMethod.id;
    },
    /** Runs the step the card's bank asks for (a 3-D Secure check) for a payment the server has confirmed. */
    async completeAction(clientSecret) {
      const { error } = await stripe.handleNextAction({ clientSecret });
      if (error) throw new CardError(error.message);
    },
  };
}
