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
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    ],
    targets: [
        .target(name: "SQLSyntax"),
        .target(name: "Diagnostics", dependencies: ["SQLSyntax"]),
        .target(name: "SQLParser", dependencies: ["SQLSyntax", "Diagnostics"]),
        .target(
            name: "SchemaCatalog",
            dependencies: [
                "SQLSyntax", "SQLParser", "Diagnostics",
                .product(name: "HashTreeCollections", package: "swift-collections"),
            ]),
        .target(name: "QueryBinding", dependencies: ["SQLSyntax", "SQLParser", "Diagnostics", "SchemaCatalog"]),
        .target(name: "MigrationLayout"),
        .target(
            name: "MigrationRules",
            dependencies: ["SQLSyntax", "SQLParser", "Diagnostics", "SchemaCatalog", "MigrationLayout", "QueryBinding"]),
        .target(
            name: "MigrationPlanner",
            dependencies: [
                "SQLSyntax", "SQLParser", "Diagnostics", "SchemaCatalog", "MigrationLayout", "QueryBinding", "MigrationRules",
            ]),
        .target(
            name: "Reporters",
            dependencies: [
                "SQLSyntax", "SQLParser", "Diagnostics", "SchemaCatalog", "QueryBinding", "MigrationRules", "MigrationPlanner",
            ]),
        .systemLibrary(name: "CLibPQ", providers: [.apt(["libpq-dev"])]),
        .target(name: "PostgresAdapter", dependencies: ["CLibPQ", "SchemaCatalog", "SQLSyntax"]),
        .systemLibrary(name: "CSQLite3", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "SQLiteAdapter", dependencies: ["CSQLite3", "SchemaCatalog", "SQLSyntax", "SQLParser", "Diagnostics"]),
        .executableTarget(
            name: "switchgate",
            dependencies: [
                "SQLSyntax", "SQLParser", "Diagnostics", "Reporters", "SchemaCatalog", "MigrationLayout",
                "QueryBinding", "MigrationRules", "MigrationPlanner", "PostgresAdapter", "SQLiteAdapter",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SQLSyntaxTests", dependencies: ["SQLSyntax"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "SchemaCatalogTests", dependencies: ["SchemaCatalog", "SQLParser", "SQLSyntax", "Diagnostics"]),
        .testTarget(name: "ReportersTests", dependencies: ["Reporters", "SchemaCatalog", "SQLParser", "Diagnostics"]),
        .testTarget(
            name: "SQLParserTests", dependencies: ["SQLParser", "SQLSyntax", "Diagnostics"], exclude: ["Fixtures"]),
        .testTarget(name: "QueryBindingTests", dependencies: ["QueryBinding", "SchemaCatalog", "SQLParser", "SQLSyntax", "Diagnostics"]),
        .testTarget(
            name: "MigrationRulesTests",
            dependencies: ["MigrationRules", "SchemaCatalog", "SQLParser", "SQLSyntax", "Diagnostics", "MigrationLayout"]),
        .testTarget(
            name: "MigrationPlannerTests",
            dependencies: [
                "MigrationPlanner", "MigrationRules", "QueryBinding", "SchemaCatalog", "SQLParser", "SQLSyntax", "Diagnostics",
                "MigrationLayout",
            ]),
        .testTarget(name: "EndToEndTests", dependencies: ["switchgate"], exclude: ["Cases"]),
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
