import SchemaCatalog

// Indexes (pg_index), whether made by CREATE INDEX or by a constraint.
extension IntrospectionRun {
    mutating func readIndexes() throws(PostgresError) {
        let nullsNotDistinct = version >= 15 ? "i.indnullsnotdistinct" : "false"
        for row in try rows(
            """
            SELECT i.indexrelid, i.indrelid, i.indisunique, i.indisvalid, i.indnkeyatts, i.indkey,
                   \(nullsNotDistinct) AS nulls_not_distinct, am.amname,
                   pg_get_expr(i.indpred, i.indrelid, true) AS predicate, i.indexprs::text AS expression_tree,
                   ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true)
                         FROM generate_series(1, i.indnkeyatts) k ORDER BY k) AS key_definitions,
                   (SELECT con.conname FROM pg_constraint con
                    WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')
                    LIMIT 1) AS constraint_name
            FROM pg_index i
            JOIN pg_class ic ON ic.oid = i.indexrelid
            JOIN pg_am am ON am.oid = ic.relam
            ORDER BY i.indrelid, i.indexrelid
            """)
        {
            let tableOID = try row.oid("indrelid")
            guard let index = relations[try row.oid("indexrelid")], let table = relations[tableOID] else { continue }
            let attributes = try row.ints("indkey")
            let keyCount = min(try row.int("indnkeyatts"), attributes.count)
            let definitions = try row.strings("key_definitions")
            var expressions = NodeTree.listElements(row["expression_tree"] ?? "")[...]
            var keys: [IndexPart] = []
            for (position, attribute) in attributes.prefix(keyCount).enumerated() {
                if attribute != 0, let name = columnName(tableOID, attribute) {
                    keys.append(.column(name))
                } else {
                    // Expression keys take the next entry of indexprs, in key order.
                    let tree = expressions.popFirst() ?? ""
                    let read = NodeTree.columnNumbers(tree).compactMap { columnName(tableOID, $0) }
                    let text = position < definitions.count ? definitions[position] : ""
                    keys.append(.expression(text, columns: read))
                }
            }
            var model = Index(
                key: index.key, table: table.key, unique: try row.bool("indisunique"), method: try row.string("amname"),
                keys: keys)
            model.include = attributes.dropFirst(keyCount).compactMap { columnName(tableOID, $0) }
            model.predicate = row["predicate"]
            model.valid = try row.bool("indisvalid")
            model.constraint = row["constraint_name"]
            model.nullsNotDistinct = try row.bool("nulls_not_distinct")
            catalog.indexes[index.key] = model

            // UNIQUE NULLS NOT DISTINCT lives on the index; the constraint mirrors it.
            if model.nullsNotDistinct, let constraint = model.constraint,
                let i = catalog.tables[table.key]?.constraints.firstIndex(where: { $0.name == constraint })
            {
                catalog.tables[table.key]?.constraints[i].nullsNotDistinct = true
            }
        }
    }
}
