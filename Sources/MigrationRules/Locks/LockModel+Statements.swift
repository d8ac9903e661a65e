import SQLSyntax
import SchemaCatalog

extension LockAnalysis {
    /// One switch over every PostgreSQL statement form. Lock modes per command are those of
    /// "13.3.1 Table-Level Locks" unless a comment cites the command's own page.
    mutating func statement(_ node: StatementNode) {
        switch node {
        case .select(let s):
            effects.isDataStatement = true
            // ACCESS SHARE: "The SELECT command acquires a lock of this mode on referenced tables";
            // ROW SHARE: "SELECT FOR UPDATE / FOR SHARE ... on the target table(s)".
            lockForQuery(s)
            if !s.locking.isEmpty { lockForQuery(s, .rowShare) }
        case .insert(let s):
            effects.isDataStatement = true
            // ROW EXCLUSIVE: "acquired by any command that modifies data in a table".
            lockNamed(s.table, .rowExclusive)
            effects.table = relation(s.table)?.key
            if let source = s.source { lockForQuery(source) }
        case .update(let s):
            dataChange(s.table.name, extra: s.from)
        case .delete(let s):
            dataChange(s.table.name, extra: s.using)
        case .merge(let s):
            dataChange(s.target.name, extra: [s.source])
            if model.postgresVersion < 15 { effects.unsupported = "MERGE needs PostgreSQL 15" }
        case .copy(let s):
            effects.isDataStatement = true
            if let table = s.table { lockNamed(table, s.isFrom ? .rowExclusive : .accessShare) }
        case .createTable(let s):
            createTable(s)
        case .createTableAs(let s):
            lockForQuery(s.query)
            if s.withData { for name in relationsRead(by: s.query) { if let r = relation(name) { effects.scans.insert(r.key) } } }
        case .alterTable(let s):
            alterTable(s)
        case .createIndex(let s):
            createIndex(s)
        case .drop(let s):
            drop(s)
        case .truncate(let s):
            truncate(s)
        case .rename(let s):
            rename(s)
        case .alterObjectSchema(let s):
            if s.objectType.isRelation { lockNamed(s.object.name, .accessExclusive) }
        case .createView(let s):
            createView(s)
        case .alterSequence(let s):
            // ALTER SEQUENCE changes the sequence's own row: SHARE ROW EXCLUSIVE on it.
            lockNamed(s.name, .shareRowExclusive, default: .sequence)
            cite(.observedOnServer)
        case .alterType(let s):
            alterType(s)
        case .alterDomain(let s):
            alterDomain(s)
        case .createTrigger(let s):
            // SHARE ROW EXCLUSIVE: "Acquired by CREATE TRIGGER and some forms of ALTER TABLE".
            lockNamed(s.table, .shareRowExclusive)
            effects.table = relation(s.table)?.key
            note("CREATE TRIGGER takes SHARE ROW EXCLUSIVE, which blocks writes while it waits and runs", .tableLevelLocks)
        case .createPolicy(let s):
            // CREATE/ALTER POLICY change the table's row security: ACCESS EXCLUSIVE.
            lockNamed(s.table, .accessExclusive)
            effects.table = relation(s.table)?.key
            cite(.observedOnServer)
        case .comment(let s):
            // SHARE UPDATE EXCLUSIVE: "Acquired by ... COMMENT ON".
            if s.objectType.isRelation {
                lockNamed(s.object.name, .shareUpdateExclusive)
            } else if s.objectType == .column || s.objectType == .constraint, let table = s.object.table {
                lockNamed(table, .shareUpdateExclusive)
            }
        case .maintenance(let s):
            maintenance(s)
        case .lock(let s):
            // "LOCK TABLE ... If no lock mode is specified, then ACCESS EXCLUSIVE"; descendants
            // are locked too unless ONLY (LOCK, Description).
            let mode = LockMode(name: s.effectiveMode) ?? .accessExclusive
            for target in s.tables {
                lockNamed(target.name, mode)
                if !target.only, let key = catalog.table(target.name) {
                    for child in descendants(of: key) { effects.lock(child, .table, mode) }
                }
            }
            note("LOCK TABLE takes \(mode) until the transaction ends", .lockTable)
        case .createSequence, .createType, .createDomain, .createSchema, .createExtension, .createFunction, .grant,
            .setVariable, .transaction, .doBlock, .pragma:
            break
        case .other(let s):
            other(s)
        }
    }

    /// UPDATE, DELETE, MERGE: ROW EXCLUSIVE on the target and, through the planner, its indexes.
    mutating func dataChange(_ target: QualifiedName, extra: [FromItem]) {
        effects.isDataStatement = true
        lockNamed(target, .rowExclusive)
        if let r = relation(target) {
            effects.table = r.key
            if r.kind == .table && !indexKeys(of: r.key).isEmpty {
                lockIndexes(of: r.key, .rowExclusive)
                cite(.observedOnServer)
            }
        }
        for item in extra {
            let query = SelectStatement(
                body: .select(SelectCore(targets: [], from: [item], span: .zero)), span: .zero)
            lockForQuery(query)
        }
    }

    mutating func createTable(_ s: CreateTableStatement) {
        func foreignKey(_ fk: ForeignKeyConstraint) {
            // "REFERENCES ... SHARE ROW EXCLUSIVE lock on the referenced table" (the FK triggers).
            let referenced = tableKey(fk.referencedTable)
            effects.lock(referenced, .table, .shareRowExclusive)
            if let index = referencedIndex(referenced, columns: fk.referencedColumns.map(\.value)) {
                effects.lock(index, .index, .accessShare)
            }
        }
        for element in s.elements {
            switch element {
            case .column(let c):
                for k in c.constraints { if case .foreignKey(let fk) = k.kind { foreignKey(fk) } }
            case .constraint(let k):
                if case .foreignKey(let fk) = k.kind { foreignKey(fk) }
            case .like(let like):
                lockNamed(like.source, .accessShare)
            }
        }
        if let parent = s.partitionOf {
            // CREATE TABLE ... PARTITION OF: ACCESS EXCLUSIVE on the parent (and on a default
            // partition, which is scanned; the catalog does not say which one that is).
            lockNamed(parent, .accessExclusive)
            note("CREATE TABLE ... PARTITION OF takes ACCESS EXCLUSIVE on the parent", .partitioning)
        }
        for parent in s.inherits {
            lockNamed(parent, .shareUpdateExclusive)
            cite(.observedOnServer)
        }
    }

    mutating func createIndex(_ s: CreateIndexStatement) {
        let table = tableKey(s.table)
        effects.table = table
        let kind = relation(s.table)?.kind ?? .table
        // An index lives in its table's schema; PostgreSQL names an unnamed one table_column_idx.
        let columns = s.keys.compactMap { key -> String? in
            if case .column(let c) = key.element.key { return c.value } else { return nil }
        }
        let indexKey = ObjectKey(
            table.schema, s.name?.name ?? "\(table.name)_\(columns.isEmpty ? "expr" : columns.joined(separator: "_"))_idx")
        if s.ifNotExists, catalog.indexes[indexKey] != nil {
            note("the index exists: IF NOT EXISTS makes this a no-op", .createIndex)
            return
        }
        effects.buildsIndexes.insert(indexKey)
        let partitions = s.only ? [] : descendants(of: table)
        if catalog.tables[table]?.kind == .partitioned && model.postgresVersion < 11 {
            effects.unsupported = "indexes on partitioned tables need PostgreSQL 11"
        }
        if s.concurrently {
            // "CREATE INDEX ... CONCURRENTLY ... SHARE UPDATE EXCLUSIVE"; "a regular CREATE INDEX
            // command can be performed within a transaction block, but CREATE INDEX CONCURRENTLY cannot".
            effects.lock(table, kind, .shareUpdateExclusive)
            effects.mayRunInTransactionBlock = false
            effects.scans.insert(table)
            if catalog.tables[table]?.kind == .partitioned {
                effects.unsupported = "CREATE INDEX CONCURRENTLY is not supported on a partitioned table"
            }
            note("CREATE INDEX CONCURRENTLY scans the table twice under SHARE UPDATE EXCLUSIVE, which allows writes; it cannot run in a transaction block", .createIndexConcurrently)
            if model.postgresVersion == 14 { noteConcurrentIndexBug() }
        } else {
            // "Normally PostgreSQL locks the table to be indexed against writes and performs the
            // entire index build with a single scan of the table" (CREATE INDEX): SHARE.
            effects.lock(table, kind, .share)
            for p in partitions { effects.lock(p, .table, .share) }
            effects.scans.insert(table)
            for p in partitions { effects.scans.insert(p) }
            note("CREATE INDEX holds SHARE, blocking writes for the whole build; use CONCURRENTLY", .createIndex)
        }
    }

    mutating func createView(_ s: CreateViewStatement) {
        if s.orReplace, let existing = relation(s.name) {
            // CREATE OR REPLACE VIEW replaces the view's rule: ACCESS EXCLUSIVE on the view.
            effects.lock(existing.key, existing.kind, .accessExclusive)
        }
        if s.materialized && s.populates {
            // The query runs: ACCESS SHARE on what it reads and, through the planner, their indexes.
            lockForQuery(s.query)
            for name in relationsRead(by: s.query) { if let r = relation(name) { effects.scans.insert(r.key) } }
        } else {
            lockForQuery(s.query, indexes: false)
        }
    }

    mutating func alterType(_ s: AlterTypeStatement) {
        if case .addValue = s.action {
            // "ALTER TYPE ... ADD VALUE ... cannot be executed inside a transaction block" before
            // 12; from 12 it can, but the new value cannot be used until the transaction commits.
            effects.mayRunInTransactionBlock = model.postgresVersion >= 12
            note(
                model.postgresVersion >= 12
                    ? "ALTER TYPE ... ADD VALUE may run in a transaction block, but the value is unusable until commit"
                    : "ALTER TYPE ... ADD VALUE cannot run inside a transaction block before PostgreSQL 12",
                .alterTypeAddValue)
        }
    }

    mutating func alterDomain(_ s: AlterDomainStatement) {
        // ADD CONSTRAINT / SET NOT NULL on a domain check every column of that type, holding
        // SHARE on each table (ALTER DOMAIN, Notes); NOT VALID skips the check.
        guard let key = catalog.type(s.name) else { return }
        var checks = false
        switch s.action {
        case .addConstraint(let c): checks = !c.notValid
        case .setNotNull(let on): checks = on
        case .validateConstraint: checks = true
        default: checks = false
        }
        guard checks else { return }
        cite(.alterDomain)
        cite(.observedOnServer)
        for table in catalog.tables.values.sorted(by: { $0.key < $1.key }) {
            if table.columns.contains(where: { $0.type.schema == key.schema && $0.type.name == key.name }) {
                effects.lock(table.key, .table, .share)
                effects.scans.insert(table.key)
            }
        }
    }

    mutating func other(_ s: OtherStatement) {
        switch s.kind {
        case .createStatistics:
            // SHARE UPDATE EXCLUSIVE: "Acquired by ... CREATE STATISTICS".
            // The table follows the last FROM: `CREATE STATISTICS name ON cols FROM table`.
            if let table = nameAfterLastFrom(statementText) { lockNamed(table, .shareUpdateExclusive) }
        default:
            break
        }
    }

    /// `schema.table` after the last `FROM` of a statement's text (unquoted names only).
    func nameAfterLastFrom(_ text: String) -> QualifiedName? {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == ";" })
        guard let i = words.lastIndex(where: { $0.lowercased() == "from" }), i + 1 < words.count else { return nil }
        return QualifiedName(dotted: words[i + 1].lowercased())
    }

    /// The page that gives the statement's lock level, cited for every statement.
    mutating func citeLockSource(_ node: StatementNode) {
        switch node {
        case .alterTable(let s) where s.objectType == .table || s.objectType == .foreignTable: cite(.alterTable)
        case .createIndex(let s): cite(s.concurrently ? .createIndexConcurrently : .createIndex)
        case .drop(let s) where s.objectType == .index: cite(.dropIndex)
        case .drop(let s) where s.objectType == .table: cite(.dropTable)
        case .truncate: cite(.truncate)
        case .lock: cite(.lockTable)
        case .createTrigger: cite(.createTrigger)
        case .maintenance(let s) where s.command == .cluster: cite(.cluster)
        case .maintenance(let s) where s.command == .vacuum: cite(.vacuum)
        case .maintenance(let s) where s.command == .reindex: cite(s.concurrently ? .reindexConcurrently : .reindex)
        case .maintenance(let s) where s.command == .refresh: cite(.refreshMaterializedView)
        case .alterType: cite(.alterTypeAddValue)
        case .rename, .alterObjectSchema: cite(.alterTable)
        case .createTable(let s) where !s.constraints.isEmpty || s.columns.contains(where: { !$0.constraints.isEmpty }):
            cite(.createTable)
        case .createView: cite(.createView)
        default: break
        }
        cite(.tableLevelLocks)
    }

    /// PostgreSQL 14.0 to 14.3 could build corrupt indexes concurrently; the minor version is unknown here.
    mutating func noteConcurrentIndexBug() {
        note("on PostgreSQL 14.0 to 14.3, CREATE INDEX CONCURRENTLY and REINDEX CONCURRENTLY can miss rows (fixed in 14.4): check the minor version", .release14_4)
    }
}
