// Errors on a form, the way screen-reader and keyboard users can find them: a summary at the top that
// takes focus and links to each field, and each field's message tied to it with aria-describedby.
import { el, fill, focus } from "./dom.js";

/** Removes every error message from the form and hides the summary. */
export function clearErrors(form, summary) {
  summary.hidden = true;
  summary.replaceChildren();
  for (const message of form.querySelectorAll(".field-error")) message.remove();
  for (const field of form.querySelectorAll("[aria-invalid]")) {
    field.removeAttribute("aria-invalid");
    const ids = (field.getAttribute("aria-describedby") || "").split(" ").filter((id) => !id.endsWith("-error"));
    if (ids.length) field.setAttribute("aria-describedby", ids.join(" "));
    else field.removeAttribute("aria-describedby");
  }
}

/**
 * Shows `errors` (`{field, message}`, `field` an element or null) beside their fields and in the summary,
 * then moves focus to the summary. `extra` is more content for the summary (a link to the cart).
 */
export function showErrors(summary, errors, { title = "There is a problem", extra } = {}) {
  const items = errors.map(({ field, message }) => {
    if (!field) return el("li", {}, message);
    const errorId = `${field.id}-error`;
    const text = el("p", { class: "field-error", id: errorId }, el("span", { class: "visually-hidden" }, "Error: "), message);
    if (field.tagName === "FIELDSET") field.querySelector("legend").after(text);
    else field.closest(".field")?.querySelector("label ~ input, label ~ select, label ~ textarea")?.before(text);
    field.setAttribute("aria-invalid", "true");
    const described = (field.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    field.setAttribute("aria-describedby", [...described, errorId].join(" "));
    return el("li", {}, el("a", { href: `#${field.id}`, onclick: (event) => jump(event, field) }, message));
  });
  fill(summary,
    el("div", { role: "alert" }, el("h2", {}, title), el("ul", {}, items), extra ?? null));
  summary.hidden = false;
  focus(summary);
}

// Following a summary link puts the cursor in the field and keeps its label in view.
function jump(event, field) {
  event.preventDefault();
  const target = field.tagName === "FIELDSET" ? field.querySelector("input") ?? field : field;
  target.focus({ preventScroll: true });
  (field.closest(".field") ?? field).scrollIntoView({ block: "start" });
}
