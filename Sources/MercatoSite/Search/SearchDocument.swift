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
        let bytes = markdown.utf8
        guard bytes.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "]") }) else { return markdown }
        var text = ""
        text.reserveCapacity(bytes.count)
        var start = bytes.startIndex
        var index = start
        var previous: UInt8 = 0
        while index < bytes.endIndex {
            let byte = bytes[index]
            let end: UInt8? = byte == UInt8(ascii: "<") ? UInt8(ascii: ">") : byte == UInt8(ascii: "(") && previous == UInt8(ascii: "]") ? UInt8(ascii: ")") : nil
            if let end {
                text += markdown[start..<index]
                let close = bytes[index...].firstIndex(of: end) ?? bytes.endIndex
                index = close < bytes.endIndex ? bytes.index(after: close) : close
                start = index
                previous = end
                continue
            }
            previous = byte
            index = bytes.index(after: index)
        }
        text += markdown[start..<index]
        return text
    }
}
