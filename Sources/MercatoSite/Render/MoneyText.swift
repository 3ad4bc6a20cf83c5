import MercatoCore

enum MoneyText {
    /// `12.99`: the plain decimal form for JSON-LD and feeds.
    static func decimal(_ minor: Int, _ currency: Currency) -> String {
        Money(minorUnits: minor, currency: currency).decimalString
    }
}
