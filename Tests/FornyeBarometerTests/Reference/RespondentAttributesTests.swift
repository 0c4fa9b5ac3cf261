import FornyeBarometer
import FornyeStatistics
import Testing

@Suite("Respondent attributes from kommunenummer")
struct RespondentAttributesTests {
    static func dataset(_ numbers: [String?]) throws -> Dataset {
        let codebook = Codebook(variables: [
            Variable(name: "kommunenummer", label: "Kommunenummer", kind: .text),
            Variable(name: "q", label: "Spørsmål", kind: .numeric),
        ])
        return try Dataset(
            codebook: codebook,
            columns: [
                "kommunenummer": .texts(numbers), "q": .numbers(numbers.indices.map(Double.init)),
            ])
    }

    @Test("Oslo, Skien and Drammen on 2018-06-01 get the register's attributes; blanks stay empty")
    func derivation() throws {
        let register = try bundledRegister()
        let date = day("2018-06-01")
        let data = try Self.dataset(["0301", "0806", nil, " ", "0602"])
        let derived = try RespondentAttributes.adding(to: data, register: register, on: date)
        #expect(derived.codebook.variables.map(\.name) == ["kommunenummer", "q"] + RespondentAttributes.variableNames)
        #expect(try derived.measurements(of: "q") == [0, 1, 2, 3, 4])
        let missing = Column.systemMissing
        #expect(try derived.codes(of: "county") == [3, 8, missing, missing, 6])
        for (row, number) in [(0, "0301"), (1, "0806"), (4, "0602")] {
            let municipality = try register.municipality(number: number, on: date)
            #expect(try derived.codes(of: "landsdel")[row] == Int32(municipality.landsdel))
            #expect(try derived.codes(of: "centrality")[row] == Int32(municipality.centrality))
        }
        let oslo = try register.municipality(number: "0301", on: date)
        #expect(try derived.codes(of: "population_size")[0] == Int32(try #require(oslo.populationSizeClass)))
        // Drammen merged with Svelvik in 2020; the register has no population for its 2018 area.
        #expect(try register.municipality(number: "0602", on: date).population == nil)
        #expect(try derived.codes(of: "population_size")[2...] == [missing, missing, missing])
        let counties = try derived.variable(named: "county").valueLabels
        #expect(counties.first { $0.code == 8 }?.label == "Telemark")
        #expect(counties.count == Set(try register.municipalities(on: date).map(\.countyCode)).count)
    }

    @Test("a malformed number is refused with its 1-based data row")
    func malformed() throws {
        let data = try Self.dataset(["0301", nil, "12A4"])
        #expect(throws: ReferenceDataError.inRow(3, .malformedNumber("12A4"))) {
            try RespondentAttributes.adding(to: data, register: try bundledRegister(), on: day("2018-06-01"))
        }
    }

    @Test("a number not in use on the date is refused with the register's explanation")
    func notValidOnDate() throws {
        let data = try Self.dataset(["4601"])
        do {
            _ = try RespondentAttributes.adding(to: data, register: try bundledRegister(), on: day("2018-06-01"))
            Issue.record("4601 (Bergen from 2020) was accepted on 2018-06-01")
        } catch let error as ReferenceDataError {
            guard case .inRow(1, .notValidOnDate(let number, _, _, _, _, _, _, _)) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(number == "4601")
            #expect(error.description.hasPrefix("row 1: kommunenummer 4601"))
        }
    }

    @Test("data with all four variables are left alone; with only some they are refused")
    func alreadyPresent() throws {
        let register = try bundledRegister()
        let derived = try RespondentAttributes.adding(
            to: try Self.dataset(["0301"]), register: register, on: day("2018-06-01"))
        let again = try RespondentAttributes.adding(to: derived, register: register, on: day("2024-06-01"))
        #expect(try again.codes(of: "county") == derived.codes(of: "county"))
        var partial = derived.codebook
        partial.variables.removeAll { $0.name == "centrality" }
        var columns: [String: Column] = [:]
        for variable in partial.variables { columns[variable.name] = try derived.column(named: variable.name) }
        let incomplete = try Dataset(codebook: partial, columns: columns)
        #expect(throws: StatisticsError.self) {
            try RespondentAttributes.adding(to: incomplete, register: register, on: day("2018-06-01"))
        }
    }
}
