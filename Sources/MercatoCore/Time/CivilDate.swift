import Foundation

/// A UTC calendar day, computed arithmetically (Howard Hinnant's `civil_from_days`): rendering dates on
/// hundreds of thousands of review pages, and writing thousands of timestamps a second to the database, must
/// not go through `Calendar` or a `DateFormatter`.
public struct CivilDate: Sendable, Hashable {
    public var year: Int
    public var month: Int
    public var day: Int
    public var daysSince1970: Int

    public init(_ date: Date) {
        self.init(daysSince1970: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// The proleptic Gregorian day `days` after 1970-01-01.
    public init(daysSince1970 days: Int) {
        daysSince1970 = days
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }
}

extension CivilDate {
    /// `2026-12-07T08:15:02Z`: the second `date` falls in, in UTC (proleptic Gregorian, as ``CivilDate``).
    public static func isoTimestamp(_ date: Date) -> String {
        let day = CivilDate(date)
        let seconds = Int((date.timeIntervalSince1970).rounded(.down)) - day.daysSince1970 * 86_400
        return "\(day.year)-\(twoDigits(day.month))-\(twoDigits(day.day))T\(twoDigits(seconds / 3600)):"
            + "\(twoDigits(seconds / 60 % 60)):\(twoDigits(seconds % 60))Z"
    }

    private static func twoDigits(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
}
