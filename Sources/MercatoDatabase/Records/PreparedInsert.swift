import GRDB

/// A row checkout inserts many times a second, inserted through a statement prepared once per connection:
/// GRDB's `insert` builds the statement from the record's columns on every call, which took half of each
/// insert's time in the database writer under load. The record's columns, in one list, also give its
/// `encode(to:)`, so the two cannot disagree.
public protocol PreparedInsert: EncodableRecord, TableRecord {
    /// The columns `insertValues` fills, in its order.
    static var insertColumns: [String] { get }
    /// `INSERT INTO table (insertColumns) VALUES (?, …)`: declare it as `insertStatement()`, stored once.
    static var insertSQL: String { get }
    var insertValues: [(any DatabaseValueConvertible)?] { get }
}

extension PreparedInsert {
    public static func insertStatement() -> String {
        let columns = insertColumns.map { "\"\($0)\"" }.joined(separator: ", ")
        let marks = Array(repeating: "?", count: insertColumns.count).joined(separator: ", ")
        return "INSERT INTO \"\(databaseTableName)\" (\(columns)) VALUES (\(marks))"
    }

    public func encode(to container: inout PersistenceContainer) throws {
        for (column, value) in zip(Self.insertColumns, insertValues) { container[column] = value }
    }
}

extension Database {
    /// Inserts `record` through its prepared statement; returns the new row's rowid.
    @discardableResult
    public func insert(_ record: some PreparedInsert) throws -> Int64 {
        try cachedStatement(sql: type(of: record).insertSQL).execute(arguments: StatementArguments(record.insertValues))
        return lastInsertedRowID
    }
}
