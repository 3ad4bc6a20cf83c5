import Foundation
import MercatoCore

/// schema.org structured data for search engines, written into a `<script type="application/ld+json">`.
enum JSONLD {
    /// A JSON value; objects are written with sorted keys so the same data always gives the same bytes.
    indirect enum Value {
        case string(String)
        case int(Int)
        case list([Value])
        case object([String: Value])
    }

    static func script(_ graph: [Value]) -> String {
        var text = ""
        write(.object(["@context": .string("https://schema.org"), "@graph": .list(graph)]), into: &text)
        return text
    }

    static func breadcrumbList(_ crumbs: [Breadcrumb], configuration: SiteConfiguration) -> Value {
        .object([
            "@type": .string("BreadcrumbList"),
            "itemListElement": .list(
                crumbs.enumerated().map { index, crumb in
                    .object([
                        "@type": .string("ListItem"), "position": .int(index + 1), "name": .string(crumb.name),
                        "item": .string(configuration.absoluteURL(crumb.url)),
                    ])
                }),
        ])
    }

    static func website(name: String, url: String) -> Value {
        .object(["@type": .string("WebSite"), "name": .string(name), "url": .string(url)])
    }

    static func product(_ page: ProductPage, description: String, images: [String], configuration: SiteConfiguration) -> Value {
        let card = page.card
        var product: [String: Value] = [
            "@type": .string("Product"),
            "name": .string(card.name),
            "description": .string(description),
            "url": .string(configuration.absoluteURL(card.url)),
            "image": .list(images.map { .string($0.hasPrefix("http") ? $0 : configuration.absoluteURL($0)) }),
            "offers": .object([
                "@type": .string("Offer"),
                "price": .string(Money(minorUnits: card.priceMinor, currency: configuration.currency).decimalString),
                "priceCurrency": .string(configuration.currency.code),
                "availability": .string(
                    card.stock == .outOfStock ? "https://schema.org/OutOfStock" : "https://schema.org/InStock"),
                "url": .string(configuration.absoluteURL(card.url)),
            ]),
        ]
        if let sku = page.sku { product["sku"] = .string(sku) }
        if let brand = card.brand { product["brand"] = .object(["@type": .string("Brand"), "name": .string(brand)]) }
        if card.ratingCount > 0 {
            product["aggregateRating"] = .object([
                "@type": .string("AggregateRating"),
                "ratingValue": .string("\(card.ratingTenths / 10).\(card.ratingTenths % 10)"),
                "reviewCount": .int(card.ratingCount),
                "bestRating": .int(5), "worstRating": .int(1),
            ])
        }
        return .object(product)
    }

    /// Any JSON value as text, for the search index's JSON files too.
    static func encode(_ value: Value) -> String {
        var text = ""
        write(value, into: &text)
        return text
    }

    private static func write(_ value: Value, into text: inout String) {
        switch value {
        case .string(let string): JSONString.append(string, to: &text)
        case .int(let number): text += String(number)
        case .list(let items):
            text += "["
            for (index, item) in items.enumerated() {
                if index > 0 { text += "," }
                write(item, into: &text)
            }
            text += "]"
        case .object(let fields):
            text += "{"
            for (index, key) in fields.keys.sorted().enumerated() {
                if index > 0 { text += "," }
                JSONString.append(key, to: &text)
                text += ":"
                write(fields[key]!, into: &text)
            }
            text += "}"
        }
    }
}
