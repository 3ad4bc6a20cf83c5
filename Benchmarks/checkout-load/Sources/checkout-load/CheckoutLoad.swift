import ArgumentParser
import Foundation
import NIOCore
import NIOPosix

/// Drives `mercato serve` as many shoppers at once and prints what it measured as one JSON object.
@main
struct CheckoutLoad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkout-load",
        abstract: "Load generator for Mercato's checkout API.",
        subcommands: [Sessions.self, ClosedLoop.self, FlashSale.self])

    /// Runs Swift's tasks on NIO's event loops, where the connections live, so that a request does not switch
    /// threads on its way out and back: the generator shares the cores of the server it measures. This must
    /// happen on the main thread before any task starts; if it cannot be done, tasks run on Swift's own threads.
    static func main() async {
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        await main(nil)
    }
}

struct Target: ParsableArguments {
    @Option(help: "The server, e.g. http://127.0.0.1:8080.") var base: String
    @Option(help: "A file with one product slug per line to shop from.") var slugs: String

    func productSlugs() throws -> [String] {
        let slugs = try String(contentsOfFile: slugs, encoding: .utf8).split(separator: "\n").map(String.init)
        guard !slugs.isEmpty else { throw ValidationError("\(self.slugs) lists no slugs") }
        return slugs
    }
}

func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

/// Waits on a timer of the event loop this task runs on. `Task.sleep` would wait on a timer of libdispatch's, whose
/// own thread wakes for every shopper's pause and hands the task back to the event loop.
func wait(seconds: Double) async {
    let timer = MultiThreadedEventLoopGroup.singleton.any().scheduleTask(in: .nanoseconds(Int64(seconds * 1e9))) {}
    try? await timer.futureResult.get()
}

extension Duration {
    var seconds: Double { self / .seconds(1) }
}

/// Shoppers who browse, add to the cart, check out and pay, pausing 1–3 s between steps as people do. Each
/// shopper holds its own connection.
struct Sessions: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Shopper sessions with pauses, one connection each.")
    @OptionGroup var target: Target
    @Option(help: "Concurrent shoppers.") var shoppers = 100
    @Option(help: "Seconds over which the shoppers arrive (not measured).") var ramp = 10.0
    @Option(help: "Seconds measured after the ramp.") var duration = 30.0
    @Option(help: "Shortest pause between steps, seconds.") var pauseMin = 1.0
    @Option(help: "Longest pause between steps, seconds.") var pauseMax = 3.0
    @Option(help: "Share of visits that go on from the cart to check out and pay; the others leave their cart.")
    var buyShare = 1.0

    func validate() throws {
        guard pauseMin >= 0, pauseMin <= pauseMax else {
            throw ValidationError("--pause-min must be at least 0 and at most --pause-max.")
        }
        guard (0...1).contains(buyShare) else { throw ValidationError("--buy-share must be from 0 to 1.") }
    }

    struct Result: Encodable {
        var shape = "sessions"
        var shoppers: Int
        var seconds: Double
        var completedCheckouts: Int
        var checkoutsPerSecond: Double
        var connectionsOpen: Int
        var operations: [OperationSummary]
    }

    func run() async throws {
        let slugs = try target.productSlugs()
        let recorder = Recorder()
        let counter = Counter()
        let start = ContinuousClock.now
        let measureFrom = start + .seconds(ramp)
        let end = measureFrom + .seconds(duration)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await Task.sleep(until: measureFrom)
                recorder.startMeasuring()
            }
            for shopper in 0..<shoppers {
                group.addTask {
                    try await Task.sleep(until: start + .seconds(ramp * Double(shopper) / Double(shoppers)))
                    let api = try ShopAPI(base: target.base, recorder: recorder)
                    var session = 0
                    while ContinuousClock.now < end {
                        if await shop(api, shopper: shopper, session: session, slugs: slugs, until: end) {
                            if ContinuousClock.now >= measureFrom { counter.increment() }
                        }
                        session += 1
                    }
                    await api.connection.close()
                }
            }
            try await group.waitForAll()
        }
        let summary = recorder.summary(window: .seconds(duration))
        try printJSON(
            Result(
                shoppers: shoppers, seconds: duration, completedCheckouts: counter.value,
                checkoutsPerSecond: Double(counter.value) / duration, connectionsOpen: shoppers, operations: summary))
    }

    /// One visit: look at products, start a cart with one, look at more, add another, check out, pay (or, past the
    /// ``buyShare``, leave the cart). True if the order was paid.
    private func shop(_ api: ShopAPI, shopper: Int, session: Int, slugs: [String], until end: ContinuousClock.Instant)
        async -> Bool
    {
        func pause() async -> Bool {
            await wait(seconds: Double.random(in: pauseMin...pauseMax))
            return ContinuousClock.now < end
        }
        do {
            _ = try await api.availability((0..<3).map { _ in slugs.randomElement()! })
            guard await pause() else { return false }
            let (_, cart) = try await api.startCart(with: slugs.randomElement()!)
            guard let cart else { return false }
            guard await pause() else { return false }
            _ = try await api.availability((0..<3).map { _ in slugs.randomElement()! })
            guard await pause() else { return false }
            _ = try await api.add(slugs.randomElement()!, to: cart.token)
            guard await pause(), Double.random(in: 0..<1) < buyShare else { return false }
            let (_, order) = try await api.checkout(cart: cart.token, shopper: shopper, key: randomKey())
            guard let order, await pause() else { return false }
            let (_, paid) = try await api.pay(order, key: randomKey())
            _ = await pause()
            return paid?.status == "paid"
        } catch {
            await wait(seconds: pauseMin)
            return false
        }
    }
}
