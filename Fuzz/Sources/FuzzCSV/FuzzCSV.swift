import FornyeFormats
import FuzzDriver
import FornyeStatistics
import Foundation

// Any bytes: DatasetReader and SourceReader must return data or a FormatError, never crash.
let codebook = Codebook(
    variables: [
        Variable(name: "a", label: "a", kind: .singleChoice, valueLabels: [ValueLabel(code: 1, label: "x")], missingCodes: [8: .dontKnow]),
        Variable(name: "b", label: "b", kind: .numeric),
        Variable(name: "c", label: "c", kind: .text),
        Variable(name: "d", label: "d", kind: .multipleChoiceItem, valueLabels: [ValueLabel(code: 0, label: "0"), ValueLabel(code: 1, label: "1")]),
    ])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    _ = try? DatasetReader.parse(csv: data, file: "fuzz.csv", codebook: codebook, extraColumns: ["w"])
    _ = try? SourceReader.read(data, file: "fuzz.csv", format: .csv)
    return 0
}

// The executable's entry point (see FuzzDriver).
@_cdecl("FuzzCSV_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
