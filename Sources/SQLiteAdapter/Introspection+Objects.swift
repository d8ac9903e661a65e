import SQLSyntax
import SchemaCatalog

/// One row of `PRAGMA index_list`.
struct IndexListEntry {
    var name: String
    var unique: Bool
    /// `c` (CREATE INDEX), `u` (UNIQUE constraint) or `pk` (PRIMARY KEY).
    var origin: String
    var partial: Bool
}

// Indexes, views and triggers.
extension SchemaReader {
    /// `PRAGMA index_list(table)`, read once per table.
    mutating func indexList(_ table: ObjectKey) throws(SQLiteError) -> [IndexListEntry] {
        if let cached = indexLists[table] { return cached }
        let rows = try connection.query(
            "SELECT name, \"unique\", origin, partial FROM pragma_index_list(?1, 'main') ORDER BY seq DESC",
            parameters: [table.name])
        let entries = rows.compactMap { row -> IndexListEntry? in
            guard row.count >= 4, let name = row[0] else { return nil }
            return IndexListEntry(name: name, unique: row[1] == "1", origin: row[2] ?? "c", partial: row[3] == "1")
        }
        indexLists[table] = entries
        return entries
    }

    /// The key columns of an index in order (`PRAGMA index_xinfo`, `key` = 1): the
    /// table column's number and name; -1 is the rowid, -2 an expression (no name).
    func indexKeys(_ index: String) throws(SQLiteError) -> [(cid: Int, name: String?)] {
        let rows = try connection.query(
            "SELECT cid, name FROM pragma_index_xinfo(?1, 'main') WHERE key = 1 ORDER BY seqno", parameters: [index])
        return rows.map { row in (Int(row.first.flatMap { $0 } ?? "") ?? -2, row.count > 1 ? row[1] : nil) }
    }

    /// Every index of `table`, whether from CREATE INDEX or a constraint.
    mutating func readIndexes(_ table: ObjectKey, sql: [String: String?]) throws(SQLiteError) {
        let columns = catalog.tables[table]?.columns.map(\.name) ?? []
        for entry in try indexList(table) {
            let definition = (sql[entry.name] ?? nil).map(DefinitionText.init)
            let create = definition?.createIndex
            var parts: [IndexPart] = []
            for (position, part) in try indexKeys(entry.name).enumerated() {
                if part.cid >= 0, let name = part.name {
                    parts.append(.column(name))
                } else if part.cid == -1 {
                    parts.append(.column("rowid"))
                } else if let create, let definition, position < create.keys.count {
                    let element = create.keys[position].element
                    let span: SourceSpan
                    if case .expression(let e) = element.key { span = e.span } else { span = element.span }
                    parts.append(
                        .expression(
                            definition.text(span), columns: definition.columnsMentioned(in: span, among: columns)))
                } else {
                    note("index \(entry.name)", "expression key \(position + 1) not understood")
                    parts.append(.expression("", columns: []))
                }
            }
            var index = Index(key: ObjectKey(schema, entry.name), table: table, unique: entry.unique, keys: parts)
            if entry.partial {
                index.predicate =
                    create?.predicate.flatMap { e in definition?.text(e.span) } ?? definition?.trailingWhereClause
                if index.predicate == nil { note("index \(entry.name)", "partial-index predicate not understood") }
            }
            if entry.origin != "c" {
                index.constraint = catalog.tables[table]?.constraints.first { $0.index == entry.name }?.name
            }
            catalog.indexes[index.key] = index
        }
    }

    /// A view with its output columns (`PRAGMA table_info(view)`).
    mutating func readView(_ object: SchemaObject) throws(SQLiteError) {
        let key = ObjectKey(schema, object.name)
        let definition = object.sql.map(DefinitionText.init)
        let query = definition.flatMap { d in d.createView.map { d.text($0.query.span) } } ?? object.sql ?? ""
        var columns: [ViewColumn] = []
        _ = try guarded("view \(object.name)") { (r: inout SchemaReader) throws(SQLiteError) in
            let rows = try r.connection.query(
                "SELECT name, type FROM pragma_table_info(?1, 'main') ORDER BY cid", parameters: [object.name])
            columns = rows.map { row in
                let type = row.count > 1 ? (row[1] ?? "") : ""
                return ViewColumn(
                    name: row.first.flatMap { $0 } ?? "", type: type.isEmpty ? nil : ColumnType(declared: type))
            }
        }
        catalog.views[key] = View(key: key, columns: columns, query: query)
    }

    /// A trigger, kept on its table (`Table.triggers`); SQLite triggers are row
    /// triggers whose body runs inline, so `function` is nil.
    mutating func readTrigger(_ object: SchemaObject) {
        let definition = object.sql.map(DefinitionText.init)
        var timing = "BEFORE"
        var events: [String] = []
        if let create = definition?.createTrigger {
            switch create.timing ?? .before {
            case .before: timing = "BEFORE"
            case .after: timing = "AFTER"
            case .insteadOf: timing = "INSTEAD OF"
            }
            events = create.events.map { $0.kind.rawValue.uppercased() }
        } else if let words = definition?.wordsBeforeOn {
            if words.contains("AFTER") { timing = "AFTER" } else if words.contains("INSTEAD") { timing = "INSTEAD OF" }
            events = words.filter { ["INSERT", "UPDATE", "DELETE"].contains($0) }.suffix(1).map { $0 }
            note("trigger \(object.name)", "CREATE TRIGGER text not understood; timing and event read from its words")
        }
        let trigger = Trigger(name: object.name, function: nil, timing: timing, events: events, forEachRow: true)
        if let key = tableKey(named: object.tableName) {
            catalog.tables[key]?.triggers.append(trigger)
        } else if catalog.views.keys.contains(where: { SQLiteName.same($0.name, object.tableName) }) {
            note("trigger \(object.name)", "on view \(object.tableName); the catalog keeps no triggers on views")
        } else {
            note("trigger \(object.name)", "on \(object.tableName), which was not read")
        }
    }
}
