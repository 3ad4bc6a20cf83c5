import Foundation
import GRDB
import MercatoCore

extension DemoShopWriter {
    /// Delivered orders of one to three lines, placed over the year before the demo's date: the first line
    /// favours older products, later lines are mostly close neighbours in the same category, so pairs recur
    /// and product pages have something to say under "also bought". Deterministic for a seed.
    func writeOrders(count: Int, progress: (Int) -> Void) throws {
        guard count > 0, catalog.productCount > 0 else { return }
        var byCategory = [[Int]](repeating: [], count: catalog.categories.count)
        var positions = [Int](repeating: 0, count: catalog.productCount)
        for index in 0..<catalog.productCount {
            let category = catalog.categoryIndex(forProductAt: index)
            positions[index] = byCategory[category].count
            byCategory[category].append(index)
        }
        let now = DemoCommand.referenceDate
        let currency = catalog.currency.code
        let address = #"{"name":"Demo Customer","line1":"1 Market Street","city":"Springfield","postalCode":"12345","country":"US"}"#
        let batch = 5_000
        for start in stride(from: 0, to: count, by: batch) {
            try database.writer.write { db in
                let insertOrder = try db.makeStatement(
                    sql: """
                        INSERT INTO "order" (number, email, status, currency, subtotalMinor, totalMinor, shippingAddress,
                            shippingMethod, placedAt, updatedAt) VALUES (?, ?, 'delivered', ?, ?, ?, ?, 'standard', ?, ?)
                        """)
                let insertLine = try db.makeStatement(
                    sql: """
                        INSERT INTO orderItem (orderId, productId, productSlug, productName, quantity, unitPriceMinor)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """)
                for number in start..<min(start + batch, count) {
                    var random = SplitMix64(seed: catalog.seed, stream: 9, index: UInt64(number))
                    let first = min(catalog.productCount - 1, Int(Double(catalog.productCount) * pow(random.unit(), 2)))
                    var lines = [first]
                    for _ in 0..<(random.chance(0.6) ? (random.chance(0.4) ? 2 : 1) : 0) {
                        let members = byCategory[catalog.categoryIndex(forProductAt: first)]
                        let next: Int
                        if random.chance(0.85) {
                            let around = positions[first] + random.int(in: -8...8)
                            next = members[min(max(0, around), members.count - 1)]
                        } else {
                            next = random.below(catalog.productCount)
                        }
                        if !lines.contains(next) { lines.append(next) }
                    }
                    let products = lines.map { catalog.product(at: $0).draft }
                    let quantities = lines.map { _ in random.chance(0.8) ? 1 : random.int(in: 2...3) }
                    let subtotal = zip(products, quantities).reduce(0) { $0 + $1.0.price.minorUnits * $1.1 }
                    let placed = now.addingTimeInterval(-Double(random.int(in: 1...365 * 24)) * 3600)
                    try insertOrder.execute(arguments: [
                        "M-DEMO-\(DemoCatalog.zeroPadded(number + 1, width: 7))", "customer\(number % 5000)@example.com",
                        currency, subtotal, subtotal, address, placed, placed,
                    ])
                    let orderId = db.lastInsertedRowID
                    for (index, product) in products.enumerated() {
                        // Products are inserted in catalog order, so a product's id is its index plus one.
                        try insertLine.execute(arguments: [
                            orderId, lines[index] + 1, product.slug.rawValue, product.name, quantities[index],
                            product.price.minorUnits,
                        ])
                    }
                }
            }
            progress(min(start + batch, count))
        }
    }
}
