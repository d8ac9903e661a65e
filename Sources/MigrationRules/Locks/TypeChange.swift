import SchemaCatalog

/// Whether `ALTER COLUMN ... TYPE` must rewrite the table.
///
/// "ALTER TABLE, Notes": "changing the type of an existing column will require the
/// entire table and its indexes to be rewritten", except that "when the old type is
/// either binary coercible to the new type or an unconstrained domain over the new
/// type, a table rewrite is not needed", and a change of type modifier is free when the
/// length-coercion function's support function proves it (`varchar_support`,
/// `numeric_support`, `varbit_support`, `timestamp_support`, `interval_support`).
/// The pairs below are PostgreSQL's binary-coercible casts (`pg_cast.castmethod = 'b'`,
/// "CREATE CAST, Notes") that matter for columns, plus those modifier rules.
public enum TypeChange {
    /// The verdict and the reason, for notes.
    public struct Verdict: Sendable, Hashable {
        public var rewrites: Bool
        public var reason: String
    }

    /// `sessionTimeZoneIsUTC`: `timestamp` ↔ `timestamptz` needs no rewrite from
    /// PostgreSQL 12 when the session time zone is UTC ("Release 12": "Allow ALTER TABLE
    /// ... SET DATA TYPE changing between timestamp and timestamptz to avoid a table
    /// rewrite when the session time zone is UTC").
    public static func verdict(
        from old: ColumnType, to new: ColumnType, postgresVersion: Int, sessionTimeZoneIsUTC: Bool = false
    ) -> Verdict {
        let change = "\(old.sql) -> \(new.sql)"
        func free(_ why: String) -> Verdict { Verdict(rewrites: false, reason: "\(change) is \(why)") }
        func rewrite(_ why: String = "not binary-coercible") -> Verdict {
            Verdict(rewrites: true, reason: "\(change) is \(why)")
        }
        if old == new { return free("no change of type") }
        if old.isArray != new.isArray { return rewrite() }
        if old.isArray {
            // Array element coercions are ArrayCoerceExpr, never simplified away.
            return old.element == new.element ? free("no change of type") : rewrite()
        }
        if old.schema != nil || new.schema != nil {
            return old.schema == new.schema && old.name == new.name && old.modifiers == new.modifiers
                ? free("no change of type") : rewrite("a change between user-defined types")
        }
        let o = old.modifiers
        let n = new.modifiers
        switch (old.name, new.name) {
        case ("varchar", "varchar"):
            if n.isEmpty { return free("binary-coercible (the length limit is removed)") }
            if let a = o.first, let b = n.first, b >= a { return free("binary-coercible (the length limit grows)") }
            return rewrite("a shorter length limit, checked by rewriting every row")
        case ("varchar", "text"):
            return free("binary-coercible")
        case ("text", "varchar"):
            if n.isEmpty { return free("binary-coercible") }
            return rewrite("a length limit, checked by rewriting every row")
        case ("bpchar", "text"), ("bpchar", "varchar"):
            return rewrite("not binary-coercible (trailing blanks are stripped)")
        case ("numeric", "numeric"):
            if n.isEmpty { return free("binary-coercible (the precision limit is removed)") }
            if o.count == 2, n.count == 2, n[1] == o[1], n[0] >= o[0] {
                return free("binary-coercible (precision grows at equal scale)")
            }
            return rewrite("a change of scale or a smaller precision")
        case ("varbit", "varbit"), ("bit", "varbit"):
            if n.isEmpty { return free("binary-coercible") }
            if let a = o.first, let b = n.first, b >= a { return free("binary-coercible (the length limit grows)") }
            return rewrite("a shorter length limit")
        case ("cidr", "inet"), ("xml", "text"), ("text", "text"):
            return free("binary-coercible")
        case ("timestamp", "timestamp"), ("timestamptz", "timestamptz"), ("time", "time"), ("timetz", "timetz"):
            if n.isEmpty { return free("binary-coercible (the precision limit is removed)") }
            if let a = o.first, let b = n.first, b >= a { return free("binary-coercible (precision grows)") }
            return rewrite("a smaller precision, rounded by rewriting every row")
        case ("interval", "interval"):
            if old.intervalFields == new.intervalFields && (n.isEmpty || (o.first.map { n[0] >= $0 } ?? false)) {
                return free("binary-coercible")
            }
            return rewrite("a change of interval fields or a smaller precision")
        case ("timestamp", "timestamptz"), ("timestamptz", "timestamp"):
            if postgresVersion >= 12 && sessionTimeZoneIsUTC && o == n {
                return free("not rewritten when the session time zone is UTC (PostgreSQL 12+)")
            }
            return rewrite(
                postgresVersion >= 12
                    ? "rewritten unless the session time zone is UTC (assumed not)" : "rewritten before PostgreSQL 12")
        default:
            return rewrite()
        }
    }
}
