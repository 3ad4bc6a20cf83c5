import MercatoCore

/// The columns of `mercato import`. Required: slug, name, category, price, stock.
/// Optional: sku, brand, compare_at_price, status, featured, image, tags, attributes, description.
/// `tags` are separated by `;`, `attributes` are `Name=Value` pairs separated by `;`,
/// `description` is Markdown written to `Content/products/<slug>.md`.
struct ProductCSV {
    static let required = ["slug", "name", "category", "price", "stock"]
    static let optional = [
        "sku", "brand", "compare_at_price", "status", "featured", "image", "tags", "attributes", "description",
    ]

    struct RowError: Error, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "line \(line): \(message)" }
    }

    /// Parses every row; returns the drafts or every error found, each with its line.
    static func drafts(from text: String, currency: Currency, knownCategories: Set<String>) throws(ImportErrors)
        -> [ProductDraft]
    {
        let records: [CSVReader.Record]
        do { records = try CSVReader.records(text) } catch {
            throw ImportErrors(errors: [RowError(line: lineOf(error), message: error.description)])
        }
        guard let header = records.first else { throw ImportErrors(errors: [RowError(line: 1, message: "the file is empty")]) }
        let columns = header.fields.map { $0.trimmingWhitespace().lowercased() }
        var errors: [RowError] = []
        for (index, column) in columns.enumerated() where !(required + optional).contains(column) {
            errors.append(
                RowError(
                    line: header.line,
                    message: "unknown column '\(header.fields[index])' (column \(index + 1)); "
                        + "columns are \((required + optional).joined(separator: ", "))"))
        }
        for column in required where !columns.contains(column) {
            errors.append(RowError(line: header.line, message: "missing required column '\(column)'"))
        }
        if Set(columns).count != columns.count {
            errors.append(RowError(line: header.line, message: "a column appears twice"))
        }
        guard errors.isEmpty else { throw ImportErrors(errors: errors) }

        var drafts: [ProductDraft] = []
        var firstLineOfSlug: [String: Int] = [:]
        for record in records.dropFirst() {
            guard record.fields.count == columns.count else {
                errors.append(
                    RowError(line: record.line, message: "has \(record.fields.count) fields, the header has \(columns.count)"))
                continue
            }
            var row: [String: String] = [:]
            for (column, value) in zip(columns, record.fields) { row[column] = value.trimmingWhitespace() }
            do throws(RowError) {
                let draft = try draft(row, line: record.line, currency: currency, knownCategories: knownCategories)
                if let earlier = firstLineOfSlug[draft.slug.rawValue] {
                    throw RowError(line: record.line, message: "slug '\(draft.slug)' is already used on line \(earlier)")
                }
                firstLineOfSlug[draft.slug.rawValue] = record.line
                drafts.append(draft)
            } catch {
                errors.append(error)
            }
        }
        guard errors.isEmpty else { throw ImportErrors(errors: errors) }
        return drafts
    }

    struct ImportErrors: Error {
        var errors: [RowError]
    }

    private static func draft(
        _ row: [String: String], line: Int, currency: Currency, knownCategories: Set<String>
    ) throws(RowError) -> ProductDraft {
        func value(_ column: String) -> String? { row[column].flatMap { $0.isEmpty ? nil : $0 } }
        func check<T>(_ body: () throws -> T) throws(RowError) -> T {
            do { return try body() } catch { throw RowError(line: line, message: "\(error)") }
        }
        guard let name = value("name") else { throw RowError(line: line, message: "name is empty") }
        let slug = try check { try Slug(value("slug") ?? Slug.make(from: name).rawValue) }
        guard let categoryText = value("category") else { throw RowError(line: line, message: "category is empty") }
        guard knownCategories.contains(categoryText) else {
            throw RowError(line: line, message: "there is no category '\(categoryText)'")
        }
        let category = try check { try Slug(categoryText) }
        guard let priceText = value("price") else { throw RowError(line: line, message: "price is empty") }
        let price = try check { try Money.parse(priceText, currency: currency) }
        let compareAt = try check { try value("compare_at_price").map { try Money.parse($0, currency: currency) } }
        guard let stockText = value("stock"), let stock = Int(stockText) else {
            throw RowError(line: line, message: "stock '\(row["stock"] ?? "")' is not a whole number")
        }
        guard stock >= 0 else { throw RowError(line: line, message: "stock \(stock) is negative") }
        let status = try check { try value("status").map { try ProductStatus(parsing: $0) } ?? .active }
        let featuredText = value("featured")?.lowercased() ?? "false"
        guard ["true", "false", "yes", "no", "1", "0"].contains(featuredText) else {
            throw RowError(line: line, message: "featured must be true or false, not '\(featuredText)'")
        }
        var attributes: [String: String] = [:]
        for pair in (value("attributes") ?? "").split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmingWhitespace() }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw RowError(line: line, message: "attribute '\(pair)' must be written Name=Value")
            }
            attributes[parts[0]] = parts[1]
        }
        let draft = ProductDraft(
            slug: slug, sku: value("sku"), name: name, brand: value("brand"), categorySlug: category, price: price,
            compareAtPrice: compareAt, stock: stock, status: status,
            featured: ["true", "yes", "1"].contains(featuredText), imagePath: value("image"),
            tags: (value("tags") ?? "").split(separator: ";").map { String($0).trimmingWhitespace() },
            attributes: attributes, descriptionMarkdown: value("description"))
        if let violation = draft.violations().first { throw RowError(line: line, message: violation.description) }
        return draft
    }

    private static func lineOf(_ error: CSVReader.Error) -> Int {
        switch error {
        case .unterminatedQuote(let line), .textAfterQuote(let line): line
        }
    }
}
