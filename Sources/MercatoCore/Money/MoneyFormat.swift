/// Formats amounts for shoppers (`$1,299.00`, `1.299,00 €`) from integers, fast and without floating point.
///
/// The CLI reads the symbol and separators for the shop's locale once and passes them in; this type does no IO.
public struct MoneyFormat: Hashable, Sendable, Codable {
    public var symbol: String
    public var symbolFirst: Bool
    public var decimalSeparator: String
    public var groupingSeparator: String
    public var spaceBetween: Bool

    public init(
        symbol: String, symbolFirst: Bool = true, decimalSeparator: String = ".", groupingSeparator: String = ",",
        spaceBetween: Bool = false
    ) {
        self.symbol = symbol
        self.symbolFirst = symbolFirst
        self.decimalSeparator = decimalSeparator
        self.groupingSeparator = groupingSeparator
        self.spaceBetween = spaceBetween
    }

    public func format(_ money: Money) -> String {
        let digits = money.currency.minorUnitDigits
        let unit = money.currency.minorUnitsPerUnit
        let magnitude = money.minorUnits.magnitude
        let whole = String(magnitude / UInt(unit))
        var grouped = ""
        for (index, character) in whole.enumerated() {
            if index > 0, (whole.count - index) % 3 == 0 { grouped += groupingSeparator }
            grouped.append(character)
        }
        if digits > 0 {
            let fraction = String(magnitude % UInt(unit))
            grouped += decimalSeparator + String(repeating: "0", count: digits - fraction.count) + fraction
        }
        let sign = money.minorUnits < 0 ? "-" : ""
        let space = spaceBetween ? "\u{00A0}" : ""
        return symbolFirst ? "\(sign)\(symbol)\(space)\(grouped)" : "\(sign)\(grouped)\(space)\(symbol)"
    }
}
