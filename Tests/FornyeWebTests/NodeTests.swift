import Testing

@testable import FornyeWeb

@Suite struct NodeTests {
    @Test func textAndAttributeValuesAreEscaped() {
        let payload = "\"><script>alert(1)</script>'"
        let node = el("a", ["href": payload, "title": nil, "hidden": ""]) { payload }
        #expect(
            node.render()
                == "<a href=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&#39;\" hidden>"
                + "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&#39;</a>")
    }

    @Test func voidElementsHaveNoClosingTag() {
        #expect(el("input", ["name": "q"]).render() == "<input name=\"q\">")
    }
}
