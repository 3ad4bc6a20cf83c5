/// An amount of money in integer minor units (cents) of one currency. Never a floating-point value.
public struct Money: Hashable, Sendable, Codable, Comparable {
    /// The amount in the currency's minor units, e.g. 1299 for 12.99 USD.
    public var minorUnits: Int
    /// The ISO 4217 currency.
    public var currency: Currency

    public init(minorUnits: Int, currency: Currency) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    public static func < (lhs: Money, rhs: Money) -> Bool {
        precondition(lhs.currency == rhs.currency, "comparing amounts in different currencies")
        return lhs.minorUnits < rhs.minorUnits
    }

    /// Parses a decimal amount such as `12.99` or `12` exactly, without passing through a floating-point value.
    ///
    /// Rejects negative amounts, more fraction digits than the currency has, and anything that is not a number.
    public static func parse(_ text: String, currency: Currency) throws(MoneyParseError) -> Money {
        let trimmed = text.trimmingWhitespace()
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard !trimmed.isEmpty, parts.count <= 2 else { throw .notANumber(text) }
        if trimmed.hasPrefix("-") { throw .negative(text) }
        let whole = parts[0]
        let fraction = parts.count == 2 ? parts[1] : ""
        guard !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit),
            parts.count == 1 || !fraction.isEmpty
        else { throw .notANumber(text) }
        guard fraction.count <= currency.minorUnitDigits else {
            throw .tooManyDecimals(text, allowed: currency.minorUnitDigits)
        }
        guard whole.count <= 13, let wholeValue = Int(whole) else { throw .tooLarge(text) }
        let paddedFraction = fraction + String(repeating: "0", count: currency.minorUnitDigits - fraction.count)
        let fractionValue = paddedFraction.isEmpty ? 0 : Int(paddedFraction)!
        return Money(minorUnits: wholeValue * currency.minorUnitsPerUnit + fractionValue, currency: currency)
    }

    /// The amount as a plain decimal string (`12.99`), as used in CSV files, JSON-LD and feeds.
    public var decimalString: String {
        let digits = currency.minorUnitDigits
        guard digits > 0 else { return String(minorUnits) }
        let sign = minorUnits < 0 ? "-" : ""
        let magnitude = minorUnits.magnitude
        let unit = UInt(currency.minorUnitsPerUnit)
        let fraction = String(magnitude % unit)
        return "\(sign)\(magnitude / unit).\(String(repeating: "0", count: digits - fraction.count))\(fraction)"
    }
}

/// Why a price could not be read.
public enum MoneyParseError: Error, Equatable, CustomStringConvertible {
    case notANumber(String)
    case negative(String)
    case tooManyDecimals(String, allowed: Int)
    case tooLarge(String)

    public var description: String {
        switch self {
        case .notANumber(let text): "'\(text)' is not a price; write it like 12.99"
        case .negative(let text): "price '\(text)' is negative; prices must be zero or more"
        case .tooManyDecimals(let text, let allowed): "price '\(text)' has more than \(allowed) decimal places"
        case .tooLarge(let text): "price '\(text)' is too large"
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    /// The text without leading and trailing whitespace.
    public func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
