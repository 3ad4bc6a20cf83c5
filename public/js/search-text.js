// How text becomes search terms, exactly as the builder does it (Sources/MercatoSite/Search/SearchText.swift):
// lower case, accents removed, split at anything but letters and digits (apostrophes join), common words
// dropped, plurals reduced to a stem. Tests/search/text-cases.json holds the cases both sides must agree on.

export const STOP_WORDS = new Set([
  "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "in", "into", "is", "it", "its", "of",
  "on", "or", "our", "so", "that", "the", "their", "them", "these", "they", "this", "to", "was", "we", "will",
  "with", "you", "your",
]);

const FOLDED = { "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "ı": "i", "þ": "th" };
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;
const MARK = /\p{M}/u;

function fold(word) {
  let result = "";
  for (const character of word.normalize("NFKD").toLowerCase()) {
    if (FOLDED[character] !== undefined) result += FOLDED[character];
    else if (MARK.test(character)) continue;
    else if (WORD_CHARACTER.test(character)) result += character;
  }
  return result;
}

/** The normalised words of a text, stop words included. */
export function words(text) {
  const result = [];
  let word = "";
  let needsFolding = false;
  const finish = () => {
    if (word) {
      const done = needsFolding ? fold(word) : word;
      if (done) result.push(done);
    }
    word = "";
    needsFolding = false;
  };
  for (const character of text) {
    const code = character.codePointAt(0);
    if (code < 0x80) {
      if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) word += character;
      else if (code >= 0x41 && code <= 0x5a) word += String.fromCharCode(code + 0x20);
      else if (code === 0x27 && word) continue;
      else finish();
    } else if (code === 0x2019) {
      if (word) continue;
    } else if (WORD_CHARACTER.test(character)) {
      word += character;
      needsFolding = true;
    } else {
      finish();
    }
  }
  finish();
  return result;
}

/** A plural and its singular reduced to one stem: boxes, box → box; berries, berry → berry; mugs → mug. */
export function stem(word) {
  const length = [...word].length;
  if (length <= 3) return word;
  if (length > 4 && word.endsWith("ies")) return word.slice(0, -3) + "y";
  if (word.endsWith("ie")) return word.slice(0, -2) + "y";
  if (["sses", "xes", "ches", "shes"].some((end) => word.endsWith(end))) return word.slice(0, -2);
  if (["ss", "us", "is"].some((end) => word.endsWith(end))) return word;
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

/** The search terms of a text: its words without stop words, each reduced to its stem. */
export function terms(text) {
  return words(text).filter((word) => !STOP_WORDS.has(word)).map(stem);
}
