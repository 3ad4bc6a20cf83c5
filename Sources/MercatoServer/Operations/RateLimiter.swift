import Foundation
import Hummingbird
import Synchronization

/// Requests a client may make per bucket of endpoints: a token bucket per client address and bucket.
public struct RateLimits: Sendable, Hashable {
    public struct Limit: Sendable, Hashable {
        /// Requests allowed in a burst.
        public var burst: Double
        /// Tokens refilled per second.
        public var perSecond: Double

        public init(burst: Double, perMinute: Double) {
            self.burst = burst
            perSecond = perMinute / 60
        }
    }
    public var cart: Limit
    public var checkout: Limit
    public var tracking: Limit

    public init(
        cart: Limit = Limit(burst: 60, perMinute: 120), checkout: Limit = Limit(burst: 10, perMinute: 20),
        tracking: Limit = Limit(burst: 20, perMinute: 30)
    ) {
        self.cart = cart
        self.checkout = checkout
        self.tracking = tracking
    }
}

/// Token buckets keyed by client and endpoint bucket. Idle buckets are forgotten once full again.
final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }
    private let buckets = Mutex<[String: Bucket]>([:])

    /// Takes a token; returns nil if allowed, else the seconds until one is available.
    func take(_ key: String, limit: RateLimits.Limit, now: ContinuousClock.Instant = .now) -> Int? {
        buckets.withLock { buckets in
            if buckets.count > 100_000 { prune(&buckets, limit: limit, now: now) }
            var bucket = buckets[key] ?? Bucket(tokens: limit.burst, updated: now)
            bucket.tokens = min(limit.burst, bucket.tokens + (now - bucket.updated).seconds * limit.perSecond)
            bucket.updated = now
            guard bucket.tokens >= 1 else {
                buckets[key] = bucket
                return Int(((1 - bucket.tokens) / limit.perSecond).rounded(.up))
            }
            bucket.tokens -= 1
            buckets[key] = bucket
            return nil
        }
    }

    private func prune(_ buckets: inout [String: Bucket], limit: RateLimits.Limit, now: ContinuousClock.Instant) {
        let full = Duration.seconds(limit.burst / limit.perSecond)
        buckets = buckets.filter { now - $0.value.updated < full }
    }
}

/// Refuses requests over the limit with 429, a Retry-After header and a problem saying when to retry.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext
    let limits: RateLimits
    let limiter = RateLimiter()

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        if request.method != .options, let (name, limit) = bucket(request.uri.path),
            let wait = limiter.take("\(name) \(context.clientAddress)", limit: limit)
        {
            throw Problem(
                .tooManyRequests, "rate-limited", "Too many requests",
                detail: "Too many requests from your address; try again in \(wait) seconds.", retryAfterSeconds: wait)
        }
        return try await next(request, context)
    }

    /// The bucket a path draws from; webhooks (verified by signature) and cheap reads draw from none.
    private func bucket(_ path: String) -> (String, RateLimits.Limit)? {
        if path.hasPrefix("/api/v1/checkout") { return ("checkout", limits.checkout) }
        if path.hasPrefix("/api/v1/orders") { return ("tracking", limits.tracking) }
        if path.hasPrefix("/api/v1/carts") { return ("cart", limits.cart) }
        return nil
    }
}

extension Duration {
    /// The duration in seconds, with its fraction.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
