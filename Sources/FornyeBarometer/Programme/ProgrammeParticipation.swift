/// Which lines of the programme register a municipality's public profile shows as its
/// programme participation (issue 17): granted applications only. Rejections and calls not
/// applied to stay in the analysts' register pages. A line's kommunenummer is valid on its
/// application date; it counts for the municipality of `structure` whose area it became (a
/// merged municipality gets its predecessors' lines; a number split since counts for none).
public enum ProgrammeParticipation {
    public static func isParticipation(_ application: ProgrammeApplication) -> Bool {
        application.status == .granted
    }

    /// The municipality of `structure` a line belongs to, or nil (a county authority's own line,
    /// or a number split since).
    public static func municipality(
        of application: ProgrammeApplication, register: MunicipalityRegister, structure: CalendarDay
    ) -> String? {
        guard let number = application.municipalityNumber else { return nil }
        // A line from after the structure's date names a number of that structure (or a later one).
        if application.applicationDate >= structure {
            return (try? register.municipality(number: number, on: structure)) != nil ? number : nil
        }
        guard
            let successors = try? register.successors(
                number: number, from: application.applicationDate, to: structure),
            successors.count == 1
        else { return nil }
        return successors[0]
    }

    /// `number`'s participation among `applications`, newest first.
    public static func lines(
        of number: String, in applications: [ProgrammeApplication], register: MunicipalityRegister,
        structure: CalendarDay
    ) -> [ProgrammeApplication] {
        applications.filter {
            isParticipation($0) && municipality(of: $0, register: register, structure: structure) == number
        }
        .sorted { $0.applicationDate > $1.applicationDate }
    }
}
