import SchemaCatalog
import SQLSyntax

/// DDL that recreates a catalog (`switchgate schema --format sql`). Replaying it
/// gives the same catalog back (a test checks the round trip); objects whose
/// definition is not kept (function bodies) are listed as comments.
public enum SchemaSQL {
    public static func render(_ catalog: Catalog) -> String {
        var out = ""
        let home = catalog.creationSchema
        func name(_ key: ObjectKey) -> String {
            key.schema == home ? SQLName.quoted(key.name) : key.description
        }
        for schema in catalog.schemas.keys.sorted() where schema != home && schema != "public" {
            out += "CREATE SCHEMA \(SQLName.quoted(schema));\n"
        }
        for ext in catalog.extensions.values.sorted(by: { $0.name < $1.name }) {
            out += "CREATE EXTENSION IF NOT EXISTS \(SQLName.quoted(ext.name)) SCHEMA \(SQLName.quoted(ext.schema));\n"
        }
        let types = catalog.types.values.filter { $0.extensionOwner == nil }.sorted { $0.key < $1.key }
        for type in types {
            switch type.definition {
            case .enumeration(let labels):
                out += "CREATE TYPE \(name(type.key)) AS ENUM (\(labels.map(literal).joined(separator: ", ")));\n"
            case .composite(let attributes):
                out += "CREATE TYPE \(name(type.key)) AS (\(attributes.map { "\(SQLName.quoted($0.name)) \($0.type.sql)" }.joined(separator: ", ")));\n"
            case .domain(let domain):
                var line = "CREATE DOMAIN \(name(type.key)) AS \(domain.baseType.sql)"
                if let d = domain.defaultValue { line += " DEFAULT \(d)" }
                if domain.notNull { line += " NOT NULL" }
                for (checkName, expression) in domain.checks.sorted(by: { $0.key < $1.key }) {
                    line += " CONSTRAINT \(SQLName.quoted(checkName)) CHECK (\(expression))"
                }
                out += line + ";\n"
            case .range(let subtype):
                out += "CREATE TYPE \(name(type.key)) AS RANGE (SUBTYPE = \(subtype.sql));\n"
            case .base:
                out += "CREATE TYPE \(name(type.key));\n"
            }
        }
        // Sequences that serial columns do not recreate themselves.
        let serialSequences = Set(catalog.tables.values.flatMap { $0.columns.compactMap { $0.defaultValue?.sequence } })
        let identitySequences = Set(catalog.sequences.values.filter { s in
            s.ownedBy.map { o in catalog.tables[o.table]?.column(o.column)?.identity != nil } ?? false
        }.map(\.key))
        for sequence in catalog.sequences.values.sorted(by: { $0.key < $1.key })
        where !identitySequences.contains(sequence.key) {
            out += "CREATE SEQUENCE \(name(sequence.key)) AS \(sequence.dataType.sql);\n"
        }
        var foreignKeys: [String] = []
        for table in catalog.tables.values.sorted(by: { $0.key < $1.key }) {
            var lines: [String] = []
            for column in table.columns {
                var line = "    \(SQLName.quoted(column.name)) \(column.type.sql)"
                if let collation = column.collation { line += " COLLATE \(SQLName.quoted(collation))" }
                if let identity = column.identity {
                    line += " GENERATED \(identity == .always ? "ALWAYS" : "BY DEFAULT") AS IDENTITY"
                } else if let generated = column.generated {
                    line += " GENERATED ALWAYS AS (\(generated.sql)) \(generated.stored ? "STORED" : "VIRTUAL")"
                } else if let d = column.defaultValue {
                    line += " DEFAULT \(d.sql)"
                }
                if column.notNull && column.identity == nil { line += " NOT NULL" }
                lines.append(line)
            }
            for constraint in table.constraints {
                let columns = constraint.columns.map(SQLName.quoted).joined(separator: ", ")
                let head = "    CONSTRAINT \(SQLName.quoted(constraint.name)) "
                switch constraint.kind {
                case .primaryKey: lines.append(head + "PRIMARY KEY (\(columns))")
                case .unique: lines.append(head + "UNIQUE\(constraint.nullsNotDistinct ? " NULLS NOT DISTINCT" : "") (\(columns))")
                case .check:
                    lines.append(head + "CHECK (\(constraint.expression ?? "true"))\(constraint.noInherit ? " NO INHERIT" : "")")
                case .exclusion:
                    if let expression = constraint.expression { lines.append("    " + expression) }
                case .foreignKey:
                    guard let fk = constraint.foreignKey else { continue }
                    var line = "ALTER TABLE \(name(table.key)) ADD CONSTRAINT \(SQLName.quoted(constraint.name)) FOREIGN KEY (\(columns)) "
                    line += "REFERENCES \(name(fk.table)) (\(fk.columns.map(SQLName.quoted).joined(separator: ", ")))"
                    if fk.onDelete != .noAction { line += " ON DELETE \(fk.onDelete.rawValue.uppercased())" }
                    if fk.onUpdate != .noAction { line += " ON UPDATE \(fk.onUpdate.rawValue.uppercased())" }
                    if constraint.deferrable { line += " DEFERRABLE" }
                    if constraint.initiallyDeferred { line += " INITIALLY DEFERRED" }
                    if !constraint.validated { line += " NOT VALID" }
                    foreignKeys.append(line + ";")
                }
            }
            var head = "CREATE "
            if table.persistence == .unlogged { head += "UNLOGGED " }
            out += head + "TABLE \(name(table.key)) (\n" + lines.joined(separator: ",\n") + "\n);\n"
            // CHECKs added NOT VALID stay not valid.
            for constraint in table.constraints where constraint.kind == .check && !constraint.validated {
                out += "ALTER TABLE \(name(table.key)) DROP CONSTRAINT \(SQLName.quoted(constraint.name));\n"
                out += "ALTER TABLE \(name(table.key)) ADD CONSTRAINT \(SQLName.quoted(constraint.name)) CHECK (\(constraint.expression ?? "true")) NOT VALID;\n"
            }
        }
        for sequence in catalog.sequences.values.sorted(by: { $0.key < $1.key })
        where !identitySequences.contains(sequence.key) {
            if let owner = sequence.ownedBy {
                out += "ALTER SEQUENCE \(name(sequence.key)) OWNED BY \(name(owner.table)).\(SQLName.quoted(owner.column));\n"
            }
        }
        _ = serialSequences
        for index in catalog.indexes.values.sorted(by: { $0.key < $1.key }) where index.constraint == nil {
            var line = "CREATE \(index.unique ? "UNIQUE " : "")INDEX \(SQLName.quoted(index.name)) ON \(name(index.table))"
            if index.method != "btree" { line += " USING \(index.method)" }
            let keys = index.keys.map { part -> String in
                switch part {
                case .column(let c): return SQLName.quoted(c)
                case .expression(let sql, _): return "(\(sql))"
                }
            }
            line += " (" + keys.joined(separator: ", ") + ")"
            if !index.include.isEmpty { line += " INCLUDE (\(index.include.map(SQLName.quoted).joined(separator: ", ")))" }
            if let predicate = index.predicate { line += " WHERE \(predicate)" }
            out += line + ";\n"
        }
        out += foreignKeys.map { $0 + "\n" }.joined()
        for view in orderedViews(catalog) {
            out += "CREATE \(view.materialized ? "MATERIALIZED " : "")VIEW \(name(view.key)) AS \(view.query);\n"
        }
        for function in catalog.functions.values.flatMap({ $0 }).filter({ $0.extensionOwner == nil }).sorted(by: { $0.signature < $1.signature }) {
            out += "-- function \(name(function.key))(\(function.argumentTypes.map(\.sql).joined(separator: ", "))): body not kept\n"
        }
        return out
    }

    /// Views after the views they read.
    private static func orderedViews(_ catalog: Catalog) -> [View] {
        var done: Set<ObjectKey> = []
        var result: [View] = []
        var pending = catalog.views.values.sorted { $0.key < $1.key }
        while !pending.isEmpty {
            let ready = pending.filter { v in v.dependencies.keys.allSatisfy { catalog.views[$0] == nil || done.contains($0) || $0 == v.key } }
            let batch = ready.isEmpty ? pending : ready
            for v in batch { done.insert(v.key); result.append(v) }
            pending.removeAll { done.contains($0.key) }
        }
        return result
    }

    private static func literal(_ s: String) -> String {
        "'" + s.replacingSingleQuotes() + "'"
    }
}

extension String {
    fileprivate func replacingSingleQuotes() -> String {
        var out = ""
        for c in self { out += c == "'" ? "''" : String(c) }
        return out
    }
}
