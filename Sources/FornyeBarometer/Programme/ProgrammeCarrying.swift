/// Where a register line's applicant lies in a later municipal structure, so that a 2018
/// application is found under its 2020 and 2024 successor when the register is set beside a
/// later wave.
public enum CarriedApplicant: Sendable, Hashable {
    /// The one municipality (kommunenummer) covering the applicant's area.
    case municipality(String)
    /// A county authority's application: the one county (fylkesnummer) holding all its municipalities.
    case county(String)
    /// The area was split between these numbers (Tysfjord and Snillfjord in 2020, Ålesund in 2024;
    /// Viken, Vestfold og Telemark and Troms og Finnmark in 2024): flagged for the analyst, not guessed.
    case split([String])
    /// Not carried: the line's numbers are invalid, or the target lies before the application.
    case notCarried(String)

    /// The single number, or nil when split or not carried.
    public var number: String? {
        switch self {
        case .municipality(let number), .county(let number): number
        case .split, .notCarried: nil
        }
    }
}

extension ProgrammeApplication {
    /// The applicant in the structure valid on 1 January of `year` (2020 and 2024 are the years
    /// the structure changed after 2018). A municipality follows `MunicipalityRegister.successors`;
    /// a county authority follows the counties its municipalities moved to.
    public func applicant(inStructureOf year: Int, register: MunicipalityRegister) -> CarriedApplicant {
        let target = CalendarDay.newYear(year)
        let from = applicationDate
        guard target >= from else { return sameStructure(target, register: register) }
        let to = target
        do throws(ReferenceDataError) {
            if let number = municipalityNumber {
                let successors = try register.successors(number: number, from: from, to: to)
                return successors.count == 1 ? .municipality(successors[0]) : .split(successors)
            }
            guard let county = countyNumber else { return .notCarried("no kommunenummer or fylkesnummer") }
            let members = try register.municipalities(on: from).filter { $0.countyNumber == county }
            guard !members.isEmpty else { return .notCarried("fylkesnummer \(county) was not a county on \(from)") }
            var counties: Set<String> = []
            for member in members {
                for successor in try register.successors(number: member.number, from: from, to: to) {
                    counties.insert(try register.municipality(number: successor, on: to).countyNumber)
                }
            }
            let sorted = counties.sorted()
            return sorted.count == 1 ? .county(sorted[0]) : .split(sorted)
        } catch {
            return .notCarried(error.description)
        }
    }

    /// For a target before the application: carried only when the numbers are the same on both days
    /// (no mapping backwards across a merger).
    private func sameStructure(_ target: CalendarDay, register: MunicipalityRegister) -> CarriedApplicant {
        let refusal = CarriedApplicant.notCarried(
            "the application of \(applicationDate) is in a later municipal structure than that of \(target)")
        if let number = municipalityNumber {
            return (try? register.municipality(number: number, on: target)) != nil ? .municipality(number) : refusal
        }
        guard let county = countyNumber,
            let members = try? register.municipalities(on: target),
            members.contains(where: { $0.countyNumber == county })
        else { return refusal }
        return .county(county)
    }
}
