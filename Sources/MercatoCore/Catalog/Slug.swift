import Foundation

/// A URL path segment that names a product, category or page: lower-case ASCII letters, digits and single hyphens.
public struct Slug: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// Accepts only a well-formed slug; use ``Slug/make(from:)`` to derive one from a name.
    public init(_ text: String) throws(CatalogError) {
        guard Self.isValid(text) else { throw .invalidSlug(text) }
        rawValue = text
    }

    /// The site path of the product with this slug, e.g. `/products/blue-mug/`; the builder writes the page
    /// there and the checkout API links to it.
    public static func productPath(_ slug: String) -> String { "/products/\(slug)/" }

    public static func isValid(_ text: String) -> Bool {
        let bytes = text.utf8
        guard (1...120).contains(bytes.count), bytes.first != 0x2D, bytes.last != 0x2D else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            guard (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D else { return false }
            if byte == 0x2D, previous == 0x2D { return false }
            previous = byte
        }
        return true
    }

    /// Derives a slug from a display name: `Crème Brûlée Set` becomes `creme-brulee-set`.
    public static func make(from name: String) throws(CatalogError) -> Slug {
        var result = ""
        for scalar in name.folded().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar)) {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty, result.last != "-" {
                result += "-"
            }
        }
        return try Slug(String(result.prefix(120)).trimmingTrailingHyphens())
    }

    public var description: String { rawValue }
    public static func < (lhs: Slug, rhs: Slug) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(text) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension String {
    /// Lower-cased with accents removed (`É` → `e`), for slugs and search.
    public func folded() -> String {
        var result = ""
        for scalar in self.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
        where !scalar.properties.isDiacritic {
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    fileprivate func trimmingTrailingHyphens() -> String {
        var text = self
        while text.last == "-" { text.removeLast() }
        return text
    }
}
