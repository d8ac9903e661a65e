import SQLParser
import SQLSyntax
import Testing

@Suite struct ExpressionTests {
    @Test func precedenceFollowsPostgres() throws {
        // a OR b AND c → a OR (b AND c)
        guard case .binary("OR", _, let right) = try expression("a OR b AND c").kind else {
            Issue.record("expected OR at the top")
            return
        }
        guard case .binary("AND", _, _) = right.kind else {
            Issue.record("expected AND under OR")
            return
        }
        // 1 + 2 * 3 → 1 + (2 * 3)
        guard case .binary("+", _, let product) = try expression("1 + 2 * 3").kind, case .binary("*", _, _) = product.kind else {
            Issue.record("expected + over *")
            return
        }
        // a = b IS NULL → (a = b) IS NULL, as in PostgreSQL 9.5+
        guard case .isTest(let inner, .null, false) = try expression("a = b IS NULL").kind, case .binary("=", _, _) = inner.kind else {
            Issue.record("expected IS NULL over =")
            return
        }
        // NOT a = b → NOT (a = b)
        guard case .unary("NOT", let operand) = try expression("NOT a = b").kind, case .binary("=", _, _) = operand.kind else {
            Issue.record("expected NOT over =")
            return
        }
        // x::int[] binds tighter than unary minus
        guard case .unary("-", let cast) = try expression("- x::int").kind, case .cast = cast.kind else {
            Issue.record("expected - over ::")
            return
        }
    }

    @Test(arguments: [
        "a BETWEEN 1 AND 2 AND b",
        "a NOT BETWEEN SYMMETRIC 2 AND 1",
        "x IN (1, 2, 3)",
        "x NOT IN (SELECT id FROM t)",
        "name LIKE 'a%' ESCAPE '!'",
        "name NOT ILIKE '%x'",
        "name SIMILAR TO '(a|b)%'",
        "a IS DISTINCT FROM b",
        "a IS NOT DISTINCT FROM b",
        "a IS NOT TRUE",
        "a ISNULL",
        "a NOTNULL",
        "doc IS JSON OBJECT WITH UNIQUE KEYS",
        "x = ANY ($1)",
        "x <> ALL (SELECT y FROM t)",
        "x = ANY (ARRAY[1, 2])",
        "x = SOME (ARRAY[1, 2])",
        "a + coalesce(c, 0)",
        "1 = nullif(c, 0) || greatest(a, b)",
        "EXISTS (SELECT 1)",
        "(SELECT max(id) FROM t) + 1",
        "ARRAY(SELECT 1)",
        "ARRAY[[1, 2], [3, 4]]",
        "arr[1][2:3]",
        "arr[:2]",
        "(row_value).field",
        "(t.*).a",
        "ROW(1, 'a')",
        "(1, 2) = (3, 4)",
        "CAST(x AS numeric(10, 2))",
        "x::varchar(20)[]",
        "interval '1 day'",
        "interval '1' day",
        "timestamp with time zone '2020-01-01 00:00+00'",
        "date '2020-01-01'",
        "pg_catalog.int4 '1'",
        "CASE WHEN a THEN 1 WHEN b THEN 2 ELSE 3 END",
        "CASE x WHEN 1 THEN 'one' END",
        "coalesce(a, b, 0)",
        "nullif(a, '')",
        "greatest(1, 2)",
        "EXTRACT(EPOCH FROM now())",
        "POSITION('a' IN name)",
        "SUBSTRING(name FROM 1 FOR 3)",
        "substring(name, 1, 3)",
        "TRIM(BOTH ' ' FROM name)",
        "trim(name)",
        "OVERLAY(name PLACING 'x' FROM 2 FOR 1)",
        "CURRENT_TIMESTAMP",
        "current_timestamp(3)",
        "CURRENT_DATE",
        "CURRENT_USER",
        "current_schema()",
        "count(*)",
        "count(DISTINCT a)",
        "string_agg(name, ',' ORDER BY name DESC)",
        "percentile_cont(0.5) WITHIN GROUP (ORDER BY x)",
        "count(*) FILTER (WHERE x > 0)",
        "row_number() OVER (PARTITION BY a ORDER BY b ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)",
        "sum(x) OVER w",
        "avg(x) OVER (w ORDER BY y RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING EXCLUDE TIES)",
        "make_interval(days => 1)",
        "f(a := 1, VARIADIC ARRAY[1])",
        "ts AT TIME ZONE 'UTC'",
        "name COLLATE \"C\"",
        "a OPERATOR(pg_catalog.+) b",
        "data -> 'a' ->> 'b'",
        "data #>> '{a,b}'",
        "data @> '{\"a\": 1}'::jsonb",
        "data ? 'key'",
        "data ?| array['a']",
        "-1",
        "+1",
        "- - 1",
        "~ 5",
        "2 ^ 3",
        "5 % 2",
        "'a' || 'b'",
        "B'101' | B'011'",
        "E'\\n'",
        "U&'\\0041' UESCAPE '\\'",
        "$1 + $2",
        "DEFAULT",
        "user",
        "t.name",
        "s.t.name",
        "\"Mixed Case\"",
        "TRUE AND NOT FALSE",
        "NULL",
        "1.5e3",
        "x::timestamp(3) without time zone",
        "x::double precision",
        "x::bit varying(8)",
        "x::character varying",
        "x::national character(2)",
        "x::interval day to second(3)",
        "x::text COLLATE \"en_US\"",
        "x::public.my_type[]",
        "x::int ARRAY[3]",
        "normalize(x, NFC)",
        "collation for (x)",
        "sqlc.arg(user_id)",
        "sqlc.narg('name')",
        "id = ANY(sqlc.slice(ids))",
        "@user_id",
        ":name",
        "?",
    ])
    func parses(_ text: String) throws {
        _ = try expression(text)
    }

    @Test func sqlcPlaceholdersBecomeParameters() throws {
        guard case .parameter(let p) = try expression("sqlc.narg(email)").kind else {
            Issue.record("not a parameter")
            return
        }
        #expect(p.style == .sqlc)
        #expect(p.name == "email")
        #expect(p.nullable)
        guard case .parameter(let q) = try expression("@user_id").kind else {
            Issue.record("not a parameter")
            return
        }
        #expect(q.name == "user_id")
    }

    @Test func typeNamesAreNormalized() throws {
        func typeName(_ sql: String) throws -> String {
            guard case .cast(_, let t) = try expression("x::" + sql).kind else { return "" }
            return t.name.dotted + (t.arrayBounds.isEmpty ? "" : "[]")
        }
        #expect(try typeName("integer") == "pg_catalog.int4")
        #expect(try typeName("int") == "pg_catalog.int4")
        #expect(try typeName("bigint") == "pg_catalog.int8")
        #expect(try typeName("character varying(64)") == "pg_catalog.varchar")
        #expect(try typeName("timestamp with time zone") == "pg_catalog.timestamptz")
        #expect(try typeName("timestamp") == "pg_catalog.timestamp")
        #expect(try typeName("double precision") == "pg_catalog.float8")
        #expect(try typeName("float(10)") == "pg_catalog.float4")
        #expect(try typeName("boolean") == "pg_catalog.bool")
        #expect(try typeName("decimal(10,2)") == "pg_catalog.numeric")
        #expect(try typeName("char") == "pg_catalog.bpchar")
        #expect(try typeName("text[]") == "text[]")
        #expect(try typeName("timestamptz") == "timestamptz")
    }

    @Test func identifiersFoldUnlessQuoted() throws {
        guard case .column(let name) = try expression("Users.\"CreatedAt\"").kind else {
            Issue.record("not a column")
            return
        }
        #expect(name.parts.map(\.value) == ["users", "CreatedAt"])
        #expect(name.parts.map(\.quoted) == [false, true])
    }

    @Test func stringValuesAreDecoded() throws {
        let cases: [(String, String)] = [
            ("'it''s'", "it's"),
            ("E'a\\nb'", "a\nb"),
            ("E'\\x41\\101'", "AA"),
            ("U&'d\\0061t\\+000061'", "data"),
            ("U&'d!0061t' UESCAPE '!'", "dat"),
            ("$$a'b$$", "a'b"),
            ("$t$x$t$", "x"),
            ("'a'\n'b'", "ab"),
        ]
        for (sql, value) in cases {
            guard case .literal(.string(let s)) = try expression(sql).kind else {
                Issue.record("not a string: \(sql)")
                continue
            }
            #expect(s == value, "\(sql)")
        }
    }

    @Test(arguments: ["1 +", "CASE END", "a BETWEEN 1", "f(", "x IS", "ARRAY[1,", "(1, 2", "x::", "CAST(x)"])
    func rejects(_ text: String) {
        let file = parse("SELECT " + text)
        #expect(file.statements.first?.error != nil, "\(text)")
    }

    @Test func errorsPointAtTheOffendingToken() throws {
        let sql = "SELECT a,\n  b +\n  FROM t"
        let file = parse(sql)
        let error = try #require(file.statements.first?.error)
        // The error is at FROM, line 3.
        #expect(error.span.start == Array(sql.utf8).count - 6)
    }
}
