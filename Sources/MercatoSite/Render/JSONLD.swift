import Foundation
import MercatoCore

/// schema.org structured data for search engines, written into a `<script type="application/ld+json">`.
enum JSONLD {
    static func script(_ graph: [[String: Any]]) -> String {
        let document: [String: Any] = ["@context": "https://schema.org", "@graph": graph]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        // `</script>` or `<!--` inside a string must not end the script element.
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }

    static func breadcrumbList(_ crumbs: [Breadcrumb], configuration: SiteConfiguration) -> [String: Any] {
        [
            "@type": "BreadcrumbList",
            "itemListElement": crumbs.enumerated().map { index, crumb in
                [
                    "@type": "ListItem", "position": index + 1, "name": crumb.name,
                    "item": configuration.absoluteURL(crumb.url),
                ] as [String: Any]
            },
        ]
    }

    static func product(
        _ page: ProductPage, description: String, images: [String], configuration: SiteConfiguration
    ) -> [String: Any] {
        var product: [String: Any] = [
            "@type": "Product",
            "name": page.card.name,
            "description": description,
            "url": configuration.absoluteURL(page.card.url),
            "image": images.map { $0.hasPrefix("http") ? $0 : configuration.absoluteURL($0) },
            "offers": [
                "@type": "Offer",
                "price": Money(minorUnits: page.card.priceMinor, currency: configuration.currency).decimalString,
                "priceCurrency": configuration.currency.code,
                "availability": page.card.stock == .outOfStock
                    ? "https://schema.org/OutOfStock" : "https://schema.org/InStock",
                "url": configuration.absoluteURL(page.card.url),
            ] as [String: Any],
        ]
        if let sku = page.sku { product["sku"] = sku }
        if let brand = page.card.brand { product["brand"] = ["@type": "Brand", "name": brand] }
        if page.card.ratingCount > 0 {
            product["aggregateRating"] = [
                "@type": "AggregateRating",
                "ratingValue": "\(page.card.ratingTenths / 10).\(page.card.ratingTenths % 10)",
                "reviewCount": page.card.ratingCount,
                "bestRating": 5, "worstRating": 1,
            ] as [String: Any]
        }
        return product
    }
}
