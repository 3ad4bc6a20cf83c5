import Foundation
import Testing

@testable import MercatoServer

@Suite struct RandomTokenTests {
    /// Payment attempts (and the random part of cart tokens): 32 characters of the 57-letter alphabet, never
    /// repeated, every letter about equally likely. 10,000 tokens hold 320,000 letters, about 5,614 of each (a
    /// standard deviation of about 74, 1.3 %); a letter 7 % off is over five deviations away. Taking every byte
    /// `% 57` would put the first letters 15 % over their share.
    @Test func tokensAreLongUniqueAndEvenlyDrawn() {
        let alphabet = Set("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        let tokens = (0..<10_000).map { _ in randomToken() }
        #expect(tokens.allSatisfy { $0.count == 32 && $0.allSatisfy(alphabet.contains) })
        #expect(Set(tokens).count == tokens.count)
        var counts: [Character: Int] = [:]
        for token in tokens { for letter in token { counts[letter, default: 0] += 1 } }
        let expected = Double(tokens.count * 32) / Double(alphabet.count)
        #expect(counts.count == alphabet.count)
        let worst = counts.values.map { abs(Double($0) - expected) / expected }.max() ?? 1
        #expect(worst < 0.07, "a letter is \(Int(worst * 100)) % away from its share")
    }

    /// A cart token tells when it was made in its first 8 letters, in an order that sorts as time does, and has
    /// 24 random ones after.
    @Test func cartTokensSortAsTheyWereMade() {
        let alphabet = Set("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        let times = [0, 0.001, 0.057, 1, 60, 86_400, 86_400 * 365 * 80].map { start.addingTimeInterval($0) }
        let tokens = times.map { cartToken(madeAt: $0) }
        #expect(tokens.allSatisfy { $0.count == 32 && $0.allSatisfy(alphabet.contains) })
        #expect(zip(tokens, tokens.dropFirst()).allSatisfy { $0.utf8.lexicographicallyPrecedes($1.utf8) }, "\(tokens)")
        let sameMoment = (0..<1_000).map { _ in cartToken(madeAt: start) }
        #expect(Set(sameMoment.map { $0.prefix(8) }).count == 1)
        #expect(Set(sameMoment).count == 1_000)
        #expect(Set(sameMoment.map { $0.dropFirst(8).first! }).count > 40)
    }

    @Test func testGatewayPaymentIdsSortAsTheyWereMade() {
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        let ids = [0, 0.001, 1, 86_400 * 365 * 80].map {
            TestCardGateway.paymentId(madeAt: start.addingTimeInterval($0))
        }
        #expect(ids.allSatisfy { $0.hasPrefix("tp_") && $0.count == 35 && $0.dropFirst(3).allSatisfy(\.isHexDigit) })
        #expect(zip(ids, ids.dropFirst()).allSatisfy { $0.utf8.lexicographicallyPrecedes($1.utf8) }, "\(ids)")
        #expect(Set((0..<1_000).map { _ in TestCardGateway.paymentId(madeAt: start) }).count == 1_000)
    }
}
