// swift-tools-version: 6.1
// Fornye: measure and spread innovation in Norwegian municipalities.
//
// Targets depend in one direction only (see docs/ARCHITECTURE.md):
// FornyeStatistics (pure, no I/O) <- FornyeBarometer <- FornyeFormats, FornyeReport, FornyeProjectBank
// (side by side; the project bank's domain, no I/O); FornyeFormats, FornyeProjectBank <- FornyeStorage;
// FornyeStorage, FornyeReport <- FornyeWeb <- FornyeCommands <- fornye (executable).
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
        .library(name: "FornyeReport", targets: ["FornyeReport"]),
        .library(name: "FornyeProjectBank", targets: ["FornyeProjectBank"]),
        .library(name: "FornyeStorage", targets: ["FornyeStorage"]),
        .library(name: "FornyeWeb", targets: ["FornyeWeb"]),
        .executable(name: "fornye", targets: ["fornye"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", from: "0.18.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/vapor/fluent-kit", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", from: "2.14.0"),
        .package(url: "https://github.com/vapor/fluent", from: "4.13.0"),
        .package(url: "https://github.com/vapor/vapor", from: "4.122.3"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.7.1"),
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
            name: "FornyeReport",
            dependencies: ["FornyeStatistics", "FornyeBarometer"],
            swiftSettings: strictSettings
        ),
        // The project bank's domain: the project document, its fields (form, import and export read
        // one list), validation, workflow, the search analysis (stemmers, lexicons read from its bundle). No other I/O, no Fluent, no Vapor.
        .target(
            name: "FornyeProjectBank",
            dependencies: ["FornyeBarometer"],
            // The search lexicons (compound parts, translations, Los labels; Resources/search/SOURCE.md).
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        // Storage: FluentKit models and numbered migrations, SQLite by default, PostgreSQL in
        // production. No Vapor here, so the command-line tool can migrate and back up without it.
        .target(
            name: "FornyeStorage",
            dependencies: [
                "FornyeStatistics",
                "FornyeBarometer",
                "FornyeFormats",
                "FornyeProjectBank",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQL", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Logging", package: "swift-log"),
                // Invitation tokens: HMAC of the invitation id under a key derived from the server secret.
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // The IPS-X cases the project bank imports as demo content (see Resources/ipsx/SOURCE.md).
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        // OpenID Connect sign-in's rules, no I/O: provider settings, the discovery document, PKCE,
        // the signed state cookie, ID-token validation against a JWKS (JWS and JWK from jwt-kit).
        .target(
            name: "FornyeIdentity",
            dependencies: [
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        // The web app: thin Vapor handlers, typed views (`Node`), the JSON API. Resources: the
        // OpenAPI document (openapi.json), served as written.
        .target(
            name: "FornyeWeb",
            dependencies: [
                "FornyeStatistics",
                "FornyeBarometer",
                "FornyeFormats",
                "FornyeReport",
                "FornyeProjectBank",
                "FornyeStorage",
                "FornyeIdentity",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "FornyeCommands",
            dependencies: [
                "FornyeStatistics",
                "FornyeBarometer",
                "FornyeFormats",
                "FornyeReport",
                "FornyeProjectBank",
                "FornyeStorage",
                "FornyeWeb",
                "FornyeIdentity",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                // Population files for `fornye weight` may be YAML.
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(name: "fornye", dependencies: ["FornyeCommands"], swiftSettings: strictSettings),
        // Benchmarks live apart from the tests; see docs/PERFORMANCE.md.
        .executableTarget(
            name: "fornye-statistics-benchmark",
            // Like the barometer benchmark: no web or storage dependencies, so a release build stays small.
            dependencies: ["FornyeBarometer", "FornyeStatistics"],
            path: "Benchmarks/StatisticsBenchmark",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "fornye-projectbank-benchmark",
            dependencies: [
                "FornyeStorage", "FornyeProjectBank", "FornyeBarometer",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQL", package: "fluent-kit"),
            ],
            path: "Benchmarks/ProjectBankBenchmark",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "fornye-barometer-benchmark",
            // No web or storage dependencies, so a release build stays small; see the file's comment.
            dependencies: ["FornyeReport", "FornyeBarometer", "FornyeStatistics"],
            path: "Benchmarks/BarometerBenchmark",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "fornye-profile-benchmark",
            // Like the barometer benchmark: no web or storage dependencies, so a release build stays small.
            dependencies: ["FornyeReport", "FornyeBarometer", "FornyeStatistics"],
            path: "Benchmarks/ProfileBenchmark",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "fornye-import-benchmark",
            dependencies: [
                "FornyeStorage", "FornyeFormats", "FornyeBarometer", "FornyeStatistics",
                .product(name: "FluentKit", package: "fluent-kit"),
            ],
            path: "Benchmarks/ImportBenchmark",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "fornye-formats-benchmark",
            dependencies: ["FornyeFormats", "FornyeBarometer", "FornyeStatistics"],
            path: "Benchmarks/FormatsBenchmark",
            swiftSettings: strictSettings
        ),
        // The simulation study of the programme evaluation (docs/EVALUATION.md), on synthetic panels.
        .executableTarget(
            name: "fornye-evaluation-simulation",
            dependencies: ["FornyeStatistics"],
            path: "Benchmarks/EvaluationSimulation",
            swiftSettings: strictSettings
        ),
        // The one seeded random generator of the tests (SplitMix64), for every test target.
        .target(name: "FornyeTestRandom", path: "Tests/FornyeTestRandom", swiftSettings: strictSettings),
        .testTarget(
            name: "FornyeStatisticsTests",
            dependencies: ["FornyeStatistics", "FornyeTestRandom"],
            resources: [.copy("Golden")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FornyeBarometerTests",
            dependencies: ["FornyeBarometer", "FornyeTestRandom"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FornyeFormatsTests",
            dependencies: ["FornyeFormats", "FornyeBarometer", "FornyeTestRandom"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FornyeReportTests",
            dependencies: ["FornyeReport", "FornyeTestRandom"],
            swiftSettings: strictSettings
        ),
        // FornyeIdentity on its own: discovery, ID-token validation and the JWKS cache against
        // keys generated in the test (JWTKit and CryptoExtras sign what the validator checks).
        .testTarget(
            name: "FornyeIdentityTests",
            dependencies: [
                "FornyeIdentity", .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FornyeProjectBankTests",
            dependencies: ["FornyeProjectBank", "FornyeBarometer"],
            swiftSettings: strictSettings
        ),
        // Shared by the storage and web tests: runs them on SQLite and, when
        // FORNYE_TEST_POSTGRES_URL is set, on PostgreSQL (a fresh schema per test).
        .target(
            name: "FornyeTestSupport",
            dependencies: [
                "FornyeStorage", .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQL", package: "fluent-kit"),
            ],
            path: "Tests/FornyeTestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FornyeStorageTests",
            dependencies: ["FornyeStorage", "FornyeProjectBank", "FornyeTestSupport", "FornyeTestRandom"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FornyeWebTests",
            dependencies: [
                "FornyeWeb", "FornyeStorage", "FornyeIdentity", "FornyeProjectBank", "FornyeTestSupport",
                "FornyeTestRandom",
                .product(name: "VaporTesting", package: "vapor"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FornyeCommandsTests",
            dependencies: ["FornyeCommands", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            resources: [.copy("Golden")],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
