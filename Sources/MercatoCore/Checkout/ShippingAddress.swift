/// Where an order is sent. Checked before an order is created; stored as JSON on the order.
public struct ShippingAddress: Codable, Hashable, Sendable {
    public var name: String
    public var line1: String
    public var line2: String?
    public var city: String
    public var region: String?
    public var postalCode: String
    /// ISO 3166-1 alpha-2, e.g. `US`.
    public var country: String
    public var phone: String?

    public init(
        name: String, line1: String, line2: String? = nil, city: String, region: String? = nil, postalCode: String,
        country: String, phone: String? = nil
    ) {
        self.name = name
        self.line1 = line1
        self.line2 = line2
        self.city = city
        self.region = region
        self.postalCode = postalCode
        self.country = country
        self.phone = phone
    }

    /// The address trimmed and checked field by field; throws the first field a person must fix.
    public func validated(shipsTo countries: Set<String>) throws(CheckoutError) -> ShippingAddress {
        func text(_ value: String?, _ field: String, required: Bool, max: Int) throws(CheckoutError) -> String? {
            let trimmed = (value ?? "").trimmingWhitespace()
            if trimmed.isEmpty {
                if required { throw .invalidAddress(field: field, reason: "is required") }
                return nil
            }
            guard trimmed.count <= max else {
                throw .invalidAddress(field: field, reason: "is longer than \(max) characters")
            }
            guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw .invalidAddress(field: field, reason: "contains control characters")
            }
            return trimmed
        }
        let country = (try text(self.country, "country", required: true, max: 2) ?? "").uppercased()
        guard country.count == 2, country.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw .invalidAddress(field: "country", reason: "must be a two-letter country code such as US")
        }
        guard countries.contains(country) else {
            throw .invalidAddress(
                field: "country", reason: "we ship to \(countries.sorted().joined(separator: ", ")), not \(country)")
        }
        let postalCode = try text(self.postalCode, "postalCode", required: true, max: 12)!
        guard postalCode.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == " " || $0 == "-") }) else {
            throw .invalidAddress(field: "postalCode", reason: "may hold only letters, digits, spaces and hyphens")
        }
        if let phone = try text(self.phone, "phone", required: false, max: 32),
            !phone.allSatisfy({ $0.isASCII && ($0.isNumber || " +-().".contains($0)) })
        {
            throw .invalidAddress(field: "phone", reason: "may hold only digits, spaces and + - ( ) .")
        }
        return ShippingAddress(
            name: try text(name, "name", required: true, max: 100)!,
            line1: try text(line1, "line1", required: true, max: 200)!,
            line2: try text(line2, "line2", required: false, max: 200),
            city: try text(city, "city", required: true, max: 100)!,
            region: try text(region, "region", required: false, max: 100),
            postalCode: postalCode, country: country,
            phone: try text(phone, "phone", required: false, max: 32))
    }
}

/// Checks an email address the way a receipt needs it: one `@`, a dotted domain, no spaces, a sane length.
public enum EmailAddress {
    public static func validated(_ text: String) throws(CheckoutError) -> String {
        let email = text.trimmingWhitespace()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard email.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64,
            parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
            !email.contains(where: { $0.isWhitespace || $0.isNewline || "<>()[],;:\\\"".contains($0) })
        else { throw .invalidEmail(email) }
        return email
    }
}
