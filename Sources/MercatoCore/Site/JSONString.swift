/// JSON string literals, written by hand where `JSONEncoder` costs too much: the builder's JSON-LD and search
/// files, the server's log lines and the audit log's details.
public enum JSONString {
    /// `text` as a JSON string literal (see ``append(_:to:)``).
    public static func literal(_ text: String) -> String {
        var output = ""
        append(text, to: &output)
        return output
    }

    /// Appends `text` as a JSON string literal. `<` is written as `\u003c`, so that `</script>` or `<!--`
    /// inside a string cannot end a script element the JSON is placed in.
    public static func append(_ text: String, to output: inout String) {
        output += "\""
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "<") }) {
            output += text
            output += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "<": output += "\\u003c"
            case _ where scalar.value < 0x10: output += "\\u000" + String(scalar.value, radix: 16)
            case _ where scalar.value < 0x20: output += "\\u00" + String(scalar.value, radix: 16)
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
