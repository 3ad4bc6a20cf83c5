import Foundation
import MercatoCore
import Testing

@Suite struct JSONStringTests {
    func quoted(_ text: String) -> String {
        var output = ""
        JSONString.append(text, to: &output)
        return output
    }

    @Test func escapesWhatJSONRequiresAndWhatCouldEndAScriptElement() throws {
        #expect(quoted("plain") == "\"plain\"")
        #expect(quoted("say \"hi\"\\") == #""say \"hi\"\\""#)
        #expect(quoted("a\nb\tc\r\u{1}\u{1f}") == #""a\nb\tc\r\u0001\u001f""#)
        #expect(quoted("</script>") == #""\u003c/script>""#)
        #expect(quoted("Crème 🍵") == "\"Crème 🍵\"")
        // Whatever goes in, a JSON parser reads the same text back.
        for text in ["</script><!--", "tab\tquote\"back\\", "\u{0}\u{7f}é", ""] {
            let decoded = try JSONSerialization.jsonObject(with: Data(quoted(text).utf8), options: .fragmentsAllowed) as? String
            #expect(decoded == text)
        }
    }
}
