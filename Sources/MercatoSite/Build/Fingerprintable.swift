import Foundation
import MercatoDatabase

/// A value that goes into a page's input fingerprint. Payload types feed every one of their fields, in
/// order, next to where the fields are declared (`PagePayloads.swift`); `FingerprintTests` fails when a
/// field is added to a payload without being added to its fingerprint.
protocol Fingerprintable {
    func fingerprint(into hasher: inout StableHasher)
}

extension StableHasher {
    mutating func combine(_ value: some Fingerprintable) { value.fingerprint(into: &self) }
}

extension String: Fingerprintable {
    func fingerprint(into hasher: inout StableHasher) { hasher.combine(self) }
}

extension Int: Fingerprintable {
    func fingerprint(into hasher: inout StableHasher) { hasher.combine(self) }
}

extension Int64: Fingerprintable {
    func fingerprint(into hasher: inout StableHasher) { hasher.combine(Int(self)) }
}

extension Bool: Fingerprintable {
    func fingerprint(into hasher: inout StableHasher) { hasher.combine(self ? 1 : 0) }
}

extension Date: Fingerprintable {
    func fingerprint(into hasher: inout StableHasher) { hasher.combine(timeIntervalSince1970.bitPattern) }
}

extension Optional: Fingerprintable where Wrapped: Fingerprintable {
    func fingerprint(into hasher: inout StableHasher) {
        switch self {
        case .none: hasher.combine(0x6e6f_6e65 as UInt64)
        case .some(let value):
            hasher.combine(0x736f_6d65 as UInt64)
            hasher.combine(value)
        }
    }
}

extension Array: Fingerprintable where Element: Fingerprintable {
    func fingerprint(into hasher: inout StableHasher) {
        hasher.combine(count)
        for element in self { hasher.combine(element) }
    }
}

extension CatalogSnapshot.ReviewDigest: Fingerprintable {
    func fingerprint(into hasher: inout StableHasher) {
        hasher.combine(count)
        hasher.combine(revision)
    }
}
