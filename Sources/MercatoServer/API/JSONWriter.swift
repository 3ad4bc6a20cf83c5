import Foundation
import MercatoCore

/// An answer the server sends thousands of times a second (a cart, an order), written as JSON straight into
/// bytes: Foundation's `JSONEncoder` built each order's answer as a tree of boxed values, sorted its keys and
/// formatted its dates, and took a tenth of the server's time under load.
///
/// A type writes exactly what `JSONBody.encoder` would write for its `Encodable` conformance, byte for byte:
/// keys in sorted order, absent optionals left out, dates in ISO 8601 to the second, `/` not escaped. The tests
/// compare the two.
protocol JSONWritable: Encodable {
    func write(to json: inout JSONWriter)
}

/// Builds one JSON text; keys and values are written in the order called, commas in between.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private var needsComma = false

    init() { bytes.reserveCapacity(1024) }

    static func data(_ value: some JSONWritable) -> Data {
        var json = JSONWriter()
        value.write(to: &json)
        return Data(json.bytes)
    }

    mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    mutating func array<S: Sequence>(_ elements: S, _ body: (inout JSONWriter, S.Element) -> Void) {
        open(UInt8(ascii: "["))
        for element in elements { body(&self, element) }
        close(UInt8(ascii: "]"))
    }

    /// Writes `key` and leaves the writer waiting for its value.
    mutating func key(_ key: String) {
        string(key)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func field(_ key: String, _ value: String?) {
        guard let value else { return }
        self.key(key)
        string(value)
    }

    mutating func field(_ key: String, _ value: Int) {
        self.key(key)
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func field(_ key: String, _ value: Bool) {
        self.key(key)
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func field(_ key: String, _ value: Date?) {
        guard let value else { return }
        self.key(key)
        string(Self.iso8601(value))
    }

    /// A string value, escaped as `JSONEncoder` escapes it.
    mutating func string(_ text: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        defer {
            bytes.append(UInt8(ascii: "\""))
            needsComma = true
        }
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else {
            bytes.append(contentsOf: utf8)
            return
        }
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x08: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "b")])
            case 0x0C: bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "f")])
            case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case ..<0x20:
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
    }

    private mutating func open(_ bracket: UInt8) {
        separate()
        bytes.append(bracket)
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(bracket)
        needsComma = true
    }

    /// The comma before a value or key that follows another.
    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `2026-12-07T08:15:02Z`: the second the date falls in, in UTC.
    static func iso8601(_ date: Date) -> String {
        // Foundation writes dates before the Gregorian reform in the Julian calendar: let it (outside
        // 1600-01-01T00:00:00Z up to the end of 9999, checked on the seconds so the day is worked out once).
        guard (-11_676_096_000..<253_402_300_800).contains(date.timeIntervalSince1970) else {
            return date.ISO8601Format()
        }
        return CivilDate.isoTimestamp(date)
    }
}
