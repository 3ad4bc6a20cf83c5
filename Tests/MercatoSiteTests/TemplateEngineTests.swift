import Testing

@testable import MercatoSite

@Suite struct TemplateEngineTests {
    func render(_ source: String, _ context: TemplateValue, partials: [String: String] = [:]) throws -> (String, String?) {
        var templates = ["page": try CompiledTemplate(source: source)]
        for (name, text) in partials { templates[name] = try CompiledTemplate(source: text) }
        var renderer = TemplateRenderer(templates: templates)
        let found = renderer.render("page", context: [context])
        #expect(found)
        return (String(decoding: renderer.output, as: UTF8.self), renderer.missing.map { "\($0.template):\($0.name.line) \($0.name.text)" })
    }

    @Test func variablesAreEscapedUnlessTripleOrAmpersand() throws {
        let (text, missing) = try render(
            "{{name}}|{{{name}}}|{{& name}}|{{count}}|{{flag}}", ["name": "<a href='x'>&\"", "count": 42, "flag": true])
        #expect(text == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;|<a href='x'>&\"|<a href='x'>&\"|42|true")
        #expect(missing == nil)
    }

    @Test func sectionsIterateListsEnterObjectsAndTestTruth() throws {
        let context: TemplateValue = [
            "items": [["n": "a"], ["n": "b"]], "empty": [], "product": ["name": "Mug", "rating": nil],
            "yes": true, "no": false, "nothing": nil, "label": "Sale",
        ]
        let (text, _) = try render(
            "{{#items}}[{{n}}]{{/items}}{{^empty}}none{{/empty}}{{#product}}{{name}}{{^rating}} unrated{{/rating}}{{/product}}"
                + "{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}!N{{/no}}{{#nothing}}X{{/nothing}}{{#label}}<{{.}}>{{/label}}",
            context)
        #expect(text == "[a][b]noneMug unratedY!N<Sale>")
    }

    @Test func dottedNamesAndOuterScopesResolve() throws {
        let (text, missing) = try render(
            "{{product.rating.count}} {{#items}}{{.}}{{siteName}} {{/items}}",
            ["product": ["rating": ["count": 5]], "items": ["x", "y"], "siteName": "Shop"])
        #expect(text == "5 xShop yShop ")
        #expect(missing == nil)
    }

    @Test func standaloneTagsTakeTheirLineAndPartialsKeepIndentation() throws {
        let (text, _) = try render(
            "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n  {{! a comment }}\n  {{> row}}\n</ul>\n",
            ["items": ["a", "b"], "last": "z"], partials: ["row": "<li>{{last}}</li>\n<li>end</li>\n"])
        #expect(text == "<ul>\n  <li>a</li>\n  <li>b</li>\n  <li>z</li>\n  <li>end</li>\n</ul>\n")
    }

    @Test func aNameFoundNowhereIsReportedWithItsTemplateAndLine() throws {
        let (_, inPage) = try render("line one\n{{#product}}\n{{prise}}\n{{/product}}", ["product": ["price": "$1"]])
        #expect(inPage == "page:3 prise")
        let (_, inPartial) = try render("{{> card}}", ["name": "Mug"], partials: ["card": "\n\n{{nmae}}"])
        #expect(inPartial == "card:3 nmae")
        let (_, nested) = try render("{{product.rating.cuont}}", ["product": ["rating": ["count": 1]]])
        #expect(nested == "page:1 product.rating.cuont")
        let (_, null) = try render("{{product.rating.count}}", ["product": ["rating": nil]])
        #expect(null == nil, "a name under a present but empty value is not an error")
    }

    @Test func syntaxErrorsSayWhatAndWhere() {
        func error(_ source: String) -> CompiledTemplate.SyntaxError? {
            do {
                _ = try CompiledTemplate(source: source)
                return nil
            } catch { return error }
        }
        #expect(error("a\n{{#items}}\nb")?.line == 2)
        #expect(error("a\n{{#items}}\nb")?.message.contains("never closed") == true)
        #expect(error("{{#a}}\n{{/b}}")?.line == 2)
        #expect(error("{{/a}}")?.message.contains("never opened") == true)
        #expect(error("x\n\n{{name")?.line == 3)
        #expect(error("{{=<% %>=}}")?.message.contains("not supported") == true)
        #expect(error("{{<base}}{{/base}}")?.message.contains("not supported") == true)
        #expect(error("{{ two words }}")?.message.contains("not a valid name") == true)
    }
}
