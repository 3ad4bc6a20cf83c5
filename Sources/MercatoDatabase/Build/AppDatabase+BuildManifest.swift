import Foundation
import GRDB

/// What the last successful build wrote, so the next one renders and writes only what changed: its
/// outputs with the scope each belongs to, the source files it read, a digest of each content folder,
/// and the fingerprint of what every page shares.
public enum BuildManifest {
    public struct Output: Sendable, Hashable {
        public var inputFingerprint: UInt64
        public var outputHash: UInt64
        /// The category whose listings and product pages the output is one of; 0 for site-wide outputs,
        /// -1 for the sitemaps.
        public var scope: Int64
        public init(inputFingerprint: UInt64, outputHash: UInt64, scope: Int64) {
            self.inputFingerprint = inputFingerprint
            self.outputHash = outputHash
            self.scope = scope
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

    /// The last build's fingerprint of what every page shares (`nil` before the first build) and the
    /// digest of every folder listing it saw.
    public struct State: Sendable {
        public var siteFingerprint: UInt64?
        public var listings: [Listing: UInt64]
    }

    /// A folder's listing, or in a large folder the part of it whose names start with `prefix`.
    public struct Listing: Sendable, Hashable {
        public var folder: String
        /// `""` for the whole folder.
        public var prefix: String
        public init(folder: String, prefix: String = "") {
            self.folder = folder
            self.prefix = prefix
        }
    }

    /// A product's search terms as the last build computed them, and the hash of the text they came from
    /// (name, brand, category, tags, attributes, Markdown), so an unchanged product is not tokenised again.
    public struct SearchTerms: Sendable, Hashable {
        public var sourceHash: UInt64
        public var terms: [UInt8]
        public init(sourceHash: UInt64, terms: [UInt8]) {
            self.sourceHash = sourceHash
            self.terms = terms
        }
    }

    /// A category's search terms with their postings as the last build wrote them into the term shards:
    /// the category's numbering version, its product count and the encoded entries.
    public struct SearchPostings: Sendable, Hashable {
        public var version: UInt32
        public var productCount: Int
        public var entries: [UInt8]
        public init(version: UInt32, productCount: Int, entries: [UInt8]) {
            self.version = version
            self.productCount = productCount
            self.entries = entries
        }
    }

    /// Everything a successful build records, saved in one transaction.
    public struct Update: Sendable {
        public var changedOutputs: [String: Output] = [:]
        public var removedOutputs: [String] = []
        public var contentFiles: [String: ContentFile] = [:]
        public var removedContentFiles: [String] = []
        public var listings: [Listing: UInt64] = [:]
        /// Search terms computed by this build, by product id.
        public var searchTerms: [Int64: SearchTerms] = [:]
        /// The search postings of the categories the build looked at, by category id.
        public var searchPostings: [Int64: SearchPostings] = [:]
        public var siteFingerprint: UInt64 = 0
        /// The catalog changes the build saw (``CatalogSnapshot/changeSequence``): they are forgotten.
        public var catalogChangesSeen: Int64 = 0
        /// Forget every recorded output first (a build that looked at the whole site with no output folder).
        public var replacingAll = false
        public init() {}
    }
}

extension AppDatabase {
    /// The search terms recorded for the products of the given categories (`nil`: every product).
    public func loadSearchTerms(categoryIds: Set<Int64>?) throws -> [Int64: BuildManifest.SearchTerms] {
        try reader.read { db in
            let filter = categoryIds.map {
                "WHERE productId IN (SELECT id FROM product WHERE categoryId IN (\($0.map(String.init).joined(separator: ","))))"
            } ?? ""
            var result: [Int64: BuildManifest.SearchTerms] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT productId, sourceHash, terms FROM searchTerms \(filter)")
            while let row = try rows.next() {
                let hash: Int64 = row[1]
                let terms: Data = row[2]
                result[row[0]] = .init(sourceHash: UInt64(bitPattern: hash), terms: [UInt8](terms))
            }
            return result
        }
    }

    /// The search postings recorded for every category but the `excluded` ones.
    public func loadSearchPostings(excluding excluded: Set<Int64>) throws -> [Int64: BuildManifest.SearchPostings] {
        try reader.read { db in
            var result: [Int64: BuildManifest.SearchPostings] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT categoryId, version, productCount, entries FROM searchPostings")
            while let row = try rows.next() {
                let id: Int64 = row[0]
                guard !excluded.contains(id) else { continue }
                let version: Int64 = row[1]
                let entries: Data = row[3]
                result[id] = .init(version: UInt32(truncatingIfNeeded: version), productCount: row[2], entries: [UInt8](entries))
            }
            return result
        }
    }

    /// Path → fingerprints of the last build's outputs in the given scopes (`nil`: every output).
    public func loadOutputManifest(scopes: Set<Int64>? = nil) throws -> [String: BuildManifest.Output] {
        try reader.read { db in
            var outputs: [String: BuildManifest.Output] = [:]
            let filter = scopes.map { "WHERE scope IN (\($0.map(String.init).joined(separator: ",")))" } ?? ""
            outputs.reserveCapacity(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM buildOutput \(filter)") ?? 0)
            let rows = try Row.fetchCursor(db, sql: "SELECT path, inputFingerprint, outputHash, scope FROM buildOutput \(filter)")
            while let row = try rows.next() {
                let input: Int64 = row[1]
                let output: Int64 = row[2]
                outputs[row[0]] = .init(
                    inputFingerprint: UInt64(bitPattern: input), outputHash: UInt64(bitPattern: output), scope: row[3])
            }
            return outputs
        }
    }

    /// How many outputs the last build recorded.
    public func outputCount() throws -> Int {
        try reader.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM buildOutput") ?? 0 }
    }

    /// The paths of every output in a category scope other than `excluded`: the sitemap lists the pages among them.
    public func loadCategoryOutputPaths(excluding excluded: Set<Int64>) throws -> [String] {
        try reader.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT path FROM buildOutput
                    WHERE scope > 0 AND scope NOT IN (\(excluded.map(String.init).joined(separator: ",")))
                    """)
        }
    }

    public func loadBuildState() throws -> BuildManifest.State {
        try reader.read { db in
            let fingerprint = try Int64.fetchOne(db, sql: "SELECT value FROM buildState WHERE name = 'siteFingerprint'")
            var listings: [BuildManifest.Listing: UInt64] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT folder, prefix, digest FROM contentListing")
            while let row = try rows.next() {
                let digest: Int64 = row[2]
                listings[.init(folder: row[0], prefix: row[1])] = UInt64(bitPattern: digest)
            }
            return .init(siteFingerprint: fingerprint.map { UInt64(bitPattern: $0) }, listings: listings)
        }
    }

    /// Shop-relative path → size, time and hash of the recorded files directly inside `folder` whose
    /// names start with `prefix`.
    public func loadContentFiles(in folder: String, prefix: String = "") throws -> [String: BuildManifest.ContentFile] {
        try reader.read { db in
            var files: [String: BuildManifest.ContentFile] = [:]
            // A range of the primary key: paths that start with "folder/prefix" (U+10FFFF sorts after any
            // other character in UTF-8), subfolders' files included and skipped below.
            let start = folder + "/" + prefix
            let rows = try Row.fetchCursor(
                db, sql: "SELECT path, modifiedNanos, size, contentHash FROM contentFile WHERE path >= ? AND path < ?",
                arguments: [start, start + "\u{10FFFF}"])
            while let row = try rows.next() {
                let path: String = row[0]
                guard !path.utf8.dropFirst(folder.utf8.count + 1).contains(UInt8(ascii: "/")) else { continue }
                files[path] = .init(modifiedNanos: row[1], size: row[2], contentHash: row[3])
            }
            return files
        }
    }

    /// The recorded entries of the given paths (those the last build saw).
    public func loadContentFiles(paths: some Sequence<String>) throws -> [String: BuildManifest.ContentFile] {
        try reader.read { db in
            var files: [String: BuildManifest.ContentFile] = [:]
            let statement = try db.cachedStatement(
                sql: "SELECT modifiedNanos, size, contentHash FROM contentFile WHERE path = ?")
            for path in paths {
                if let row = try Row.fetchOne(statement, arguments: [path]) {
                    files[path] = .init(modifiedNanos: row[0], size: row[1], contentHash: row[2])
                }
            }
            return files
        }
    }

    /// Records a successful build in one transaction.
    public func saveBuildManifest(_ update: BuildManifest.Update) throws {
        try writer.write { db in
            if update.replacingAll { try db.execute(sql: "DELETE FROM buildOutput") }
            let upsertOutput = try db.makeStatement(
                sql: "INSERT OR REPLACE INTO buildOutput (path, inputFingerprint, outputHash, scope) VALUES (?, ?, ?, ?)")
            for (path, output) in update.changedOutputs {
                try upsertOutput.execute(arguments: [
                    path, Int64(bitPattern: output.inputFingerprint), Int64(bitPattern: output.outputHash), output.scope,
                ])
            }
            let deleteOutput = try db.makeStatement(sql: "DELETE FROM buildOutput WHERE path = ?")
            for path in update.removedOutputs { try deleteOutput.execute(arguments: [path]) }
            let upsertFile = try db.makeStatement(
                sql: "INSERT OR REPLACE INTO contentFile (path, modifiedNanos, size, contentHash) VALUES (?, ?, ?, ?)")
            for (path, file) in update.contentFiles {
                try upsertFile.execute(arguments: [path, file.modifiedNanos, file.size, file.contentHash])
            }
            let deleteFile = try db.makeStatement(sql: "DELETE FROM contentFile WHERE path = ?")
            for path in update.removedContentFiles { try deleteFile.execute(arguments: [path]) }
            try db.execute(sql: "DELETE FROM contentListing")
            let insertListing = try db.makeStatement(sql: "INSERT INTO contentListing (folder, prefix, digest) VALUES (?, ?, ?)")
            for (listing, digest) in update.listings {
                try insertListing.execute(arguments: [listing.folder, listing.prefix, Int64(bitPattern: digest)])
            }
            let upsertTerms = try db.makeStatement(
                sql: "INSERT OR REPLACE INTO searchTerms (productId, sourceHash, terms) VALUES (?, ?, ?)")
            for (productId, terms) in update.searchTerms {
                try upsertTerms.execute(arguments: [productId, Int64(bitPattern: terms.sourceHash), Data(terms.terms)])
            }
            let upsertPostings = try db.makeStatement(
                sql: "INSERT OR REPLACE INTO searchPostings (categoryId, version, productCount, entries) VALUES (?, ?, ?, ?)")
            for (categoryId, postings) in update.searchPostings {
                try upsertPostings.execute(arguments: [
                    categoryId, Int64(postings.version), postings.productCount, Data(postings.entries),
                ])
            }
            try db.execute(
                sql: "INSERT OR REPLACE INTO buildState (name, value) VALUES ('siteFingerprint', ?)",
                arguments: [Int64(bitPattern: update.siteFingerprint)])
            try db.execute(sql: "DELETE FROM catalogChange WHERE sequence <= ?", arguments: [update.catalogChangesSeen])
        }
    }
}
