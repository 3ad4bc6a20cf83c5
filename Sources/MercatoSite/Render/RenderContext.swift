import Foundation
import MercatoCore

/// Builds the template values pages share: the site-wide values at the bottom of every page's context,
/// the chrome around every page, product cards, pagination. Every optional value is present as `.null`
/// when absent, so the template checker can tell "empty" from "no such variable".
struct RenderContext: Sendable {
    let site: LoadedSite
    /// The same on every page: shop name, navigation, footer, stylesheet. Computed once per build.
    let shared: TemplateValue
    /// Template name → the import map of its pages (`importMap`): the modules its entry points reach.
    let importMaps: [String: TemplateValue]

    init(site: LoadedSite) {
        self.site = site
        let configuration = site.configuration
        let modules = site.modules
        importMaps = site.templates.scriptEntries.mapValues { .string(modules.importMap(entries: $0)) }
        shared = [
            "siteName": .string(configuration.name),
            "lang": .string(configuration.language),
            "locale": .string(configuration.locale),
            "currency": .string(configuration.currency.code),
            // The API's amounts are minor units; scripts divide by 10^digits the way the server counts them.
            "currencyDigits": .int(configuration.currency.minorUnitDigits),
            "apiURL": .string(configuration.apiURL),
            "scripts": .object(TemplateObject(modules.entryURLs.mapValues { .string($0) })),
            "stylesheet": .string(site.assets.url("css/site.css") ?? "/css/site.css"),
            "navCategories": .list(
                site.snapshot.categories.map { ["name": .string($0.name), "url": .string("/categories/\($0.slug)/")] }),
            "footerPages": .list(site.pages.map { ["title": .string($0.title), "url": .string("/\($0.slug)/")] }),
            "feedURL": "/feed.xml",
        ]
    }

    /// The keys every HTML page has besides ``shared``; `Templates/README.md` lists them for template authors.
    func chrome(
        title: String, description: String, path: String, breadcrumbs: [Breadcrumb] = [], ogType: String = "website",
        ogImage: String? = nil, jsonLD: [JSONLD.Value] = [], noindex: Bool = false
    ) -> TemplateObject {
        let configuration = site.configuration
        var graph = jsonLD
        if breadcrumbs.count > 1 { graph.append(JSONLD.breadcrumbList(breadcrumbs, configuration: configuration)) }
        return [
            "pageTitle": .string(title == configuration.name ? title : "\(title) · \(configuration.name)"),
            "metaDescription": .string(description),
            "canonicalURL": .string(configuration.absoluteURL(SiteAssembler.url(of: path))),
            "ogType": .string(ogType),
            "ogImage": TemplateValue(ogImage.map { $0.hasPrefix("http") ? $0 : configuration.absoluteURL($0) }),
            "noindex": .bool(noindex),
            "jsonLD": graph.isEmpty ? .null : .string(JSONLD.script(graph)),
            "breadcrumbs": breadcrumbs.count > 1
                ? [
                    "items": .list(
                        breadcrumbs.enumerated().map { index, crumb in
                            ["name": .string(crumb.name), "url": .string(crumb.url), "current": .bool(index == breadcrumbs.count - 1)]
                        })
                ] : .null,
        ]
    }

    func card(_ card: ProductCard) -> TemplateValue {
        [
            "name": .string(card.name),
            "slug": .string(card.slug),
            "url": .string(card.url),
            "priceMinor": .int(card.priceMinor),
            "brand": TemplateValue(card.brand),
            "price": .string(card.price),
            "compareAtPrice": TemplateValue(card.compareAtPrice),
            "image": card.image.map(image) ?? .null,
            "rating": rating(tenths: card.ratingTenths, count: card.ratingCount),
            "stockLabel": .string(Self.stockLabel(card.stock)),
            "stockClass": .string(card.stock.rawValue),
            "inStock": .bool(card.stock != .outOfStock),
        ]
    }

    func image(_ image: ImageRef) -> TemplateValue {
        ["src": .string(image.src), "srcset": TemplateValue(image.srcset), "alt": .string(image.alt)]
    }

    /// Stars and figures for a rating; `.null` when there are no reviews.
    func rating(tenths: Int, count: Int) -> TemplateValue {
        guard count > 0 else { return .null }
        let rounded = (tenths + 5) / 10
        return [
            "average": .string("\(tenths / 10).\(tenths % 10)"),
            "count": .int(count),
            "countLabel": .string(count == 1 ? "1 review" : "\(count) reviews"),
            "stars": .string(Self.stars(rounded)),
            "percent": .int(tenths * 2),
        ]
    }

    func review(_ review: ReviewView) -> TemplateValue {
        [
            "author": .string(review.author),
            "rating": .int(review.rating),
            "stars": .string(Self.stars(review.rating)),
            "title": .string(review.title),
            "body": .string(review.body),
            "date": .string(Self.displayDate(review.date)),
            "isoDate": .string(Self.isoDate(review.date)),
            "helpful": review.helpfulCount == 0
                ? .null
                : .string(
                    review.helpfulCount == 1 ? "1 person found this helpful" : "\(review.helpfulCount) people found this helpful"),
            "verified": .bool(review.verified),
        ]
    }

    /// Links to every page of a paginated list; `.null` when there is one page.
    func pagination(page: Int, pageCount: Int, url: (Int) -> String) -> TemplateValue {
        guard pageCount > 1 else { return .null }
        let window = Set([1, pageCount] + Array(max(1, page - 2)...min(pageCount, page + 2)))
        var links: [TemplateValue] = []
        var previous = 0
        for number in window.sorted() {
            if number > previous + 1 { links.append(["gap": true, "number": 0, "url": "", "current": false]) }
            links.append(["gap": false, "number": .int(number), "url": .string(url(number)), "current": .bool(number == page)])
            previous = number
        }
        return [
            "previousURL": page > 1 ? .string(url(page - 1)) : .null,
            "nextURL": page < pageCount ? .string(url(page + 1)) : .null,
            "pages": .list(links),
            "page": .int(page),
            "pageCount": .int(pageCount),
        ]
    }

    private static func stars(_ filled: Int) -> String {
        String(repeating: "★", count: filled) + String(repeating: "☆", count: 5 - filled)
    }

    static func stockLabel(_ badge: StockBadge) -> String {
        switch badge {
        case .inStock: "In stock"
        case .lowStock: "Only a few left"
        case .outOfStock: "Out of stock"
        }
    }

    private static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    static func displayDate(_ date: Date) -> String {
        let day = CivilDate(date)
        return "\(months[day.month - 1]) \(day.day), \(day.year)"
    }

    static func isoDate(_ date: Date) -> String {
        let day = CivilDate(date)
        return "\(day.year)-\(twoDigits(day.month))-\(twoDigits(day.day))"
    }

    private static func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
}
