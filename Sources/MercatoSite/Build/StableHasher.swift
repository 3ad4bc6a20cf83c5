/// A 64-bit FNV-1a hash that is the same in every process, unlike Swift's seeded `Hasher`.
/// Used for build fingerprints and asset names, where a change must be seen and runs must agree.
struct StableHasher {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            state ^= UInt64(byte)
            state &*= 0x0000_0100_0000_01B3
        }
    }

    mutating func combine(_ text: String) {
        combine(text.utf8)
        combine(CollectionOfOne(0xFF))
    }

    var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    static func hex(of bytes: some Sequence<UInt8>) -> String {
        var hasher = StableHasher()
        hasher.combine(bytes)
        return hasher.hex
    }
}
