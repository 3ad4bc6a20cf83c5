import Foundation
import Testing

@testable import MercatoCore

@Suite struct OrderNumberTests {
    /// The first group is the second the order was placed, so numbers sort as orders were placed (within the
    /// twelve days the group counts); the other eight letters are random.
    @Test func numbersSortAsOrdersWerePlacedAndAreRandomAfterTheFirstGroup() {
        var generator = SystemRandomNumberGenerator()
        // The first second of a twelve-day count.
        let start = Date(timeIntervalSince1970: Double(1_790_000_000 / 1_048_576 * 1_048_576))
        let numbers = [0, 1, 31, 32, 1_024, 86_400, 86_400 * 12].map {
            OrderNumber.make(placedAt: start.addingTimeInterval(Double($0)), using: &generator)
        }
        #expect(numbers.allSatisfy(OrderNumber.isWellFormed), "\(numbers)")
        #expect(zip(numbers, numbers.dropFirst()).allSatisfy { $0 < $1 }, "\(numbers)")
        let sameSecond = (0..<1_000).map { _ in OrderNumber.make(placedAt: start, using: &generator) }
        #expect(Set(sameSecond.map { $0.prefix(6) }).count == 1)
        #expect(Set(sameSecond).count == 1_000)
        #expect(Set(sameSecond.map { $0.dropFirst(7).prefix(1) }).count == 32)
        #expect(!OrderNumber.isWellFormed("M-0000-0000") && !OrderNumber.isWellFormed("M-0000-0000-000I"))
    }
}
