import SchemaCatalog

@testable import SQLiteAdapter

/// One way a replayed catalog differs from the one SQLite itself reports.
struct CatalogDifference: Hashable, Sendable, CustomStringConvertible {
    enum Category: String, CaseIterable, Hashable, Sendable {
        case replayRefused = "statement refused by replay (SQLite accepted it)"
        case tableMissingFromReplay = "table missing from replay"
        case tableOnlyInReplay = "table only in replay"
        case columnMissingFromReplay = "column missing from replay"
        case columnOnlyInReplay = "column only in replay"
        case columnOrder = "column order"
        case columnNameCase = "column name case"
        case columnType = "column declared type"
        case columnNotNull = "column NOT NULL"
        case columnDefault = "column default"
        case primaryKey = "PRIMARY KEY columns"
        case columnGenerated = "generated column (table_xinfo hidden 2 or 3)"
        case tableOptions = "WITHOUT ROWID / STRICT"
        case triggers = "triggers"
        case viewMissingFromReplay = "view missing from replay"
        case viewOnlyInReplay = "view only in replay"
        case viewColumns = "view columns"
        case constraints = "constraints (kind, name, columns, CHECK text)"
        case foreignKeys = "foreign keys"
        case indexMissingFromReplay = "index missing from replay"
        case indexOnlyInReplay = "index only in replay"
        case indexUnique = "index uniqueness"
        case indexTable = "index table"
        case indexKeys = "index keys"
        case indexOrigin = "index origin (CREATE INDEX, UNIQUE, PRIMARY KEY)"
        case indexPartial = "index partial (predicate text)"
    }

    var category: Category
    var detail: String

    var description: String { "\(category.rawValue): \(detail)" }
}

/// Compares what `PRAGMA table_xinfo`, `index_list` and `foreign_key_list` report,
/// plus the constraint names both sides derive: tables (WITHOUT ROWID, STRICT) and
/// their columns (name, declared type as text, NOT NULL, default text, generated,
/// primary-key order), triggers (name, timing, events), views (columns), indexes (name,
/// table, uniqueness, keys, origin, predicate), foreign keys (columns, target table
/// and columns, actions) and constraints (kind, name, columns, CHECK text). SQLite compares
/// names without regard to ASCII case, so names are matched that way; a case
/// difference in a column name is reported on its own.
func compareCatalogs(replayed: Catalog, introspected sqlite: Catalog) -> [CatalogDifference] {
    var out: [CatalogDifference] = []
    func add(_ category: CatalogDifference.Category, _ detail: String) {
        out.append(CatalogDifference(category: category, detail: detail))
    }
    // Introspection reads `main`; TEMP objects live in `temp`.
    func byFoldedName<T>(_ values: ObjectMap<T>) -> [String: T] {
        Dictionary(
            values.filter { $0.key.schema == "main" }.map { (SQLiteName.folded($0.key.name), $0.value) },
            uniquingKeysWith: { a, _ in a })
    }
    let replayTables = byFoldedName(replayed.tables.all)
    let sqliteTables = byFoldedName(sqlite.tables.all)
    for name in Set(sqliteTables.keys).subtracting(replayTables.keys).sorted() { add(.tableMissingFromReplay, name) }
    for name in Set(replayTables.keys).subtracting(sqliteTables.keys).sorted() { add(.tableOnlyInReplay, name) }
    for name in Set(sqliteTables.keys).intersection(replayTables.keys).sorted() {
        guard let truth = sqliteTables[name], let replay = replayTables[name] else { continue }
        compareColumns(name, truth, replay, add)
        compareConstraints(name, truth, replay, add)
    }

    let replayViews = byFoldedName(replayed.views)
    let sqliteViews = byFoldedName(sqlite.views)
    for name in Set(sqliteViews.keys).subtracting(replayViews.keys).sorted() { add(.viewMissingFromReplay, name) }
    for name in Set(replayViews.keys).subtracting(sqliteViews.keys).sorted() { add(.viewOnlyInReplay, name) }
    for name in Set(sqliteViews.keys).intersection(replayViews.keys).sorted() {
        let truth = sqliteViews[name]?.columns.map { SQLiteName.folded($0.name) } ?? []
        let replay = replayViews[name]?.columns.map { SQLiteName.folded($0.name) } ?? []
        if truth != replay {
            add(.viewColumns, "\(name): sqlite (\(truth.joined(separator: ", "))), replay (\(replay.joined(separator: ", ")))")
        }
    }

    let replayIndexes = byFoldedName(replayed.indexes.all)
    let sqliteIndexes = byFoldedName(sqlite.indexes.all)
    for name in Set(sqliteIndexes.keys).subtracting(replayIndexes.keys).sorted() {
        add(.indexMissingFromReplay, "\(name) on \(sqliteIndexes[name]?.table.name ?? "?")")
    }
    for name in Set(replayIndexes.keys).subtracting(sqliteIndexes.keys).sorted() {
        add(.indexOnlyInReplay, "\(name) on \(replayIndexes[name]?.table.name ?? "?")")
    }
    for name in Set(sqliteIndexes.keys).intersection(replayIndexes.keys).sorted() {
        guard let truth = sqliteIndexes[name], let replay = replayIndexes[name] else { continue }
        if truth.unique != replay.unique {
            add(.indexUnique, "\(name): sqlite \(truth.unique), replay \(replay.unique)")
        }
        if !SQLiteName.same(truth.table.name, replay.table.name) {
            add(.indexTable, "\(name): sqlite \(truth.table.name), replay \(replay.table.name)")
        }
        if indexKeys(truth) != indexKeys(replay) {
            add(.indexKeys, "\(name): sqlite (\(indexKeys(truth))), replay (\(indexKeys(replay)))")
        }
        let origins = (origin(truth, in: sqlite), origin(replay, in: replayed))
        if origins.0 != origins.1 { add(.indexOrigin, "\(name): sqlite \(origins.0), replay \(origins.1)") }
        if truth.predicate.map(SQLiteName.folded) != replay.predicate.map(SQLiteName.folded) {
            add(.indexPartial, "\(name): sqlite \(truth.predicate ?? "none"), replay \(replay.predicate ?? "none")")
        }
    }
    return out
}

private func compareColumns(
    _ name: String, _ truth: Table, _ replay: Table, _ add: (CatalogDifference.Category, String) -> Void
) {
    let truthNames = truth.columns.map { SQLiteName.folded($0.name) }
    let replayNames = replay.columns.map { SQLiteName.folded($0.name) }
    for missing in truthNames where !replayNames.contains(missing) {
        add(.columnMissingFromReplay, "\(name).\(missing)")
    }
    for extra in replayNames where !truthNames.contains(extra) { add(.columnOnlyInReplay, "\(name).\(extra)") }
    if truthNames.filter(replayNames.contains) != replayNames.filter(truthNames.contains) {
        add(
            .columnOrder,
            "\(name): sqlite (\(truthNames.joined(separator: ", "))) replay (\(replayNames.joined(separator: ", ")))")
    }
    for column in truth.columns {
        guard let other = replay.columns.first(where: { SQLiteName.same($0.name, column.name) }) else { continue }
        let label = "\(name).\(column.name)"
        if other.name != column.name { add(.columnNameCase, "\(label): sqlite \(column.name), replay \(other.name)") }
        let truthType = column.type.declared ?? column.type.sql
        let replayType = other.type.declared ?? other.type.sql
        if truthType != replayType { add(.columnType, "\(label): sqlite '\(truthType)', replay '\(replayType)'") }
        if column.notNull != other.notNull {
            add(.columnNotNull, "\(label): sqlite \(column.notNull), replay \(other.notNull)")
        }
        if column.generated?.stored != other.generated?.stored {
            let describe: (Column) -> String = { $0.generated.map { $0.stored ? "stored" : "virtual" } ?? "no" }
            add(.columnGenerated, "\(label): sqlite \(describe(column)), replay \(describe(other))")
        }
        if column.defaultValue?.sql != other.defaultValue?.sql {
            add(
                .columnDefault,
                "\(label): sqlite \(column.defaultValue?.sql ?? "none"), replay \(other.defaultValue?.sql ?? "none")")
        }
    }
    if (truth.withoutRowid, truth.strict) != (replay.withoutRowid, replay.strict) {
        add(
            .tableOptions,
            "\(name): sqlite without rowid \(truth.withoutRowid) strict \(truth.strict),"
                + " replay without rowid \(replay.withoutRowid) strict \(replay.strict)")
    }
    let truthKey = (truth.primaryKey?.columns ?? []).map(SQLiteName.folded)
    let replayKey = (replay.primaryKey?.columns ?? []).map(SQLiteName.folded)
    if truthKey != replayKey {
        add(.primaryKey, "\(name): sqlite (\(truthKey.joined(separator: ", "))), replay (\(replayKey.joined(separator: ", ")))")
    }
}

/// Constraints and foreign keys, as multisets of their folded descriptions.
private func compareConstraints(
    _ name: String, _ truth: Table, _ replay: Table, _ add: (CatalogDifference.Category, String) -> Void
) {
    func folded(_ names: [String]) -> String { names.map(SQLiteName.folded).joined(separator: ",") }
    func constraints(_ table: Table) -> [String] {
        table.constraints.map {
            "\($0.kind.rawValue) \(SQLiteName.folded($0.name)) (\(folded($0.columns)))"
                + ($0.kind == .check ? " \($0.expression ?? "")" : "")
        }.sorted()
    }
    func foreignKeys(_ table: Table) -> [String] {
        table.constraints.compactMap { c in
            c.foreignKey.map { fk in
                "(\(folded(c.columns))) -> \(SQLiteName.folded(fk.table.name))(\(folded(fk.columns)))"
                    + " on delete \(fk.onDelete.rawValue) on update \(fk.onUpdate.rawValue)"
                    + (c.deferrable ? " deferrable" : "") + (c.initiallyDeferred ? " initially deferred" : "")
            }
        }.sorted()
    }
    func triggers(_ table: Table) -> [String] {
        table.triggers.map { "\(SQLiteName.folded($0.name)) \($0.timing) \($0.events.joined(separator: " OR "))" }.sorted()
    }
    report(.constraints, name, constraints(truth), constraints(replay), add)
    report(.triggers, name, triggers(truth), triggers(replay), add)
    report(.foreignKeys, name, foreignKeys(truth), foreignKeys(replay), add)
}

private func report(
    _ category: CatalogDifference.Category, _ table: String, _ truth: [String], _ replay: [String],
    _ add: (CatalogDifference.Category, String) -> Void
) {
    guard truth != replay else { return }
    var onlySQLite = truth
    var onlyReplay: [String] = []
    for item in replay {
        if let i = onlySQLite.firstIndex(of: item) { onlySQLite.remove(at: i) } else { onlyReplay.append(item) }
    }
    add(
        category,
        "\(table): sqlite only [\(onlySQLite.joined(separator: "; "))], replay only [\(onlyReplay.joined(separator: "; "))]")
}

private func indexKeys(_ index: Index) -> String {
    index.keys.map { part -> String in
        switch part {
        case .column(let name): return SQLiteName.folded(name)
        case .expression(let text, _): return SQLiteName.folded(text)
        }
    }.joined(separator: ", ")
}

/// `PRAGMA index_list.origin`: `c` for CREATE INDEX, `u` for UNIQUE, `pk`.
private func origin(_ index: Index, in catalog: Catalog) -> String {
    guard let name = index.constraint, let constraint = catalog.tables[index.table]?.constraint(name) else { return "c" }
    return constraint.kind == .primaryKey ? "pk" : "u"
}
