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
    /// Each term once, with the best field it appears in.
    let terms: [(term: String, field: Field)]
    let level: Int
    /// For the filters: the product's attributes by name.
    let attributes: [String: String]

    init(card: ProductCard, categoryName: String, tags: [String], attributes: [String: String], description: String) {
        let labels = Self.labels(brand: card.brand, categoryName: categoryName, tags: tags, attributes: attributes)
        self.init(card: card, terms: Self.terms(name: card.name, labels: labels, description: description), attributes: attributes)
    }

    init(card: ProductCard, terms: [(term: String, field: Field)], attributes: [String: String]) {
        self.card = card
        self.attributes = attributes
        self.terms = terms
        let wellRated = card.ratingCount >= 3 && card.ratingTenths >= 40
        level = (card.stock == .outOfStock ? 0 : 2) + (wellRated ? 1 : 0)
    }

    /// The texts of a product that rank as labels.
    static func labels(brand: String?, categoryName: String, tags: [String], attributes: [String: String]) -> [String] {
        [brand ?? "", categoryName] + tags + attributes.values.sorted()
    }

    /// A product's terms, each once with the best field it appears in, in term order.
    static func terms(name: String, labels: [String], description: String) -> [(term: String, field: Field)] {
        var terms: [String: Field] = [:]
        func add(_ text: String, _ field: Field) {
            for term in SearchText.terms(text) where terms[term].map({ field < $0 }) ?? true { terms[term] = field }
        }
        add(name, .name)
        for label in labels { add(label, .label) }
        add(plainText(markdown: description), .description)
        return terms.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Terms as the build manifest keeps them: per term its field's number, its UTF-8 bytes and a zero.
    static func encode(_ terms: [(term: String, field: Field)]) -> [UInt8] {
        var bytes: [UInt8] = []
        for (term, field) in terms {
            bytes.append(field.rawValue)
            bytes += term.utf8
            bytes.append(0)
        }
        return bytes
    }

    /// The terms ``encode(_:)`` wrote; `nil` for bytes it cannot have written.
    static func decode(_ bytes: [UInt8]) -> [(term: String, field: Field)]? {
        var terms: [(term: String, field: Field)] = []
        var index = 0
        while index < bytes.count {
            guard let field = Field(rawValue: bytes[index]), let end = bytes[(index + 1)...].firstIndex(of: 0), end > index + 1
            else { return nil }
            terms.append((String(decoding: bytes[(index + 1)..<end], as: UTF8.self), field))
            index = end + 1
        }
        return terms
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
