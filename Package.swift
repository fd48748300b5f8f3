// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "caseaudit",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "caseaudit", targets: ["caseaudit"]),
        .library(
            name: "CaseAudit",
            targets: ["CaseAudit", "CaseAuditFormats", "CaseAuditReports", "CaseAuditScreen", "CaseAuditSynthetic"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // Tests only: property-based checks of the command-line options.
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        // The system libxml2 (apt: libxml2-dev). Every XML the product reads goes through it.
        .systemLibrary(
            name: "CLibXML2",
            path: "Sources/CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The system zlib (apt: zlib1g-dev): Office parts are inflated with bounds of our own.
        .systemLibrary(name: "CLibZ", path: "Sources/CLibZ", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // PostgreSQL's own client library (apt: libpq-dev), for the server store.
        .systemLibrary(name: "CLibPQ", path: "Sources/CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        // Safe parsing, XSD validation and canonicalisation over libxml2; no domain types.
        .target(name: "CaseAuditXML", dependencies: ["CLibXML2"]),
        // The domain core: checklists (the product's own XML format), the population, sampling,
        // scoring, grading, the store protocols and the use cases over them. No file format of
        // anyone else's, no rendering, no terminal.
        .target(
            name: "CaseAudit",
            dependencies: ["CaseAuditXML", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Other people's file formats, read and written: CSV, Office (xlsx, docx), the board's
        // audit tools, Annex A, the CIN census, org charts and paper answer sheets.
        .target(
            name: "CaseAuditFormats",
            dependencies: [
                "CaseAudit", "CaseAuditXML", "CLibZ", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // What people read: text tables, the monthly summary (Mustache, SVG charts, Markdown,
        // CSV, JSON), audit and sample reports.
        .target(
            name: "CaseAuditReports",
            dependencies: ["CaseAudit", "CaseAuditFormats", .product(name: "Mustache", package: "swift-mustache")]
        ),
        // The scoring screen: a pure state machine, its frames, and the terminal it runs on
        // (behind the Terminal protocol, so a session can be driven in-process).
        .target(name: "CaseAuditScreen", dependencies: ["CaseAudit"]),
        // Synthetic councils and audit histories, for `generate`, the demo and the benchmarks.
        .target(name: "CaseAuditSynthetic", dependencies: ["CaseAudit", "CaseAuditFormats", "CaseAuditReports"]),
        // Persistence behind the library's protocols: GRDB over SQLite (the embedded store) and
        // libpq to PostgreSQL (the server store); StoreFactory chooses by `--database`.
        .target(
            name: "CaseAuditStore",
            dependencies: [
                "CaseAudit", "CLibPQ", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // The command line: parses arguments, calls the library, prints. No domain logic.
        .target(
            name: "CaseAuditCLI",
            dependencies: [
                "CaseAudit", "CaseAuditFormats", "CaseAuditReports", "CaseAuditScreen", "CaseAuditSynthetic",
                "CaseAuditStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "caseaudit", dependencies: ["CaseAuditCLI"]),
        // Issue 4's benchmark: one answer's commit latency against write+fsync (Benchmarks/commit.sh).
        .executableTarget(
            name: "commit-latency", dependencies: ["CaseAudit", "CaseAuditSynthetic", "CaseAuditStore"],
            path: "Benchmarks/CommitLatency"),
        // Issue 13's benchmark: many auditors committing answers at once on the server store.
        .executableTarget(
            name: "server-load", dependencies: ["CaseAudit", "CaseAuditStore"], path: "Benchmarks/ServerLoad"),
        // Issue 13's monthly summary inside one process, beside the whole-process figure.
        .executableTarget(
            name: "report-loop", dependencies: ["CaseAudit", "CaseAuditReports", "CaseAuditStore"],
            path: "Benchmarks/ReportLoop"),
        // Issue 14's benchmark: `log verify` over ten million events against sha256sum.
        .executableTarget(
            name: "trail-verify", dependencies: ["CaseAudit", "CaseAuditStore"], path: "Benchmarks/TrailVerify"),

        // Fuzz targets for every reader of outside input (make fuzz builds them with libFuzzer).
        .target(name: "CLibFuzzer", path: "Fuzz/CLibFuzzer"),
        .executableTarget(
            name: "caseaudit-fuzz",
            dependencies: [
                "CaseAudit", "CaseAuditFormats", "CLibFuzzer",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Fuzz/Harness"),

        .target(name: "CaseAuditTestSupport", dependencies: ["CaseAudit"], path: "Tests/CaseAuditTestSupport"),
        .testTarget(name: "CaseAuditXMLTests", dependencies: ["CaseAuditXML", "CaseAuditTestSupport"]),
        .testTarget(
            name: "CaseAuditTests",
            dependencies: [
                "CaseAudit", "CaseAuditFormats", "CaseAuditReports", "CaseAuditSynthetic", "CaseAuditTestSupport",
            ],
            exclude: ["Fixtures"]),
        // The fixtures these read are under Tests/CaseAuditTests/Fixtures, shared with the core's tests.
        .testTarget(
            name: "CaseAuditFormatsTests",
            dependencies: ["CaseAuditFormats", "CaseAuditSynthetic", "CaseAuditTestSupport"]),
        .testTarget(name: "CaseAuditScreenTests", dependencies: ["CaseAuditScreen", "CaseAuditTestSupport"]),
        .testTarget(name: "CaseAuditSyntheticTests", dependencies: ["CaseAuditSynthetic", "CaseAuditTestSupport"]),
        // What every store must do, written once: each engine's tests run it against that engine.
        .target(
            name: "CaseAuditStoreConformance", dependencies: ["CaseAudit", "CaseAuditScreen", "CaseAuditTestSupport"],
            path: "Tests/CaseAuditStoreConformance"),
        .testTarget(
            name: "CaseAuditStoreTests",
            dependencies: [
                "CaseAuditStore", "CaseAuditFormats", "CaseAuditSynthetic", "CaseAuditTestSupport",
                "CaseAuditStoreConformance",
            ]),
        .testTarget(
            name: "CaseAuditCLITests",
            dependencies: [
                "CaseAuditCLI", "CaseAuditTestSupport", "caseaudit", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"]
        ),
    ]
)
