import Foundation
import MercatoDatabase

/// "Similar products": the in-stock products of the same category that share the most with a product, its
/// words of the name, brand, tags and attribute values each weighted by how rare it is in the category;
/// ties go to the nearest price, then the lower id. When too few share anything, the nearest in price fill
/// the list. Candidates come from the product's rarest features only, so the work per product is bounded.
struct SimilarProducts {
    private static let candidateFeatures = 2
    private static let candidatesPerFeature = 64

    private let cards: [ProductCard]
    /// Per member (same order as `cards`): its feature numbers, ascending.
    private let features: [[Int]]
    /// Per feature: the members that have it (ascending) and its weight.
    private let members: [[Int]]
    private let weights: [Double]
    private let nearest: RelatedProducts
    private let index: [Int64: Int]

    init(_ members: [(row: CatalogSnapshot.ProductRow, card: ProductCard)]) {
        var numbers: [String: Int] = [:]
        var features: [[Int]] = []
        var postings: [[Int]] = []
        for (position, member) in members.enumerated() {
            let product = member.row.product
            var names = Set(SearchText.terms(product.name).map { "n:" + $0 })
            if let brand = product.brand { names.insert("b:" + brand) }
            for tag in product.tagList { names.insert("t:" + tag) }
            for (key, value) in product.attributes { names.insert("a:\(key)=\(value)") }
            var own: [Int] = []
            for name in names.sorted() {
                let number = numbers[name] ?? {
                    numbers[name] = postings.count
                    postings.append([])
                    return postings.count - 1
                }()
                postings[number].append(position)
                own.append(number)
            }
            features.append(own.sorted())
        }
        let count = Double(max(1, members.count))
        cards = members.map(\.card)
        self.features = features
        self.members = postings
        weights = postings.map { log(count / Double($0.count)) }
        nearest = RelatedProducts(cards)
        index = Dictionary(uniqueKeysWithValues: cards.enumerated().map { ($1.id, $0) })
    }

    func similar(to card: ProductCard, limit: Int) -> [ProductCard] {
        guard limit > 0, let position = index[card.id] else { return [] }
        let own = features[position]
        var candidates = Set<Int>()
        for feature in own.sorted(by: { (members[$0].count, $0) < (members[$1].count, $1) }).prefix(Self.candidateFeatures) {
            for other in members[feature].prefix(Self.candidatesPerFeature) where other != position {
                candidates.insert(other)
            }
        }
        let scored = candidates.compactMap { other -> (score: Double, distance: Int, id: Int64, card: ProductCard)? in
            let candidate = cards[other]
            guard candidate.stock != .outOfStock else { return nil }
            let score = shared(own, features[other])
            return score > 0 ? (score, abs(candidate.priceMinor - card.priceMinor), candidate.id, candidate) : nil
        }
        var chosen = scored.sorted { ($1.score, $0.distance, $0.id) < ($0.score, $1.distance, $1.id) }.prefix(limit).map(\.card)
        if chosen.count < limit {
            let taken = Set(chosen.map(\.id))
            chosen += nearest.nearest(to: card, limit: limit + taken.count).filter { !taken.contains($0.id) }.prefix(limit - chosen.count)
        }
        return chosen
    }

    /// The summed weight of the features two sorted lists share.
    private func shared(_ a: [Int], _ b: [Int]) -> Double {
        var i = 0
        var j = 0
        var total = 0.0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                total += weights[a[i]]
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return total
    }
}
