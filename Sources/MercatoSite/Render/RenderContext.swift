import Foundation
import MercatoCore

/// Builds the Mustache contexts pages share: the chrome around every page, product cards, pagination.
/// Every optional value is present as `NSNull` when absent, so the template checker can tell
/// "empty" from "no such variable".
struct RenderContext {
    let site: LoadedSite

    /// Keys every HTML page has; `Templates/README.md` lists them for template authors.
    func chrome(
        title: String, description: String, path: String, breadcrumbs: [Breadcrumb] = [], ogType: String = "website",
        ogImage: String? = nil, jsonLD: [[String: Any]] = [], noindex: Bool = false
    ) -> [String: Any] {
        let configuration = site.configuration
        let canonical = configuration.absoluteURL(SiteAssembler.url(of: path))
        var graph = jsonLD
        if breadcrumbs.count > 1 { graph.append(JSONLD.breadcrumbList(breadcrumbs, configuration: configuration)) }
        return [
            "siteName": configuration.name,
            "lang": configuration.language,
            "apiURL": configuration.apiURL,
            "stylesheet": site.assets.url("css/site.css") ?? "/css/site.css",
            "pageTitle": title == configuration.name ? title : "\(title) · \(configuration.name)",
            "metaDescription": description,
            "canonicalURL": canonical,
            "ogType": ogType,
            "ogImage": ogImage.map { $0.hasPrefix("http") ? $0 : configuration.absoluteURL($0) } as Any? ?? NSNull(),
            "noindex": noindex,
            "jsonLD": graph.isEmpty ? NSNull() : JSONLD.script(graph),
            "breadcrumbs": breadcrumbs.count > 1
                ? [
                    "items": breadcrumbs.enumerated().map { index, crumb in
                        ["name": crumb.name, "url": crumb.url, "current": index == breadcrumbs.count - 1] as [String: Any]
                    }
                ] : NSNull(),
            "navCategories": site.snapshot.categories.map { ["name": $0.name, "url": "/categories/\($0.slug)/"] },
            "footerPages": site.pages.map { ["title": $0.title, "url": "/\($0.slug)/"] },
            "feedURL": "/feed.xml",
        ]
    }

    func card(_ card: ProductCard) -> [String: Any] {
        [
            "name": card.name,
            "url": card.url,
            "brand": card.brand ?? NSNull(),
            "price": card.price,
            "compareAtPrice": card.compareAtPrice ?? NSNull(),
            "image": card.image.map(image) ?? NSNull(),
            "rating": rating(tenths: card.ratingTenths, count: card.ratingCount),
            "stockLabel": Self.stockLabel(card.stock),
            "stockClass": card.stock.rawValue,
            "inStock": card.stock != .outOfStock,
        ]
    }

    func image(_ image: ImageRef) -> [String: Any] {
        ["src": image.src, "srcset": image.srcset ?? NSNull(), "alt": image.alt]
    }

    /// Stars and figures for a rating; `NSNull` when there are no reviews.
    func rating(tenths: Int, count: Int) -> Any {
        guard count > 0 else { return NSNull() }
        let rounded = (tenths + 5) / 10
        return [
            "average": "\(tenths / 10).\(tenths % 10)",
            "count": count,
            "countLabel": count == 1 ? "1 review" : "\(count) reviews",
            "stars": String(repeating: "★", count: rounded) + String(repeating: "☆", count: 5 - rounded),
            "percent": tenths * 2,
        ] as [String: Any]
    }

    func review(_ review: ReviewView) -> [String: Any] {
        [
            "author": review.author,
            "rating": review.rating,
            "stars": String(repeating: "★", count: review.rating) + String(repeating: "☆", count: 5 - review.rating),
            "title": review.title,
            "body": review.body,
            "date": Self.displayDate(review.date),
            "isoDate": Self.isoDate(review.date),
            "helpful": review.helpfulCount == 0
                ? NSNull()
                : review.helpfulCount == 1 ? "1 person found this helpful" : "\(review.helpfulCount) people found this helpful",
            "verified": review.verified,
        ]
    }

    /// A list that templates show with a heading around it: `NSNull` when empty, else `["items": items]`,
    /// so `{{#list}}<h2>…</h2>{{#items}}…{{/items}}{{/list}}` shows nothing for an empty list.
    func section(_ items: [Any]) -> Any {
        items.isEmpty ? NSNull() : ["items": items]
    }

    /// Links to every page of a paginated list; `NSNull` when there is one page.
    func pagination(page: Int, pageCount: Int, url: (Int) -> String) -> Any {
        guard pageCount > 1 else { return NSNull() }
        let window = Set([1, pageCount] + Array(max(1, page - 2)...min(pageCount, page + 2)))
        var links: [[String: Any]] = []
        var previous = 0
        for number in window.sorted() {
            if number > previous + 1 { links.append(["gap": true, "number": 0, "url": "", "current": false]) }
            links.append(["gap": false, "number": number, "url": url(number), "current": number == page])
            previous = number
        }
        return [
            "previousURL": page > 1 ? url(page - 1) : NSNull(),
            "nextURL": page < pageCount ? url(page + 1) : NSNull(),
            "pages": links,
            "page": page,
            "pageCount": pageCount,
        ] as [String: Any]
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
        let parts = utcCalendar.dateComponents([.year, .month, .day], from: date)
        return "\(months[parts.month! - 1]) \(parts.day!), \(parts.year!)"
    }

    static func isoDate(_ date: Date) -> String {
        let parts = utcCalendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    static func isoTimestamp(_ date: Date) -> String {
        let parts = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!,
            parts.second!)
    }

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
