import Foundation
import MercatoCore

/// A file of the search index: its path in the output and its contents, which the render stage writes
/// gzip-compressed when that pays (only for files whose contents changed).
struct SearchFile: Sendable, Fingerprintable {
    var path: String
    var bytes: [UInt8]

    /// What goes into the output folder.
    var written: [UInt8] { Gzip.compressedIfSmaller(bytes) }

    func fingerprint(into hasher: inout StableHasher) {
        hasher.combine(path)
        hasher.combine(bytes)
    }
}

/// Writes the search index of one category: its products are numbered by id (0, 1, …), and every file
/// starts with the partition's version, a hash of that numbering and of the filters' value lists, so the
/// browser can tell a file cached from another numbering.
///
/// - its terms with their postings and what the filters count among each term's products (``terms()``),
///   which go into the shop's term shards (``SearchTermShards``) as this category's section of each;
/// - `r-<n>.bin`: records of products `n × blockSize ..< (n + 1) × blockSize`, what a result shows;
/// - `f-<version>.bin`: what the filters count, per product: its price range, whole stars, stock, brand
///   and the configured attributes; its name carries the version into the manifest;
/// - `s-<version>.bin`: what the sort orders need, per product: price, rating, review count, featured,
///   day created. Read only for a sort other than relevance, so counting filters downloads half as much.
struct SearchPartition {
    static let blockSize = 32
    static let folder = "search/data"

    /// The price filter's bounds in major units: a range runs from one bound to the next, the first from
    /// zero and the last without end.
    static let priceBounds = [10, 25, 50, 100, 250, 500, 1000]

    /// ``priceBounds`` in minor units of `currency` (what the manifest gives the browser).
    static func priceBounds(in currency: Currency) -> [Int] {
        priceBounds.map { $0 * currency.minorUnitsPerUnit }
    }

    let slug: String
    let documents: [SearchDocument]
    let facets: [String]
    /// In minor units, ascending.
    let priceBounds: [Int]

    /// `documents` in any order; they are numbered by product id.
    init(slug: String, documents: [SearchDocument], facets: [String], priceBounds: [Int] = Self.priceBounds(in: .usd)) {
        self.slug = slug
        let documents = documents.sorted { $0.card.id < $1.card.id }
        self.documents = documents
        self.facets = facets
        self.priceBounds = priceBounds
        var columns = [
            documents.map { document in priceBounds.count { document.card.priceMinor >= $0 } },
            documents.map { $0.card.ratingCount > 0 ? min(max($0.card.ratingTenths / 10, 0), 5) : 0 },
            documents.map { Self.stockCode($0.card.stock) },
        ]
        var values: [[String]] = []
        let texts: [(SearchDocument) -> String?] = [{ $0.card.brand }] + facets.map { facet in { $0.attributes[facet] } }
        for text in texts {
            let present = documents.map { text($0).flatMap { $0.isEmpty ? nil : $0 } }
            let list = Set(present.compactMap { $0 }).sorted()
            let numbers = Dictionary(uniqueKeysWithValues: list.enumerated().map { ($1, $0 + 1) })
            values.append(list)
            columns.append(present.map { $0.flatMap { numbers[$0] } ?? 0 })
        }
        self.values = values
        filterColumns = columns
        var hasher = StableHasher()
        for document in documents { hasher.combine(Int(document.card.id)) }
        hasher.combine(values)
        version = UInt32(truncatingIfNeeded: hasher.value)
    }

    let version: UInt32
    /// The brand's and each configured attribute's values, sorted: a product's value number is its value's
    /// place in the list plus one (0 for none).
    let values: [[String]]
    /// What the filters read, a column each, per product: its price range (how many bounds it is at or
    /// above), whole stars (0 without reviews), stock code, then its value number for the brand and each
    /// configured attribute.
    private let filterColumns: [[Int]]

    var versionHex: String {
        let digits = String(version, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    /// Every file of the category's folder, encoded and compressed on every core.
    func files() -> [SearchFile] {
        guard !documents.isEmpty else { return [] }
        let blocks = Array(stride(from: 0, to: documents.count, by: Self.blockSize))
        return (0..<(blocks.count + 2)).parallelMap { index in
            if index < blocks.count { return blockFile(start: blocks[index]) }
            return index == blocks.count ? filterFile() : sortFile()
        }
    }

    /// The category's terms with their postings, for the term shards.
    func terms() -> CategoryTerms {
        let entries = entries()
        var best: [Int: [UInt8]] = [:]
        for entry in entries {
            for (_, number) in entry.best(productCount: documents.count) where best[number] == nil {
                best[number] = Array(JSONLD.encode(record(number)).utf8)
            }
        }
        return CategoryTerms(version: version, productCount: documents.count, values: values, entries: entries, best: best)
    }

    private func path(_ name: String) -> String { "\(Self.folder)/\(slug)/\(name)" }

    /// A file's format (its first byte; the filter file's changed when the sort columns moved out), the
    /// partition's version and its product count.
    private func header(_ writer: inout ByteWriter, format: UInt8 = 1) {
        writer.byte(format)
        writer.word(version)
        writer.varint(documents.count)
    }

    // MARK: - Terms

    private func entries() -> [CategoryTerms.Entry] {
        var postings: [String: [[Int]]] = [:]
        let groupCount = SearchDocument.Field.allCases.count * SearchDocument.levels
        for (number, document) in documents.enumerated() {
            for (term, field) in document.terms {
                let group = Int(field.rawValue) * SearchDocument.levels + (SearchDocument.levels - 1 - document.level)
                postings[term, default: Array(repeating: [], count: groupCount)][group].append(number)
            }
        }
        var counts = filterColumns.map { [Int](repeating: 0, count: ($0.max() ?? 0) + 1) }
        return postings.keys.sorted(by: Self.precedes).map { term in
            let groups = postings[term]!
            var writer = ByteWriter()
            writer.append(Self.encodePostings(groups, documentCount: documents.count))
            encodeCounts(of: groups.joined(), into: &writer, using: &counts)
            return CategoryTerms.Entry(term: term, bytes: writer.bytes)
        }
    }

    /// What the filters count among `numbers`, so that a one-word query counts them from its term shard
    /// without reading the filter columns: per filter column, how many values have products, then each of
    /// those values (the gap from the previous one) with its count. `counts` has a zero per value of each
    /// column, and is left so.
    private func encodeCounts(of numbers: some Sequence<Int>, into writer: inout ByteWriter, using counts: inout [[Int]]) {
        for (index, column) in filterColumns.enumerated() {
            for number in numbers { counts[index][column[number]] += 1 }
            writer.varint(counts[index].count { $0 > 0 })
            var previous = -1
            for value in counts[index].indices where counts[index][value] > 0 {
                writer.varint(value - previous - 1)
                writer.varint(counts[index][value])
                counts[index][value] = 0
                previous = value
            }
        }
    }

    /// Term order: by Unicode scalar values, as the browser compares code points (UTF-8's byte order is
    /// the same, and quicker to compare).
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// A mask of the groups present, then per group its size (doubled, plus one for a bitmap) and its
    /// numbers: gaps from the previous number, or a bitmap over every product when that is smaller. A
    /// product is in one group of a term.
    static func encodePostings(_ groups: [[Int]], documentCount: Int) -> [UInt8] {
        var writer = ByteWriter()
        var mask = 0
        for (index, group) in groups.enumerated() where !group.isEmpty { mask |= 1 << index }
        writer.varint(mask)
        let bitmapSize = (documentCount + 7) / 8
        for group in groups where !group.isEmpty {
            var gaps = ByteWriter()
            var previous = -1
            for number in group {
                gaps.varint(number - previous - 1)
                previous = number
            }
            if gaps.bytes.count > bitmapSize {
                writer.varint(group.count << 1 | 1)
                var bitmap = [UInt8](repeating: 0, count: bitmapSize)
                for number in group { bitmap[number >> 3] |= 1 << UInt8(number & 7) }
                writer.append(bitmap)
            } else {
                writer.varint(group.count << 1)
                writer.append(gaps.bytes)
            }
        }
        return writer.bytes
    }

    // MARK: - Records and filters

    /// What a result shows of product `number`: id, slug, name, brand, price, former price, rating (tenths),
    /// review count, stock code, image and its srcset.
    private func record(_ number: Int) -> JSONLD.Value {
        let card = documents[number].card
        return .list([
            .int(Int(card.id)), .string(card.slug), .string(card.name), .string(card.brand ?? ""),
            .int(card.priceMinor), .int(card.compareAtMinor ?? 0), .int(card.ratingTenths), .int(card.ratingCount),
            .int(Self.stockCode(card.stock)), .string(card.image?.src ?? ""), .string(card.image?.srcset ?? ""),
        ])
    }

    private func blockFile(start: Int) -> SearchFile {
        let records = (start..<min(start + Self.blockSize, documents.count)).map(record)
        let json = JSONLD.encode(.object(["version": .int(Int(version)), "records": .list(records)]))
        return SearchFile(path: path("r-\(start / Self.blockSize).bin"), bytes: Array(json.utf8))
    }

    static func stockCode(_ stock: StockBadge) -> Int {
        switch stock {
        case .outOfStock: 0
        case .lowStock: 1
        case .inStock: 2
        }
    }

    /// Per product: its price range, whole stars and stock (a byte each), then the brand and each configured
    /// attribute (a list of values and each product's value number); see ``filterColumns``.
    private func filterFile() -> SearchFile {
        var writer = ByteWriter()
        header(&writer, format: 2)
        for column in filterColumns.prefix(3) {
            for value in column { writer.byte(UInt8(value)) }
        }
        for (list, column) in zip(values, filterColumns.dropFirst(3)) {
            writer.varint(list.count)
            for text in list { writer.string(text) }
            for value in column { writer.varint(value) }
        }
        return SearchFile(path: path("f-\(versionHex).bin"), bytes: writer.bytes)
    }

    /// Per product: price, rating, review count, featured, day created.
    private func sortFile() -> SearchFile {
        var writer = ByteWriter()
        header(&writer)
        for document in documents { writer.varint(document.card.priceMinor) }
        for document in documents { writer.byte(UInt8(clamping: document.card.ratingTenths)) }
        for document in documents { writer.varint(document.card.ratingCount) }
        for document in documents { writer.byte(document.card.featured ? 1 : 0) }
        var previousDay = 0
        for document in documents {
            let day = Int((document.card.createdAt.timeIntervalSince1970 / 86_400).rounded(.down))
            writer.signedVarint(day - previousDay)
            previousDay = day
        }
        return SearchFile(path: path("s-\(versionHex).bin"), bytes: writer.bytes)
    }
}
