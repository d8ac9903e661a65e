import Foundation
import MigrationLayout
import Testing

/// One fixture folder per layout: detected layout, exact order, transaction modes and the
/// applied part of each file.
@Suite struct LayoutFixtureTests {
    static let detection: [(String, MigrationLayoutKind)] = [
        ("golang-migrate", .golangMigrate),
        ("goose", .goose),
        ("dbmate/db/migrations", .dbmate),
        ("flyway", .flyway),
        ("diesel", .diesel),
        ("sqitch", .sqitch),
        ("sqitch/deploy", .sqitch),
        ("prisma/migrations", .prisma),
        ("sqlx", .sqlx),
        ("sqlx-crate/migrations", .sqlx),
        ("plain", .plain),
    ]

    @Test(arguments: detection)
    func detectsLayout(_ folder: String, _ expected: MigrationLayoutKind) throws {
        #expect(try MigrationLoader.detectLayout(path: Paths.fixture(folder)) == expected)
        let set = try loadFixture(folder)
        #expect(set.layout == expected)
        #expect(set.files.allSatisfy { $0.layout == expected })
        #expect(set.path == Paths.fixture(folder))
    }

    /// Detection on names alone, in throwaway folders whose files hold `SELECT 1;`.
    @Test(arguments: [
        (["1_set_up.sql", "2_tear_down.sql"], MigrationLayoutKind.plain),
        (["1_a_up.sql", "1_a_down.sql", "2_b_up.sql"], .golangMigrate),
        (["1_a.up.sql", "seed.sql", "x.sql", "y.sql"], .golangMigrate),
        (["V1__a.sql", "V2__b.sql", "notes.sql"], .flyway),
        (["V1__a.sql", "a.sql", "b.sql"], .plain),
        (["1_a.sql", "2_b.sql", "10_c.sql"], .plain),
    ])
    func detectsFromNames(_ names: [String], _ expected: MigrationLayoutKind) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in names {
            try Data("SELECT 1;\n".utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        #expect(try MigrationLoader.detectLayout(path: folder) == expected)
    }

    @Test func golangMigrateOrdersByNumericVersionAndSkipsDownFiles() throws {
        let set = try loadFixture("golang-migrate")
        #expect(
            set.fixturePaths == [
                "golang-migrate/1_init.up.sql", "golang-migrate/2_add_email.up.sql",
                "golang-migrate/3_webhook_internal_up.sql", "golang-migrate/10_index_email.up.sql",
                "golang-migrate/0011.up.sql",
            ])
        #expect(set.files.map(\.version) == ["1", "2", "3", "10", "0011"])
        #expect(set.files.map(\.name) == ["init", "add_email", "webhook_internal", "index_email", "0011"])
        #expect(set.files.allSatisfy { $0.transaction == .implicitMultiStatement })
        #expect(set.files.allSatisfy { $0.applied == 0..<$0.bytes.count && $0.explicitStatements.isEmpty })
        let ignored = Dictionary(uniqueKeysWithValues: set.ignored.map { (relative($0.path), $0.reason) })
        #expect(ignored["golang-migrate/3_webhook_internal_down.sql"] == .down)
        #expect(ignored["golang-migrate/1_init.down.sql"] == .down)
        #expect(ignored["golang-migrate/seed.sql"] == .notAMigration)
        #expect(ignored["golang-migrate/4_helper.sql"] == .notAMigration)
        #expect(ignored.count == 7)
    }

    @Test func gooseAppliesOnlyTheUpSection() throws {
        let set = try loadFixture("goose")
        #expect(
            set.fixturePaths == [
                "goose/00001_create_users.sql", "goose/00002_index_email.sql", "goose/00010_add_name.sql",
                "goose/20240101120000_timestamped.sql",
            ])
        #expect(set.files.map(\.transaction) == [.perFile, .none, .perFile, .perFile])
        #expect(set.files.map(\.name) == ["create_users", "index_email", "add_name", "timestamped"])

        let first = set.files[0]
        let function = """
            CREATE FUNCTION touch() RETURNS trigger AS $$
            BEGIN
              RETURN NEW;
            END;
            $$ LANGUAGE plpgsql;

            """
        #expect(
            first.appliedText == """
                CREATE TABLE users (id bigint PRIMARY KEY, email text);

                -- +goose StatementBegin
                \(function)-- +goose StatementEnd


                """)
        // Offsets are file offsets: the Up section starts after the 13-byte marker line.
        #expect(first.applied.lowerBound == "-- +goose Up\n".utf8.count)
        try #require(first.explicitStatements.count == 1, "the Down section's block is not applied")
        #expect(String(decoding: first.bytes[first.explicitStatements[0]], as: UTF8.self) == function)

        #expect(set.files[1].appliedText == "CREATE INDEX CONCURRENTLY users_email ON users (email);\n\n")
        #expect(set.files[2].appliedText == "ALTER TABLE users ADD COLUMN name text;\n")
        #expect(set.files[3].appliedText == "ALTER TABLE users ADD COLUMN created_at timestamptz;\n")
    }

    @Test func dbmateAppliesTheUpSectionWithItsTransactionOption() throws {
        let set = try loadFixture("dbmate/db/migrations")
        #expect(
            set.files.map(\.name) == ["schema", "create_orders", "index_total"])
        #expect(set.files.map(\.version) == ["20231231000000", "20240101000000", "20240102000000"])
        #expect(set.files.map(\.transaction) == [.perFile, .perFile, .none])
        #expect(
            set.files.map(\.appliedText) == [
                "CREATE SCHEMA shop;\n",
                "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);\n\n",
                "CREATE INDEX CONCURRENTLY orders_total ON orders (total);\n\n",
            ])
        let schema = set.files[0]
        #expect(schema.applied.lowerBound == "-- The first migration.\n--migrate:up\n".utf8.count)
    }

    @Test func flywayOrdersVersionsByValueThenRepeatables() throws {
        let set = try loadFixture("flyway")
        #expect(
            set.fixturePaths == [
                "flyway/V1__init.sql", "flyway/V1_1__add_a.sql", "flyway/V1.9__add_b.sql", "flyway/V1.10__index_b.sql",
                "flyway/V2__add_c.sql", "flyway/release2/V3__add_d.sql", "flyway/R__a_functions.sql",
                "flyway/R__views.sql",
            ])
        #expect(set.files.map(\.version) == ["1", "1_1", "1.9", "1.10", "2", "3", nil, nil])
        #expect(
            set.files.map(\.transaction) == [
                .perFile, .perFile, .perFile, .none, .perFile, .perFile, .perFile, .perFile,
            ])
        let ignored = Dictionary(uniqueKeysWithValues: set.ignored.map { (relative($0.path), $0.reason) })
        #expect(ignored == ["flyway/U2__add_c.sql": .undo, "flyway/notes.sql": .notAMigration])
    }

    @Test func dieselOrdersByVersionAndReadsMetadata() throws {
        let set = try loadFixture("diesel")
        #expect(
            set.fixturePaths == [
                "diesel/00000000000000_diesel_initial_setup/up.sql", "diesel/2020-01-01-000000_create_posts/up.sql",
                "diesel/2020-01-01-000000-0001_index_posts/up.sql", "diesel/2020-02-01-000000_add_title/up.sql",
                "diesel/2020-03-01-000000_add_body/up.sql",
            ])
        #expect(
            set.files.map(\.version) == [
                "00000000000000", "2020-01-01-000000", "2020-01-01-000000-0001", "2020-02-01-000000",
                "2020-03-01-000000",
            ])
        #expect(
            set.files.map(\.name) == ["diesel_initial_setup", "create_posts", "index_posts", "add_title", "add_body"])
        // metadata.toml: `false` opts out; `true` keeps it; a file without the key is
        // `false` for diesel too (serde's field default).
        #expect(set.files.map(\.transaction) == [.perFile, .perFile, .none, .perFile, .none])
        #expect(set.ignored.isEmpty)
    }

    @Test func sqitchFollowsThePlanAndReworkedScripts() throws {
        let set = try loadFixture("sqitch")
        #expect(
            set.fixturePaths == [
                "sqitch/deploy/zeta_schema.sql", "sqitch/deploy/customers@v1.0.sql", "sqitch/deploy/alpha_orders.sql",
                "sqitch/deploy/customers.sql",
            ])
        #expect(set.files.map(\.name) == ["zeta_schema", "customers", "alpha_orders", "customers"])
        #expect(set.files.allSatisfy { $0.transaction == .none && $0.version == nil })

        let viaPlan = try loadFixture("sqitch/sqitch.plan")
        #expect(viaPlan.layout == .sqitch)
        #expect(viaPlan.fixturePaths == set.fixturePaths)
    }

    @Test func prismaOrdersByFolderName() throws {
        let set = try loadFixture("prisma/migrations")
        #expect(
            set.fixturePaths == [
                "prisma/migrations/20240101000000_init/migration.sql",
                "prisma/migrations/20240110000000_add_email/migration.sql",
                "prisma/migrations/20240215093000_add_profile/migration.sql",
            ])
        #expect(set.files.allSatisfy { $0.transaction == .implicitMultiStatement })
    }

    @Test func sqlxHonoursOnlyALeadingNoTransaction() throws {
        let set = try loadFixture("sqlx")
        #expect(set.files.map(\.name) == ["create_tasks", "index_title", "add_done", "add_due"])
        #expect(set.files.map(\.transaction) == [.perFile, .none, .perFile, .perFile])
        #expect(set.ignoredFixturePaths == ["sqlx/20240103000000_add_done.down.sql"])

        let crate = try loadFixture("sqlx-crate/migrations")
        #expect(crate.files.map(\.name) == ["create_events", "add_kind"])
        #expect(crate.files.allSatisfy { $0.transaction == .perFile })
    }

    @Test func plainFilesComeInNaturalOrderStatementByStatement() throws {
        let set = try loadFixture("plain")
        #expect(set.fixturePaths == ["plain/1_a.sql", "plain/2_b.sql", "plain/9_d.sql", "plain/10_c.sql"])
        #expect(set.files.map(\.version) == ["1", "2", "9", "10"])
        #expect(set.files.allSatisfy { $0.transaction == .none })
    }

    @Test func filesKeepTheGivenOrderStatementByStatement() throws {
        let load = try MigrationLoader.load(paths: [Paths.fixture("files/two.sql"), Paths.fixture("files/one.sql")])
        #expect(load.files.map(\.fixturePath) == ["files/two.sql", "files/one.sql"])
        #expect(load.sets.map(\.layout) == [.files, .files])
        #expect(load.files.allSatisfy { $0.transaction == .none && $0.applied == 0..<$0.bytes.count })
        #expect(load.files.map(\.name) == ["two", "one"])
    }

    @Test func markedFilesUseTheirToolsRules() throws {
        let load = try MigrationLoader.load(paths: [
            Paths.fixture("files/goose_marked.sql"), Paths.fixture("files/dbmate_marked.sql"),
        ])
        #expect(load.sets.map(\.layout) == [.goose, .dbmate])
        #expect(try MigrationLoader.detectLayout(path: Paths.fixture("files/goose_marked.sql")) == .goose)
        #expect(try MigrationLoader.detectLayout(path: Paths.fixture("files/one.sql")) == .files)
        #expect(load.files.map(\.transaction) == [.perFile, .none])
        #expect(
            load.files.map(\.appliedText) == ["CREATE TABLE marked (id int);\n", "CREATE TABLE marked_too (id int);\n"])
    }

    @Test func pathsKeepTheirOrderAcrossSets() throws {
        let load = try MigrationLoader.load(paths: [Paths.fixture("plain"), Paths.fixture("files/one.sql")])
        #expect(load.sets.map(\.layout) == [.plain, .files])
        #expect(
            load.files.map(\.fixturePath) == [
                "plain/1_a.sql", "plain/2_b.sql", "plain/9_d.sql", "plain/10_c.sql", "files/one.sql",
            ])
    }

    @Test(arguments: ["goose", "dbmate/db/migrations", "flyway", "diesel", "sqlx", "golang-migrate", "plain"])
    func assumeInTransactionWrapsEveryFile(_ folder: String) throws {
        let set = try loadFixture(folder, assumeInTransaction: true)
        #expect(!set.files.isEmpty)
        #expect(set.files.allSatisfy { $0.transaction == .perFile })
    }

    @Test func forcedLayoutOverridesDetection() throws {
        let asPlain = try loadFixture("golang-migrate", layout: .plain)
        #expect(asPlain.layout == .plain)
        #expect(asPlain.files.count == 12)
        #expect(asPlain.files.allSatisfy { $0.transaction == .none })

        let asFiles = try loadFixture("plain", layout: .files)
        #expect(asFiles.layout == .files)
        #expect(asFiles.files.map(\.layout) == [.files, .files, .files, .files])

        let up = try loadFixture("diesel/2020-01-01-000000-0001_index_posts/up.sql", layout: .diesel)
        #expect(up.files.map(\.transaction) == [.none])
        #expect(up.files.map(\.name) == ["index_posts"])

        let flyway = try loadFixture("flyway/V1.10__index_b.sql", layout: .flyway)
        #expect(flyway.files.map(\.transaction) == [.none])
        #expect(flyway.files.map(\.version) == ["1.10"])
    }
}
