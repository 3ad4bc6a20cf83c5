import Foundation
import MercatoCore

/// `sitemap.xml` (split into an index past 50,000 URLs, the protocol's limit per file).
enum SitemapWriter {
    static let urlsPerFile = 50_000

    static func sitemap(_ page: SitemapPage, configuration: SiteConfiguration) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for url in page.urls { xml += "  <url><loc>\(XML.escape(configuration.absoluteURL(url)))</loc></url>\n" }
        return xml + "</urlset>\n"
    }

    static func index(count: Int, configuration: SiteConfiguration) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for number in 1...count {
            xml += "  <sitemap><loc>\(XML.escape(configuration.absoluteURL("/sitemap-\(number).xml")))</loc></sitemap>\n"
        }
        return xml + "</sitemapindex>\n"
    }
}

/// An Atom feed of the newest products.
enum FeedWriter {
    static func atom(_ feed: FeedPage, configuration: SiteConfiguration) -> String {
        let base = configuration.baseURL
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
        xml += "  <title>\(XML.escape(configuration.name)) — new products</title>\n"
        xml += "  <id>\(XML.escape(base))/</id>\n"
        xml += "  <link rel=\"alternate\" type=\"text/html\" href=\"\(XML.escape(base))/\"/>\n"
        xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(XML.escape(base))/feed.xml\"/>\n"
        xml += "  <updated>\(CivilDate.isoTimestamp(feed.updated))</updated>\n"
        xml += "  <author><name>\(XML.escape(configuration.name))</name></author>\n"
        for card in feed.products {
            let url = XML.escape(configuration.absoluteURL(card.url))
            xml += "  <entry>\n    <title>\(XML.escape(card.name))</title>\n"
            xml += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(url)\"/>\n    <id>\(url)</id>\n"
            xml += "    <updated>\(CivilDate.isoTimestamp(card.createdAt))</updated>\n"
            xml += "    <summary>\(XML.escape("\(card.name) — \(card.price)"))</summary>\n  </entry>\n"
        }
        return xml + "</feed>\n"
    }
}

enum RobotsWriter {
    static func robots(configuration: SiteConfiguration) -> String {
        "User-agent: *\nAllow: /\nDisallow: /cart/\nDisallow: /checkout/\nDisallow: /orders/\nDisallow: /search/\n\n"
            + "Sitemap: \(configuration.absoluteURL("/sitemap.xml"))\n"
    }
}

enum XML {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }
}
