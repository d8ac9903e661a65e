import SchemaCatalog

// Views, sequences, user types, functions and extensions.
extension IntrospectionRun {
    /// Views and materialized views, with the columns and functions their rules read.
    mutating func readViews() throws(PostgresError) {
        for row in try rows(
            """
            SELECT c.oid, pg_get_viewdef(c.oid, true) AS definition
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('v', 'm') AND \(Self.userSchema)
            """)
        {
            let oid = try row.oid("oid")
            guard let relation = relations[oid] else { continue }
            let viewColumns = (columns[oid] ?? []).map { ViewColumn(name: $0.column.name, type: $0.column.type) }
            catalog.views[relation.key] = View(
                key: relation.key, materialized: relation.kind == "m", columns: viewColumns,
                query: DefinitionText.viewQuery(row["definition"] ?? ""))
        }
        for row in try rows(
            """
            SELECT DISTINCT r.ev_class AS view_oid, d.refclassid = 'pg_proc'::regclass AS is_function,
                   rn.nspname AS relation_schema, rc.relname AS relation_name, a.attname,
                   pn.nspname AS function_schema, p.proname AS function_name
            FROM pg_rewrite r
            JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid AND d.deptype = 'n'
            LEFT JOIN pg_class rc ON d.refclassid = 'pg_class'::regclass AND rc.oid = d.refobjid
            LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace
            LEFT JOIN pg_attribute a ON d.refclassid = 'pg_class'::regclass AND a.attrelid = d.refobjid
                                     AND a.attnum = d.refobjsubid AND d.refobjsubid > 0
            LEFT JOIN pg_proc p ON d.refclassid = 'pg_proc'::regclass AND p.oid = d.refobjid
            LEFT JOIN pg_namespace pn ON pn.oid = p.pronamespace
            WHERE d.refobjid <> r.ev_class AND d.refclassid IN ('pg_class'::regclass, 'pg_proc'::regclass)
            """)
        {
            guard let view = try relationKey(row, "view_oid"), catalog.views[view] != nil else { continue }
            if try row.bool("is_function") {
                if let schema = row["function_schema"], let name = row["function_name"] {
                    catalog.views[view]?.functionDependencies.insert(ObjectKey(schema, name))
                }
            } else if let schema = row["relation_schema"], let name = row["relation_name"] {
                // A whole-relation dependency (count(*), a view's own rule) leaves the column set empty.
                let key = ObjectKey(schema, name)
                var read = catalog.views[view]?.dependencies[key] ?? []
                if let column = row["attname"] { read.insert(column) }
                catalog.views[view]?.dependencies[key] = read
            }
        }
    }

    /// Sequences with their options and `OWNED BY` column (serial, identity or explicit).
    mutating func readSequences() throws(PostgresError) {
        for row in try rows(
            """
            SELECT s.seqrelid, s.seqtypid, format_type(s.seqtypid, NULL) AS formatted, s.seqincrement, s.seqmin,
                   s.seqmax, s.seqstart, s.seqcycle, own.owner_schema, own.owner_table, own.owner_column
            FROM pg_sequence s
            LEFT JOIN LATERAL (
                SELECT tn.nspname AS owner_schema, t.relname AS owner_table, a.attname AS owner_column
                FROM pg_depend d
                JOIN pg_class t ON t.oid = d.refobjid
                JOIN pg_namespace tn ON tn.oid = t.relnamespace
                JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                WHERE d.classid = 'pg_class'::regclass AND d.objid = s.seqrelid
                  AND d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i')
                LIMIT 1
            ) own ON true
            """)
        {
            guard let key = try relationKey(row, "seqrelid") else { continue }
            let dataType = try columnType(
                oid: try row.oid("seqtypid"), typmod: -1, formatted: try row.string("formatted"),
                object: "sequence \(key.schema).\(key.name)")
            var sequence = Sequence(key: key, dataType: dataType)
            if let schema = row["owner_schema"], let table = row["owner_table"], let column = row["owner_column"] {
                sequence.ownedBy = ColumnReference(table: ObjectKey(schema, table), column: column)
            }
            sequence.increment = try row.int64("seqincrement")
            sequence.minValue = try row.int64("seqmin")
            sequence.maxValue = try row.int64("seqmax")
            sequence.start = try row.int64("seqstart")
            sequence.cycle = try row.bool("seqcycle")
            catalog.sequences[key] = sequence
        }
    }

    /// Enums, composite types, domains, ranges and base types in user schemas.
    mutating func readTypes() throws(PostgresError) {
        let extensionFilter = includeExtensionMembers ? "" : "AND ext.extname IS NULL"
        var domainChecks: [UInt32: [String: String]] = [:]
        for row in try rows(
            """
            SELECT con.contypid, con.conname, pg_get_constraintdef(con.oid, true) AS definition
            FROM pg_constraint con WHERE con.contypid <> 0 AND con.contype = 'c'
            """)
        {
            domainChecks[try row.oid("contypid"), default: [:]][try row.string("conname")] =
                DefinitionText.checkExpression(try row.string("definition"))
        }
        for row in try rows(
            """
            SELECT t.oid, n.nspname, t.typname, ext.extname, t.typtype, t.typrelid, t.typbasetype, t.typtypmod, t.typnotnull,
                   t.typdefault, format_type(t.typbasetype, t.typtypmod) AS base_formatted,
                   rg.rngsubtype, format_type(rg.rngsubtype, NULL) AS subtype_formatted,
                   ARRAY(SELECT e.enumlabel FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS labels
            FROM pg_type t
            JOIN pg_namespace n ON n.oid = t.typnamespace
            LEFT JOIN pg_class c ON c.oid = t.typrelid
            LEFT JOIN pg_range rg ON rg.rngtypid = t.oid
            LEFT JOIN LATERAL (\(Self.owningExtension("pg_type", "t.oid"))) ext ON true
            WHERE \(Self.userSchema) AND t.typisdefined \(extensionFilter)
              AND (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND c.relkind = 'c')
                   OR (t.typtype = 'b' AND t.typcategory <> 'A'))
            ORDER BY t.oid
            """)
        {
            let key = ObjectKey(try row.string("nspname"), try row.string("typname"))
            let definition: UserType.Definition
            switch try row.string("typtype") {
            case "e":
                definition = .enumeration(try row.strings("labels"))
            case "c":
                let relid = try row.oid("typrelid")
                guard relations[relid] != nil else { continue }
                definition = .composite(
                    (columns[relid] ?? []).map { CompositeAttribute(name: $0.column.name, type: $0.column.type) })
            case "d":
                let base = try columnType(
                    oid: try row.oid("typbasetype"), typmod: try row.int("typtypmod"),
                    formatted: try row.string("base_formatted"), object: "domain \(key.schema).\(key.name)")
                definition = .domain(
                    Domain(
                        baseType: base, notNull: try row.bool("typnotnull"), defaultValue: row["typdefault"],
                        checks: domainChecks[try row.oid("oid")] ?? [:]))
            case "r":
                let subtype = try columnType(
                    oid: try row.oid("rngsubtype"), typmod: -1, formatted: try row.string("subtype_formatted"),
                    object: "range \(key.schema).\(key.name)")
                definition = .range(subtype: subtype)
            default:
                definition = .base
            }
            catalog.types[key] = UserType(key: key, definition: definition, extensionOwner: row["extname"])
        }
    }

    /// Functions and procedures (not aggregates or window functions).
    mutating func readFunctions() throws(PostgresError) {
        let extensionFilter = includeExtensionMembers ? "" : "AND ext.extname IS NULL"
        let kind =
            version >= 11
            ? "p.prokind" : "CASE WHEN p.proisagg THEN 'a' WHEN p.proiswindow THEN 'w' ELSE 'f' END"
        for row in try rows(
            """
            SELECT p.oid, n.nspname, p.proname, ext.extname, \(kind) AS prokind, p.provolatile, l.lanname, p.pronargs,
                   p.proargtypes, p.proargnames, p.proargmodes,
                   ARRAY(SELECT format_type(a.t, -1) FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY a(t, ord)
                         ORDER BY a.ord) AS formatted_arguments,
                   pg_get_function_result(p.oid) AS result
            FROM pg_proc p
            JOIN pg_namespace n ON n.oid = p.pronamespace
            JOIN pg_language l ON l.oid = p.prolang
            LEFT JOIN LATERAL (\(Self.owningExtension("pg_proc", "p.oid"))) ext ON true
            WHERE \(Self.userSchema) \(extensionFilter)
              -- Range constructors and other functions a type made for itself come and go with it.
              AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_proc'::regclass AND i.objid = p.oid
                              AND i.deptype = 'i')
            ORDER BY p.oid
            """)
        {
            let prokind = try row.string("prokind")
            guard prokind == "f" || prokind == "p" else { continue }
            let key = ObjectKey(try row.string("nspname"), try row.string("proname"))
            let argumentOIDs = try row.ints("proargtypes")
            let formatted = try row.strings("formatted_arguments")
            var argumentTypes: [ColumnType] = []
            for (i, oid) in argumentOIDs.enumerated() {
                guard let typeOID = UInt32(exactly: oid) else { throw .unexpectedResult("argument type oid \(oid)") }
                argumentTypes.append(
                    try columnType(
                        oid: typeOID, typmod: -1, formatted: i < formatted.count ? formatted[i] : "",
                        object: "function \(key.schema).\(key.name) argument \(i + 1)"))
            }
            var function = Function(
                key: key, argumentTypes: argumentTypes,
                argumentNames: Self.inputArgumentNames(
                    names: try row.array("proargnames"), modes: try row.array("proargmodes"),
                    count: argumentTypes.count),
                returns: prokind == "p" ? nil : row["result"],
                volatility: Self.volatility(try row.string("provolatile")), language: try row.string("lanname"),
                isProcedure: prokind == "p")
            if function.argumentNames.allSatisfy(\.isEmpty) { function.argumentNames = [] }
            function.extensionOwner = row["extname"]
            catalog.functions[key, default: []].append(function)
        }
    }

    /// The names of the input arguments (IN, INOUT, VARIADIC), "" where unnamed.
    static func inputArgumentNames(names: [String?], modes: [String?], count: Int) -> [String] {
        var out: [String] = []
        if modes.isEmpty {
            out = names.prefix(count).map { $0 ?? "" }
        } else {
            for (i, mode) in modes.enumerated() where mode == "i" || mode == "b" || mode == "v" {
                out.append(i < names.count ? names[i] ?? "" : "")
            }
        }
        while out.count < count { out.append("") }
        return Array(out.prefix(count))
    }

    mutating func readExtensions() throws(PostgresError) {
        for row in try rows(
            """
            SELECT e.extname, n.nspname, e.extversion
            FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
            """)
        {
            let name = try row.string("extname")
            catalog.extensions[name] = Extension(name: name, schema: try row.string("nspname"), version: row["extversion"])
        }
    }
}
