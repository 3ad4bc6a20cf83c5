import Foundation
import MercatoCore
import MercatoSite
import Yams

/// `mercato.yaml` at the shop's root, overridden by `MERCATO_*` environment variables, overridden by flags.
/// The only place Mercato reads configuration.
struct ShopConfiguration {
    static let fileName = "mercato.yaml"
    static let keys: [String: String] = [
        "name": "MERCATO_NAME", "baseURL": "MERCATO_BASE_URL", "currency": "MERCATO_CURRENCY",
        "locale": "MERCATO_LOCALE", "apiURL": "MERCATO_API_URL", "productsPerPage": "MERCATO_PRODUCTS_PER_PAGE",
        "reviewsPerPage": "MERCATO_REVIEWS_PER_PAGE", "facets": "MERCATO_FACETS",
    ]
    /// Filters every search and category page has; a facet may not take their names.
    static let builtInFilters: Set<String> = ["category", "price", "rating", "stock", "brand", "q", "sort", "page"]

    static let defaultFile = """
        # Mercato shop settings. Each can be overridden by an environment variable (MERCATO_BASE_URL, …)
        # or a flag (--base-url, …).
        name: Mercato Demo Shop
        baseURL: http://localhost:8080
        currency: USD
        locale: en-US
        apiURL: /api/v1
        productsPerPage: 24
        reviewsPerPage: 20
        # Product attributes shoppers can filter search results and categories by (besides category, price,
        # rating, stock and brand).
        facets: [Colour, Material, Made in]

        """

    /// Reads the file (if any), then the environment, then `overrides`; reports the file and line of a bad value.
    static func load(
        shop: URL, overrides: [String: String], environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> SiteConfiguration {
        let file = shop.appendingPathComponent(fileName)
        var values: [String: (value: String, origin: String)] = [:]
        var facets: [(name: String, origin: String)]? = nil
        if let text = try? String(contentsOf: file, encoding: .utf8) {
            let node: Node?
            do { node = try Yams.compose(yaml: text) } catch {
                throw ConfigurationError("\(fileName): not valid YAML: \(error)")
            }
            if case .mapping(let mapping)? = node {
                for (key, value) in mapping {
                    let line = key.mark?.line ?? 1
                    guard let name = key.string, keys[name] != nil else {
                        throw ConfigurationError(
                            "\(fileName):\(line): unknown setting '\(key.string ?? "")' (known: \(keys.keys.sorted().joined(separator: ", ")))")
                    }
                    if name == "facets" {
                        facets = try facetList(value, line: line)
                        continue
                    }
                    guard let text = value.string else {
                        throw ConfigurationError("\(fileName):\(line): '\(name)' must be a single value")
                    }
                    values[name] = (text, "\(fileName):\(line)")
                }
            } else if node != nil {
                throw ConfigurationError("\(fileName): expected 'setting: value' lines")
            }
        }
        for (key, variable) in keys { if let value = environment[variable] { values[key] = (value, variable) } }
        for (key, value) in overrides { values[key] = (value, "--\(key)") }
        if let list = values.removeValue(forKey: "facets") {
            facets = list.value.split(separator: ",").map { ($0.trimmingCharacters(in: .whitespaces), list.origin) }
        }

        var configuration = SiteConfiguration(name: "Mercato Shop", baseURL: "http://localhost:8080")
        if let name = values["name"] { configuration.name = name.value }
        if let base = values["baseURL"] {
            guard let url = URL(string: base.value), url.scheme == "http" || url.scheme == "https", url.host != nil else {
                throw ConfigurationError("\(base.origin): baseURL '\(base.value)' must be an absolute http(s) URL")
            }
            configuration.baseURL = base.value.hasSuffix("/") ? String(base.value.dropLast()) : base.value
        }
        if let code = values["currency"] {
            guard let currency = Currency(code: code.value) else {
                throw ConfigurationError("\(code.origin): '\(code.value)' is not an ISO 4217 currency code")
            }
            configuration.currency = currency
        }
        if let locale = values["locale"] { configuration.locale = locale.value }
        if let api = values["apiURL"] { configuration.apiURL = api.value }
        for key in ["productsPerPage", "reviewsPerPage"] {
            guard let entry = values[key] else { continue }
            guard let number = Int(entry.value), (1...500).contains(number) else {
                throw ConfigurationError("\(entry.origin): \(key) must be a whole number from 1 to 500")
            }
            if key == "productsPerPage" { configuration.productsPerPage = number } else { configuration.reviewsPerPage = number }
        }
        configuration.moneyFormat = moneyFormat(locale: configuration.locale, currency: configuration.currency)
        configuration.facets = try checkedFacets(facets ?? [])
        return configuration
    }

    /// `facets:` as a YAML list of attribute names, each with the line it is on.
    private static func facetList(_ node: Node, line: Int) throws -> [(name: String, origin: String)] {
        guard case .sequence(let sequence) = node else {
            throw ConfigurationError("\(fileName):\(line): 'facets' must be a list of attribute names, e.g. [Colour, Size]")
        }
        return try sequence.map { item in
            let origin = "\(fileName):\(item.mark?.line ?? line)"
            guard let name = item.string else { throw ConfigurationError("\(origin): a facet is an attribute name, not a list or a map") }
            return (name.trimmingCharacters(in: .whitespaces), origin)
        }
    }

    /// Refuses an empty name, a name given twice and a name a built-in filter has, naming where it was given.
    private static func checkedFacets(_ facets: [(name: String, origin: String)]) throws -> [String] {
        var seen: [String: String] = [:]
        for (name, origin) in facets {
            let key = name.lowercased()
            guard key.contains(where: { $0.isLetter || $0.isNumber }) else {
                throw ConfigurationError("\(origin): a facet needs an attribute name")
            }
            guard !builtInFilters.contains(key) else {
                throw ConfigurationError("\(origin): '\(name)' is a built-in filter; list only product attributes under 'facets'")
            }
            if let first = seen[key] { throw ConfigurationError("\(origin): facet '\(name)' is already listed at \(first)") }
            seen[key] = origin
        }
        return facets.map(\.name)
    }

    /// Symbol and separators for the locale, read once from Foundation's locale data.
    static func moneyFormat(locale: String, currency: Currency) -> MoneyFormat {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: locale.replacingOccurrences(of: "-", with: "_"))
        formatter.numberStyle = .currency
        formatter.currencyCode = currency.code
        let sample = formatter.string(from: 1) ?? "\(currency.code) 1.00"
        let symbol = formatter.currencySymbol ?? currency.code
        let symbolFirst = !(sample.firstIndex(of: "1").map { sample[..<$0].isEmpty } ?? false)
        return MoneyFormat(
            symbol: symbol, symbolFirst: symbolFirst, decimalSeparator: formatter.currencyDecimalSeparator ?? ".",
            groupingSeparator: formatter.currencyGroupingSeparator ?? ",",
            spaceBetween: sample.contains("\u{00A0}") || sample.contains(" "))
    }
}

struct ConfigurationError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
