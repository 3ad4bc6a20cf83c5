/// What `mercato serve` needs to start: where to listen and which built site to serve.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The built site (`dist/`), served as static files; `nil` serves only the API.
    public var siteDirectory: String?

    public init(host: String = "127.0.0.1", port: Int = 8080, siteDirectory: String? = nil) {
        self.host = host
        self.port = port
        self.siteDirectory = siteDirectory
    }
}
