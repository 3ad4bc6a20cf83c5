/// Aggregate of a product's published reviews: count, average and a 5-to-1 star histogram, computed in SQL.
public struct RatingSummary: Hashable, Sendable, Codable {
    /// Number of reviews with 1...5 stars, index 0 for one star.
    public var histogram: [Int]

    public init(histogram: [Int] = [0, 0, 0, 0, 0]) {
        precondition(histogram.count == 5)
        self.histogram = histogram
    }

    public var count: Int { histogram.reduce(0, +) }

    /// The average rating in tenths of a star (43 for 4.3), rounded half up; 0 when there are no reviews.
    public var averageTenths: Int {
        let count = self.count
        guard count > 0 else { return 0 }
        let sum = histogram.enumerated().reduce(0) { $0 + ($1.offset + 1) * $1.element }
        return (sum * 10 * 2 + count) / (count * 2)
    }

    /// `4.3`, for display and JSON-LD.
    public var averageText: String { "\(averageTenths / 10).\(averageTenths % 10)" }
}
