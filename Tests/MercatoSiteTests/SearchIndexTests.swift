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
        let shards = try SearchTermShards(sections: [("home", partition.terms())]).files().map { try DecodedShard($0.shard.bytes) }
        func postings(_ term: String) -> [Int: (bitmap: Bool, numbers: [Int])]? {
            shards.lazy.compactMap { $0.sections["home"]?.postings[term] }.first
        }
        let common = try #require(postings("common"))
        // Description matches are groups 8–11; in stock (level 2) before out of stock (level 0).
        #expect(Set(common.keys) == [9, 11])
        #expect(common[9]!.numbers == Array(stride(from: 0, to: 200, by: 2)) && common[9]!.bitmap)
        let rare = try #require(postings("rare"))
        #expect(Set(rare.keys) == [1], "a name match, in stock: every twentieth product is even")
        #expect(rare[1]!.numbers == Array(stride(from: 0, to: 200, by: 20)) && !rare[1]!.bitmap)
        #expect(shards.allSatisfy { $0.sections["home"]?.version == partition.version && $0.sections["home"]?.count == 200 })
    }

    /// Two categories of random words: shards are cut over both, under the size target, each term in the
    /// shard the browser looks for it in, every file holding a section of each category.
    @Test func shardsSplitByPrefixOverEveryCategoryUnderTheirSizeAndCoverEveryTermOnce() throws {
        var random = SeededGenerator(seed: 7)
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        func partition(_ slug: String, products: Int) -> SearchPartition {
            let documents = (0..<products).map { index in
                let words = (0..<12).map { _ in
                    String((0..<Int.random(in: 4...9, using: &random)).map { _ in letters.randomElement(using: &random)! })
                }
                return SearchDocument(
                    card: Self.card(id: Int64(index + 1), name: "Item"), categoryName: slug, tags: [], attributes: [:],
                    description: words.joined(separator: " "))
            }
            return SearchPartition(slug: slug, documents: documents, facets: [])
        }
        let sections = [("misc", partition("misc", products: 1500)), ("odds", partition("odds", products: 700))]
            .map { (slug: $0.0, terms: $0.1.terms()) }
        let termShards = SearchTermShards(sections: sections)
        let merged = termShards.merged()
        #expect(merged.count < sections.map(\.terms.entries.count).reduce(0, +), "words both categories have are merged")
        #expect(merged.map(\.term) == Set(sections.flatMap { $0.terms.entries.map(\.term) }).sorted(by: SearchPartition.precedes))
        let shards = SearchTermShards.shards(merged)
        #expect(shards.count > 5, "\(shards.count) shards")
        #expect(shards.first?.start == "")
        #expect(shards.map(\.start) == shards.map(\.start).sorted(by: SearchPartition.precedes))
        #expect(shards.map(\.terms.count).reduce(0, +) == merged.count)
        for shard in shards {
            let size = merged[shard.terms].reduce(0) { $0 + $1.size }
            #expect(size <= SearchTermShards.shardTarget || shard.terms.count == 1)
            // Each term is in the last shard whose start is not after it, as the browser looks it up.
            for term in merged[shard.terms] {
                let owner = shards.last { !SearchPartition.precedes(term.term, $0.start) }
                #expect(owner?.start == shard.start, "\(term.term)")
            }
        }
        // The files: each names its start and the next one's, and holds every category's terms of its range.
        let files = try termShards.files().map { try DecodedShard($0.shard.bytes) }
        #expect(files.map(\.start) == shards.map(\.start))
        #expect(files.map(\.end) == shards.dropFirst().map(\.start) + [""])
        for section in sections {
            let found = files.flatMap { $0.sections[section.slug]?.postings.keys.map { $0 } ?? [] }
            #expect(files.allSatisfy { $0.order == ["misc", "odds"] && $0.sections[section.slug]?.version == section.terms.version })
            #expect(found.sorted(by: SearchPartition.precedes) == section.terms.entries.map(\.term))
        }
    }

    @Test func aCategorysTermsAreStoredAndReadBackAndDamagedOnesAreRefused() throws {
        let documents = (1...40).map { index in
            SearchDocument(
                card: Self.card(id: Int64(index), name: "Lamp \(index)"), categoryName: "Home", tags: ["crème"], attributes: [:],
                description: "light number \(index * 7)")
        }
        let terms = SearchPartition(slug: "home", documents: documents, facets: []).terms()
        let stored = terms.stored
        #expect(CategoryTerms(stored: stored) == terms)
        var truncated = stored
        truncated.entries.removeLast()
        #expect(CategoryTerms(stored: truncated) == nil, "bytes ending early")
        var extra = stored
        extra.entries.append(0)
        #expect(CategoryTerms(stored: extra) == nil, "bytes after the last term")
        #expect(CategoryTerms(stored: .init(version: 1, productCount: 0, entries: [])) == nil, "no count")
        #expect(CategoryTerms(stored: .init(version: 1, productCount: 0, entries: [0])) == nil, "value lists but no terms")
        #expect(CategoryTerms(stored: .init(version: 1, productCount: 0, entries: [0, 0])) == nil, "no best records")
        #expect(CategoryTerms(stored: .init(version: 1, productCount: 0, entries: [0, 0, 0]))?.entries.isEmpty == true)
    }

    /// A one-word query counts its filter values from the term shard: each term's counts there are those of
    /// the filter columns over the term's products, by the value numbers of the category's lists.
    @Test func eachTermCarriesWhatTheFiltersCountAmongItsProducts() throws {
        var random = SeededGenerator(seed: 11)
        let brands = ["Acme", "Birch", "Corvid", nil]
        let colours = ["Red", "Blue", "Green", "Ochre", nil]
        let documents = (0..<300).map { (index: Int) -> SearchDocument in
            let stock = [StockBadge.inStock, .lowStock, .outOfStock].randomElement(using: &random)!
            let ratingCount = Int.random(in: 0...3, using: &random)
            let card = Self.card(
                id: Int64(index + 1), name: index % 3 == 0 ? "Lamp" : "Stool", brand: brands.randomElement(using: &random)!,
                stock: stock, priceMinor: Int.random(in: 0..<150_000, using: &random),
                ratingTenths: ratingCount > 0 ? Int.random(in: 10...50, using: &random) : 0, ratingCount: ratingCount)
            let colour = colours.randomElement(using: &random)!
            return SearchDocument(
                card: card, categoryName: "Home", tags: [], attributes: colour.map { ["Colour": $0] } ?? [:], description: "")
        }
        let partition = SearchPartition(slug: "home", documents: documents, facets: ["Colour", "Size"])
        #expect(partition.values == [["Acme", "Birch", "Corvid"], ["Blue", "Green", "Ochre", "Red"], []])
        let shards = try SearchTermShards(sections: [("home", partition.terms())]).files()
            .map { try DecodedShard($0.shard.bytes, valueColumns: 3) }
        let found = shards.compactMap { $0.sections["home"]?.counts["lamp"] }
        let counts = try #require(found.first)
        let lamps = documents.filter { $0.card.name == "Lamp" }
        func tally(_ value: (SearchDocument) -> Int) -> [Int: Int] {
            lamps.reduce(into: [:]) { $0[value($1), default: 0] += 1 }
        }
        let bounds = SearchPartition.priceBounds(in: .usd)
        #expect(counts[0] == tally { document in bounds.count { document.card.priceMinor >= $0 } })
        #expect(counts[1] == tally { $0.card.ratingCount > 0 ? $0.card.ratingTenths / 10 : 0 })
        #expect(counts[2] == tally { SearchPartition.stockCode($0.card.stock) })
        func number(_ value: String?, in list: [String]) -> Int { value.map { list.firstIndex(of: $0)! + 1 } ?? 0 }
        #expect(counts[3] == tally { number($0.card.brand, in: partition.values[0]) })
        #expect(counts[4] == tally { number($0.attributes["Colour"], in: partition.values[1]) })
        #expect(counts[5] == [0: lamps.count], "no product has a size")
        #expect(counts.count == 6 && counts.allSatisfy { $0.values.reduce(0, +) == lamps.count })
    }

    /// A term's best-results file holds, beside its shard, the records of its ten best products over every
    /// category in the order a one-word query ranks them: by field and level, then category, then number.
    @Test func aTermsBestProductsComeWithTheirRecordsInRankOrder() throws {
        // Home: every third product has "lamp" in its name, half of them in stock; Garden: every fourth, all in
        // stock. The others have it in their description.
        func partition(_ slug: String, ids: Range<Int>) -> SearchPartition {
            let documents = ids.map { id in
                let named = slug == "home" ? id % 3 == 0 : id % 4 == 0
                let stock = slug == "garden" || id % 2 == 0 ? StockBadge.inStock : .outOfStock
                return SearchDocument(
                    card: Self.card(id: Int64(id), name: named ? "Lamp \(id)" : "Stool \(id)", stock: stock),
                    categoryName: slug, tags: [], attributes: [:], description: named ? "" : "a lamp's friend")
            }
            return SearchPartition(slug: slug, documents: documents, facets: [])
        }
        let partitions = [partition("home", ids: 1..<40), partition("garden", ids: 40..<60)]
        let files = SearchTermShards(sections: partitions.map { ($0.slug, $0.terms()) }).files()
        #expect(files.count == 1 && files[0].best.path == "search/terms/b-.bin")
        let text = try #require(Gzip.contents(of: files[0].best.bytes))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text)) as? [String: Any])
        #expect(json["versions"] as? [Int] == partitions.map { Int($0.version) })
        let lamp = try #require((json["terms"] as? [String: [[Any]]])?["lamp"])
        // Expected: every product with "lamp", by (field, level best first), category, number.
        let expected = partitions.enumerated().flatMap { index, partition in
            partition.documents.enumerated().compactMap { number, document -> (Int, Int, Int, Int64)? in
                guard let field = document.terms.first(where: { $0.term == "lamp" })?.field else { return nil }
                return (Int(field.rawValue) * SearchDocument.levels + (SearchDocument.levels - 1 - document.level), index, number, document.card.id)
            }
        }.sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }.prefix(CategoryTerms.bestCount)
        #expect(lamp.map { [$0[0] as? Int, $0[1] as? Int] } == expected.map { [$0.1, $0.2] })
        #expect(lamp.map { ($0[2] as? [Any])?.first as? Int } == expected.map { Int($0.3) }, "each with its record")
        #expect(Set(expected.map(\.1)) == [0, 1] && lamp.count == 10, "both categories among the best ten")
    }

    /// The value lists are part of a category's version: a file cached before a brand was renamed is not
    /// read with the new numbers.
    @Test func aCategorysVersionChangesWithItsValueListsAndNotWithItsPrices() {
        func partition(brand: String, price: Int) -> SearchPartition {
            let card = Self.card(id: 1, name: "Lamp", brand: brand, priceMinor: price)
            let document = SearchDocument(card: card, categoryName: "Home", tags: [], attributes: [:], description: "")
            return SearchPartition(slug: "home", documents: [document], facets: [])
        }
        #expect(partition(brand: "Acme", price: 100).version == partition(brand: "Acme", price: 900).version)
        #expect(partition(brand: "Acme", price: 100).version != partition(brand: "Acme Co", price: 100).version)
    }

    @Test func aBuildWritesAManifestNamingTheShardsAndEachCategorysVersion() async throws {
        let shop = try FixtureShop()
        defer { shop.remove() }
        _ = try await shop.build()
        let manifest = try Self.json(shop, "search/manifest.bin")
        let partitions = try #require(manifest["partitions"] as? [[String: Any]])
        #expect(partitions.map { $0["slug"] as? String } == ["kitchen", "garden"])
        #expect(partitions.map { $0["values"] as? [[String]] } == [[["Acme"]], [["Acme"]]], "each category's brands")
        #expect(manifest["priceBounds"] as? [Int] == [1000, 2500, 5000, 10000, 25000, 50000, 100000], "USD: minor units")
        let shardNames = try FileManager.default.contentsOfDirectory(atPath: shop.dist.appendingPathComponent("search/terms").path)
        let starts = try #require(manifest["shards"] as? [String])
        #expect(Set(shardNames) == Set(starts.map { SearchTermShards.shardName($0) } + starts.map { SearchTermShards.shardName($0, kind: "b") }))
        for partition in partitions {
            let slug = partition["slug"] as! String
            let version = String(format: "%08x", partition["version"] as! Int)
            let folder = shop.dist.appendingPathComponent("search/data/\(slug)")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            #expect(names.contains("f-\(version).bin") && names.contains("s-\(version).bin"))
            #expect(!names.contains { $0.hasPrefix("t-") }, "term shards are the shop's, not a category's")
        }
        let records = try #require(try Self.json(shop, "search/data/kitchen/r-0.bin")["records"] as? [[Any]])
        #expect(records.map { $0[1] as? String } == ["blue-mug", "teapot", "bread-knife"], "numbered by id")
        #expect(records[0][2] as? String == "Blue Mug" && records[0][4] as? Int == 1299)
        let shard = try DecodedShard(Array(try Data(contentsOf: shop.dist.appendingPathComponent("search/terms/t-.bin"))))
        #expect(shard.order == ["kitchen", "garden"])
        let kitchen = try #require(shard.sections["kitchen"])
        #expect(kitchen.postings["sturdy"] != nil, "words of the Markdown description are indexed")
        // An attribute value of all three: label matches (groups 4–7) of the well-rated mug, the teapot in
        // stock and the knife out of stock.
        #expect(kitchen.postings["stoneware"]?.keys.sorted() == [4, 5, 7])
        #expect(kitchen.count == 3 && shard.sections["garden"]?.count == 1)
        #expect(shard.sections["garden"]?.postings["watering"] != nil && kitchen.postings["watering"] == nil)
        #expect(shard.sections["garden"]?.postings["sturdy"] == nil, "each category's section holds its own products' terms")
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
        try shop.write("Content/products/teapot.md", (0..<6000).map { "w\($0)x" }.joined(separator: " ") + "\n")
        _ = try await shop.build()
        let shards = try FileManager.default.contentsOfDirectory(atPath: shop.dist.appendingPathComponent("search/terms").path)
        #expect(shards.count > 2)
        try shop.write("Content/products/blue-mug.md", "A sturdy mug for tea & coffee, approved.\n")
        let report = try await shop.build()
        let rewritten = report.writtenPaths.filter { $0.hasPrefix("search/") }
        #expect(rewritten == ["search/terms/b-.bin", "search/terms/t-.bin"], "the shard of words before w, and its best results")
        #expect(report.writtenPaths.contains("products/blue-mug/index.html"))
    }

    // MARK: - Helpers

    static func card(
        id: Int64, name: String, brand: String? = nil, stock: StockBadge = .inStock, priceMinor: Int = 100,
        ratingTenths: Int = 0, ratingCount: Int = 0
    ) -> ProductCard {
        ProductCard(
            id: id, slug: "p\(id)", name: name, brand: brand, featured: false, priceMinor: priceMinor, price: "",
            compareAtPrice: nil, compareAtMinor: nil, image: nil, ratingTenths: ratingTenths, ratingCount: ratingCount,
            stock: stock, createdAt: Date(timeIntervalSince1970: 0))
    }

    static func json(_ shop: FixtureShop, _ path: String) throws -> [String: Any] {
        let bytes = try #require(Gzip.contents(of: Array(try Data(contentsOf: shop.dist.appendingPathComponent(path)))))
        return try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
    }
}

/// A term shard read back: where it starts and ends, its categories in order, and per category its version,
/// product count and each term's groups (number → product numbers) and counts (per filter column, value →
/// products; `valueColumns` is the brand and each configured attribute).
struct DecodedShard {
    struct Section {
        var version: UInt32
        var count: Int
        var postings: [String: [Int: (bitmap: Bool, numbers: [Int])]] = [:]
        var counts: [String: [[Int: Int]]] = [:]
    }

    var start: String
    var end: String
    var order: [String] = []
    var sections: [String: Section] = [:]

    init(_ stored: [UInt8], valueColumns: Int = 1) throws {
        func read<T>(_ value: T?) throws -> T { try #require(value, "the shard ends early or is damaged") }
        var reader = ByteReader(try #require(Gzip.contents(of: stored)))
        #expect(reader.byte() == SearchTermShards.format)
        start = try read(reader.string())
        end = try read(reader.string())
        for _ in 0..<(try read(reader.varint())) {
            let slug = try read(reader.string())
            var section = Section(version: try read(reader.word()), count: try read(reader.varint()))
            let length = try read(reader.varint())
            var body = ByteReader(try read(reader.bytes(length)))
            for entry in try read(CategoryTerms.decode(&body)) {
                var postings = ByteReader(entry.bytes)
                let mask = try read(postings.varint())
                var groups: [Int: (bitmap: Bool, numbers: [Int])] = [:]
                for group in 0..<16 where mask & (1 << group) != 0 {
                    let header = try read(postings.varint())
                    if header & 1 == 1 {
                        let bitmap = try read(postings.bytes((section.count + 7) / 8))
                        groups[group] = (true, (0..<section.count).filter { bitmap[$0 >> 3] & (1 << UInt8($0 & 7)) != 0 })
                    } else {
                        var numbers: [Int] = []
                        for _ in 0..<(header >> 1) { numbers.append((numbers.last ?? -1) + 1 + (try read(postings.varint()))) }
                        groups[group] = (false, numbers)
                    }
                }
                var counts: [[Int: Int]] = []
                for _ in 0..<(3 + valueColumns) {
                    var column: [Int: Int] = [:]
                    var value = -1
                    for _ in 0..<(try read(postings.varint())) {
                        value += try read(postings.varint()) + 1
                        column[value] = try read(postings.varint())
                    }
                    counts.append(column)
                }
                #expect(postings.isAtEnd)
                section.postings[entry.term] = groups
                section.counts[entry.term] = counts
            }
            #expect(body.isAtEnd)
            order.append(slug)
            sections[slug] = section
        }
        #expect(reader.isAtEnd)
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
