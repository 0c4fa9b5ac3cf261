import FornyeBarometer
import FornyeStatistics

/// Counties of one municipal structure for two waves, so that county shares can be compared across
/// the 2020 mergers: each respondent's kommunenummer is carried into the later wave's structure
/// (merged municipalities to their successor) and given that structure's county.
enum CommonCounty {
    static let variable = "d_county_common"

    /// The two datasets with `d_county_common` added, or nil when a wave lacks kommunenummer or a
    /// structure date, or the register cannot be read.
    ///
    /// - Returns: The datasets and the number of respondents of the first wave whose municipality
    ///   was split across counties (they get no common county).
    static func add(
        first: Wave, second: Wave, kommunenummer: String = "kommunenummer"
    ) -> (first: Dataset, second: Dataset, unmapped: Int)? {
        guard let firstDate = first.structureDate.flatMap(CalendarDay.init),
            let secondDate = second.structureDate.flatMap(CalendarDay.init), firstDate <= secondDate,
            let register = try? MunicipalityRegister.bundled(),
            let later = try? register.municipalities(on: secondDate),
            let firstNumbers = numbers(first.dataset, kommunenummer),
            let secondNumbers = numbers(second.dataset, kommunenummer)
        else { return nil }
        var countyOf: [String: Int] = [:]
        var names: [Int: String] = [:]
        for municipality in later {
            countyOf[municipality.number] = municipality.countyCode
            names[municipality.countyCode] = municipality.countyName
        }
        var unmapped = 0
        var cache: [String: Int32] = [:]
        let firstCodes: [Int32] = firstNumbers.map { number in
            guard let number, !number.isEmpty else { return Column.systemMissing }
            if let known = cache[number] { return known }
            let successors = (try? register.successors(number: number, from: firstDate, to: secondDate)) ?? []
            let counties = Set(successors.compactMap { countyOf[$0] })
            let code = counties.count == 1 ? Int32(counties.first!) : Column.systemMissing
            if code == Column.systemMissing { unmapped += 1 }
            cache[number] = code
            return code
        }
        let secondCodes: [Int32] = secondNumbers.map { number in
            guard let number, let county = countyOf[number] else { return Column.systemMissing }
            return Int32(county)
        }
        let variable = Variable(
            name: variable, label: "Fylke (inndelingen fra \(secondDate.year))", kind: .singleChoice,
            valueLabels: names.keys.sorted().map { ValueLabel(code: $0, label: names[$0]!) })
        guard let firstData = try? first.dataset.adding([(variable, .codes(firstCodes))]),
            let secondData = try? second.dataset.adding([(variable, .codes(secondCodes))])
        else { return nil }
        return (firstData, secondData, unmapped)
    }

    private static func numbers(_ dataset: Dataset, _ name: String) -> [String?]? {
        guard case .texts(let values) = try? dataset.column(named: name) else { return nil }
        return values
    }
}
