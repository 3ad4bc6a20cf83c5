import Foundation

/// The shop's Mustache templates: `Templates/<name>.mustache` for pages and `Templates/partials/*.mustache`
/// for the pieces they include. Knows, per page template, the fingerprint of the template and every
/// partial it reaches, so that a template edit re-renders exactly the pages that use it.
struct TemplateSet: Sendable {
    /// Template name (`product`, `partials/header`) → parsed template.
    let templates: [String: CompiledTemplate]
    /// Page template name → fingerprint of its text and all partials it includes.
    let fingerprints: [String: String]
    /// Template name → the script entry points it loads (`{{scripts.productPage}}` → `productPage`), itself
    /// or through its partials: what its import map must reach.
    let scriptEntries: [String: [String]]

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
        var templates: [String: CompiledTemplate] = [:]
        for (name, text) in sources.sorted(by: { $0.key < $1.key }) {
            let file = "\(folder)/\(name).mustache"
            do throws(CompiledTemplate.SyntaxError) {
                let template = try CompiledTemplate(source: text)
                templates[name] = template
                for reference in template.partials where sources[reference.name] == nil {
                    errors.append(
                        BuildError(
                            stage: .load, file: file, line: reference.line,
                            message: "unknown partial '\(reference.name)' (no \(folder)/\(reference.name).mustache)"))
                }
            } catch {
                errors.append(BuildError(stage: .load, file: file, line: error.line, message: "template syntax: \(error.message)"))
            }
        }
        if !errors.isEmpty { throw BuildFailure(errors) }
        var fingerprints: [String: String] = [:]
        var scriptEntries: [String: [String]] = [:]
        for name in sources.keys {
            var hasher = StableHasher()
            let included = Self.closure(of: name, templates: templates).sorted()
            for part in included {
                hasher.combine(part)
                hasher.combine(sources[part]!)
            }
            fingerprints[name] = hasher.hex
            let names = included.flatMap { templates[$0]?.names ?? [] }
            scriptEntries[name] = Set(names.filter { $0.hasPrefix("scripts.") }.map { String($0.dropFirst("scripts.".count)) }).sorted()
        }
        return TemplateSet(templates: templates, fingerprints: fingerprints, scriptEntries: scriptEntries)
    }

    /// Renders `template` with a context stack (innermost last), failing with file and line if the
    /// template names a variable the context does not have.
    func render(_ template: String, context: [TemplateValue]) throws(BuildError) -> [UInt8] {
        var renderer = TemplateRenderer(templates: templates)
        guard renderer.render(template, context: context) else {
            throw BuildError(stage: .render, file: "\(Self.folder)/\(template).mustache", message: "template is missing")
        }
        if let (name, missing) = renderer.missing {
            throw BuildError(
                stage: .render, file: "\(Self.folder)/\(name).mustache", line: missing.line,
                message: "unknown template variable '\(missing.text)'")
        }
        return renderer.output
    }

    private static func closure(of name: String, templates: [String: CompiledTemplate]) -> Set<String> {
        var seen: Set<String> = [name]
        var pending = [name]
        while let next = pending.popLast() {
            for reference in templates[next]?.partials ?? [] where seen.insert(reference.name).inserted {
                pending.append(reference.name)
            }
        }
        return seen
    }
}
