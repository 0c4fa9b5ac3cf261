import FornyeFormats
import Foundation

// Any bytes: the workbook readers must return sheets or an error, never crash or inflate past limits.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    _ = try? SourceReader.read(data, file: "fuzz.xlsx", format: .surveyxact)
    return 0
}
