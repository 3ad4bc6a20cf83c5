import Foundation

/// Order numbers such as `M-0R3K-9XH2-PD4A`, in Crockford base 32: the first group is the second the order was
/// placed (counted modulo 2^20, about twelve days), the other eight letters are 40 random bits. Orders placed
/// together sort together, so the order index and the audit log's take a group commit's new orders on one page
/// rather than one page each; numbers still cannot be guessed or counted (40 random bits within each second),
/// and tracking also needs a signed token.
public enum OrderNumber {
    static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")

    public static func make<G: RandomNumberGenerator>(placedAt date: Date = Date(), using generator: inout G)
        -> String
    {
        let second = UInt64(max(0, date.timeIntervalSince1970)) & 0xF_FFFF
        var random = generator.next()
        var characters: [Character] = []
        for index in 0..<12 {
            if index > 0, index % 4 == 0 { characters.append("-") }
            if index < 4 {
                characters.append(alphabet[Int((second >> UInt64(15 - 5 * index)) & 31)])
            } else {
                characters.append(alphabet[Int(random & 31)])
                random >>= 5
            }
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
