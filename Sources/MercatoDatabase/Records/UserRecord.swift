import Foundation
import GRDB

/// A row of `user`: customers, vendors and admins.
public struct UserRecord: Codable, Hashable, Sendable, FetchableRecord, MutablePersistableRecord, TimestampedRecord {
    public static let databaseTableName = "user"
    public var id: Int64?
    public var email: String
    public var name: String
    public var passwordHash: String?
    public var role: String
    public var address: String?
    public var status: String
    public var registeredAt: Date

    public init(
        id: Int64? = nil, email: String, name: String, passwordHash: String? = nil, role: String = "customer",
        address: String? = nil, status: String = "active", registeredAt: Date
    ) {
        self.id = id
        self.email = email
        self.name = name
        self.passwordHash = passwordHash
        self.role = role
        self.address = address
        self.status = status
        self.registeredAt = registeredAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
