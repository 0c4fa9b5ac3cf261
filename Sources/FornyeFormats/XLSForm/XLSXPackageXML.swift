import XMLCoder

// The parts of SpreadsheetML (ECMA-376) that reading cell text needs. Unknown elements and
// attributes are ignored, so files from Excel, LibreOffice, openpyxl and others all decode.

/// `xl/workbook.xml`: the sheets in tab order with their relationship ids.
struct WorkbookXML: Codable, DynamicNodeDecoding, DynamicNodeEncoding {
    struct Sheets: Codable {
        var sheet: [Sheet]
    }

    struct Sheet: Codable, DynamicNodeDecoding, DynamicNodeEncoding {
        var name: String
        var sheetId: Int
        var relationshipId: String

        enum CodingKeys: String, CodingKey {
            case name, sheetId
            case relationshipId = "r:id"
        }

        static func nodeDecoding(for key: any CodingKey) -> XMLDecoder.NodeDecoding { .attribute }
        static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { .attribute }
    }

    var sheets: Sheets

    static func nodeDecoding(for key: any CodingKey) -> XMLDecoder.NodeDecoding { .element }
    static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { .element }
}

/// `xl/_rels/workbook.xml.rels`: where each sheet's part is.
struct RelationshipsXML: Codable {
    struct Relationship: Codable, DynamicNodeDecoding, DynamicNodeEncoding {
        var id: String
        var type: String
        var target: String

        enum CodingKeys: String, CodingKey {
            case id = "Id"
            case type = "Type"
            case target = "Target"
        }

        static func nodeDecoding(for key: any CodingKey) -> XMLDecoder.NodeDecoding { .attribute }
        static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding { .attribute }
    }

    var relationship: [Relationship]

    enum CodingKeys: String, CodingKey {
        case relationship = "Relationship"
    }
}

/// A run of text, `<t>`; its text may be padded, which `xml:space="preserve"` keeps.
struct TextXML: Codable, DynamicNodeDecoding, DynamicNodeEncoding {
    var space: String?
    var value: String

    enum CodingKeys: String, CodingKey {
        case space = "xml:space"
        case value = ""
    }

    init(_ value: String) {
        self.value = value
        // Excel trims unmarked text; mark any that starts or ends with white space.
        space = value.first?.isWhitespace == true || value.last?.isWhitespace == true ? "preserve" : nil
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        space = try container.decodeIfPresent(String.self, forKey: .space)
        value = try container.decodeIfPresent(String.self, forKey: .value) ?? ""
    }

    static func nodeDecoding(for key: any CodingKey) -> XMLDecoder.NodeDecoding {
        key.stringValue == CodingKeys.space.rawValue ? .attribute : .element
    }

    static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding {
        key.stringValue == CodingKeys.space.rawValue ? .attribute : .element
    }
}

/// A rich-text string: plain `<t>` or runs `<r><t>`; phonetic runs (`<rPh>`) are not text.
struct RichTextXML: Codable {
    struct Run: Codable {
        var t: TextXML?
    }

    var t: TextXML?
    var r: [Run]?

    var text: String {
        (t?.value ?? "") + (r ?? []).map { $0.t?.value ?? "" }.joined()
    }
}

/// `xl/sharedStrings.xml`.
struct SharedStringsXML: Codable {
    var si: [RichTextXML]?
}

/// A worksheet's cells; only `sheetData` matters.
struct WorksheetXML: Codable {
    struct SheetData: Codable {
        var row: [RowXML]?
    }

    struct RowXML: Codable, DynamicNodeDecoding, DynamicNodeEncoding {
        var r: Int?
        var c: [CellXML]?

        static func nodeDecoding(for key: any CodingKey) -> XMLDecoder.NodeDecoding {
            key.stringValue == "r" ? .attribute : .element
        }

        static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding {
            key.stringValue == "r" ? .attribute : .element
        }
    }

    struct CellXML: Codable, DynamicNodeDecoding, DynamicNodeEncoding {
        /// Reference such as "B3".
        var r: String?
        /// Type: s (shared string), inlineStr, str (formula text), b, n, e, d.
        var t: String?
        /// Style index.
        var s: Int?
        var v: String?
        var `is`: RichTextXML?

        static func nodeDecoding(for key: any CodingKey) -> XMLDecoder.NodeDecoding {
            ["r", "t", "s"].contains(key.stringValue) ? .attribute : .element
        }

        static func nodeEncoding(for key: any CodingKey) -> XMLEncoder.NodeEncoding {
            ["r", "t", "s"].contains(key.stringValue) ? .attribute : .element
        }
    }

    var sheetData: SheetData
}
