import Foundation

/// How text becomes search terms, identically in the builder and in `public/js/search-text.js`: lower
/// case, accents and other marks removed (`Crème` → `creme`), split at anything that is not a letter or a
/// digit (apostrophes join: `chef's` → `chefs`), common English words dropped, plurals reduced to a stem
/// (`boxes` → `box`, `berries` → `berry`, `mugs` → `mug`). `Tests/search/text-cases.json` holds cases
/// both sides are tested against.
enum SearchText {
    /// Words too common to help a search; dropped from the index and from queries. None is longer than five letters.
    static let stopWords: Set<String> = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "in", "into", "is", "it", "its", "of",
        "on", "or", "our", "so", "that", "the", "their", "them", "these", "they", "this", "to", "was", "we", "will",
        "with", "you", "your",
    ]

    /// Letters that compatibility decomposition leaves whole.
    private static let foldedLetters: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ð": "d", "ł": "l", "ı": "i", "þ": "th",
    ]

    /// The normalised words of `text`, in order, stop words included (a query's last word is matched as a
    /// prefix before it is a whole word).
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var word: [UInt8] = []
        var needsFolding = false
        func finish() {
            guard !word.isEmpty else { return }
            let raw = String(decoding: word, as: UTF8.self)
            if needsFolding {
                let folded = fold(raw)
                if !folded.isEmpty { words.append(contentsOf: folded) }
            } else {
                words.append(raw)
            }
            word.removeAll(keepingCapacity: true)
            needsFolding = false
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x61...0x7A, 0x30...0x39: word.append(UInt8(value))
                case 0x41...0x5A: word.append(UInt8(value + 0x20))
                case 0x27 where !word.isEmpty: continue
                default: finish()
                }
            } else if value == 0x2019 {
                if !word.isEmpty { continue }
            } else if isWordCharacter(scalar) {
                word.append(contentsOf: Array(String(scalar).utf8))
                needsFolding = true
            } else {
                finish()
            }
        }
        finish()
        return words
    }

    /// The version of these rules. Builds keep each product's terms (``BuildManifest/SearchTerms``) and
    /// recompute them only when the product's text or this number changed: change it with the rules.
    /// `SearchIndexTests.rulesVersionFollowsTheRules` fails until it is.
    static let rulesVersion = 1

    /// The search terms of `text`: its words without stop words, each reduced to its stem.
    static func terms(_ text: String) -> [String] {
        // Every stop word has five letters or fewer: longer words skip the lookup.
        words(text).compactMap { $0.utf8.count <= 5 && stopWords.contains($0) ? nil : stem($0) }
    }

    /// A word with accents removed and lower-cased; may split into several (a decomposed ligature never does,
    /// but a mark between letters leaves them joined).
    private static func fold(_ word: String) -> [String] {
        var result = ""
        for scalar in word.decomposedStringWithCompatibilityMapping.lowercased().unicodeScalars {
            if let replacement = foldedLetters[scalar] {
                result += replacement
            } else if scalar.properties.generalCategory.isMark {
                continue
            } else if isWordCharacter(scalar) {
                result.unicodeScalars.append(scalar)
            }
        }
        return result.isEmpty ? [] : [result]
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let category = scalar.properties.generalCategory
        return category.isLetter || category.isNumber || category.isMark
    }

    /// Reduces an English plural to its stem, and the singular to the same stem: `boxes`/`box` → `box`,
    /// `berries`/`berry` → `berry`, `cookies`/`cookie` → `cooky`, `mugs` → `mug`. Words of three letters or
    /// fewer, and words ending in `ss`, `us` or `is`, stay as they are.
    static func stem(_ word: String) -> String {
        let length = word.unicodeScalars.count
        guard length > 3 else { return word }
        let utf8 = word.utf8
        // Only words ending in s or e (ie) change.
        guard let last = utf8.last, last == UInt8(ascii: "s") || last == UInt8(ascii: "e") else { return word }
        func ends(_ suffix: String) -> Bool { utf8.count >= suffix.utf8.count && utf8.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) }
        func replacing(_ count: Int, with replacement: String) -> String {
            String(decoding: utf8.dropLast(count), as: UTF8.self) + replacement
        }
        if length > 4, ends("ies") { return replacing(3, with: "y") }
        if ends("ie") { return replacing(2, with: "y") }
        if ends("sses") || ends("xes") || ends("ches") || ends("shes") { return replacing(2, with: "") }
        if ends("ss") || ends("us") || ends("is") { return word }
        if ends("s") { return replacing(1, with: "") }
        return word
    }
}

extension Unicode.GeneralCategory {
    fileprivate var isLetter: Bool {
        switch self {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: true
        default: false
        }
    }

    fileprivate var isNumber: Bool {
        switch self {
        case .decimalNumber, .letterNumber, .otherNumber: true
        default: false
        }
    }

    fileprivate var isMark: Bool {
        switch self {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}
