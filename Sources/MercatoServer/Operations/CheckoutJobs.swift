import Logging
import MercatoCore
import MercatoDatabase
import ServiceLifecycle

/// Releases expired stock holds (and forgets old carts and idempotency keys) every `interval`, until the
/// server shuts down.
struct HoldReleaseService: Service {
    let database: AppDatabase
    let desk: PaymentDesk
    let metrics: ServerMetrics
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            await sweep()
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    func sweep() async {
        do {
            await settleLatePayments()
            let released = try await database.releaseExpiredHolds(actor: "system")
            if !released.isEmpty {
                metrics.holdsReleased.increment(by: Int64(released.count))
                logger.info("released expired stock holds", metadata: ["orders": "\(released.joined(separator: ","))"])
            }
            _ = try await database.deleteExpiredCarts(olderThan: 7 * 24 * 3600)
            _ = try await database.deleteIdempotencyKeys(olderThan: 24 * 3600)
        } catch {
            logger.error("hold release failed", metadata: ["error": "\(error)"])
        }
    }

    /// Money that arrived for an order whose hold has ended, but whose answer or webhook never reached the
    /// server (a crash between the gateway's charge and recording it, a lost webhook), pays the order instead
    /// of its hold being released.
    private func settleLatePayments() async {
        do {
            for payment in try await database.openPaymentsOnExpiredHolds()
            where payment.provider == desk.gateway.provider {
                let current = try await desk.gateway.retrievePayment(id: payment.transactionId)
                guard case .succeeded = current.status else { continue }
                try await desk.settle(current, actor: "system")
                logger.info("settled a payment found at the gateway", metadata: ["payment": "\(payment.transactionId)"])
            }
        } catch {
            logger.error("checking late payments failed", metadata: ["error": "\(error)"])
        }
    }
}

/// Settles payments a gateway confirms later (the test gateway's delayed method), as a webhook would.
struct DelayedPaymentService: Service {
    let results: AsyncStream<GatewayPayment>
    let desk: PaymentDesk
    let logger: Logger

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            for await payment in results {
                do {
                    try await desk.settle(payment, actor: "gateway:\(desk.gateway.provider)")
                } catch {
                    logger.error(
                        "settling a delayed payment failed",
                        metadata: ["payment": "\(payment.id)", "error": "\(error)"])
                }
            }
        }
    }
}

/// Copies the database's write-ahead log into its file every `interval`, off the writer's thread (see
/// ``WALCheckpointer``).
struct CheckpointService: Service {
    let checkpointer: WALCheckpointer
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            do {
                _ = try await checkpointer.checkpoint()
            } catch {
                logger.error("checkpoint failed", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}
