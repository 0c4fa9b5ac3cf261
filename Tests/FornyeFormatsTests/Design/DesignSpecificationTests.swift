import FornyeFormats
import FornyeStatistics
import Foundation
import Testing

@Suite("Design specification")
struct DesignSpecificationTests {
    let extras = ["vekt", "stratum", "psu", "N"]

    func load(_ rows: [String]) throws -> LoadedData {
        let text = (["\(CSVFixtures.header),vekt,stratum,psu,N"] + rows).joined(separator: "\n")
        return try DatasetReader.parse(
            csv: text, file: "test.csv", codebook: CSVFixtures.codebook, extraColumns: extras)
    }

    func failure(_ spec: DesignSpecification, _ data: LoadedData) -> (location: FileLocation, message: String)? {
        do {
            _ = try spec.design(for: data)
            return nil
        } catch {
            guard case .located(let location, let message) = error else { return nil }
            return (location, message)
        }
    }

    @Test("builds a stratified, clustered design with fpc from extra columns")
    func buildsDesign() throws {
        let data = try load([
            "1,2,0,1,3,x,1.5,A,k1,10", "2,2,0,1,3,x,2,A,k2,10", "1,2,0,1,3,x,2.5,B,k1,20",
            "1,2,0,1,3,x,3,B,k1,20", "1,2,0,1,3,x,1,B,k3,20",
        ])
        let spec = DesignSpecification(weight: "vekt", strata: "stratum", cluster: "psu", fpc: "N", lonelyPSU: .adjust)
        let design = try spec.design(for: data)
        #expect(design.weights == [1.5, 2, 2.5, 3, 1])
        #expect(design.stratumLabels == ["A", "B"])
        // k1 in A and k1 in B are different PSUs (nested in strata).
        #expect(design.psuCount == 4)
        #expect(design.psuCountOfStratum == [2, 2])
        #expect(design.populationOfStratum == [10, 20])
        #expect(design.lonelyPSU == .adjust)
    }

    @Test("design columns can be codebook variables")
    func designFromVariables() throws {
        let data = try load(["1,2,0,1,3,x,1,A,k,1", "2,2,0,1,4.5,x,1,A,k,1", "2,2,0,1,3,x,1,A,k,1"])
        let design = try DesignSpecification(weight: "ansatte", strata: "sektor").design(for: data)
        #expect(design.weights == [3, 4.5, 3])
        #expect(design.stratumLabels == ["1", "2"])
        #expect(design.stratumOfRow == [0, 1, 1])
    }

    @Test("a negative weight names the file, line and column")
    func negativeWeight() throws {
        let data = try load(["1,2,0,1,3,x,1,A,k,1", "1,2,0,1,3,x,-2,A,k,1"])
        let failure = failure(DesignSpecification(weight: "vekt"), data)
        #expect(failure?.location == FileLocation(file: "test.csv", line: 3, column: 7, field: "vekt"))
        #expect(failure?.message.contains("negative") == true)
    }

    @Test("a missing weight names the line, from an extra column or a variable")
    func missingWeight() throws {
        let data = try load(["1,2,0,1,3,x,1,A,k,1", "1,2,0,1,3,x,1,A,k,1", "1,2,0,1,,x, ,A,k,1"])
        let fromExtra = failure(DesignSpecification(weight: "vekt"), data)
        #expect(fromExtra?.location == FileLocation(file: "test.csv", line: 4, column: 7, field: "vekt"))
        #expect(fromExtra?.message.contains("weight is missing") == true)
        let fromVariable = failure(DesignSpecification(weight: "ansatte"), data)
        #expect(fromVariable?.location == FileLocation(file: "test.csv", line: 4, column: 5, field: "ansatte"))
        // 999 is a missing code of "ansatte": not a weight either.
        let coded = try load(["1,2,0,1,999,x,1,A,k,1"])
        #expect(failure(DesignSpecification(weight: "ansatte"), coded)?.location.line == 2)
    }

    @Test("a weight that is not a number, and the decimal separator of the file")
    func weightNotANumber() throws {
        let data = try load(["1,2,0,1,3,x,\"1,5\",A,k,1"])
        let failure = failure(DesignSpecification(weight: "vekt"), data)
        #expect(failure?.location == FileLocation(file: "test.csv", line: 2, column: 7, field: "vekt"))
        let semicolon = try DatasetReader.parse(
            csv: "sektor;tilfreds;r1;r2;ansatte;kommentar;vekt\n1;2;0;1;3;x;1,5\n", file: "test.csv",
            codebook: CSVFixtures.codebook, extraColumns: ["vekt"])
        #expect(try DesignSpecification(weight: "vekt").design(for: semicolon).weights == [1.5])
    }

    @Test("an empty stratum, a varying fpc and an unknown column are located")
    func otherColumnErrors() throws {
        let data = try load(["1,2,0,1,3,x,1,A,k,10", "1,2,0,1,3,x,1,,k,10", "1,2,0,1,3,x,1,A,k,11"])
        let stratum = failure(DesignSpecification(strata: "stratum"), data)
        #expect(stratum?.location == FileLocation(file: "test.csv", line: 3, column: 8, field: "stratum"))
        let fpc = failure(DesignSpecification(fpc: "N"), data)
        #expect(fpc?.location == FileLocation(file: "test.csv", line: 4, column: 10, field: "N"))
        #expect(fpc?.message.contains("varies within stratum") == true)
        let unknown = failure(DesignSpecification(cluster: "kommune"), data)
        #expect(unknown?.location == FileLocation(file: "test.csv", line: 1, field: "kommune"))
        let text = failure(DesignSpecification(weight: "kommentar"), data)
        #expect(text?.message.contains("numeric variable or an extra column") == true)
    }

    @Test("file-level design errors name the file")
    func fileLevelErrors() throws {
        let empty = try load([])
        #expect(failure(DesignSpecification(), empty)?.message.contains("no data rows") == true)
        let zero = try load(["1,2,0,1,3,x,0,A,k,1"])
        let allZero = failure(DesignSpecification(weight: "vekt"), zero)
        #expect(allZero?.location == FileLocation(file: "test.csv"))
        #expect(allZero?.message.contains("every weight is zero") == true)
    }

    @Test("names the columns to read besides the codebook variables")
    func extraColumnsToRead() {
        let spec = DesignSpecification(weight: "vekt", strata: "sektor", cluster: "psu", fpc: "vekt")
        #expect(spec.extraColumns(for: CSVFixtures.codebook) == ["vekt", "psu"])
        #expect(DesignSpecification().extraColumns(for: CSVFixtures.codebook).isEmpty)
    }

    @Test("decodes from JSON with snake_case keys and defaults")
    func codable() throws {
        let decoded = try JSONDecoder().decode(
            DesignSpecification.self, from: Data(#"{"weight": "vekt", "lonely_psu": "average"}"#.utf8))
        #expect(decoded == DesignSpecification(weight: "vekt", lonelyPSU: .average))
        let minimal = try JSONDecoder().decode(DesignSpecification.self, from: Data("{}".utf8))
        #expect(minimal.lonelyPSU == .fail)
        let full = DesignSpecification(weight: "w", strata: "s", cluster: "c", fpc: "f", lonelyPSU: .remove)
        #expect(try JSONDecoder().decode(DesignSpecification.self, from: JSONEncoder().encode(full)) == full)
    }
}
