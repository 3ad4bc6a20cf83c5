import Testing

@testable import MercatoServer

@Suite struct RandomTokenTests {
    /// Cart tokens and payment attempts: 32 characters of the 57-letter alphabet, never repeated, every letter
    /// about equally likely. 10,000 tokens hold 320,000 letters, about 5,614 of each (a standard deviation of
    /// about 74, 1.3 %); a letter 7 % off is over five deviations away. Taking every byte `% 57` would put the
    /// first letters 15 % over their share.
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
}
