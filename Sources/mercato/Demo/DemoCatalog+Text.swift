import MercatoCore

// Precomputed word forms and the product description templates.
extension DemoCatalog {
    /// Slug fragments and lower-cased forms of every word, computed once so product generation stays cheap.
    struct Words: Sendable {
        let brandSlugs: [String]
        let styleSlugs: [String]
        let finishSlugs: [String]
        let nounSlugs: [String]
        /// "olive wood"; colours keep their capitals ("Slate Blue").
        let finishesInText: [String]
        /// "chef's knife", "USB microphone"
        let nounsInText: [String]
        /// What a reviewer calls the product: the noun in text, or "book".
        let reviewNouns: [String]
        /// For each noun, the indices of the finishes it can have.
        let nounFinishes: [[Int]]
        /// For each noun, how many distinct names it can produce.
        let nounNameCounts: [Int]
    }

    struct Tables: Sendable {
        let categories: [Category]
        let words: [Words]
        let nameCounts: [Int]
        /// How many distinct product names exist: products beyond this get the index appended to their slug.
        let nameSpace: Int

        init(specs: [CategorySpec]) {
            categories = specs.enumerated().map { position, spec in
                guard let slug = try? Slug(spec.slug) else { preconditionFailure("bad category slug \(spec.slug)") }
                return Category(slug: slug, name: spec.name, descriptionMarkdown: spec.intro, position: position)
            }
            words = specs.map { spec in
                let nounsInText = spec.nouns.map { DemoCatalog.inText($0.name) }
                let nounFinishes = spec.nouns.map { noun in
                    (noun.finishes ?? spec.finishes).map { finish in
                        guard let index = spec.finishes.firstIndex(of: finish) else {
                            preconditionFailure("\(noun.name) names unknown finish '\(finish)' in \(spec.slug)")
                        }
                        return index
                    }
                }
                let brandFactor = spec.nameStyle == .bookTitle ? 1 : spec.brands.count
                return Words(
                    brandSlugs: spec.brands.map(DemoCatalog.slugFragment),
                    styleSlugs: spec.styles.map(DemoCatalog.slugFragment),
                    finishSlugs: spec.finishes.map(DemoCatalog.slugFragment),
                    nounSlugs: spec.nouns.map { DemoCatalog.slugFragment($0.name) },
                    finishesInText: spec.finishKey == "Colour" ? spec.finishes : spec.finishes.map(DemoCatalog.inText),
                    nounsInText: nounsInText,
                    reviewNouns: spec.nameStyle == .bookTitle ? spec.nouns.map { _ in "book" } : nounsInText,
                    nounFinishes: nounFinishes,
                    nounNameCounts: nounFinishes.map { brandFactor * spec.styles.count * $0.count }
                )
            }
            nameCounts = words.map { $0.nounNameCounts.reduce(0, +) }
            nameSpace = nameCounts.reduce(0, +)
        }
    }

    static let tables = Tables(specs: specs)

    /// The slug of one word or phrase, exactly as `Slug.make(from:)` would produce it inside a longer name.
    static func slugFragment(_ text: String) -> String {
        guard let slug = try? Slug.make(from: text) else { preconditionFailure("no slug for '\(text)'") }
        return slug.rawValue
    }

    /// Lower-cases a phrase for use mid-sentence, keeping acronyms: "USB Microphone" → "USB microphone".
    static func inText(_ phrase: String) -> String {
        phrase.split(separator: " ").map { word in
            let letters = word.filter(\.isLetter)
            return letters.count >= 2 && letters.allSatisfy(\.isUppercase) ? String(word) : word.lowercased()
        }.joined(separator: " ")
    }

    static func productDescription(
        spec: CategorySpec, words: Words, parts: NameParts, name: String, brand: String,
        attributes: [String: String], random: inout SplitMix64
    ) -> String {
        let useIndices = random.distinctIndices(2, below: spec.uses.count)
        let use1 = spec.uses[useIndices[0]]
        let use2 = spec.uses[useIndices[1]]
        var text = ""
        text.reserveCapacity(1200)

        if spec.nameStyle == .bookTitle {
            let title = "The \(spec.styles[parts.style]) \(spec.finishes[parts.finish])"
            let blurb = random.pick(spec.benefits)
            let praise = random.pick(bookPraise)
            text += "*\(title)* is \(blurb). "
            text += random.pick(bookOpeners)
            text += "\n\n"
            switch random.below(2) {
            case 0:
                text += "Published by **\(brand)**, it has quickly become a favourite with our booksellers, who "
                text += "describe it as *\(praise)*."
            default:
                text += "Readers have called it *\(praise)*, and we agree: it is the kind of book you press into a "
                text += "friend's hands and ask for back later."
            }
            text += "\n\nPerfect for \(use1) and just as good for \(use2)."
        } else {
            let noun = spec.nouns[parts.noun]
            let nounText = words.nounsInText[parts.noun]
            let finishText = words.finishesInText[parts.finish]
            let style = spec.styles[parts.style]
            let this = noun.plural ? "these" : "this"
            let it = noun.plural ? "they" : "it"
            let be = noun.plural ? "are" : "is"
            let benefitIndices = random.distinctIndices(3, below: spec.benefits.count)
            let benefit1 = spec.benefits[benefitIndices[0]]
            let benefit2 = spec.benefits[benefitIndices[1]]
            let benefit3 = spec.benefits[benefitIndices[2]]

            switch random.below(4) {
            case 0:
                text += "Meet the **\(name)**. \(capitalised(this)) \(nounText) \(be) designed to \(benefit1), "
                text += "so \(it) will quickly become part of your everyday routine."
            case 1:
                text += "Looking for something that will \(benefit1)? The **\(name)** \(be) our answer, and one of "
                text += "the most-loved pieces from \(brand)."
            case 2:
                text += "With the **\(name)**, \(brand) has taken a familiar idea and refined every detail. "
                text += "The result is built to \(benefit1)."
            default:
                text += "The **\(name)** \(be) made for people who notice the details: from the very first day, "
                text += "\(it) \(be) designed to \(benefit1)."
            }
            text += "\n\n"
            let second = random.below(2) == 0
            switch spec.finishKey {
            case "Material":
                if second {
                    text += "We chose *\(finishText)* for its strength and character: it helps \(this) \(nounText) "
                    text += "\(benefit2), and it only gets better with use."
                } else {
                    text += "Crafted from *\(finishText)*, \(this) \(nounText) \(be) also made to \(benefit2)."
                }
            case "Key ingredient":
                if second {
                    text += "*\(spec.finishes[parts.finish])* is the star here: \(this) \(nounText) \(be) "
                    text += "formulated to \(benefit2)."
                } else {
                    text += "Made with *\(finishText)* and a short list of gentle, plant-based ingredients, "
                    text += "\(this) \(nounText) \(be) formulated to \(benefit2)."
                }
            default:
                if second {
                    text += "The *\(finishText)* colourway was chosen to sit happily alongside the rest of the "
                    text += "\(style) range, and every detail is built to \(benefit2)."
                } else {
                    text += "Shown here in *\(finishText)*, \(this) \(nounText) \(be) also made to \(benefit2)."
                }
            }
            text += " Better still, \(it) \(be) designed to \(benefit3)."
            text += "\n\n"
            switch random.below(3) {
            case 0:
                text += "Ideal for \(use1) and \(use2). Pair \(it == "it" ? "it" : "them") with other pieces from "
                text += "the *\(style)* range for a look that ties together."
            case 1:
                text += "We designed \(this) \(nounText) with \(use1) in mind, but our customers tell us \(it) "
                text += "\(be) just as good for \(use2)."
            default:
                text += "Whether it is \(use1) or \(use2), \(this) \(nounText) will not let you down."
            }
        }

        if random.chance(0.5) {
            text += "\n\n"
            text += random.pick(closingParagraphs)
        }

        text += "\n\n### Highlights\n"
        for highlight in random.distinctIndices(random.int(in: 3...5), below: spec.highlights.count) {
            text += "\n- \(spec.highlights[highlight])"
        }
        text += "\n"
        return text
    }

    static func capitalised(_ word: String) -> String {
        word.prefix(1).uppercased() + word.dropFirst()
    }

    static let closingParagraphs = [
        "As with everything we sell, your order is covered by our [30-day returns](/returns/) promise.",
        "Orders placed before 2 pm on a working day leave our warehouse the same day; see [shipping](/shipping/) "
            + "for delivery times.",
        "Questions about size, care or materials? [Get in touch](/contact/) and a real person will reply within "
            + "one working day.",
        "*Good to know:* we pack every order in recycled, plastic-free packaging.",
    ]

    static let bookOpeners = [
        "It is the kind of book that stays with you long after the last page.",
        "Our booksellers could not stop talking about it.",
        "Short chapters make it easy to pick up, and very hard to put down.",
        "It rewards a slow, careful read, and a second one.",
    ]

    static let bookPraise = [
        "quietly devastating", "impossible to put down", "funny, wise and generous", "a small masterpiece",
        "the best thing we read all year", "gloriously strange", "warm as a kitchen on a winter night",
        "smart, kind and beautifully made",
    ]
}
