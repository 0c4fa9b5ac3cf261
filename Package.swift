// swift-tools-version: 6.1
// Fornye: measure and spread innovation in Norwegian municipalities.
//
// Targets depend in one direction only (see docs/ARCHITECTURE.md):
// FornyeStatistics (pure, no I/O) <- FornyeFormats <- FornyeCommands <- fornye (executable).
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Fornye",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "FornyeStatistics", targets: ["FornyeStatistics"]),
        .library(name: "FornyeBarometer", targets: ["FornyeBarometer"]),
        .library(name: "FornyeFormats", targets: ["FornyeFormats"]),
        .executable(name: "fornye", targets: ["fornye"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.18.2"),
    ],
    targets: [
        .target(name: "FornyeStatistics", swiftSettings: strictSettings),
        .target(
            name: "FornyeBarometer",
            dependencies: ["FornyeStatistics", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "FornyeFormats",
            dependencies: [
                "FornyeStatistics",
                "FornyeBarometer",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "XMLCoder", package: "XMLCoder"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "FornyeCommands",
            dependencies: [
                "FornyeStatistics",
                "FornyeBarometer",
                "FornyeFormats",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // Population files for `fornye weight` may be YAML.
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(name: "fornye", dependencies: ["FornyeCommands"], swiftSettings: strictSettings),
        // Benchmarks live apart from the tests; see docs/PERFORMANCE.md.
        .executableTarget(
            name: "fornye-statistics-benchmark",
            dependencies: ["FornyeCommands", "FornyeStatistics"],
            path: "Benchmarks/StatisticsBenchmark",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FornyeStatisticsTests",
            dependencies: ["FornyeStatistics"],
            resources: [.copy("Golden")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FornyeBarometerTests",
            dependencies: ["FornyeBarometer"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FornyeFormatsTests",
            dependencies: ["FornyeFormats"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FornyeCommandsTests",
            dependencies: ["FornyeCommands", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
