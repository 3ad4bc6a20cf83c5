/// An ISO 4217 currency code with the number of digits of its minor unit.
public struct Currency: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Three upper-case letters, e.g. `USD`.
    public let code: String
    /// Digits after the decimal point: 2 for USD and EUR, 0 for JPY.
    public let minorUnitDigits: Int

    /// Currencies whose minor unit is not the usual two digits.
    private static let exceptionalDigits: [String: Int] = [
        "JPY": 0, "KRW": 0, "VND": 0, "CLP": 0, "ISK": 0, "HUF": 2, "BHD": 3, "KWD": 3, "JOD": 3, "OMR": 3, "TND": 3,
    ]

    /// Makes a currency from its code; `nil` unless the code is three ASCII letters.
    public init?(code: String) {
        let upper = code.uppercased()
        guard upper.count == 3, upper.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        self.code = upper
        self.minorUnitDigits = Self.exceptionalDigits[upper] ?? 2
    }

    public static let usd = Currency(code: "USD")!
    public static let eur = Currency(code: "EUR")!

    /// How many minor units make one unit: 100 for USD.
    public var minorUnitsPerUnit: Int {
        var result = 1
        for _ in 0..<minorUnitDigits { result *= 10 }
        return result
    }

    public var description: String { code }

    public init(from decoder: any Decoder) throws {
        let code = try decoder.singleValueContainer().decode(String.self)
        guard let currency = Currency(code: code) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "bad currency \(code)"))
        }
        self = currency
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}
