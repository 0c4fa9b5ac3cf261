import Testing

@testable import FornyeReport

@Suite("Markup escaping")
struct MarkupTests {
    static let payloads = [
        "<script>alert(1)</script>", "\" onload=\"alert(1)", "' onmouseover='alert(1)", "Tom & Jerry",
        "</svg><script>alert('x')</script>", "]]><!--", "&amp;", "a\u{0}b\u{1B}c",
    ]

    @Test("payloads come out as text: no markup character survives", arguments: payloads)
    func payloadsAreText(payload: String) throws {
        let escaped = Markup.escape(payload)
        for character in ["<", ">", "\"", "'"] {
            #expect(!escaped.contains(character))
        }
        // Every ampersand starts one of the five entities the escaper writes.
        let parts = escaped.split(separator: "&", omittingEmptySubsequences: false).dropFirst()
        for part in parts {
            #expect(["amp;", "lt;", "gt;", "quot;", "#39;"].contains { part.hasPrefix($0) })
        }
        // Inside an element and an attribute, a strict XML parser reads back the original text
        // (control characters, which XML forbids, as U+FFFD).
        let document = try XMLNode.parse("<p title=\"\(escaped)\">\(escaped)</p>")
        let expected = String(
            String.UnicodeScalarView(
                payload.unicodeScalars.map { $0.value < 0x20 && $0 != "\n" && $0 != "\t" ? "\u{FFFD}" : $0 }))
        #expect(document.text == expected)
        #expect(document.attributes["title"] == expected)
    }

    @Test("text without markup characters is returned as it is")
    func plainText() {
        #expect(Markup.escape("Vest-Agder 82 %") == "Vest-Agder 82 %")
    }

    @Test("identifiers are lower-case ASCII with hyphens")
    func identifiers() {
        #expect(Markup.identifier("Tabell V-0-1") == "tabell-v-0-1")
        #expect(Markup.identifier("Før raking") == "for-raking")
        #expect(Markup.identifier("Møre og Romsdal / Æ") == "more-og-romsdal-ae")
        #expect(Markup.identifier("<script>") == "script")
        #expect(Markup.identifier("%%") == "x")
    }

    @Test("the writer escapes text and attribute values and leaves out nil attributes")
    func writer() throws {
        var writer = MarkupWriter()
        writer.open("div", ["class": "a\"b", "id": nil])
        writer.element("span", text: "<b>")
        writer.empty("br")
        writer.close("div")
        #expect(writer.output == "<div class=\"a&quot;b\"><span>&lt;b&gt;</span><br /></div>")
        _ = try XMLNode.parse(writer.output)
    }
}
