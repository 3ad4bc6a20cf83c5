import Foundation

// Review generation: ratings skewed positive, text that matches the rating.
extension DemoCatalog {
    /// Exactly `reviewCount(forProductAt: index)` reviews, oldest first, all between the product's creation and `now`.
    func reviews(forProductAt index: Int) -> [Review] {
        let count = reviewCount(forProductAt: index)
        guard count > 0 else { return [] }
        let parts = nameParts(at: index)
        let noun = Self.tables.words[parts.category].reviewNouns[parts.noun]
        var random = SplitMix64(seed: seed, stream: 3, index: UInt64(index))

        // Some products are loved, most are liked, a few are divisive.
        let profileRoll = random.below(10)
        let thresholds = profileRoll < 3 ? Self.lovedProfile : profileRoll < 8 ? Self.typicalProfile : Self.mixedProfile

        let start = createdAtSeconds(index) + 3_600
        let end = max(start + 1, now.timeIntervalSinceReferenceDate.rounded(.down) - 60)
        var times = [Double]()
        times.reserveCapacity(count)
        for _ in 0..<count {
            times.append((start + (end - start) * random.unit()).rounded(.down))
        }
        times.sort()

        var reviews = [Review]()
        reviews.reserveCapacity(count)
        for time in times {
            let roll = random.below(100)
            let rating =
                roll < thresholds.0
                ? 5 : roll < thresholds.1 ? 4 : roll < thresholds.2 ? 3 : roll < thresholds.3 ? 2 : 1
            let author = "\(random.pick(Self.firstNames)) \(random.pick(Self.lastInitials))."
            let title: String
            var body = ""
            switch rating {
            case 5:
                title = random.pick(Self.fiveStarTitles)
                Self.appendSentences(random.int(in: 1...3), from: Self.positiveLines, noun: noun, to: &body, &random)
            case 4:
                title = random.pick(Self.fourStarTitles)
                Self.appendSentences(random.int(in: 1...2), from: Self.positiveLines, noun: noun, to: &body, &random)
                if random.chance(0.5) {
                    Self.appendSentences(1, from: Self.niggleLines, noun: noun, to: &body, &random)
                }
            case 3:
                title = random.pick(Self.threeStarTitles)
                Self.appendSentences(random.int(in: 1...2), from: Self.mixedLines, noun: noun, to: &body, &random)
                if random.chance(0.3) {
                    Self.appendSentences(1, from: Self.niggleLines, noun: noun, to: &body, &random)
                }
            case 2:
                title = random.pick(Self.twoStarTitles)
                Self.appendSentences(random.int(in: 1...2), from: Self.negativeLines, noun: noun, to: &body, &random)
                if random.chance(0.4) {
                    Self.appendSentences(1, from: Self.mixedLines, noun: noun, to: &body, &random)
                }
            default:
                title = random.pick(Self.oneStarTitles)
                Self.appendSentences(random.int(in: 1...3), from: Self.negativeLines, noun: noun, to: &body, &random)
            }
            let helpfulRoll = random.unit()
            let helpful = min(60, Int(61 * helpfulRoll * helpfulRoll * helpfulRoll * helpfulRoll))
            let verified = random.chance(0.7)
            reviews.append(
                Review(
                    authorName: author, rating: rating, title: title, body: body, helpfulCount: helpful,
                    verifiedPurchase: verified, createdAt: Date(timeIntervalSinceReferenceDate: time)))
        }
        return reviews
    }

    /// A sentence, optionally with the product noun between `head` and `tail`.
    struct Line: Sendable {
        let head: String
        let tail: String?

        /// `{}` marks where the noun goes: `"I use the {} every day."`
        init(_ text: String) {
            if let range = text.range(of: "{}") {
                head = String(text[..<range.lowerBound])
                tail = String(text[range.upperBound...])
            } else {
                head = text
                tail = nil
            }
        }
    }

    /// Appends `count` distinct sentences from `lines`, separated by spaces.
    private static func appendSentences(
        _ count: Int, from lines: [Line], noun: String, to body: inout String, _ random: inout SplitMix64
    ) {
        var previous = -1
        var last = -1
        for _ in 0..<min(count, 3) {
            var pick = random.below(lines.count)
            while pick == previous || pick == last { pick = (pick + 1) % lines.count }
            previous = last
            last = pick
            let line = lines[pick]
            if !body.isEmpty { body += " " }
            if let tail = line.tail {
                body += line.head
                body += noun
                body += tail
            } else {
                body += line.head
            }
        }
    }

    // Cumulative percentages below which a roll gives 5, 4, 3 and 2 stars; 1 star above the last.
    // Overall (30% loved, 50% typical, 20% mixed): about 5★ 45%, 4★ 26%, 3★ 13%, 2★ 7%, 1★ 9%.
    private static let lovedProfile = (62, 86, 93, 96)
    private static let typicalProfile = (45, 73, 85, 92)
    private static let mixedProfile = (22, 46, 68, 83)

    static let firstNames = [
        "Maria", "James", "Aisha", "Tom", "Sofia", "Liam", "Priya", "Noah", "Elena", "Oliver", "Yuki", "Mateo",
        "Chloe", "Ben", "Fatima", "Lucas", "Hannah", "Daniel", "Zara", "Samuel", "Ingrid", "Kofi", "Emma", "Ravi",
        "Grace", "Leo", "Amara", "Finn", "Isabel", "Omar", "Nina", "Jack", "Mei", "Hugo", "Olivia", "Tariq", "Freya",
        "Diego", "Lena", "Arjun", "Ruby", "Mohammed", "Clara", "Ethan", "Sienna", "Luca", "Ava", "Niamh", "Jonas",
        "Layla", "Patrick", "Anya", "Felix", "Rosa", "Kenji", "Alice", "Marcus", "Eva", "Sam", "Harriet", "Ines",
        "George", "Maya", "Theo",
    ]

    static let lastInitials = [
        "A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "O", "P", "R", "S", "T", "V", "W", "Y",
    ]

    static let fiveStarTitles = [
        "Absolutely love it", "Exceeded my expectations", "Worth every penny", "Brilliant quality", "Five stars",
        "Better than I hoped", "Perfect gift", "Would buy again", "Simply excellent", "Great value",
        "Beautifully made", "Can't fault it",
    ]
    static let fourStarTitles = [
        "Really good", "Very happy with this", "Great, with one small niggle", "Solid choice", "Nearly perfect",
        "Good quality", "Does the job well", "Pleased overall", "Lovely, but pricey",
    ]
    static let threeStarTitles = [
        "It's okay", "Mixed feelings", "Decent but not amazing", "Average", "Fine for the price",
        "Some good, some bad", "Not quite what I expected",
    ]
    static let twoStarTitles = [
        "Disappointed", "Not great", "Expected better", "Quality could be better", "Wouldn't buy again",
    ]
    static let oneStarTitles = [
        "Very disappointed", "Fell apart quickly", "Do not recommend", "Sent it back", "Poor quality",
        "Not as described",
    ]

    static let positiveLines: [Line] = [
        "I've used the {} every day for a month and couldn't be happier.", "Arrived quickly and beautifully packaged.",
        "The quality was obvious straight out of the box.", "Looks even better in person than in the photos.",
        "Bought the {} as a gift and ended up ordering another for myself.",
        "Exactly as described, and great value for money.", "My partner keeps borrowing the {}, which says it all.",
        "Really well made, with lovely attention to detail.", "Would happily recommend to friends and family.",
        "Third order from this shop and it never disappoints.", "I can tell the {} will last for years.",
        "Customer service was friendly and helpful too.", "Does exactly what I wanted, no fuss.",
        "I was unsure at first, but the {} won me over within a day.", "Fantastic quality for the price.",
        "Has quickly become one of my favourite things.",
    ].map(Line.init)

    static let niggleLines: [Line] = [
        "Only wish there were more colours to choose from.", "Delivery took a day longer than expected.",
        "Slightly smaller than I imagined, so check the dimensions.", "A little pricey, but you get what you pay for.",
        "The instructions could be clearer.", "The packaging was a bit much, but the {} arrived in perfect condition.",
    ].map(Line.init)

    static let mixedLines: [Line] = [
        "It does the job, but nothing more.", "Good quality overall, though the {} was smaller than I expected.",
        "Nice design, but the finish is not quite as premium as the photos suggest.",
        "Took me a while to get used to the {}.", "Decent for the price, but I have seen better.",
        "Some things I love, others I could live without.", "Works fine, but I expected a bit more from this brand.",
        "Delivery was quick, which makes up for some of the shortcomings.",
        "The colour is slightly different from the pictures.", "Not bad, not amazing.",
    ].map(Line.init)

    static let negativeLines: [Line] = [
        "Sadly the {} started falling apart after a couple of weeks.", "Feels cheap for the price.",
        "Not as described: the colour and size were both off.", "Arrived damaged and the replacement took ages.",
        "I really wanted to like the {}, but ended up returning my order.", "Much flimsier than the photos suggest.",
        "Would not buy again.", "Customer service was helpful, but the product itself let me down.",
        "Returned my order for a refund, which at least was painless.",
        "The finish started to wear off almost immediately.", "Not worth the money, in my opinion.",
        "Awkward to use and hard to love.",
    ].map(Line.init)
}
