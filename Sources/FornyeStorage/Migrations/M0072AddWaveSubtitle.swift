import FluentKit
import FluentSQL

/// `waves.subtitle`: the wave's own sentence under its title on the results page, so a wave
/// collected in Fornye does not borrow the 2018 baseline's words (issue 20, item 7).
struct M0072AddWaveSubtitle: AsyncMigration {
    var name: String { "0072-add-wave-subtitle" }

    func prepare(on database: any Database) async throws {
        try await database.schema(WaveRecord.schema).field("subtitle", .string).update()
        try await Self.keepTheDemoBaselineSentence(on: database)
    }

    /// The demo baseline seeded before this migration keeps the sentence it showed (frozen text).
    static func keepTheDemoBaselineSentence(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.update(WaveRecord.schema)
            .set("subtitle", to: SQLBind(Self.demoBaselineSubtitle))
            .where("slug", .equal, SQLBind("2018-syntetisk"))
            .where("synthetic", .equal, SQLBind(true))
            .run()
    }

    static let demoBaselineSubtitle =
        "Innovasjon i kommunale tjenesteenheter: tallene fra grunnlagsanalysen for FORKOMMUNE "
        + "(Menon Economics 2018), med usikkerhet, tester og justerte sammenhenger."

    func revert(on database: any Database) async throws {
        try await database.schema(WaveRecord.schema).deleteField("subtitle").update()
    }
}
