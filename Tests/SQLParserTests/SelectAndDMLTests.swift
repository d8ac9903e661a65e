import SQLParser
import SQLSyntax
import Testing

@Suite struct SelectAndDMLTests {
    @Test(arguments: [
        "SELECT 1",
        "SELECT",
        "SELECT FROM t",
        "SELECT DISTINCT ON (a) a, b FROM t ORDER BY a, b DESC",
        "SELECT * FROM a JOIN b ON a.id = b.a_id LEFT OUTER JOIN c USING (id) AS j FULL JOIN d ON true",
        "SELECT * FROM a NATURAL JOIN b CROSS JOIN c",
        "SELECT * FROM (a JOIN b ON a.x = b.x) AS ab",
        "SELECT * FROM ((SELECT 1) AS x JOIN y ON true)",
        "SELECT * FROM (SELECT 1 AS x) s(y)",
        "SELECT * FROM ONLY parent",
        "SELECT * FROM t AS x(a, b) TABLESAMPLE SYSTEM (10) REPEATABLE (1)",
        "SELECT * FROM t, LATERAL (SELECT * FROM u WHERE u.t_id = t.id) s",
        "SELECT * FROM generate_series(1, 10) AS g(n)",
        "SELECT * FROM unnest(ARRAY[1, 2]) WITH ORDINALITY u(v, i)",
        "SELECT * FROM jsonb_to_recordset($1) AS r(id int, name text)",
        "SELECT * FROM ROWS FROM (generate_series(1, 2), unnest(ARRAY['a'])) AS x(a, b)",
        "SELECT a, count(*) FROM t GROUP BY ROLLUP (a, (b, c)) HAVING count(*) > 1",
        "SELECT a FROM t GROUP BY GROUPING SETS ((a), (b), ())",
        "SELECT a FROM t GROUP BY CUBE (a, b)",
        "SELECT sum(x) OVER w FROM t WINDOW w AS (PARTITION BY y ORDER BY z)",
        "SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT ALL SELECT 4",
        "(SELECT 1) UNION (SELECT 2) ORDER BY 1 LIMIT 1",
        "VALUES (1, 'a'), (2, 'b') ORDER BY 1",
        "TABLE users",
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT * FROM r",
        "WITH x AS MATERIALIZED (SELECT 1), y AS NOT MATERIALIZED (SELECT 2) SELECT * FROM x, y",
        "SELECT * FROM t LIMIT ALL OFFSET 5",
        "SELECT * FROM t OFFSET 5 ROWS FETCH FIRST 10 ROWS ONLY",
        "SELECT * FROM t FETCH NEXT ROW WITH TIES",
        "SELECT * FROM t FOR UPDATE OF t SKIP LOCKED",
        "SELECT * FROM t FOR NO KEY UPDATE NOWAIT",
        "SELECT * FROM t FOR KEY SHARE",
        "SELECT a INTO new_table FROM t",
        "SELECT id AS user, name type, value key FROM t",
        "SELECT * FROM t WHERE a = (SELECT b FROM u LIMIT 1)",
        "INSERT INTO t VALUES (1, DEFAULT)",
        "INSERT INTO t DEFAULT VALUES",
        "INSERT INTO s.t AS x (a, b.c, d[1]) OVERRIDING SYSTEM VALUE SELECT 1, 2, 3",
        "INSERT INTO t (a) VALUES (1) ON CONFLICT DO NOTHING",
        "INSERT INTO t (a) VALUES (1) ON CONFLICT ON CONSTRAINT t_pkey DO NOTHING",
        "INSERT INTO t (a, b) VALUES (1, 2) ON CONFLICT (a, lower(b)) WHERE a > 0 DO UPDATE SET b = EXCLUDED.b, (c, d) = (1, 2) WHERE t.b <> EXCLUDED.b RETURNING id, a AS x",
        "INSERT INTO t (a) SELECT a FROM u RETURNING *",
        "WITH n AS (SELECT 1 AS a) INSERT INTO t SELECT * FROM n",
        "UPDATE t SET a = 1, b = DEFAULT WHERE id = $1",
        "UPDATE ONLY t AS x SET (a, b) = (SELECT 1, 2) FROM u WHERE x.id = u.id RETURNING x.*",
        "UPDATE t SET a[1] = 2, c.f = 3",
        "UPDATE t SET a = 1 WHERE CURRENT OF cur",
        "DELETE FROM t WHERE id = 1",
        "DELETE FROM ONLY t x USING u, v WHERE x.id = u.id RETURNING *",
        "WITH d AS (DELETE FROM t RETURNING *) SELECT count(*) FROM d",
        "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED AND s.x THEN UPDATE SET a = s.a WHEN MATCHED THEN DELETE WHEN NOT MATCHED THEN INSERT (id, a) VALUES (s.id, s.a)",
        "MERGE INTO t AS x USING (SELECT 1 AS id) s ON x.id = s.id WHEN NOT MATCHED BY SOURCE THEN DO NOTHING WHEN NOT MATCHED BY TARGET THEN INSERT DEFAULT VALUES",
    ])
    func postgres(_ sql: String) throws {
        _ = try node(sql)
    }

    @Test(arguments: [
        "INSERT OR REPLACE INTO t (a) VALUES (1)",
        "REPLACE INTO t VALUES (1, 2)",
        "INSERT INTO t (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET b = excluded.b WHERE true",
        "INSERT INTO t SELECT * FROM u WHERE true ON CONFLICT DO NOTHING",
        "UPDATE OR IGNORE t SET a = 1",
        "SELECT * FROM [my table] WHERE `col` = :name AND x = ?1 AND y = @y AND z = $z",
        "SELECT * FROM t INDEXED BY idx WHERE a GLOB 'x*' AND b REGEXP 'y'",
        "SELECT a FROM t WHERE b IS NOT c AND d NOT NULL LIMIT 5, 10",
        "DELETE FROM t WHERE a IN t2",
        "SELECT group_concat(name, ',') FROM t",
    ])
    func sqlite(_ sql: String) throws {
        _ = try node(sql, .sqlite)
    }

    @Test func insertKeepsTargetColumnsAndConflictTarget() throws {
        guard case .insert(let insert) = try node("INSERT INTO users (id, email) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING") else {
            Issue.record("not an insert")
            return
        }
        #expect(insert.table.name == "users")
        #expect(insert.columns.map(\.name.value) == ["id", "email"])
        guard case .columns(let elements, nil)? = insert.onConflict?.target else {
            Issue.record("no conflict columns")
            return
        }
        #expect(elements.map(\.key) == [.column(Identifier("email", span: elements[0].span))])
    }

    @Test func joinUsingKeepsColumns() throws {
        guard case .select(let s) = try node("SELECT * FROM a JOIN b USING (id, tenant)"), case .select(let core) = s.body,
            case .join(let join) = core.from.first, case .using(let columns, _) = join.condition
        else {
            Issue.record("shape")
            return
        }
        #expect(columns.map(\.value) == ["id", "tenant"])
    }

    @Test func statementSpansExcludeSemicolonsAndComments() {
        let sql = "-- lead\nSELECT 1 /* tail */ ;\n  UPDATE t SET a = 1;"
        let file = parse(sql)
        #expect(file.statements.map(\.span) == [SourceSpan(start: 8, end: 16), SourceSpan(start: 32, end: 50)])
    }
}
