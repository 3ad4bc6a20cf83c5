import Foundation
import GRDB
import Synchronization

/// How a request carrying an `Idempotency-Key` should proceed.
public enum IdempotentStart: Sendable, Equatable {
    /// First time: answer it, then call ``AppDatabase/finishIdempotentRequest(operation:key:status:body:)``.
    case proceed
    /// Seen before with the same body: send this stored answer again.
    case replay(status: Int, body: Data)
    /// The first request with this key is still being answered.
    case inProgress
    /// The key was used before with a different body.
    case keyReused
}

/// A request's `Idempotency-Key`, claimed by the request's first write in that write's own transaction (see
/// ``AppDatabase/placeOrder(_:policy:claim:)``) rather than by a write of its own before it: one write fewer for
/// the one writer. A write that finds the key taken throws ``IdempotencyKeyTaken`` and writes nothing.
public final class IdempotencyClaim: Sendable {
    public let operation: String
    public let key: String
    public let requestHash: String
    private let committed = Atomic(false)

    public init(operation: String, key: String, requestHash: String) {
        self.operation = operation
        self.key = key
        self.requestHash = requestHash
    }

    /// Whether a write claimed the key and was committed: the request's answer is then stored with
    /// ``AppDatabase/finishIdempotentRequest(operation:key:status:body:)``.
    public var isCommitted: Bool { committed.load(ordering: .acquiring) }

    func markCommitted() { committed.store(true, ordering: .releasing) }

    /// What the key's row says, inserting it (in progress) if there is none.
    func start(_ db: Database, now: Date) throws -> IdempotentStart {
        if let row = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT requestHash, responseStatus, responseBody FROM idempotencyKey
                    WHERE operation = ? AND key = ?
                    """), arguments: [operation, key])
        {
            guard row["requestHash"] == requestHash else { return .keyReused }
            guard let status: Int = row["responseStatus"] else { return .inProgress }
            return .replay(status: status, body: row["responseBody"] ?? Data())
        }
        try db.cachedStatement(
            sql: "INSERT INTO idempotencyKey (operation, key, requestHash, createdAt) VALUES (?, ?, ?, ?)"
        ).execute(arguments: [operation, key, requestHash, DatabaseTimestamp(now)])
        return .proceed
    }

    /// Claims the key inside a write, or throws ``IdempotencyKeyTaken`` (rolling the write back) if it is taken.
    func claim(_ db: Database, now: Date) throws {
        let start = try start(db, now: now)
        guard start == .proceed else { throw IdempotencyKeyTaken(start: start) }
    }
}

/// The key of a request was already claimed: its first answer (`replay`), still being answered, or reused with
/// another body. The write that found it wrote nothing.
public struct IdempotencyKeyTaken: Error, Sendable {
    public var start: IdempotentStart
}

extension AppDatabase {
    public func beginIdempotentRequest(operation: String, key: String, requestHash: String) async throws
        -> IdempotentStart
    {
        let claim = IdempotencyClaim(operation: operation, key: key, requestHash: requestHash)
        return try await write { db in try claim.start(db, now: clock.now()) }
    }

    public func finishIdempotentRequest(operation: String, key: String, status: Int, body: Data) async throws {
        try await write { db in
            try db.cachedStatement(
                sql: "UPDATE idempotencyKey SET responseStatus = ?, responseBody = ? WHERE operation = ? AND key = ?"
            ).execute(arguments: [status, body, operation, key])
        }
    }

    /// Forgets a key whose request failed in a way worth retrying (the server's fault, not the request's).
    public func abandonIdempotentRequest(operation: String, key: String) async throws {
        try await write { db in
            try db.cachedStatement(sql: "DELETE FROM idempotencyKey WHERE operation = ? AND key = ?").execute(
                arguments: [operation, key])
        }
    }

    /// Forgets keys whose request was still being answered when an earlier server process stopped (killed, or
    /// the machine went down): nothing will ever finish them, so the client's retry runs again instead of being
    /// told "in progress" until the key expires. Call it as a server starts; returns how many.
    public func abandonUnfinishedIdempotentRequests() throws -> Int {
        try writer.write { db in
            try db.cachedStatement(sql: "DELETE FROM idempotencyKey WHERE responseStatus IS NULL AND createdAt <= ?")
                .execute(arguments: [DatabaseTimestamp(clock.now())])
            return db.changesCount
        }
    }

    /// Deletes keys older than `age` seconds; returns how many.
    public func deleteIdempotencyKeys(olderThan age: TimeInterval) async throws -> Int {
        try await write { db in
            try db.cachedStatement(sql: "DELETE FROM idempotencyKey WHERE createdAt < ?").execute(arguments: [
                clock.now().addingTimeInterval(-age)
            ])
            return db.changesCount
        }
    }

    /// Notes a webhook event as handled; false if it was handled before.
    public func recordWebhookEvent(provider: String, id: String, type: String) async throws -> Bool {
        try await write { db in
            try db.cachedStatement(
                sql: "INSERT OR IGNORE INTO webhookEvent (provider, eventId, type, receivedAt) VALUES (?, ?, ?, ?)"
            ).execute(arguments: [provider, id, type, DatabaseTimestamp(clock.now())])
            return db.changesCount > 0
        }
    }

    public func webhookEventSeen(provider: String, id: String) async throws -> Bool {
        try await read { db in
            try Bool.fetchOne(
                db.cachedStatement(sql: "SELECT 1 FROM webhookEvent WHERE provider = ? AND eventId = ?"),
                arguments: [provider, id])
                ?? false
        }
    }

    /// The key that signs order-tracking links (made once, with the database).
    public func orderTrackingKey() throws -> Data {
        try writer.read { db in
            try Data.fetchOne(db.cachedStatement(sql: "SELECT value FROM secret WHERE name = 'orderTracking'"))
                ?? Data()
        }
    }

    /// Whether the database answers and has every migration: for `/ready`.
    public func isReady() -> Bool {
        (try? writer.read { db in try Self.migrator.hasCompletedMigrations(db) }) ?? false
    }
}
