import Foundation
import Logging
import Testing

@testable import MercatoServer

@Suite struct JSONLogHandlerTests {
    /// One line of JSON with sorted keys: the entry's metadata wins over the handler's, the request id is
    /// `request_id`, and text that needs escaping comes out as the same text.
    @Test func anEntryIsOneLineOfJSONWithSortedKeys() throws {
        var handler = JSONLogHandler(label: "mercato")
        handler[metadataKey: "hb.request.id"] = "req-1"
        handler[metadataKey: "path"] = "/before"
        let event = LogEvent(
            level: .info, message: "request \"quoted\"\nnext",
            metadata: ["path": "/api/v1/carts/<x>", "status": "201", "method": "POST"],
            source: nil, file: #fileID, function: #function, line: #line)
        let line = handler.line(for: event, at: Date(timeIntervalSince1970: 1_790_000_000))
        #expect(line.hasSuffix("}\n") && line.filter { $0 == "\n" }.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(
            object == [
                "time": "2026-09-21T14:13:20Z", "level": "info", "message": "request \"quoted\"\nnext",
                "logger": "mercato", "request_id": "req-1", "path": "/api/v1/carts/<x>", "status": "201",
                "method": "POST",
            ])
        let keys = line.split(separator: ",").compactMap { $0.split(separator: ":").first }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "{\"")) }
        #expect(keys == keys.sorted(), "\(keys)")
    }
}
