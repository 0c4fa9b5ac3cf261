import FornyeFormats
import FornyeStatistics
import Testing

@Suite("Codebook reader")
struct CodebookReaderTests {
    @Test("reads YAML with labels, missing codes and multiple-response sets")
    func readsYAML() throws {
        let text = """
            title: Test
            synthetic: true
            variables:
              - name: sector
                label: Sektor
                kind: singleChoice
                values:
                  - {code: 1, label: Helse og omsorg, label_en: Health and care}
                  - {code: 2, label: Utdanning og oppvekst}
                missing: {"8": dontKnow, "9": notApplicable}
              - {name: r1, label: Kvalitet, kind: multipleChoiceItem, values: [{code: 0, label: Nei}, {code: 1, label: Ja}]}
            multiple_response_sets:
              - {name: results, label: Resultater, items: [r1]}
            """
        let codebook = try CodebookReader.parse(text, file: "test.yaml")
        #expect(codebook.synthetic)
        #expect(codebook.variables.count == 2)
        #expect(codebook.variables[0].missingCodes == [8: .dontKnow, 9: .notApplicable])
        #expect(codebook.variables[0].valueLabels[0].labelEnglish == "Health and care")
        #expect(codebook.multipleResponseSets.first?.items == ["r1"])
    }

    @Test("a missing field is reported with the file and the path inside it")
    func locatesMissingField() {
        let text = "variables:\n  - name: a\n    label: A\n"
        #expect {
            try CodebookReader.parse(text, file: "book.yaml")
        } throws: { error in
            "\(error)".contains("book.yaml") && "\(error)".contains("kind") && "\(error)".contains(".variables[0]")
        }
    }

    @Test("a multiple-response set naming an unknown item is refused")
    func unknownItem() {
        let text = "variables: []\nmultiple_response_sets: [{name: s, label: S, items: [nope]}]\n"
        #expect {
            try CodebookReader.parse(text, file: "book.yaml")
        } throws: { error in
            "\(error)".contains("unknown variable nope")
        }
    }
}
