import Foundation
import MercatoCore

/// One product as the search index holds it: its terms, each with the best field it was found in, and
/// the quality level that orders products within a field.
struct SearchDocument: Sendable {
    /// Where a term was found; a match in the name ranks first.
    enum Field: UInt8, Comparable, CaseIterable {
        case name = 0
        /// Brand, category, tags and attribute values.
        case label = 1
        case description = 2

        static func < (lhs: Field, rhs: Field) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Levels of quality, best last: available (2) and well rated (1) add up.
    static let levels = 4

    let card: ProductCard
    let terms: [String: Field]
    let level: Int
    /// For the filters: the product's attributes by name.
    let attributes: [String: String]

    init(card: ProductCard, categoryName: String, tags: [String], attributes: [String: String], description: String) {
        self.card = card
        self.attributes = attributes
        var terms: [String: Field] = [:]
        func add(_ text: String, _ field: Field) {
            for term in SearchText.terms(text) where terms[term].map({ field < $0 }) ?? true { terms[term] = field }
        }
        add(card.name, .name)
        for label in [card.brand ?? "", categoryName] + tags + attributes.values.sorted() { add(label, .label) }
        add(Self.plainText(markdown: description), .description)
        self.terms = terms
        let wellRated = card.ratingCount >= 3 && card.ratingTenths >= 40
        level = (card.stock == .outOfStock ? 0 : 2) + (wellRated ? 1 : 0)
    }

    /// The words of a Markdown text without link targets, image sources or HTML tags.
    static func plainText(markdown: String) -> String {
        var text = String.UnicodeScalarView()
        var skipping: Unicode.Scalar? = nil
        var previous: Unicode.Scalar = " "
        for scalar in markdown.unicodeScalars {
            if let end = skipping {
                if scalar == end { skipping = nil }
            } else if scalar == "(" && previous == "]" {
                skipping = ")"
            } else if scalar == "<" {
                skipping = ">"
            } else {
                text.append(scalar)
            }
            previous = scalar
        }
        return String(text)
    }
}
