import SQLSyntax
import SchemaCatalog

// Tables and what hangs on them: columns, constraints, inheritance, triggers, policies.
extension IntrospectionRun {
    /// Columns of tables, views, materialized views and composite types, in attnum
    /// order, without dropped and system columns.
    mutating func readColumns() throws(PostgresError) {
        let generated = version >= 12 ? "a.attgenerated" : "''::\"char\""
        let columnRows = try rows(
            """
            SELECT a.attrelid, a.attnum, a.attname, a.atttypid, a.atttypmod,
                   format_type(a.atttypid, a.atttypmod) AS formatted,
                   a.attnotnull, a.attidentity, \(generated) AS attgenerated,
                   pg_get_expr(d.adbin, d.adrelid, true) AS default_sql, d.adbin::text AS default_tree,
                   ds.seq_schema, ds.seq_name,
                   CASE WHEN a.attcollation <> t.typcollation AND a.attcollation <> 0 THEN
                     CASE WHEN cn.nspname = 'pg_catalog' THEN co.collname ELSE cn.nspname || '.' || co.collname END
                   END AS collation
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            LEFT JOIN pg_collation co ON co.oid = a.attcollation
            LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
            LEFT JOIN LATERAL (
                SELECT sn.nspname AS seq_schema, s.relname AS seq_name
                FROM pg_depend dep
                JOIN pg_class s ON s.oid = dep.refobjid AND s.relkind = 'S'
                JOIN pg_namespace sn ON sn.oid = s.relnamespace
                WHERE dep.classid = 'pg_attrdef'::regclass AND dep.objid = d.oid
                  AND dep.refclassid = 'pg_class'::regclass
                ORDER BY s.oid LIMIT 1
            ) ds ON true
            WHERE a.attnum > 0 AND NOT a.attisdropped
              AND c.relkind IN ('r', 'p', 'f', 'v', 'm', 'c') AND \(Self.userSchema)
            ORDER BY a.attrelid, a.attnum
            """)

        // The volatility of every function a default calls, in one query.
        var called: Set<UInt32> = []
        for row in columnRows {
            if let tree = row["default_tree"] { called.formUnion(NodeTree.functionOIDs(tree)) }
        }
        let volatility = try functionVolatility(called)

        for row in columnRows {
            let relid = try row.oid("attrelid")
            guard let relation = relations[relid] else { continue }
            let name = try row.string("attname")
            let type = try columnType(
                oid: try row.oid("atttypid"), typmod: try row.int("atttypmod"), formatted: try row.string("formatted"),
                object: "\(relation.key.schema).\(relation.key.name).\(name)")
            var column = Column(name: name, type: type, notNull: try row.bool("attnotnull"))
            column.collation = row["collation"]
            switch row["attidentity"] ?? "" {
            case "a": column.identity = .always
            case "d": column.identity = .byDefault
            default: break
            }
            if let sql = row["default_sql"] {
                switch row["attgenerated"] ?? "" {
                case "s": column.generated = GeneratedColumn(sql: sql, stored: true)
                case "v": column.generated = GeneratedColumn(sql: sql, stored: false)
                default:
                    let tree = row["default_tree"] ?? ""
                    var sequence: ObjectKey?
                    if let schema = row["seq_schema"], let seq = row["seq_name"] { sequence = ObjectKey(schema, seq) }
                    column.defaultValue = DefaultValue(
                        sql: sql, volatility: NodeTree.volatility(tree, functionVolatility: volatility),
                        sequence: sequence)
                }
            }
            columns[relid, default: []].append((try row.int("attnum"), column))
        }
    }

    /// `provolatile` of the given functions.
    func functionVolatility(_ oids: Set<UInt32>) throws(PostgresError) -> [UInt32: Volatility] {
        guard !oids.isEmpty else { return [:] }
        let list = "{" + oids.sorted().map(String.init).joined(separator: ",") + "}"
        var result: [UInt32: Volatility] = [:]
        for row in try conn.query(
            "SELECT oid, provolatile FROM pg_proc WHERE oid = ANY($1::oid[])", parameters: [list]
        ).namedRows {
            result[try row.oid("oid")] = Self.volatility(try row.string("provolatile"))
        }
        return result
    }

    static func volatility(_ code: String) -> Volatility {
        switch code {
        case "i": return .immutable
        case "s": return .stable
        default: return .volatile
        }
    }

    mutating func readTables() throws(PostgresError) {
        for row in try rows(
            """
            SELECT c.oid, c.relkind, c.relpersistence, c.relrowsecurity
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p', 'f') AND \(Self.userSchema)
            """)
        {
            let oid = try row.oid("oid")
            guard let relation = relations[oid] else { continue }
            let kind: Table.Kind
            switch try row.string("relkind") {
            case "p": kind = .partitioned
            case "f": kind = .foreign
            default: kind = .table
            }
            let persistence: TablePersistence
            switch try row.string("relpersistence") {
            case "u": persistence = .unlogged
            case "t": persistence = .temporary
            default: persistence = .permanent
            }
            var table = Table(
                key: relation.key, kind: kind, persistence: persistence, columns: (columns[oid] ?? []).map(\.column))
            table.rowLevelSecurity = try row.bool("relrowsecurity")
            catalog.tables[relation.key] = table
        }
    }

    /// PRIMARY KEY, UNIQUE, CHECK, FOREIGN KEY and EXCLUDE constraints of tables.
    mutating func readConstraints() throws(PostgresError) {
        for row in try rows(
            """
            SELECT con.conrelid, con.conname, con.contype, con.convalidated, con.condeferrable, con.condeferred,
                   con.connoinherit, con.confdeltype, con.confupdtype, con.confmatchtype, con.confrelid,
                   pg_get_constraintdef(con.oid, true) AS definition,
                   CASE WHEN con.contype IN ('p', 'u', 'x') THEN ic.relname END AS index_name,
                   ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
                         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num
                         ORDER BY k.ord) AS key_columns,
                   ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
                         JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num
                         ORDER BY k.ord) AS referenced_columns,
                   rn.nspname AS referenced_schema, rc.relname AS referenced_table
            FROM pg_constraint con
            LEFT JOIN pg_class ic ON ic.oid = con.conindid
            LEFT JOIN pg_class rc ON rc.oid = con.confrelid
            LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
            WHERE con.conrelid <> 0 AND con.contype IN ('p', 'u', 'c', 'f', 'x')
            ORDER BY con.conrelid, con.oid
            """)
        {
            guard let key = try relationKey(row, "conrelid"), catalog.tables[key] != nil else { continue }
            let definition = try row.string("definition")
            let kind: Constraint.Kind
            switch try row.string("contype") {
            case "p": kind = .primaryKey
            case "u": kind = .unique
            case "c": kind = .check
            case "f": kind = .foreignKey
            default: kind = .exclusion
            }
            var constraint = Constraint(
                name: try row.string("conname"), kind: kind, columns: try row.strings("key_columns"),
                validated: try row.bool("convalidated"))
            constraint.deferrable = try row.bool("condeferrable")
            constraint.initiallyDeferred = try row.bool("condeferred")
            // pg_constraint marks every non-CHECK constraint NO INHERIT; the model means CHECK's clause.
            let noInherit = try row.bool("connoinherit")
            constraint.noInherit = kind == .check && noInherit
            constraint.index = row["index_name"]
            switch kind {
            case .check:
                constraint.expression = DefinitionText.checkExpression(definition)
            case .exclusion:
                constraint.expression = definition
            case .foreignKey:
                constraint.foreignKey = ForeignKey(
                    table: ObjectKey(try row.string("referenced_schema"), try row.string("referenced_table")),
                    columns: try row.strings("referenced_columns"),
                    onDelete: Self.referentialAction(row["confdeltype"]),
                    onUpdate: Self.referentialAction(row["confupdtype"]),
                    match: Self.matchType(row["confmatchtype"]))
            case .primaryKey, .unique:
                break
            }
            catalog.tables[key]?.constraints.append(constraint)
        }
    }

    static func referentialAction(_ code: String?) -> ForeignKeyAction {
        switch code {
        case "r": return .restrict
        case "c": return .cascade
        case "n": return .setNull
        case "d": return .setDefault
        default: return .noAction
        }
    }

    static func matchType(_ code: String?) -> String? {
        switch code {
        case "f": return "full"
        case "p": return "partial"
        default: return nil
        }
    }

    /// Partition parents and INHERITS parents.
    mutating func readInheritance() throws(PostgresError) {
        for row in try rows(
            """
            SELECT i.inhrelid, i.inhparent, c.relispartition
            FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE c.relkind IN ('r', 'p', 'f')
            ORDER BY i.inhrelid, i.inhseqno
            """)
        {
            guard let child = try relationKey(row, "inhrelid"), catalog.tables[child] != nil,
                let parent = try relationKey(row, "inhparent")
            else { continue }
            if try row.bool("relispartition") {
                catalog.tables[child]?.partitionOf = parent
            } else {
                catalog.tables[child]?.inherits.append(parent)
            }
        }
    }

    /// User triggers (not the internal ones behind foreign keys).
    mutating func readTriggers() throws(PostgresError) {
        for row in try rows(
            """
            SELECT tg.tgrelid, tg.tgname, tg.tgtype, pn.nspname AS function_schema, p.proname AS function_name
            FROM pg_trigger tg
            JOIN pg_proc p ON p.oid = tg.tgfoid
            JOIN pg_namespace pn ON pn.oid = p.pronamespace
            WHERE NOT tg.tgisinternal
            ORDER BY tg.tgrelid, tg.oid
            """)
        {
            guard let key = try relationKey(row, "tgrelid"), catalog.tables[key] != nil else { continue }
            // tgtype bits (pg_trigger.h): ROW 1, BEFORE 2, INSERT 4, DELETE 8, UPDATE 16, TRUNCATE 32, INSTEAD 64.
            let bits = try row.int("tgtype")
            let timing = bits & 64 != 0 ? "instead_of" : (bits & 2 != 0 ? "before" : "after")
            let events = [(4, "insert"), (8, "delete"), (16, "update"), (32, "truncate")]
                .filter { bits & $0.0 != 0 }.map(\.1)
            let trigger = Trigger(
                name: try row.string("tgname"),
                function: ObjectKey(try row.string("function_schema"), try row.string("function_name")),
                timing: timing, events: events, forEachRow: bits & 1 != 0)
            catalog.tables[key]?.triggers.append(trigger)
        }
    }

    mutating func readPolicies() throws(PostgresError) {
        for row in try rows(
            """
            SELECT pol.polrelid, pol.polname, pol.polcmd, pol.polpermissive,
                   ARRAY(SELECT CASE WHEN r = 0 THEN 'public' ELSE pg_get_userbyid(r) END
                         FROM unnest(pol.polroles) r) AS roles,
                   pg_get_expr(pol.polqual, pol.polrelid, true) AS using_expr,
                   pg_get_expr(pol.polwithcheck, pol.polrelid, true) AS check_expr
            FROM pg_policy pol
            ORDER BY pol.polrelid, pol.oid
            """)
        {
            guard let key = try relationKey(row, "polrelid"), catalog.tables[key] != nil else { continue }
            let command: String
            switch try row.string("polcmd") {
            case "r": command = "select"
            case "a": command = "insert"
            case "w": command = "update"
            case "d": command = "delete"
            default: command = "all"
            }
            let policy = Policy(
                name: try row.string("polname"), command: command, permissive: try row.bool("polpermissive"),
                roles: try row.strings("roles"), using: row["using_expr"], withCheck: row["check_expr"])
            catalog.tables[key]?.policies.append(policy)
        }
    }
}
