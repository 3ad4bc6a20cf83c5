import Foundation

/// Where a shop keeps its files: the folder with `mercato.yaml`, `Content/`, `Templates/`, `public/`.
public struct ShopLayout: Sendable {
    public var root: URL
    public var output: URL
    public var database: URL

    public init(root: URL, output: URL? = nil, database: URL? = nil) {
        self.root = root.standardizedFileURL
        self.output = (output ?? root.appendingPathComponent("dist")).standardizedFileURL
        self.database = (database ?? root.appendingPathComponent("var/mercato.sqlite")).standardizedFileURL
    }

    public var content: URL { root.appendingPathComponent("Content") }
    public var templates: URL { root.appendingPathComponent(TemplateSet.folder) }
    public var publicAssets: URL { root.appendingPathComponent("public") }

    /// `Content/products/<slug>.md`, relative to the shop.
    public static func productContentPath(_ slug: String) -> String { "Content/products/\(slug).md" }
    public static func categoryContentPath(_ slug: String) -> String { "Content/categories/\(slug).md" }

    public func url(_ relativePath: String) -> URL { root.appendingPathComponent(relativePath) }
}
