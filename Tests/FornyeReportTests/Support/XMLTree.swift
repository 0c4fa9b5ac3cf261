import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A parsed XML element tree: the strict check that the report is well-formed XHTML, and a way to
/// ask it structural questions (does every `<svg>` have a `<title>`?).
final class XMLNode {
    let name: String
    let attributes: [String: String]
    var children: [XMLNode] = []
    var text = ""
    weak var parent: XMLNode?

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// Every element below this one (depth first) with the given name.
    func descendants(named name: String) -> [XMLNode] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.descendants(named: name) }
    }

    /// All text inside the element, children included.
    var allText: String { text + children.map(\.allText).joined() }

    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    /// Parses `markup` strictly; throws with the line and column of the first error.
    static func parse(_ markup: String) throws -> XMLNode {
        let builder = Builder()
        let parser = XMLParser(data: Data(markup.utf8))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw ParseError(
                description:
                    "not well-formed at line \(parser.lineNumber), column \(parser.columnNumber): \(String(describing: parser.parserError))"
            )
        }
        return root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: XMLNode?
        var current: XMLNode?

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String]
        ) {
            let node = XMLNode(name: elementName, attributes: attributes)
            node.parent = current
            if let current { current.children.append(node) } else { root = node }
            current = node
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?
        ) {
            current = current?.parent
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            current?.text += string
        }
    }
}
