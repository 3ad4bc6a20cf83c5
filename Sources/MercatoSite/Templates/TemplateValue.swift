/// A value a template shows: typed, so rendering never needs a dynamic cast.
///
/// `.null` means "this page has the name, with nothing in it": sections over it render nothing and
/// inverted sections render. A name a page does not have at all is a template error.
enum TemplateValue: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case list([TemplateValue])
    case object([String: TemplateValue])

    /// `.null` for `nil`, else the wrapped value.
    init(_ value: String?) { self = value.map { .string($0) } ?? .null }
    init(_ value: Int?) { self = value.map { .int($0) } ?? .null }

    /// A list templates show with a heading around it: `.null` when empty, else `{items}`, so that
    /// `{{#list}}<h2>…</h2>{{#items}}…{{/items}}{{/list}}` shows nothing for an empty list.
    static func section(_ items: [TemplateValue]) -> TemplateValue {
        items.isEmpty ? .null : .object(["items": .list(items)])
    }

    subscript(key: String) -> TemplateValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral, ExpressibleByStringInterpolation
{
    init(stringLiteral value: String) { self = .string(value) }
    init(integerLiteral value: Int) { self = .int(value) }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    init(nilLiteral: ()) { self = .null }
    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
