// Reads the search index the builder writes (Sources/MercatoSite/Search/): the manifest, the term shards
// (one section per category in each) and per category its record blocks and filter and sort columns.
// Files are gzip streams when that made them a tenth smaller (most are); each carries its
// category's version (a shard, every category's, and where it starts and ends), and a file that does not
// match the manifest (a cache from before a rebuild) is fetched again.

const MANIFEST = "/search/manifest.bin";
/** The format of the manifest and the term shards it lists (4: a term's counts follow its postings). */
const SHARD_FORMAT = 4;
const files = new Map();
/** The manifest being read or read: concurrent first queries share one request. */
let manifest = null;

/**
 * Bytes of a file, inflated when it is a gzip stream (not every file is; a server may have inflated it).
 * The stream is read from a Response over the bytes, not a Blob: ten record blocks inflated through a Blob
 * took a first query 7–14 ms longer (Chromium keeps Blobs in its browser process, the likely cause).
 */
async function fetchBytes(url, reload) {
  const response = await fetch(url, reload ? { cache: "reload" } : {});
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Response(bytes).body.pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const utf8 = new TextDecoder();

/** Unsigned LEB128 varints, 32-bit words and length-prefixed UTF-8 strings, as ByteWriter writes them. */
export class Reader {
  constructor(bytes, offset = 0) {
    this.bytes = bytes;
    this.offset = offset;
  }
  byte() {
    return this.bytes[this.offset++];
  }
  varint() {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.bytes[this.offset++];
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
  }
  signedVarint() {
    const value = this.varint();
    return value % 2 ? -(value + 1) / 2 : value / 2;
  }
  word() {
    const b = this.bytes;
    const o = this.offset;
    this.offset += 4;
    return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
  }
  text(length) {
    const value = utf8.decode(this.bytes.subarray(this.offset, this.offset + length));
    this.offset += length;
    return value;
  }
  string() {
    return this.text(this.varint());
  }
}

export function loadManifest(reload = false) {
  if (manifest && !reload) return manifest;
  manifest = fetchBytes(MANIFEST, reload).then((bytes) => {
    if (reload) files.clear();
    const json = JSON.parse(utf8.decode(bytes));
    if (json.format === SHARD_FORMAT) return json;
    // A manifest cached from before the index changed format.
    if (reload) throw new Error(`${MANIFEST}: format ${json.format}, expected ${SHARD_FORMAT}`);
    return loadManifest(true);
  });
  manifest.catch(() => { manifest = null; });
  return manifest;
}

/**
 * A file, decoded by `decode(bytes)` and checked by `isCurrent(file)`. A file that is not current is
 * fetched again past the cache; if it still is not, the manifest is out of date: it is read again and the
 * caller is told to start over.
 */
function cachedFile(url, decode, isCurrent) {
  if (!files.has(url)) {
    const load = async () => {
      let file = decode(await fetchBytes(url, false));
      if (!isCurrent(file)) file = decode(await fetchBytes(url, true));
      if (!isCurrent(file)) throw new StaleIndex();
      return file;
    };
    files.set(url, load().catch((error) => {
      files.delete(url);
      throw error;
    }));
  }
  return files.get(url);
}

/** A category's file, decoded by `decode(bytes)` → { version, … }: current when of the manifest's version. */
function partitionFile(partition, name, decode) {
  return cachedFile(`/search/data/${partition.slug}/${name}`, decode, (file) => file.version === partition.version);
}

export class StaleIndex extends Error {}

/** `t-<hex of start>.bin` for a shard, `b-…` for its best-results file. */
function shardName(start, kind = "t") {
  return `${kind}-${[...new TextEncoder().encode(start)].map((byte) => byte.toString(16).padStart(2, "0")).join("")}.bin`;
}

/** Code point order, the builder's term order. */
export function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The shard a term belongs to: the last whose start is not after it. */
export function shardFor(manifest, term) {
  const starts = manifest.shards;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (compare(starts[middle], term) <= 0) low = middle;
    else high = middle - 1;
  }
  return starts[low];
}

/** The starts of every shard that may hold a term beginning with `prefix`. */
export function shardsForPrefix(manifest, prefix) {
  const first = shardFor(manifest, prefix);
  return manifest.shards.filter((start) => start === first || (compare(start, prefix) > 0 && start.startsWith(prefix)));
}

/** A file's header; a file of another format than expected reads as another version (so it is fetched again). */
function decodeHeader(reader, format = 1) {
  const found = reader.byte();
  const version = reader.word();
  return { version: found === format ? version : -1, count: reader.varint() };
}

/** A category's section of a shard: its version and product count, its terms and where each one's postings start. */
function decodeSection(reader, bytes) {
  const version = reader.word();
  const count = reader.varint();
  const end = reader.varint() + reader.offset;
  const termCount = reader.varint();
  const terms = new Array(termCount);
  const starts = new Uint32Array(termCount);
  let previous = new Uint8Array(0);
  for (let index = 0; index < termCount; index++) {
    const shared = reader.varint();
    const rest = reader.varint();
    const term = new Uint8Array(shared + rest);
    term.set(previous.subarray(0, shared));
    term.set(bytes.subarray(reader.offset, reader.offset + rest), shared);
    reader.offset += rest;
    terms[index] = utf8.decode(term);
    previous = term;
    const length = reader.varint();
    starts[index] = reader.offset;
    reader.offset += length;
  }
  reader.offset = end;
  return { version, count, terms, starts, bytes };
}

/** A term shard: where it starts and ends ("" for the last) and its sections by category slug. */
function decodeShard(bytes) {
  const reader = new Reader(bytes);
  if (reader.byte() !== SHARD_FORMAT) return { start: null };
  const start = reader.string();
  const end = reader.string();
  const sections = new Map();
  for (let i = reader.varint(); i > 0; i--) {
    const slug = reader.string();
    sections.set(slug, decodeSection(reader, bytes));
  }
  return { start, end, sections };
}

/**
 * The shard starting at `start`, current when it ends where the manifest's next shard starts and holds
 * a section of every category at the manifest's version. Its `sections` are what `groupsOf` reads.
 */
export function loadShard(manifest, start) {
  const next = manifest.shards[manifest.shards.indexOf(start) + 1] ?? "";
  return cachedFile(`/search/terms/${shardName(start)}`, decodeShard, (shard) => shard.start === start && shard.end === next
    && manifest.partitions.every((partition) => shard.sections.get(partition.slug)?.version === partition.version));
}

/**
 * The groups of term number `index`'s postings in a shard, in rank order, best first (name matches, then
 * labels, then descriptions; within each, available and well-rated products first): { group, size,
 * bitmap, offset }, without their numbers. A product is in one group of a term.
 */
export function groupsOf(shard, index) {
  return readGroups(shard, new Reader(shard.bytes, shard.starts[index]));
}

function readGroups(shard, reader) {
  const mask = reader.varint();
  const groups = [];
  for (let group = 0; mask >= 1 << group; group++) {
    if (!(mask & (1 << group))) continue;
    const header = reader.varint();
    const size = Math.floor(header / 2);
    const bitmap = header % 2 === 1;
    groups.push({ group, size, bitmap, offset: reader.offset });
    if (bitmap) reader.offset += (shard.count + 7) >> 3;
    else for (let i = 0; i < size; i++) reader.varint();
  }
  return groups;
}

/**
 * What the filters count among term number `index`'s products in a shard's category, as the builder
 * counted them: per filter column (price range, whole stars, stock, then the brand and each of the
 * `valueColumns` configured attributes by value number, see loadFilterColumns), [value, count] pairs for
 * the values some product has, ascending.
 */
export function countsOf(shard, index, valueColumns) {
  const reader = new Reader(shard.bytes, shard.starts[index]);
  readGroups(shard, reader);
  const columns = [];
  for (let c = 0; c < 3 + valueColumns; c++) {
    const pairs = [];
    for (let i = reader.varint(), value = -1; i > 0; i--) {
      value += reader.varint() + 1;
      pairs.push([value, reader.varint()]);
    }
    columns.push(pairs);
  }
  return columns;
}

/** The first `limit` product numbers of a group `groupsOf` gave, ascending. */
export function numbersOf(shard, { size, bitmap, offset }, limit = size) {
  const numbers = new Int32Array(Math.min(size, limit));
  if (bitmap) {
    let found = 0;
    const end = offset + ((shard.count + 7) >> 3);
    for (let byteIndex = offset; byteIndex < end && found < numbers.length; byteIndex++) {
      let bits = shard.bytes[byteIndex];
      while (bits && found < numbers.length) {
        const low = bits & -bits;
        numbers[found++] = ((byteIndex - offset) << 3) + 31 - Math.clz32(low);
        bits ^= low;
      }
    }
  } else {
    const reader = new Reader(shard.bytes, offset);
    let number = -1;
    for (let i = 0; i < numbers.length; i++) {
      number += reader.varint() + 1;
      numbers[i] = number;
    }
  }
  return numbers;
}

/** How many products a term is found in, without decoding its numbers. */
export function documentFrequency(shard, index) {
  return groupsOf(shard, index).reduce((sum, group) => sum + group.size, 0);
}

/** A record as a result shows it. */
function toRecord([id, slug, name, brand, priceMinor, compareAtMinor, ratingTenths, ratingCount, stock, image, srcset]) {
  return { id, slug, name, brand, priceMinor, compareAtMinor, ratingTenths, ratingCount, stock, image, srcset };
}

/**
 * The best-results file beside the shard starting at `start`: for each of the shard's terms, the records of
 * its best products over every category, in rank order. Current when it starts there and was made from
 * the categories at the manifest's versions.
 */
export function loadBest(manifest, start) {
  return cachedFile(`/search/terms/${shardName(start, "b")}`, (bytes) => {
    const json = JSON.parse(utf8.decode(bytes));
    return json.format === 1 ? json : { start: null, versions: [] };
  }, (file) => file.start === start && file.versions.length === manifest.partitions.length
    && manifest.partitions.every((partition, i) => file.versions[i] === partition.version));
}

/** The records a best-results file holds for `term`, by `<category index in the manifest>/<number>`. */
export function bestRecords(file, term) {
  return (file.terms[term] ?? []).map(([partitionIndex, number, record]) => [`${partitionIndex}/${number}`, toRecord(record)]);
}

export async function loadRecord(partition, number, blockSize) {
  const block = await partitionFile(partition, `r-${Math.floor(number / blockSize)}.bin`, (bytes) => {
    const json = JSON.parse(utf8.decode(bytes));
    return { version: json.version, records: json.records.map(toRecord) };
  });
  return block.records[number % blockSize];
}

const versionHex = (partition) => partition.version.toString(16).padStart(8, "0");

function decodeColumn(reader, count, read) {
  const values = new Float64Array(count);
  for (let i = 0; i < count; i++) values[i] = read();
  return values;
}

/**
 * What the filters count in a category, per product: price range (an index into the manifest's bounds),
 * whole stars, stock, and a value number (0 for none) for the brand and every configured facet.
 */
export function loadFilterColumns(partition, facetNames) {
  return partitionFile(partition, `f-${versionHex(partition)}.bin`, (bytes) => {
    const reader = new Reader(bytes);
    const { version, count } = decodeHeader(reader, 2);
    const bytesColumn = () => {
      const values = bytes.subarray(reader.offset, reader.offset + count);
      reader.offset += count;
      return values;
    };
    const range = bytesColumn();
    const stars = bytesColumn();
    const stock = bytesColumn();
    const valueColumn = () => {
      const values = [];
      for (let i = reader.varint(); i > 0; i--) values.push(reader.string());
      const numbers = new Uint32Array(count);
      for (let i = 0; i < count; i++) numbers[i] = reader.varint();
      return { values, numbers };
    };
    const brand = valueColumn();
    const facets = facetNames.map(valueColumn);
    return { version, count, range, stars, stock, brand, facets };
  });
}

/** What the sort orders read in a category, per product: price, rating, review count, featured, day created. */
export function loadSortColumns(partition) {
  return partitionFile(partition, `s-${versionHex(partition)}.bin`, (bytes) => {
    const reader = new Reader(bytes);
    const { version, count } = decodeHeader(reader);
    const price = decodeColumn(reader, count, () => reader.varint());
    const rating = decodeColumn(reader, count, () => reader.byte());
    const ratingCount = decodeColumn(reader, count, () => reader.varint());
    const featured = decodeColumn(reader, count, () => reader.byte());
    let day = 0;
    const created = decodeColumn(reader, count, () => (day += reader.signedVarint()));
    return { version, count, price, rating, ratingCount, featured, created };
  });
}
