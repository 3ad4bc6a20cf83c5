import Foundation
import Logging
import MercatoCore

/// Writes each log entry as one JSON object per line on standard output: time, level, message, the request
/// id and the entry's metadata. Log collectors read it without parsing rules.
///
/// The server logs every request, so the line is written by hand (keys sorted, strings escaped) rather than
/// through `JSONSerialization` and a date formatter, which cost more than answering a cart request, and goes out
/// with one system call, without a `Data` or a dictionary on the way.
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
        var line = line(for: event, at: Date())
        line.withUTF8 { Self.writeToStandardOutput($0) }
    }

    /// The entry as one line of JSON: its time, level, message and logger, then the handler's metadata and the
    /// entry's own (which wins), keys sorted, `hb.request.id` named `request_id`.
    func line(for event: LogEvent, at time: Date) -> String {
        var fields: [(key: String, value: String)] = [
            ("time", CivilDate.isoTimestamp(time)), ("level", event.level.rawValue),
            ("message", event.message.description), ("logger", label),
        ]
        for source in [metadata, event.metadata ?? [:]] {
            for (key, value) in source {
                let key = key == "hb.request.id" ? "request_id" : key
                if let index = fields.firstIndex(where: { $0.key == key }) {
                    fields[index].value = value.description
                } else {
                    fields.append((key, value.description))
                }
            }
        }
        fields.sort { $0.key < $1.key }
        var line = "{"
        line.reserveCapacity(256)
        for (index, field) in fields.enumerated() {
            if index > 0 { line += "," }
            JSONString.append(field.key, to: &line)
            line += ":"
            JSONString.append(field.value, to: &line)
        }
        line += "}\n"
        return line
    }

    /// One `write` for the line, as long as the output takes it whole (a pipe takes a short line at once).
    private static func writeToStandardOutput(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = write(STDOUT_FILENO, start + offset, bytes.count - offset)
            if written > 0 {
                offset += written
            } else if written < 0, errno == EINTR {
                continue
            } else {
                return
            }
        }
    }
}
