import SQLSyntax
import SchemaCatalog

// Tables: columns, primary key, UNIQUE and CHECK constraints, foreign keys.
extension SchemaReader {
    mutating func readTable(_ object: SchemaObject, flags: TableFlags?) throws(SQLiteError) {
        let key = ObjectKey(schema, object.name)
        let definition = object.sql.map(DefinitionText.init)
        let create = definition?.createTable
        let isVirtual =
            flags?.type == "virtual" || (object.sql.map { SQLiteName.folded($0).hasPrefix("create virtual") } ?? false)
        if create == nil {
            note(
                "table \(object.name)",
                isVirtual
                    ? "a virtual table; read as a plain table"
                    : "CREATE TABLE text not understood; CHECK constraints and constraint names are missing")
        }
        var table = Table(key: key)
        table.withoutRowid = flags?.withoutRowid ?? create?.withoutRowid ?? false
        table.strict = flags?.strict ?? create?.strict ?? false

        // table_xinfo (3.26+) also lists generated columns; `hidden` 2 is VIRTUAL, 3 STORED,
        // 1 a virtual table's hidden column.
        let columnsSQL =
            version >= 3_026_000
            ? "SELECT cid, name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?1, 'main')"
            : "SELECT cid, name, type, \"notnull\", dflt_value, pk, 0 FROM pragma_table_info(?1, 'main')"
        let rows = try connection.query(columnsSQL + " ORDER BY cid", parameters: [object.name])
        var primaryKey: [(position: Int, name: String)] = []
        var declarations: [String: ColumnDefinition] = [:]
        for c in create?.columns ?? [] where declarations[SQLiteName.folded(c.name.value)] == nil {
            declarations[SQLiteName.folded(c.name.value)] = c
        }
        for row in rows {
            guard row.count >= 7, let name = row[1] else { continue }
            let hidden = Int(row[6] ?? "0") ?? 0
            if hidden == 1 { continue }
            var column = Column(name: name, type: ColumnType(declared: row[2] ?? ""), notNull: row[3] == "1")
            if let text = row[4] {
                column.defaultValue = DefaultValue(sql: text, volatility: Self.volatility(ofDefault: text))
            }
            let declared = declarations[SQLiteName.folded(name)]
            if hidden == 2 || hidden == 3 {
                var expression = ""
                for c in declared?.constraints ?? [] {
                    if case .generated(let e, _) = c.kind, let definition { expression = definition.text(e.span) }
                }
                column.generated = GeneratedColumn(sql: expression, stored: hidden == 3)
            }
            column.collation = declared?.collation?.name
            if let position = Int(row[5] ?? "0"), position > 0 { primaryKey.append((position, name)) }
            table.columns.append(column)
        }
        let written = definition.map { writtenConstraints($0, columns: table.columns.map(\.name)) } ?? []
        writtenForeignKeys[key] = written.filter { $0.kind == .foreignKey }
        let indexList = try self.indexList(key)

        if !primaryKey.isEmpty {
            let columns = primaryKey.sorted { $0.position < $1.position }.map(\.name)
            let match = written.first {
                $0.kind == .primaryKey && $0.columns.map(SQLiteName.folded) == columns.map(SQLiteName.folded)
            }
            var constraint = Constraint(name: match?.name ?? "", kind: .primaryKey, columns: columns)
            constraint.implicitName = match?.name == nil
            constraint.writtenOnColumn = match?.column
            // An INTEGER PRIMARY KEY is the rowid itself and has no index.
            constraint.index = indexList.first { $0.origin == "pk" }?.name
            table.constraints.append(constraint)
        }
        for entry in indexList where entry.origin == "u" {
            let columns = try indexKeys(entry.name).map { $0.name ?? "rowid" }
            let match = written.first {
                $0.kind == .unique && $0.columns.map(SQLiteName.folded) == columns.map(SQLiteName.folded)
            }
            var constraint = Constraint(name: match?.name ?? "", kind: .unique, columns: columns)
            constraint.implicitName = match?.name == nil
            constraint.writtenOnColumn = match?.column
            constraint.index = entry.name
            table.constraints.append(constraint)
        }
        for check in written where check.kind == .check {
            let referenced = check.columns
            var constraint = Constraint(
                name: check.name ?? "", kind: .check, columns: referenced, expression: check.expression)
            constraint.implicitName = check.name == nil
            constraint.writtenOnColumn = check.column
            table.constraints.append(constraint)
        }
        // Unnamed constraints are named as replay names them (`Table.nameImplicitConstraints`).
        table.nameImplicitConstraints()
        catalog.tables[key] = table
    }

    /// `PRAGMA foreign_key_list`, in declaration order (SQLite numbers them last first).
    mutating func readForeignKeys(_ key: ObjectKey) throws(SQLiteError) {
        let rows = try connection.query(
            "SELECT id, seq, \"table\", \"from\", \"to\", on_update, on_delete, \"match\""
                + " FROM pragma_foreign_key_list(?1, 'main') ORDER BY id, seq",
            parameters: [key.name])
        struct Reference {
            var id: Int
            var target: String
            var from: [String] = []
            var to: [String?] = []
            var onUpdate: String
            var onDelete: String
            var match: String
        }
        var references: [Reference] = []
        for row in rows {
            guard row.count >= 8, let id = Int(row[0] ?? ""), let from = row[3] else { continue }
            if references.last?.id != id {
                references.append(
                    Reference(
                        id: id, target: row[2] ?? "", onUpdate: row[5] ?? "NO ACTION", onDelete: row[6] ?? "NO ACTION",
                        match: row[7] ?? "NONE"))
            }
            references[references.count - 1].from.append(from)
            references[references.count - 1].to.append(row[4])
        }
        guard var table = catalog.tables[key] else { return }
        var written = writtenForeignKeys[key] ?? []
        for reference in references.sorted(by: { $0.id > $1.id }) {
            let targetKey = tableKey(named: reference.target) ?? ObjectKey(schema, reference.target)
            // No column list (`to` NULL): the target's primary key, which SQLite
            // resolves only when rows are checked; kept empty, as replay keeps it.
            let referenced = reference.to.contains(nil) ? [] : reference.to.compactMap { $0 }
            let matchIndex = written.firstIndex {
                $0.columns.map(SQLiteName.folded) == reference.from.map(SQLiteName.folded)
                    && SQLiteName.same($0.target ?? "", reference.target)
            }
            let match = matchIndex.map { written.remove(at: $0) }
            let foreignKey = ForeignKey(
                table: targetKey, columns: referenced, onDelete: Self.action(reference.onDelete),
                onUpdate: Self.action(reference.onUpdate),
                match: reference.match.uppercased() == "NONE" ? nil : reference.match.lowercased())
            var constraint = Constraint(
                name: match?.name ?? "", kind: .foreignKey, columns: reference.from, foreignKey: foreignKey)
            constraint.implicitName = match?.name == nil
            constraint.writtenOnColumn = match?.column
            constraint.deferrable = match?.deferrable ?? false
            constraint.initiallyDeferred = match?.initiallyDeferred ?? false
            table.constraints.append(constraint)
        }
        table.nameImplicitConstraints()
        catalog.tables[key] = table
    }

    /// The key of the table called `name` (SQLite ignores ASCII case), if there is one.
    func tableKey(named name: String) -> ObjectKey? {
        let exact = ObjectKey(schema, name)
        if catalog.tables[exact] != nil { return exact }
        return catalog.tables.keys.first { SQLiteName.same($0.name, name) }
    }

    static func action(_ text: String) -> ForeignKeyAction {
        switch text.uppercased() {
        case "CASCADE": return .cascade
        case "SET NULL": return .setNull
        case "SET DEFAULT": return .setDefault
        case "RESTRICT": return .restrict
        default: return .noAction
        }
    }

    /// How often a default's value changes: literals never, `CURRENT_TIMESTAMP` and
    /// `'now'` with the clock, `random()` on every row.
    static func volatility(ofDefault text: String) -> Volatility {
        let folded = SQLiteName.folded(text)
        if folded.contains("random") { return .volatile }
        if folded.contains("current_") || (folded.contains("(") && folded.contains("now")) { return .stable }
        return .immutable
    }
}

/// A constraint as the CREATE TABLE text writes it, with the columns it names
/// spelled as the table spells them.
struct WrittenConstraint {
    enum Kind { case primaryKey, unique, check, foreignKey }
    var kind: Kind
    /// The `CONSTRAINT name`, as written (case kept), if any.
    var name: String?
    /// Key columns (PRIMARY KEY, UNIQUE, FOREIGN KEY) or columns a CHECK reads.
    var columns: [String]
    var expression: String?
    var target: String?
    /// The column a column constraint is written on; nil for a table constraint.
    var column: String?
    var deferrable: Bool
    var initiallyDeferred: Bool
}

extension SchemaReader {
    /// The PRIMARY KEY, UNIQUE, CHECK and FOREIGN KEY constraints of a CREATE TABLE
    /// text, column constraints first in column order, then table constraints, as
    /// SQLite (and replay) meet them.
    func writtenConstraints(_ definition: DefinitionText, columns: [String]) -> [WrittenConstraint] {
        guard let create = definition.createTable else { return [] }
        var byFolded: [String: String] = [:]
        for c in columns where byFolded[SQLiteName.folded(c)] == nil { byFolded[SQLiteName.folded(c)] = c }
        func canonical(_ id: Identifier) -> String {
            byFolded[SQLiteName.folded(id.value)] ?? definition.text(id.span)
        }
        var all: [(ConstraintDefinition, column: String?)] = []
        for element in create.elements {
            switch element {
            case .column(let c): all += c.constraints.map { ($0, canonical(c.name)) }
            case .constraint(let c): all.append((c, nil))
            case .like: break
            }
        }
        return all.compactMap { (d, column) -> WrittenConstraint? in
            let name = d.name.map { $0.quoted ? $0.value : definition.text($0.span) }
            func make(
                _ kind: WrittenConstraint.Kind, _ cols: [String], expression: String? = nil, target: String? = nil
            )
                -> WrittenConstraint
            {
                WrittenConstraint(
                    kind: kind, name: name, columns: cols, expression: expression, target: target, column: column,
                    deferrable: d.deferrable ?? false, initiallyDeferred: d.initiallyDeferred ?? false)
            }
            switch d.kind {
            case .primaryKey(let key):
                return make(.primaryKey, key.columns.isEmpty ? (column.map { [$0] } ?? []) : key.columns.map(canonical))
            case .unique(let key):
                return make(.unique, key.columns.isEmpty ? (column.map { [$0] } ?? []) : key.columns.map(canonical))
            case .check(let e):
                return make(
                    .check, definition.columnsMentioned(in: e.span, among: columns), expression: definition.text(e.span)
                )
            case .foreignKey(let fk):
                let cols = fk.columns.isEmpty ? (column.map { [$0] } ?? []) : fk.columns.map(canonical)
                let target = fk.referencedTable.parts.last.map { $0.quoted ? $0.value : definition.text($0.span) }
                return make(.foreignKey, cols, target: target)
            default:
                return nil
            }
        }
    }
}
