import Foundation
import GRDB
import MercatoCore

/// Catalog writes, each one transaction that either happens whole or not at all, each recorded in the audit log.
extension AppDatabase {
    @discardableResult
    public func saveCategory(slug: Slug, name: String, position: Int = 0, actor: String) throws -> CategoryRecord {
        try writer.write { db in
            let now = clock.now()
            if var existing = try CategoryRecord.filter(Column("slug") == slug.rawValue).fetchOne(db) {
                guard existing.name != name || existing.position != position else { return existing }
                existing.name = name
                existing.position = position
                existing.updatedAt = now
                try existing.update(db)
                try audit(db, actor: actor, action: "category.update", entity: "category", key: slug.rawValue)
                return existing
            }
            var record = CategoryRecord(slug: slug.rawValue, name: name, position: position, updatedAt: now)
            try record.insert(db)
            try audit(db, actor: actor, action: "category.create", entity: "category", key: slug.rawValue)
            return record
        }
    }

    /// Adds a product and its inventory row; throws every rule the draft breaks.
    @discardableResult
    public func addProduct(_ draft: ProductDraft, actor: String) throws -> ProductRecord {
        try writer.write { db in try insertProduct(db, draft, actor: actor) }
    }

    /// Adds or updates every draft in one transaction: if any draft is refused, nothing is written.
    public func importProducts(_ drafts: [ProductDraft], actor: String) throws -> (added: Int, updated: Int) {
        try writer.write { db in
            var added = 0
            var updated = 0
            for draft in drafts {
                if try ProductRecord.filter(Column("slug") == draft.slug.rawValue).fetchOne(db) != nil {
                    try updateProduct(db, draft: draft, actor: actor)
                    updated += 1
                } else {
                    try insertProduct(db, draft, actor: actor)
                    added += 1
                }
            }
            return (added, updated)
        }
    }

    @discardableResult
    public func updateProduct(slug: Slug, changes: ProductChanges, actor: String) throws -> ProductRecord {
        try writer.write { db in
            var product = try fetchProduct(db, slug: slug)
            if let name = changes.name {
                guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw CatalogError.emptyName }
                product.name = name
            }
            if let brand = changes.brand { product.brand = brand.isEmpty ? nil : brand }
            if let categorySlug = changes.categorySlug { product.categoryId = try categoryId(db, categorySlug) }
            if let price = changes.price {
                guard price.minorUnits >= 0 else { throw CatalogError.negativePrice(price.minorUnits) }
                product.priceMinor = price.minorUnits
                product.currency = price.currency.code
            }
            if let compareAt = changes.compareAtPrice { product.compareAtMinor = compareAt?.minorUnits }
            if let status = changes.status { product.status = status.rawValue }
            if let featured = changes.featured { product.featured = featured }
            if let imagePath = changes.imagePath { product.imagePath = imagePath.isEmpty ? nil : imagePath }
            if let tags = changes.tags { product.tags = tags.joined(separator: ",") }
            if let attributes = changes.attributes { product.attributes = attributes }
            product.updatedAt = clock.now()
            try product.update(db)
            try audit(db, actor: actor, action: "product.update", entity: "product", key: slug.rawValue)
            return product
        }
    }

    /// Deletes a product with its inventory and reviews; past orders keep their copy of its name and price.
    public func removeProduct(slug: Slug, actor: String) throws {
        try writer.write { db in
            let product = try fetchProduct(db, slug: slug)
            try product.delete(db)
            try audit(db, actor: actor, action: "product.remove", entity: "product", key: slug.rawValue)
        }
    }

    /// Sets stock on hand. Refuses a negative figure and one below the units reserved by checkouts in progress.
    /// Raises a low-stock alert when available stock falls to the product's threshold.
    public func setStock(slug: Slug, onHand: Int, actor: String) throws {
        guard onHand >= 0 else { throw CatalogError.negativeStock(onHand) }
        try writer.write { db in
            let product = try fetchProduct(db, slug: slug)
            guard var inventory = try InventoryRecord.filter(Column("productId") == product.id!).fetchOne(db) else {
                var inventory = InventoryRecord(productId: product.id!, onHand: onHand, updatedAt: clock.now())
                try inventory.insert(db)
                return
            }
            guard onHand >= inventory.reserved else {
                throw InventoryError.belowReserved(slug: slug.rawValue, reserved: inventory.reserved)
            }
            let wasLow = inventory.onHand - inventory.reserved <= inventory.lowStockThreshold
            inventory.onHand = onHand
            inventory.updatedAt = clock.now()
            try inventory.update(db)
            try audit(
                db, actor: actor, action: "stock.set", entity: "product", key: slug.rawValue, details: "\(onHand)")
            let available = onHand - inventory.reserved
            if available <= inventory.lowStockThreshold, !wasLow {
                var alert = AlertRecord(
                    productId: product.id, type: "stock",
                    message: "\(product.name) (\(slug)) is low on stock: \(available) left",
                    status: "pending", createdAt: clock.now())
                try alert.insert(db)
            }
        }
    }

    // MARK: - Inside a transaction

    @discardableResult
    private func insertProduct(_ db: Database, _ draft: ProductDraft, actor: String) throws -> ProductRecord {
        if let violation = draft.violations().first { throw violation }
        if try ProductRecord.filter(Column("slug") == draft.slug.rawValue).fetchCount(db) > 0 {
            throw CatalogError.duplicateSlug(draft.slug.rawValue)
        }
        if let sku = draft.sku, try ProductRecord.filter(Column("sku") == sku).fetchCount(db) > 0 {
            throw CatalogError.duplicateSKU(sku)
        }
        let now = clock.now()
        var product = ProductRecord(
            slug: draft.slug.rawValue, sku: draft.sku, name: draft.name, brand: draft.brand,
            categoryId: try categoryId(db, draft.categorySlug), priceMinor: draft.price.minorUnits,
            compareAtMinor: draft.compareAtPrice?.minorUnits, currency: draft.price.currency.code,
            status: draft.status.rawValue, featured: draft.featured, imagePath: draft.imagePath,
            tags: draft.tags.joined(separator: ","), attributes: draft.attributes, createdAt: now, updatedAt: now)
        try product.insert(db)
        var inventory = InventoryRecord(productId: product.id!, onHand: draft.stock, updatedAt: now)
        try inventory.insert(db)
        try audit(db, actor: actor, action: "product.create", entity: "product", key: draft.slug.rawValue)
        return product
    }

    private func updateProduct(_ db: Database, draft: ProductDraft, actor: String) throws {
        if let violation = draft.violations().first { throw violation }
        let original = try fetchProduct(db, slug: draft.slug)
        var product = original
        if let sku = draft.sku,
            try ProductRecord.filter(Column("sku") == sku && Column("id") != original.id!).fetchCount(db) > 0
        {
            throw CatalogError.duplicateSKU(sku)
        }
        product.sku = draft.sku
        product.name = draft.name
        product.brand = draft.brand
        product.categoryId = try categoryId(db, draft.categorySlug)
        product.priceMinor = draft.price.minorUnits
        product.compareAtMinor = draft.compareAtPrice?.minorUnits
        product.currency = draft.price.currency.code
        product.status = draft.status.rawValue
        product.featured = draft.featured
        product.imagePath = draft.imagePath
        product.tags = draft.tags.joined(separator: ",")
        product.attributes = draft.attributes
        if product != original {
            product.updatedAt = clock.now()
            try product.update(db)
        }
        let now = clock.now()
        let onHand = draft.stock
        try db.cachedStatement(
            sql: "UPDATE inventory SET onHand = ?, updatedAt = ? WHERE productId = ? AND onHand <> ?"
        ).execute(arguments: [onHand, DatabaseTimestamp(now), product.id!, onHand])
        try audit(db, actor: actor, action: "product.import", entity: "product", key: draft.slug.rawValue)
    }

    func fetchProduct(_ db: Database, slug: Slug) throws -> ProductRecord {
        guard let product = try ProductRecord.filter(Column("slug") == slug.rawValue).fetchOne(db) else {
            throw CatalogError.unknownProduct(slug.rawValue)
        }
        return product
    }

    private func categoryId(_ db: Database, _ slug: Slug) throws -> Int64 {
        guard
            let id = try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM category WHERE slug = ?"), arguments: [slug.rawValue])
        else { throw CatalogError.unknownCategory(slug.rawValue) }
        return id
    }

    func audit(
        _ db: Database, actor: String, action: String, entity: String, key: String, details: String? = nil
    ) throws {
        try db.cachedStatement(
            sql:
                "INSERT INTO auditLog (actor, action, entity, entityKey, details, occurredAt) VALUES (?, ?, ?, ?, ?, ?)"
        ).execute(arguments: [actor, action, entity, key, details, DatabaseTimestamp(clock.now())])
    }
}

/// Stock edits the inventory rules refuse.
public enum InventoryError: Error, Equatable, CustomStringConvertible {
    case belowReserved(slug: String, reserved: Int)

    public var description: String {
        switch self {
        case .belowReserved(let slug, let reserved):
            "\(slug) has \(reserved) units reserved by checkouts in progress; stock cannot be set below that"
        }
    }
}
