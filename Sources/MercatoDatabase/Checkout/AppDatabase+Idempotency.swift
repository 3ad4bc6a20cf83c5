import Foundation
import GRDB

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

extension AppDatabase {
    public func beginIdempotentRequest(operation: String, key: String, requestHash: String) throws -> IdempotentStart {
        try writer.write { db in
            if let row = try Row.fetchOne(
                db, sql: "SELECT requestHash, responseStatus, responseBody FROM idempotencyKey WHERE operation = ? AND key = ?",
                arguments: [operation, key])
            {
                guard row["requestHash"] == requestHash else { return .keyReused }
                guard let status: Int = row["responseStatus"] else { return .inProgress }
                return .replay(status: status, body: row["responseBody"] ?? Data())
            }
            try db.execute(
                sql: "INSERT INTO idempotencyKey (operation, key, requestHash, createdAt) VALUES (?, ?, ?, ?)",
                arguments: [operation, key, requestHash, clock.now()])
            return .proceed
        }
    }

    public func finishIdempotentRequest(operation: String, key: String, status: Int, body: Data) throws {
        try writer.write { db in
            try db.execute(
                sql: "UPDATE idempotencyKey SET responseStatus = ?, responseBody = ? WHERE operation = ? AND key = ?",
                arguments: [status, body, operation, key])
        }
    }

    /// Forgets a key whose request failed in a way worth retrying (the server's fault, not the request's).
    public func abandonIdempotentRequest(operation: String, key: String) throws {
        try writer.write { db in
            try db.execute(sql: "DELETE FROM idempotencyKey WHERE operation = ? AND key = ?", arguments: [operation, key])
        }
    }

    /// Forgets keys whose request was still being answered when an earlier server process stopped (killed, or
    /// the machine went down): nothing will ever finish them, so the client's retry runs again instead of being
    /// told "in progress" until the key expires. Call it as a server starts; returns how many.
    public func abandonUnfinishedIdempotentRequests() throws -> Int {
        try writer.write { db in
            try db.execute(
                sql: "DELETE FROM idempotencyKey WHERE responseStatus IS NULL AND createdAt <= ?", arguments: [clock.now()])
            return db.changesCount
        }
    }

    /// Deletes keys older than `age` seconds; returns how many.
    public func deleteIdempotencyKeys(olderThan age: TimeInterval) throws -> Int {
        try writer.write { db in
            try db.execute(
                sql: "DELETE FROM idempotencyKey WHERE createdAt < ?", arguments: [clock.now().addingTimeInterval(-age)])
            return db.changesCount
        }
    }

    /// Notes a webhook event as handled; false if it was handled before.
    public func recordWebhookEvent(provider: String, id: String, type: String) throws -> Bool {
        try writer.write { db in
            try db.execute(
                sql: "INSERT OR IGNORE INTO webhookEvent (provider, eventId, type, receivedAt) VALUES (?, ?, ?, ?)",
                arguments: [provider, id, type, clock.now()])
            return db.changesCount > 0
        }
    }

    public func webhookEventSeen(provider: String, id: String) throws -> Bool {
        try writer.read { db in
            try Bool.fetchOne(
                db, sql: "SELECT 1 FROM webhookEvent WHERE provider = ? AND eventId = ?", arguments: [provider, id])
                ?? false
        }
    }

    /// The key that signs order-tracking links (made once, with the database).
    public func orderTrackingKey() throws -> Data {
        try writer.read { db in
            try Data.fetchOne(db, sql: "SELECT value FROM secret WHERE name = 'orderTracking'") ?? Data()
        }
    }

    /// Whether the database answers and has every migration: for `/ready`.
    public func isReady() -> Bool {
        (try? writer.read { db in try Self.migrator.hasCompletedMigrations(db) }) ?? false
    }
}
