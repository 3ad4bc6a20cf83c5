import MercatoCore
import Testing

@Suite struct MoneyTests {
    @Test(arguments: [("12.99", 1299), ("12", 1200), ("0.5", 50), ("0", 0), (" 7.05 ", 705), ("1234567.89", 123_456_789)])
    func pricesAreParsedExactly(text: String, minor: Int) throws {
        #expect(try Money.parse(text, currency: .usd).minorUnits == minor)
    }

    @Test func badPricesAreRefusedWithAReason() {
        #expect(throws: MoneyParseError.negative("-1.00")) { try Money.parse("-1.00", currency: .usd) }
        #expect(throws: MoneyParseError.tooManyDecimals("1.999", allowed: 2)) { try Money.parse("1.999", currency: .usd) }
        #expect(throws: MoneyParseError.notANumber("12,99")) { try Money.parse("12,99", currency: .usd) }
        #expect(throws: MoneyParseError.notANumber("1.")) { try Money.parse("1.", currency: .usd) }
        #expect(throws: MoneyParseError.notANumber("")) { try Money.parse("", currency: .usd) }
        #expect(throws: MoneyParseError.tooManyDecimals("5.5", allowed: 0)) { try Money.parse("5.5", currency: Currency(code: "JPY")!) }
    }

    @Test func amountsAreFormattedForTheLocale() {
        let dollars = MoneyFormat(symbol: "$")
        #expect(dollars.format(Money(minorUnits: 123_456_789, currency: .usd)) == "$1,234,567.89")
        #expect(dollars.format(Money(minorUnits: 5, currency: .usd)) == "$0.05")
        let euros = MoneyFormat(symbol: "€", symbolFirst: false, decimalSeparator: ",", groupingSeparator: ".", spaceBetween: true)
        #expect(euros.format(Money(minorUnits: 129_900, currency: .eur)) == "1.299,00\u{00A0}€")
        #expect(Money(minorUnits: 1005, currency: .usd).decimalString == "10.05")
    }

    @Test func slugsAreValidatedAndDerived() throws {
        #expect(try Slug.make(from: "Crème Brûlée Set — 2 pcs").rawValue == "creme-brulee-set-2-pcs")
        #expect(throws: CatalogError.invalidSlug("Blue Mug")) { try Slug("Blue Mug") }
        #expect(!Slug.isValid("-mug") && !Slug.isValid("mug--2") && Slug.isValid("mug-2"))
    }

    @Test func ratingAverageIsRoundedInTenths() {
        let summary = RatingSummary(histogram: [0, 1, 0, 1, 3])
        #expect(summary.count == 5)
        #expect(summary.averageTenths == 42)
        #expect(summary.averageText == "4.2")
        #expect(RatingSummary().averageTenths == 0)
    }

    @Test func stockLevelsFollowTheThreshold() {
        #expect(StockLevel(onHand: 10, reserved: 2, lowStockThreshold: 5) == .inStock(available: 8))
        #expect(StockLevel(onHand: 6, reserved: 2, lowStockThreshold: 5) == .lowStock(available: 4))
        #expect(StockLevel(onHand: 2, reserved: 2, lowStockThreshold: 5) == .outOfStock)
    }

    @Test func orderTransitionsFollowTheStateMachine() {
        #expect(OrderStatus.pendingPayment.canMove(to: .paid))
        #expect(OrderStatus.paid.canMove(to: .shipped))
        #expect(!OrderStatus.shipped.canMove(to: .cancelled))
        #expect(!OrderStatus.delivered.canMove(to: .paid))
        #expect(OrderStatus.cancelled.allowedNext.isEmpty && OrderStatus.refunded.allowedNext.isEmpty)
    }
}
