import GRDB

/// What the last successful build wrote, so the next one renders and writes only what changed: its
/// outputs (`loadOutputManifest`) and the source files it read (`loadContentFileManifest`).
public enum BuildManifest {
    public struct Output: Sendable, Hashable {
        public var inputFingerprint: UInt64
        public var outputHash: UInt64
        public init(inputFingerprint: UInt64, outputHash: UInt64) {
            self.inputFingerprint = inputFingerprint
            self.outputHash = outputHash
        }
    }

    public struct ContentFile: Sendable, Hashable {
        public var modifiedNanos: Int64
        public var size: Int64
        public var contentHash: String
        public init(modifiedNanos: Int64, size: Int64, contentHash: String) {
            self.modifiedNanos = modifiedNanos
            self.size = size
            self.contentHash = contentHash
        }
    }
}

extension AppDatabase {
    /// Path → fingerprints of every output of the last build.
    public func loadOutputManifest() throws -> [String: BuildManifest.Output] {
        try reader.read { db in
            var outputs: [String: BuildManifest.Output] = [:]
            outputs.reserveCapacity(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM buildOutput") ?? 0)
            let rows = try Row.fetchCursor(db, sql: "SELECT path, inputFingerprint, outputHash FROM buildOutput")
            while let row = try rows.next() {
                let input: Int64 = row[1]
                let output: Int64 = row[2]
                outputs[row[0]] = .init(inputFingerprint: UInt64(bitPattern: input), outputHash: UInt64(bitPattern: output))
            }
            return outputs
        }
    }

    /// Shop-relative path → size, time and hash of every source file the last build read.
    public func loadContentFileManifest() throws -> [String: BuildManifest.ContentFile] {
        try reader.read { db in
            var files: [String: BuildManifest.ContentFile] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT path, modifiedNanos, size, contentHash FROM contentFile")
            while let row = try rows.next() {
                files[row[0]] = .init(modifiedNanos: row[1], size: row[2], contentHash: row[3])
            }
            return files
        }
    }

    /// Records a successful build: upserts changed entries and deletes removed ones, in one transaction.
    /// `replacingAll` first forgets every recorded output (a build that rendered everything).
    public func saveBuildManifest(
        changedOutputs: [String: BuildManifest.Output], removedOutputs: [String],
        contentFiles: [String: BuildManifest.ContentFile], removedContentFiles: [String], replacingAll: Bool = false
    ) throws {
        try writer.write { db in
            if replacingAll { try db.execute(sql: "DELETE FROM buildOutput") }
            let upsertOutput = try db.makeStatement(
                sql: "INSERT OR REPLACE INTO buildOutput (path, inputFingerprint, outputHash) VALUES (?, ?, ?)")
            for (path, output) in changedOutputs {
                try upsertOutput.execute(arguments: [
                    path, Int64(bitPattern: output.inputFingerprint), Int64(bitPattern: output.outputHash),
                ])
            }
            let deleteOutput = try db.makeStatement(sql: "DELETE FROM buildOutput WHERE path = ?")
            for path in removedOutputs { try deleteOutput.execute(arguments: [path]) }
            let upsertFile = try db.makeStatement(
                sql: "INSERT OR REPLACE INTO contentFile (path, modifiedNanos, size, contentHash) VALUES (?, ?, ?, ?)")
            for (path, file) in contentFiles {
                try upsertFile.execute(arguments: [path, file.modifiedNanos, file.size, file.contentHash])
            }
            let deleteFile = try db.makeStatement(sql: "DELETE FROM contentFile WHERE path = ?")
            for path in removedContentFiles { try deleteFile.execute(arguments: [path]) }
        }
    }
}
