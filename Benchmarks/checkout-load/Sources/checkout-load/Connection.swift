import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// One HTTP/1.1 keep-alive connection to the server, carrying one request at a time.
///
/// It connects on the first request. Once the connection has closed or failed, the next request opens a new one:
/// the crash-recovery check kills and restarts the server in the middle of a run.
final class Connection: Sendable {
    struct Response: Sendable {
        var status: Int
        var body: ByteBuffer
    }

    enum Failure: Error {
        case notAnHTTPAddress(String)
        case closedBeforeAnswer
        case noAnswerWithin120Seconds
    }

    static let connectTimeout = TimeAmount.seconds(60)
    static let answerTimeout = TimeAmount.seconds(120)

    private let address: SocketAddress
    /// Sent as the Host header: the host, and the port unless it is 80.
    private let host: String
    /// The path of the base address (usually empty), put before every request's path.
    private let pathPrefix: String
    private let channel = Mutex<(any Channel)?>(nil)

    /// - Parameter base: the server, e.g. `http://127.0.0.1:8080`.
    init(base: String) throws {
        guard let url = URL(string: base), url.scheme == "http", let host = url.host, !host.isEmpty else {
            throw Failure.notAnHTTPAddress(base)
        }
        let port = url.port ?? 80
        // A literal IP address needs no lookup; a name is looked up once, here.
        address = try (try? SocketAddress(ipAddress: host, port: port))
            ?? SocketAddress.makeAddressResolvingHost(host, port: port)
        self.host = port == 80 ? host : "\(host):\(port)"
        pathPrefix = url.path.hasSuffix("/") ? String(url.path.dropLast()) : url.path
    }

    /// Sends one request and waits for the whole response. Adds Host and, when the request carries a body or is not
    /// a GET, Content-Length.
    func send(_ method: HTTPMethod, _ path: String, headers: HTTPHeaders = [:], body: ByteBuffer? = nil)
        async throws -> Response
    {
        var head = HTTPRequestHead(version: .http1_1, method: method, uri: pathPrefix + path, headers: headers)
        head.headers.add(name: "Host", value: host)
        if body != nil || method != .GET {
            head.headers.add(name: "Content-Length", value: String(body?.readableBytes ?? 0))
        }
        let channel = try await openChannel()
        let response = channel.eventLoop.makePromise(of: Response.self)
        // A write to a connection that has just closed never reaches the handler: its failure answers the request.
        channel.writeAndFlush(Exchange.Request(head: head, body: body, response: response)).cascadeFailure(to: response)
        return try await response.futureResult.get()
    }

    func close() async {
        let open = channel.withLock { $0.take() }
        try? await open?.close()
    }

    /// The open connection, or a new one if there is none or it has closed.
    private func openChannel() async throws -> any Channel {
        if let open = channel.withLock({ $0 }), open.isActive { return open }
        // `any()` is the event loop this task runs on, when it runs on one: no thread switch per request.
        let new = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton.any())
            .connectTimeout(Self.connectTimeout)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHTTPClientHandlers()
                    try channel.pipeline.syncOperations.addHandler(Exchange())
                }
            }
            .connect(to: address).get()
        channel.withLock { $0 = new }
        return new
    }
}

/// Writes a request and collects its response (head, body parts, end) into the request's promise.
///
/// It takes the request as its outbound message, so that the promise is registered and the request written in one
/// step on the connection's event loop.
private final class Exchange: ChannelDuplexHandler {
    struct Request: Sendable {
        var head: HTTPRequestHead
        var body: ByteBuffer?
        var response: EventLoopPromise<Connection.Response>
    }
    typealias OutboundIn = Request
    typealias OutboundOut = HTTPClientRequestPart
    typealias InboundIn = HTTPClientResponsePart

    private var response: EventLoopPromise<Connection.Response>?
    private var timeout: Scheduled<Void>?
    private var status = 0
    private var keepAlive = true
    private var body: ByteBuffer?

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        response = request.response
        timeout = context.eventLoop.assumeIsolated().scheduleTask(in: Connection.answerTimeout) {
            self.fail(Connection.Failure.noAnswerWithin120Seconds)
            context.close(promise: nil)
        }
        context.write(wrapOutboundOut(.head(request.head)), promise: nil)
        if let body = request.body { context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil) }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            status = Int(head.status.code)
            keepAlive = head.isKeepAlive
            body = nil
        case .body(var part):
            if body == nil { body = part } else { body!.writeBuffer(&part) }
        case .end:
            timeout?.cancel()
            timeout = nil
            let answered = response
            response = nil
            let answer = Connection.Response(status: status, body: body ?? ByteBuffer())
            body = nil
            // The server closes the connection after this answer: close it now, so the next request opens another.
            if !keepAlive { context.close(promise: nil) }
            answered?.succeed(answer)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(Connection.Failure.closedBeforeAnswer)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(error)
        context.close(promise: nil)
    }

    private func fail(_ error: any Error) {
        timeout?.cancel()
        timeout = nil
        let pending = response
        response = nil
        pending?.fail(error)
    }
}
