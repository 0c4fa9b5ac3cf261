// swift-tools-version: 6.1
// libFuzzer targets for Fornye's file readers, kept out of the main package so that `swift build`
// and `swift test` never see them. Build and run with scripts/fuzz/run.sh.
import PackageDescription

// The readers' modules get coverage from `-Xswiftc -sanitize=fuzzer` on the command line
// (scripts/fuzz/run.sh); these flags make the targets libFuzzer entry points.
let fuzzFlags: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]
let fuzzLink: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer"])]

let package = Package(
    name: "FornyeFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Fornye", path: "..")],
    targets: [.target(name: "FuzzDriver")]
        + ["FuzzCSV", "FuzzXLSX", "FuzzSAV"].map { name in
            .executableTarget(
                name: name,
                dependencies: ["FuzzDriver", .product(name: "FornyeFormats", package: "Fornye")],
                swiftSettings: fuzzFlags,
                linkerSettings: fuzzLink
            )
        },
    swiftLanguageModes: [.v6]
)
