import FornyeBarometer
import FornyeStorage

/// Response rates of a wave in the field, by sector, county and unit type.
///
/// Built from the sample frame and the invitations' used flags only: it shows which units have
/// answered, never what they answered (in anonymous waves nothing links a response to a unit).
struct FieldworkMonitor {
    struct Row: Equatable {
        var label: String
        var units: Int
        var answered: Int
        /// Percent answered, nil for a group without units.
        var rate: Double? { units == 0 ? nil : 100 * Double(answered) / Double(units) }
    }

    var total: Row
    var invited: Int
    var bySector: [Row]
    var byCounty: [Row]
    var byUnitType: [Row]

    init(
        progress: [UnitProgress], instrument: Instrument, register: MunicipalityRegister?, date: CalendarDay,
        language: Language
    ) {
        func label(_ list: String, _ code: Int) -> String {
            let choice = instrument.choiceList(named: list)?.choice(code: code)
            return choice.map { language == .en ? ($0.label.en ?? $0.label.nb) : $0.label.nb } ?? "\(code)"
        }
        func rows(_ key: (UnitProgress) -> (order: String, label: String)) -> [Row] {
            var groups: [String: (label: String, units: Int, answered: Int)] = [:]
            for item in progress {
                let (order, label) = key(item)
                var group = groups[order] ?? (label, 0, 0)
                group.units += 1
                if item.answered { group.answered += 1 }
                groups[order] = group
            }
            return groups.keys.sorted().map {
                Row(label: groups[$0]!.label, units: groups[$0]!.units, answered: groups[$0]!.answered)
            }
        }
        total = Row(
            label: language.pick("Alle", "All"), units: progress.count, answered: progress.filter(\.answered).count)
        invited = progress.filter(\.invited).count
        bySector = rows { (String(format: "%04d", $0.unit.sector), label("sector", $0.unit.sector)) }
        byUnitType = rows { (String(format: "%04d", $0.unit.unitType), label("unit_type", $0.unit.unitType)) }
        byCounty = rows { item in
            guard let number = item.unit.kommunenummer,
                let municipality = try? register?.municipality(number: number, on: date)
            else {
                return ("9999", language.pick("Uten kommunenummer", "No municipality number"))
            }
            return (municipality.countyNumber, "\(municipality.countyNumber) \(municipality.countyName)")
        }
    }
}
