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
    case object(TemplateObject)

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
        var object = TemplateObject()
        for (key, value) in elements { object[key] = value }
        self = .object(object)
    }
}

/// The names and values of a template object, in the order they were set. An object holds a few to a few
/// dozen names, so a name is found by comparing it with each in turn: cheaper than hashing it, both when a
/// page's values are built and when its template looks them up (short names compare as two machine words).
struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
    private(set) var keys: [String] = []
    private(set) var values: [TemplateValue] = []

    init() {}

    /// The dictionary's entries in the order of their keys.
    init(_ dictionary: [String: TemplateValue]) {
        for key in dictionary.keys.sorted() { self[key] = dictionary[key] }
    }

    init(dictionaryLiteral elements: (String, TemplateValue)...) {
        for (key, value) in elements { self[key] = value }
    }

    /// The value of `key`; setting `nil` removes it, setting a known key replaces its value in place.
    subscript(key: String) -> TemplateValue? {
        get { keys.firstIndex(of: key).map { values[$0] } }
        set {
            let index = keys.firstIndex(of: key)
            switch (index, newValue) {
            case (let index?, let value?): values[index] = value
            case (let index?, nil):
                keys.remove(at: index)
                values.remove(at: index)
            case (nil, let value?):
                keys.append(key)
                values.append(value)
            case (nil, nil): break
            }
        }
    }
}
