import CZlib

/// Writes 8-bit RGB images as PNG files, compressing with the system zlib.
enum PNGEncoder {
    /// A complete PNG file for `pixels`: `width × height` RGB triples, row by row from the top left.
    ///
    /// Each row gets the filter (None, Sub, Up, Average or Paeth) with the smallest sum of absolute filtered
    /// values, the usual heuristic that keeps smooth images small.
    static func encodeRGB(width: Int, height: Int, pixels: [UInt8]) -> [UInt8] {
        precondition(width > 0 && height > 0, "an image needs at least one pixel")
        precondition(pixels.count == width * height * 3, "expected \(width * height * 3) bytes, got \(pixels.count)")

        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header = [UInt8]()
        appendBigEndian(UInt32(width), to: &header)
        appendBigEndian(UInt32(height), to: &header)
        header += [8, 2, 0, 0, 0]  // 8-bit depth, truecolour, deflate, adaptive filtering, no interlace
        appendChunk("IHDR", header, to: &png)
        appendChunk("IDAT", compress(filtered(width: width, height: height, pixels: pixels)), to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    /// The scanlines, each prefixed with its filter type byte.
    private static func filtered(width: Int, height: Int, pixels: [UInt8]) -> [UInt8] {
        let stride = width * 3
        let bpp = 3
        var output = [UInt8](repeating: 0, count: (stride + 1) * height)
        var candidates = [[UInt8]](repeating: [UInt8](repeating: 0, count: stride), count: 5)
        let zeroRow = [UInt8](repeating: 0, count: stride)
        pixels.withUnsafeBufferPointer { image in
            zeroRow.withUnsafeBufferPointer { zeros in
                for row in 0..<height {
                    let current = UnsafeBufferPointer(rebasing: image[(row * stride)..<((row + 1) * stride)])
                    let above =
                        row == 0 ? zeros : UnsafeBufferPointer(rebasing: image[((row - 1) * stride)..<(row * stride)])
                    var bestFilter = 0
                    var bestScore = Int.max
                    for filter in 0..<5 {
                        var score = 0
                        candidates[filter].withUnsafeMutableBufferPointer { out in
                            for i in 0..<stride {
                                let x = current[i]
                                let a = i >= bpp ? current[i - bpp] : 0
                                let b = above[i]
                                let c = i >= bpp ? above[i - bpp] : 0
                                let value: UInt8
                                switch filter {
                                case 0: value = x
                                case 1: value = x &- a
                                case 2: value = x &- b
                                case 3: value = x &- UInt8((Int(a) + Int(b)) / 2)
                                default: value = x &- paeth(a, b, c)
                                }
                                out[i] = value
                                score += value < 128 ? Int(value) : 256 - Int(value)
                            }
                        }
                        if score < bestScore {
                            bestScore = score
                            bestFilter = filter
                        }
                    }
                    let start = row * (stride + 1)
                    output[start] = UInt8(bestFilter)
                    output.replaceSubrange((start + 1)..<(start + 1 + stride), with: candidates[bestFilter])
                }
            }
        }
        return output
    }

    @inline(__always)
    private static func paeth(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt8 {
        let p = Int(a) + Int(b) - Int(c)
        let pa = abs(p - Int(a))
        let pb = abs(p - Int(b))
        let pc = abs(p - Int(c))
        if pa <= pb && pa <= pc { return a }
        return pb <= pc ? b : c
    }

    private static func compress(_ data: [UInt8]) -> [UInt8] {
        var capacity = compressBound(uLong(data.count))
        var output = [UInt8](repeating: 0, count: Int(capacity))
        let status = compress2(&output, &capacity, data, uLong(data.count), 9)
        precondition(status == Z_OK, "zlib compress2 failed with status \(status)")
        output.removeSubrange(Int(capacity)...)
        return output
    }

    private static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        appendBigEndian(UInt32(data.count), to: &png)
        let typeAndData = Array(type.utf8) + data
        png += typeAndData
        let checksum = typeAndData.withUnsafeBufferPointer { buffer in
            crc32(crc32(0, nil, 0), buffer.baseAddress, uInt(buffer.count))
        }
        appendBigEndian(UInt32(truncatingIfNeeded: checksum), to: &png)
    }

    private static func appendBigEndian(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes += [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
