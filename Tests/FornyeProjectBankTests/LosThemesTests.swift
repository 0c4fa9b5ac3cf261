import FornyeProjectBank
import Foundation
import Testing

@testable import FornyeProjectBank

@Suite struct LosThemesTests {
    /// The 14 themes are exactly Los' top themes (no broader concept), with Los' own labels.
    @Test func themesAreLosTopThemesWithTheirLabels() {
        let rows = SearchTranslations.lines("los-labels", "tsv").map { $0.split(separator: "\t").map(String.init) }
        let themes = Set(rows.map(\.[0]).filter { $0.hasPrefix("tema/") })
        let narrower = Set(rows.filter { $0.count == 4 && $0[2] == "Broader" }.map(\.[0]))
        let top = themes.subtracting(narrower).map { String($0.dropFirst("tema/".count)) }.sorted()
        #expect(LosThemes.all.map(\.slug).sorted() == top)
        for theme in LosThemes.all {
            let labels = rows.filter { $0.count == 4 && $0[0] == "tema/" + theme.slug && $0[2] == "PrefLabel" }
            #expect(labels.contains { $0[1] == "nb" && $0[3] == theme.label }, "\(theme.slug)")
            #expect(labels.contains { $0[1] == "en" && $0[3] == theme.labelEnglish }, "\(theme.slug)")
        }
        #expect(LosThemes.all.map(\.code) == Array(1...14))
    }

    @Test func everyThemeOfTheCOFOGTableIsATopTheme() {
        #expect(!LosThemes.cofog.isEmpty)
        for (pair, slugs) in LosThemes.cofog {
            #expect(!slugs.isEmpty && slugs.allSatisfy { LosThemes.theme(slug: $0) != nil }, "\(pair)")
        }
    }

    @Test(arguments: [
        ("Health – Hospital services.", ["helse-og-omsorg"]),
        ("Economic affairs – Transport", ["trafikk-og-transport"]),
        ("Social protection – Unemployment.", ["arbeid"]),
        ("Public order and safety – Police services", ["lov-og-rett"]),
        // Catch-alls and mixed sectors name no theme.
        ("General public services – General services.", []),
        ("Economic affairs – General economic, commercial and labour affair", []),
        ("Social protection – Old age.", []),
        ("Health", []),
        ("Velferdsteknologi", []),
    ])
    func cofogServiceAreasNameThemesOnlyWhenListed(serviceArea: String, expected: [String]) {
        var document = ProjectDocument()
        document.serviceArea = serviceArea
        #expect(LosThemes.themes(mask: LosThemes.mask(of: document)).map(\.slug) == expected)
    }

    @Test func barometerSectorsAndKindergartens() {
        func slugs(_ sector: Int?, _ unitType: Int?) -> [String] {
            var document = ProjectDocument()
            document.sector = sector
            document.unitType = unitType
            return LosThemes.themes(mask: LosThemes.mask(of: document)).map(\.slug)
        }
        #expect(slugs(1, 1) == ["helse-og-omsorg"])
        #expect(slugs(1, nil) == ["helse-og-omsorg"])
        #expect(slugs(2, 4) == ["familie-og-barn"])
        #expect(slugs(2, 6) == ["skole-og-utdanning"])
        #expect(slugs(nil, nil) == [])
        var both = ProjectDocument()
        both.sector = 1
        both.serviceArea = "Education – Secondary education."
        #expect(
            LosThemes.themes(mask: LosThemes.mask(of: both)).map(\.slug) == ["helse-og-omsorg", "skole-og-utdanning"])
    }
}
