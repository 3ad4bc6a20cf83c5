import CCmark
import Foundation
import MercatoCore

/// CommonMark to HTML through libcmark. Raw HTML in the Markdown is replaced by a comment (cmark's safe mode),
/// so content cannot inject scripts into the storefront.
enum Markdown {
    static func html(_ markdown: String) -> String {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_SMART
        let bytes = Array(markdown.utf8)
        guard let rendered = cmark_markdown_to_html(bytes, bytes.count, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }

    private static let markupBytes: [UInt8] = Array("*_`#[]".utf8)

    /// The first paragraph as plain text, shortened to `limit` characters: a default meta description.
    /// Headings and lists are skipped.
    static func summary(_ markdown: String, limit: Int = 155) -> String {
        // Bytes, not characters: every byte compared is ASCII, which UTF-8 never uses inside a longer character.
        func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") }
        let text = Array(markdown.utf8)
        var paragraph: [UInt8] = []
        var skipping = false
        var lineStart = 0
        while lineStart <= text.count {
            let lineEnd = text[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? text.count
            var line = text[lineStart..<lineEnd].drop(while: isBlank)
            while let last = line.last, isBlank(last) { line.removeLast() }
            lineStart = lineEnd + 1
            if line.allSatisfy(isBlank) {
                if !paragraph.isEmpty { break }
                skipping = false
                continue
            }
            if paragraph.isEmpty, skipping || [UInt8(ascii: "#"), UInt8(ascii: "-"), UInt8(ascii: "*")].contains(line.first!) {
                skipping = true
                continue
            }
            if !paragraph.isEmpty { paragraph.append(UInt8(ascii: " ")) }
            paragraph += line.lazy.filter { !Self.markupBytes.contains($0) }
        }
        let plain = String(decoding: paragraph, as: UTF8.self).trimmingWhitespace()
        guard plain.count > limit else { return plain }
        let cut = plain.prefix(limit)
        return (cut.range(of: " ", options: .backwards).map { String(cut[..<$0.lowerBound]) } ?? String(cut)) + "…"
    }
}
