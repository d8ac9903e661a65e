import SQLSyntax
import SchemaCatalog

// Small readers shared by the rules.

extension MigrationStatement {
    /// The ALTER TABLE statement on a table (not an index, view or type), if this is one.
    var alterTable: AlterTableStatement? {
        if case .alterTable(let a) = node, a.objectType == .table || a.objectType == .foreignTable,
            a.allInTablespace == nil
        {
            return a
        }
        return nil
    }

    /// The constraints an ALTER TABLE action adds: the one of `ADD CONSTRAINT`, or
    /// those written on a column that `ADD COLUMN` adds; none for other actions.
    /// The constraints every action of an ALTER TABLE adds, in order.
    static func addedConstraints(_ alter: AlterTableStatement) -> [ConstraintDefinition] {
        alter.actions.flatMap(addedConstraints)
    }

    static func addedConstraints(_ action: AlterTableAction) -> [ConstraintDefinition] {
        switch action {
        case .addConstraint(let c): return [c]
        case .addColumn(let column, _): return column.constraints
        default: return []
        }
    }

    /// `file:line`, for messages that point at another statement.
    var location: String { "\(file):\(line)" }
}

extension TypeName {
    /// The type's own name, lower case (`int4`, `varchar`, `serial`, `json`).
    var baseName: String { name.name.lowercased() }
}

extension ColumnDefinition {
    /// Whether the column is declared NOT NULL (or PRIMARY KEY).
    var declaredNotNull: Bool { isNotNull }

    var identity: Bool {
        constraints.contains { if case .identity = $0.kind { return true } else { return false } }
    }

    var storedGenerated: Bool {
        constraints.contains { if case .generated(_, .stored) = $0.kind { return true } else { return false } }
    }

    var generated: Bool {
        constraints.contains { if case .generated = $0.kind { return true } else { return false } }
    }

    var isSerial: Bool {
        ["serial", "serial2", "serial4", "serial8", "smallserial", "bigserial"].contains(type?.baseName ?? "")
    }
}

extension RuleContext {
    /// The table an ALTER TABLE statement acts on, before it (`a` is `s`'s own).
    func alteredTable(_ a: AlterTableStatement, _ s: MigrationStatement) -> ObjectKey? {
        // Worked out once per statement, when the context was made.
        if alteredTables.indices.contains(s.index) { return alteredTables[s.index] }
        return catalog(before: s).table(a.name)
    }

    /// The existing (non-empty) table an ALTER TABLE acts on, or nil when it is new or missing.
    func existingAlteredTable(_ s: MigrationStatement) -> (AlterTableStatement, ObjectKey)? {
        // Worked out once per statement, when the context was made.
        guard existingAlteredTables.indices.contains(s.index), let key = existingAlteredTables[s.index],
            let a = s.alterTable
        else { return nil }
        return (a, key)
    }

    /// Whether `exists` holds again when the statement's transaction commits: a break that
    /// the same transaction repairs is no break (SPEC §2).
    func restoredInTransaction(_ s: MigrationStatement, _ exists: (Catalog) -> Bool) -> Bool {
        guard let t = analysis.transaction(s.transaction), let last = t.statements.last, last > s.index else { return false }
        return exists(analysis.catalog(after: last))
    }

    /// A finding on statement `s`.
    func finding(_ s: MigrationStatement, _ message: String, table: ObjectKey? = nil, help: String? = nil,
                 severity: Severity? = nil, span: SourceSpan? = nil, notes: [String] = []) -> Finding {
        Finding(statement: s.index, message: message, help: help, severity: severity, span: span, table: table,
                notes: notes)
    }
}

import Diagnostics

/// `schema.table` for messages.
func display(_ key: ObjectKey) -> String { key.schema == "public" ? key.name : "\(key.schema).\(key.name)" }

/// A constraint's kind as DDL names it, for messages.
func constraintWord(_ kind: ConstraintKind) -> String {
    switch kind {
    case .check: return "CHECK"
    case .unique: return "UNIQUE"
    case .primaryKey: return "PRIMARY KEY"
    case .foreignKey: return "FOREIGN KEY"
    case .exclusion: return "EXCLUDE"
    case .notNull: return "NOT NULL"
    default: return "constraint"
    }
}

/// Whether `needle` occurs in `haystack`, byte for byte.
func occurs(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = needle.first else { return true }
    guard haystack.count >= needle.count else { return false }
    for i in 0...(haystack.count - needle.count) where haystack[i] == first {
        var j = 1
        while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
        if j == needle.count { return true }
    }
    return false
}

extension String {
    /// Whether `needle`'s UTF-8 bytes occur in this string's, compared as the
    /// server compares names (byte for byte). `contains` on two strings is
    /// Foundation's, which bridges both to NSString: most of a rule's time.
    func containsBytes(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { h in needle.withUTF8 { n in occurs(n, in: h) } }
    }
}
