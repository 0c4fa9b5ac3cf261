import Foundation
import Testing

@testable import FornyeFormats

@Suite struct FormatMessagesTests {
    @Test func everyEntryPlacesEachFactAndReadsBack() {
        for entry in FormatMessages.catalogue {
            let facts = entry.en.components(separatedBy: "{}").count - 1
            #expect(!entry.nb.contains("{\(facts + 1)}"), "\(entry.en)")
            // The English with made-up facts comes back as the bokmål with those facts.
            var english = entry.en
            var expected = entry.nb
            for index in stride(from: 1, through: facts, by: 1) {
                #expect(entry.nb.contains("{\(index)}"), "\(entry.en)")
                english = english.replacingOccurrences(of: "{}", with: "FAKTUM\(index)", range: english.range(of: "{}"))
                expected = expected.replacingOccurrences(of: "{\(index)}", with: "FAKTUM\(index)")
            }
            #expect(FormatMessages.bokmål(english) == expected, "\(entry.en)")
        }
        #expect(FormatMessages.bokmål("a message nobody wrote") == nil)
        #expect(FormatMessages.text("a message nobody wrote", in: .nb) == "a message nobody wrote")
    }

    /// Real refusals from the readers and the importer have bokmål, location included.
    @Test func refusalsOfRealFilesAreSaidInBokmål() {
        let cases: [(Data, SourceFormat, String)] = [
            (Data("a,b\n1,\"2\n".utf8), .csv, "svar.csv, linje 2, kolonne 2, felt «b»: anførselstegnet"),
            (Data(), .csv, "svar.csv: filen er tom"),
            (Data("a,b\n1,2,3\n".utf8), .csv, "raden har 3 felt, men overskriften har 2"),
            (Data([0x50, 0x4B, 0x03, 0x04, 0, 0]), .csv, "dette er en ZIP-fil"),
            (Data("a,a\n1,2\n".utf8), .csv, "kolonnenavnet gjentar kolonne 1"),
        ]
        for (data, format, expected) in cases {
            do {
                _ = try SourceReader.read(data, file: "svar.csv", format: format, sheet: nil)
                Issue.record("read: \(expected)")
            } catch {
                #expect(error.description(in: .nb).contains(expected), "\(error.description(in: .nb))")
                #expect(error.description(in: .en) == error.description)
            }
        }
    }
}
