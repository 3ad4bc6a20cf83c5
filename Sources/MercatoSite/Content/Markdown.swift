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

    /// The first paragraph as plain text, shortened to `limit` characters: a default meta description.
    /// Headings and lists are skipped.
    static func summary(_ markdown: String, limit: Int = 155) -> String {
        var lines: [Substring] = []
        var skipping = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = line.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
            if text.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                if !lines.isEmpty { break }
                skipping = false
                continue
            }
            if lines.isEmpty, skipping || text.hasPrefix("#") || text.hasPrefix("-") || text.hasPrefix("*") {
                skipping = true
                continue
            }
            lines.append(text)
        }
        let plain = lines.joined(separator: " ").trimmingWhitespace().filter { !"*_`#[]".contains($0) }
        guard plain.count > limit else { return plain }
        let cut = plain.prefix(limit)
        return (cut.range(of: " ", options: .backwards).map { String(cut[..<$0.lowerBound]) } ?? String(cut)) + "…"
    }
}
