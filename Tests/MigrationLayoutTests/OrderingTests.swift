import Testing

@testable import MigrationLayout

/// The orderings the tools use, on names alone.
@Suite struct OrderingTests {
    /// Pairs in the right order.
    @Test(arguments: [
        ("2_x.sql", "10_x.sql"),
        ("9_d.sql", "10_c.sql"),
        ("1_a.sql", "1_b.sql"),
        ("a2.sql", "a10.sql"),
        ("01_x.sql", "1_x.sql"),
        ("99999999999999999999999_x.sql", "100000000000000000000000_x.sql"),
        ("x.sql", "x1.sql"),
    ])
    func naturalOrder(_ first: String, _ second: String) {
        #expect(Ordering.naturalLess(first, second))
        #expect(!Ordering.naturalLess(second, first))
    }

    @Test(arguments: [
        ("1", "1.1", -1), ("1.9", "1.10", -1), ("1.10", "2", -1), ("1.0", "1", 0), ("2.0.1", "2.0.0", 1),
        ("001", "1", 0), ("18446744073709551616", "18446744073709551615", 1),
    ])
    func flywayVersions(_ a: String, _ b: String, _ expected: Int) {
        let parts = { (text: String) in text.split(omittingEmptySubsequences: false) { $0 == "." || $0 == "_" } }
        #expect(Ordering.compareVersions(parts(a), parts(b)) == expected)
    }

    @Test(
        arguments: [
            ("0001_init.up.sql", "0001", "init", true),
            ("0185.up.sql", "0185", nil, true),
            ("0021_alter_table_webhook_add_internal_up.sql", "0021", "alter_table_webhook_add_internal", true),
            ("0021_alter_table_webhook_add_internal_down.sql", "0021", "alter_table_webhook_add_internal", false),
            ("3_x.down.sql", "3", "x", false),
        ] as [(String, String, String?, Bool)])
    func golangMigrateNames(_ name: String, _ version: String, _ description: String?, _ isUp: Bool) throws {
        let parsed = try #require(GolangMigrate.parse(name))
        #expect(parsed.version == Substring(version))
        #expect(parsed.description.map(String.init) == description)
        #expect(parsed.isUp == isUp)
    }

    @Test(arguments: ["seed.sql", "1a.up.sql", "1_setup.sql", "up.sql", "1_.up.sql"])
    func notGolangMigrateNames(_ name: String) {
        #expect(GolangMigrate.parse(name) == nil)
    }

    @Test(arguments: ["V1__x.sql", "V1_1__x.sql", "V2.1__x.sql", "R__x.sql", "U3__x.sql", "B5__x.sql"])
    func flywayNames(_ name: String) {
        #expect(Flyway.parse(name) != nil)
    }

    @Test(arguments: ["V__x.sql", "Vx__y.sql", "R1__x.sql", "V1_x.sql", "v1__x.sql", "V1__x.SQL"])
    func notFlywayNames(_ name: String) {
        #expect(Flyway.parse(name) == nil)
    }

    @Test func dieselVersionOrderIsNotFolderOrder() {
        let a = Diesel.candidate(folderName: "2020-01-01-000000-0001_b", script: "b/up.sql")
        let b = Diesel.candidate(folderName: "2020-01-01-000000_a", script: "a/up.sql")
        // Folder names put `-0001_b` first ('-' < '_'); diesel's versions put `_a` first.
        #expect("2020-01-01-000000-0001_b".utf8.lexicographicallyPrecedes("2020-01-01-000000_a".utf8))
        #expect(b.key < a.key)
        #expect(!(a.key < b.key))
    }
}
