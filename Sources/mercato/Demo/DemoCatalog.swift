import Foundation
import MercatoCore

/// A deterministic generator of a realistic demo shop: 12 categories, any number of products and reviews.
///
/// The same seed, counts, currency and `now` always give byte-identical output. Every product and every product's
/// reviews are generated on demand from `(seed, index)`, so `product(at:)` and `reviews(forProductAt:)` are
/// random-access, independent of call order and safe to call from several threads; nothing but a cumulative
/// table of review weights (8 bytes per product) is kept in memory.
struct DemoCatalog: Sendable {
    struct Category: Sendable, Hashable {
        let slug: Slug
        let name: String
        let descriptionMarkdown: String
        /// 0-based display order; also the `categoryIndex` for ``ProductImagePainter``.
        let position: Int
    }

    struct Product: Sendable, Hashable {
        let draft: ProductDraft
        let createdAt: Date
    }

    struct Review: Sendable, Hashable {
        let authorName: String
        /// 1...5
        let rating: Int
        let title: String
        let body: String
        let helpfulCount: Int
        let verifiedPurchase: Bool
        let createdAt: Date
    }

    static let imageWidths = [320, 640, 960]
    static let imageVariantsPerCategory = 5

    /// The base file name of a product image, without width or extension: `kitchen-3`.
    static func imageName(category: Slug, variant: Int) -> String {
        "\(category.rawValue)-\(variant)"
    }

    let seed: UInt64
    let productCount: Int
    let reviewCount: Int
    let currency: Currency
    let now: Date
    let categories: [Category]

    /// `cumulativeWeights[i]` is the sum of the review weights of products `0..<i`.
    private let cumulativeWeights: [UInt64]
    /// Maps a product index to a distinct name in the space of all names.
    private let namePermutation: IndexPermutation
    /// Multiplies a price in cents into the currency's minor units.
    private let minorUnitMultiplier: Int

    init(seed: UInt64, productCount: Int, reviewCount: Int, currency: Currency, now: Date) {
        precondition(productCount >= 0 && reviewCount >= 0, "counts must not be negative")
        precondition(reviewCount == 0 || productCount > 0, "reviews need at least one product")
        self.seed = seed
        self.productCount = productCount
        self.reviewCount = reviewCount
        self.currency = currency
        self.now = now
        categories = Self.tables.categories
        namePermutation = IndexPermutation(size: UInt64(Self.tables.nameSpace), seed: seed)
        var multiplier = 1
        for _ in 0..<max(0, currency.minorUnitDigits - 2) { multiplier *= 10 }
        minorUnitMultiplier = multiplier

        var cumulative = [UInt64]()
        cumulative.reserveCapacity(productCount + 1)
        cumulative.append(0)
        var total: UInt64 = 0
        for index in 0..<productCount {
            total += Self.reviewWeight(seed: seed, index: index)
            cumulative.append(total)
        }
        if total == 0, productCount > 0 {
            // Every product drew a zero weight (only plausible for tiny catalogs): share the reviews evenly.
            cumulative = (0...productCount).map { UInt64($0) }
        }
        cumulativeWeights = cumulative
    }

    // MARK: Products

    func product(at index: Int) -> Product {
        precondition((0..<productCount).contains(index), "product index \(index) out of range")
        let tables = Self.tables
        let parts = nameParts(at: index)
        let spec = Self.specs[parts.category]
        let words = tables.words[parts.category]
        var random = SplitMix64(seed: seed, stream: 1, index: UInt64(index))

        let brandIndex = spec.nameStyle == .bookTitle ? random.below(spec.brands.count) : parts.brand
        let brand = spec.brands[brandIndex]
        let style = spec.styles[parts.style]
        let finish = spec.finishes[parts.finish]
        let noun = spec.nouns[parts.noun]

        let name: String
        var slugText: String
        let brandSlug = words.brandSlugs[brandIndex]
        let styleSlug = words.styleSlugs[parts.style]
        let finishSlug = words.finishSlugs[parts.finish]
        let nounSlug = words.nounSlugs[parts.noun]
        switch spec.nameStyle {
        case .brandStyleFinishNoun:
            name = "\(brand) \(style) \(finish) \(noun.name)"
            slugText = "\(brandSlug)-\(styleSlug)-\(finishSlug)-\(nounSlug)"
        case .brandStyleNounInFinish:
            name = "\(brand) \(style) \(noun.name) in \(finish)"
            slugText = "\(brandSlug)-\(styleSlug)-\(nounSlug)-in-\(finishSlug)"
        case .bookTitle:
            name = "The \(style) \(finish): \(noun.name)"
            slugText = "the-\(styleSlug)-\(finishSlug)-\(nounSlug)"
        }
        // Names are unique for the first `nameSpace` products; beyond that the index (which never ends a
        // name-derived slug, as no word ends in a bare number) keeps the slug unique.
        if index >= tables.nameSpace { slugText += "-\(index)" }
        guard let slug = try? Slug(slugText) else { preconditionFailure("generated an invalid slug '\(slugText)'") }

        // Price: log-uniform in the noun's range, ending in .99 (mostly) or .00.
        let low = Double(noun.minPrice)
        let high = Double(noun.maxPrice)
        let endsIn99 = random.chance(0.75)
        let whole = Self.roundedPrice(low * pow(high / low, random.unit()))
        let priceCents = endsIn99 ? whole * 100 - 1 : whole * 100
        var compareAtCents: Int?
        if random.chance(0.15) {
            var wholeBefore = Self.roundedPrice(Double(whole) * (1.15 + 0.45 * random.unit()))
            if wholeBefore <= whole { wholeBefore = whole + 1 }
            compareAtCents = endsIn99 ? wholeBefore * 100 - 1 : wholeBefore * 100
        }

        let stockRoll = random.unit()
        let stock: Int
        if stockRoll < 0.08 {
            stock = 0
        } else if stockRoll < 0.18 {
            stock = random.int(in: 1...5)
        } else if stockRoll < 0.97 {
            stock = random.int(in: 6...200)
        } else {
            stock = random.int(in: 201...1200)
        }
        let featured = random.chance(0.05)
        let status: ProductStatus = random.chance(0.02) ? .draft : .active
        let variant = random.below(Self.imageVariantsPerCategory)

        let tagIndices = random.distinctIndices(random.int(in: 2...4), below: spec.tags.count)
        let tags = tagIndices.map { spec.tags[$0] }

        // Attributes: the finish (or publisher), then the noun's own details, then generic ones, 3 to 6 in all.
        var attributes: [String: String] = [:]
        attributes[spec.finishKey ?? "Publisher"] = spec.finishKey == nil ? brand : finish
        let target = random.int(in: 3...6)
        for detail in noun.details where attributes.count < target && attributes[detail.key] == nil {
            attributes[detail.key] = random.pick(detail.values)
        }
        for attributeIndex in random.distinctIndices(spec.attributes.count, below: spec.attributes.count)
        where attributes.count < target {
            let attribute = spec.attributes[attributeIndex]
            if attributes[attribute.key] == nil { attributes[attribute.key] = random.pick(attribute.values) }
        }

        let description = Self.productDescription(
            spec: spec, words: words, parts: parts, name: name, brand: brand, attributes: attributes,
            random: &random)

        let categorySlug = tables.categories[parts.category].slug
        let draft = ProductDraft(
            slug: slug,
            sku: "\(spec.skuPrefix)-\(Self.zeroPadded(index, width: 6))",
            name: name,
            brand: brand,
            categorySlug: categorySlug,
            price: Money(minorUnits: priceCents * minorUnitMultiplier, currency: currency),
            compareAtPrice: compareAtCents.map { Money(minorUnits: $0 * minorUnitMultiplier, currency: currency) },
            stock: stock,
            status: status,
            featured: featured,
            imagePath: "/images/products/\(Self.imageName(category: categorySlug, variant: variant)).png",
            tags: tags,
            attributes: attributes,
            descriptionMarkdown: description
        )
        return Product(draft: draft, createdAt: Date(timeIntervalSinceReferenceDate: createdAtSeconds(index)))
    }

    /// The category position (0..<12) of a product, without generating the product.
    func categoryIndex(forProductAt index: Int) -> Int {
        nameParts(at: index).category
    }

    // MARK: Review counts

    /// How many reviews product `index` has; over all products these add up to exactly `reviewCount`.
    ///
    /// Each product draws a skewed weight (a fifth get none, a few get many); product *i* receives
    /// `⌊R·W(i+1)/W⌋ − ⌊R·W(i)/W⌋` reviews, where `W(i)` is the cumulative weight, so the sum telescopes to `R`.
    func reviewCount(forProductAt index: Int) -> Int {
        precondition((0..<productCount).contains(index), "product index \(index) out of range")
        guard reviewCount > 0 else { return 0 }
        return Int(reviewShare(upTo: index + 1) - reviewShare(upTo: index))
    }

    private func reviewShare(upTo index: Int) -> UInt64 {
        let total = cumulativeWeights[productCount]
        let product = UInt64(reviewCount).multipliedFullWidth(by: cumulativeWeights[index])
        return total.dividingFullWidth(product).quotient
    }

    private static func reviewWeight(seed: UInt64, index: Int) -> UInt64 {
        let hash = SplitMix64.hash(seed, 4, UInt64(index))
        let bucket = (hash >> 40) % 100
        let spread = hash & 0xFFFF_FFFF
        switch bucket {
        case 0..<22: return 0
        case 22..<52: return 1 + spread % 3
        case 52..<85: return 4 + spread % 12
        case 85..<97: return 16 + spread % 45
        default: return 61 + spread % 340
        }
    }

    // MARK: Internals

    struct NameParts {
        let category: Int
        let brand: Int
        let style: Int
        let finish: Int
        let noun: Int
    }

    /// Decodes the product's distinct slot in the space of all names into category and word indices.
    func nameParts(at index: Int) -> NameParts {
        let tables = Self.tables
        var slot = Int(namePermutation.apply(UInt64(index % tables.nameSpace)))
        var category = 0
        while slot >= tables.nameCounts[category] {
            slot -= tables.nameCounts[category]
            category += 1
        }
        let words = tables.words[category]
        var noun = 0
        while slot >= words.nounNameCounts[noun] {
            slot -= words.nounNameCounts[noun]
            noun += 1
        }
        let finishes = words.nounFinishes[noun]
        let finish = finishes[slot % finishes.count]
        slot /= finishes.count
        let styleCount = Self.specs[category].styles.count
        let style = slot % styleCount
        slot /= styleCount
        return NameParts(category: category, brand: slot, style: style, finish: finish, noun: noun)
    }

    /// Seconds since the reference date at which product `index` was created: spread over the two years before
    /// `now` (until one day before it), increasing with the index.
    func createdAtSeconds(_ index: Int) -> Double {
        let day = 86_400.0
        let span = 729 * day
        let jitter = Double(SplitMix64.hash(seed, 5, UInt64(index)) >> 11) * 0x1.0p-53
        let position = (Double(index) + jitter) / Double(max(productCount, 1))
        return (now.timeIntervalSinceReferenceDate - 730 * day + (span * position).rounded(.down)).rounded(.down)
    }

    private static func roundedPrice(_ units: Double) -> Int {
        var whole = max(1, Int(units.rounded()))
        if whole >= 100 { whole = (whole + 2) / 5 * 5 }
        return whole
    }

    static func zeroPadded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        let count = digits.utf8.count
        return count >= width ? digits : String(repeating: "0", count: width - count) + digits
    }
}
