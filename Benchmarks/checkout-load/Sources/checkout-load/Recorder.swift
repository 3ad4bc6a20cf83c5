import Foundation
import Synchronization

/// The requests a shopper makes, as the results table names them.
enum Operation: String, CaseIterable, Codable, Sendable {
    case lookup = "stock/price lookup"
    case startCart = "cart with its first line"
    case addToCart = "add to cart"
    case checkout = "checkout (order + stock hold)"
    case pay = "payment (test gateway)"
    /// A whole purchase: a cart with its line, checkout and payment, back to back.
    case purchase = "full checkout (3 requests)"
}

/// Latencies and answers of every request, kept from the moment ``startMeasuring()`` is called (the ramp-up
/// before it is left out).
final class Recorder: Sendable {
    private struct State {
        var measuringSince: ContinuousClock.Instant?
        var latencies: [Operation: [Double]] = [:]
        var statuses: [Operation: [Int: Int]] = [:]
        var failures: [Operation: [String: Int]] = [:]
    }
    private let state = Mutex(State())

    func startMeasuring() { state.withLock { $0.measuringSince = .now } }

    func record(_ operation: Operation, status: Int, since start: ContinuousClock.Instant) {
        let milliseconds = (ContinuousClock.now - start) / .milliseconds(1)
        state.withLock { state in
            guard let since = state.measuringSince, start >= since else { return }
            state.latencies[operation, default: []].append(milliseconds)
            state.statuses[operation, default: [:]][status, default: 0] += 1
        }
    }

    func recordFailure(_ operation: Operation, error: any Error) {
        let name = String(describing: error).prefix(80)
        state.withLock { state in
            guard state.measuringSince != nil else { return }
            state.failures[operation, default: [:]][String(name), default: 0] += 1
        }
    }

    /// Per operation: count, rate over the window, latency percentiles, answers by status, transport failures.
    func summary(window: Duration) -> [OperationSummary] {
        state.withLock { state in
            Operation.allCases.compactMap { operation in
                let samples = (state.latencies[operation] ?? []).sorted()
                let failures = state.failures[operation] ?? [:]
                guard !samples.isEmpty || !failures.isEmpty else { return nil }
                func percentile(_ p: Double) -> Double {
                    samples.isEmpty ? 0 : samples[min(samples.count - 1, Int((p * Double(samples.count)).rounded(.up)) - 1)]
                }
                return OperationSummary(
                    operation: operation.rawValue, count: samples.count,
                    perSecond: Double(samples.count) / (window / .seconds(1)),
                    p50: percentile(0.50), p95: percentile(0.95), p99: percentile(0.99), max: samples.last ?? 0,
                    statuses: Dictionary(uniqueKeysWithValues: (state.statuses[operation] ?? [:]).map { (String($0), $1) }),
                    failures: failures)
            }
        }
    }
}

struct OperationSummary: Codable, Sendable {
    var operation: String
    var count: Int
    var perSecond: Double
    var p50: Double
    var p95: Double
    var p99: Double
    var max: Double
    var statuses: [String: Int]
    var failures: [String: Int]
}
