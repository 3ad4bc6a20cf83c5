import MercatoCore

/// Paints deterministic placeholder "product photos": a soft studio backdrop in a muted hue per category,
/// a floor shadow and a simple centred silhouette that depends on the variant. No text.
enum ProductImagePainter {
    /// A `width × width` PNG. `categoryIndex` (0..<12) picks the hue; `variant` (0...4) picks the silhouette:
    /// 0 sphere, 1 rounded box, 2 bottle, 3 tent, 4 stacked boxes.
    static func png(category: Slug, categoryIndex: Int, variant: Int, width: Int) -> [UInt8] {
        let rgb = pixels(categoryIndex: categoryIndex, variant: variant, width: width)
        return PNGEncoder.encodeRGB(width: width, height: width, pixels: rgb, filter: .none)
    }

    /// The raw RGB pixels of the image, row by row.
    static func pixels(categoryIndex: Int, variant: Int, width: Int) -> [UInt8] {
        precondition(width > 0, "width must be positive")
        let hue = Double(((categoryIndex % 12) + 12) % 12) * 30 + 8
        let wallTop = hsl(hue, 0.32, 0.94)
        let wallBottom = hsl(hue, 0.30, 0.87)
        let floorTop = hsl(hue, 0.24, 0.82)
        let floorBottom = hsl(hue, 0.22, 0.77)
        let shadowColour = hsl(hue, 0.25, 0.45)
        let layers = silhouette(variant: ((variant % 5) + 5) % 5, hue: hue)

        let size = Double(width)
        let horizon = 0.68
        let margin = 2 / size
        var pixels = [UInt8](repeating: 0, count: width * width * 3)
        for row in 0..<width {
            let y = (Double(row) + 0.5) / size
            // Backdrop: a wall gradient down to the horizon, then a slightly darker floor, anti-aliased between.
            let wall = mix(wallTop, wallBottom, min(y / horizon, 1))
            let floor = mix(floorTop, floorBottom, max(0, (y - horizon) / (1 - horizon)))
            let base = mix(wall, floor, clamp(0.5 + (y - horizon) * size))
            // The object is lit from above: a little lighter at the top, in a few bands.
            let shade = (min(max((0.80 - y) / 0.55, 0), 1) * 5).rounded(.down) / 5 * 0.07

            for column in 0..<width {
                let x = (Double(column) + 0.5) / size
                var colour = base
                // Contact shadow under the object: a pale outer ellipse and a darker core, both anti-aliased.
                if abs(x - 0.5) < 0.32 && abs(y - 0.785) < 0.06 {
                    let outer = (clamp(0.5 - ellipseDistance(x - 0.5, y - 0.785, 0.30, 0.042) * size) * 8).rounded() / 8
                    let inner = (clamp(0.5 - ellipseDistance(x - 0.5, y - 0.782, 0.21, 0.026) * size) * 8).rounded() / 8
                    colour = mix(colour, shadowColour, 0.14 * outer + 0.14 * inner)
                }
                for layer in layers {
                    let bounds = layer.shape.bounds
                    if x < bounds.minX - margin || x > bounds.maxX + margin || y < bounds.minY - margin
                        || y > bounds.maxY + margin
                    {
                        continue
                    }
                    let coverage = (clamp(0.5 - layer.shape.distance(x, y) * size) * 8).rounded() / 8
                    if coverage > 0 {
                        let lit = RGB(
                            r: layer.colour.r + shade, g: layer.colour.g + shade, b: layer.colour.b + shade)
                        colour = mix(colour, lit, coverage)
                    }
                }
                let offset = (row * width + column) * 3
                pixels[offset] = byte(colour.r)
                pixels[offset + 1] = byte(colour.g)
                pixels[offset + 2] = byte(colour.b)
            }
        }
        return pixels
    }

    // MARK: Silhouettes

    private struct Layer {
        let shape: Shape
        let colour: RGB
    }

    private enum Shape {
        case circle(cx: Double, cy: Double, r: Double)
        case roundedBox(cx: Double, cy: Double, hw: Double, hh: Double, r: Double)
        case triangle(ax: Double, ay: Double, bx: Double, by: Double, cx: Double, cy: Double)

        /// The smallest rectangle holding the shape, in image units.
        var bounds: (minX: Double, minY: Double, maxX: Double, maxY: Double) {
            switch self {
            case .circle(let cx, let cy, let r):
                return (cx - r, cy - r, cx + r, cy + r)
            case .roundedBox(let cx, let cy, let hw, let hh, _):
                return (cx - hw, cy - hh, cx + hw, cy + hh)
            case .triangle(let ax, let ay, let bx, let by, let cx, let cy):
                return (min(ax, bx, cx), min(ay, by, cy), max(ax, bx, cx), max(ay, by, cy))
            }
        }

        /// Signed distance in image units (negative inside).
        func distance(_ x: Double, _ y: Double) -> Double {
            switch self {
            case .circle(let cx, let cy, let r):
                let dx = x - cx
                let dy = y - cy
                return (dx * dx + dy * dy).squareRoot() - r
            case .roundedBox(let cx, let cy, let hw, let hh, let r):
                let qx = abs(x - cx) - (hw - r)
                let qy = abs(y - cy) - (hh - r)
                let ox = max(qx, 0)
                let oy = max(qy, 0)
                return (ox * ox + oy * oy).squareRoot() + min(max(qx, qy), 0) - r
            case .triangle(let ax, let ay, let bx, let by, let cx, let cy):
                return triangleDistance(x, y, ax, ay, bx, by, cx, cy)
            }
        }
    }

    private static func silhouette(variant: Int, hue: Double) -> [Layer] {
        let body = hsl(hue, 0.30, 0.50)
        let dark = hsl(hue, 0.32, 0.40)
        let darker = hsl(hue, 0.34, 0.32)
        let light = hsl(hue, 0.28, 0.60)
        switch variant {
        case 0:
            return [
                Layer(shape: .circle(cx: 0.5, cy: 0.535, r: 0.235), colour: body),
                Layer(shape: .circle(cx: 0.43, cy: 0.46, r: 0.06), colour: light),
            ]
        case 1:
            return [
                Layer(shape: .roundedBox(cx: 0.5, cy: 0.585, hw: 0.25, hh: 0.185, r: 0.05), colour: body),
                Layer(shape: .roundedBox(cx: 0.5, cy: 0.44, hw: 0.25, hh: 0.04, r: 0.04), colour: dark),
            ]
        case 2:
            return [
                Layer(shape: .roundedBox(cx: 0.5, cy: 0.615, hw: 0.115, hh: 0.16, r: 0.045), colour: body),
                Layer(shape: .roundedBox(cx: 0.5, cy: 0.41, hw: 0.045, hh: 0.07, r: 0.015), colour: body),
                Layer(shape: .roundedBox(cx: 0.5, cy: 0.325, hw: 0.055, hh: 0.03, r: 0.012), colour: darker),
                Layer(shape: .roundedBox(cx: 0.5, cy: 0.62, hw: 0.115, hh: 0.06, r: 0.0), colour: light),
            ]
        case 3:
            return [
                Layer(shape: .triangle(ax: 0.5, ay: 0.29, bx: 0.21, by: 0.775, cx: 0.79, cy: 0.775), colour: body),
                Layer(shape: .triangle(ax: 0.5, ay: 0.52, bx: 0.415, by: 0.775, cx: 0.585, cy: 0.775), colour: darker),
            ]
        default:
            return [
                Layer(shape: .roundedBox(cx: 0.45, cy: 0.675, hw: 0.19, hh: 0.10, r: 0.015), colour: dark),
                Layer(shape: .roundedBox(cx: 0.49, cy: 0.49, hw: 0.14, hh: 0.085, r: 0.015), colour: body),
                Layer(shape: .roundedBox(cx: 0.73, cy: 0.715, hw: 0.075, hh: 0.06, r: 0.012), colour: light),
            ]
        }
    }

    /// Approximate signed distance from a point (relative to the centre) to an axis-aligned ellipse.
    private static func ellipseDistance(_ dx: Double, _ dy: Double, _ rx: Double, _ ry: Double) -> Double {
        let u = dx / rx
        let v = dy / ry
        let f = u * u + v * v - 1
        let gx = 2 * u / rx
        let gy = 2 * v / ry
        let gradient = (gx * gx + gy * gy).squareRoot()
        return gradient > 0 ? f / gradient : -min(rx, ry)
    }

    /// Signed distance from a point to a triangle (after Inigo Quilez).
    private static func triangleDistance(
        _ px: Double, _ py: Double, _ ax: Double, _ ay: Double, _ bx: Double, _ by: Double, _ cx: Double, _ cy: Double
    ) -> Double {
        let e0x = bx - ax, e0y = by - ay
        let e1x = cx - bx, e1y = cy - by
        let e2x = ax - cx, e2y = ay - cy
        let v0x = px - ax, v0y = py - ay
        let v1x = px - bx, v1y = py - by
        let v2x = px - cx, v2y = py - cy
        let t0 = clamp((v0x * e0x + v0y * e0y) / (e0x * e0x + e0y * e0y))
        let t1 = clamp((v1x * e1x + v1y * e1y) / (e1x * e1x + e1y * e1y))
        let t2 = clamp((v2x * e2x + v2y * e2y) / (e2x * e2x + e2y * e2y))
        let q0x = v0x - e0x * t0, q0y = v0y - e0y * t0
        let q1x = v1x - e1x * t1, q1y = v1y - e1y * t1
        let q2x = v2x - e2x * t2, q2y = v2y - e2y * t2
        let s: Double = e0x * e2y - e0y * e2x > 0 ? 1 : -1
        let d = min(q0x * q0x + q0y * q0y, q1x * q1x + q1y * q1y, q2x * q2x + q2y * q2y)
        let side = min(s * (v0x * e0y - v0y * e0x), s * (v1x * e1y - v1y * e1x), s * (v2x * e2y - v2y * e2x))
        return side < 0 ? d.squareRoot() : -d.squareRoot()
    }

    // MARK: Colour

    private struct RGB {
        var r: Double
        var g: Double
        var b: Double
    }

    /// Hue in degrees, saturation and lightness in 0...1.
    private static func hsl(_ hue: Double, _ saturation: Double, _ lightness: Double) -> RGB {
        let chroma = (1 - abs(2 * lightness - 1)) * saturation
        let h = (hue.truncatingRemainder(dividingBy: 360) + 360).truncatingRemainder(dividingBy: 360) / 60
        let x = chroma * (1 - abs(h.truncatingRemainder(dividingBy: 2) - 1))
        let m = lightness - chroma / 2
        let (r, g, b): (Double, Double, Double)
        switch h {
        case ..<1: (r, g, b) = (chroma, x, 0)
        case ..<2: (r, g, b) = (x, chroma, 0)
        case ..<3: (r, g, b) = (0, chroma, x)
        case ..<4: (r, g, b) = (0, x, chroma)
        case ..<5: (r, g, b) = (x, 0, chroma)
        default: (r, g, b) = (chroma, 0, x)
        }
        return RGB(r: r + m, g: g + m, b: b + m)
    }

    private static func mix(_ a: RGB, _ b: RGB, _ t: Double) -> RGB {
        RGB(r: a.r + (b.r - a.r) * t, g: a.g + (b.g - a.g) * t, b: a.b + (b.b - a.b) * t)
    }

    private static func clamp(_ value: Double) -> Double {
        min(max(value, 0), 1)
    }

    private static func byte(_ value: Double) -> UInt8 {
        UInt8(clamp(value) * 255 + 0.5)
    }
}
