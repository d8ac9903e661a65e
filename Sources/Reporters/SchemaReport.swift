import SchemaCatalog
import SQLSyntax

/// Renders a catalog for `switchgate schema`: JSON (the shape issue #3 fixes),
/// SQL that recreates it, or text for a person. Objects created by extensions
/// are left out, as `pg_dump` leaves them out.
public enum SchemaReport {
    public static func json(_ catalog: Catalog) -> String {
        var w = JSONWriter()
        w.beginObject()
        w.key("tables")
        w.beginArray()
        for table in catalog.tables.values.sorted(by: { $0.key < $1.key }) {
            w.beginObject()
            w.field("schema", table.key.schema)
            w.field("name", table.key.name)
            w.field("kind", table.partitionOf != nil ? "partition" : table.kind.rawValue)
            w.key("columns")
            w.beginArray()
            for column in table.columns {
                w.beginObject()
                w.field("name", column.name)
                w.field("type", column.type.sql)
                w.field("not_null", column.notNull)
                w.field("default", column.defaultValue?.sql)
                if let identity = column.identity { w.field("identity", identity.rawValue) }
                if let generated = column.generated { w.field("generated", generated.sql) }
                w.endObject()
            }
            w.endArray()
            w.key("constraints")
            w.beginArray()
            for constraint in table.constraints.sorted(by: { $0.name < $1.name }) {
                w.beginObject()
                w.field("name", constraint.name)
                w.field("type", constraint.kind.rawValue)
                w.key("columns")
                w.beginArray()
                for c in constraint.columns { w.value(c) }
                w.endArray()
                w.field("validated", constraint.validated)
                if let fk = constraint.foreignKey {
                    w.field("references", "\(fk.table.schema).\(fk.table.name)")
                    w.key("referenced_columns")
                    w.beginArray()
                    for c in fk.columns { w.value(c) }
                    w.endArray()
                    w.field("on_delete", fk.onDelete.rawValue)
                    w.field("on_update", fk.onUpdate.rawValue)
                }
                if let expression = constraint.expression, constraint.kind == .check { w.field("expression", expression) }
                w.endObject()
            }
            w.endArray()
            w.key("indexes")
            w.beginArray()
            for index in catalog.indexes(on: table.key) {
                w.beginObject()
                w.field("name", index.name)
                w.field("unique", index.unique)
                w.key("columns")
                w.beginArray()
                for part in index.keys {
                    switch part {
                    case .column(let name): w.value(name)
                    case .expression(let sql, _): w.value(sql)
                    }
                }
                w.endArray()
                w.field("predicate", index.predicate)
                w.field("method", index.method)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.key("views")
        w.beginArray()
        for view in catalog.views.values.sorted(by: { $0.key < $1.key }) {
            w.beginObject()
            w.field("schema", view.key.schema)
            w.field("name", view.key.name)
            w.field("materialized", view.materialized)
            w.key("columns")
            w.beginArray()
            for c in view.columns { w.value(c.name) }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.key("sequences")
        w.beginArray()
        for sequence in catalog.sequences.values.sorted(by: { $0.key < $1.key }) {
            w.beginObject()
            w.field("schema", sequence.key.schema)
            w.field("name", sequence.key.name)
            w.field("owned_by", sequence.ownedBy.map { "\($0.table.schema).\($0.table.name).\($0.column)" })
            w.endObject()
        }
        w.endArray()
        w.key("types")
        w.beginArray()
        for type in catalog.types.values.filter({ $0.extensionOwner == nil }).sorted(by: { $0.key < $1.key }) {
            w.beginObject()
            w.field("schema", type.key.schema)
            w.field("name", type.key.name)
            w.field("kind", type.kindName)
            w.key("values")
            w.beginArray()
            switch type.definition {
            case .enumeration(let labels): for l in labels { w.value(l) }
            case .composite(let attributes): for a in attributes { w.value("\(a.name) \(a.type.sql)") }
            case .domain(let domain): w.value(domain.baseType.sql)
            case .range(let subtype): w.value(subtype.sql)
            case .base: break
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.key("functions")
        w.beginArray()
        let functions = catalog.functions.values.flatMap { $0 }.filter { $0.extensionOwner == nil }
            .sorted { ($0.key, $0.signature) < ($1.key, $1.signature) }
        for function in functions {
            w.beginObject()
            w.field("schema", function.key.schema)
            w.field("name", function.key.name)
            w.field("arguments", function.argumentTypes.map(\.sql).joined(separator: ", "))
            w.field("returns", function.returns)
            w.field("volatility", function.volatility.rawValue)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.output
    }

    /// A short listing for a person: one line per object, columns indented.
    public static func text(_ catalog: Catalog) -> String {
        var out = ""
        for table in catalog.tables.values.sorted(by: { $0.key < $1.key }) {
            out += "table \(table.key)\n"
            for c in table.columns {
                var line = "  \(c.name) \(c.type.sql)"
                if c.notNull { line += " not null" }
                if let d = c.defaultValue { line += " default \(d.sql)" }
                out += line + "\n"
            }
            for constraint in table.constraints.sorted(by: { $0.name < $1.name }) {
                out += "  constraint \(constraint.name) \(constraint.kind.rawValue) (\(constraint.columns.joined(separator: ", ")))"
                out += constraint.validated ? "\n" : " not valid\n"
            }
            for index in catalog.indexes(on: table.key) {
                out += "  index \(index.name)\(index.unique ? " unique" : "") (\(index.keys.map(\.description).joined(separator: ", ")))\n"
            }
        }
        for view in catalog.views.values.sorted(by: { $0.key < $1.key }) {
            out += "\(view.materialized ? "materialized view" : "view") \(view.key) (\(view.columns.map(\.name).joined(separator: ", ")))\n"
        }
        for sequence in catalog.sequences.values.sorted(by: { $0.key < $1.key }) {
            out += "sequence \(sequence.key)\n"
        }
        for type in catalog.types.values.filter({ $0.extensionOwner == nil }).sorted(by: { $0.key < $1.key }) {
            out += "type \(type.key) \(type.kindName)\n"
        }
        return out
    }
}

extension IndexPart: CustomStringConvertible {
    public var description: String {
        switch self {
        case .column(let name): return name
        case .expression(let sql, _): return "(\(sql))"
        }
    }
}
