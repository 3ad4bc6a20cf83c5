import GRDB

extension AppDatabase {
    /// Every schema change, in order. A database made by an older version opens and migrates forward.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 users", migrate: createUsers)
        migrator.registerMigration("v1 catalog", migrate: createCatalog)
        migrator.registerMigration("v1 reviews", migrate: createReviews)
        migrator.registerMigration("v1 orders", migrate: createOrders)
        migrator.registerMigration("v1 alerts and audit", migrate: createAlertsAndAudit)
        migrator.registerMigration("v1 build manifest", migrate: createBuildManifest)
        migrator.registerMigration("v2 review summary", migrate: createReviewSummary)
        migrator.registerMigration("v2 build outputs as integers", migrate: recreateBuildOutputs)
        migrator.registerMigration("v3 build scopes and catalog change log", migrate: createBuildScopes)
        migrator.registerMigration("v4 carts, holds, payments and idempotency", migrate: createCheckout)
        migrator.registerMigration("v4 test gateway ledger", migrate: createTestGatewayLedger)
        migrator.registerMigration("v5 sales and co-purchases", migrate: createSales)
        migrator.registerMigration("v6 search terms", migrate: createSearchTerms)
        migrator.registerMigration("v7 order line and order indexes", migrate: reindexOrders)
        migrator.registerMigration("v8 cart line index", migrate: reindexCartLines)
        migrator.registerMigration("v9 search postings", migrate: createSearchPostings)
        migrator.registerMigration("v10 search counts", migrate: forgetSearchPostings)
        migrator.registerMigration("v11 sales and catalog change triggers", migrate: recreateChangeTriggers)
        return migrator
    }

    private static func createUsers(_ db: Database) throws {
        try db.create(table: "user") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("email", .text).notNull().unique().collate(.nocase)
                .check { length($0) >= 3 && $0.like("%@%") }
            t.column("name", .text).notNull()
            t.column("passwordHash", .text)
            t.column("role", .text).notNull().defaults(to: "customer")
                .check { ["customer", "vendor", "admin"].contains($0) }
            t.column("address", .jsonText)
            t.column("status", .text).notNull().defaults(to: "active")
                .check { ["active", "suspended", "deleted"].contains($0) }
            t.column("registeredAt", .datetime).notNull()
        }
        try db.create(index: "user_on_role", on: "user", columns: ["role"])
    }

    private static func createCatalog(_ db: Database) throws {
        try db.create(table: "category") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("slug", .text).notNull().unique()
            t.column("name", .text).notNull().check { length($0) > 0 }
            t.belongsTo("parent", inTable: "category", onDelete: .restrict)
            t.column("position", .integer).notNull().defaults(to: 0)
            t.column("updatedAt", .datetime).notNull()
        }
        try db.create(table: "product") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("slug", .text).notNull().unique()
            t.column("sku", .text).unique()
            t.column("name", .text).notNull().check { length($0) > 0 }
            t.column("brand", .text)
            t.belongsTo("category", onDelete: .restrict).notNull()
            t.belongsTo("vendor", inTable: "user", onDelete: .setNull)
            t.column("priceMinor", .integer).notNull().check { $0 >= 0 }
            t.column("compareAtMinor", .integer).check { $0 >= 0 }
            t.column("currency", .text).notNull().check { length($0) == 3 }
            t.column("status", .text).notNull().defaults(to: "active")
                .check { ["active", "draft", "archived"].contains($0) }
            t.column("featured", .boolean).notNull().defaults(to: false)
            t.column("imagePath", .text)
            t.column("tags", .text).notNull().defaults(to: "")
            t.column("attributes", .jsonText).notNull().defaults(to: "{}")
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
        }
        try db.create(index: "product_on_status_createdAt", on: "product", columns: ["status", "createdAt"])
        try db.create(index: "product_on_status_priceMinor", on: "product", columns: ["status", "priceMinor"])
        try db.create(table: "inventory") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("product", onDelete: .cascade).notNull().unique()
            t.column("onHand", .integer).notNull().check { $0 >= 0 }
            t.column("reserved", .integer).notNull().defaults(to: 0)
            t.column("lowStockThreshold", .integer).notNull().defaults(to: 5).check { $0 >= 0 }
            t.column("updatedAt", .datetime).notNull()
            t.check(sql: "reserved >= 0 AND reserved <= onHand")
        }
    }

    private static func createReviews(_ db: Database) throws {
        try db.create(table: "review") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("product", onDelete: .cascade).notNull()
            t.belongsTo("user", onDelete: .setNull)
            t.column("authorName", .text).notNull()
            t.column("rating", .integer).notNull().check { $0 >= 1 && $0 <= 5 }
            t.column("title", .text).notNull().defaults(to: "")
            t.column("body", .text).notNull().defaults(to: "")
            t.column("helpfulCount", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
            t.column("verifiedPurchase", .boolean).notNull().defaults(to: false)
            t.column("status", .text).notNull().defaults(to: "published")
                .check { ["published", "pending", "rejected"].contains($0) }
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
        }
        try db.create(
            index: "review_on_product_helpful", on: "review", columns: ["productId", "status", "helpfulCount"])
        try db.create(index: "review_on_product_created", on: "review", columns: ["productId", "status", "createdAt"])
    }

    private static func createOrders(_ db: Database) throws {
        let statuses = ["pending_payment", "paid", "shipped", "delivered", "cancelled", "refunded"]
        try db.create(table: "order") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("number", .text).notNull().unique()
            t.belongsTo("user", onDelete: .setNull)
            t.column("email", .text).notNull()
            t.column("status", .text).notNull().check { statuses.contains($0) }
            t.column("currency", .text).notNull().check { length($0) == 3 }
            t.column("subtotalMinor", .integer).notNull().check { $0 >= 0 }
            t.column("taxMinor", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
            t.column("shippingMinor", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
            t.column("discountMinor", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
            t.column("totalMinor", .integer).notNull().check { $0 >= 0 }
            t.column("shippingAddress", .jsonText).notNull()
            t.column("shippingMethod", .text).notNull()
            t.column("trackingNumber", .text)
            t.column("placedAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
        }
        try db.create(index: "order_on_user", on: "order", columns: ["userId"])  // dropped again in v7
        try db.create(index: "order_on_status_placedAt", on: "order", columns: ["status", "placedAt"])
        try db.create(table: "orderItem") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("order", onDelete: .cascade).notNull()
            t.belongsTo("product", onDelete: .setNull)
            t.column("productSlug", .text).notNull()
            t.column("productName", .text).notNull()
            t.column("quantity", .integer).notNull().check { $0 > 0 }
            t.column("unitPriceMinor", .integer).notNull().check { $0 >= 0 }
        }
        try db.create(table: "orderEvent") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("order", onDelete: .cascade).notNull()
            t.column("fromStatus", .text).check { statuses.contains($0) }
            t.column("toStatus", .text).notNull().check { statuses.contains($0) }
            t.column("actor", .text).notNull()
            t.column("note", .text)
            t.column("occurredAt", .datetime).notNull()
        }
        try db.create(table: "payment") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("order", onDelete: .restrict).notNull()
            t.column("amountMinor", .integer).notNull().check { $0 >= 0 }
            t.column("currency", .text).notNull().check { length($0) == 3 }
            t.column("status", .text).notNull()
                .check { ["pending", "succeeded", "failed", "refunded", "partially_refunded"].contains($0) }
            t.column("method", .text).notNull()
            t.column("provider", .text).notNull()
            t.column("transactionId", .text)
            t.column("refundedMinor", .integer).notNull().defaults(to: 0).check { $0 >= 0 }
            t.column("createdAt", .datetime).notNull()
            t.column("updatedAt", .datetime).notNull()
            t.uniqueKey(["provider", "transactionId"])
        }
    }

    /// The sales trigger sums a paid order's lines per product: with lines indexed by order alone, SQLite
    /// looked them up through the product instead and read every line ever sold of it (175 µs a paid order at
    /// 14,000 lines, growing with every sale; 26 µs with this index). `belongsTo("user")` already indexes
    /// order.userId as `order_on_userId`, so the second index on it, written for every order, goes.
    private static func reindexOrders(_ db: Database) throws {
        try db.create(index: "orderItem_on_orderId_productId", on: "orderItem", columns: ["orderId", "productId"])
        try db.drop(index: "orderItem_on_orderId")
        try db.drop(index: "order_on_user")
    }

    /// Notes in `catalogChange` that the category `categoryId` (an SQL expression) changed, with the next sequence
    /// number. An upsert, not `INSERT OR REPLACE`: in a trigger fired by a statement that has a conflict clause
    /// of its own (the sales triggers' upserts), SQLite applies that clause to the trigger's statements, and a
    /// replace would fail on the category's existing row.
    static func markCategory(_ categoryId: String) -> String {
        "INSERT INTO catalogChange (categoryId, sequence) VALUES (\(categoryId), \(nextChange)) \(keepLatestChange)"
    }

    /// Notes the category of the product `productId` (an SQL expression), if the product exists.
    static func markCategory(ofProduct productId: String) -> String {
        "INSERT INTO catalogChange (categoryId, sequence) SELECT categoryId, \(nextChange) FROM product WHERE id = \(productId) \(keepLatestChange)"
    }

    private static let nextChange = "(SELECT COALESCE(MAX(sequence), 0) + 1 FROM catalogChange)"
    private static let keepLatestChange = "ON CONFLICT (categoryId) DO UPDATE SET sequence = excluded.sequence;"

    /// The `catalogChange` marks of an update to a product, its stock or its reviews: the category it is in now,
    /// and the one it was in only if that is another (`v3` marked both, the same category twice on every stock
    /// change, at each hold and each sale).
    private static var catalogChangeUpdateTriggers: String {
        var sql = """
            CREATE TRIGGER catalog_change_product_update AFTER UPDATE ON product BEGIN \(markCategory("NEW.categoryId")) END;
            CREATE TRIGGER catalog_change_product_move AFTER UPDATE OF categoryId ON product
            WHEN OLD.categoryId IS NOT NEW.categoryId BEGIN \(markCategory("OLD.categoryId")) END;

            """
        for table in ["inventory", "reviewSummary"] {
            sql += """
                CREATE TRIGGER catalog_change_\(table)_update AFTER UPDATE ON \(table) BEGIN \(markCategory(ofProduct: "NEW.productId")) END;
                CREATE TRIGGER catalog_change_\(table)_move AFTER UPDATE OF productId ON \(table)
                WHEN OLD.productId IS NOT NEW.productId BEGIN \(markCategory(ofProduct: "OLD.productId")) END;

                """
        }
        return sql
    }

    private static func recreateChangeTriggers(_ db: Database) throws {
        for trigger in [
            "sales_order_sold", "sales_order_unsold", "sales_line_added", "catalog_change_coPurchase_insert",
            "catalog_change_coPurchase_update", "catalog_change_product_update", "catalog_change_inventory_update",
            "catalog_change_reviewSummary_update", "catalog_change_product_move", "catalog_change_inventory_move",
            "catalog_change_reviewSummary_move",
        ] {
            // A database made by this version has the new triggers already (`v3` and `v5` create them).
            try db.execute(sql: "DROP TRIGGER IF EXISTS \(trigger)")
        }
        try db.execute(sql: salesTriggers + catalogChangeUpdateTriggers)
    }

    /// A cart's lines are found through the primary key (cartToken, productId); the index on cartToken alone
    /// was its prefix, one more randomly placed page written for every line added or removed.
    private static func reindexCartLines(_ db: Database) throws {
        try db.drop(index: "cartLine_on_cartToken")
    }

    private static func createAlertsAndAudit(_ db: Database) throws {
        try db.create(table: "alert") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("user", onDelete: .cascade)
            t.belongsTo("product", onDelete: .cascade)
            t.belongsTo("order", onDelete: .cascade)
            t.column("type", .text).notNull().check { ["order", "stock", "promo"].contains($0) }
            t.column("message", .text).notNull()
            t.column("status", .text).notNull().defaults(to: "pending")
                .check { ["pending", "sent", "read", "dismissed"].contains($0) }
            t.column("createdAt", .datetime).notNull()
        }
        try db.create(index: "alert_on_status", on: "alert", columns: ["status", "createdAt"])
        try db.create(table: "auditLog") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("actor", .text).notNull()
            t.column("action", .text).notNull()
            t.column("entity", .text).notNull()
            t.column("entityKey", .text).notNull()
            t.column("details", .jsonText)
            t.column("occurredAt", .datetime).notNull()
        }
        try db.create(index: "auditLog_on_entity", on: "auditLog", columns: ["entity", "entityKey"])
    }

    /// Each product's search terms as the last build computed them (``BuildManifest/SearchTerms``): a
    /// cache, so a build reads and tokenises only the products whose text changed.
    private static func createSearchTerms(_ db: Database) throws {
        try db.create(table: "searchTerms") { t in
            t.primaryKey("productId", .integer).references("product", onDelete: .cascade)
            t.column("sourceHash", .integer).notNull()
            t.column("terms", .blob).notNull()
        }
    }

    /// Each category's search terms with their postings (``BuildManifest/SearchPostings``), as the last
    /// build wrote them into the shop's term shards: a build that looks at some categories takes the
    /// others' from here. None are recorded before this migration, so the next build looks at the whole site.
    private static func createSearchPostings(_ db: Database) throws {
        try db.create(table: "searchPostings") { t in
            t.primaryKey("categoryId", .integer).references("category", onDelete: .cascade)
            t.column("version", .integer).notNull()
            t.column("productCount", .integer).notNull()
            t.column("entries", .blob).notNull()
        }
    }

    /// Recorded postings now carry the filters' value lists, each term's counts and its best products'
    /// records: those recorded before are forgotten, so the next build looks at the whole site.
    private static func forgetSearchPostings(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM searchPostings")
    }

    private static func createBuildManifest(_ db: Database) throws {
        // One row per file the builder wrote: the fingerprint of its inputs and a hash of its bytes.
        try db.create(table: "buildOutput") { t in
            t.primaryKey("path", .text)
            t.column("inputFingerprint", .text).notNull()
            t.column("outputHash", .text).notNull()
        }
        // Content files seen by the last build, so unchanged Markdown is not read again.
        try db.create(table: "contentFile") { t in
            t.primaryKey("path", .text)
            t.column("modifiedNanos", .integer).notNull()
            t.column("size", .integer).notNull()
            t.column("contentHash", .text).notNull()
        }
    }

    /// Per product, its published reviews counted by stars and a revision that every change to any of
    /// its reviews increments. Kept by triggers, so a build reads 100,000 rows instead of scanning
    /// millions of reviews, and a page's fingerprint sees any review change.
    private static func createReviewSummary(_ db: Database) throws {
        try db.create(table: "reviewSummary") { t in
            t.primaryKey("productId", .integer).references("product", onDelete: .cascade)
            for stars in 1...5 { t.column("stars\(stars)", .integer).notNull().defaults(to: 0).check { $0 >= 0 } }
            t.column("revision", .integer).notNull().defaults(to: 0)
        }
        func counts(_ row: String, _ sign: String) -> String {
            (1...5).map { "stars\($0) = stars\($0) \(sign) (\(row).status = 'published' AND \(row).rating = \($0))" }
                .joined(separator: ", ")
        }
        try db.execute(
            sql: """
                CREATE TRIGGER review_summary_insert AFTER INSERT ON review BEGIN
                    INSERT OR IGNORE INTO reviewSummary (productId) VALUES (NEW.productId);
                    UPDATE reviewSummary SET revision = revision + 1, \(counts("NEW", "+")) WHERE productId = NEW.productId;
                END;
                CREATE TRIGGER review_summary_delete AFTER DELETE ON review BEGIN
                    UPDATE reviewSummary SET revision = revision + 1, \(counts("OLD", "-")) WHERE productId = OLD.productId;
                END;
                CREATE TRIGGER review_summary_update AFTER UPDATE ON review BEGIN
                    INSERT OR IGNORE INTO reviewSummary (productId) VALUES (NEW.productId);
                    UPDATE reviewSummary SET revision = revision + 1, \(counts("OLD", "-")) WHERE productId = OLD.productId;
                    UPDATE reviewSummary SET \(counts("NEW", "+")) WHERE productId = NEW.productId;
                END;
                INSERT INTO reviewSummary (productId, stars1, stars2, stars3, stars4, stars5, revision)
                    SELECT productId, \((1...5).map { "SUM(status = 'published' AND rating = \($0))" }.joined(separator: ", ")), 1
                    FROM review GROUP BY productId;
                """)
    }

    /// Fingerprints as 64-bit integers: a build at 100,000 products reads a quarter of a million of them.
    /// The old rows are dropped; the next build renders everything once.
    private static func recreateBuildOutputs(_ db: Database) throws {
        try db.drop(table: "buildOutput")
        try db.create(table: "buildOutput") { t in
            t.primaryKey("path", .text)
            t.column("inputFingerprint", .integer).notNull()
            t.column("outputHash", .integer).notNull()
        }
    }

    /// What lets a rebuild look only at what changed:
    /// - `buildOutput.scope`: the category an output belongs to (its listings, its products' pages and review
    ///   pages), 0 for site-wide outputs, -1 for the sitemaps;
    /// - `catalogChange`: the categories whose products, stock or reviews changed since the last build, kept
    ///   by triggers whoever writes (the CLI, the checkout server, another tool); category 0 means the whole
    ///   site (a category itself changed, which every page's navigation shows). One row per category: the
    ///   `sequence` lets a build forget exactly the changes it saw;
    /// - `contentListing`: a digest of each folder's file names, sizes and times (in a large folder, one per
    ///   name prefix), so an unchanged folder of 100,000 Markdown files costs a folder listing, not 100,000
    ///   manifest reads, and one edited file costs the reads of its prefix's files;
    /// - `buildState`: values of the last build, such as the fingerprint of everything all pages share.
    private static func createBuildScopes(_ db: Database) throws {
        try db.alter(table: "buildOutput") { t in t.add(column: "scope", .integer).notNull().defaults(to: 0) }
        try db.create(index: "buildOutput_on_scope", on: "buildOutput", columns: ["scope"])
        try db.create(table: "contentListing") { t in
            t.column("folder", .text).notNull()
            t.column("prefix", .text).notNull()
            t.column("digest", .integer).notNull()
            t.primaryKey(["folder", "prefix"])
        }
        try db.create(table: "buildState") { t in
            t.primaryKey("name", .text)
            t.column("value", .integer).notNull()
        }
        try db.create(table: "catalogChange") { t in
            t.primaryKey("categoryId", .integer)
            t.column("sequence", .integer).notNull()
        }
        var sql = """
            CREATE TRIGGER catalog_change_product_insert AFTER INSERT ON product BEGIN \(markCategory("NEW.categoryId")) END;
            CREATE TRIGGER catalog_change_product_delete AFTER DELETE ON product BEGIN \(markCategory("OLD.categoryId")) END;

            """
        for table in ["inventory", "reviewSummary"] {
            sql += """
                CREATE TRIGGER catalog_change_\(table)_insert AFTER INSERT ON \(table) BEGIN \(markCategory(ofProduct: "NEW.productId")) END;
                CREATE TRIGGER catalog_change_\(table)_delete AFTER DELETE ON \(table) BEGIN \(markCategory(ofProduct: "OLD.productId")) END;

                """
        }
        sql += catalogChangeUpdateTriggers
        for event in ["INSERT", "UPDATE", "DELETE"] {
            sql += """
                CREATE TRIGGER catalog_change_category_\(event.lowercased()) AFTER \(event) ON category
                BEGIN \(markCategory("0")) END;

                """
        }
        // Outputs recorded before scopes existed: the next build looks at the whole site once.
        sql += markCategory("0")
        try db.execute(sql: sql)
        // The site-wide pages' selections (``CatalogSnapshot/SiteSummary``) read indexes, not the catalog.
        try db.create(index: "product_on_status_categoryId", on: "product", columns: ["status", "categoryId"])
        try db.execute(
            sql: """
                CREATE INDEX product_with_image_on_categoryId ON product(categoryId, id)
                    WHERE status = 'active' AND imagePath IS NOT NULL;
                CREATE INDEX reviewSummary_on_rating ON reviewSummary(\(ReviewSummarySQL.averageTenths), \(ReviewSummarySQL.count), productId)
                    WHERE \(ReviewSummarySQL.count) >= \(ReviewSummarySQL.bestRatedMinimumReviews);
                """)
    }
}
