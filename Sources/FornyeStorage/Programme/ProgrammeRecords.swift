public import FluentKit
public import FornyeBarometer
import Foundation

/// A stored register line (`programme_applications`, migration 0063).
public final class ProgrammeApplicationRecord: Model, @unchecked Sendable {
    public static let schema = "programme_applications"

    @ID(key: .id) public var id: UUID?
    @Field(key: "position") public var position: Int
    @OptionalField(key: "municipality_number") public var municipalityNumber: String?
    @OptionalField(key: "county_number") public var countyNumber: String?
    @Field(key: "units_json") public var unitsJSON: String
    @Field(key: "call") public var call: String
    @Field(key: "application_date") public var applicationDate: String
    @Field(key: "status") public var status: String
    @OptionalField(key: "project_start") public var projectStart: String?
    @OptionalField(key: "project_end") public var projectEnd: String?
    @OptionalField(key: "amount_nok") public var amountNOK: Int64?
    @OptionalField(key: "project_slug") public var projectSlug: String?
    @Field(key: "synthetic") public var synthetic: Bool
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    init(position: Int, _ application: ProgrammeApplication, at date: Date) {
        self.position = position
        assign(application, at: date)
    }

    func assign(_ application: ProgrammeApplication, at date: Date) {
        municipalityNumber = application.municipalityNumber
        countyNumber = application.countyNumber
        unitsJSON = ProgrammeJSON.text(application.units)
        call = application.call
        applicationDate = application.applicationDate.description
        status = application.status.rawValue
        projectStart = application.projectStart?.description
        projectEnd = application.projectEnd?.description
        amountNOK = application.amountNOK.map(Int64.init)
        projectSlug = application.projectSlug
        synthetic = application.synthetic
        updatedAt = date
    }

    /// The line as the domain knows it.
    public func application() throws -> ProgrammeApplication {
        func day(_ text: String, _ column: String) throws -> CalendarDay {
            guard let day = CalendarDay(text) else { throw ProgrammeStorageError.corrupt(id: id, column) }
            return day
        }
        guard let status = ProgrammeStatus(rawValue: status) else {
            throw ProgrammeStorageError.corrupt(id: id, "status")
        }
        return ProgrammeApplication(
            municipalityNumber: municipalityNumber, countyNumber: countyNumber,
            units: try ProgrammeJSON.value([String].self, unitsJSON, id: id, column: "units_json"), call: call,
            applicationDate: try day(applicationDate, "application_date"), status: status,
            projectStart: try projectStart.map { try day($0, "project_start") },
            projectEnd: try projectEnd.map { try day($0, "project_end") }, amountNOK: amountNOK.map(Int.init),
            projectSlug: projectSlug, synthetic: synthetic)
    }
}

/// A stored interview case (`programme_cases`, migration 0063).
public final class InterviewCaseRecord: Model, @unchecked Sendable {
    public static let schema = "programme_cases"

    @ID(key: .id) public var id: UUID?
    @Field(key: "position") public var position: Int
    @Field(key: "unit") public var unit: String
    @OptionalField(key: "number") public var number: String?
    @Field(key: "status") public var status: String
    @Field(key: "region") public var region: String
    @OptionalField(key: "sector") public var sector: Int?
    @Field(key: "themes_json") public var themesJSON: String
    @Field(key: "quotes_json") public var quotesJSON: String
    @Field(key: "source") public var source: String
    @Field(key: "synthetic") public var synthetic: Bool

    public init() {}

    init(position: Int, _ record: InterviewCase) {
        self.position = position
        assign(record)
    }

    func assign(_ record: InterviewCase) {
        unit = record.unit
        number = record.number
        status = record.status.rawValue
        region = record.region
        sector = record.sector
        themesJSON = ProgrammeJSON.text(record.themes.sorted())
        quotesJSON = ProgrammeJSON.text(record.quotes)
        source = record.source
        synthetic = record.synthetic
    }

    public func interviewCase() throws -> InterviewCase {
        guard let status = ProgrammeStatus(rawValue: status) else {
            throw ProgrammeStorageError.corrupt(id: id, "status")
        }
        return InterviewCase(
            unit: unit, number: number, status: status, region: region, sector: sector,
            themes: try ProgrammeJSON.value([ThemeCode].self, themesJSON, id: id, column: "themes_json"),
            quotes: try ProgrammeJSON.value([CaseQuote].self, quotesJSON, id: id, column: "quotes_json"),
            source: source, synthetic: synthetic)
    }
}

/// The JSON columns' encoding: sorted keys, so equal values store equal text.
enum ProgrammeJSON {
    static func text<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Arrays of strings, codes and quotes always encode.
        return String(decoding: (try? encoder.encode(value)) ?? Data("[]".utf8), as: UTF8.self)
    }

    static func value<Value: Decodable>(_ type: Value.Type, _ text: String, id: UUID?, column: String) throws -> Value {
        do {
            return try JSONDecoder().decode(type, from: Data(text.utf8))
        } catch {
            throw ProgrammeStorageError.corrupt(id: id, column)
        }
    }
}
