// Money and dates in the shop's locale. The API sends amounts in minor units (cents); the page says how
// many digits the shop's currency has, the same count the server uses.

const { locale, currency, currencyDigits } = document.body.dataset;
const digits = Number(currencyDigits ?? 2);
const moneyFormat = new Intl.NumberFormat(locale, {
  style: "currency",
  currency,
  minimumFractionDigits: digits,
  maximumFractionDigits: digits,
});

export function money(minor) {
  return moneyFormat.format(minor / 10 ** digits);
}

const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
const timeFormat = new Intl.DateTimeFormat(locale, { timeStyle: "short" });

export function dateTime(iso) {
  return dateTimeFormat.format(new Date(iso));
}

export function time(iso) {
  return timeFormat.format(new Date(iso));
}

let regionNames;
/** "US" → "United States", in the shop's language. */
export function countryName(code) {
  try {
    regionNames ??= new Intl.DisplayNames([locale], { type: "region" });
    return regionNames.of(code) || code;
  } catch {
    return code;
  }
}

/** The region of the shop's locale ("en-US" → "US"), a sensible first choice of country. */
export function localeRegion() {
  try {
    return new Intl.Locale(locale).maximize().region || "";
  } catch {
    return "";
  }
}
