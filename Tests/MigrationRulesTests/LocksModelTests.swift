import SchemaCatalog
import SQLSyntax
import Testing

@testable import MigrationRules

/// The lock model's version-dependent facts, on the fixture of `LockForms` (PostgreSQL 15
/// itself is checked against a server by `LocksServerVerificationTests`).
struct LocksModelTests {
    static let fixture = LockForms.catalog()

    func effects(_ sql: String, _ version: Int, utc: Bool = false) -> StatementEffects {
        LockForms.effects(
            of: LockForm("test", sql), model: LockModel(postgresVersion: version, sessionTimeZoneIsUTC: utc),
            catalog: Self.fixture)
    }

    let items = ObjectKey("public", "items")
    let parent = ObjectKey("public", "parent")

    @Test func fixtureReplaysCompletely() {
        var replay = Replay(catalog: Catalog(dialect: .postgres))
        replay.apply(.init(path: "fixture.sql", text: LockForms.fixture))
        #expect(replay.failure == nil, "\(replay.failure?.message ?? "")")
        #expect(Self.fixture.tables[items]?.constraint("items_amount_not_null")?.validated == true)
    }

    @Test func lockModesOrderAndConflictAsTable13_2() {
        #expect(LockMode.allCases.sorted() == LockMode.allCases)
        #expect(!LockMode.shareUpdateExclusive.blocksReads && !LockMode.shareUpdateExclusive.blocksWrites)
        #expect(LockMode.share.blocksWrites && !LockMode.share.blocksReads)
        #expect(LockMode.shareRowExclusive.blocksWrites && LockMode.exclusive.blocksWrites)
        #expect(!LockMode.exclusive.blocksReads && LockMode.accessExclusive.blocksReads)
        #expect(LockMode.rowShare.conflicts(with: .exclusive) && !LockMode.rowShare.conflicts(with: .share))
        for a in LockMode.allCases { for b in LockMode.allCases { #expect(a.conflicts(with: b) == b.conflicts(with: a)) } }
        #expect(LockMode(name: "AccessExclusiveLock") == .accessExclusive)
        #expect(LockMode(name: "share row exclusive") == .shareRowExclusive)
        #expect(LockMode.accessExclusive.description == "ACCESS EXCLUSIVE")
    }

    @Test(arguments: [10, 11, 18])
    func constantDefaultRewritesOnlyBefore11(version: Int) {
        let e = effects("ALTER TABLE items ADD COLUMN c integer DEFAULT 5", version)
        #expect(e.rewrites.contains(items) == (version < 11))
        #expect(e.mode(on: items) == .accessExclusive)
    }

    @Test(arguments: ["random()", "clock_timestamp()", "gen_random_uuid()"])
    func volatileDefaultsRewriteOnEveryVersion(expr: String) {
        for v in 10...18 { #expect(effects("ALTER TABLE items ADD COLUMN c text DEFAULT \(expr)", v).rewrites == [items]) }
        #expect(effects("ALTER TABLE items ADD COLUMN c timestamptz DEFAULT now()", 11).rewrites.isEmpty)
    }

    @Test func setNotNullUsesAValidatedCheckFrom12() {
        let sql = "ALTER TABLE items ALTER COLUMN amount SET NOT NULL"
        #expect(effects(sql, 11).scans == [items])
        #expect(effects(sql, 12).scans.isEmpty)
        // A NOT VALID CHECK proves nothing.
        #expect(effects("ALTER TABLE items ALTER COLUMN price SET NOT NULL", 18).scans == [items])
    }

    @Test func notValidAndValidate() {
        #expect(effects("ALTER TABLE items ADD CONSTRAINT c CHECK (amount > 0) NOT VALID", 15).scans.isEmpty)
        let fk = effects("ALTER TABLE items ADD CONSTRAINT c FOREIGN KEY (parent_id) REFERENCES parent (id) NOT VALID", 15)
        #expect(fk.mode(on: items) == .shareRowExclusive && fk.mode(on: parent) == .shareRowExclusive)
        #expect(fk.scans.isEmpty && !fk.blocksReads)
        let validate = effects("ALTER TABLE items VALIDATE CONSTRAINT items_parent_fk", 15)
        #expect(validate.mode(on: items) == .shareUpdateExclusive && validate.mode(on: parent) == .rowShare)
        #expect(validate.scans.contains(items) && !validate.blocksWrites)
    }

    @Test func uniqueUsingIndexBuildsNothing() {
        let build = effects("ALTER TABLE items ADD CONSTRAINT u UNIQUE (name)", 15)
        #expect(build.mode(on: items) == .accessExclusive && build.buildsIndexes == [ObjectKey("public", "u")])
        let adopt = effects("ALTER TABLE items ADD CONSTRAINT u UNIQUE USING INDEX items_title_idx", 15)
        #expect(adopt.buildsIndexes.isEmpty && adopt.scans.isEmpty)
    }

    @Test func concurrentFormsAndTransactionBlocks() {
        let cic = effects("CREATE INDEX CONCURRENTLY i ON items (price)", 15)
        #expect(cic.mode(on: items) == .shareUpdateExclusive && !cic.mayRunInTransactionBlock)
        #expect(effects("CREATE INDEX i ON items (price)", 15).mode(on: items) == .share)
        #expect(effects("REINDEX INDEX CONCURRENTLY items_name_idx", 11).unsupported != nil)
        #expect(effects("REINDEX INDEX CONCURRENTLY items_name_idx", 12).unsupported == nil)
        #expect(effects("ALTER TABLE events DETACH PARTITION events_old CONCURRENTLY", 13).unsupported != nil)
        #expect(!effects("DROP INDEX CONCURRENTLY items_name_idx", 15).mayRunInTransactionBlock)
        #expect(!effects("ALTER TYPE mood ADD VALUE 'x'", 11).mayRunInTransactionBlock)
        #expect(effects("ALTER TYPE mood ADD VALUE 'x'", 12).mayRunInTransactionBlock)
        #expect(!effects("VACUUM items", 15).mayRunInTransactionBlock)
        #expect(effects("REFRESH MATERIALIZED VIEW CONCURRENTLY item_names", 15).mode(on: ObjectKey("public", "item_names")) == .exclusive)
    }

    @Test func attachPartitionLocksTheParentLessFrom12() {
        let sql = "ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')"
        let events = ObjectKey("public", "events")
        #expect(effects(sql, 11).mode(on: events) == .accessExclusive)
        #expect(effects(sql, 12).mode(on: events) == .shareUpdateExclusive)
        #expect(effects(sql, 12).scans == [ObjectKey("public", "events_2025")])
        let proven = "ALTER TABLE events ATTACH PARTITION events_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')"
        #expect(effects(proven, 12).scans.isEmpty)
    }

    @Test func renameIndexTakesShareUpdateExclusiveFrom12() {
        let index = ObjectKey("public", "items_name_idx")
        #expect(effects("ALTER INDEX items_name_idx RENAME TO x", 11).mode(on: index) == .accessExclusive)
        #expect(effects("ALTER INDEX items_name_idx RENAME TO x", 12).mode(on: index) == .shareUpdateExclusive)
    }

    @Test func timestampToTimestamptzNeedsUTCAnd12() {
        let sql = "ALTER TABLE items ALTER COLUMN ts TYPE timestamptz"
        #expect(effects(sql, 11, utc: true).rewrites == [items])
        #expect(effects(sql, 12, utc: true).rewrites.isEmpty)
        #expect(effects(sql, 12).rewrites == [items])
    }

    struct Case: Sendable, CustomStringConvertible {
        var from: ColumnType
        var to: ColumnType
        var rewrites: Bool
        var description: String { "\(from.sql) -> \(to.sql)" }
    }

    static let typeCases: [Case] = [
        Case(from: ColumnType(name: "varchar", modifiers: [20]), to: ColumnType(name: "varchar", modifiers: [40]), rewrites: false),
        Case(from: ColumnType(name: "varchar", modifiers: [20]), to: ColumnType(name: "varchar", modifiers: [10]), rewrites: true),
        Case(from: ColumnType(name: "varchar", modifiers: [20]), to: .text, rewrites: false),
        Case(from: ColumnType(name: "varchar", modifiers: [20]), to: ColumnType(name: "varchar"), rewrites: false),
        Case(from: .text, to: ColumnType(name: "varchar"), rewrites: false),
        Case(from: .text, to: ColumnType(name: "varchar", modifiers: [5]), rewrites: true),
        Case(from: ColumnType(name: "numeric", modifiers: [10, 2]), to: ColumnType(name: "numeric", modifiers: [12, 2]), rewrites: false),
        Case(from: ColumnType(name: "numeric", modifiers: [10, 2]), to: ColumnType(name: "numeric"), rewrites: false),
        Case(from: ColumnType(name: "numeric", modifiers: [10, 2]), to: ColumnType(name: "numeric", modifiers: [12, 3]), rewrites: true),
        Case(from: ColumnType(name: "numeric"), to: ColumnType(name: "numeric", modifiers: [12, 2]), rewrites: true),
        Case(from: ColumnType(name: "varbit", modifiers: [8]), to: ColumnType(name: "varbit", modifiers: [16]), rewrites: false),
        Case(from: ColumnType(name: "cidr"), to: ColumnType(name: "inet"), rewrites: false),
        Case(from: ColumnType(name: "bpchar", modifiers: [5]), to: .text, rewrites: true),
        Case(from: .integer, to: .bigint, rewrites: true),
        Case(from: .bigint, to: .integer, rewrites: true),
        Case(from: ColumnType(name: "timestamp", modifiers: [3]), to: ColumnType(name: "timestamp", modifiers: [6]), rewrites: false),
        Case(from: ColumnType(name: "varchar", modifiers: [20], isArray: true), to: ColumnType(name: "varchar", modifiers: [40], isArray: true), rewrites: true),
    ]

    @Test(arguments: typeCases)
    func binaryCoercibleTypeChanges(_ c: Case) {
        #expect(TypeChange.verdict(from: c.from, to: c.to, postgresVersion: 15).rewrites == c.rewrites)
    }

    @Test func sqliteReportsTheDatabaseWriteLock() {
        var catalog = Catalog(dialect: .sqlite)
        try? catalog.apply(
            SQLParserHelper.statement("CREATE TABLE t (a integer, b text)", dialect: .sqlite),
            from: .init(.init(path: "s.sql", text: "CREATE TABLE t (a integer, b text)")))
        let model = LockModel(dialect: .sqlite)
        let drop = LockForms.effects(of: LockForm("t", "ALTER TABLE t DROP COLUMN b"), model: model, catalog: catalog)
        #expect(drop.databaseWriteLock && drop.locks.isEmpty && drop.rewrites == [ObjectKey("main", "t")])
        let read = LockForms.effects(of: LockForm("t", "SELECT a FROM t"), model: model, catalog: catalog)
        #expect(!read.databaseWriteLock)
    }
}

/// Inputs the catalog does not know, and how effects combine.
struct LocksModelEdgeTests {
    func effects(_ sql: String, _ catalog: Catalog = LockForms.catalog(), version: Int = 15) -> StatementEffects {
        LockForms.effects(of: LockForm("edge", sql), model: LockModel(postgresVersion: version), catalog: catalog)
    }

    @Test func unknownRelationsAreStillNamed() {
        let e = effects("ALTER TABLE nowhere ADD COLUMN c integer DEFAULT random()")
        #expect(e.mode(on: ObjectKey("public", "nowhere")) == .accessExclusive)
        #expect(e.rewrites == [ObjectKey("public", "nowhere")])
        #expect(effects("CREATE INDEX ON nowhere (a)").mode(on: ObjectKey("public", "nowhere")) == .share)
        #expect(effects("DROP INDEX IF EXISTS nothing").locks.isEmpty)
        #expect(effects("LOCK TABLE other.t IN ROW SHARE MODE").mode(on: ObjectKey("other", "t")) == .rowShare)
    }

    @Test func severalActionsKeepTheStrongestModePerRelation() {
        let e = effects("ALTER TABLE items SET (fillfactor = 70), ALTER COLUMN amount SET STATISTICS 10, ADD COLUMN c integer")
        #expect(e.locks.filter { $0.relation.name == "items" }.count == 1)
        #expect(e.mode(on: ObjectKey("public", "items")) == .accessExclusive)
        #expect(effects("ALTER TABLE items SET (fillfactor = 70), ALTER COLUMN amount SET STATISTICS 10").mode(on: ObjectKey("public", "items")) == .shareUpdateExclusive)
        #expect(effects("ALTER TABLE items SET (user_catalog_table = true)").mode(on: ObjectKey("public", "items")) == .accessExclusive)
    }

    @Test func onlyStopsRecursionToPartitions() {
        let all = effects("ALTER TABLE events ADD COLUMN c integer")
        let only = effects("ALTER TABLE ONLY events ADD COLUMN c integer")
        #expect(all.mode(on: ObjectKey("public", "events_2024")) == .accessExclusive)
        #expect(only.mode(on: ObjectKey("public", "events_2024")) == nil)
    }

    @Test func locksAreSortedStrongestFirstAndNotesCite() {
        let e = effects("ALTER TABLE items ADD CONSTRAINT f FOREIGN KEY (parent_id) REFERENCES parent (id)")
        #expect(e.locks.map(\.mode) == e.locks.map(\.mode).sorted(by: >))
        #expect(e.notes.allSatisfy { $0.hasSuffix(")") })
        #expect(e.citations.contains(.alterTableAddConstraint))
        #expect(e.blocksWrites && !e.blocksReads)
    }

    @Test func everyFormHasEffectsAtEveryVersionWithoutTrapping() {
        for version in 10...18 {
            let catalog = LockForms.catalog(postgresVersion: version)
            for form in LockForms.all {
                let e = effects(form.sql, catalog, version: version)
                #expect(e.locks.allSatisfy { $0.relation.schema == "public" }, "\(form.name)")
            }
        }
    }
}

/// PostgreSQL 18: virtual generated columns and NOT NULL constraints added NOT VALID.
struct LocksModel18Tests {
    func effects(_ sql: String, _ version: Int) -> StatementEffects {
        LockForms.effects(of: LockForm("18", sql), model: LockModel(postgresVersion: version), catalog: LockForms.catalog())
    }

    @Test func virtualGeneratedColumnsDoNotRewrite() {
        let sql = "ALTER TABLE items ADD COLUMN c integer GENERATED ALWAYS AS (amount * 2) VIRTUAL"
        #expect(effects(sql, 18).rewrites.isEmpty && effects(sql, 18).unsupported == nil)
        #expect(effects(sql, 17).unsupported != nil)
        #expect(effects("ALTER TABLE items ADD COLUMN c integer GENERATED ALWAYS AS (amount * 2) STORED", 18).rewrites.count == 1)
    }

    @Test func notNullNotValidSkipsTheScan() {
        let e = effects("ALTER TABLE items ADD CONSTRAINT items_price_nn NOT NULL price NOT VALID", 18)
        #expect(e.unsupported == nil && e.scans.isEmpty && e.mode(on: ObjectKey("public", "items")) == .accessExclusive)
        #expect(effects("ALTER TABLE items ADD CONSTRAINT items_price_nn NOT NULL price", 18).scans.count == 1)
        #expect(effects("ALTER TABLE items ADD CONSTRAINT items_price_nn NOT NULL price NOT VALID", 17).unsupported != nil)
    }

    @Test func mergeNeeds15() {
        let sql = "MERGE INTO parent p USING items i ON p.id = i.id WHEN MATCHED THEN DELETE"
        #expect(effects(sql, 14).unsupported != nil && effects(sql, 15).unsupported == nil)
    }
}
