import FornyeBarometer
import FornyeProjectBank
import Testing

@Suite struct ReuseReportInputTests {
    let register = try! MunicipalityRegister.bundled()
    let day = CalendarDay(year: 2025, month: 6, day: 15)!

    func check(_ input: ReuseReportInput, actor: ProjectActor = .editor(municipality: "3301"), owner: String? = "0301")
        -> Result<ReuseReportInput.Checked, ProjectError>
    {
        input.check(actor: actor, originalOwner: owner, register: register, on: day)
    }

    func fields(_ result: Result<ReuseReportInput.Checked, ProjectError>) -> [String] {
        guard case .failure(.invalid(let errors)) = result else { return [] }
        return errors.map(\.field)
    }

    @Test func aValidReportNamesTheMunicipalityAsTheRegisterDoes() throws {
        let checked = try check(
            ReuseReportInput(municipality: "3301", unit: " Hjemmetjenesten ", month: "2025-03", changes: "Kortere kurs")
        ).get()
        #expect(checked.municipalityName == "Drammen")
        #expect(checked.countyNumber == "33")
        #expect(checked.unit == "Hjemmetjenesten")
        #expect(checked.month == "2025-03")
    }

    @Test func eachProblemIsLocatedAtItsField() {
        #expect(fields(check(.init(municipality: "", unit: "", month: "2025-01", changes: ""))) == ["municipality"])
        #expect(fields(check(.init(municipality: "33O1", unit: "", month: "2025-01", changes: ""))) == ["municipality"])
        #expect(fields(check(.init(municipality: "9999", unit: "", month: "2025-01", changes: ""))) == ["municipality"])
        // An editor records only their own municipality's reuse; an admin any.
        #expect(fields(check(.init(municipality: "4601", unit: "", month: "2025-01", changes: ""))) == ["municipality"])
        #expect(
            (try? check(.init(municipality: "4601", unit: "", month: "2025-01", changes: ""), actor: .admin).get())?
                .municipalityName == "Bergen")
        // Nobody reuses their own project.
        #expect(
            fields(check(.init(municipality: "3301", unit: "", month: "2025-01", changes: ""), owner: "3301"))
                == ["municipality"])
        for month in ["", "2025-13", "2025-3", "25-03", "2025/03", "２０２５-03"] {
            #expect(fields(check(.init(municipality: "3301", unit: "", month: month, changes: ""))) == ["month"])
        }
        #expect(fields(check(.init(municipality: "3301", unit: "", month: "2025-07", changes: ""))) == ["month"])
        #expect(fields(check(.init(municipality: "3301", unit: "", month: "1999-12", changes: ""))) == ["month"])
        #expect((try? check(.init(municipality: "3301", unit: "", month: "2025-06", changes: "")).get()) != nil)
    }

    @Test func textsAreBoundedAndFreeOfControlCharacters() {
        let long = String(repeating: "å", count: ReuseReportInput.unitLimit + 1)
        let longer = String(repeating: "x", count: ReuseReportInput.changesLimit + 1)
        #expect(
            fields(check(.init(municipality: "3301", unit: long, month: "2025-01", changes: longer))) == [
                "unit", "changes",
            ])
        #expect(fields(check(.init(municipality: "3301", unit: "a\u{0}b", month: "2025-01", changes: ""))) == ["unit"])
        #expect(
            (try? check(.init(municipality: "3301", unit: "", month: "2025-01", changes: "Linje 1\r\nLinje 2")).get())
                != nil)
        #expect(
            fields(check(.init(municipality: "3301", unit: "", month: "2025-01", changes: "\u{1B}[31m"))) == [
                "changes"
            ])
    }
}
