/// The HTTP headers of the static site, in one table: the builder writes them as a `_headers` file for CDNs
/// that read one (Netlify, Cloudflare Pages), and `mercato serve` sends them with the files it serves, so a
/// shop behaves the same behind either.
public enum SiteHeaders {
    /// Sent with every response.
    public static let security: [(name: String, value: String)] = [
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("X-Frame-Options", "DENY"),
    ]

    /// Fingerprinted assets never change under their name, so browsers keep them a year without asking; images
    /// keep their names when replaced, so a day; HTML and feeds are asked after again after five minutes.
    public static let pageCacheControl = "public, max-age=300, must-revalidate"
    public static let cacheControlByFolder: [(folder: String, value: String)] = [
        ("/css/", "public, max-age=31536000, immutable"),
        ("/js/", "public, max-age=31536000, immutable"),
        ("/images/", "public, max-age=86400"),
    ]

    /// The `Cache-Control` of the site file at `path`.
    public static func cacheControl(forPath path: String) -> String {
        cacheControlByFolder.first { path.hasPrefix($0.folder) }?.value ?? pageCacheControl
    }

    /// The `_headers` file.
    public static var file: String {
        var text = "/*\n"
        for (name, value) in security { text += "  \(name): \(value)\n" }
        text += "  Cache-Control: \(pageCacheControl)\n"
        for (folder, value) in cacheControlByFolder { text += "\(folder)*\n  Cache-Control: \(value)\n" }
        return text
    }
}
