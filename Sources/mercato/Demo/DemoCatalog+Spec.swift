import Foundation

/// The word lists and copy that the demo catalog is built from, one `CategorySpec` per category.
extension DemoCatalog {
    /// How a product name is assembled from its parts.
    enum NameStyle: Sendable {
        /// `Nordhavn Heritage Walnut Chef's Knife`
        case brandStyleFinishNoun
        /// `TrailPeak Ridge 2-Person Tent in Olive`
        case brandStyleNounInFinish
        /// `The Silent Orchard: A Novel` (the brand, a publisher, is not part of the name)
        case bookTitle
    }

    /// A kind of product inside a category, with a price range in whole currency units.
    struct NounSpec: Sendable {
        let name: String
        let minPrice: Int
        let maxPrice: Int
        /// `true` for nouns such as "Running Shoes", so copy says "these … are" rather than "this … is".
        let plural: Bool
        /// The category finishes that make sense for this noun (no "Tempered Glass Chef's Knife"); `nil` for all.
        let finishes: [String]?
        /// Specifications particular to this noun, e.g. `Blade length: 20 cm, 24 cm`.
        let details: [AttributeSpec]

        /// `finishes` is a comma-separated list of finish names; `details` reads
        /// `"Key: value, value; Other key: value"` (values must not contain ", ").
        init(
            _ name: String, _ minPrice: Int, _ maxPrice: Int, plural: Bool = false, finishes: String? = nil,
            details: String = ""
        ) {
            self.name = name
            self.minPrice = minPrice
            self.maxPrice = maxPrice
            self.plural = plural
            self.finishes = finishes.map { $0.components(separatedBy: ", ") }
            self.details =
                details.isEmpty
                ? []
                : details.components(separatedBy: "; ").map { entry in
                    let parts = entry.components(separatedBy: ": ")
                    precondition(parts.count == 2, "bad detail '\(entry)' for \(name)")
                    return AttributeSpec(parts[0], parts[1].components(separatedBy: ", "))
                }
        }
    }

    /// A specification with its possible values, e.g. `Warranty: 2 years, 5 years`.
    struct AttributeSpec: Sendable {
        let key: String
        let values: [String]

        init(_ key: String, _ values: [String]) {
            self.key = key
            self.values = values
        }
    }

    /// Everything needed to generate products of one category.
    ///
    /// `attributes` are generic specifications that suit every noun of the category; each noun adds its own
    /// `details`, and the finish is shown under `finishKey`.
    struct CategorySpec: Sendable {
        let slug: String
        let name: String
        let skuPrefix: String
        let nameStyle: NameStyle
        let brands: [String]
        /// Range or line names ("Heritage", "Ridge"); for books, the title adjective.
        let styles: [String]
        /// Material, colour or key ingredient; for books, the title noun.
        let finishes: [String]
        /// The attribute the finish is shown under ("Material", "Colour"), `nil` for books.
        let finishKey: String?
        let nouns: [NounSpec]
        let attributes: [AttributeSpec]
        let tags: [String]
        /// Infinitive phrases: "hold heat evenly from edge to centre".
        let benefits: [String]
        /// Occasions: "weeknight dinners".
        let uses: [String]
        /// Bullet points for the Highlights list.
        let highlights: [String]
        /// The Markdown introduction shown on the category page.
        let intro: String

    }

    static let specs: [CategorySpec] = [
        kitchenSpec, homeSpec, gardenSpec, outdoorSpec, fitnessSpec, audioSpec,
        shoesSpec, bagsSpec, toysSpec, booksSpec, beautySpec, petsSpec,
    ]

}
