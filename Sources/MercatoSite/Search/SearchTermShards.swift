import MercatoDatabase

/// A category's terms, sorted, each with its postings; numbered as the category's other search files are
/// (``SearchPartition``), with the filters' value lists those numbers refer to and the records of each
/// term's best products. A build keeps them in the build manifest, so a rebuild that looks at some
/// categories only takes the others' part of every term shard (and of the search manifest) from there.
struct CategoryTerms: Sendable, Equatable {
    /// One term: for each (field, level) group, best first, the numbers of its products; then what the
    /// filters count among them (``SearchPartition``).
    struct Entry: Sendable, Equatable {
        var term: String
        var bytes: [UInt8]

        /// The first `limit` products of the term in rank order (by group, then number), with their groups.
        func best(productCount: Int, limit: Int = CategoryTerms.bestCount) -> [(group: Int, number: Int)] {
            var reader = ByteReader(bytes)
            var found: [(group: Int, number: Int)] = []
            guard let mask = reader.varint() else { return [] }
            for group in 0..<Int.bitWidth - 1 where mask & (1 << group) != 0 {
                guard let header = reader.varint() else { return found }
                if header & 1 == 1 {
                    guard let bitmap = reader.bytes((productCount + 7) / 8) else { return found }
                    var number = 0
                    while number < productCount, found.count < limit {
                        if bitmap[number >> 3] & (1 << UInt8(number & 7)) != 0 { found.append((group, number)) }
                        number += 1
                    }
                } else {
                    var number = -1
                    for _ in 0..<min(header >> 1, limit - found.count) {
                        guard let gap = reader.varint() else { return found }
                        number += gap + 1
                        found.append((group, number))
                    }
                }
                if found.count == limit { return found }
            }
            return found
        }
    }

    /// How many of a term's products have their records in the term's best-results file.
    static let bestCount = 10

    var version: UInt32
    var productCount: Int
    /// The brand's and each configured attribute's values, as ``SearchPartition/values``.
    var values: [[String]]
    var entries: [Entry]
    /// By product number, the record (JSON) of every product among the ``bestCount`` best of some term.
    var best: [Int: [UInt8]]

    init(version: UInt32, productCount: Int, values: [[String]], entries: [Entry], best: [Int: [UInt8]]) {
        self.version = version
        self.productCount = productCount
        self.values = values
        self.entries = entries
        self.best = best
    }

    init?(stored: BuildManifest.SearchPostings) {
        var reader = ByteReader(stored.entries)
        guard let values = Self.decodeValues(&reader), let entries = Self.decode(&reader),
            let best = Self.decodeBest(&reader), reader.isAtEnd
        else { return nil }
        self.init(version: stored.version, productCount: stored.productCount, values: values, entries: entries, best: best)
    }

    /// The value lists (a count, then each list's count and strings), the entries, then the best products'
    /// records (a count, then each product's number and record, by number).
    var stored: BuildManifest.SearchPostings {
        var writer = ByteWriter()
        writer.varint(values.count)
        for list in values {
            writer.varint(list.count)
            for text in list { writer.string(text) }
        }
        Self.encode(entries[...], into: &writer)
        writer.varint(best.count)
        for number in best.keys.sorted() {
            writer.varint(number)
            writer.varint(best[number]!.count)
            writer.append(best[number]!)
        }
        return BuildManifest.SearchPostings(version: version, productCount: productCount, entries: writer.bytes)
    }

    private static func decodeBest(_ reader: inout ByteReader) -> [Int: [UInt8]]? {
        guard let count = reader.varint(), count <= reader.remaining else { return nil }
        var best: [Int: [UInt8]] = [:]
        for _ in 0..<count {
            guard let number = reader.varint(), let length = reader.varint(), let record = reader.bytes(length) else { return nil }
            best[number] = record
        }
        return best
    }

    private static func decodeValues(_ reader: inout ByteReader) -> [[String]]? {
        guard let count = reader.varint(), count <= reader.remaining else { return nil }
        var values: [[String]] = []
        for _ in 0..<count {
            guard let length = reader.varint(), length <= reader.remaining else { return nil }
            var list: [String] = []
            for _ in 0..<length {
                guard let text = reader.string() else { return nil }
                list.append(text)
            }
            values.append(list)
        }
        return values
    }

    /// The entries from `start` (included) to `end` (excluded; `nil`: to the last).
    func entries(from start: String, to end: String?) -> ArraySlice<Entry> {
        entries[firstIndex(atOrAfter: start)..<(end.map(firstIndex(atOrAfter:)) ?? entries.endIndex)]
    }

    private func firstIndex(atOrAfter term: String) -> Int {
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if SearchPartition.precedes(entries[middle].term, term) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// A count, then each term front-coded (bytes shared with the previous term, the rest) with its
    /// postings' length and bytes.
    static func encode(_ entries: ArraySlice<Entry>, into writer: inout ByteWriter) {
        writer.varint(entries.count)
        var previous: [UInt8] = []
        for entry in entries {
            let term = Array(entry.term.utf8)
            var shared = 0
            while shared < min(previous.count, term.count), previous[shared] == term[shared] { shared += 1 }
            writer.varint(shared)
            writer.varint(term.count - shared)
            writer.append(Array(term[shared...]))
            writer.varint(entry.bytes.count)
            writer.append(entry.bytes)
            previous = term
        }
    }

    /// What ``encode(_:into:)`` wrote; `nil` when the bytes end early or a term does not follow the one before.
    static func decode(_ reader: inout ByteReader) -> [Entry]? {
        guard let count = reader.varint(), count <= reader.remaining else { return nil }
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        var previous: [UInt8] = []
        for _ in 0..<count {
            guard let shared = reader.varint(), shared <= previous.count, let restLength = reader.varint(),
                let rest = reader.bytes(restLength), let length = reader.varint(), let bytes = reader.bytes(length)
            else { return nil }
            let term = Array(previous[..<shared]) + rest
            let text = String(decoding: term, as: UTF8.self)
            if let last = entries.last, !SearchPartition.precedes(last.term, text) { return nil }
            entries.append(Entry(term: text, bytes: bytes))
            previous = term
        }
        return entries
    }
}

/// The shop's term shards, `search/terms/t-<hex of the first term>.bin`: every category's terms, cut by
/// term prefix into files of about ``shardTarget`` bytes, so that a word is looked up in one file however
/// many categories there are. A file holds one section per category with products (empty when the
/// category has no term in the file's range): its slug, version and product count, then its terms in
/// the range with their postings, so each category is ranked with its own numbering as before.
///
/// A file starts with its format, its first term's prefix and the next file's (the browser checks them
/// against the manifest's list, so a cached file cut differently is fetched again); the sections follow,
/// each with its byte length.
struct SearchTermShards {
    static let folder = "search/terms"
    static let shardTarget = 16 * 1024
    /// 4: each term's postings are followed by what the filters count among its products.
    static let format: UInt8 = 4

    /// In the manifest's order.
    let sections: [(slug: String, terms: CategoryTerms)]

    /// Every shard with the term it starts at and its best-results file, encoded and compressed on every core.
    func files() -> [(start: String, shard: SearchFile, best: SearchFile)] {
        let shards = Self.shards(merged())
        return shards.indices.parallelMap { index in
            let start = shards[index].start
            let end = index + 1 < shards.count ? shards[index + 1].start : nil
            return (start, shard(from: start, to: end), bestFile(from: start, to: end))
        }
    }

    /// The terms from `start` to `end` (excluded; `nil`: to the last): a section per category.
    private func shard(from start: String, to end: String?) -> SearchFile {
        var writer = ByteWriter()
        writer.byte(Self.format)
        writer.string(start)
        writer.string(end ?? "")
        writer.varint(sections.count)
        for section in sections {
            var body = ByteWriter()
            CategoryTerms.encode(section.terms.entries(from: start, to: end), into: &body)
            writer.string(section.slug)
            writer.word(section.terms.version)
            writer.varint(section.terms.productCount)
            writer.varint(body.bytes.count)
            writer.append(body.bytes)
        }
        return SearchFile(path: "\(Self.folder)/\(Self.shardName(start))", bytes: writer.bytes)
    }

    /// `b-<hex of start>.bin`, beside the shard: for each of its terms, the records of its best
    /// ``CategoryTerms/bestCount`` products over every category, in the order a one-word query ranks them
    /// (by group, then category, then number), so that such a query reads its first results' records from
    /// one file instead of a record block each. JSON: the start, every category's version (as the shard's
    /// sections carry them), and per term `[category index, number, record]` lists.
    private func bestFile(from start: String, to end: String?) -> SearchFile {
        var candidates: [String: [(group: Int, section: Int, number: Int)]] = [:]
        for (index, section) in sections.enumerated() {
            for entry in section.terms.entries(from: start, to: end) {
                for (group, number) in entry.best(productCount: section.terms.productCount) {
                    candidates[entry.term, default: []].append((group, index, number))
                }
            }
        }
        var json = "{\"format\":1,\"start\":" + JSONLD.encode(.string(start)) + ",\"versions\":["
        json += sections.map { String($0.terms.version) }.joined(separator: ",") + "],\"terms\":{"
        for (position, term) in candidates.keys.sorted(by: SearchPartition.precedes).enumerated() {
            let best = candidates[term]!.sorted { ($0.group, $0.section, $0.number) < ($1.group, $1.section, $1.number) }
                .prefix(CategoryTerms.bestCount)
            json += (position == 0 ? "" : ",") + JSONLD.encode(.string(term)) + ":["
            json += best.compactMap { candidate in
                sections[candidate.section].terms.best[candidate.number].map {
                    "[\(candidate.section),\(candidate.number),\(String(decoding: $0, as: UTF8.self))]"
                }
            }.joined(separator: ",") + "]"
        }
        json += "}}"
        return SearchFile(
            path: "\(Self.folder)/\(Self.shardName(start, kind: "b"))", bytes: Array(json.utf8))
    }

    /// Every term of every section once, in order, with the bytes it takes in a file (over all sections).
    func merged() -> [(term: String, size: Int)] {
        var result: [(term: String, size: Int)] = []
        for section in sections {
            let sized = section.terms.entries.map { (term: $0.term, size: $0.term.utf8.count + $0.bytes.count + 3) }
            result = result.isEmpty ? sized : Self.merge(result, sized)
        }
        return result
    }

    private static func merge(_ a: [(term: String, size: Int)], _ b: [(term: String, size: Int)]) -> [(
        term: String, size: Int
    )] {
        var result: [(term: String, size: Int)] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && SearchPartition.precedes(a[i].term, b[j].term)) {
                result.append(a[i])
                i += 1
            } else if i == a.count || SearchPartition.precedes(b[j].term, a[i].term) {
                result.append(b[j])
                j += 1
            } else {
                result.append((a[i].term, a[i].size + b[j].size))
                i += 1
                j += 1
            }
        }
        return result
    }

    /// Shards of sorted terms, each under ``shardTarget`` bytes where a prefix can split it; the first shard
    /// starts at "" and each other at its first term's prefix, so a term belongs to the last shard whose
    /// start is not after it.
    static func shards(_ terms: [(term: String, size: Int)]) -> [(start: String, terms: Range<Int>)] {
        var offsets = [0]
        offsets.reserveCapacity(terms.count + 1)
        for term in terms { offsets.append(offsets.last! + term.size) }
        let scalars = terms.map { Array($0.term.unicodeScalars) }
        var result: [(start: String, terms: Range<Int>)] = []

        func split(_ range: Range<Int>, prefix: Int, start: String) {
            if range.count <= 1 || offsets[range.upperBound] - offsets[range.lowerBound] <= shardTarget {
                result.append((start, range))
                return
            }
            // Children by the character after the prefix; a term equal to the prefix (sorted first) is a
            // child of its own.
            func key(_ index: Int) -> ArraySlice<Unicode.Scalar> { scalars[index].prefix(prefix + 1) }
            var children: [Range<Int>] = []
            var index = range.lowerBound
            while index < range.upperBound {
                var end = index + 1
                while end < range.upperBound, key(end) == key(index) { end += 1 }
                children.append(index..<end)
                index = end
            }
            if children.count == 1, scalars[range.lowerBound].count <= prefix {
                result.append((start, range))
                return
            }
            // Consecutive small children share a shard; a large one is split further.
            var run: Range<Int>? = nil
            var runStart = start
            func flush() {
                if let pending = run { result.append((runStart, pending)) }
                run = nil
            }
            for (position, child) in children.enumerated() {
                let childStart = position == 0 ? start : String(String.UnicodeScalarView(key(child.lowerBound)))
                let childSize = offsets[child.upperBound] - offsets[child.lowerBound]
                if childSize > shardTarget {
                    flush()
                    split(child, prefix: prefix + 1, start: childStart)
                } else if let pending = run, offsets[child.upperBound] - offsets[pending.lowerBound] <= shardTarget {
                    run = pending.lowerBound..<child.upperBound
                } else {
                    flush()
                    run = child
                    runStart = childStart
                }
            }
            flush()
        }
        if !terms.isEmpty { split(0..<terms.count, prefix: 0, start: "") }
        return result
    }

    /// `t-<hex of start>.bin` for a shard, `b-…` for its best-results file.
    static func shardName(_ start: String, kind: String = "t") -> String {
        kind + "-"
            + start.utf8.map { byte in
                let digits = String(byte, radix: 16)
                return digits.count == 1 ? "0" + digits : digits
            }.joined() + ".bin"
    }
}
