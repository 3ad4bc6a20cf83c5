import MercatoDatabase

/// The files of `public/` and the names they get in the output. Stylesheets and scripts are fingerprinted
/// (`css/site.css` → `css/site.1a2b3c4d5e.css`) so a CDN may cache them for a year; other files keep their path.
struct AssetCatalog: Sendable {
    /// `public/`-relative source path → output path relative to `dist/`.
    var outputs: [String: String]
    /// Image path as the catalog names it (`/images/products/mug.png`) → its `src` (the 640px-or-wider
    /// variant) and `srcset` (every `-<width>w` variant), made once: thousands of products share an image.
    private var sources: [String: (src: String, srcset: String?)]
    var hashes: [String: String]

    init(files: [String: BuildManifest.ContentFile]) {
        var outputs: [String: String] = [:]
        var variants: [String: [(Int, String)]] = [:]
        var hashes: [String: String] = [:]
        for (path, file) in files where path.hasPrefix("public/") {
            let relative = String(path.dropFirst("public/".count))
            hashes[relative] = file.contentHash
            let dot = relative.lastIndex(of: ".")
            let ext = dot.map { String(relative[relative.index(after: $0)...]) } ?? ""
            if ["css", "js"].contains(ext), let dot {
                outputs[relative] = "\(relative[..<dot]).\(file.contentHash.prefix(10)).\(ext)"
            } else {
                outputs[relative] = relative
            }
            if let dot, let variant = Self.widthVariant(String(relative[..<dot])) {
                variants["/\(variant.base).\(ext)", default: []].append((variant.width, "/\(relative)"))
            }
        }
        self.outputs = outputs
        let widths: [String: [(width: Int, url: String)]] = variants.mapValues { $0.sorted { $0.0 < $1.0 } }
        sources = widths.mapValues { variants in
            (
                variants.first { $0.width >= 640 }?.url ?? variants.last!.url,
                variants.map { "\($0.url) \($0.width)w" }.joined(separator: ", ")
            )
        }
        self.hashes = hashes
    }

    /// The URL of a fingerprinted asset, e.g. `/css/site.1a2b3c4d5e.css` for `css/site.css`.
    func url(_ logicalPath: String) -> String? { outputs[logicalPath].map { "/" + $0 } }

    /// An image as pages show it: a 640px-or-wider variant as `src` and every width in `srcset`.
    func image(_ path: String, alt: String) -> ImageRef {
        guard let source = sources[path] else { return ImageRef(src: path, srcset: nil, alt: alt) }
        return ImageRef(src: source.src, srcset: source.srcset, alt: alt)
    }

    /// `images/mug-640w` → (`images/mug`, 640).
    private static func widthVariant(_ stem: String) -> (base: String, width: Int)? {
        guard stem.hasSuffix("w"), let dash = stem.lastIndex(of: "-") else { return nil }
        let digits = stem[stem.index(after: dash)..<stem.index(before: stem.endIndex)]
        guard !digits.isEmpty, let width = Int(digits) else { return nil }
        return (String(stem[..<dash]), width)
    }
}
