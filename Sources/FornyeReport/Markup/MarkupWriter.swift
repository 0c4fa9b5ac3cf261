/// Writes XHTML-compatible markup (HTML that also parses as XML) with every text and attribute
/// value escaped. Tag and attribute names are literals of the code, never data.
struct MarkupWriter {
    private(set) var output = ""

    init(capacity: Int = 4096) {
        output.reserveCapacity(capacity)
    }

    /// Attribute pairs in order; a nil value leaves the attribute out.
    typealias Attributes = KeyValuePairs<String, String?>

    mutating func open(_ tag: String, _ attributes: Attributes = [:]) {
        output += "<" + tag
        append(attributes)
        output += ">"
    }

    mutating func close(_ tag: String) {
        output += "</" + tag + ">"
    }

    /// An element that holds only text.
    mutating func element(_ tag: String, _ attributes: Attributes = [:], text: String) {
        open(tag, attributes)
        output += Markup.escape(text)
        close(tag)
    }

    /// An element without content, written self-closed so that XML parsers accept it.
    mutating func empty(_ tag: String, _ attributes: Attributes = [:]) {
        output += "<" + tag
        append(attributes)
        output += " />"
    }

    mutating func text(_ text: String) {
        output += Markup.escape(text)
    }

    mutating func line() {
        output += "\n"
    }

    /// Markup produced by another `MarkupWriter` or a constant of this module, never data.
    mutating func raw(_ markup: String) {
        output += markup
    }

    private mutating func append(_ attributes: Attributes) {
        for (name, value) in attributes {
            guard let value else { continue }
            output += " " + name + "=\"" + Markup.escape(value) + "\""
        }
    }
}
