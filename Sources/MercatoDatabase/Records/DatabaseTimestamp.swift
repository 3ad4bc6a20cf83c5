import Foundation
import GRDB
import MercatoCore

/// A date written as GRDB writes a `Date` ("yyyy-MM-dd HH:mm:ss.SSS", UTC, to the nearest millisecond), without
/// its `DateFormatter`: under checkout load ICU's formatter was a tenth of the database writer's time, for the
/// three or four dates each write stores. The text is the same character for character, so stored dates still
/// compare and sort as before.
struct DatabaseTimestamp: DatabaseValueConvertible {
    var date: Date

    init(_ date: Date) { self.date = date }

    var databaseValue: DatabaseValue { Self.text(date).databaseValue }

    static func fromDatabaseValue(_ dbValue: DatabaseValue) -> DatabaseTimestamp? {
        Date.fromDatabaseValue(dbValue).map(DatabaseTimestamp.init)
    }

    static func text(_ date: Date) -> String {
        // As Foundation hands a date to ICU: milliseconds since 1970 plus a half, which ICU rounds down.
        let milliseconds = Int64(((date.timeIntervalSinceReferenceDate + 978_307_200) * 1000 + 0.5).rounded(.down))
        let (days, millisecondOfDay) = milliseconds.floorDivided(by: 86_400_000)
        let civil = CivilDate(daysSince1970: Int(days))
        let secondOfDay = Int(millisecondOfDay / 1000)
        // GRDB's formatter writes dates before the Gregorian reform in the Julian calendar: let it.
        guard (1600...9999).contains(civil.year) else { return String.fromDatabaseValue(date.databaseValue) ?? "" }
        return String(unsafeUninitializedCapacity: 23) { buffer in
            func put(_ value: Int, digits: Int, at offset: Int) {
                var value = value
                for index in stride(from: offset + digits - 1, through: offset, by: -1) {
                    buffer[index] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            put(civil.year, digits: 4, at: 0)
            buffer[4] = UInt8(ascii: "-")
            put(civil.month, digits: 2, at: 5)
            buffer[7] = UInt8(ascii: "-")
            put(civil.day, digits: 2, at: 8)
            buffer[10] = UInt8(ascii: " ")
            put(secondOfDay / 3600, digits: 2, at: 11)
            buffer[13] = UInt8(ascii: ":")
            put(secondOfDay / 60 % 60, digits: 2, at: 14)
            buffer[16] = UInt8(ascii: ":")
            put(secondOfDay % 60, digits: 2, at: 17)
            buffer[19] = UInt8(ascii: ".")
            put(Int(millisecondOfDay % 1000), digits: 3, at: 20)
            return 23
        }
    }
}

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let (quotient, remainder) = quotientAndRemainder(dividingBy: divisor)
        return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
    }
}

/// A record that writes its dates with ``DatabaseTimestamp`` (the records of this module).
public protocol TimestampedRecord: EncodableRecord {}

extension TimestampedRecord {
    public static func databaseDateEncodingStrategy(for column: String) -> DatabaseDateEncodingStrategy {
        .custom { DatabaseTimestamp($0) }
    }
}
