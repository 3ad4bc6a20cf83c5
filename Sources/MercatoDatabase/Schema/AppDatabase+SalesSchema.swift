import GRDB

extension AppDatabase {
    /// The statuses of an order that count as a sale.
    static let soldStatuses = "('paid', 'shipped', 'delivered')"

    /// What the site recommends from: per product, the units sold and the orders it was in (`productSales`),
    /// and per pair of products the orders that held both (`coPurchase`, both ways round). Kept by triggers
    /// when an order becomes a sale or stops being one (refunded, cancelled) and when a line is added to an
    /// order that already counts, so a build reads the figures instead of every order. A change to a
    /// product's pairs notes its category in `catalogChange`: its page's "also bought" may change.
    static func createSales(_ db: Database) throws {
        try db.create(table: "productSales") { t in
            t.primaryKey("productId", .integer).references("product", onDelete: .cascade)
            t.column("units", .integer).notNull().defaults(to: 0)
            t.column("orders", .integer).notNull().defaults(to: 0)
        }
        try db.create(index: "productSales_on_units", on: "productSales", columns: ["units", "productId"])
        try db.create(table: "coPurchase", options: .withoutRowID) { t in
            t.column("productId", .integer).notNull().references("product", onDelete: .cascade)
            t.column("otherId", .integer).notNull().references("product", onDelete: .cascade)
            t.column("orders", .integer).notNull().defaults(to: 0)
            t.primaryKey(["productId", "otherId"])
        }
        try db.create(index: "coPurchase_on_otherId", on: "coPurchase", columns: ["otherId"])
        try db.execute(sql: salesTriggers)
        // Orders placed before these tables existed.
        try db.execute(
            sql: """
                INSERT INTO productSales (productId, units, orders)
                    SELECT item.productId, SUM(item.quantity), COUNT(DISTINCT item.orderId) FROM orderItem item
                    JOIN "order" ON "order".id = item.orderId
                    WHERE "order".status IN \(soldStatuses) AND item.productId IS NOT NULL GROUP BY item.productId;
                INSERT INTO coPurchase (productId, otherId, orders)
                    SELECT item.productId, other.productId, COUNT(DISTINCT item.orderId) FROM orderItem item
                    JOIN orderItem other ON other.orderId = item.orderId AND other.productId <> item.productId
                    JOIN "order" ON "order".id = item.orderId
                    WHERE "order".status IN \(soldStatuses) GROUP BY item.productId, other.productId;
                """)
    }

    /// The triggers that keep `productSales` and `coPurchase`. A sale adds its lines' figures with one upsert per
    /// table, which also creates a product's or a pair's first row (`v5` inserted the missing rows, then updated
    /// every row whose product was in a list read from the order's lines).
    static var salesTriggers: String {
        let sold = soldStatuses
        /// Adds `sign` times the order's units and one order per product, and one order per pair of products.
        func count(_ sign: String, order: String) -> String {
            """
            INSERT INTO productSales (productId, units, orders)
                SELECT productId, \(sign) * SUM(quantity), \(sign) FROM orderItem
                WHERE orderId = \(order) AND productId IS NOT NULL GROUP BY productId
                ON CONFLICT (productId) DO UPDATE SET units = units + excluded.units, orders = orders + excluded.orders;
            INSERT INTO coPurchase (productId, otherId, orders)
                SELECT DISTINCT item.productId, other.productId, \(sign) FROM orderItem item
                JOIN orderItem other ON other.orderId = item.orderId
                WHERE item.orderId = \(order) AND item.productId <> other.productId
                ON CONFLICT (productId, otherId) DO UPDATE SET orders = orders + excluded.orders;
            """
        }
        return """
            CREATE TRIGGER sales_order_sold AFTER UPDATE OF status ON "order"
            WHEN NEW.status IN \(sold) AND OLD.status NOT IN \(sold) BEGIN
                \(count("1", order: "NEW.id"))
            END;
            CREATE TRIGGER sales_order_unsold AFTER UPDATE OF status ON "order"
            WHEN OLD.status IN \(sold) AND NEW.status NOT IN \(sold) BEGIN
                \(count("-1", order: "NEW.id"))
            END;
            CREATE TRIGGER sales_line_added AFTER INSERT ON orderItem
            WHEN (SELECT status FROM "order" WHERE id = NEW.orderId) IN \(sold) BEGIN
                INSERT OR IGNORE INTO productSales (productId) SELECT NEW.productId WHERE NEW.productId IS NOT NULL;
                UPDATE productSales SET units = units + NEW.quantity, orders = orders + 1 WHERE productId = NEW.productId;
                INSERT OR IGNORE INTO coPurchase (productId, otherId)
                    SELECT NEW.productId, productId FROM orderItem WHERE orderId = NEW.orderId AND productId <> NEW.productId
                    UNION SELECT productId, NEW.productId FROM orderItem WHERE orderId = NEW.orderId AND productId <> NEW.productId;
                UPDATE coPurchase SET orders = orders + 1 WHERE productId = NEW.productId
                    AND otherId IN (SELECT productId FROM orderItem WHERE orderId = NEW.orderId AND productId <> NEW.productId);
                UPDATE coPurchase SET orders = orders + 1 WHERE otherId = NEW.productId
                    AND productId IN (SELECT productId FROM orderItem WHERE orderId = NEW.orderId AND productId <> NEW.productId);
            END;
            CREATE TRIGGER catalog_change_coPurchase_insert AFTER INSERT ON coPurchase BEGIN \(markCategory(ofProduct: "NEW.productId")) END;
            CREATE TRIGGER catalog_change_coPurchase_update AFTER UPDATE ON coPurchase BEGIN \(markCategory(ofProduct: "NEW.productId")) END;
            """
    }
}
