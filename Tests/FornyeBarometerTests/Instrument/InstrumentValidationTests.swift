import FornyeBarometer
import Testing

/// A small instrument in YAML whose questions each test replaces, so that every bad input is
/// checked with the message and the line a person would see.
private func yaml(lists: String = defaultLists, _ questions: String, sectionExtra: String = "") -> String {
    """
    id: test
    version: "1"
    title: {nb: Test, en: Test}
    choice_lists:
    \(lists)
    sections:
      - name: main
        label: {nb: Hoved}
    \(sectionExtra)
        questions:
    \(questions)
    """
}

private let defaultLists = """
      - name: yn
        choices:
          - {code: 1, nb: Ja}
          - {code: 2, nb: Nei}
          - {code: 8, nb: Vet ikke, missing: dontKnow}
      - name: types
        choices:
          - {code: 1, nb: Tjeneste}
          - {code: 2, nb: Produkt}
    """

/// The 1-based line of the first line of `text` containing `marker`.
private func line(of marker: String, in text: String) -> Int {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    return lines.firstIndex { $0.contains(marker) }! + 1
}

private func issues(_ text: String) -> [String] {
    do {
        _ = try InstrumentFile.parse(text, file: "bad.yaml")
        return []
    } catch {
        return error.issues.map(\.description)
    }
}

@Suite("Instrument validation")
struct InstrumentValidationTests {
    @Test("a valid small instrument loads")
    func valid() throws {
        let text = yaml(
            """
                  - {name: q1, type: single_choice, choices: yn, label: {nb: En}}
                  - {name: q2, type: multiple_choice, choices: types, label: {nb: To}, relevant: "${q1} = 1"}
                  - {name: q3, type: text, label: {nb: Tre}, relevant: "selected(${q2}, 2) and ${q1} != 8"}
            """)
        let instrument = try InstrumentFile.parse(text, file: "ok.yaml")
        #expect(instrument.questions.map(\.name) == ["q1", "q2", "q3"])
    }

    @Test("a routing expression that names an unknown question")
    func unknownQuestion() {
        let text = yaml(
            """
                  - {name: q1, type: single_choice, choices: yn, label: {nb: En}}
                  - {name: q2, type: text, label: {nb: To}, relevant: "${q1} = 1 or ${q9} = 2"}
            """)
        #expect(
            issues(text) == [
                "bad.yaml, line \(line(of: "q2", in: text)), question q2, relevant, column 14 of the expression: "
                    + "${q9} is not a question in this instrument"
            ])
    }

    @Test("a routing expression that reads a later question")
    func laterQuestion() {
        let text = yaml(
            """
                  - {name: q1, type: single_choice, choices: yn, label: {nb: En}, relevant: "${q2} = 1"}
                  - {name: q2, type: single_choice, choices: yn, label: {nb: To}}
            """)
        #expect(
            issues(text) == [
                "bad.yaml, line \(line(of: "q1", in: text)), question q1, relevant, column 1 of the expression: "
                    + "${q2} is asked later; routing can only read earlier answers"
            ])
    }

    @Test("a routing cycle is reported once, with its path, at its first question")
    func cycle() {
        let text = yaml(
            """
                  - {name: q1, type: single_choice, choices: yn, label: {nb: En}}
                  - {name: q2, type: single_choice, choices: yn, label: {nb: To}, relevant: "${q3} = 1"}
                  - {name: q3, type: single_choice, choices: yn, label: {nb: Tre}, relevant: "${q1} = 1 and ${q2} = 1"}
            """)
        #expect(
            issues(text) == [
                "bad.yaml, line \(line(of: "q2", in: text)), question q2, relevant: routing cycle: q2 → q3 → q2"
            ])
    }

    @Test("a question whose routing reads itself is a cycle")
    func selfCycle() {
        let text = yaml(
            """
                  - {name: q1, type: single_choice, choices: yn, label: {nb: En}, relevant: "${q1} != 2"}
            """)
        #expect(
            issues(text) == [
                "bad.yaml, line \(line(of: "q1", in: text)), question q1, relevant: routing cycle: q1 → q1"
            ])
    }

    @Test("a calculation takes part in cycles too")
    func calculationCycle() {
        let text = yaml(
            """
                  - {name: q1, type: single_choice, choices: yn, label: {nb: En}, relevant: "${q2} = 1"}
                  - {name: q2, type: single_choice, choices: yn, label: {nb: To}, calculation: "if(${q1} = 1, 1, 2)"}
            """)
        #expect(
            issues(text) == [
                "bad.yaml, line \(line(of: "q1", in: text)), question q1, relevant: routing cycle: q1 → q2 → q1"
            ])
    }

    @Test("a duplicate question name")
    func duplicateName() {
        let text = yaml(
            """
                  - {name: q1, type: single_choice, choices: yn, label: {nb: En}}
                  - {name: q1, type: text, label: {nb: To}}
            """)
        #expect(
            issues(text) == [
                "bad.yaml, line \(line(of: "type: text", in: text)), question q1, name: "
                    + "the name is already used by an earlier question (section main)"
            ])
    }

    @Test("a duplicate code in a choice list")
    func duplicateCode() {
        let lists = """
                  - name: yn
                    choices:
                      - {code: 1, nb: Ja}
                      - {code: 2, nb: Nei}
                      - {code: 1, nb: Kanskje}
            """
        let text = yaml(lists: lists, "      - {name: q1, type: single_choice, choices: yn, label: {nb: En}}")
        #expect(
            issues(text) == [
                "bad.yaml, line \(line(of: "Kanskje", in: text)), choice list yn, code: code 1 appears twice"
            ])
    }

    @Test("an unknown choice list, and a choice question without one")
    func unknownList() {
        let text = yaml(
            """
                  - {name: q1, type: single_choice, choices: yesno, label: {nb: En}}
                  - {name: q2, type: multiple_choice, label: {nb: To}}
            """)
        #expect(
            issues(text) == [
                "bad.yaml, line \(line(of: "q1", in: text)), question q1, choices: choice list yesno does not exist",
                "bad.yaml, line \(line(of: "q2", in: text)), question q2, choices: "
                    + "a multiple_choice question needs a choice list",
            ])
    }

    @Test("a syntax error names the line and the column inside the expression")
    func syntaxError() {
        let text = yaml(
            """
                  - {name: q1, type: single_choice, choices: yn, label: {nb: En}}
                  - name: q2
                    type: text
                    label: {nb: To}
                    relevant: ${q1} = = 1
            """)
        #expect(
            issues(text) == [
                "bad.yaml, line \(line(of: "relevant:", in: text)), question q2, relevant, column 9 of the expression: "
                    + "expected ${question}, a number or 'text', found ="
            ])
    }

    @Test("codes must be in the question's list; selected() needs a choice question; multiple choice needs selected()")
    func codes() {
        let text = yaml(
            """
                  - {name: q1, type: single_choice, choices: yn, label: {nb: En}}
                  - {name: q2, type: multiple_choice, choices: types, label: {nb: To}, relevant: "${q1} = 5"}
                  - {name: q3, type: text, label: {nb: Tre}, relevant: "selected(${q2}, 7) or ${q2} = 1"}
                  - {name: q4, type: text, label: {nb: Fire}, relevant: "selected(${q3}, 1)"}
            """)
        #expect(
            issues(text) == [
                "bad.yaml, line \(line(of: "q2", in: text)), question q2, relevant, column 9 of the expression: "
                    + "code 5 is not in choice list yn of ${q1}",
                "bad.yaml, line \(line(of: "q3", in: text)), question q3, relevant, column 17 of the expression: "
                    + "code 7 is not in choice list types of ${q2}",
                "bad.yaml, line \(line(of: "q3", in: text)), question q3, relevant, column 23 of the expression: "
                    + "${q2} is multiple choice; use selected(${q2}, code)",
                "bad.yaml, line \(line(of: "q4", in: text)), question q4, relevant, column 10 of the expression: "
                    + "selected() needs a choice question; ${q3} is text",
            ])
    }

    @Test("a section's condition may not read questions inside it")
    func sectionCondition() {
        let text = yaml(
            """
                  - {name: q1, type: single_choice, choices: yn, label: {nb: En}}
            """,
            sectionExtra: "    relevant: ${q1} = 1")
        #expect(
            issues(text) == [
                "bad.yaml, line \(line(of: "relevant:", in: text)), section main, relevant, column 1 of the expression: "
                    + "the section's condition reads ${q1}, which is inside the section"
            ])
    }

    @Test("a calculation can only give codes of the question's list")
    func calculationCodes() {
        let text = yaml(
            """
                  - {name: q1, type: single_choice, choices: yn, label: {nb: En}}
                  - {name: q2, type: single_choice, choices: yn, label: {nb: To}, calculation: "if(${q1} = 1, 1, 3)"}
            """)
        #expect(
            issues(text) == [
                "bad.yaml, line \(line(of: "q2", in: text)), question q2, calculation, column 18 of the expression: "
                    + "the calculation can give 3, which is not in choice list yn"
            ])
    }

    @Test("an unknown question type is located at its line")
    func unknownType() {
        let text = yaml(
            """
                  - {name: q1, type: single_choice, choices: yn, label: {nb: En}}
                  - name: q2
                    type: geopoint
                    label: {nb: Hvor}
            """)
        let found = issues(text)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("bad.yaml, line \(line(of: "geopoint", in: text)), question q2, type: ") == true)
        #expect(found.first?.contains("geopoint") == true)
    }

    @Test("a multiple-choice item variable may not collide with another question")
    func itemCollision() {
        let text = yaml(
            """
                  - {name: t, type: multiple_choice, choices: types, label: {nb: En}}
                  - {name: t_2, type: text, label: {nb: To}}
            """)
        #expect(
            issues(text) == [
                "bad.yaml, line \(line(of: "name: t,", in: text)), question t: "
                    + "its option 2 becomes variable t_2, already used by an earlier question (section main)"
            ])
    }

    @Test("names must be XML-safe identifiers")
    func invalidName() {
        let text = yaml("      - {name: 2nd question, type: text, label: {nb: En}}")
        #expect(
            issues(text) == [
                "bad.yaml, line \(line(of: "2nd", in: text)), question 2nd question, name: "
                    + "\"2nd question\" is not a valid name: use ASCII letters, digits and _, starting with a letter or _"
            ])
    }
}

@Suite("Instrument YAML syntax")
struct InstrumentYAMLSyntaxTests {
    @Test("text that is not YAML is reported with the file and the line where parsing stopped")
    func notYAML() {
        let text = "id: test\nversion: \"1\"\nsections:\n  - name: a\n   questions: []\n"
        #expect {
            try InstrumentFile.parse(text, file: "broken.yaml")
        } throws: { error in
            "\(error)".hasPrefix("broken.yaml, line 5: not valid YAML: ")
        }
    }

    @Test("a key given twice in one mapping is refused, not silently overwritten")
    func duplicateKey() {
        let text = yaml("      - {name: q1, type: text, label: {nb: En}, relevant: \"1 = 1\", relevant: \"2 = 2\"}")
        #expect {
            try InstrumentFile.parse(text, file: "twice.yaml")
        } throws: { error in
            "\(error)".hasPrefix(
                "twice.yaml, line \(line(of: "q1", in: text)): not valid YAML: key relevant appears twice")
        }
    }
}
