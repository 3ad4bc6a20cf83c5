import ArgumentParser
import Foundation
import Synchronization

/// Many shoppers, each on their own connection, race for one product with little stock.
///
/// Every shopper first puts one unit in a cart; then all check out at the same moment and the winners pay.
/// `--abandon` winners walk away without paying: once their holds expire and the server releases them, the
/// shoppers who were told "out of stock" try once more, and that many of them get the released units.
struct FlashSale: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flash", abstract: "A flash sale: shoppers race for a product with little stock.")
    @Option(help: "The server, e.g. http://127.0.0.1:8080.") var base: String
    @Option(help: "The product on sale.") var slug: String
    @Option(help: "Shoppers, one connection each.") var shoppers = 10_000
    @Option(help: "Winners who do not pay (their holds must expire and be sold again).") var abandon = 0
    @Option(help: "Seconds to wait at most for abandoned holds to be released.") var holdWait = 120.0

    /// How each shopper's visit ended.
    struct Result: Encodable {
        var shape = "flash"
        var shoppers: Int
        var paid: Int
        var abandoned: Int
        var outOfStock: Int
        /// Answers other than the expected ones, by status and problem type (must be empty).
        var unexpected: [String: Int]
        var serverErrors: Int
        var transportFailures: Int
        var secondRoundPaid: Int
        var raceSeconds: Double
        var operations: [OperationSummary]
    }

    enum Outcome: Sendable {
        case paid, abandoned, outOfStock(cart: String)
        case unexpected(String)
    }

    func run() async throws {
        let recorder = Recorder()
        recorder.startMeasuring()
        let apis = try (0..<shoppers).map { _ in try ShopAPI(base: base, recorder: recorder) }
        // Every shopper fills a cart first (spread over a few seconds, as connections open).
        let carts = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
            for (shopper, api) in apis.enumerated() {
                group.addTask {
                    try await Task.sleep(for: .milliseconds(shopper % 2000))
                    guard let (_, cart) = try? await api.startCart(with: slug), let cart else { return (shopper, nil) }
                    return (shopper, cart.token)
                }
            }
            return try await group.reduce(into: [Int: String]()) { $0[$1.0] = $1.1 }
        }
        let raceStart = ContinuousClock.now
        let winnersWhoWalkAway = Tickets(abandon)
        let outcomes = await withTaskGroup(of: Outcome.self) { group in
            for (shopper, api) in apis.enumerated() {
                group.addTask {
                    guard let cart = carts[shopper] else { return .unexpected("no cart") }
                    return await race(api, shopper: shopper, cart: cart, walksAway: winnersWhoWalkAway.take)
                }
            }
            return await group.reduce(into: [Outcome]()) { $0.append($1) }
        }
        let raceSeconds = (ContinuousClock.now - raceStart).seconds
        let secondRound = try await retryAfterRelease(apis: apis, outcomes: outcomes)
        let secondRoundPaid = secondRound.filter { if case .paid = $0 { true } else { false } }.count
        for api in apis { await api.connection.close() }

        var result = Result(
            shoppers: shoppers, paid: 0, abandoned: 0, outOfStock: 0, unexpected: [:], serverErrors: 0,
            transportFailures: 0, secondRoundPaid: secondRoundPaid, raceSeconds: raceSeconds, operations: [])
        for outcome in outcomes {
            switch outcome {
            case .paid: result.paid += 1
            case .abandoned: result.abandoned += 1
            case .outOfStock: result.outOfStock += 1
            case .unexpected(let what): result.unexpected[what, default: 0] += 1
            }
        }
        for case .unexpected(let what) in secondRound { result.unexpected["second round: " + what, default: 0] += 1 }
        result.operations = recorder.summary(window: .seconds(max(raceSeconds, 0.001)))
        for operation in result.operations {
            result.serverErrors += operation.statuses.filter { $0.key.hasPrefix("5") }.values.reduce(0, +)
            result.transportFailures += operation.failures.values.reduce(0, +)
        }
        try printJSON(result)
    }

    private func race(_ api: ShopAPI, shopper: Int, cart: String, walksAway: @Sendable () -> Bool) async -> Outcome {
        guard let (answer, order) = try? await api.checkout(cart: cart, shopper: shopper, key: randomKey()) else {
            return .unexpected("checkout failed in transport")
        }
        guard let order else {
            return ShopAPI.problemType(answer) == "/problems/out-of-stock"
                ? .outOfStock(cart: cart) : .unexpected("checkout \(answer.status) \(ShopAPI.problemType(answer) ?? "")")
        }
        if walksAway() { return .abandoned }
        guard let (paid, _) = try? await api.pay(order, key: randomKey()) else { return .unexpected("payment failed in transport") }
        return paid.status == 200 ? .paid : .unexpected("payment \(paid.status)")
    }

    /// Once the abandoned holds are released, every shopper told "out of stock" tries their cart again; returns
    /// how each of those second tries ended (exactly as many must pay as walked away).
    private func retryAfterRelease(apis: [ShopAPI], outcomes: [Outcome]) async throws -> [Outcome] {
        guard abandon > 0 else { return [] }
        let deadline = ContinuousClock.now + .seconds(holdWait)
        while ContinuousClock.now < deadline {
            let answer = try await apis[0].availability([slug])
            if String(decoding: answer.body, as: UTF8.self).contains(#""available":\#(abandon),"#) { break }
            try await Task.sleep(for: .milliseconds(500))
        }
        return await withTaskGroup(of: Outcome.self) { group in
            for (shopper, outcome) in outcomes.enumerated() {
                guard case .outOfStock(let cart) = outcome else { continue }
                group.addTask { await race(apis[shopper], shopper: shopper, cart: cart, walksAway: { false }) }
            }
            return await group.reduce(into: [Outcome]()) { $0.append($1) }
        }
    }
}

/// A number of chances, taken one at a time by many tasks.
final class Tickets: Sendable {
    private let left: Mutex<Int>

    init(_ count: Int) { left = Mutex(count) }

    /// True while chances are left.
    func take() -> Bool {
        left.withLock { left in
            guard left > 0 else { return false }
            left -= 1
            return true
        }
    }
}
