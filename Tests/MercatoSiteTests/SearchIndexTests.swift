import Foundation
import GRDB
import MercatoCore
import MercatoDatabase
import Testing

@testable import MercatoSite

/// How the builder turns products into search terms and writes the index: tokenising, accents and
/// plurals (the cases in `Tests/search/text-cases.json`, which the browser's module is tested against
/// too), postings, shards and their boundaries, and the files a build writes.
@Suite struct SearchIndexTests {
    static let textCases = FixtureShop.repository.appendingPathComponent("Tests/search/text-cases.json")

    @Test func textBecomesTheTermsTheSharedCasesList() throws {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.textCases)) as! [String: Any]
        let cases = try #require(json["cases"] as? [[Any]])
        #expect(cases.count > 10)
        for entry in cases {
            let text = try #require(entry[0] as? String)
            let expected = try #require(entry[1] as? [String])
            #expect(SearchText.terms(text) == expected, "\(text)")
        }
    }

    /// Builds keep each product's terms and reuse them while ``SearchText/rulesVersion`` stays the same, so
    /// the rules must not change under the same number. The digest is of the terms the shared cases give:
    /// a rule change changes the cases (or should add one), and then this test asks for a new version.
    @Test func rulesVersionFollowsTheRules() throws {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.textCases)) as! [String: Any]
        let cases = try #require(json["cases"] as? [[Any]])
        var hasher = StableHasher()
        for entry in cases { hasher.combine(SearchText.terms(try #require(entry[0] as? String))) }
        let known: [Int: String] = [1: "c5443a639ad3b644"]
        #expect(
            known[SearchText.rulesVersion] == hasher.hex,
            "the rules give other terms (digest \(hasher.hex)): raise SearchText.rulesVersion and record its digest here")
    }

    @Test func cachedTermsDecodeToWhatWasEncoded() {
        let terms = SearchDocument(
            card: Self.card(id: 1, name: "Crème Mug"), categoryName: "Kitchen", tags: ["gift idea"], attributes: ["Colour": "Blue"],
            description: "Keeps tea warm.").terms
        let decoded = SearchDocument.decode(SearchDocument.encode(terms))
        #expect(decoded?.map(\.term) == terms.map(\.term) && decoded?.map(\.field) == terms.map(\.field))
        #expect(terms.map(\.term).contains("creme") && terms.map(\.term) == terms.map(\.term).sorted())
        #expect(SearchDocument.decode([]).map(\.isEmpty) == true)
        #expect(SearchDocument.decode([9, 0x61, 0]) == nil, "an unknown field")
        #expect(SearchDocument.decode([0, 0x61]) == nil, "a term without its end")
        #expect(SearchDocument.decode([0, 0]) == nil, "an empty term")
    }

    @Test func pluralsAndSingularsShareAStem() {
        for (plural, singular) in [("mugs", "mug"), ("boxes", "box"), ("batteries", "battery"), ("glasses", "glass"), ("cookies", "cookie")] {
            #expect(SearchText.stem(plural) == SearchText.stem(singular), "\(plural) / \(singular)")
        }
        #expect(SearchText.stem("bus") == "bus" && SearchText.stem("dress") == "dress" && SearchText.stem("tea") == "tea")
    }

    @Test func aDocumentKeepsTheBestFieldOfEachTermAndSkipsLinkTargets() {
        let card = Self.card(id: 1, name: "Blue Enamel Mug", brand: "Crème Works")
        let document = SearchDocument(
            card: card, categoryName: "Kitchen", tags: ["gifts"], attributes: ["Colour": "Blue"],
            description: "A **blue** mug. See [our returns](/returns-policy/) and <span class=\"x\">notes</span>.")
        let terms = Dictionary(uniqueKeysWithValues: document.terms.map { ($0.term, $0.field) })
        #expect(terms["blue"] == .name, "in the name, the description and an attribute: the name counts")
        #expect(terms["creme"] == .label && terms["gift"] == .label && terms["kitchen"] == .label)
        #expect(terms["return"] == .description)
        #expect(terms["policy"] == nil && terms["span"] == nil, "link targets and tags are not words")
        #expect(terms["see"] == .description && terms["our"] == nil, "'our' is a stop word")
    }

    @Test func postingsAreGroupedByFieldAndLevelAndDenseGroupsAreBitmaps() throws {
        // 200 products: every one has "common" in its description; one in twenty has "rare" in its name.
        let documents = (0..<200).map { (index: Int) -> SearchDocument in
            let name = index % 20 == 0 ? "Rare Lamp" : "Lamp \(index)"
            let stock: StockBadge = index % 2 == 0 ? .inStock : .outOfStock
            let card = Self.card(id: Int64(index + 1), name: name, stock: stock)
            return SearchDocument(card: card, categoryName: "Home", tags: [], attributes: [:], description: "common words")
        }
        let partition = SearchPartition(slug: "home", documents: documents, facets: [])
        let files = partition.files()
        let shards = files.filter { $0.path.contains("/t-") }.map { try! DecodedShard($0.bytes) }
        func postings(_ term: String) -> [Int: (bitmap: Bool, numbers: [Int])]? {
            shards.lazy.compactMap { $0.postings[term] }.first
        }
        let common = try #require(postings("common"))
        // Description matches are groups 8–11; in stock (level 2) before out of stock (level 0).
        #expect(Set(common.keys) == [9, 11])
        #expect(common[9]!.numbers == Array(stride(from: 0, to: 200, by: 2)) && common[9]!.bitmap)
        let rare = try #require(postings("rare"))
        #expect(Set(rare.keys) == [1], "a name match, in stock: every twentieth product is even")
        #expect(rare[1]!.numbers == Array(stride(from: 0, to: 200, by: 20)) && !rare[1]!.bitmap)
        #expect(shards.allSatisfy { $0.version == partition.version })
    }

    @Test func shardsSplitByPrefixUnderTheirSizeAndCoverEveryTermOnce() throws {
        var random = SeededGenerator(seed: 7)
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        let documents = (0..<400).map { index in
            let words = (0..<12).map { _ in String((0..<Int.random(in: 4...9, using: &random)).map { _ in letters.randomElement(using: &random)! }) }
            return SearchDocument(
                card: Self.card(id: Int64(index + 1), name: "Item"), categoryName: "Misc", tags: [], attributes: [:],
                description: words.joined(separator: " "))
        }
        let partition = SearchPartition(slug: "misc", documents: documents, facets: [])
        let entries = partition.entries()
        let shards = SearchPartition.shards(entries)
        #expect(shards.count > 5, "\(shards.count) shards")
        #expect(shards.first?.start == "")
        #expect(shards.map(\.start) == shards.map(\.start).sorted(by: SearchPartition.precedes))
        #expect(shards.map(\.entries.count).reduce(0, +) == entries.count)
        for shard in shards {
            let size = shard.entries.reduce(0) { $0 + $1.term.utf8.count + $1.bytes.count + 3 }
            #expect(size <= SearchPartition.shardTarget || shard.entries.count == 1)
            // Each term is in the last shard whose start is not after it, as the browser looks it up.
            for entry in shard.entries {
                let owner = shards.last { !SearchPartition.precedes(entry.term, $0.start) }
                #expect(owner?.start == shard.start, "\(entry.term)")
            }
        }
    }

    @Test func aBuildWritesAManifestNamingEachCategorysShardsAndVersion() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        _ = try await shop.build()
        let manifest = try Self.json(shop, "search/manifest.bin")
        let partitions = try #require(manifest["partitions"] as? [[String: Any]])
        #expect(partitions.map { $0["slug"] as? String } == ["kitchen", "garden"])
        #expect(manifest["priceBounds"] as? [Int] == [1000, 2500, 5000, 10000, 25000, 50000, 100000], "USD: minor units")
        for partition in partitions {
            let slug = partition["slug"] as! String
            let version = String(format: "%08x", partition["version"] as! Int)
            let folder = shop.dist.appendingPathComponent("search/data/\(slug)")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(names.contains("f-\(version).bin") && names.contains("s-\(version).bin"))
            let shards = (partition["shards"] as! [String]).map(SearchPartition.shardName)
            #expect(Set(names.filter { $0.hasPrefix("t-") }) == Set(shards))
        }
        let records = try #require(try Self.json(shop, "search/data/kitchen/r-0.bin")["records"] as? [[Any]])
        #expect(records.map { $0[1] as? String } == ["blue-mug", "teapot", "bread-knife"], "numbered by id")
        #expect(records[0][2] as? String == "Blue Mug" && records[0][4] as? Int == 1299)
        let shard = try DecodedShard(Array(try Data(contentsOf: shop.dist.appendingPathComponent("search/data/kitchen/t-.bin"))))
        #expect(shard.postings["sturdy"] != nil, "words of the Markdown description are indexed")
        // An attribute value of all three: label matches (groups 4–7) of the well-rated mug, the teapot in
        // stock and the knife out of stock.
        #expect(shard.postings["stoneware"]?.keys.sorted() == [4, 5, 7])
    }

    @Test func aFileIsGzippedOnlyWhenThatMakesItATenthSmaller() throws {
        let repetitive = Array(String(repeating: "{\"name\":\"Blue Mug\"},", count: 40).utf8)
        let gzipped = Gzip.compressedIfSmaller(repetitive)
        #expect(gzipped.starts(with: [0x1f, 0x8b]) && gzipped.count * 10 <= repetitive.count * 9)
        #expect(Gzip.contents(of: gzipped) == repetitive)
        // Bytes with nothing to find, as dense as a term shard's postings (a format byte, then a fixed
        // pseudo-random sequence): gzip cannot take a tenth off them.
        var state: UInt64 = 1
        let dense = [UInt8(1)] + (0..<1500).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        #expect(Gzip.compressedIfSmaller(dense) == dense)
        #expect(Gzip.contents(of: dense) == dense)
        #expect(Gzip.contents(of: [0x1f, 0x8b, 8, 0, 1, 2]) == nil, "a damaged stream is an error, not data")
    }

    @Test func everyFileOfABuiltIndexReadsBackAndIsGzippedOnlyWhereThatPays() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        _ = try await shop.build()
        let folder = shop.dist.appendingPathComponent("search")
        let files = try #require(FileManager.default.subpaths(atPath: folder.path)).filter { $0.hasSuffix(".bin") }
        #expect(files.count > 6)
        for file in files {
            let stored = Array(try Data(contentsOf: folder.appendingPathComponent(file)))
            let contents = try #require(Gzip.contents(of: stored), "\(file)")
            #expect(stored.starts(with: [0x1f, 0x8b]) == (Gzip.compress(contents).count * 10 <= contents.count * 9), "\(file)")
        }
    }

    @Test func aWordAddedToOneDescriptionRewritesOnlyTheShardThatHoldsIt() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        // Enough distinct words in Kitchen for several shards.
        try shop.write("Content/products/teapot.md", (0..<1500).map { "w\($0)x" }.joined(separator: " ") + "\n")
        _ = try await shop.build()
        let shards = try IncrementalBuildTests.searchFiles("kitchen", "t-", shop: shop)
        #expect(shards.count > 2)
        try shop.write("Content/products/blue-mug.md", "A sturdy mug for tea & coffee, approved.\n")
        let report = try await shop.build()
        let rewritten = report.writtenPaths.filter { $0.hasPrefix("search/") }
        #expect(rewritten == ["search/data/kitchen/t-.bin"], "the shard of words before w")
        #expect(report.writtenPaths.contains("products/blue-mug/index.html"))
    }

    // MARK: - Helpers

    static func card(id: Int64, name: String, brand: String? = nil, stock: StockBadge = .inStock) -> ProductCard {
        ProductCard(
            id: id, slug: "p\(id)", name: name, brand: brand, featured: false, priceMinor: 100, price: "$1.00",
            compareAtPrice: nil, compareAtMinor: nil, image: nil, ratingTenths: 0, ratingCount: 0, stock: stock,
            createdAt: Date(timeIntervalSince1970: 0))
    }

    static func json(_ shop: FixtureShop, _ path: String) throws -> [String: Any] {
        let bytes = try #require(Gzip.contents(of: Array(try Data(contentsOf: shop.dist.appendingPathComponent(path)))))
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }
}

/// A term shard read back: the partition's version and each term's groups (number → product numbers).
struct DecodedShard {
    var version: UInt32
    var postings: [String: [Int: (bitmap: Bool, numbers: [Int])]] = [:]

    init(_ gzip: [UInt8]) throws {
        var reader = ByteReader(bytes: try #require(Gzip.contents(of: gzip)))
        _ = reader.byte()
        version = reader.word()
        let count = reader.varint()
        var previous: [UInt8] = []
        for _ in 0..<reader.varint() {
            let shared = reader.varint()
            let rest = reader.bytes(reader.varint())
            let term = Array(previous[..<shared]) + rest
            previous = term
            let end = reader.varint() + reader.offset
            let mask = reader.varint()
            var groups: [Int: (bitmap: Bool, numbers: [Int])] = [:]
            for group in 0..<16 where mask & (1 << group) != 0 {
                let header = reader.varint()
                if header & 1 == 1 {
                    let bitmap = reader.bytes((count + 7) / 8)
                    groups[group] = (true, (0..<count).filter { bitmap[$0 >> 3] & (1 << UInt8($0 & 7)) != 0 })
                } else {
                    var number = -1
                    groups[group] = (false, (0..<(header >> 1)).map { _ in number += reader.varint() + 1; return number })
                }
            }
            #expect(reader.offset == end)
            postings[String(decoding: term, as: UTF8.self)] = groups
        }
    }
}

struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    mutating func byte() -> UInt8 {
        offset += 1
        return bytes[offset - 1]
    }

    mutating func word() -> UInt32 {
        (0..<4).reduce(0) { value, shift in value | UInt32(byte()) << (8 * UInt32(shift)) }
    }

    mutating func varint() -> Int {
        var value = 0
        var shift = 0
        while true {
            let next = byte()
            value |= Int(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
    }

    mutating func bytes(_ count: Int) -> [UInt8] {
        offset += count
        return Array(bytes[(offset - count)..<offset])
    }
}

extension Gzip {
    /// A search file's bytes, inflated when they are a gzip stream (no search file starts with gzip's 0x1f:
    /// binary files start with a small format number, JSON with `{`), as the browser reads them; `nil` for
    /// a damaged stream.
    static func contents(of file: [UInt8]) -> [UInt8]? {
        file.starts(with: [0x1f, 0x8b]) ? decompress(file) : file
    }
}
