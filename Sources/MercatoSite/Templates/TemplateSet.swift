import Foundation
import Mustache

/// The shop's Mustache templates: `Templates/<name>.mustache` for pages and `Templates/partials/*.mustache`
/// for the pieces they include. Knows, per page template, the fingerprint of the template and every
/// partial it reaches, so that a template edit re-renders exactly the pages that use it.
struct TemplateSet: Sendable {
    let library: MustacheLibrary
    /// Template name (`product`, `partials/header`) → source text.
    let sources: [String: String]
    /// Page template name → fingerprint of its text and all partials it includes.
    let fingerprints: [String: String]

    static let folder = "Templates"

    /// Loads every template under `directory`. Reports every parse error and every reference to a partial
    /// that does not exist, with file and line.
    static func load(from directory: URL) throws(BuildFailure) -> TemplateSet {
        var sources: [String: String] = [:]
        var errors: [BuildError] = []
        let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "mustache" else { continue }
            let relative = String(file.standardizedFileURL.path.dropFirst(directory.standardizedFileURL.path.count + 1))
            let name = String(relative.dropLast(".mustache".count))
            guard let text = try? String(contentsOf: file, encoding: .utf8) else {
                errors.append(BuildError(stage: .load, file: "\(folder)/\(relative)", message: "cannot read as UTF-8"))
                continue
            }
            sources[name] = text
        }
        var library = MustacheLibrary()
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                errors.append(
                    BuildError(
                        stage: .load, file: "\(folder)/\(name).mustache", line: error.context.lineNumber,
                        message: "template syntax: \(Self.describe(error.error)) near '\(error.context.line.trimmingCharacters(in: .whitespaces))'"))
            } catch {
                errors.append(BuildError(stage: .load, file: "\(folder)/\(name).mustache", message: "\(error)"))
            }
            for reference in Self.partialReferences(in: text) where sources[reference.name] == nil {
                errors.append(
                    BuildError(
                        stage: .load, file: "\(folder)/\(name).mustache", line: reference.line,
                        message: "unknown partial '\(reference.name)' (no \(folder)/\(reference.name).mustache)"))
            }
        }
        if !errors.isEmpty { throw BuildFailure(errors) }
        var fingerprints: [String: String] = [:]
        for name in sources.keys {
            var hasher = StableHasher()
            for included in Self.closure(of: name, sources: sources).sorted() {
                hasher.combine(included)
                hasher.combine(sources[included]!)
            }
            fingerprints[name] = hasher.hex
        }
        return TemplateSet(library: library, sources: sources, fingerprints: fingerprints)
    }

    /// Renders `template` with `context`, failing with file and line if the template names a variable
    /// the context does not have.
    func render(_ template: String, context: [String: Any]) throws(BuildError) -> String {
        let scope = TemplateScope(context)
        guard let text = library.render(scope, withTemplate: template) else {
            throw BuildError(stage: .render, file: "\(Self.folder)/\(template).mustache", message: "template is missing")
        }
        if let missing = scope.missingNames.sorted().first {
            let (file, line) = locate(variable: missing, from: template)
            throw BuildError(
                stage: .render, file: file, line: line, message: "unknown template variable '\(missing)'")
        }
        return text
    }

    /// The template file and line where `variable` is used, searching `template` and its partials.
    private func locate(variable: String, from template: String) -> (String, Int?) {
        let pattern = "\\{\\{\\{?[#^/&]?\\s*\(NSRegularExpression.escapedPattern(for: variable))\\s*\\}?\\}\\}"
        for name in [template] + Self.closure(of: template, sources: sources).subtracting([template]).sorted() {
            guard let text = sources[name], let range = text.range(of: pattern, options: .regularExpression) else {
                continue
            }
            let line = text[..<range.lowerBound].reduce(1) { $1 == "\n" ? $0 + 1 : $0 }
            return ("\(Self.folder)/\(name).mustache", line)
        }
        return ("\(Self.folder)/\(template).mustache", nil)
    }

    static func partialReferences(in text: String) -> [(name: String, line: Int)] {
        var references: [(String, Int)] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{>") ?? rest.range(of: "{{<") {
                guard let close = rest[open.upperBound...].range(of: "}}") else { break }
                let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                references.append((name, index + 1))
                rest = rest[close.upperBound...]
            }
        }
        return references
    }

    private static func closure(of name: String, sources: [String: String]) -> Set<String> {
        var seen: Set<String> = [name]
        var pending = [name]
        while let next = pending.popLast() {
            for reference in partialReferences(in: sources[next] ?? "") where seen.insert(reference.name).inserted {
                pending.append(reference.name)
            }
        }
        return seen
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect: "a section is closed with the wrong name"
        case MustacheTemplate.Error.unfinishedName: "a tag is not closed with }}"
        case MustacheTemplate.Error.expectedSectionEnd: "a section is never closed"
        default: "\(error)"
        }
    }
}

/// The root of a template's context. Mustache looks a name up from the innermost section outwards and
/// ends here; a name not found here exists nowhere, so it is recorded as a template error instead of
/// silently rendering as empty.
private final class TemplateScope: MustacheParent {
    let values: [String: Any]
    var missingNames: Set<String> = []

    init(_ values: [String: Any]) { self.values = values }

    func child(named name: String) -> Any? {
        if let value = values[name] { return value }
        missingNames.insert(name)
        return nil
    }
}
