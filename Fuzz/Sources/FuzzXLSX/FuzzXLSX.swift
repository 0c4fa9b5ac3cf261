import FornyeFormats
import FuzzDriver
import Foundation

// Any bytes: the workbook readers must return sheets or an error, never crash or inflate past limits.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    _ = try? SourceReader.read(data, file: "fuzz.xlsx", format: .surveyxact)
    return 0
}

// The executable's entry point (see FuzzDriver).
@_cdecl("FuzzXLSX_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
