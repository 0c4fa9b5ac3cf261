import FornyeBarometer
import FornyeReport
import Testing

@Suite struct HypothesisIndicatorNamesTests {
    /// `fornye evaluate` reads the instrument's names; the report reads the schema's. Their defaults must agree.
    @Test func theEvaluationsIndicatorsReadTheSchemasDefaultVariables() {
        let schema = BarometerSchema()
        #expect(
            ProgrammeIndicator.all.map(\.variable) == [schema.innovated, schema.spread, schema.partnersResearch])
        #expect(ProgrammeIndicator.researches.variable.hasPrefix(schema.partners + "_"))
        #expect(ProgrammeIndicator.all.map(\.id) == ["H1", "H2", "H3"])
    }
}
