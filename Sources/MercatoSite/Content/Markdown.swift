import CCmark
import Foundation

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
    static func summary(_ markdown: String, limit: Int = 155) -> String {
        let paragraph = markdown.components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .first { !$0.isEmpty && !$0.hasPrefix("#") && !$0.hasPrefix("-") && !$0.hasPrefix("*") } ?? ""
        let plain = paragraph.replacingOccurrences(of: "\n", with: " ")
            .filter { !"*_`#[]".contains($0) }
        guard plain.count > limit else { return plain }
        let cut = plain.prefix(limit)
        return (cut.range(of: " ", options: .backwards).map { String(cut[..<$0.lowerBound]) } ?? String(cut)) + "…"
    }
}
