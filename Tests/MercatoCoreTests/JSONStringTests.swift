import Foundation
import MercatoCore
import Testing

@Suite struct JSONStringTests {
    @Test func escapesWhatJSONRequiresAndWhatCouldEndAScriptElement() throws {
        #expect(JSONString.literal("plain") == "\"plain\"")
        #expect(JSONString.literal("say \"hi\"\\") == #""say \"hi\"\\""#)
        #expect(JSONString.literal("a\nb\tc\r\u{1}\u{1f}") == #""a\nb\tc\r\u0001\u001f""#)
        #expect(JSONString.literal("</script>") == #""\u003c/script>""#)
        #expect(JSONString.literal("Crème 🍵") == "\"Crème 🍵\"")
        // Whatever goes in, a JSON parser reads the same text back.
        for text in ["</script><!--", "tab\tquote\"back\\", "\u{0}\u{7f}é", ""] {
            let decoded = try JSONSerialization.jsonObject(with: Data(JSONString.literal(text).utf8), options: .fragmentsAllowed) as? String
            #expect(decoded == text)
        }
    }
}
