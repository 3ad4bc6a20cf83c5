import Foundation
import Logging
import MercatoCore

/// Writes each log entry as one JSON object per line on standard output: time, level, message, the request
/// id and the entry's metadata. Log collectors read it without parsing rules.
///
/// The server logs every request, so the line is written by hand (keys sorted, strings escaped) rather than
/// through `JSONSerialization` and a date formatter, which cost more than answering a cart request.
public struct JSONLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    private let label: String

    public init(label: String) { self.label = label }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var entry: [String: String] = [
            "time": CivilDate.isoTimestamp(Date()), "level": event.level.rawValue, "message": event.message.description,
            "logger": label,
        ]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            entry[key == "hb.request.id" ? "request_id" : key] = value.description
        }
        var line = "{"
        for (index, (key, value)) in entry.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { line += "," }
            JSONString.append(key, to: &line)
            line += ":"
            JSONString.append(value, to: &line)
        }
        line += "}\n"
        FileHandle.standardOutput.write(Data(line.utf8))
    }
}
