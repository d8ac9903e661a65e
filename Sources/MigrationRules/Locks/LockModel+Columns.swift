import SQLSyntax
import SchemaCatalog

// ALTER COLUMN and ADD CONSTRAINT.
extension LockAnalysis {
    mutating func alterColumn(_ column: String, _ change: AlterColumnAction, _ table: ObjectKey, children: [ObjectKey]) {
        func onTable(_ mode: LockMode, recurse: Bool = true) {
            effects.lock(table, .table, mode)
            if recurse { for child in children { effects.lock(child, .table, mode) } }
        }
        let current = catalog.tables[table]?.column(column)
        switch change {
        case .setDataType(let written, _, let using):
            onTable(.accessExclusive)
            alterColumnType(column, current, written, using, table)
        case .setDefault, .dropDefault:
            onTable(.accessExclusive)
            note("SET/DROP DEFAULT changes only the catalog; existing rows keep their values", .alterTable)
        case .setNotNull:
            onTable(.accessExclusive)
            setNotNull(column, current, table)
        case .dropNotNull:
            onTable(.accessExclusive)
        case .setExpression:
            onTable(.accessExclusive)
            if model.postgresVersion < 17 { effects.unsupported = "SET EXPRESSION needs PostgreSQL 17" }
            if current?.generated?.stored ?? true {
                rewrite(table, "SET EXPRESSION recomputes a stored generated column: the table is rewritten", .alterTable)
            }
        case .dropExpression, .addIdentity, .setIdentity, .dropIdentity, .foreignOptions:
            onTable(.accessExclusive)
        case .setStatistics, .setOptions, .resetOptions:
            // "SET STATISTICS acquires a SHARE UPDATE EXCLUSIVE lock"; "SET ( attribute_option ...)
            // ... acquires a SHARE UPDATE EXCLUSIVE lock" (ALTER TABLE, Description).
            onTable(.shareUpdateExclusive)
        case .setStorage, .setCompression:
            // No reduced level is documented: ACCESS EXCLUSIVE. Existing values are not changed.
            onTable(.accessExclusive)
            if case .setCompression = change, model.postgresVersion < 14 {
                effects.unsupported = "SET COMPRESSION needs PostgreSQL 14"
            }
            note("SET STORAGE / SET COMPRESSION apply to values written later: no rewrite", .alterTable)
        }
    }

    mutating func alterColumnType(
        _ column: String, _ current: Column?, _ written: TypeName, _ using: Expr?, _ table: ObjectKey
    ) {
        // Indexes on the column are checked and rebuilt unless reusable, under ACCESS EXCLUSIVE.
        for index in catalog.indexes(on: table) where indexReads(index, column: column) {
            effects.lock(index.key, .index, .accessExclusive)
        }
        let usingIsColumn: Bool = {
            guard let using else { return true }
            if case .column(let name) = using.kind, name.name == column { return true }
            return false
        }()
        let verdict: TypeChange.Verdict
        if let current, let target = try? catalog.resolveType(written).type {
            verdict = usingIsColumn
                ? TypeChange.verdict(
                    from: current.type, to: target, postgresVersion: model.postgresVersion,
                    sessionTimeZoneIsUTC: model.sessionTimeZoneIsUTC)
                : TypeChange.Verdict(
                    rewrites: true, reason: "... USING \(using.map { source.text($0) } ?? ""): every row is recomputed")
        } else {
            verdict = TypeChange.Verdict(
                rewrites: true, reason: "\(source.text(written.span)): the old type is unknown, assumed to rewrite")
        }
        foreignKeysOnAlteredColumn(column, table, rewrites: verdict.rewrites)
        if verdict.rewrites {
            rewrite(table, "ALTER COLUMN \(column) TYPE \(verdict.reason): the table and its indexes are rewritten", .typeConversion)
            return
        }
        note("ALTER COLUMN \(column) TYPE \(verdict.reason): no rewrite", .typeConversion)
        // CHECK constraints on the column are re-added and so re-checked by a scan.
        let checks = catalog.tables[table]?.constraints.filter { c in
            c.kind == .check && c.validated && (c.columns.contains(column) || squeezed(c.expression ?? "").contains(column))
        } ?? []
        if !checks.isEmpty {
            effects.scans.insert(table)
            note("the CHECK constraints on \(column) (\(checks.map(\.name).joined(separator: ", "))) are re-checked by a full scan", .alterTableNotes)
        }
    }

    /// A foreign key on the altered column (either side) is dropped and re-created: ACCESS
    /// EXCLUSIVE on the other table (its triggers go), and when the type is not binary-coercible
    /// a validated key is checked again by a query over both tables.
    mutating func foreignKeysOnAlteredColumn(_ column: String, _ table: ObjectKey, rewrites: Bool) {
        var pairs: [(referencing: ObjectKey, referenced: ObjectKey, validated: Bool, columns: [String])] = []
        for c in catalog.tables[table]?.constraints ?? [] where c.kind == .foreignKey && c.columns.contains(column) {
            if let fk = c.foreignKey { pairs.append((table, fk.table, c.validated, fk.columns)) }
        }
        // By referencing table in key order, each table's keys in their order, so
        // effects do not depend on the catalog's storage order.
        for (other, c) in catalog.foreignKeys(referencing: table) where c.kind == .foreignKey {
            if let fk = c.foreignKey, fk.columns.contains(column) {
                pairs.append((other, table, c.validated, fk.columns))
            }
        }
        for pair in pairs {
            effects.lock(pair.referencing, .table, .accessExclusive)
            effects.lock(pair.referenced, .table, .accessExclusive)
            if let index = referencedIndex(pair.referenced, columns: pair.columns) { effects.lock(index, .index, .accessShare) }
            if pair.validated && rewrites {
                foreignKeyCheckQuery(pair.referencing, referenced: pair.referenced)
                note("the foreign key is re-created and its rows checked again", .alterTableNotes)
            } else {
                cite(.observedOnServer)
            }
        }
    }

    mutating func setNotNull(_ column: String, _ current: Column?, _ table: ObjectKey) {
        if current?.notNull == true {
            note("\(column) is already NOT NULL: nothing to check", .alterTableSetNotNull)
            return
        }
        // "SET NOT NULL may only be applied to a column provided none of the records in the table
        // contain a NULL value for the column. Ordinarily this is checked during the ALTER TABLE
        // by scanning the entire table; however, if a valid CHECK constraint is found which
        // proves no NULL can exist, then the table scan is skipped" (PostgreSQL 12+).
        if model.postgresVersion >= 12, let proof = notNullProof(column, table) {
            note("SET NOT NULL skips the scan: the validated CHECK \(proof) proves \(column) IS NOT NULL (PostgreSQL 12+)", .alterTableSetNotNull)
            return
        }
        effects.scans.insert(table)
        note("SET NOT NULL scans the whole table under ACCESS EXCLUSIVE" + (model.postgresVersion >= 12 ? " (no validated CHECK (\(column) IS NOT NULL) proves it)" : " (before PostgreSQL 12 a CHECK cannot spare the scan)"), .alterTableSetNotNull)
        for child in descendants(of: table) { effects.scans.insert(child) }
    }

    /// A validated CHECK whose expression is, or has as a top-level AND term, `column IS NOT NULL`.
    func notNullProof(_ column: String, _ table: ObjectKey) -> String? {
        for c in catalog.tables[table]?.constraints ?? [] where c.kind == .check && c.validated {
            let terms = squeezed(c.expression ?? "").splitAtAnd()
            if terms.contains("\(column)isnotnull") || terms.contains("\"\(column)\"isnotnull") { return c.name }
        }
        return nil
    }

    // MARK: ADD CONSTRAINT

    mutating func addConstraint(
        _ constraint: ConstraintDefinition, _ table: ObjectKey, children: [ObjectKey], newColumnHasDefault: Bool,
        newColumn: String? = nil
    ) {
        func onTable(_ mode: LockMode) {
            effects.lock(table, .table, mode)
            for child in children { effects.lock(child, .table, mode) }
        }
        // A new column without a default holds only NULLs: nothing to check.
        let emptyColumn = newColumn != nil && !newColumnHasDefault
        switch constraint.kind {
        case .check(let expr):
            // "ADD table_constraint ... ACCESS EXCLUSIVE" unless noted (FOREIGN KEY).
            onTable(.accessExclusive)
            if constraint.notValid {
                note("ADD CHECK ... NOT VALID skips the scan; VALIDATE CONSTRAINT checks the rows later without blocking writes", .alterTableAddConstraint)
            } else if constraint.enforced == false {
                note("a NOT ENFORCED CHECK (PostgreSQL 18) is not checked", .alterTableAddConstraint)
            } else {
                // Even a new column without a default is checked by a scan: PostgreSQL does not
                // shortcut a CHECK the way it does a foreign key on an all-NULL column.
                effects.scans.insert(table)
                for child in children { effects.scans.insert(child) }
                note("ADD CHECK (\(source.text(expr))) scans the whole table under ACCESS EXCLUSIVE; add it NOT VALID and VALIDATE separately", .alterTableAddConstraint)
            }
        case .foreignKey(let fk):
            // "ADD FOREIGN KEY ... requires a SHARE ROW EXCLUSIVE lock on the referenced table, in
            // addition to the lock on the table on which the constraint is declared" — which is
            // also SHARE ROW EXCLUSIVE ("ALTER TABLE, Description").
            effects.lock(table, .table, newColumn == nil ? .shareRowExclusive : .accessExclusive)
            let referenced = tableKey(fk.referencedTable)
            effects.lock(referenced, .table, .shareRowExclusive)
            if let index = referencedIndex(referenced, columns: fk.referencedColumns.map(\.value)) {
                effects.lock(index, .index, .accessShare)
            }
            if constraint.notValid {
                note("ADD FOREIGN KEY ... NOT VALID skips the check of existing rows", .alterTableAddConstraint)
            } else if emptyColumn {
                note("the new column holds only NULLs, so the foreign key has no rows to check", .alterTableAddConstraint)
            } else {
                effects.scans.insert(table)
                foreignKeyCheckQuery(table, referenced: referenced)
                note("ADD FOREIGN KEY checks every row while both tables are locked against writes (SHARE ROW EXCLUSIVE); add it NOT VALID and VALIDATE separately", .alterTableAddConstraint)
            }
        case .unique(let key), .primaryKey(let key):
            onTable(.accessExclusive)
            let isPrimary: Bool = { if case .primaryKey = constraint.kind { return true } else { return false } }()
            if let existing = key.usingIndex {
                // "ADD table_constraint_using_index": the index is adopted (and renamed), no build.
                effects.lock(ObjectKey(table.schema, existing.value), .index, .shareUpdateExclusive)
                note("ADD CONSTRAINT ... USING INDEX \(existing.value) adopts the index without a build", .alterTableUsingIndex)
                if isPrimary { primaryKeyNotNull(table, columns: catalog.indexes[ObjectKey(table.schema, existing.value)]?.columnNames ?? []) }
                return
            }
            effects.scans.insert(table)
            let indexName = constraint.name?.value ?? "\(table.name)_\(key.columns.map(\.value).joined(separator: "_"))_\(isPrimary ? "pkey" : "key")"
            effects.buildsIndexes.insert(ObjectKey(table.schema, indexName))
            note("ADD \(isPrimary ? "PRIMARY KEY" : "UNIQUE") builds its index while holding ACCESS EXCLUSIVE; build it with CREATE UNIQUE INDEX CONCURRENTLY and add the constraint USING INDEX", .alterTableAddConstraint)
            if isPrimary { primaryKeyNotNull(table, columns: key.columns.map(\.value)) }
        case .exclusion:
            onTable(.accessExclusive)
            effects.scans.insert(table)
            effects.buildsIndexes.insert(ObjectKey(table.schema, constraint.name?.value ?? "\(table.name)_excl"))
            note("ADD EXCLUDE builds its index under ACCESS EXCLUSIVE and cannot be NOT VALID", .alterTableAddConstraint)
        case .notNull(let column):
            onTable(.accessExclusive)
            if model.postgresVersion < 18 { effects.unsupported = "a named table NOT NULL constraint needs PostgreSQL 18" }
            if constraint.notValid {
                note("ADD CONSTRAINT ... NOT NULL ... NOT VALID (PostgreSQL 18) skips the scan", .alterTableAddConstraint)
            } else if let column {
                setNotNull(column.value, catalog.tables[table]?.column(column.value), table)
            }
        case .null, .default, .generated, .identity:
            break
        }
    }

    /// PRIMARY KEY makes its columns NOT NULL, which scans unless they already are.
    mutating func primaryKeyNotNull(_ table: ObjectKey, columns: [String]) {
        for column in columns {
            if let c = catalog.tables[table]?.column(column), !c.notNull {
                setNotNull(column, c, table)
            }
        }
    }

    /// The check of existing rows of a foreign key is one query (`RI_Initial_Check`) joining
    /// both tables: the planner opens both and their indexes with ACCESS SHARE.
    mutating func foreignKeyCheckQuery(_ table: ObjectKey, referenced: ObjectKey) {
        for t in [table, referenced] {
            effects.lock(t, .table, .accessShare)
            lockIndexes(of: t, .accessShare)
            effects.scans.insert(t)
        }
        cite(.observedOnServer)
    }
}
