import ArgumentParser
import Foundation
import Synchronization

/// Workers that buy back to back, without pauses: how many checkouts a second the server completes.
///
/// With `--confirmed-log`, every paid order is written down (number, tracking token, time the answer came)
/// and a request that fails in transport or with a 5xx is sent again with the same Idempotency-Key until it
/// is answered: the shape the crash-recovery check runs while the server is killed and restarted.
struct ClosedLoop: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "closed", abstract: "Back-to-back checkouts; finds the rate the server sustains.")
    @OptionGroup var target: Target
    @Option(help: "Concurrent workers (connections).") var workers = 64
    @Option(help: "Seconds of warm-up (not measured).") var warmup = 3.0
    @Option(help: "Seconds measured.") var duration = 20.0
    @Option(help: "Append each paid order to this file: number, token, unix time of the answer.")
    var confirmedLog: String?

    struct Result: Encodable {
        var shape = "closed"
        var workers: Int
        var seconds: Double
        var completedCheckouts: Int
        var checkoutsPerSecond: Double
        var operations: [OperationSummary]
    }

    func run() async throws {
        let slugs = try target.productSlugs()
        let recorder = Recorder()
        let counter = Counter()
        let log = try confirmedLog.map(ConfirmedLog.init(path:))
        let apis = try (0..<workers).map { _ in try ShopAPI(base: target.base, recorder: recorder) }
        let start = ContinuousClock.now
        let measureFrom = start + .seconds(warmup)
        let end = measureFrom + .seconds(duration)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await Task.sleep(until: measureFrom)
                recorder.startMeasuring()
            }
            for (worker, api) in apis.enumerated() {
                group.addTask {
                    while ContinuousClock.now < end {
                        let began = ContinuousClock.now
                        guard let order = await buy(api, shopper: worker, slugs: slugs, until: end, retrying: log != nil)
                        else { continue }
                        log?.write(order)
                        if began >= measureFrom {
                            counter.increment()
                            recorder.record(.purchase, status: 200, since: began)
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        for api in apis { await api.connection.close() }
        try printJSON(
            Result(
                workers: workers, seconds: duration, completedCheckouts: counter.value,
                checkoutsPerSecond: Double(counter.value) / duration,
                operations: recorder.summary(window: .seconds(duration))))
    }

    /// Cart, one line, checkout, payment; the paid order, or nil.
    private func buy(_ api: ShopAPI, shopper: Int, slugs: [String], until end: ContinuousClock.Instant, retrying: Bool)
        async -> ShopAPI.Order?
    {
        /// Sends until answered (when retrying): transport failures, 5xx and "still in progress" are tried again.
        func answered<T>(_ send: () async throws -> (ShopAPI.Answer, T?)) async -> (ShopAPI.Answer, T?)? {
            while ContinuousClock.now < end {
                if let (answer, value) = try? await send(),
                    !retrying || (answer.status < 500 && ShopAPI.problemType(answer) != "/problems/request-in-progress")
                {
                    return (answer, value)
                }
                guard retrying else { return nil }
                try? await Task.sleep(for: .milliseconds(200))
            }
            return nil
        }
        guard let (_, cart) = await answered({ try await api.startCart(with: slugs.randomElement()!) }), let cart
        else { return nil }
        let checkoutKey = randomKey()
        guard let (_, order) = await answered({ try await api.checkout(cart: cart.token, shopper: shopper, key: checkoutKey) }),
            let order
        else { return nil }
        let payKey = randomKey()
        guard let (_, paid) = await answered({ try await api.pay(order, key: payKey) }), let paid, paid.status == "paid"
        else { return nil }
        return paid
    }
}

/// A count shared by many tasks.
final class Counter: Sendable {
    private let count = Atomic(0)
    func increment() { count.add(1, ordering: .relaxed) }
    var value: Int { count.load(ordering: .relaxed) }
}

/// Paid orders, one line each, written as soon as the answer arrives.
final class ConfirmedLog: Sendable {
    private let handle: Mutex<FileHandle>

    init(path: String) throws {
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        handle = Mutex(try FileHandle(forWritingTo: URL(fileURLWithPath: path)))
    }

    func write(_ order: ShopAPI.Order) {
        let line = "\(order.number) \(order.trackingToken) \(Date().timeIntervalSince1970)\n"
        handle.withLock { $0.write(Data(line.utf8)) }
    }
}
