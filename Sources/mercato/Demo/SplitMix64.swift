/// A tiny, fast, seedable pseudo-random generator (Steele, Lea & Flood's SplitMix64).
///
/// The demo catalog never uses `SystemRandomNumberGenerator`: every value comes from a `SplitMix64`
/// derived from the catalog seed, a stream number and an index, so the same seed always gives
/// byte-identical output on every platform and in any call order.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private(set) var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    /// An independent generator for one item (`index`) of one kind of data (`stream`) under `seed`.
    ///
    /// For a fixed seed and stream the starting state is a bijection of the index, so no two items share a sequence.
    init(seed: UInt64, stream: UInt64, index: UInt64) {
        state = Self.mix(Self.mix(seed &+ stream &* 0xD1B5_4A32_D192_ED03) ^ index)
    }

    /// The SplitMix64 finaliser: a bijective 64-bit mixing function.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A well-mixed hash of a few integers, for one-off decisions that need no generator.
    @inline(__always)
    static func hash(_ seed: UInt64, _ stream: UInt64, _ index: UInt64) -> UInt64 {
        mix(mix(seed &+ stream &* 0xD1B5_4A32_D192_ED03) ^ index &+ 0x9E37_79B9_7F4A_7C15)
    }

    @inline(__always)
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// A value in `0..<bound` (Lemire's multiply-high; the bias is below 2⁻⁴⁰ for the small bounds used here).
    @inline(__always)
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A value in `range`.
    @inline(__always)
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.upperBound - range.lowerBound + 1)
    }

    /// A uniformly distributed value in `0..<1`, with 53 random bits.
    @inline(__always)
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// `true` with probability `probability`.
    @inline(__always)
    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// A random element of a non-empty array.
    @inline(__always)
    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[below(elements.count)]
    }

    /// `count` distinct indices in `0..<bound`, in random order (partial Fisher–Yates).
    mutating func distinctIndices(_ count: Int, below bound: Int) -> [Int] {
        let count = min(count, bound)
        var pool = Array(0..<bound)
        for position in 0..<count {
            let other = position + below(bound - position)
            pool.swapAt(position, other)
        }
        return Array(pool[0..<count])
    }
}

/// A keyed pseudo-random permutation of `0..<size` (a 4-round Feistel network with cycle walking).
///
/// `apply` is a bijection on `0..<size`, computed in O(1) expected time, so item *i* can be mapped to a
/// distinct slot without generating items `0..<i` first.
struct IndexPermutation: Sendable {
    let size: UInt64
    private let halfBits: UInt64
    private let halfMask: UInt64
    private let keys: [UInt64]

    init(size: UInt64, seed: UInt64) {
        precondition(size > 0, "the permutation needs at least one element")
        self.size = size
        var bits: UInt64 = 1
        while (UInt64(1) << (2 * bits)) < size { bits += 1 }
        halfBits = bits
        halfMask = (UInt64(1) << bits) - 1
        var generator = SplitMix64(seed: seed, stream: 0xFE15, index: size)
        keys = (0..<4).map { _ in generator.next() }
    }

    func apply(_ value: UInt64) -> UInt64 {
        precondition(value < size, "value outside the permutation's domain")
        var current = value
        repeat {
            var left = current >> halfBits
            var right = current & halfMask
            for key in keys {
                let next = left ^ (SplitMix64.mix(right ^ key) & halfMask)
                left = right
                right = next
            }
            current = (left << halfBits) | right
        } while current >= size
        return current
    }
}
