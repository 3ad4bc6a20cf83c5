import GRDB

/// What the last successful build wrote, so the next one renders and writes only what changed.
public struct BuildManifest: Sendable {
    public struct Output: Sendable, Hashable {
        public var inputFingerprint: String
        public var outputHash: String
        public init(inputFingerprint: String, outputHash: String) {
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

    public var outputs: [String: Output]
    public var contentFiles: [String: ContentFile]

    public init(outputs: [String: Output] = [:], contentFiles: [String: ContentFile] = [:]) {
        self.outputs = outputs
        self.contentFiles = contentFiles
    }
}

extension AppDatabase {
    public func loadBuildManifest() throws -> BuildManifest {
        try reader.read { db in
            var manifest = BuildManifest()
            let outputs = try Row.fetchCursor(db, sql: "SELECT path, inputFingerprint, outputHash FROM buildOutput")
            while let row = try outputs.next() {
                manifest.outputs[row[0]] = .init(inputFingerprint: row[1], outputHash: row[2])
            }
            let files = try Row.fetchCursor(db, sql: "SELECT path, modifiedNanos, size, contentHash FROM contentFile")
            while let row = try files.next() {
                manifest.contentFiles[row[0]] = .init(modifiedNanos: row[1], size: row[2], contentHash: row[3])
            }
            return manifest
        }
    }

    /// Records a successful build: upserts changed entries and deletes removed ones, in one transaction.
    public func saveBuildManifest(
        changedOutputs: [String: BuildManifest.Output], removedOutputs: [String],
        contentFiles: [String: BuildManifest.ContentFile], removedContentFiles: [String]
    ) throws {
        try writer.write { db in
            let upsertOutput = try db.makeStatement(
                sql: "INSERT OR REPLACE INTO buildOutput (path, inputFingerprint, outputHash) VALUES (?, ?, ?)")
            for (path, output) in changedOutputs {
                try upsertOutput.execute(arguments: [path, output.inputFingerprint, output.outputHash])
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
