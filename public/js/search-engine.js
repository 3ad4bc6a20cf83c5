// Answers a query from the static index: finds the query's terms in every category's shards (whole words,
// the last word as a prefix while typing, one typo in a longer word when nothing else matches), ranks the
// products that have every word (name matches first, then available and well-rated products), and, when
// asked, filters, counts filter values and sorts with the categories' columns.
import {
  bestRecords, compare, countsOf, documentFrequency, groupsOf, loadBest, loadFilterColumns, loadManifest, loadRecord,
  loadShard, loadSortColumns, numbersOf, shardFor, shardsForPrefix, StaleIndex,
} from "./search-data.js";
import { STOP_WORDS, stem, words } from "./search-text.js";

// Reading the manifest starts as soon as the engine is loaded (the search box loads it when it gets focus),
// so a first query waits only for the files its words need. A failure here is seen again by the query.
loadManifest().catch(() => {});

/** At most this many results are ranked and paged through; the count says how many matched. */
export const RESULT_LIMIT = 1000;
const FIELD_WEIGHTS = [16, 4, 1];
const PREFIX_WEIGHT = 0.75;
const TYPO_WEIGHT = 0.5;
const PREFIX_EXPANSIONS = 40;
const TYPO_MINIMUM_LENGTH = 5;

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

/** Terms of one category's sections matching a token: [{ shard, index, weight }], `shard` being the section. */
function expand(sections, token, typo) {
  const found = [];
  for (const shard of sections) {
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

function shardStarts(manifest, token, typo) {
  if (typo) return shardsForPrefix(manifest, [...token.stem].slice(0, 2).join(""));
  const starts = new Set([shardFor(manifest, token.stem)]);
  if (token.prefix !== null) for (const start of shardsForPrefix(manifest, token.prefix)) starts.add(start);
  return [...starts];
}

/**
 * Every category's matches of each token: partitions × tokens × [{ shard, index, weight }]. The shards a
 * token needs hold every category's terms, so a word costs one or a few requests however many categories
 * there are.
 */
async function matches(manifest, partitions, tokens) {
  if (partitions.length === 0) return [];
  const load = async (typo) => {
    const shardsByToken = await Promise.all(tokens.map((token, tokenIndex) => {
      if (typo && !typo[tokenIndex]) return null;
      return Promise.all(shardStarts(manifest, token, Boolean(typo)).map((start) => loadShard(manifest, start)));
    }));
    return partitions.map((partition) => shardsByToken.map((shards, tokenIndex) => shards && expand(
      shards.map((shard) => shard.sections.get(partition.slug)), tokens[tokenIndex], Boolean(typo))));
  };
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
 * its score (the best field weight per token, summed) and level (quality, 0–3; a product's, the same in
 * every group it is in).
 */
function score(count, byToken, some) {
  const total = new Float32Array(count);
  const hits = new Uint16Array(count);
  const level = new Uint8Array(count);
  if (!some && byToken.some((expansions) => expansions.length === 0)) return { numbers: new Int32Array(0), total, level };
  // Per product, the token that last counted it, plus one (with every token needed, `hits` says that).
  const seen = some ? new Uint16Array(count) : null;
  byToken.forEach((expansions, token) => {
    // Groups of every term of the token, best value first: a product is counted at the first it is in.
    const groups = expansions.flatMap(({ shard, index, weight }) => groupsOf(shard, index).map((group) => ({
      shard, group, value: FIELD_WEIGHTS[group.group >> 2] * weight,
    })));
    groups.sort((a, b) => b.value - a.value);
    for (const { shard, group, value } of groups) {
      const quality = 3 - (group.group & 3);
      const numbers = numbersOf(shard, group);
      for (let i = 0; i < numbers.length; i++) {
        const n = numbers[i];
        if (seen ? seen[n] > token : hits[n] !== token) continue;
        if (seen) seen[n] = token + 1;
        total[n] += value;
        hits[n]++;
        level[n] = quality;
      }
    }
  });
  const needed = some ? 1 : byToken.length;
  let found = 0;
  for (let n = 0; n < count; n++) if (hits[n] >= needed) found++;
  const numbers = new Int32Array(found);
  for (let n = 0, i = 0; n < count; n++) if (hits[n] >= needed) numbers[i++] = n;
  return { numbers, total, level };
}

/**
 * The price filter's ranges from the manifest's bounds (minor units): { key, low, high } with the key in
 * major units as the URL shows it ("10-25", "1000-").
 */
function priceRanges(manifest, digits) {
  const unit = 10 ** digits;
  const bounds = [0, ...manifest.priceBounds, Infinity];
  return bounds.slice(0, -1).map((low, i) => ({ key: `${low / unit}-${bounds[i + 1] === Infinity ? "" : bounds[i + 1] / unit}`, low, high: bounds[i + 1] }));
}

/** Per value number of a column (0: none), whether the value is one of `selected`; null when nothing is. */
function allowedValues(column, selected) {
  if (!selected?.size) return null;
  const allowed = new Uint8Array(column.values.length + 1);
  column.values.forEach((value, i) => { if (selected.has(value)) allowed[i + 1] = 1; });
  return allowed;
}

/**
 * Filters (each a Set of selected values; `rating` a minimum; `stock` true for in stock only), with a
 * count per value of each filter among the products that pass every other filter. Works through each
 * partition's run of candidates with typed arrays: no object per candidate, so a word in every product
 * (100,000 candidates) is counted in a few milliseconds.
 */
function applyFilters(candidates, columnsByPartition, manifest, filters, digits) {
  const { ranges, facetNames, counts, priceCounts, starCounts } = emptyCounts(manifest, digits);
  const allowedRanges = filters.price?.size ? ranges.map((range) => filters.price.has(range.key)) : null;
  const minimumStars = filters.rating || 0;
  const passing = [];
  // Positions of the filters, as in `failed`: 0 category, 1 price, 2 rating, 3 stock, 4… the facets.
  for (let start = 0, end = 0; start < candidates.length; start = end) {
    const partition = candidates[start].partition;
    while (end < candidates.length && candidates[end].partition === partition) end++;
    const columns = columnsByPartition.get(partition);
    const { range, stars } = columns;
    const facetColumns = [columns.brand, ...columns.facets];
    const allowed = facetColumns.map((column, i) => allowedValues(column, filters.facets?.[facetNames[i]]));
    const facetCounts = facetColumns.map((column) => new Uint32Array(column.values.length + 1));
    const outsideCategory = filters.category?.size > 0 && !filters.category.has(partition.slug);
    let categoryCount = 0;
    for (let c = start; c < end; c++) {
      const n = candidates[c].number;
      const inStock = columns.stock[n] > 0;
      let failures = 0;
      let failed = -1;
      if (outsideCategory) { failures++; failed = 0; }
      if (allowedRanges && !allowedRanges[range[n]]) { failures++; failed = 1; }
      if (stars[n] < minimumStars) { failures++; failed = 2; }
      if (filters.stock && !inStock) { failures++; failed = 3; }
      for (let i = 0; i < facetColumns.length; i++) {
        if (allowed[i] && !allowed[i][facetColumns[i].numbers[n]]) { failures++; failed = 4 + i; }
      }
      // A product failing one filter still counts for that filter's values: choosing one would let it in.
      if (failures > 1) continue;
      if (failures === 0) passing.push(candidates[c]);
      const all = failures === 0;
      if (all || failed === 0) categoryCount++;
      if (all || failed === 1) priceCounts[range[n]]++;
      if (all || failed === 2) starCounts[stars[n]]++;
      if ((all || failed === 3) && inStock) counts.stock++;
      for (let i = 0; i < facetColumns.length; i++) {
        if (all || failed === 4 + i) facetCounts[i][facetColumns[i].numbers[n]]++;
      }
    }
    if (categoryCount) add(counts.category, partition.slug, categoryCount);
    facetCounts.forEach((perValue, i) => {
      for (let v = 1; v < perValue.length; v++) if (perValue[v]) add(counts.facets[i], facetColumns[i].values[v - 1], perValue[v]);
    });
  }
  finishCounts(counts, ranges, priceCounts, starCounts);
  return { passing, counts, ranges, facetNames };
}

const add = (map, key, count) => map.set(key, (map.get(key) || 0) + count);

/** Counts of nothing yet: per category, price range, rating, stock and value of the brand and each facet. */
function emptyCounts(manifest, digits) {
  const ranges = priceRanges(manifest, digits);
  const facetNames = ["brand", ...manifest.facets];
  const counts = {
    category: new Map(), price: new Map(), rating: new Map(), stock: 0,
    facets: facetNames.map(() => new Map()),
  };
  return { ranges, facetNames, counts, priceCounts: new Array(ranges.length).fill(0), starCounts: new Array(6).fill(0) };
}

/** Puts the price ranges' and whole stars' counts into `counts`. */
function finishCounts(counts, ranges, priceCounts, starCounts) {
  ranges.forEach((range, i) => { if (priceCounts[i]) counts.price.set(range.key, priceCounts[i]); });
  // "n stars and up": a product with 4 stars counts for 1, 2, 3 and 4.
  for (let s = 5, atLeast = 0; s >= 1; s--) {
    atLeast += starCounts[s];
    if (atLeast) counts.rating.set(s, atLeast);
  }
}

/**
 * The counts of a one-word query that is one term in each category, with no filter chosen: the builder
 * counted each term's products in each category, so no filter column is read. The same as `applyFilters`
 * gives for every match.
 */
function countsOfOneTerm(partitions, found, manifest, digits) {
  const { ranges, facetNames, counts, priceCounts, starCounts } = emptyCounts(manifest, digits);
  found.forEach(([[expansion]], partitionIndex) => {
    if (!expansion) return;
    const partition = partitions[partitionIndex];
    const [range, stars, stock, ...valueColumns] = countsOf(expansion.shard, expansion.index, facetNames.length);
    let inCategory = 0;
    for (const [value, count] of range) {
      priceCounts[value] += count;
      inCategory += count;
    }
    if (inCategory) add(counts.category, partition.slug, inCategory);
    for (const [value, count] of stars) starCounts[value] += count;
    for (const [value, count] of stock) if (value > 0) counts.stock += count;
    valueColumns.forEach((pairs, i) => {
      for (const [value, count] of pairs) if (value > 0) add(counts.facets[i], partition.values[i][value - 1], count);
    });
  });
  finishCounts(counts, ranges, priceCounts, starCounts);
  return { counts, ranges, facetNames };
}

const SORTS = {
  "price-asc": (c, n) => c.price[n],
  "price-desc": (c, n) => -c.price[n],
  "top-rated": (c, n) => -(c.rating[n] * 100000 + Math.min(c.ratingCount[n], 99999)),
  newest: (c, n) => -c.created[n],
  featured: (c, n) => -(c.featured[n] * 1000 + c.rating[n]),
};

const relevanceKey = (candidate) => keyOf(candidate.score, candidate.level);

/**
 * The first `limit` candidates in the order of a sort key read from the sort columns, ties in relevance
 * order: every candidate is keyed (a sort by price finds the cheapest of all matches), and only those up to
 * the key the limit falls at are sorted.
 */
function sortBy(candidates, columnsByPartition, sort, limit) {
  const key = SORTS[sort];
  const keys = new Float64Array(candidates.length);
  candidates.forEach((candidate, i) => { keys[i] = key(columnsByPartition.get(candidate.partition), candidate.number); });
  let order = Array.from(candidates.keys());
  if (candidates.length > limit) {
    const threshold = Float64Array.from(keys).sort()[limit - 1];
    order = order.filter((i) => keys[i] <= threshold);
  }
  order.sort((i, j) => keys[i] - keys[j] || relevanceKey(candidates[j]) - relevanceKey(candidates[i])
    || candidates[i].partitionIndex - candidates[j].partitionIndex || candidates[i].number - candidates[j].number);
  return order.slice(0, limit).map((i) => candidates[i]);
}

/** Whether any filter is chosen. */
function hasFilters(filters) {
  return Boolean(filters.category?.size || filters.price?.size || filters.rating || filters.stock
    || Object.values(filters.facets || {}).some((selected) => selected?.size));
}

const keyOf = (score, level) => Math.round(score * 8) * 4 + level;

/**
 * The best `limit` candidates by relevance without sorting them all: a count of each (score, level) key
 * finds the key the limit falls at; only candidates above it are sorted.
 */
function topByRelevance(candidates, limit) {
  if (candidates.length > limit) {
    const histogram = new Map();
    for (const candidate of candidates) {
      const key = relevanceKey(candidate);
      histogram.set(key, (histogram.get(key) || 0) + 1);
    }
    let kept = 0;
    let threshold = -Infinity;
    for (const value of [...histogram.keys()].sort((a, b) => b - a)) {
      kept += histogram.get(value);
      threshold = value;
      if (kept >= limit) break;
    }
    candidates = candidates.filter((candidate) => relevanceKey(candidate) >= threshold);
  }
  candidates.sort((a, b) => relevanceKey(b) - relevanceKey(a) || a.partitionIndex - b.partitionIndex || a.number - b.number);
  return candidates.slice(0, limit);
}

/**
 * The best `limit` matches of every category's scores (`runs`, see `score`) by relevance: the matches are
 * counted by key in the typed arrays, and a candidate object is made only for those above the key the
 * limit falls at and, of those at it, the first in order; so a word in 100,000 products costs no object
 * per product.
 */
function bestMatches(runs, limit, tokenCount) {
  // Keys are small integers: a score is at most the best field's weight for every word.
  const counts = new Uint32Array(keyOf(FIELD_WEIGHTS[0] * tokenCount, 3) + 1);
  for (const { numbers, total, level } of runs) {
    for (let i = 0; i < numbers.length; i++) counts[keyOf(total[numbers[i]], level[numbers[i]])]++;
  }
  let threshold = counts.length - 1;
  let above = 0;
  while (threshold > 0 && above + counts[threshold] < limit) above += counts[threshold--];
  // Runs are in category order and their numbers ascending: the order ties are broken in.
  let atThreshold = limit - above;
  const kept = [];
  for (const { partition, partitionIndex, numbers, total, level } of runs) {
    for (let i = 0; i < numbers.length; i++) {
      const number = numbers[i];
      const key = keyOf(total[number], level[number]);
      if (key > threshold || (key === threshold && atThreshold-- > 0)) {
        kept.push({ partition, partitionIndex, number, score: total[number], level: level[number] });
      }
    }
  }
  return topByRelevance(kept, limit);
}

/**
 * The best `limit` matches of a one-word query that is one term in each category (a whole word, or a
 * prefix only one term starts with), and how many there are. A product is in one group of a term's
 * postings, so every product of a group has the group's key: the groups are ranked, their sizes summed,
 * and only the numbers of the groups the limit reaches are decoded — a word in every product costs about
 * what a rare word does.
 */
function bestOfOneTerm(partitions, found, limit) {
  const groups = [];
  let total = 0;
  found.forEach(([[expansion]], partitionIndex) => {
    if (!expansion) return;
    for (const group of groupsOf(expansion.shard, expansion.index)) {
      total += group.size;
      const key = keyOf(FIELD_WEIGHTS[group.group >> 2] * expansion.weight, 3 - (group.group & 3));
      groups.push({ key, partitionIndex, shard: expansion.shard, group });
    }
  });
  groups.sort((a, b) => b.key - a.key || a.partitionIndex - b.partitionIndex);
  const ranked = [];
  for (const { partitionIndex, shard, group } of groups) {
    if (ranked.length >= limit) break;
    const partition = partitions[partitionIndex];
    for (const number of numbersOf(shard, group, limit - ranked.length)) ranked.push({ partition, partitionIndex, number });
  }
  return { total, ranked };
}

/**
 * The best-results files of the shards the query's words are looked up in, read beside them: the records of
 * each term's best products, so that the first results of a one-word query need no record block. Only for
 * a query ranked by relevance over the whole shop with no filter chosen (others' results are seldom there).
 */
function bestFiles(manifest, tokens) {
  const starts = [...new Set(tokens.map((token) => shardFor(manifest, token.stem)))];
  return new Map(starts.map((start) => [start, loadBest(manifest, start).catch(() => null)]));
}

/** Records from the best-results files for the terms the query matched, by `<category index>/<number>`. */
async function recordsFromBest(manifest, files, found) {
  const terms = new Set(found.flat(2).map(({ shard, index }) => shard.terms[index]));
  const records = new Map();
  for (const term of terms) {
    const file = await files.get(shardFor(manifest, term));
    if (file) for (const [key, record] of bestRecords(file, term)) records.set(key, record);
  }
  return records;
}

/**
 * Runs a query. Options: `filters` (see applyFilters), `sort` ("relevance", "price-asc", "price-desc",
 * "top-rated", "newest", "featured"), `offset` and `limit` of the results to return, `records` how many of
 * them come with their record (all by default; the others are read when their `load()` is called, so a page
 * reads the record blocks of the results it shows), `withFilters` to load the columns and count filter
 * values, `category` to search or browse one category (an empty query then lists all of it), `digits` of the
 * currency.
 * Returns { total, capped, partial, results: [{ record, category, load }], counts, ranges, facetNames,
 * categories }; `record` is null where it was not read, and `load()` gives it either way.
 */
export function search(text, options = {}) {
  const { filters = {}, sort = "relevance", offset = 0, limit = 8, withFilters = false, category = null, digits = 2 } = options;
  const withRecords = options.records ?? limit;
  const tokens = parseQuery(text);
  return withFreshIndex(async (manifest) => {
    const partitions = manifest.partitions.filter((p) => !category || p.slug === category);
    const wanted = Math.min(RESULT_LIMIT, offset + limit);
    let candidates = [];
    // A query's matches per category, as `score` gives them; candidate objects only when filters or a
    // sort order need every match.
    let runs = null;
    // A one-word query's best matches and their total, when `bestOfOneTerm` can rank it.
    let oneTerm = null;
    let partial = false;
    // Filter columns to count or filter, sort columns for an order other than relevance; each only then.
    let filtering = withFilters || hasFilters(filters);
    const sorting = sort !== "relevance" && SORTS[sort] !== undefined;
    let counts = null;
    let ranges = null;
    let facetNames = null;
    const best = tokens.length > 0 && !category && !sorting && !hasFilters(filters) ? bestFiles(manifest, tokens) : null;
    let found = [];
    if (tokens.length === 0) {
      if (!category) return { total: 0, results: [], tokens };
      for (const [partitionIndex, partition] of partitions.entries()) {
        const { count } = await (filtering ? loadFilterColumns(partition, manifest.facets) : loadSortColumns(partition));
        for (let number = 0; number < count; number++) {
          candidates.push({ partition, partitionIndex, number, score: 0, level: 0 });
        }
      }
    } else {
      found = await matches(manifest, partitions, tokens);
      const oneTermEach = tokens.length === 1 && found.every(([expansions]) => expansions.length <= 1);
      // With no filter chosen, a term's counts come with it: the filter columns are not needed.
      if (oneTermEach && withFilters && !hasFilters(filters)) {
        ({ counts, ranges, facetNames } = countsOfOneTerm(partitions, found, manifest, digits));
        filtering = false;
      }
      if (!filtering && !sorting && oneTermEach) {
        oneTerm = bestOfOneTerm(partitions, found, wanted);
      } else {
        const collect = (some) => partitions.flatMap((partition, partitionIndex) => {
          const shard = found[partitionIndex].flat()[0]?.shard;
          if (!shard) return [];
          const run = score(shard.count, found[partitionIndex], some);
          return run.numbers.length ? [{ partition, partitionIndex, ...run }] : [];
        });
        runs = collect(false);
        // No product has every word: the products with some of them, best first.
        if (runs.length === 0 && tokens.length > 1) {
          runs = collect(true);
          partial = runs.length > 0;
        }
        if (filtering || sorting) {
          for (const { partition, partitionIndex, numbers, total, level } of runs) {
            for (const number of numbers) candidates.push({ partition, partitionIndex, number, score: total[number], level: level[number] });
          }
        }
      }
    }
    const matched = oneTerm ? oneTerm.total : runs ? runs.reduce((sum, run) => sum + run.numbers.length, 0) : candidates.length;
    const columnsOf = async (load) => {
      const used = [...new Set(candidates.map((c) => c.partition))];
      const loaded = await Promise.all(used.map(load));
      return new Map(used.map((partition, i) => [partition, loaded[i]]));
    };
    if (filtering) {
      const columns = await columnsOf((partition) => loadFilterColumns(partition, manifest.facets));
      ({ passing: candidates, counts, ranges, facetNames } = applyFilters(candidates, columns, manifest, filters, digits));
    }
    const total = filtering ? candidates.length : matched;
    let ranked;
    if (oneTerm) ranked = oneTerm.ranked;
    else if (sorting) ranked = sortBy(candidates, await columnsOf(loadSortColumns), sort, wanted);
    else if (runs && !filtering) ranked = bestMatches(runs, wanted, tokens.length);
    else ranked = topByRelevance(candidates, wanted);
    const fromBest = best ? await recordsFromBest(manifest, best, found) : new Map();
    const results = await Promise.all(ranked.slice(offset, offset + limit).map(async ({ partition, number }, index) => {
      const known = fromBest.get(`${manifest.partitions.indexOf(partition)}/${number}`);
      // Read later, a record may be of a rebuilt index: the manifest is read again for the next query.
      const load = async () => known ?? loadRecord(partition, number, manifest.blockSize).catch((error) => {
        if (error instanceof StaleIndex) loadManifest(true).catch(() => {});
        throw error;
      });
      return { record: index < withRecords ? await load() : null, category: partition, load };
    }));
    return {
      total, matched, capped: total > RESULT_LIMIT, partial, results, counts, ranges, facetNames, tokens,
      categories: manifest.partitions,
    };
  });
}
