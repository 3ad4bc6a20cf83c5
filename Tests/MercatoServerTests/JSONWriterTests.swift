import Foundation
import GRDB
import MercatoCore
import Testing

@testable import MercatoDatabase
@testable import MercatoServer

/// The answers written by hand are the bytes `JSONEncoder` writes for the same value, whatever the text in them.
@Suite struct JSONWriterTests {
    /// Quotes, backslashes, every control character, `<`, `/`, and text outside ASCII.
    static let awkward = "Mug \"Big\" \\ </script> a/b \u{0}\u{1}\u{8}\u{9}\u{a}\u{c}\u{d}\u{1f}\u{7f} é 日本 🎉 \u{2028}"

    static let dates = [
        Date(timeIntervalSince1970: 1_765_093_572.999), Date(timeIntervalSince1970: 0.5),
        Date(timeIntervalSince1970: -1.5), Date(timeIntervalSince1970: 951_782_400),  // 2000-02-29
        Date(timeIntervalSince1970: -62_135_596_800),  // 0001-01-01
        Date(timeIntervalSince1970: 253_402_300_799),  // 9999-12-31T23:59:59
    ]

    private func expectSameBytes(_ value: some JSONWritable) throws {
        let handWritten = JSONWriter.data(value)
        let encoded = try JSONBody.encoder.encode(value)
        #expect(
            handWritten == encoded,
            "\(String(decoding: handWritten, as: UTF8.self))\nis not\n\(String(decoding: encoded, as: UTF8.self))")
    }

    private func line(_ slug: String, name: String, imagePath: String?, quantity: Int, status: String) -> PricedCartLine
    {
        // The columns of `PricedCartLine.sql`, in its order.
        PricedCartLine(row: [
            "productId": 7, "slug": slug, "name": name, "imagePath": imagePath, "quantity": quantity,
            "unitPriceMinor": 1250, "seenPriceMinor": 1100, "productStatus": status, "onHand": 3, "reserved": 1,
            "lowStockThreshold": 5,
        ])
    }

    @Test func anAvailabilityAnswerIsWrittenAsTheEncoderWritesIt() throws {
        let products = [
            ProductAvailability(
                slug: "mug", name: Self.awkward, priceMinor: 1250, currency: "USD", onHand: 3, reserved: 1,
                lowStockThreshold: 5),
            ProductAvailability(
                slug: "tea\(Self.awkward)", name: "Teapot", priceMinor: 0, currency: "EUR", onHand: 0, reserved: 0,
                lowStockThreshold: 0),
        ].map(AvailabilityJSON.init)
        try expectSameBytes(AvailabilityListJSON(products: products))
        try expectSameBytes(AvailabilityListJSON(products: []))
        // What the route used to send, through the encoder.
        let before = try JSONBody.encoder.encode(["products": products])
        #expect(JSONWriter.data(AvailabilityListJSON(products: products)) == before)
    }

    @Test func aCartIsWrittenAsTheEncoderWritesIt() throws {
        for date in Self.dates {
            for orderNumber in [nil, "M-7Q2K-9XPA"] {
                try expectSameBytes(
                    CartJSON(
                        PricedCart(
                            token: "tok\(Self.awkward)", status: "open", orderNumber: orderNumber, currency: "USD",
                            expiresAt: date,
                            lines: [
                                line("mug", name: Self.awkward, imagePath: nil, quantity: 2, status: "active"),
                                line("a/b", name: "Plate", imagePath: "/images/p.jpg", quantity: 1, status: "archived"),
                            ])))
            }
        }
        try expectSameBytes(
            CartJSON(
                PricedCart(
                    token: "t", status: "ordered", orderNumber: nil, currency: "EUR", expiresAt: Self.dates[0],
                    lines: [])))
    }

    @Test func anOrderIsWrittenAsTheEncoderWritesIt() throws {
        let address = ShippingAddress(
            name: Self.awkward, line1: "1 Main Street", line2: "Flat <2>", city: "Springfield", region: "IL",
            postalCode: "12345", country: "US", phone: "+1 555 0100")
        let addressJSON = String(decoding: try JSONEncoder().encode(address), as: UTF8.self)
        let sparseAddress = String(
            decoding: try JSONEncoder().encode(
                ShippingAddress(
                    name: "Ann", line1: "1 Main Street", city: "Springfield", postalCode: "1", country: "US")),
            as: UTF8.self)
        for (index, date) in Self.dates.enumerated() {
            for shippingAddress in [addressJSON, sparseAddress, "not JSON"] {
                let order = OrderRecord(
                    id: 4, number: "M-7Q2K-9XPA", userId: nil, email: "ann@example.com", status: "pending_payment",
                    currency: "USD", subtotalMinor: 2500, taxMinor: 200, shippingMinor: 500, discountMinor: 100,
                    totalMinor: 3100, shippingAddress: shippingAddress, shippingMethod: "standard",
                    trackingNumber: index.isMultiple(of: 2) ? nil : "1Z\(Self.awkward)", placedAt: date,
                    updatedAt: date,
                    holdExpiresAt: index.isMultiple(of: 3) ? nil : date.addingTimeInterval(900), discountCode: nil)
                let payment = PaymentRecord(
                    id: 1, orderId: 4, amountMinor: 3100, currency: "USD", status: "requires_payment_method",
                    method: "card", provider: "test", transactionId: "pi_1",
                    clientSecret: index.isMultiple(of: 2) ? "pi_1_secret" : nil, declineCode: "card_declined",
                    declineMessage: index.isMultiple(of: 2) ? nil : Self.awkward, refundedMinor: 0, createdAt: date,
                    updatedAt: date)
                let details = OrderDetails(
                    order: order,
                    items: [
                        OrderItemRecord(
                            id: 1, orderId: 4, productId: 7, productSlug: "mug", productName: Self.awkward, quantity: 2,
                            unitPriceMinor: 1250)
                    ],
                    events: [
                        OrderEventRecord(
                            id: 1, orderId: 4, fromStatus: nil, toStatus: "pending_payment", actor: "shopper",
                            note: "order placed; stock held", occurredAt: date),
                        OrderEventRecord(
                            id: 2, orderId: 4, fromStatus: "pending_payment", toStatus: "paid", actor: "shopper",
                            note: nil, occurredAt: date.addingTimeInterval(1)),
                    ],
                    payment: index.isMultiple(of: 3) ? nil : payment)
                try expectSameBytes(OrderJSON(details, trackingToken: "token", publishableKey: "pk_test_1"))
                try expectSameBytes(OrderJSON(details, trackingToken: "token", publishableKey: nil))
            }
        }
    }
}
