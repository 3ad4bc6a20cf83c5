/// Order numbers such as `M-7K3Q-9XH2-PD4A`: 60 random bits in Crockford base 32, so they cannot be guessed
/// or counted; tracking also needs a signed token.
public enum OrderNumber {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    public static func make<G: RandomNumberGenerator>(using generator: inout G) -> String {
        var bits = generator.next() >> 4
        var characters: [Character] = []
        for index in 0..<12 {
            if index > 0, index % 4 == 0 { characters.append("-") }
            characters.append(alphabet[Int(bits & 31)])
            bits >>= 5
        }
        return "M-" + String(characters)
    }

    /// Whether `text` has the shape of an order number (cheap to check before touching the database).
    public static func isWellFormed(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        return groups.count == 4 && groups[0] == "M"
            && groups.dropFirst().allSatisfy { $0.count == 4 && $0.allSatisfy(alphabet.contains) }
    }
}
