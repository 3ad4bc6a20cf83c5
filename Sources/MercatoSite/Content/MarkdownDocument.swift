import Yams

/// A Markdown file split into its YAML front matter and its body, with the line the body starts on.
struct MarkdownDocument: Sendable {
    /// Front matter values, as YAML scalars turned into strings, lists and nested maps.
    var frontMatter: [String: FrontMatterValue]
    var body: String
    /// 1-based line of the first body line in the file.
    var bodyLine: Int

    /// Parses `text` from `file` (a shop-relative path, for error messages).
    /// Throws a ``BuildError`` naming the file and line of malformed front matter.
    static func parse(_ text: String, file: String, allowedKeys: Set<String>) throws(BuildError) -> MarkdownDocument {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard lines.first?.trimmingTrailingSpace == "---" else {
            return MarkdownDocument(frontMatter: [:], body: text, bodyLine: 1)
        }
        guard let closing = lines.dropFirst().firstIndex(where: { $0.trimmingTrailingSpace == "---" }) else {
            throw BuildError(
                stage: .load, file: file, line: 1, message: "front matter starts with --- but is never closed by ---")
        }
        let yaml = lines[1..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw BuildError(
                stage: .load, file: file, line: 1 + (error.mark?.line ?? 1),
                message: "malformed front matter: \(error.problem)")
        } catch {
            throw BuildError(stage: .load, file: file, line: 2, message: "malformed front matter: \(error)")
        }
        guard let node else { return MarkdownDocument(frontMatter: [:], body: body, bodyLine: closing + 2) }
        guard case .mapping(let mapping) = node else {
            throw BuildError(
                stage: .load, file: file, line: 2, message: "front matter must be key: value lines, not \(node.kindName)")
        }
        var values: [String: FrontMatterValue] = [:]
        for (keyNode, valueNode) in mapping {
            let line = 1 + keyNode.line
            guard let key = keyNode.string else {
                throw BuildError(stage: .load, file: file, line: line, message: "front matter keys must be text")
            }
            guard allowedKeys.contains(key) else {
                let known = allowedKeys.sorted().joined(separator: ", ")
                throw BuildError(
                    stage: .load, file: file, line: line, message: "unknown front matter key '\(key)' (known: \(known))")
            }
            values[key] = FrontMatterValue(valueNode, line: line)
        }
        return MarkdownDocument(frontMatter: values, body: body, bodyLine: closing + 2)
    }

    /// A text value, or a typed error naming the line where the key is.
    func string(_ key: String, file: String) throws(BuildError) -> String? {
        guard let value = frontMatter[key] else { return nil }
        guard case .text(let text, _) = value.content else {
            throw BuildError(stage: .load, file: file, line: value.line, message: "'\(key)' must be text")
        }
        return text
    }
}

/// One front matter value with the line it was written on.
struct FrontMatterValue: Sendable {
    enum Content: Sendable {
        case text(String, line: Int)
        case list([FrontMatterValue])
        case map([String: FrontMatterValue])
    }

    var content: Content
    var line: Int

    init(_ node: Node, line: Int) {
        self.line = line
        switch node {
        case .scalar(let scalar): content = .text(scalar.string, line: line)
        case .sequence(let sequence):
            content = .list(sequence.map { FrontMatterValue($0, line: 1 + $0.line) })
        case .mapping(let mapping):
            var values: [String: FrontMatterValue] = [:]
            for (key, value) in mapping { values[key.string ?? ""] = FrontMatterValue(value, line: 1 + key.line) }
            content = .map(values)
        case .alias: content = .text("", line: line)
        }
    }
}

extension Node {
    fileprivate var kindName: String {
        switch self {
        case .scalar: "a single value"
        case .sequence: "a list"
        case .mapping: "a mapping"
        case .alias: "an alias"
        }
    }

    /// 1-based line of the node within the YAML text.
    fileprivate var line: Int {
        let mark: Mark? =
            switch self {
            case .scalar(let scalar): scalar.mark
            case .mapping(let mapping): mapping.mark
            case .sequence(let sequence): sequence.mark
            case .alias(let alias): alias.mark
            }
        return mark?.line ?? 1
    }
}

extension YamlError {
    fileprivate var mark: Mark? {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark
        default: nil
        }
    }

    fileprivate var problem: String {
        switch self {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
            .composer(let context, let problem, _, _):
            [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
        default: "\(self)"
        }
    }
}

extension Substring {
    fileprivate var trimmingTrailingSpace: Substring {
        var text = self
        while text.last == " " || text.last == "\t" || text.last == "\r" { text.removeLast() }
        return text
    }
}
