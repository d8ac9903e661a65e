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
        case primaryKeyNotNull = "PRIMARY KEY column NOT NULL (replay yes, SQLite no)"
        case columnNotNull = "column NOT NULL"
        case defaultNull = "DEFAULT NULL (SQLite keeps it, replay drops it)"
        case columnDefault = "column has default"
        case indexName = "same index, different name"
        case rowidIndexOnlyInReplay = "index for a rowid PRIMARY KEY only in replay"
        case indexMissingFromReplay = "index missing from replay"
        case indexOnlyInReplay = "index only in replay"
        case indexUnique = "index uniqueness"
        case indexTable = "index table"

        /// Differences in how replay models SQLite rather than in what it applied:
        /// they show up even for statements replay accepts.
        static let modelling: Set<Category> = [.primaryKeyNotNull, .defaultNull, .indexName, .rowidIndexOnlyInReplay]
    }

    var category: Category
    var detail: String

    var description: String { "\(category.rawValue): \(detail)" }
}

/// Compares what the brief asks to compare: tables and their columns (name, declared
/// type without regard to case, NOT NULL, whether there is a default), and indexes
/// (name, table, uniqueness). SQLite compares names without regard to ASCII case, so
/// objects are matched that way; a case difference in a column name is reported on
/// its own. Indexes that differ only in name are paired up by table, uniqueness, keys
/// and predicate.
func compareCatalogs(replayed: Catalog, introspected sqlite: Catalog) -> [CatalogDifference] {
    var out: [CatalogDifference] = []
    func add(_ category: CatalogDifference.Category, _ detail: String) {
        out.append(CatalogDifference(category: category, detail: detail))
    }
    func byFoldedName<T>(_ values: [ObjectKey: T]) -> [String: T] {
        Dictionary(values.map { (SQLiteName.folded($0.key.name), $0.value) }, uniquingKeysWith: { a, _ in a })
    }
    let replayTables = byFoldedName(replayed.tables)
    let sqliteTables = byFoldedName(sqlite.tables)
    for name in Set(sqliteTables.keys).subtracting(replayTables.keys).sorted() { add(.tableMissingFromReplay, name) }
    for name in Set(replayTables.keys).subtracting(sqliteTables.keys).sorted() { add(.tableOnlyInReplay, name) }
    for name in Set(sqliteTables.keys).intersection(replayTables.keys).sorted() {
        guard let truth = sqliteTables[name], let replay = replayTables[name] else { continue }
        compareColumns(name, truth, replay, add)
    }

    let replayIndexes = byFoldedName(replayed.indexes)
    let sqliteIndexes = byFoldedName(sqlite.indexes)
    var missing = Set(sqliteIndexes.keys).subtracting(replayIndexes.keys)
    var extra = Set(replayIndexes.keys).subtracting(sqliteIndexes.keys)
    // The same index under another name: SQLite's `sqlite_autoindex_<table>_<N>`
    // against replay's `<table>_pkey`, `<table>_<cols>_key` or the constraint's name.
    for name in missing.sorted() {
        guard let truth = sqliteIndexes[name] else { continue }
        let twin = extra.sorted().first { other in
            replayIndexes[other].map { indexShape($0) == indexShape(truth) } ?? false
        }
        if let twin {
            add(.indexName, "\(truth.table.name): sqlite \(truth.name), replay \(replayIndexes[twin]?.name ?? twin)")
            missing.remove(name)
            extra.remove(twin)
        }
    }
    for name in missing.sorted() {
        add(.indexMissingFromReplay, "\(name) on \(sqliteIndexes[name]?.table.name ?? "?")")
    }
    for name in extra.sorted() {
        guard let index = replayIndexes[name] else { continue }
        let table = sqliteTables[SQLiteName.folded(index.table.name)]
        let isRowidKey =
            table.map { t in
                t.primaryKey?.index == nil
                    && t.primaryKey.map { pk in
                        pk.columns.map(SQLiteName.folded) == (index.columnNames ?? []).map(SQLiteName.folded)
                    }
                        == true
            } ?? false
        add(isRowidKey ? .rowidIndexOnlyInReplay : .indexOnlyInReplay, "\(index.name) on \(index.table.name)")
    }
    for name in Set(sqliteIndexes.keys).intersection(replayIndexes.keys).sorted() {
        guard let truth = sqliteIndexes[name], let replay = replayIndexes[name] else { continue }
        if truth.unique != replay.unique {
            add(.indexUnique, "\(name): sqlite \(truth.unique), replay \(replay.unique)")
        }
        if !SQLiteName.same(truth.table.name, replay.table.name) {
            add(.indexTable, "\(name): sqlite \(truth.table.name), replay \(replay.table.name)")
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
    let primaryKey = Set((truth.primaryKey?.columns ?? []).map(SQLiteName.folded))
    for column in truth.columns {
        guard let other = replay.columns.first(where: { SQLiteName.same($0.name, column.name) }) else { continue }
        let label = "\(name).\(column.name)"
        if other.name != column.name { add(.columnNameCase, "\(label): sqlite \(column.name), replay \(other.name)") }
        let truthType = SQLiteName.folded(column.type.declared ?? column.type.sql)
        let replayType = SQLiteName.folded(other.type.declared ?? other.type.sql)
        if truthType != replayType { add(.columnType, "\(label): sqlite '\(truthType)', replay '\(replayType)'") }
        if column.notNull != other.notNull {
            let pk = !column.notNull && primaryKey.contains(SQLiteName.folded(column.name))
            add(pk ? .primaryKeyNotNull : .columnNotNull, "\(label): sqlite \(column.notNull), replay \(other.notNull)")
        }
        if (column.defaultValue != nil) != (other.defaultValue != nil) {
            let defaultNull = column.defaultValue.map { SQLiteName.folded($0.sql) == "null" } ?? false
            add(
                defaultNull ? .defaultNull : .columnDefault,
                "\(label): sqlite \(column.defaultValue?.sql ?? "none"), replay \(other.defaultValue?.sql ?? "none")")
        }
    }
}

/// What makes two indexes the same index whatever their names.
private func indexShape(_ index: Index) -> String {
    let keys = index.keys.map { part -> String in
        switch part {
        case .column(let name): return SQLiteName.folded(name)
        case .expression(let text, _): return SQLiteName.folded(text)
        }
    }
    return
        "\(SQLiteName.folded(index.table.name))|\(index.unique)|\(keys.joined(separator: ","))|\(index.predicate ?? "")"
}
