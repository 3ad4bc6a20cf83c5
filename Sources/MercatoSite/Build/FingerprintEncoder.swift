import Foundation

/// A value that knows its own fingerprint, computed once, so that the many pages that show it (a product
/// card is on its product page, its category's listings and its siblings' related products) hash one
/// number instead of all its fields.
protocol Fingerprinted {
    var fingerprint: UInt64 { get }
}

/// Hashes an `Encodable` value's fields as they are encoded, without building any text: the input
/// fingerprint of a page is the hash of its typed payload. Keys, values, `nil`s and container boundaries
/// all go into the hash, so two different payloads of the same shape hash differently.
struct FingerprintEncoder {
    static func fingerprint(of value: some Encodable) -> UInt64 {
        let box = Box()
        try? value.encode(to: Encoding(box: box))
        return box.hasher.value
    }

    /// Combines `value` into `hasher`.
    static func combine(_ value: some Encodable, into hasher: inout StableHasher) {
        hasher.combine(fingerprint(of: value))
    }

    fileprivate final class Box {
        var hasher = StableHasher()

        func tag(_ tag: UInt64) { hasher.combine(tag) }

        func key(_ key: some CodingKey) {
            if let number = key.intValue {
                hasher.combine(number)
            } else {
                hasher.combine(key.stringValue)
            }
        }

        /// Primitives are recognised by their type (a pointer comparison, no dynamic cast); their own
        /// `encode(to:)` would call back into a single-value container forever.
        func value<T: Encodable>(_ value: T, encoder: Encoding) throws {
            if T.self == String.self {
                hasher.combine(unsafeBitCast(value, to: String.self))
            } else if T.self == Int.self {
                hasher.combine(unsafeBitCast(value, to: Int.self))
            } else if T.self == Int64.self {
                hasher.combine(Int(unsafeBitCast(value, to: Int64.self)))
            } else if T.self == UInt64.self {
                hasher.combine(unsafeBitCast(value, to: UInt64.self))
            } else if T.self == Bool.self {
                hasher.combine(unsafeBitCast(value, to: Bool.self) ? 1 : 0)
            } else if T.self == Double.self {
                hasher.combine(unsafeBitCast(value, to: Double.self).bitPattern)
            } else if T.self == Date.self {
                hasher.combine(unsafeBitCast(value, to: Date.self).timeIntervalSince1970.bitPattern)
            } else if let known = value as? any Fingerprinted {
                tag(Tags.fingerprinted)
                hasher.combine(known.fingerprint)
            } else if let number = value as? any BinaryInteger {
                hasher.combine(UInt64(truncatingIfNeeded: number))
            } else if let number = value as? any BinaryFloatingPoint {
                hasher.combine(Double(number).bitPattern)
            } else {
                tag(Tags.nested)
                try value.encode(to: encoder)
            }
        }
    }

    fileprivate enum Tags {
        static let keyed: UInt64 = 0x6b65_7965_6400_0001
        static let unkeyed: UInt64 = 0x756e_6b65_7900_0002
        static let single: UInt64 = 0x7369_6e67_6c00_0003
        static let null: UInt64 = 0x6e75_6c6c_0000_0004
        static let nested: UInt64 = 0x6e65_7374_0000_0005
        static let fingerprinted: UInt64 = 0x6669_6e67_0000_0006
        static let element: UInt64 = 0x656c_656d_0000_0007
    }

    fileprivate struct Encoding: Encoder {
        let box: Box
        var codingPath: [any CodingKey] { [] }
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            box.tag(Tags.keyed)
            return KeyedEncodingContainer(Keyed<Key>(box: box))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            box.tag(Tags.unkeyed)
            return Unkeyed(box: box)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            box.tag(Tags.single)
            return Single(box: box)
        }
    }

    fileprivate struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: Box
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil(forKey key: Key) throws {
            box.key(key)
            box.tag(Tags.null)
        }
        mutating func encode(_ value: Bool, forKey key: Key) throws {
            box.key(key)
            box.hasher.combine(value ? 1 : 0)
        }
        mutating func encode(_ value: String, forKey key: Key) throws {
            box.key(key)
            box.hasher.combine(value)
        }
        mutating func encode(_ value: Int, forKey key: Key) throws {
            box.key(key)
            box.hasher.combine(value)
        }
        mutating func encode(_ value: Int64, forKey key: Key) throws {
            box.key(key)
            box.hasher.combine(Int(value))
        }
        mutating func encode(_ value: Double, forKey key: Key) throws {
            box.key(key)
            box.hasher.combine(value.bitPattern)
        }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            box.key(key)
            try box.value(value, encoder: Encoding(box: box))
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        {
            box.key(key)
            box.tag(Tags.keyed)
            return KeyedEncodingContainer(Keyed<NestedKey>(box: box))
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            box.key(key)
            box.tag(Tags.unkeyed)
            return Unkeyed(box: box)
        }
        mutating func superEncoder() -> any Encoder { Encoding(box: box) }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            box.key(key)
            return Encoding(box: box)
        }
    }

    fileprivate struct Unkeyed: UnkeyedEncodingContainer {
        let box: Box
        var codingPath: [any CodingKey] { [] }
        var count = 0

        mutating func element() {
            box.tag(Tags.element)
            count += 1
        }
        mutating func encodeNil() throws {
            element()
            box.tag(Tags.null)
        }
        mutating func encode(_ value: Bool) throws {
            element()
            box.hasher.combine(value ? 1 : 0)
        }
        mutating func encode(_ value: String) throws {
            element()
            box.hasher.combine(value)
        }
        mutating func encode(_ value: Int) throws {
            element()
            box.hasher.combine(value)
        }
        mutating func encode<T: Encodable>(_ value: T) throws {
            element()
            try box.value(value, encoder: Encoding(box: box))
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
            -> KeyedEncodingContainer<NestedKey>
        {
            element()
            box.tag(Tags.keyed)
            return KeyedEncodingContainer(Keyed<NestedKey>(box: box))
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            element()
            box.tag(Tags.unkeyed)
            return Unkeyed(box: box)
        }
        mutating func superEncoder() -> any Encoder { Encoding(box: box) }
    }

    fileprivate struct Single: SingleValueEncodingContainer {
        let box: Box
        var codingPath: [any CodingKey] { [] }

        mutating func encodeNil() throws { box.tag(Tags.null) }
        mutating func encode(_ value: Bool) throws { box.hasher.combine(value ? 1 : 0) }
        mutating func encode(_ value: String) throws { box.hasher.combine(value) }
        mutating func encode(_ value: Int) throws { box.hasher.combine(value) }
        mutating func encode(_ value: Int64) throws { box.hasher.combine(Int(value)) }
        mutating func encode(_ value: Double) throws { box.hasher.combine(value.bitPattern) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            try box.value(value, encoder: Encoding(box: box))
        }
    }
}
