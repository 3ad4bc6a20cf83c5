import Foundation
import MercatoSite

/// Writes product Markdown so that a failed catalog change leaves no file behind: files are written to
/// temporary names first and moved into place only after the database transaction committed.
struct ContentFiles {
    let layout: ShopLayout
    private var staged: [(temporary: URL, final: URL)] = []

    init(layout: ShopLayout) { self.layout = layout }

    mutating func stageProduct(slug: String, markdown: String) throws {
        let final = layout.url(ShopLayout.productContentPath(slug))
        try FileManager.default.createDirectory(at: final.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = final.deletingLastPathComponent().appendingPathComponent(".\(slug).md.\(getpid()).tmp")
        let text = markdown.hasSuffix("\n") ? markdown : markdown + "\n"
        try Data(text.utf8).write(to: temporary)
        staged.append((temporary, final))
    }

    func commit() throws {
        for file in staged where rename(file.temporary.path, file.final.path) != 0 {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.final.path])
        }
    }

    func discard() {
        for file in staged { try? FileManager.default.removeItem(at: file.temporary) }
    }

    /// Runs `change` (a database transaction); moves staged files into place only if it succeeded.
    @discardableResult
    func commit<T>(after change: () throws -> T) throws -> T {
        do {
            let result = try change()
            try commit()
            return result
        } catch {
            discard()
            throw error
        }
    }
}
