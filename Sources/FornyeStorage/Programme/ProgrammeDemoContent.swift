public import FluentKit
import FornyeBarometer
import Foundation

/// The programme register a fresh installation starts with: the synthetic FORKOMMUNE register
/// (``SyntheticProgrammeRegister``, every line flagged synthetic) for the synthetic waves, and
/// the 18 interviewed units of the 2018 report's table V-5 as case records.
public enum ProgrammeDemoContent {
    /// Seeds the register unless it holds any line or case. Returns the lines and cases stored.
    @discardableResult
    public static func seedIfEmpty(_ database: any Database) async throws -> (lines: Int, cases: Int) {
        let register = try MunicipalityRegister.bundled()
        let repository = ProgrammeRepository(database: database, register: register)
        guard try await repository.count() == 0,
            try await InterviewCaseRecord.query(on: database).count() == 0
        else { return (0, 0) }
        let lines = try generated.get()
        try await repository.importApplications(
            lines, replace: false, actor: nil, source: "demo: \(SyntheticProgrammeRegister.call)")
        let cases = ReportInterviewCases.all
        try await repository.replaceCases(cases, actor: nil, source: "demo: \(ReportInterviewCases.source)")
        return (lines.count, cases.count)
    }

    /// Generated once per process, from the same synthetic waves the demo stores.
    static let generated = Result { () throws -> [ProgrammeApplication] in
        let (baseline, followUp) = try DemoContent.generated.get()
        return try SyntheticProgrammeRegister.generate(
            baseline: baseline, followUp: followUp, register: try MunicipalityRegister.bundled())
    }
}
