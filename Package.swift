// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "switchgate",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "switchgate", targets: ["switchgate"]),
        .library(name: "SQLParser", targets: ["SQLParser"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .target(name: "SQLSyntax"),
        .target(name: "Diagnostics", dependencies: ["SQLSyntax"]),
        .target(name: "SQLParser", dependencies: ["SQLSyntax", "Diagnostics"]),
        .target(name: "SchemaCatalog", dependencies: ["SQLSyntax", "SQLParser", "Diagnostics"]),
        .target(name: "Reporters", dependencies: ["SQLSyntax", "SQLParser", "Diagnostics", "SchemaCatalog"]),
        .target(name: "MigrationLayout"),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .target(name: "PostgresAdapter", dependencies: ["CLibPQ", "SchemaCatalog", "SQLSyntax"]),
        .systemLibrary(name: "CSQLite3", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "SQLiteAdapter", dependencies: ["CSQLite3", "SchemaCatalog", "SQLSyntax", "SQLParser", "Diagnostics"]),
        .executableTarget(
            name: "switchgate",
            dependencies: [
                "SQLSyntax", "SQLParser", "Diagnostics", "Reporters", "SchemaCatalog", "MigrationLayout",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SQLSyntaxTests", dependencies: ["SQLSyntax"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "SchemaCatalogTests", dependencies: ["SchemaCatalog", "SQLParser", "SQLSyntax", "Diagnostics"]),
        .testTarget(name: "ReportersTests", dependencies: ["Reporters", "SchemaCatalog", "SQLParser", "Diagnostics"]),
        .testTarget(
            name: "SQLParserTests", dependencies: ["SQLParser", "SQLSyntax", "Diagnostics"], exclude: ["Fixtures"]),
        .testTarget(name: "MigrationLayoutTests", dependencies: ["MigrationLayout"], exclude: ["Fixtures"]),
        .testTarget(
            name: "CatalogFidelityTests",
            dependencies: ["PostgresAdapter", "SchemaCatalog", "MigrationLayout", "SQLParser", "SQLSyntax", "Diagnostics"]),
        .testTarget(name: "PostgresAdapterTests", dependencies: ["PostgresAdapter", "SchemaCatalog", "SQLSyntax"]),
        .testTarget(
            name: "SQLiteAdapterTests",
            dependencies: ["SQLiteAdapter", "SchemaCatalog", "SQLParser", "SQLSyntax", "Diagnostics"]),
    ],
    swiftLanguageModes: [.v6]
)
