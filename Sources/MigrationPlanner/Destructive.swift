import MigrationRules
import SQLSyntax
import SchemaCatalog

/// SPEC §2's destructive statements: they go to contract unless green needs them.
/// DROP of a table, column, view, index, sequence, type, function, schema or
/// trigger; narrowing a column type; DROP DEFAULT; REVOKE. Relaxations (DROP NOT
/// NULL, DROP CONSTRAINT, widening a type) are not destructive.
enum Destructive {
    static let droppedKinds: Set<SchemaObjectType> = [
        .table, .view, .materializedView, .index, .sequence, .type, .domain, .function, .procedure, .routine,
        .aggregate, .schema, .trigger, .foreignTable,
    ]

    static func isDestructive(_ statement: MigrationStatement, before: Catalog) -> Bool {
        guard let node = statement.statement?.node else { return false }
        switch node {
        case .drop(let drop):
            return droppedKinds.contains(drop.objectType)
        case .grant(let grant):
            return !grant.isGrant
        case .alterTable(let alter):
            for action in alter.actions {
                switch action {
                case .dropColumn: return true
                case .alterColumn(let column, .dropDefault):
                    if hasDefault(column.value, of: alter.name, in: before) { return true }
                case .alterColumn(let column, .setDataType(let written, _, _)):
                    if isNarrowing(column.value, of: alter.name, to: written, in: before) { return true }
                default: continue
                }
            }
            return false
        default:
            return false
        }
    }

    static func table(_ name: QualifiedName, in catalog: Catalog) -> Table? {
        catalog.table(name).flatMap { catalog.tables[$0] }
    }

    static func hasDefault(_ column: String, of name: QualifiedName, in catalog: Catalog) -> Bool {
        table(name, in: catalog)?.columns.first { $0.name == column }?.defaultValue != nil
    }

    static func isNarrowing(_ column: String, of name: QualifiedName, to written: TypeName, in catalog: Catalog) -> Bool {
        guard let old = table(name, in: catalog)?.columns.first(where: { $0.name == column })?.type,
            let new = try? catalog.resolveType(written).type
        else { return false }
        return !TypeWidening.holdsEveryValue(of: old, in: new)
    }
}

/// Whether every value of one column type fits another, for the type changes
/// that matter to a rollout: lengths, precisions and the integer ladder.
enum TypeWidening {
    static let integerRank = ["int2": 0, "int4": 1, "int8": 2]
    static let textual: Set<String> = ["varchar", "text", "bpchar"]

    static func holdsEveryValue(of old: ColumnType, in new: ColumnType) -> Bool {
        if old == new { return true }
        guard old.isArray == new.isArray, old.schema == nil, new.schema == nil else { return false }
        switch (old.name, new.name) {
        case let (a, b) where integerRank[a] != nil && integerRank[b] != nil:
            return integerRank[a, default: 0] <= integerRank[b, default: 0]
        case let (a, "numeric") where integerRank[a] != nil:
            // numeric without precision holds any integer; with one, enough digits must remain.
            guard let precision = new.modifiers.first else { return true }
            let scale = new.modifiers.count > 1 ? new.modifiers[1] : 0
            let digits = [0: 5, 1: 10, 2: 19][integerRank[a, default: 2]] ?? 19
            return precision - scale >= digits
        case ("numeric", "numeric"):
            guard let newPrecision = new.modifiers.first else { return true }
            guard let oldPrecision = old.modifiers.first else { return false }
            let oldScale = old.modifiers.count > 1 ? old.modifiers[1] : 0
            let newScale = new.modifiers.count > 1 ? new.modifiers[1] : 0
            return newScale >= oldScale && newPrecision - newScale >= oldPrecision - oldScale
        case ("float4", "float8"):
            return true
        case let (a, b) where textual.contains(a) && textual.contains(b):
            if b == "text" { return true }
            // varchar without a length is unlimited; character without one is character(1).
            guard let newLength = new.modifiers.first else { return b == "varchar" || old.modifiers.first == 1 }
            guard let oldLength = old.modifiers.first else { return false }
            return newLength >= oldLength
        case ("timestamp", "timestamptz"), ("timestamptz", "timestamp"), ("cidr", "inet"), ("json", "jsonb"):
            return true
        case ("varbit", "varbit"), ("bit", "varbit"):
            guard let newLength = new.modifiers.first else { return true }
            guard let oldLength = old.modifiers.first else { return false }
            return newLength >= oldLength
        default:
            return false
        }
    }
}
