import Foundation
import MercatoDatabase
import Testing

@testable import MercatoSite

/// Page fingerprints are written by hand next to each payload's fields. These tests fail when a field is
/// added to a payload: add it to the payload's `fingerprint(into:)` too, then to the list here.
@Suite struct FingerprintTests {
    static let card = ProductCard(
        id: 1, slug: "mug", name: "Mug", brand: nil, featured: false, priceMinor: 100, price: "$1.00",
        compareAtPrice: nil, compareAtMinor: nil, image: nil, ratingTenths: 0, ratingCount: 0, stock: .inStock, createdAt: Date(timeIntervalSince1970: 0))

    func fields(_ value: Any) -> [String] { Mirror(reflecting: value).children.map { $0.label ?? "?" } }

    @Test func everyPayloadFieldIsInItsFingerprint() {
        let category = CategoryLink(slug: "kitchen", name: "Kitchen")
        let digest = CatalogSnapshot.ReviewDigest(count: 0, revision: 0)
        #expect(
            fields(Self.card) == [
                "id", "slug", "name", "brand", "featured", "priceMinor", "price", "compareAtPrice", "compareAtMinor", "image", "ratingTenths",
                "ratingCount", "stock", "createdAt", "fingerprint",
            ])
        #expect(
            fields(
                ProductPage(
                    card: Self.card, sku: nil, category: category, tags: [], attributes: [], available: 0, histogram: [],
                    reviews: digest, reviewPageCount: 0, alsoBought: [], related: [], contentHash: nil)) == [
                "card", "sku", "category", "tags", "attributes", "available", "histogram", "reviews", "reviewPageCount",
                "alsoBought", "related", "contentHash",
            ])
        #expect(
            fields(ReviewPage(card: Self.card, category: category, page: 1, pageCount: 1, reviews: digest))
                == ["card", "category", "page", "pageCount", "reviews"])
        #expect(
            fields(
                ListingPage(
                    category: category, introHash: nil, sort: .featured, page: 1, pageCount: 1, productCount: 0, products: []))
                == ["category", "introHash", "sort", "page", "pageCount", "productCount", "products"])
        #expect(fields(ImageRef(src: "", srcset: nil, alt: "")) == ["src", "srcset", "alt"])
        #expect(fields(category) == ["slug", "name"])
    }

    @Test func eachFieldChangesTheFingerprint() {
        func value(_ card: ProductCard) -> UInt64 { card.fingerprint }
        let base = Self.card
        let variants = [
            ProductCard(
                id: 2, slug: "mug", name: "Mug", brand: nil, featured: false, priceMinor: 100, price: "$1.00",
                compareAtPrice: nil, compareAtMinor: nil, image: nil, ratingTenths: 0, ratingCount: 0, stock: .inStock, createdAt: base.createdAt),
            ProductCard(
                id: 1, slug: "mug", name: "Mug", brand: "", featured: false, priceMinor: 100, price: "$1.00",
                compareAtPrice: nil, compareAtMinor: nil, image: nil, ratingTenths: 0, ratingCount: 0, stock: .inStock, createdAt: base.createdAt),
            ProductCard(
                id: 1, slug: "mug", name: "Mug", brand: nil, featured: false, priceMinor: 100, price: "$1.00",
                compareAtPrice: nil, compareAtMinor: nil, image: nil, ratingTenths: 0, ratingCount: 1, stock: .inStock, createdAt: base.createdAt),
            ProductCard(
                id: 1, slug: "mug", name: "Mug", brand: nil, featured: false, priceMinor: 100, price: "$1.00",
                compareAtPrice: nil, compareAtMinor: nil, image: nil, ratingTenths: 0, ratingCount: 0, stock: .lowStock, createdAt: base.createdAt),
            ProductCard(
                id: 1, slug: "mug", name: "Mug", brand: nil, featured: false, priceMinor: 100, price: "$1.00",
                compareAtPrice: nil, compareAtMinor: nil, image: ImageRef(src: "/a.png", srcset: nil, alt: "Mug"), ratingTenths: 0, ratingCount: 0,
                stock: .inStock, createdAt: base.createdAt),
        ]
        let all = Set([value(base)] + variants.map(value))
        #expect(all.count == variants.count + 1)
    }

    @Test func relatedProductsAreTheNearestInPriceWithLowerIdsFirst() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let cards = (1...60).map { id in
                ProductCard(
                    id: Int64(id), slug: "p\(id)", name: "P\(id)", brand: nil, featured: false,
                    priceMinor: Int.random(in: 1...12, using: &generator) * 100, price: "", compareAtPrice: nil, compareAtMinor: nil, image: nil,
                    ratingTenths: 0, ratingCount: 0, stock: Int.random(in: 0...5, using: &generator) == 0 ? .outOfStock : .inStock,
                    createdAt: Date(timeIntervalSince1970: 0))
            }
            let related = RelatedProducts(cards)
            for card in cards {
                let expected = cards.filter { $0.id != card.id && $0.stock != .outOfStock }
                    .sorted {
                        (abs($0.priceMinor - card.priceMinor), $0.id) < (abs($1.priceMinor - card.priceMinor), $1.id)
                    }
                    .prefix(4).map(\.id)
                #expect(related.nearest(to: card, limit: 4).map(\.id) == expected)
            }
        }
    }
}
