import Hummingbird
import NIOCore

/// Per-request state: the client's address (for rate limits) and the body-size limit.
public struct APIRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// Checkout bodies are small; anything bigger is refused with 413 before it is read.
    public static let bodyLimit = 64 * 1024
    public var maxUploadSize: Int { Self.bodyLimit }

    /// The client's IP address, or `unknown` (tests without a socket).
    var clientAddress: String { remoteAddress?.ipAddress ?? "unknown" }
}
