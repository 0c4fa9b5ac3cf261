import FornyeBarometer
import FornyeStatistics
import Testing

@Suite("Synthetic generator refuses what does not fit")
struct SyntheticErrorTests {
    @Test("a frame of another municipal structure")
    func wrongStructure() throws {
        let frame = try SyntheticFrame(register: SyntheticFixture.register.get(), date: .newYear(2020))
        #expect(throws: SyntheticDataError.self) {
            try SyntheticBarometer.baseline2018(codebook: SyntheticFixture.codebook.get(), frame: frame)
        }
    }

    @Test("a codebook without a variable the generator fills, named in the error")
    func missingVariable() throws {
        var codebook = try SyntheticFixture.codebook.get()
        codebook.variables.removeAll { $0.name == "spread" }
        let frame = try SyntheticFixture.frame2018()
        #expect(
            throws: SyntheticDataError.codebookMismatch(
                "the generator fills spread, which the codebook does not define")
        ) {
            try SyntheticBarometer.baseline2018(codebook: codebook, frame: frame)
        }
    }

    @Test("a frame without the counties a landsdel needs")
    func missingLandsdel() throws {
        var frame = try SyntheticFixture.frame2018()
        frame.counties.removeAll { $0.landsdel == 4 }
        frame.municipalities.removeAll { $0.landsdel == 4 }
        #expect(throws: SyntheticDataError.self) {
            try SyntheticBarometer.baseline2018(codebook: SyntheticFixture.codebook.get(), frame: frame)
        }
    }
}
