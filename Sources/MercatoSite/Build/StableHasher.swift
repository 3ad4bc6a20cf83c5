import Foundation

/// A 64-bit hash that is the same in every process, unlike Swift's seeded `Hasher`. Used for build
/// fingerprints and output hashes, where a change must be seen and runs must agree. Reads eight bytes at a
/// time (multiply and xor-shift per word, MurmurHash3's finaliser at the end): a full build hashes every
/// page it writes, so this runs over gigabytes.
struct StableHasher {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325
    private var length: UInt64 = 0

    mutating func combine(_ buffer: UnsafeRawBufferPointer) {
        var index = 0
        let count = buffer.count
        while index + 8 <= count {
            mix(buffer.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index += 8
        }
        if index < count {
            var tail: UInt64 = 0
            for offset in index..<count { tail |= UInt64(buffer[offset]) << (8 * UInt64(offset - index)) }
            mix(tail ^ 0xFF00_0000_0000_0000)
        }
        length &+= UInt64(count)
    }

    mutating func combine(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine($0) }
    }

    /// Combines `text` and a terminator, so that `("ab", "c")` and `("a", "bc")` differ.
    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(UnsafeRawBufferPointer($0)) }
        mix(0x5EED_0000_0000_00FF)
    }

    mutating func combine(_ number: Int) {
        mix(UInt64(bitPattern: Int64(number)))
    }

    mutating func combine(_ number: UInt64) {
        mix(number)
    }

    private mutating func mix(_ word: UInt64) {
        state = (state ^ word) &* 0x9E37_79B9_7F4A_7C15
        state ^= state >> 29
    }

    var value: UInt64 {
        var hash = state ^ length
        hash ^= hash >> 33
        hash &*= 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        hash &*= 0xc4ce_b9fe_1a85_ec53
        hash ^= hash >> 33
        return hash
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

}

extension StableHasher {
    static func value(of bytes: some ContiguousBytes) -> UInt64 {
        var hasher = StableHasher()
        bytes.withUnsafeBytes { hasher.combine($0) }
        return hasher.value
    }

    static func value(of text: String) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(text)
        return hasher.value
    }

    static func hex(of bytes: some ContiguousBytes) -> String {
        var hasher = StableHasher()
        bytes.withUnsafeBytes { hasher.combine($0) }
        return hasher.hex
    }
}
