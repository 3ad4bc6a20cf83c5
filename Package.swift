// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Mercato",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "mercato", targets: ["mercato"])
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // glibc's <malloc.h> (mallopt), which Swift's Glibc module leaves out.
        .systemLibrary(name: "CMalloc"),
        // The calling thread's id, for setting one thread's priority.
        .systemLibrary(name: "CThread"),
        .target(name: "MercatoCore"),
        .target(
            name: "MercatoDatabase",
            dependencies: ["MercatoCore", "CThread", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "MercatoSite",
            dependencies: [
                "MercatoCore", "MercatoDatabase", "CCmark", "CZlib",
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "MercatoServer",
            dependencies: [
                "MercatoCore", "MercatoDatabase", "CMalloc",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "mercato",
            dependencies: [
                "MercatoCore", "MercatoDatabase", "MercatoSite", "MercatoServer", "CZlib",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .testTarget(name: "MercatoCoreTests", dependencies: ["MercatoCore"]),
        .testTarget(name: "MercatoDatabaseTests", dependencies: ["MercatoDatabase"]),
        .testTarget(name: "MercatoSiteTests", dependencies: ["MercatoSite", "MercatoDatabase"]),
        .testTarget(
            name: "MercatoServerTests",
            dependencies: [
                "MercatoServer", "MercatoSite", "MercatoDatabase", "MercatoCore",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .testTarget(name: "mercatoTests", dependencies: ["mercato"]),
    ]
)
