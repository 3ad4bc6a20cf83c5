/// One Mustache template, parsed once into a tree and rendered straight into a byte buffer.
///
/// Supports the Mustache spec's variables (`{{name}}` escaped, `{{{name}}}` and `{{&name}}` raw), dotted
/// names, the implicit iterator `{{.}}`, sections `{{#name}}`, inverted sections `{{^name}}`, partials
/// `{{> name}}`, comments `{{! … }}` and standalone-line removal. Not supported, and refused when the
/// template loads: changing delimiters, lambdas, and template inheritance (`{{<`, `{{$`).
///
/// Names are looked up from the innermost section outwards; a name found nowhere is recorded with its
/// line, so the build can fail with file and line instead of rendering an empty string.
struct CompiledTemplate: Sendable {
    indirect enum Node: Sendable {
        case text([UInt8])
        case variable(Name, escaped: Bool)
        case section(Name, [Node], inverted: Bool)
        case partial(String, indentation: [UInt8], line: Int)
    }

    struct Name: Sendable {
        /// `product.rating.count` → `["product", "rating", "count"]`; empty for `.`.
        var parts: [String]
        var text: String
        var line: Int
    }

    struct SyntaxError: Error, Sendable {
        var line: Int
        var message: String
    }

    let nodes: [Node]

    init(source: String) throws(SyntaxError) {
        var parser = Parser(bytes: Array(source.utf8))
        nodes = try parser.parse()
    }

    /// Every name the template shows or tests (variables and sections), as written (`scripts.site`).
    var names: [String] {
        var found: [String] = []
        func visit(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .variable(let name, _): found.append(name.text)
                case .section(let name, let children, _):
                    found.append(name.text)
                    visit(children)
                default: break
                }
            }
        }
        visit(nodes)
        return found
    }

    /// Names of the partials this template includes, with their lines.
    var partials: [(name: String, line: Int)] {
        var found: [(String, Int)] = []
        func visit(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .partial(let name, _, let line): found.append((name, line))
                case .section(_, let children, _): visit(children)
                default: break
                }
            }
        }
        visit(nodes)
        return found
    }
}

// MARK: - Parsing

extension CompiledTemplate {
    private struct Parser {
        let bytes: [UInt8]
        var position = 0
        var line = 1

        private static let open: [UInt8] = Array("{{".utf8)

        mutating func parse() throws(SyntaxError) -> [Node] {
            var stack: [(name: Name, inverted: Bool, nodes: [Node])] = []
            var nodes: [Node] = []
            var text: [UInt8] = []

            func flushText() {
                if !text.isEmpty { nodes.append(.text(text)) }
                text = []
            }

            while position < bytes.count {
                guard let tagStart = find(Self.open, from: position) else {
                    appendText(from: position, to: bytes.count, into: &text)
                    break
                }
                appendText(from: position, to: tagStart, into: &text)
                let tagLine = line
                var cursor = tagStart + 2
                guard cursor < bytes.count else { throw SyntaxError(line: tagLine, message: "a tag is not closed with }}") }
                let sigil = bytes[cursor]
                var closing: [UInt8] = Array("}}".utf8)
                switch sigil {
                case UInt8(ascii: "{"):
                    closing = Array("}}}".utf8)
                    cursor += 1
                case UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "!"),
                    UInt8(ascii: "&"):
                    cursor += 1
                case UInt8(ascii: "="):
                    throw SyntaxError(line: tagLine, message: "changing delimiters ({{=…=}}) is not supported")
                case UInt8(ascii: "<"), UInt8(ascii: "$"):
                    throw SyntaxError(line: tagLine, message: "template inheritance ({{< and {{$) is not supported")
                default: break
                }
                guard let tagEnd = find(closing, from: cursor) else {
                    throw SyntaxError(line: tagLine, message: "a tag is not closed with \(String(decoding: closing, as: UTF8.self))")
                }
                let content = String(decoding: bytes[cursor..<tagEnd], as: UTF8.self)
                let afterTag = tagEnd + closing.count
                line += bytes[tagStart..<afterTag].reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
                position = afterTag

                let isBlockTag = [UInt8(ascii: "#"), UInt8(ascii: "^"), UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "!")]
                    .contains(sigil)
                var indentation: [UInt8] = []
                if isBlockTag, let (lineStart, nextLine) = standaloneBounds(tagStart: tagStart, tagEnd: afterTag) {
                    // A tag alone on its line takes the line with it: its indentation and its newline.
                    indentation = Array(bytes[lineStart..<tagStart])
                    text.removeLast(tagStart - lineStart)
                    if nextLine > position, bytes[nextLine - 1] == UInt8(ascii: "\n") { line += 1 }
                    position = nextLine
                }

                switch sigil {
                case UInt8(ascii: "!"):
                    continue
                case UInt8(ascii: "#"), UInt8(ascii: "^"):
                    flushText()
                    stack.append((try name(content, line: tagLine), sigil == UInt8(ascii: "^"), nodes))
                    nodes = []
                case UInt8(ascii: "/"):
                    flushText()
                    let closed = content.trimmingSpaces
                    guard let open = stack.popLast() else {
                        throw SyntaxError(line: tagLine, message: "{{/\(closed)}} closes a section that was never opened")
                    }
                    guard open.name.text == closed else {
                        throw SyntaxError(
                            line: tagLine,
                            message: "a section is closed with the wrong name: {{/\(closed)}} closes {{#\(open.name.text)}} of line \(open.name.line)")
                    }
                    let section = Node.section(open.name, nodes, inverted: open.inverted)
                    nodes = open.nodes
                    nodes.append(section)
                case UInt8(ascii: ">"):
                    flushText()
                    let partial = content.trimmingSpaces
                    guard !partial.isEmpty else { throw SyntaxError(line: tagLine, message: "a partial tag needs a name") }
                    nodes.append(.partial(partial, indentation: indentation, line: tagLine))
                default:
                    flushText()
                    let escaped = sigil != UInt8(ascii: "{") && sigil != UInt8(ascii: "&")
                    nodes.append(.variable(try name(content, line: tagLine), escaped: escaped))
                }
            }
            flushText()
            if let open = stack.last {
                throw SyntaxError(line: open.name.line, message: "a section is never closed: {{#\(open.name.text)}}")
            }
            return nodes
        }

        private func name(_ content: String, line: Int) throws(SyntaxError) -> Name {
            let text = content.trimmingSpaces
            guard !text.isEmpty else { throw SyntaxError(line: line, message: "a tag needs a name") }
            if text == "." { return Name(parts: [], text: text, line: line) }
            let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard !parts.contains(where: \.isEmpty), !text.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" }) else {
                throw SyntaxError(line: line, message: "'\(text)' is not a valid name")
            }
            return Name(parts: parts, text: text, line: line)
        }

        /// When the tag from `tagStart` to `tagEnd` is the only thing on its line (apart from spaces and
        /// tabs), the start of that line and the start of the next.
        private func standaloneBounds(tagStart: Int, tagEnd: Int) -> (Int, Int)? {
            var lineStart = tagStart
            while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n") {
                guard bytes[lineStart - 1] == UInt8(ascii: " ") || bytes[lineStart - 1] == UInt8(ascii: "\t") else {
                    return nil
                }
                lineStart -= 1
            }
            var next = tagEnd
            while next < bytes.count, bytes[next] != UInt8(ascii: "\n") {
                guard bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\t") || bytes[next] == UInt8(ascii: "\r")
                else { return nil }
                next += 1
            }
            if next < bytes.count { next += 1 }
            return (lineStart, next)
        }

        private mutating func appendText(from start: Int, to end: Int, into text: inout [UInt8]) {
            guard start < end else { return }
            text.append(contentsOf: bytes[start..<end])
            line += bytes[start..<end].reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            position = end
        }

        private func find(_ needle: [UInt8], from start: Int) -> Int? {
            guard needle.count <= bytes.count else { return nil }
            var index = start
            while index + needle.count <= bytes.count {
                if bytes[index] == needle[0], bytes[index..<index + needle.count].elementsEqual(needle) { return index }
                index += 1
            }
            return nil
        }
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

// MARK: - Rendering

/// Renders compiled templates: one per call, into one growing buffer.
struct TemplateRenderer {
    let templates: [String: CompiledTemplate]
    private(set) var output: [UInt8] = []
    private var stack: [TemplateValue] = []
    /// The first name that was found nowhere: template name and the name with its line.
    private(set) var missing: (template: String, name: CompiledTemplate.Name)?
    private var current = ""

    init(templates: [String: CompiledTemplate], capacity: Int = 16_384) {
        self.templates = templates
        output.reserveCapacity(capacity)
    }

    /// Renders `template` with a context stack whose bottom is `context` (shared values, e.g. the whole
    /// site's) and whose top is `page`.
    mutating func render(_ template: String, context: [TemplateValue]) -> Bool {
        guard let compiled = templates[template] else { return false }
        output.removeAll(keepingCapacity: true)
        missing = nil
        stack = context
        current = template
        render(compiled.nodes)
        return true
    }

    private mutating func render(_ nodes: [CompiledTemplate.Node]) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                output.append(contentsOf: bytes)
            case .variable(let name, let escaped):
                switch resolve(name) {
                case .string(let text): escaped ? appendEscaped(text) : output.append(contentsOf: text.utf8)
                case .int(let number): output.append(contentsOf: String(number).utf8)
                case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
                case .null, .list, .object: break
                }
            case .section(let name, let children, let inverted):
                let value = resolve(name)
                if inverted {
                    if !value.isTruthy { render(children) }
                    continue
                }
                switch value {
                case .null, .bool(false): break
                case .bool(true): render(children)
                case .list(let items):
                    for item in items {
                        stack.append(item)
                        render(children)
                        stack.removeLast()
                    }
                default:
                    stack.append(value)
                    render(children)
                    stack.removeLast()
                }
            case .partial(let name, let indentation, _):
                guard let partial = templates[name] else { continue }
                let caller = current
                current = name
                let start = output.count
                render(partial.nodes)
                current = caller
                if !indentation.isEmpty { indent(from: start, with: indentation) }
            }
        }
    }

    /// A standalone partial is indented as its tag was: every line it rendered gets the indentation.
    private mutating func indent(from start: Int, with indentation: [UInt8]) {
        var indented: [UInt8] = indentation
        for (offset, byte) in output[start...].enumerated() {
            indented.append(byte)
            if byte == UInt8(ascii: "\n"), start + offset + 1 < output.count { indented.append(contentsOf: indentation) }
        }
        output.replaceSubrange(start..., with: indented)
    }

    private mutating func resolve(_ name: CompiledTemplate.Name) -> TemplateValue {
        guard let first = name.parts.first else { return stack.last ?? .null }
        var value: TemplateValue?
        for frame in stack.reversed() {
            if let found = frame[first] {
                value = found
                break
            }
        }
        guard var value else {
            if missing == nil { missing = (current, name) }
            return .null
        }
        for part in name.parts.dropFirst() {
            switch value {
            case .null: return .null
            case .object(let fields):
                guard let next = fields[part] else {
                    if missing == nil { missing = (current, name) }
                    return .null
                }
                value = next
            default: return .null
            }
        }
        return value
    }

    private mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            for (index, byte) in bytes.enumerated() {
                let replacement: StaticString
                switch byte {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                start = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }
}

extension TemplateValue {
    fileprivate var isTruthy: Bool {
        switch self {
        case .null, .bool(false): false
        case .list(let items): !items.isEmpty
        default: true
        }
    }
}
