public import FornyeStatistics

extension BackgroundRelease {
    /// The codebook of an anonymous wave: the instrument's, without the questions the sample
    /// frame answers (``SampleFrameQuestions``), with this release's variables where the
    /// kommunenummer stood. `counties` label the county codes of the wave's structure.
    public func codebook(from instrumentCodebook: Codebook, counties: [(number: Int, name: String)]) -> Codebook {
        let released = Set(variableNames)
        let geography = RespondentAttributes.variables(counties: counties).filter { released.contains($0.name) }
        var codebook = instrumentCodebook
        codebook.variables = instrumentCodebook.variables.flatMap { variable -> [Variable] in
            if variable.name == RespondentAttributes.sourceVariable { return geography }
            if SampleFrameQuestions.names.contains(variable.name) && !released.contains(variable.name) { return [] }
            return [variable]
        }
        return codebook
    }

    /// The counties of the structure valid on `day`, for ``codebook(from:counties:)``.
    public static func counties(in register: MunicipalityRegister, on day: CalendarDay) throws(ReferenceDataError)
        -> [(number: Int, name: String)]
    {
        var seen: Set<Int> = []
        var counties: [(number: Int, name: String)] = []
        for municipality in try register.municipalities(on: day) where seen.insert(municipality.countyCode).inserted {
            counties.append((municipality.countyCode, municipality.countyName))
        }
        return counties
    }
}
