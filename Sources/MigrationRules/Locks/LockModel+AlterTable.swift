import SQLSyntax
import SchemaCatalog

// ALTER TABLE, one action at a time. Lock levels are those "ALTER TABLE, Description"
// gives for each form ("... acquires a SHARE UPDATE EXCLUSIVE lock"); where it is
// silent, "An ACCESS EXCLUSIVE lock is acquired unless explicitly noted" (same section).
// Rewrites and scans follow "ALTER TABLE, Notes".
extension LockAnalysis {
    mutating func alterTable(_ s: AlterTableStatement) {
        if let all = s.allInTablespace {
            // ALTER TABLE ALL IN TABLESPACE moves every table it finds: ACCESS EXCLUSIVE on each.
            note("ALL IN TABLESPACE \(all.tablespace.value) locks and copies every table it moves", .alterTable)
            return
        }
        switch s.objectType {
        case .table, .foreignTable:
            break
        case .index:
            alterIndex(s)
            return
        case .view, .materializedView, .sequence:
            alterOtherRelation(s)
            return
        case .type:
            return
        }
        let table = tableKey(s.name)
        effects.table = table
        // Most actions recurse to partitions and inheritance children, with the same
        // lock ("ALTER TABLE, Description": "the name of an existing table ... If ONLY is
        // not specified, the table and all its descendant tables (if any) are altered").
        let children = s.only ? [] : descendants(of: table)
        for action in s.actions {
            // The same catalog: what was worked out of it serves every action.
            var one = LockAnalysis(model: model, catalog: catalog, source: source)
            one.effects.table = table
            one.alterTableAction(action, table, children: children)
            effects.merge(one.effects)
        }
    }

    /// The lock ALTER TABLE takes on the table for one action, and what else it does.
    mutating func alterTableAction(_ action: AlterTableAction, _ table: ObjectKey, children: [ObjectKey]) {
        let kind: RelationKind = .table
        func onTable(_ mode: LockMode, recurse: Bool = true) {
            effects.lock(table, kind, mode)
            if recurse { for child in children { effects.lock(child, .table, mode) } }
        }
        switch action {
        case .addColumn(let definition, _):
            onTable(.accessExclusive)
            addColumn(definition, table)
        case .dropColumn(let name, _, _):
            onTable(.accessExclusive)
            note("DROP COLUMN only marks the column dropped; the space is reclaimed by later writes", .alterTableNotes)
            for index in catalog.indexes(on: table) where indexReads(index, column: name.value) {
                effects.lock(index.key, .index, .accessExclusive)
            }
        case .alterColumn(let name, let change):
            alterColumn(name.value, change, table, children: children)
        case .addConstraint(let constraint):
            addConstraint(constraint, table, children: children, newColumnHasDefault: true)
        case .alterConstraint:
            onTable(.accessExclusive, recurse: false)
        case .validateConstraint(let name):
            // "VALIDATE CONSTRAINT ... acquires a SHARE UPDATE EXCLUSIVE lock on the table
            // being altered. If the constraint is a foreign key then a ROW SHARE lock is also
            // required on the table referenced by the constraint."
            onTable(.shareUpdateExclusive)
            let constraint = catalog.tables[table]?.constraint(name.value)
            if constraint?.validated == true {
                note("constraint \(name.value) is already validated: nothing to scan", .alterTableValidate)
                return
            }
            effects.scans.insert(table)
            note("VALIDATE CONSTRAINT scans the table under SHARE UPDATE EXCLUSIVE, which blocks neither reads nor writes", .alterTableValidate)
            if let fk = constraint?.foreignKey {
                effects.lock(fk.table, .table, .rowShare)
                foreignKeyCheckQuery(table, referenced: fk.table)
            }
        case .dropConstraint(let name, _, _):
            onTable(.accessExclusive)
            let constraint = catalog.tables[table]?.constraint(name.value)
            if let fk = constraint?.foreignKey {
                // Dropping the FK drops its triggers on the referenced table too.
                effects.lock(fk.table, .table, .accessExclusive)
            }
            if let constraint, let indexName = constraint.index {
                effects.lock(ObjectKey(table.schema, indexName), .index, .accessExclusive)
            }
            if let constraint, constraint.kind == .primaryKey || constraint.kind == .unique {
                // CASCADE drops the foreign keys that use this key, and their triggers.
                for (other, c) in catalog.foreignKeys(referencing: table) where c.kind == .foreignKey {
                    if Set(c.foreignKey?.columns ?? []) == Set(constraint.columns) || c.foreignKey?.columns.isEmpty == true {
                        effects.lock(other, .table, .accessExclusive)
                    }
                }
            }
        case .setTablespace:
            // "SET TABLESPACE ... the table's data file(s) are moved"; indexes stay where they are.
            onTable(.accessExclusive, recurse: false)
            effects.rewrites.insert(table)
            effects.scans.insert(table)
            note("SET TABLESPACE copies the table's files under ACCESS EXCLUSIVE", .alterTable)
        case .setLogged(let logged):
            // "SET LOGGED / UNLOGGED ... the table is rewritten" (ALTER TABLE, Description).
            onTable(.accessExclusive, recurse: false)
            let current = catalog.tables[table]?.persistence
            if (logged && current == .permanent) || (!logged && current == .unlogged) {
                note("the table is already \(logged ? "LOGGED" : "UNLOGGED"): nothing to rewrite", .alterTable)
            } else {
                rewrite(table, "SET \(logged ? "LOGGED" : "UNLOGGED") rewrites the table and its indexes", .alterTable)
            }
        case .setAccessMethod(let method):
            onTable(.accessExclusive, recurse: false)
            if model.postgresVersion < 15 { effects.unsupported = "SET ACCESS METHOD needs PostgreSQL 15" }
            // The catalog does not record a table's access method: taken to be heap, the default.
            if let method, method.value != "heap" {
                rewrite(table, "SET ACCESS METHOD \(method.value) rewrites the table into the new method", .alterTable)
            } else {
                note("SET ACCESS METHOD to the current method (heap) rewrites nothing", .alterTable)
            }
        case .setOptions(let options):
            onTable(storageParameterLock(options.map(\.name)), recurse: false)
        case .resetOptions(let names):
            onTable(storageParameterLock(names), recurse: false)
        case .setWithoutCluster:
            onTable(.shareUpdateExclusive, recurse: false)
        case .clusterOn(let index):
            // "CLUSTER ON / SET WITHOUT CLUSTER ... require a SHARE UPDATE EXCLUSIVE lock".
            onTable(.shareUpdateExclusive, recurse: false)
            effects.lock(ObjectKey(table.schema, index.value), .index, .shareUpdateExclusive)
        case .setWithoutOids:
            onTable(.accessExclusive, recurse: false)
        case .ownerTo, .rowLevelSecurity, .replicaIdentity, .of, .notOf, .rule, .foreignOptions:
            onTable(.accessExclusive, recurse: false)
        case .trigger:
            // "DISABLE/ENABLE [ REPLICA | ALWAYS ] TRIGGER ... requires SHARE ROW EXCLUSIVE".
            onTable(.shareRowExclusive, recurse: false)
        case .inherit(let parent), .noInherit(let parent):
            onTable(.accessExclusive, recurse: false)
            effects.lock(tableKey(parent), .table, .shareUpdateExclusive)
        case .attachPartition(let partition, let bound):
            attachPartition(table, partition, bound)
        case .detachPartition(let partition, let mode):
            detachPartition(table, partition, mode)
        case .dependsOnExtension:
            onTable(.accessExclusive, recurse: false)
        }
    }

    /// Whether an index reads a column (as a key, an INCLUDE column or in its predicate).
    func indexReads(_ index: SchemaCatalog.Index, column: String) -> Bool {
        index.keys.contains { $0.columns.contains(column) } || index.include.contains(column)
            || (index.predicate.map { squeezed($0).containsBytes(column) } ?? false)
    }

    /// Rewrite: new files for the table and every index, rebuilt under ACCESS EXCLUSIVE.
    mutating func rewrite(_ table: ObjectKey, _ why: String, _ citation: Citation) {
        effects.rewrites.insert(table)
        effects.scans.insert(table)
        for index in indexKeys(of: table) {
            effects.lock(index, .index, .accessExclusive)
            effects.buildsIndexes.insert(index)
        }
        note(why, citation)
    }

    /// "ALTER TABLE, SET ( storage_parameter ...)": "SHARE UPDATE EXCLUSIVE lock will be taken
    /// for fillfactor, toast and autovacuum storage parameters, as well as the planner
    /// parameter parallel_workers" (and the other vacuum/planner ones listed in
    /// `AlterTableGetRelOptionsLockLevel`); anything else takes ACCESS EXCLUSIVE.
    func storageParameterLock(_ names: [String]) -> LockMode {
        let light: Set<String> = [
            "fillfactor", "parallel_workers", "toast_tuple_target", "vacuum_index_cleanup", "vacuum_truncate",
            "log_autovacuum_min_duration",
        ]
        for raw in names {
            let name = raw.hasPrefix("toast.") ? String(raw.dropFirst(6)) : raw
            if light.contains(name) || name.hasPrefix("autovacuum_") { continue }
            return .accessExclusive
        }
        return .shareUpdateExclusive
    }

    // MARK: ADD COLUMN

    mutating func addColumn(_ definition: ColumnDefinition, _ table: ObjectKey) {
        let column = definition.name.value
        var rewriteReason: String?
        let typeName = definition.type?.name.name ?? ""
        let isSerial = ["serial", "serial2", "serial4", "serial8", "smallserial", "bigserial"].contains(typeName)
        let defaultExpr = definition.defaultValue
        var hasDefault = defaultExpr != nil && !(defaultExpr.map(isNullLiteral) ?? false)
        for c in definition.constraints {
            switch c.kind {
            case .identity:
                rewriteReason = "ADD COLUMN ... GENERATED AS IDENTITY fills every existing row from a sequence: the table is rewritten"
                hasDefault = true
            case .generated(_, let storage):
                if model.postgresVersion < 12 {
                    effects.unsupported = "generated columns need PostgreSQL 12"
                } else if storage == .virtual && model.postgresVersion < 18 {
                    effects.unsupported = "virtual generated columns need PostgreSQL 18"
                }
                if storage == .stored || model.postgresVersion < 18 {
                    rewriteReason = "ADD COLUMN ... GENERATED ALWAYS AS (...) STORED computes every existing row: the table is rewritten"
                    hasDefault = true
                } else {
                    note("a virtual generated column (PostgreSQL 18) is computed on read: no rewrite", .generatedColumns)
                }
            default: break
            }
        }
        if isSerial {
            rewriteReason = "ADD COLUMN \(typeName) draws nextval() for every existing row (a volatile default): the table is rewritten"
            hasDefault = true
        } else if let expr = defaultExpr, rewriteReason == nil, hasDefault {
            let text = source.text(expr)
            let volatility = ExpressionFacts.volatility(expr) { name in
                guard let key = catalog.resolve(name, exists: { catalog.functions[$0] != nil }) else { return nil }
                return catalog.functions[key]?.map(\.volatility).max()
            }
            if model.postgresVersion < 11 {
                rewriteReason = "ADD COLUMN with DEFAULT \(text) rewrites the table before PostgreSQL 11"
            } else if volatility == .volatile {
                rewriteReason = "ADD COLUMN with the volatile DEFAULT \(text) computes it for every row: the table is rewritten"
            } else {
                note(
                    "ADD COLUMN with the non-volatile DEFAULT \(text) stores the value in the catalog (PostgreSQL 11+): no rewrite",
                    .fastDefault)
            }
        }
        if let reason = rewriteReason {
            rewrite(table, reason, reason.containsBytes("before PostgreSQL 11") ? .alterTableNotes : .fastDefault)
        }
        // A new column's NOT NULL needs a scan only when rows get a value (a rewrite does it);
        // column CHECK, UNIQUE, PRIMARY KEY and REFERENCES follow their own rules.
        for c in definition.constraints {
            switch c.kind {
            case .check, .unique, .primaryKey, .foreignKey, .exclusion:
                var constraint = c
                if case .foreignKey(var fk) = c.kind, fk.columns.isEmpty {
                    fk.columns = [definition.name]
                    constraint.kind = .foreignKey(fk)
                }
                if case .unique(var key) = c.kind, key.columns.isEmpty {
                    key.columns = [definition.name]
                    constraint.kind = .unique(key)
                }
                if case .primaryKey(var key) = c.kind, key.columns.isEmpty {
                    key.columns = [definition.name]
                    constraint.kind = .primaryKey(key)
                }
                addConstraint(constraint, table, children: [], newColumnHasDefault: hasDefault, newColumn: column)
            default: break
            }
        }
    }

    func isNullLiteral(_ e: Expr) -> Bool {
        switch e.kind {
        case .literal(.null): return true
        case .cast(let inner, _): return isNullLiteral(inner)
        default: return false
        }
    }
}
