import FornyeFormats
import Foundation

// Any bytes: the .sav reader and the Dataset mapping must return a result or a FormatError.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    if let file = try? SAVReader.read(data, file: "fuzz.sav") {
        _ = try? SAVDatasetMapping.dataset(from: file, source: "fuzz.sav")
        _ = try? SAVWriter.data(file)
    }
    return 0
}

// SwiftPM links an executable's entry point as `FuzzSAV_main` and points `main` at it; hand over
// to libFuzzer's driver from there.
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("FuzzSAV_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments, fuzz)
}
