// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "switchboard",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "switchboard", targets: ["switchboard"]),
        .executable(name: "json-benchmark", targets: ["JSONBenchmark"]),
        .executable(name: "inbox-benchmark", targets: ["InboxBenchmark"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
    ],
    targets: [
        // Used by any layer: the lenient JSON parser/writer, and terminal-safe text (sanitizing,
        // grapheme width, clipping, tables) shared by the TUI and the CLI's human output.
        .target(name: "JSON", swiftSettings: strict),
        .target(name: "TerminalText", swiftSettings: strict),
        // Pure layers: no I/O, no clock.
        .target(name: "Identity", swiftSettings: strict),
        .target(name: "Webhooks", dependencies: ["Identity", "JSON"], swiftSettings: strict),
        // Configuration file (config.toml).
        .target(name: "Config", dependencies: ["Identity", "TOMLKit"], swiftSettings: strict),
        // SQLite store: event log, identity graph, conversations, outbox.
        .target(name: "Store", dependencies: [
            "Identity", "Webhooks", "JSON",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),
        // Replies: provider requests, HTTP sends, outbox.
        .target(name: "Outbound", dependencies: [
            "Identity", "Webhooks", "Store", "JSON",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
        ], swiftSettings: strict),
        // Local stand-in for every provider's send API (demo, tests).
        .target(name: "Sandbox", dependencies: [
            "Identity", "Webhooks", "JSON",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),
        // Live webhook receiver.
        .target(name: "Server", dependencies: [
            "Identity", "Webhooks", "Store", "Config", "JSON",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "CoreMetrics", package: "swift-metrics"),
        ], swiftSettings: strict),
        // ncursesw through pkg-config, with a C shim for macros and globals.
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        .target(name: "TUI", dependencies: ["CNcursesw", "Identity", "Webhooks", "Store", "TerminalText"], swiftSettings: strict),
        .executableTarget(name: "switchboard", dependencies: [
            "Identity", "Webhooks", "Config", "Store", "Outbound", "Sandbox", "Server", "TUI", "JSON", "TerminalText",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ], swiftSettings: strict),

        // JSONParser against Foundation on the replay hot path (release builds only; see its header).
        .executableTarget(name: "JSONBenchmark", dependencies: ["JSON"], path: "Benchmarks/JSONBenchmark", swiftSettings: strict),
        // Key → frame of the inbox on a large store, in the release build (bench/inbox.sh).
        .executableTarget(name: "InboxBenchmark", dependencies: ["TUI", "Store"], path: "Benchmarks/InboxBenchmark", swiftSettings: strict),
        // libFuzzer target over the decoders, the classifier and terminal-safe text (bench/fuzz.sh).
        .executableTarget(name: "DecoderFuzzer", dependencies: ["JSON", "Identity", "Webhooks", "TerminalText"],
                          path: "Fuzz/DecoderFuzzer", swiftSettings: strict),

        .testTarget(name: "IdentityTests", dependencies: ["Identity"], swiftSettings: strict),
        .testTarget(name: "WebhooksTests", dependencies: ["Webhooks", "Identity", "JSON"], resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(name: "ConfigTests", dependencies: ["Config", "Identity"], swiftSettings: strict),
        .testTarget(name: "StoreTests", dependencies: [
            "Store", "Webhooks", "Identity", "JSON", .product(name: "GRDB", package: "GRDB.swift"),
        ], swiftSettings: strict),
        .testTarget(name: "OutboundTests", dependencies: [
            "Outbound", "Sandbox", "Store", "Identity", "Webhooks", "JSON",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
        ], swiftSettings: strict),
        .testTarget(name: "ServerTests", dependencies: [
            "Server", "Store", "Config", "Identity",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "InMemoryLogging", package: "swift-log"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ], swiftSettings: strict),
        .testTarget(name: "TUITests", dependencies: [
            "TUI", "Store", "Identity", "Webhooks", "TerminalText", .product(name: "GRDB", package: "GRDB.swift"),
        ], exclude: ["Golden"], swiftSettings: strict),
        .testTarget(name: "TerminalTextTests", dependencies: ["TerminalText"], swiftSettings: strict),
        // Drives the built `switchboard` binary (CLI contract, tmux end-to-end).
        .testTarget(name: "CLITests", dependencies: ["Identity"], exclude: ["Fixtures"], swiftSettings: strict),
    ]
)
