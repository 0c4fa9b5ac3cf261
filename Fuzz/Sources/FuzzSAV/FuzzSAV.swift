import FornyeFormats
import FuzzDriver
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

// The executable's entry point (see FuzzDriver).
@_cdecl("FuzzSAV_main")
public func entry(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv, fuzz)
}
