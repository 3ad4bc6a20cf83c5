// Answers a query from the static index: finds the query's terms in every category's shards (whole words,
// the last word as a prefix while typing, one typo in a longer word when nothing else matches), ranks the
// products that have every word (name matches first, then available and well-rated products), and, when
// asked, filters, counts filter values and sorts with the categories' columns.
import {
  compare, documentFrequency, loadColumns, loadManifest, loadRecord, loadShard, postings, shardFor,
  shardsForPrefix, StaleIndex,
} from "./search-data.js";
import { STOP_WORDS, stem, words } from "./search-text.js";

/** At most this many results are ranked and paged through; the count says how many matched. */
export const RESULT_LIMIT = 1000;
const FIELD_WEIGHTS = [16, 4, 1];
const PREFIX_WEIGHT = 0.75;
const TYPO_WEIGHT = 0.5;
const PREFIX_EXPANSIONS = 40;
const TYPO_MINIMUM_LENGTH = 5;
/** Price ranges for the price filter, in major units. */
const PRICE_BOUNDS = [10, 25, 50, 100, 250, 500, 1000];

/** The words of a query: each a stem to match whole, the last one also a prefix while it is being typed. */
export function parseQuery(text) {
  const all = words(text);
  const typing = all.length > 0 && !/[\s\p{P}]$/u.test(text);
  const tokens = [];
  all.forEach((word, index) => {
    const last = index === all.length - 1;
    if (STOP_WORDS.has(word) && !(last && typing)) return;
    tokens.push({ word, stem: stem(word), prefix: last && typing ? word : null });
  });
  return tokens;
}

/** Whether two words are one edit apart: a letter changed, added, removed, or two neighbours swapped. */
export function oneEditApart(a, b) {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

async function withFreshIndex(body) {
  try {
    return await body(await loadManifest());
  } catch (error) {
    if (!(error instanceof StaleIndex)) throw error;
    return body(await loadManifest(true));
  }
}

function firstAtOrAfter(terms, term) {
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compare(terms[middle], term) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Terms of one shard-set matching a token: [{ shard, index, weight }]. */
function expand(shards, token, typo) {
  const found = [];
  for (const shard of shards) {
    const terms = shard.terms;
    if (typo) {
      terms.forEach((term, index) => {
        if (oneEditApart(term, token.stem) || oneEditApart(term, token.word)) found.push({ shard, index, weight: TYPO_WEIGHT });
      });
      continue;
    }
    const exact = firstAtOrAfter(terms, token.stem);
    if (terms[exact] === token.stem) found.push({ shard, index: exact, weight: 1 });
    if (token.prefix === null) continue;
    for (let index = firstAtOrAfter(terms, token.prefix); index < terms.length && terms[index].startsWith(token.prefix); index++) {
      if (terms[index] !== token.stem) found.push({ shard, index, weight: PREFIX_WEIGHT });
    }
  }
  const exact = found.filter((match) => match.weight === 1);
  const prefixed = found.filter((match) => match.weight !== 1);
  if (prefixed.length > PREFIX_EXPANSIONS) {
    prefixed.sort((a, b) => documentFrequency(b.shard, b.index) - documentFrequency(a.shard, a.index));
    prefixed.length = PREFIX_EXPANSIONS;
  }
  return exact.concat(prefixed);
}

function shardStarts(partition, token, typo) {
  if (typo) return shardsForPrefix(partition, [...token.stem].slice(0, 2).join(""));
  const starts = new Set([shardFor(partition, token.stem)]);
  if (token.prefix !== null) for (const start of shardsForPrefix(partition, token.prefix)) starts.add(start);
  return [...starts];
}

/** Every category's matches of each token: partitions × tokens × [{ shard, index, weight }]. */
async function matches(manifest, partitions, tokens) {
  const load = (typo) =>
    Promise.all(partitions.map((partition) =>
      Promise.all(tokens.map(async (token, tokenIndex) => {
        if (typo && !typo[tokenIndex]) return null;
        const shards = await Promise.all(shardStarts(partition, token, Boolean(typo)).map((start) => loadShard(partition, start)));
        return expand(shards, token, Boolean(typo));
      }))));
  const found = await load(null);
  // A word found nowhere, long enough to hold a typo, is looked up again allowing one.
  const missing = tokens.map((token, t) => found.every((byToken) => byToken[t].length === 0) && token.stem.length >= TYPO_MINIMUM_LENGTH);
  if (missing.some(Boolean)) {
    const typos = await load(missing);
    found.forEach((byToken, p) => missing.forEach((isMissing, t) => { if (isMissing) byToken[t] = typos[p][t]; }));
  }
  return found;
}

/**
 * Candidates of one category: products with every token (or, when `some`, with at least one), each with
 * its score (the best field weight per token, summed) and level (quality, 0–3).
 */
function score(count, byToken, some) {
  const total = new Float32Array(count);
  const hits = new Uint8Array(count);
  const level = new Uint8Array(count);
  const best = new Float32Array(count);
  for (const expansions of byToken) {
    const touched = [];
    for (const { shard, index, weight } of expansions) {
      for (const { group, numbers } of postings(shard, index)) {
        const value = FIELD_WEIGHTS[group >> 2] * weight;
        const quality = 3 - (group & 3);
        for (let i = 0; i < numbers.length; i++) {
          const n = numbers[i];
          if (best[n] === 0) touched.push(n);
          if (value > best[n]) best[n] = value;
          level[n] = quality;
        }
      }
    }
    for (const n of touched) {
      total[n] += best[n];
      hits[n]++;
      best[n] = 0;
    }
  }
  const needed = some ? 1 : byToken.length;
  const numbers = [];
  for (let n = 0; n < count; n++) if (hits[n] >= needed) numbers.push(n);
  return { numbers, total, hits, level };
}

function priceRanges(digits) {
  const unit = 10 ** digits;
  const bounds = [0, ...PRICE_BOUNDS.map((bound) => bound * unit), Infinity];
  return bounds.slice(0, -1).map((low, i) => ({ key: `${low / unit}-${bounds[i + 1] === Infinity ? "" : bounds[i + 1] / unit}`, low, high: bounds[i + 1] }));
}

/**
 * Filters (each a Set of selected values; `rating` a minimum; `stock` true for in stock only), with a
 * count per value of each filter among the products that pass every other filter.
 */
function applyFilters(candidates, columnsByPartition, manifest, filters, digits) {
  const ranges = priceRanges(digits);
  const facetNames = ["brand", ...manifest.facets];
  const counts = {
    category: new Map(), price: new Map(), rating: new Map(), stock: 0,
    facets: facetNames.map(() => new Map()),
  };
  const passing = [];
  const selected = facetNames.map((name) => filters.facets?.[name]);
  for (const candidate of candidates) {
    const columns = columnsByPartition.get(candidate.partition);
    const n = candidate.number;
    const price = columns.price[n];
    const range = ranges.find((r) => price >= r.low && price < r.high);
    const values = [columns.brand, ...columns.facets].map((column) => column.values[column.numbers[n] - 1]);
    const inStock = columns.stock[n] > 0;
    const stars = columns.ratingCount[n] > 0 ? Math.floor(columns.rating[n] / 10) : 0;
    const fails = [
      filters.category?.size && !filters.category.has(candidate.partition.slug),
      filters.price?.size && !filters.price.has(range.key),
      filters.rating && stars < filters.rating,
      filters.stock && !inStock,
      ...selected.map((set, i) => set?.size && !set.has(values[i])),
    ];
    const failures = fails.filter(Boolean).length;
    if (failures === 0) passing.push(candidate);
    if (failures > 1) continue;
    const counted = (position) => failures === 0 || fails[position];
    const add = (map, key) => map.set(key, (map.get(key) || 0) + 1);
    if (counted(0)) add(counts.category, candidate.partition.slug);
    if (counted(1)) add(counts.price, range.key);
    if (counted(2)) for (let s = 1; s <= stars; s++) add(counts.rating, s);
    if (counted(3) && inStock) counts.stock++;
    values.forEach((value, i) => { if (value !== undefined && counted(4 + i)) add(counts.facets[i], value); });
  }
  return { passing, counts, ranges, facetNames };
}

const SORTS = {
  "price-asc": (c, n) => c.price[n],
  "price-desc": (c, n) => -c.price[n],
  "top-rated": (c, n) => -(c.rating[n] * 100000 + Math.min(c.ratingCount[n], 99999)),
  newest: (c, n) => -c.created[n],
  featured: (c, n) => -(c.featured[n] * 1000 + c.rating[n]),
};

/** Candidates in the order of a sort key, ties in their relevance order; the key is read from the columns. */
function sortBy(candidates, columnsByPartition, sort) {
  const key = SORTS[sort];
  const keys = new Float64Array(candidates.length);
  candidates.forEach((candidate, i) => { keys[i] = key(columnsByPartition.get(candidate.partition), candidate.number); });
  const order = Array.from(candidates.keys()).sort((a, b) => keys[a] - keys[b] || a - b);
  return order.map((i) => candidates[i]);
}

/**
 * The best `limit` candidates by relevance without sorting them all: a count of each (score, level) key
 * finds the key the limit falls at; only candidates above it are sorted.
 */
function topByRelevance(candidates, limit) {
  const key = (candidate) => Math.round(candidate.score * 8) * 4 + candidate.level;
  if (candidates.length > limit) {
    const histogram = new Map();
    for (const candidate of candidates) histogram.set(key(candidate), (histogram.get(key(candidate)) || 0) + 1);
    let kept = 0;
    let threshold = -Infinity;
    for (const value of [...histogram.keys()].sort((a, b) => b - a)) {
      kept += histogram.get(value);
      threshold = value;
      if (kept >= limit) break;
    }
    candidates = candidates.filter((candidate) => key(candidate) >= threshold);
  }
  candidates.sort((a, b) => key(b) - key(a) || a.partitionIndex - b.partitionIndex || a.number - b.number);
  return candidates.slice(0, limit);
}

/**
 * Runs a query. Options: `filters` (see applyFilters), `sort` ("relevance", "price-asc", "price-desc",
 * "top-rated", "newest", "featured"), `offset` and `limit` of the results to return with their records,
 * `withFilters` to load the columns and count filter values, `category` to search or browse one category
 * (an empty query then lists all of it), `digits` of the currency.
 * Returns { total, capped, partial, results: [{ record, category }], counts, ranges, facetNames, categories }.
 */
export function search(text, options = {}) {
  const { filters = {}, sort = "relevance", offset = 0, limit = 8, withFilters = false, category = null, digits = 2 } = options;
  const tokens = parseQuery(text);
  return withFreshIndex(async (manifest) => {
    const partitions = manifest.partitions.filter((p) => !category || p.slug === category);
    let candidates = [];
    let partial = false;
    if (tokens.length === 0) {
      if (!category) return { total: 0, results: [], tokens };
      for (const [partitionIndex, partition] of partitions.entries()) {
        const columns = await loadColumns(partition, manifest.facets);
        for (let number = 0; number < columns.count; number++) {
          candidates.push({ partition, partitionIndex, number, score: 0, level: 0 });
        }
      }
    } else {
      const found = await matches(manifest, partitions, tokens);
      const collect = (some) => {
        const all = [];
        partitions.forEach((partition, partitionIndex) => {
          const shard = found[partitionIndex].flat()[0]?.shard;
          if (!shard) return;
          const { numbers, total, level } = score(shard.count, found[partitionIndex], some);
          for (const number of numbers) all.push({ partition, partitionIndex, number, score: total[number], level: level[number] });
        });
        return all;
      };
      candidates = collect(false);
      // No product has every word: the products with some of them, best first.
      if (candidates.length === 0 && tokens.length > 1) {
        candidates = collect(true);
        partial = candidates.length > 0;
      }
    }
    const matched = candidates.length;
    let counts = null;
    let ranges = null;
    let facetNames = null;
    const needsColumns = withFilters || sort !== "relevance";
    const columnsByPartition = new Map();
    if (needsColumns) {
      const used = [...new Set(candidates.map((c) => c.partition))];
      const loaded = await Promise.all(used.map((partition) => loadColumns(partition, manifest.facets)));
      used.forEach((partition, i) => columnsByPartition.set(partition, loaded[i]));
      ({ passing: candidates, counts, ranges, facetNames } = applyFilters(candidates, columnsByPartition, manifest, filters, digits));
    }
    const total = candidates.length;
    let ranked;
    if (sort === "relevance" || !SORTS[sort]) {
      ranked = topByRelevance(candidates, Math.min(RESULT_LIMIT, offset + limit));
    } else {
      ranked = sortBy(topByRelevance(candidates, RESULT_LIMIT), columnsByPartition, sort);
    }
    const page = ranked.slice(offset, offset + limit);
    const results = await Promise.all(page.map(async ({ partition, number }) => ({
      record: await loadRecord(partition, number, manifest.blockSize),
      category: partition,
    })));
    return {
      total, matched, capped: total > RESULT_LIMIT, partial, results, counts, ranges, facetNames, tokens,
      categories: manifest.partitions,
    };
  });
}
