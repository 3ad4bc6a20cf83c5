import Foundation
import Logging

/// Writes each log entry as one JSON object per line on standard output: time, level, message, the request
/// id and the entry's metadata. Log collectors read it without parsing rules.
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
            "time": Date().formatted(.iso8601), "level": event.level.rawValue, "message": event.message.description,
            "logger": label,
        ]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            entry[key == "hb.request.id" ? "request_id" : key] = value.description
        }
        guard var line = try? JSONSerialization.data(withJSONObject: entry, options: [.sortedKeys]) else { return }
        line.append(0x0A)
        FileHandle.standardOutput.write(line)
    }
}
