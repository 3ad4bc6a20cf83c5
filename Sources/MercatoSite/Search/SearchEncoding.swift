import CZlib
import Foundation

/// Bytes of the search index files, read back by `public/js/search-data.js`: unsigned LEB128 varints,
/// strings as a length and UTF-8 bytes.
struct ByteWriter {
    private(set) var bytes: [UInt8] = []

    mutating func varint(_ value: Int) {
        precondition(value >= 0, "varints are unsigned")
        var rest = UInt64(value)
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// A signed number, zigzag-encoded so that small negative numbers stay short.
    mutating func signedVarint(_ value: Int) {
        varint(value >= 0 ? value << 1 : ((-value) << 1) - 1)
    }

    mutating func string(_ text: String) {
        let utf8 = Array(text.utf8)
        varint(utf8.count)
        bytes += utf8
    }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func append(_ other: [UInt8]) { bytes += other }

    /// A 32-bit number in four bytes, least significant first.
    mutating func word(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }

    static func varintSize(_ value: Int) -> Int {
        var size = 1
        var rest = value >> 7
        while rest > 0 {
            size += 1
            rest >>= 7
        }
        return size
    }
}

/// Reads what ``ByteWriter`` writes; every read is `nil` past the end.
struct ByteReader {
    let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var remaining: Int { bytes.count - offset }
    var isAtEnd: Bool { offset == bytes.count }

    mutating func byte() -> UInt8? {
        guard offset < bytes.count else { return nil }
        offset += 1
        return bytes[offset - 1]
    }

    mutating func word() -> UInt32? {
        guard remaining >= 4 else { return nil }
        defer { offset += 4 }
        return (0..<4).reduce(0) { value, shift in value | UInt32(bytes[offset + shift]) << (8 * UInt32(shift)) }
    }

    mutating func varint() -> Int? {
        var value = 0
        var shift = 0
        while shift < 63, let next = byte() {
            value |= Int(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    mutating func bytes(_ count: Int) -> [UInt8]? {
        guard count <= remaining else { return nil }
        offset += count
        return Array(bytes[(offset - count)..<offset])
    }

    mutating func string() -> String? {
        guard let length = varint(), let utf8 = bytes(length) else { return nil }
        return String(decoding: utf8, as: UTF8.self)
    }
}

enum Gzip {
    /// `bytes` as a gzip stream (no file name, time 0, so the same input always gives the same output);
    /// the browser inflates it with `DecompressionStream("gzip")`.
    static func compress(_ bytes: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        // 15 window bits, +16 for a gzip header instead of zlib's.
        var status = deflateInit2_(
            &stream, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "deflateInit2 failed with status \(status)")
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 32)
        var input = bytes
        let produced = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                status = deflate(&stream, Z_FINISH)
                return target.count - Int(stream.avail_out)
            }
        }
        precondition(status == Z_STREAM_END, "deflate failed with status \(status)")
        return Array(output[..<produced])
    }

    /// `bytes` gzip-compressed when that makes them at least a tenth smaller, else as they are: inflating
    /// (`DecompressionStream`) costs the browser time per file, not worth a few percent. Record blocks
    /// (JSON) shrink by more than half; term shards vary (257 of 432 gzipped at 100,000 products).
    static func compressedIfSmaller(_ bytes: [UInt8]) -> [UInt8] {
        let compressed = compress(bytes)
        return compressed.count * 10 <= bytes.count * 9 ? compressed : bytes
    }

    /// Inflates a gzip stream; `nil` if it is not one.
    static func decompress(_ bytes: [UInt8]) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var input = bytes
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var status = Z_OK
        input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            while status == Z_OK {
                let produced = chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    return target.count - Int(stream.avail_out)
                }
                result += chunk[..<produced]
            }
        }
        return status == Z_STREAM_END ? result : nil
    }
}
