import Diagnostics
import SchemaCatalog
import SQLParser
import SQLSyntax
import Testing

// Replay of views, sequences, types, domains, schemas, extensions, functions,
// triggers, policies and SET. Every expected name, value and SQLSTATE below was
// checked against PostgreSQL 15.20 with the same statements (psql, VERBOSITY verbose).

/// Applies each statement of `sql` in order onto `start`; stops at the first refusal.
private func applyObjects(_ sql: String, onto start: Catalog = Catalog(dialect: .postgres)) -> (catalog: Catalog, error: CatalogError?) {
    var catalog = start
    let file = SourceFile(path: "objects.sql", text: sql)
    for parsed in SQLParser(dialect: catalog.dialect).parse(sql).statements {
        guard let statement = parsed.statement else {
            return (catalog, CatalogError(CatalogError.syntaxError, parsed.error?.message ?? "syntax error"))
        }
        do {
            try catalog.apply(statement, from: ReplaySource(file))
        } catch {
            return (catalog, error)
        }
    }
    return (catalog, nil)
}

/// The SQLSTATE of the first refusal, or nil when every statement applied.
private func objectRefusal(_ sql: String) -> String? {
    applyObjects(sql).error?.sqlState
}

private func objectKey(_ dotted: String) -> ObjectKey {
    let parts = dotted.split(separator: ".").map(String.init)
    return parts.count == 2 ? ObjectKey(parts[0], parts[1]) : ObjectKey("public", dotted)
}

private func enumLabels(_ catalog: Catalog, _ name: String) -> [String]? {
    guard case .enumeration(let labels) = catalog.types[objectKey(name)]?.definition else { return nil }
    return labels
}

private func domain(_ catalog: Catalog, _ name: String) -> Domain? {
    guard case .domain(let domain) = catalog.types[objectKey(name)]?.definition else { return nil }
    return domain
}

private func attributes(_ catalog: Catalog, _ name: String) -> [CompositeAttribute]? {
    guard case .composite(let attributes) = catalog.types[objectKey(name)]?.definition else { return nil }
    return attributes
}

/// Replay of everything but tables; one nested suite per family.
@Suite struct ObjectReplayTests {}

// MARK: - Views

extension ObjectReplayTests {
    @Suite struct Views {
        /// The name PostgreSQL gives an output column written without an alias.
        @Test(arguments: [
            ("a", "a"), ("t.b", "b"), ("'x'::text", "text"), ("'x'::varchar(3)", "varchar"), ("cast(a as bigint)", "a"),
            ("a::text", "a"), ("lower(b)", "lower"), ("case when a > 0 then 1 end", "case"), ("a + 1", "?column?"),
            ("1", "?column?"), ("'x'", "?column?"), ("exists (select 1)", "exists"), ("array[1]", "array"),
("coalesce(a, 1)", "coalesce"), ("nullif(a, 1)", "nullif"), ("(select a from t)", "a"),
            ("(select 1)", "?column?"), ("1::int", "int4"), ("'1'::integer", "int4"), ("interval '1 day'", "interval"),
            ("b collate \"C\"", "b"), ("now() at time zone 'utc'", "timezone"), ("trim(b)", "btrim"),
            ("'x'::text::varchar", "varchar"), ("(a)::text", "a"), ("current_user", "current_user"),
            ("a is null", "?column?"), ("array(select 1)", "array"), ("count(*) over ()", "count"),
            ("pg_catalog.lower(b)", "lower"), ("cast('x' as character varying)", "varchar"), ("-a", "?column?"),
        ])
        func outputColumnName(_ expression: String, _ expected: String) throws {
            let (catalog, error) = applyObjects("CREATE TABLE t (a int, b text); CREATE VIEW v AS SELECT \(expression) FROM t;")
            #expect(error == nil)
            let view = try #require(catalog.views[objectKey("v")])
            #expect(view.columns.map(\.name) == [expected])
        }

        @Test func starExpandsFromItemsInOrder() throws {
            let (catalog, error) = applyObjects("""
                CREATE TABLE t (a int, b text);
                CREATE TABLE u (b text, c bigint);
                CREATE VIEW joined AS SELECT * FROM t JOIN u USING (b);
                CREATE VIEW crossed AS SELECT u.*, t.a AS ta FROM t, u;
                CREATE VIEW natural_join AS SELECT * FROM t NATURAL JOIN u;
                CREATE VIEW whole AS TABLE t;
                """)
            #expect(error == nil)
            #expect(catalog.views[objectKey("joined")]?.columns.map(\.name) == ["b", "a", "c"])
            #expect(catalog.views[objectKey("crossed")]?.columns.map(\.name) == ["b", "c", "ta"])
            #expect(catalog.views[objectKey("natural_join")]?.columns.map(\.name) == ["b", "a", "c"])
            #expect(catalog.views[objectKey("whole")]?.columns.map(\.name) == ["a", "b"])
            // `SELECT *` over an ON join keeps both b columns, which a view refuses.
            #expect(objectRefusal("CREATE TABLE t (a int, b text); CREATE TABLE u (b text); CREATE VIEW v AS SELECT * FROM t JOIN u ON true;") == "42701")
            let joined = try #require(catalog.views[objectKey("joined")])
            #expect(joined.dependencies[objectKey("t")] == ["a", "b"])
            #expect(joined.dependencies[objectKey("u")] == ["b", "c"])
            #expect(joined.columns.map(\.type) == [.text, .integer, .bigint])
            #expect(joined.query == "SELECT * FROM t JOIN u USING (b)")
        }

        @Test func columnTypesWhereCheaplyKnown() throws {
            let (catalog, error) = applyObjects("""
                CREATE TABLE t (a int, b varchar(20));
                CREATE VIEW v AS SELECT a, b, a::bigint AS big, 'x' AS s, 1 AS one, a > 0 AS positive, lower(b) AS l,
                  count(*) OVER () AS n FROM t;
                """)
            #expect(error == nil)
            let view = try #require(catalog.views[objectKey("v")])
            #expect(view.columns.map(\.type) == [
                .integer, ColumnType(name: "varchar", modifiers: [20]), .bigint, .text, .integer, .boolean, nil, .bigint,
            ])
        }

        @Test func dependenciesRecordEveryColumnReadByName() throws {
            let (catalog, error) = applyObjects("""
                CREATE TABLE orders (id int, customer int, total numeric, note text);
                CREATE TABLE customers (id int, name text);
                CREATE VIEW v AS
                  SELECT o.id, c.name FROM orders o JOIN customers c ON c.id = o.customer
                  WHERE o.total > 0 AND EXISTS (SELECT 1 FROM customers c2 WHERE c2.id = o.customer)
                  ORDER BY o.id;
                CREATE VIEW counts AS SELECT count(*) AS n FROM orders;
                """)
            #expect(error == nil)
            let view = try #require(catalog.views[objectKey("v")])
            #expect(view.dependencies[objectKey("orders")] == ["id", "customer", "total"])
            #expect(view.dependencies[objectKey("customers")] == ["id", "name"])
            // A view depends on each relation it reads, even without naming a column.
            #expect(catalog.views[objectKey("counts")]?.dependencies[objectKey("orders")] == [])
        }

        @Test func viewsOfViewsCtesSubqueriesAndValues() throws {
            let (catalog, error) = applyObjects("""
                CREATE TABLE t (a int, b text);
                CREATE VIEW base AS SELECT a AS x, b FROM t;
                CREATE VIEW top AS SELECT x, upper(b) AS up FROM base;
                CREATE VIEW with_cte AS WITH c (q) AS (SELECT a FROM t) SELECT * FROM c;
                CREATE VIEW sub AS SELECT s.* FROM (SELECT a, b AS bee FROM t) s;
                CREATE VIEW vals AS SELECT * FROM (VALUES (1, 'a')) v;
                CREATE VIEW unioned AS SELECT a, b FROM t UNION ALL SELECT 1, 'x';
                CREATE VIEW series AS SELECT * FROM generate_series(1, 3) AS g(n), unnest(ARRAY[1, 2]) WITH ORDINALITY u;
                CREATE RECURSIVE VIEW nums (n) AS VALUES (1) UNION ALL SELECT n + 1 FROM nums WHERE n < 10;
                """)
            #expect(error == nil)
            #expect(catalog.views[objectKey("top")]?.columns.map(\.name) == ["x", "up"])
            #expect(catalog.views[objectKey("top")]?.dependencies[objectKey("base")] == ["x", "b"])
            #expect(catalog.views[objectKey("with_cte")]?.columns.map(\.name) == ["q"])
            #expect(catalog.views[objectKey("with_cte")]?.dependencies[objectKey("t")] == ["a"])
            #expect(catalog.views[objectKey("sub")]?.columns.map(\.name) == ["a", "bee"])
            #expect(catalog.views[objectKey("vals")]?.columns.map(\.name) == ["column1", "column2"])
            #expect(catalog.views[objectKey("unioned")]?.columns.map(\.name) == ["a", "b"])
            #expect(catalog.views[objectKey("series")]?.columns.map(\.name) == ["n", "u", "ordinality"])
            #expect(catalog.views[objectKey("nums")]?.columns.map(\.name) == ["n"])
        }

        @Test func columnListAndMaterializedViews() throws {
            let (catalog, error) = applyObjects("""
                CREATE TABLE t (a int, b text);
                CREATE VIEW v (x) AS SELECT a, b FROM t;
                CREATE MATERIALIZED VIEW m AS SELECT b, count(*) FROM t GROUP BY b WITH NO DATA;
                CREATE MATERIALIZED VIEW IF NOT EXISTS m AS SELECT 1;
                CREATE MATERIALIZED VIEW IF NOT EXISTS t AS SELECT 1;
                """)
            #expect(error == nil)
            #expect(catalog.views[objectKey("v")]?.columns.map(\.name) == ["x", "b"])
            #expect(catalog.views[objectKey("m")]?.materialized == true)
            #expect(catalog.views[objectKey("m")]?.columns.map(\.name) == ["b", "count"])
            #expect(catalog.relationKind(objectKey("m")) == .materializedView)
        }

        @Test(arguments: [
            ("CREATE VIEW v AS SELECT a FROM nosuch", "42P01"),
            ("CREATE VIEW v AS SELECT zz FROM t", "42703"),
            ("CREATE VIEW v AS SELECT t.zz FROM t", "42703"),
            ("CREATE VIEW v AS SELECT zz.a FROM t", "42P01"),
            ("CREATE VIEW v AS SELECT a FROM t, t t2", "42702"),
            ("CREATE VIEW v AS SELECT a FROM t JOIN t t2 USING (a)", nil),
            ("CREATE VIEW v AS SELECT a FROM t JOIN t t2 USING (zz)", "42703"),
            ("CREATE VIEW v AS SELECT a, a FROM t", "42701"),
            ("CREATE VIEW v (x, y, z) AS SELECT a, b FROM t", "42601"),
            ("CREATE VIEW v AS SELECT * FROM (SELECT 1)", "42601"),
            ("CREATE VIEW v AS SELECT a FROM t UNION SELECT a, b FROM t", "42601"),
            ("CREATE VIEW v AS SELECT a::nosuch FROM t", "42704"),
            ("CREATE VIEW t AS SELECT 1", "42P07"),
            ("CREATE VIEW mood AS SELECT 1", "42710"),
            ("CREATE VIEW nosuch.v AS SELECT 1", "3F000"),
            ("CREATE OR REPLACE VIEW t AS SELECT 1", "42809"),
            ("CREATE VIEW v AS SELECT a FROM t ORDER BY zz", "42703"),
            ("CREATE VIEW v AS SELECT a AS x FROM t ORDER BY x", nil),
            ("CREATE VIEW v AS SELECT g FROM generate_series(1, 2) g", nil),
            ("CREATE FUNCTION sf() RETURNS TABLE (anything int) LANGUAGE sql AS 'select 1'; CREATE VIEW v AS SELECT f.anything FROM sf() f", nil),
            ("CREATE FUNCTION sf() RETURNS TABLE (anything int) LANGUAGE sql AS 'select 1'; CREATE VIEW v AS SELECT f.nothing FROM sf() f", "42703"),
            ("CREATE FUNCTION sf() RETURNS SETOF t LANGUAGE sql AS 'select * from t'; CREATE VIEW v AS SELECT s.b FROM sf() s", nil),
            ("CREATE FUNCTION sr() RETURNS SETOF record LANGUAGE sql AS 'select 1'; CREATE VIEW v AS SELECT x.q FROM sr() x (q int)", nil),
            ("CREATE VIEW v AS SELECT j.key, j.value FROM jsonb_each('{}') j", nil),
            ("CREATE VIEW v AS SELECT t FROM t", nil),
            ("CREATE VIEW v AS SELECT row(1, 2) FROM t", "42P16"),
            ("CREATE VIEW v AS SELECT row(1, 2) AS r, (1, 2)::text AS s FROM t", "42P16"),
            ("CREATE TYPE pair AS (x int, y int); CREATE TABLE c (p pair); CREATE VIEW v AS SELECT (p).x, (c.p).y FROM c", nil),
            // Three parts are always schema.table.column.
            ("CREATE TYPE pair AS (x int, y int); CREATE TABLE c (p pair); CREATE VIEW v AS SELECT c.p.y FROM c", "42P01"),
            ("CREATE VIEW v AS SELECT (SELECT t.a FROM t t2 LIMIT 1) FROM t", nil),
        ] as [(String, String?)])
        func viewErrors(_ sql: String, _ expected: String?) {
            #expect(objectRefusal("CREATE TABLE t (a int, b text); CREATE TYPE mood AS ENUM ('x'); \(sql);") == expected)
        }

        @Test func orReplaceMayOnlyAddColumnsAtTheEnd() {
            let setup = "CREATE TABLE t (a int, b text, c int); CREATE VIEW v AS SELECT a, b FROM t;"
            #expect(objectRefusal(setup + "CREATE OR REPLACE VIEW v AS SELECT a, b, c FROM t;") == nil)
            #expect(objectRefusal(setup + "CREATE OR REPLACE VIEW v AS SELECT a FROM t;") == "42P16")
            #expect(objectRefusal(setup + "CREATE OR REPLACE VIEW v AS SELECT a AS x, b FROM t;") == "42P16")
            #expect(objectRefusal(setup + "CREATE OR REPLACE VIEW v AS SELECT b AS a, a AS b FROM t;") == "42P16")
            #expect(objectRefusal(setup + "CREATE OR REPLACE VIEW v AS SELECT a, b::varchar FROM t;") == "42P16")
            #expect(objectRefusal(setup + "CREATE MATERIALIZED VIEW m AS SELECT 1 AS q; CREATE OR REPLACE VIEW m AS SELECT 1 AS q;") == "42809")
            let (catalog, _) = applyObjects(setup + "CREATE OR REPLACE VIEW v AS SELECT a, b, c FROM t;")
            #expect(catalog.views[objectKey("v")]?.columns.map(\.name) == ["a", "b", "c"])
            #expect(catalog.views[objectKey("v")]?.dependencies[objectKey("t")] == ["a", "b", "c"])
        }

        @Test func viewsThatCallFunctionsDependOnThem() {
            let setup = """
                CREATE FUNCTION g(int) RETURNS int LANGUAGE sql AS 'select 1';
                CREATE VIEW v AS SELECT g(1) AS x;
                """
            #expect(applyObjects(setup).catalog.views[objectKey("v")]?.functionDependencies == [objectKey("g")])
            #expect(objectRefusal(setup + "DROP FUNCTION g(int);") == "2BP01")
            let (catalog, error) = applyObjects(setup + "DROP FUNCTION g(int) CASCADE;")
            #expect(error == nil)
            #expect(catalog.views[objectKey("v")] == nil)
            #expect(catalog.functions[objectKey("g")] == nil)
        }

        /// Naming and typing a column look into its subquery again; that must not
        /// multiply with nesting (60 levels took forever before subqueries were read once).
        @Test func nestedSubqueriesAreReadOnce() throws {
            let nested = String(repeating: "(SELECT ", count: 60) + "a FROM t" + String(repeating: ")", count: 60)
            let (catalog, error) = applyObjects("CREATE TABLE t (a int); CREATE VIEW v AS SELECT \(nested);")
            #expect(error == nil)
            #expect(catalog.views[objectKey("v")]?.columns == [ViewColumn(name: "a", type: .integer)])
        }

        @Test func sqliteNamesColumnsByTheirText() throws {
            let (catalog, error) = applyObjects(
                """
                CREATE TABLE t (a INT, b TEXT);
                CREATE VIEW v AS SELECT a, a, a+1, t.b, lower(b) FROM t;
                CREATE VIEW lenient AS SELECT zz FROM nosuch;
                """, onto: Catalog(dialect: .sqlite))
            #expect(error == nil)
            let view = try #require(catalog.views[ObjectKey("main", "v")])
            #expect(view.columns.map(\.name) == ["a", "a:1", "a+1", "b", "lower(b)"])
            #expect(view.columns.first?.type == catalog.tables[ObjectKey("main", "t")]?.columns.first?.type)
            #expect(catalog.views[ObjectKey("main", "lenient")] != nil)
        }
    }
}

// MARK: - Sequences

extension ObjectReplayTests {
    @Suite struct Sequences {
        @Test func createdValuesAreWhatPgSequenceHolds() throws {
            let (catalog, error) = applyObjects("""
                CREATE SEQUENCE plain;
                CREATE SEQUENCE small AS smallint;
                CREATE SEQUENCE down INCREMENT -1;
                CREATE SEQUENCE custom AS integer INCREMENT BY 5 MINVALUE 10 MAXVALUE 1000 START WITH 100 CACHE 20 CYCLE;
                CREATE SEQUENCE IF NOT EXISTS plain START 5;
                """)
            #expect(error == nil)
            let plain = try #require(catalog.sequences[objectKey("plain")])
            #expect(plain.dataType == .bigint)
            #expect([plain.increment, plain.minValue, plain.maxValue, plain.start] == [1, 1, Int64.max, 1])
            let small = try #require(catalog.sequences[objectKey("small")])
            #expect(small.dataType == .smallint && small.maxValue == 32767)
            let down = try #require(catalog.sequences[objectKey("down")])
            #expect([down.increment, down.minValue, down.maxValue, down.start] == [-1, Int64.min, -1, -1])
            let custom = try #require(catalog.sequences[objectKey("custom")])
            #expect([custom.increment, custom.minValue, custom.maxValue, custom.start] == [5, 10, 1000, 100])
            #expect(custom.cycle && custom.dataType == .integer)
        }

        @Test func alterKeepsWhatIsNotSaid() throws {
            let (catalog, error) = applyObjects("""
                CREATE SEQUENCE s;
                ALTER SEQUENCE s AS integer;
                ALTER SEQUENCE s INCREMENT 2 NO CYCLE RESTART WITH 50;
                ALTER SEQUENCE IF EXISTS nosuch RESTART;
                """)
            #expect(error == nil)
            let s = try #require(catalog.sequences[objectKey("s")])
            // A bound left at the old type's limit follows the new type.
            #expect(s.dataType == .integer && s.maxValue == Int64(Int32.max))
            #expect(s.increment == 2 && s.start == 1)
        }

        @Test func ownedBy() throws {
            let (catalog, error) = applyObjects("""
                CREATE TABLE t (a int);
                CREATE SEQUENCE s OWNED BY t.a;
                CREATE SEQUENCE n OWNED BY NONE;
                """)
            #expect(error == nil)
            #expect(catalog.sequences[objectKey("s")]?.ownedBy == ColumnReference(table: objectKey("t"), column: "a"))
            #expect(catalog.sequences[objectKey("n")]?.ownedBy == nil)
            // Owned sequences go with their column.
            let dropped = applyObjects("CREATE TABLE t (a int, b int); CREATE SEQUENCE s OWNED BY t.a; ALTER TABLE t DROP COLUMN a;")
            #expect(dropped.error == nil)
            #expect(dropped.catalog.sequences[objectKey("s")] == nil)
        }

        @Test(arguments: [
            ("CREATE SEQUENCE s; CREATE SEQUENCE s", "42P07"),
            ("CREATE SEQUENCE t", "42P07"),
            ("CREATE SEQUENCE IF NOT EXISTS t", nil),
            ("CREATE SEQUENCE nosuch.s", "3F000"),
            ("CREATE SEQUENCE s AS text", "22023"),
            ("CREATE SEQUENCE s AS smallint MAXVALUE 100000", "22023"),
            ("CREATE SEQUENCE s INCREMENT 0", "22023"),
            ("CREATE SEQUENCE s MINVALUE 10 MAXVALUE 5", "22023"),
            ("CREATE SEQUENCE s START 0", "22023"),
            ("CREATE SEQUENCE s OWNED BY t.zz", "42703"),
            ("CREATE SEQUENCE s OWNED BY nosuch.a", "42P01"),
            ("CREATE SEQUENCE s OWNED BY a", "42601"),
            ("CREATE SCHEMA o; CREATE TABLE o.ot (a int); CREATE SEQUENCE s OWNED BY o.ot.a", "55000"),
            ("ALTER SEQUENCE nosuch RESTART", "42P01"),
            ("ALTER SEQUENCE t RESTART", "42809"),
            ("CREATE SEQUENCE s; ALTER SEQUENCE s OWNED BY t.q", "42703"),
            ("CREATE SEQUENCE s; ALTER SEQUENCE s RESTART WITH 0", "22023"),
        ] as [(String, String?)])
        func errors(_ sql: String, _ expected: String?) {
            #expect(objectRefusal("CREATE TABLE t (a int); \(sql);") == expected)
        }
    }
}

// MARK: - Types

extension ObjectReplayTests {
    @Suite struct Types {
        @Test func createEveryKindOfType() throws {
            let (catalog, error) = applyObjects("""
                CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
                CREATE TYPE empty AS ENUM ();
                CREATE TYPE address AS (street text, zip varchar(10), m mood);
                CREATE TYPE floatrange AS RANGE (SUBTYPE = float8, SUBTYPE_DIFF = float8mi);
                CREATE TYPE shell;
                CREATE TYPE shell (INPUT = shell_in, OUTPUT = shell_out);
                """)
            #expect(error == nil)
            #expect(enumLabels(catalog, "mood") == ["sad", "ok", "happy"])
            #expect(enumLabels(catalog, "empty") == [])
            #expect(attributes(catalog, "address") == [
                CompositeAttribute(name: "street", type: .text),
                CompositeAttribute(name: "zip", type: ColumnType(name: "varchar", modifiers: [10])),
                CompositeAttribute(name: "m", type: ColumnType(schema: "public", name: "mood")),
            ])
            #expect(catalog.types[objectKey("floatrange")]?.definition == .range(subtype: ColumnType(name: "float8")))
            #expect(catalog.types[objectKey("shell")]?.definition == .base)
            // A composite type is a relation too.
            #expect(catalog.relationKind(objectKey("address")) == .compositeType)
        }

        @Test(arguments: [
            ("CREATE TYPE e AS ENUM ('a', 'b', 'a')", "23505"),
            ("CREATE TYPE mood AS ENUM ('c')", "42710"),
            ("CREATE TYPE t AS ENUM ('x')", "42710"),
            ("CREATE TYPE t AS (x int)", "42710"),
            ("CREATE TYPE sq AS (x int)", "42P07"),
            ("CREATE TYPE c AS (x int, y nosuch)", "42704"),
            ("CREATE TYPE c AS (x int, x text)", "42701"),
            ("CREATE TYPE c AS (x serial)", "42704"),
            ("CREATE DOMAIN mood AS int", "42710"),
            ("CREATE TYPE mood", "42710"),
            ("CREATE TYPE r AS RANGE (SUBTYPE = nosuch)", "42704"),
            ("CREATE TYPE r AS RANGE (FOO = float8)", "42601"),
            ("CREATE TYPE r AS RANGE (SUBTYPE = int4, SUBTYPE = int8)", "42601"),
            ("CREATE TYPE floatrange AS RANGE (SUBTYPE = float8); CREATE TYPE floatmultirange AS ENUM ('a')", "42710"),
            ("CREATE TYPE nosuch.e AS ENUM ('a')", "3F000"),
            ("CREATE TYPE e AS ENUM ('\(String(repeating: "a", count: 64))')", "42602"),
        ] as [(String, String?)])
        func createErrors(_ sql: String, _ expected: String?) {
            #expect(objectRefusal("CREATE TABLE t (a int); CREATE SEQUENCE sq; CREATE TYPE mood AS ENUM ('a'); \(sql);") == expected)
        }

        @Test func addAndRenameEnumValues() {
            let (catalog, error) = applyObjects("""
                CREATE TYPE mood AS ENUM ('a', 'b');
                ALTER TYPE mood ADD VALUE IF NOT EXISTS 'a';
                ALTER TYPE mood ADD VALUE 'c' AFTER 'b';
                ALTER TYPE mood ADD VALUE 'c0' BEFORE 'a';
                ALTER TYPE mood ADD VALUE 'z';
                ALTER TYPE mood RENAME VALUE 'a' TO 'a1';
                ALTER TYPE mood OWNER TO someone;
                """)
            #expect(error == nil)
            #expect(enumLabels(catalog, "mood") == ["c0", "a1", "b", "c", "z"])
        }

        @Test(arguments: [
            ("ALTER TYPE mood ADD VALUE 'a'", "42710"),
            ("ALTER TYPE mood ADD VALUE 'c' BEFORE 'zz'", "22023"),
            ("ALTER TYPE mood RENAME VALUE 'zz' TO 'q'", "22023"),
            ("ALTER TYPE mood RENAME VALUE 'a' TO 'b'", "42710"),
            ("ALTER TYPE comp ADD VALUE 'x'", "42809"),
            ("ALTER TYPE nosuch ADD VALUE 'x'", "42704"),
            ("ALTER TYPE nosuch OWNER TO someone", "42704"),
            ("ALTER TYPE mood ADD ATTRIBUTE z int", "42P01"),
            ("ALTER TYPE comp ADD ATTRIBUTE x int", "42701"),
            ("ALTER TYPE comp DROP ATTRIBUTE nope", "42703"),
            ("ALTER TYPE comp DROP ATTRIBUTE IF EXISTS nope", nil),
            ("ALTER TYPE comp ALTER ATTRIBUTE nope TYPE int", "42703"),
            ("ALTER TYPE comp RENAME ATTRIBUTE nope TO x3", "42703"),
            ("ALTER TYPE comp RENAME ATTRIBUTE x TO y", "42701"),
            ("CREATE TABLE t (c comp); ALTER TYPE comp ALTER ATTRIBUTE x TYPE bigint", "0A000"),
            ("CREATE TABLE t (c comp); ALTER TYPE comp ADD ATTRIBUTE z int", nil),
        ] as [(String, String?)])
        func alterErrors(_ sql: String, _ expected: String?) {
            #expect(objectRefusal("CREATE TYPE mood AS ENUM ('a', 'b'); CREATE TYPE comp AS (x int, y text); \(sql);") == expected)
        }

        @Test func alterCompositeAttributes() {
            let (catalog, error) = applyObjects("""
                CREATE TYPE comp AS (x int, y text);
                ALTER TYPE comp ADD ATTRIBUTE z int, DROP ATTRIBUTE y, ALTER ATTRIBUTE x SET DATA TYPE bigint;
                ALTER TYPE comp RENAME ATTRIBUTE z TO w;
                """)
            #expect(error == nil)
            #expect(attributes(catalog, "comp") == [
                CompositeAttribute(name: "x", type: .bigint), CompositeAttribute(name: "w", type: .integer),
            ])
        }

        @Test func dropTypeRefusesWhileUsedAndCascadeTakesUsersAlong() throws {
            let setup = """
                CREATE TYPE mood AS ENUM ('a');
                CREATE TABLE t (a int, m mood, ms mood[]);
                CREATE DOMAIN dm AS mood;
                CREATE TYPE comp AS (x mood, y int);
                CREATE VIEW v AS SELECT m FROM t;
                CREATE VIEW v2 AS SELECT a FROM t;
                CREATE FUNCTION f(mood) RETURNS int LANGUAGE sql AS 'select 1';
                CREATE FUNCTION g() RETURNS mood LANGUAGE sql AS $$select 'a'::mood$$;
                """
            #expect(objectRefusal(setup) == nil)
            let refused = applyObjects(setup + "DROP TYPE mood;").error
            #expect(refused?.sqlState == "2BP01")
            #expect(refused?.message == "cannot drop type mood because other objects depend on it")
            #expect(objectRefusal(setup + "DROP TYPE mood RESTRICT;") == "2BP01")
            let (catalog, error) = applyObjects(setup + "DROP TYPE mood CASCADE;")
            #expect(error == nil)
            #expect(catalog.types[objectKey("mood")] == nil && catalog.types[objectKey("dm")] == nil)
            #expect(catalog.tables[objectKey("t")]?.columns.map(\.name) == ["a"])
            #expect(catalog.views[objectKey("v")] == nil && catalog.views[objectKey("v2")] != nil)
            #expect(attributes(catalog, "comp") == [CompositeAttribute(name: "y", type: .integer)])
            #expect(catalog.functions.isEmpty)
        }

        @Test(arguments: [
            ("DROP TYPE nosuch", "42704"),
            ("DROP TYPE IF EXISTS nosuch", nil),
            ("DROP DOMAIN nosuch", "42704"),
            ("DROP DOMAIN IF EXISTS nosuch", nil),
            ("DROP DOMAIN comp", "42809"),
            ("DROP TYPE dm", nil),
            ("DROP TYPE t", "2BP01"),
            ("DROP TYPE comp", nil),
            ("DROP TYPE mood", "2BP01"),
            ("DROP TYPE dm, mood", nil),
        ] as [(String, String?)])
        func dropErrors(_ sql: String, _ expected: String?) {
            #expect(objectRefusal("""
                CREATE TABLE t (a int); CREATE TYPE mood AS ENUM ('a'); CREATE DOMAIN dm AS mood;
                CREATE TYPE comp AS (x int); \(sql);
                """) == expected)
        }

        @Test func renameCarriesThroughEveryUser() throws {
            let (catalog, error) = applyObjects("""
                CREATE TYPE mood AS ENUM ('a');
                CREATE TABLE t (m mood, ms mood[]);
                CREATE DOMAIN dm AS mood;
                CREATE TYPE comp AS (x mood);
                CREATE FUNCTION f(mood) RETURNS SETOF mood LANGUAGE sql AS 'select $1';
                ALTER TYPE mood RENAME TO feeling;
                """)
            #expect(error == nil)
            let feeling = ColumnType(schema: "public", name: "feeling")
            #expect(catalog.types[objectKey("mood")] == nil && catalog.types[objectKey("feeling")] != nil)
            #expect(catalog.tables[objectKey("t")]?.columns.map(\.type) == [feeling, feeling.arrayOf])
            #expect(domain(catalog, "dm")?.baseType == feeling)
            #expect(attributes(catalog, "comp")?.first?.type == feeling)
            let f = try #require(catalog.functions[objectKey("f")]?.first)
            #expect(f.argumentTypes == [feeling] && f.returns == "SETOF feeling")
            // And the dependencies still hold under the new name.
            #expect(applyObjects("DROP TYPE feeling;", onto: catalog).error?.sqlState == "2BP01")
        }

        @Test(arguments: [
            ("ALTER TYPE mood RENAME TO mood", "42710"),
            ("ALTER TYPE mood RENAME TO t", "42710"),
            ("ALTER TYPE nosuch RENAME TO x", "42704"),
            ("ALTER TYPE t RENAME TO x", "42809"),
            ("ALTER DOMAIN mood RENAME TO x", "42809"),
            ("ALTER TYPE dm RENAME TO dm2", nil),
            ("ALTER TYPE comp RENAME TO sq", "42P07"),
            ("ALTER TYPE mood SET SCHEMA nosuch", "3F000"),
            ("ALTER TYPE mood SET SCHEMA b; ALTER TYPE mood SET SCHEMA b", "42704"),
            ("CREATE TYPE b.mood AS ENUM ('y'); ALTER TYPE mood SET SCHEMA b", "42710"),
            ("CREATE TABLE b.comp (x int); ALTER TYPE comp SET SCHEMA b", "42710"),
            ("ALTER TYPE mood SET SCHEMA public", nil),
        ] as [(String, String?)])
        func renameAndSetSchemaErrors(_ sql: String, _ expected: String?) {
            #expect(objectRefusal("""
                CREATE SCHEMA b; CREATE TABLE t (a int); CREATE SEQUENCE sq; CREATE TYPE mood AS ENUM ('a');
                CREATE DOMAIN dm AS int; CREATE TYPE comp AS (x int); \(sql);
                """) == expected)
        }

        @Test func setSchemaMovesTheTypeAndItsUsers() {
            let (catalog, error) = applyObjects("""
                CREATE SCHEMA b;
                CREATE TYPE e AS ENUM ('x');
                CREATE TABLE t (a e);
                CREATE FUNCTION fn(e) RETURNS e LANGUAGE sql AS 'select $1';
                ALTER TYPE e SET SCHEMA b;
                """)
            #expect(error == nil)
            let moved = ColumnType(schema: "b", name: "e")
            #expect(catalog.types[ObjectKey("b", "e")] != nil && catalog.types[objectKey("e")] == nil)
            #expect(catalog.tables[objectKey("t")]?.columns.first?.type == moved)
            #expect(catalog.tables[objectKey("t")]?.columns.first?.type.sql == "b.e")
            #expect(catalog.functions[objectKey("fn")]?.first?.argumentTypes == [moved])
            #expect(catalog.functions[objectKey("fn")]?.first?.returns == "b.e")
        }
    }
}

// MARK: - Domains

extension ObjectReplayTests {
    @Suite struct Domains {
        @Test func createNamesChecksAsPostgresDoes() throws {
            let (catalog, error) = applyObjects("""
                CREATE TABLE t (a int CONSTRAINT d_check CHECK (a > 0));
                CREATE DOMAIN d AS int DEFAULT 3 CHECK (VALUE > 0) CHECK (VALUE < 10) CONSTRAINT named CHECK (VALUE <> 5) NOT NULL;
                CREATE DOMAIN email text COLLATE "C" DEFAULT '' CONSTRAINT email_format CHECK (VALUE ~ '@');
                """)
            #expect(error == nil)
            let d = try #require(domain(catalog, "d"))
            #expect(d.baseType == .integer && d.notNull && d.defaultValue == "3")
            // d_check is taken by a table constraint of the same schema.
            #expect(d.checks == ["d_check1": "VALUE > 0", "d_check2": "VALUE < 10", "named": "VALUE <> 5"])
            #expect(domain(catalog, "email")?.checks == ["email_format": "VALUE ~ '@'"])
            let long = String(repeating: "d", count: 70)
            let truncated = applyObjects("CREATE DOMAIN \(long) AS int CHECK (VALUE > 0);").catalog
            #expect(domain(truncated, String(repeating: "d", count: 63))?.checks.keys.first == String(repeating: "d", count: 57) + "_check")
        }

        @Test func alterDomain() throws {
            let (catalog, error) = applyObjects("""
                CREATE DOMAIN d AS int CHECK (VALUE > 0);
                ALTER DOMAIN d SET DEFAULT 5;
                ALTER DOMAIN d SET NOT NULL;
                ALTER DOMAIN d ADD CONSTRAINT small CHECK (VALUE < 100) NOT VALID;
                ALTER DOMAIN d ADD CHECK (VALUE <> 7);
                ALTER DOMAIN d VALIDATE CONSTRAINT small;
                ALTER DOMAIN d DROP CONSTRAINT IF EXISTS nope;
                ALTER DOMAIN d RENAME CONSTRAINT d_check TO positive;
                ALTER DOMAIN d OWNER TO someone;
                """)
            #expect(error == nil)
            let d = try #require(domain(catalog, "d"))
            #expect(d.defaultValue == "5" && d.notNull)
            #expect(d.checks == ["positive": "VALUE > 0", "small": "VALUE < 100", "d_check1": "VALUE <> 7"])
            let dropped = try #require(domain(applyObjects("ALTER DOMAIN d DROP DEFAULT; ALTER DOMAIN d DROP NOT NULL; ALTER DOMAIN d DROP CONSTRAINT small;", onto: catalog).catalog, "d"))
            #expect(dropped.defaultValue == nil && !dropped.notNull && dropped.checks.keys.sorted() == ["d_check1", "positive"])
        }

        @Test(arguments: [
            ("CREATE DOMAIN x AS nosuch", "42704"),
            ("CREATE DOMAIN x AS serial", "42704"),
            ("CREATE DOMAIN x AS int CONSTRAINT c1 CHECK (VALUE > 0) CONSTRAINT c1 CHECK (VALUE > 1)", "42710"),
            ("CREATE DOMAIN x AS int NULL NOT NULL", "42601"),
            ("CREATE DOMAIN d AS int", "42710"),
            ("CREATE DOMAIN nosch.x AS int", "3F000"),
            ("ALTER DOMAIN d ADD CONSTRAINT named CHECK (VALUE > 1)", "42710"),
            ("ALTER DOMAIN d VALIDATE CONSTRAINT nope", "42704"),
            ("ALTER DOMAIN d DROP CONSTRAINT nope", "42704"),
            ("ALTER DOMAIN d RENAME CONSTRAINT nope TO x", "42704"),
            ("ALTER DOMAIN d RENAME CONSTRAINT named TO d_check", "42710"),
            ("ALTER DOMAIN mood SET DEFAULT 1", "42809"),
            ("ALTER DOMAIN nosuch SET DEFAULT 1", "42704"),
            ("ALTER DOMAIN d RENAME TO d", "42710"),
            ("ALTER DOMAIN d RENAME TO mood", "42710"),
            ("ALTER DOMAIN d RENAME TO d2; ALTER DOMAIN d2 SET NOT NULL", nil),
            ("CREATE TABLE t (a d); DROP DOMAIN d", "2BP01"),
            ("CREATE TABLE t (a d); DROP DOMAIN d CASCADE", nil),
        ] as [(String, String?)])
        func errors(_ sql: String, _ expected: String?) {
            #expect(objectRefusal("""
                CREATE TYPE mood AS ENUM ('a'); CREATE DOMAIN d AS int CHECK (VALUE > 0) CONSTRAINT named CHECK (VALUE <> 5);
                \(sql);
                """) == expected)
        }
    }
}

// MARK: - Schemas and the search path

extension ObjectReplayTests {
    @Suite struct Schemas {
        @Test func createSchemaWithElementsRunsThemInTheNewSchema() throws {
            let (catalog, error) = applyObjects("""
                CREATE SCHEMA hollywood
                    CREATE VIEW winners AS SELECT title, release FROM films WHERE awards IS NOT NULL
                    CREATE TABLE films (title text, release date, awards text[])
                    CREATE SEQUENCE film_ids
                    GRANT SELECT ON winners TO PUBLIC;
                CREATE SCHEMA IF NOT EXISTS reporting AUTHORIZATION report_owner;
                CREATE SCHEMA IF NOT EXISTS reporting;
                CREATE SCHEMA AUTHORIZATION joe;
                """)
            #expect(error == nil)
            #expect(catalog.tables[ObjectKey("hollywood", "films")] != nil)
            #expect(catalog.views[ObjectKey("hollywood", "winners")]?.dependencies[ObjectKey("hollywood", "films")] == [
                "title", "release", "awards",
            ])
            #expect(catalog.sequences[ObjectKey("hollywood", "film_ids")] != nil)
            #expect(catalog.schemas["reporting"]?.owner == "report_owner")
            #expect(catalog.schemas["joe"] != nil)
            // The search path is back to what it was.
            #expect(catalog.searchPath == ["public"])
        }

        @Test(arguments: [
            ("CREATE SCHEMA s; CREATE SCHEMA s", "42P06"),
            ("CREATE SCHEMA public", "42P06"),
            ("CREATE SCHEMA pg_catalog", "42939"),
            ("CREATE SCHEMA pg_foo", "42939"),
            ("CREATE SCHEMA s2 CREATE TABLE t1 (a int); CREATE SCHEMA s3 CREATE TABLE s2.t9 (a int)", "42P15"),
            ("DROP SCHEMA nosuch", "3F000"),
            ("DROP SCHEMA IF EXISTS nosuch", nil),
            ("DROP SCHEMA pg_catalog", "2BP01"),
            ("CREATE SCHEMA s; CREATE TYPE s.e AS ENUM (); DROP SCHEMA s", "2BP01"),
            ("CREATE SCHEMA s; CREATE TYPE s.e AS ENUM (); DROP SCHEMA s RESTRICT", "2BP01"),
            ("CREATE SCHEMA s; DROP SCHEMA s", nil),
            ("ALTER SCHEMA nosuch RENAME TO x", "3F000"),
            ("CREATE SCHEMA a; CREATE SCHEMA b; ALTER SCHEMA a RENAME TO b", "42P06"),
            ("CREATE SCHEMA a; ALTER SCHEMA a RENAME TO a", "42P06"),
            ("CREATE SCHEMA a; ALTER SCHEMA a RENAME TO pg_x", "42939"),
        ] as [(String, String?)])
        func errors(_ sql: String, _ expected: String?) {
            #expect(objectRefusal(sql + ";") == expected)
        }

        @Test func dropSchemaCascadeDropsEverythingInIt() {
            let (catalog, error) = applyObjects("""
                CREATE SCHEMA s;
                CREATE TABLE public.pt (a int);
                CREATE TABLE s.st (a int);
                CREATE VIEW s.sv AS SELECT a FROM public.pt;
                CREATE VIEW public.pv AS SELECT a FROM s.st;
                CREATE TYPE s.e AS ENUM ('a');
                CREATE TABLE public.uses (x s.e, y int);
                CREATE FUNCTION s.sf() RETURNS int LANGUAGE sql AS 'select 1';
                CREATE SEQUENCE s.q;
                DROP SCHEMA s CASCADE;
                """)
            #expect(error == nil)
            #expect(catalog.schemas["s"] == nil)
            #expect(catalog.tables.keys.sorted() == [objectKey("pt"), objectKey("uses")])
            #expect(catalog.tables[objectKey("uses")]?.columns.map(\.name) == ["y"])
            #expect(catalog.views.isEmpty && catalog.types.isEmpty && catalog.functions.isEmpty && catalog.sequences.isEmpty)
        }

        @Test func renameSchemaRekeysEverythingInIt() throws {
            let (catalog, error) = applyObjects("""
                CREATE SCHEMA a;
                CREATE TYPE a.e AS ENUM ('x');
                CREATE TABLE a.t (id int PRIMARY KEY, m a.e);
                CREATE TABLE public.r (t_id int REFERENCES a.t (id), m a.e);
                CREATE VIEW public.v AS SELECT id FROM a.t;
                CREATE FUNCTION a.fn(a.e) RETURNS a.e LANGUAGE sql AS 'select $1';
                ALTER SCHEMA a RENAME TO c;
                """)
            #expect(error == nil)
            #expect(catalog.schemas["a"] == nil && catalog.schemas["c"] != nil)
            let e = ColumnType(schema: "c", name: "e")
            #expect(catalog.tables[ObjectKey("c", "t")]?.columns.last?.type == e)
            #expect(catalog.tables[objectKey("r")]?.columns.last?.type == e)
            #expect(catalog.tables[objectKey("r")]?.constraints.first?.foreignKey?.table == ObjectKey("c", "t"))
            #expect(catalog.views[objectKey("v")]?.dependencies[ObjectKey("c", "t")] == ["id"])
            #expect(catalog.indexes(on: ObjectKey("c", "t")).map(\.name) == ["t_pkey"])
            let fn = try #require(catalog.functions[ObjectKey("c", "fn")]?.first)
            #expect(fn.argumentTypes == [e] && fn.returns == "c.e")
        }

        @Test func searchPathDecidesWhereObjectsGo() {
            let (catalog, error) = applyObjects("""
                CREATE SCHEMA app;
                SET search_path TO app, public;
                CREATE TYPE mood AS ENUM ('a');
                CREATE TABLE t (m mood);
                CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1';
                SET search_path = "$user", public;
                CREATE TYPE other AS ENUM ('b');
                SET search_path = app;
                RESET search_path;
                CREATE DOMAIN d AS int;
                SET statement_timeout = '5s';
                SET LOCAL search_path = app;
                CREATE SEQUENCE s;
                SET search_path TO DEFAULT;
                """)
            #expect(error == nil)
            #expect(catalog.types[ObjectKey("app", "mood")] != nil)
            #expect(catalog.tables[ObjectKey("app", "t")]?.columns.first?.type == ColumnType(schema: "app", name: "mood"))
            #expect(catalog.functions[ObjectKey("app", "f")] != nil)
            #expect(catalog.types[objectKey("other")] != nil && catalog.types[objectKey("d")] != nil)
            #expect(catalog.sequences[ObjectKey("app", "s")] != nil)
            #expect(catalog.searchPath == ["public"])
            // No schema of an empty search path exists to create in.
            #expect(objectRefusal("SET search_path = ''; CREATE TYPE e AS ENUM ();") == "3F000")
            // A name found through the path, not in the first schema.
            #expect(objectRefusal("CREATE SCHEMA app; CREATE TYPE mood AS ENUM (); SET search_path = app, public; DROP TYPE mood;") == nil)
        }
    }
}

// MARK: - Extensions

extension ObjectReplayTests {
    @Suite struct Extensions {
        @Test func extensionsCreateTheirTypesAndFunctions() throws {
            let (catalog, error) = applyObjects("""
                CREATE SCHEMA ext;
                CREATE EXTENSION citext;
                CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA ext VERSION '1.1';
                CREATE EXTENSION IF NOT EXISTS citext;
                CREATE EXTENSION hstore;
                CREATE EXTENSION earthdistance CASCADE;
                CREATE EXTENSION some_unknown_extension;
                CREATE EXTENSION IF NOT EXISTS plpgsql;
                """)
            #expect(error == nil)
            #expect(catalog.types[objectKey("citext")] == UserType(key: objectKey("citext"), definition: .base, extensionOwner: "citext"))
            #expect(catalog.types[objectKey("hstore")]?.extensionOwner == "hstore")
            #expect(catalog.extensions["uuid-ossp"] == Extension(name: "uuid-ossp", schema: "ext", version: "1.1"))
            let v4 = try #require(catalog.functions[ObjectKey("ext", "uuid_generate_v4")]?.first)
            #expect(v4.argumentTypes == [] && v4.returns == "uuid" && v4.volatility == .volatile && v4.extensionOwner == "uuid-ossp")
            #expect(catalog.functions[objectKey("akeys")]?.first?.argumentTypes == [ColumnType(schema: "public", name: "hstore")])
            #expect(catalog.extensions["cube"] != nil && catalog.types[objectKey("cube")]?.extensionOwner == "cube")
            #expect(catalog.types[objectKey("earth")]?.extensionOwner == "earthdistance")
            #expect(catalog.extensions["some_unknown_extension"]?.schema == "public")
            // Extension types work as column types.
            #expect(applyObjects("CREATE TABLE t (a citext, b hstore);", onto: catalog).error == nil)
        }

        @Test(arguments: [
            ("CREATE EXTENSION cube; CREATE EXTENSION cube", "42710"),
            ("CREATE EXTENSION plpgsql", "42710"),
            ("CREATE EXTENSION earthdistance", "42704"),
            ("CREATE EXTENSION citext SCHEMA nosuch", "3F000"),
            ("CREATE TYPE citext AS ENUM ('a'); CREATE EXTENSION citext", "42710"),
            ("CREATE FUNCTION digest(text, text) RETURNS bytea LANGUAGE sql AS 'select null::bytea'; CREATE EXTENSION pgcrypto", "42723"),
            ("DROP EXTENSION nosuch", "42704"),
            ("DROP EXTENSION IF EXISTS nosuch", nil),
            ("CREATE EXTENSION citext; CREATE DOMAIN d AS citext; DROP EXTENSION citext", "2BP01"),
            ("CREATE EXTENSION citext; CREATE DOMAIN d AS citext; DROP EXTENSION citext CASCADE", nil),
            ("CREATE EXTENSION citext; CREATE TABLE t (a citext); DROP EXTENSION citext", "2BP01"),
            ("CREATE EXTENSION earthdistance CASCADE; DROP EXTENSION cube", "2BP01"),
            ("CREATE EXTENSION citext; DROP TYPE citext", "2BP01"),
            ("CREATE EXTENSION citext; DROP TYPE citext CASCADE", "2BP01"),
            ("CREATE EXTENSION pgcrypto; DROP FUNCTION digest(text, text)", "2BP01"),
            ("CREATE EXTENSION citext; ALTER TYPE citext RENAME TO ci", nil),
            ("ALTER EXTENSION nosuch SET SCHEMA public", "42704"),
            ("CREATE EXTENSION citext; ALTER EXTENSION citext SET SCHEMA nosuch", "3F000"),
        ] as [(String, String?)])
        func errors(_ sql: String, _ expected: String?) {
            #expect(objectRefusal(sql + ";") == expected)
        }

        @Test func dropExtensionCascadeDropsWhatUsesIt() {
            let (catalog, error) = applyObjects("""
                CREATE EXTENSION citext;
                CREATE EXTENSION "uuid-ossp";
                CREATE TABLE t (a citext, id uuid DEFAULT uuid_generate_v4(), n int);
                DROP EXTENSION citext CASCADE;
                """)
            #expect(error == nil)
            #expect(catalog.extensions["citext"] == nil && catalog.types[objectKey("citext")] == nil)
            #expect(catalog.functions[objectKey("regexp_match")] == nil)
            #expect(catalog.tables[objectKey("t")]?.columns.map(\.name) == ["id", "n"])
            // A default that calls an extension's function blocks the drop; CASCADE drops the default.
            #expect(applyObjects("DROP EXTENSION \"uuid-ossp\";", onto: catalog).error?.sqlState == "2BP01")
            let after = applyObjects("DROP EXTENSION \"uuid-ossp\" CASCADE;", onto: catalog)
            #expect(after.error == nil)
            #expect(after.catalog.tables[objectKey("t")]?.columns.first?.defaultValue == nil)
        }

        @Test func setSchemaMovesMembers() {
            let (catalog, error) = applyObjects("""
                CREATE SCHEMA b;
                CREATE EXTENSION citext;
                CREATE TABLE t (a citext);
                ALTER EXTENSION citext SET SCHEMA b;
                """)
            #expect(error == nil)
            #expect(catalog.extensions["citext"]?.schema == "b")
            #expect(catalog.types[ObjectKey("b", "citext")]?.extensionOwner == "citext")
            #expect(catalog.tables[objectKey("t")]?.columns.first?.type == ColumnType(schema: "b", name: "citext"))
            #expect(catalog.functions[ObjectKey("b", "strpos")] != nil && catalog.functions[objectKey("strpos")] == nil)
        }
    }
}

// MARK: - Functions and procedures

extension ObjectReplayTests {
    @Suite struct Functions {
        @Test func createRecordsIdentityAndShape() throws {
            let (catalog, error) = applyObjects("""
                CREATE FUNCTION add(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE STRICT AS 'select a + b';
                CREATE FUNCTION add(a numeric(10, 2), b numeric) RETURNS numeric LANGUAGE sql AS 'select a + b';
                CREATE FUNCTION search(IN q text, OUT id bigint, OUT rank real, VARIADIC tags text[]) RETURNS SETOF record
                    LANGUAGE plpgsql STABLE AS $$ begin return; end $$;
                CREATE FUNCTION pairs(n int) RETURNS TABLE (a int, b double precision) AS 'select 1, 2.0' LANGUAGE sql;
                CREATE FUNCTION out_only(OUT a int, OUT b int) AS 'select 1, 2' LANGUAGE sql;
                CREATE FUNCTION one_out(x int, OUT y text) AS 'select 1' LANGUAGE sql;
                CREATE FUNCTION inc(a int) RETURNS int LANGUAGE sql IMMUTABLE RETURN a + 1;
                CREATE PROCEDURE insert_pair(a int, INOUT b int DEFAULT 0) LANGUAGE sql BEGIN ATOMIC SELECT 1; END;
                """)
            #expect(error == nil)
            let add = try #require(catalog.functions[objectKey("add")])
            #expect(add.map(\.argumentTypes) == [[.integer, .integer], [ColumnType(name: "numeric"), ColumnType(name: "numeric")]])
            #expect(add.first?.argumentNames == ["a", "b"] && add.first?.volatility == .immutable && add.first?.language == "sql")
            let search = try #require(catalog.functions[objectKey("search")]?.first)
            #expect(search.argumentTypes == [.text, ColumnType.text.arrayOf] && search.returns == "SETOF record")
            #expect(search.volatility == .stable && search.language == "plpgsql")
            #expect(catalog.functions[objectKey("pairs")]?.first?.returns == "TABLE(a integer, b double precision)")
            #expect(catalog.functions[objectKey("out_only")]?.first?.returns == "record")
            #expect(catalog.functions[objectKey("out_only")]?.first?.argumentTypes == [])
            #expect(catalog.functions[objectKey("one_out")]?.first?.returns == "text")
            #expect(catalog.functions[objectKey("inc")]?.first?.language == "sql")
            let procedure = try #require(catalog.functions[objectKey("insert_pair")]?.first)
            #expect(procedure.isProcedure && procedure.returns == nil && procedure.argumentTypes == [.integer, .integer])
            #expect(procedure.volatility == .volatile)
        }

        @Test func orReplace() throws {
            let (catalog, error) = applyObjects("""
                CREATE FUNCTION f(int, text) RETURNS int LANGUAGE sql AS 'select 1';
                CREATE OR REPLACE FUNCTION f(x int, y text) RETURNS int LANGUAGE sql STABLE AS 'select 2';
                """)
            #expect(error == nil)
            let f = try #require(catalog.functions[objectKey("f")])
            #expect(f.count == 1 && f.first?.volatility == .stable && f.first?.argumentNames == ["x", "y"])
        }

        @Test(arguments: [
            ("CREATE FUNCTION f(int, text) RETURNS int LANGUAGE sql AS 'select 2'", "42723"),
            ("CREATE FUNCTION f(integer, varchar) RETURNS int LANGUAGE sql AS 'select 2'", nil),
            ("CREATE FUNCTION f(int, out r int, text) LANGUAGE sql AS 'select 1'", "42723"),
            ("CREATE OR REPLACE FUNCTION f(int, text) RETURNS bigint LANGUAGE sql AS 'select 2'", "42P13"),
            ("CREATE OR REPLACE FUNCTION f(x int, y text) RETURNS int LANGUAGE sql AS 'select 2'; CREATE OR REPLACE FUNCTION f(a int, b text) RETURNS int LANGUAGE sql AS 'select 2'", "42P13"),
            ("CREATE PROCEDURE f(int, text) LANGUAGE sql AS 'select 1'", "42723"),
            ("CREATE OR REPLACE PROCEDURE f(int, text) LANGUAGE sql AS 'select 1'", "42809"),
            ("CREATE FUNCTION g(nosuch) RETURNS int LANGUAGE sql AS 'select 1'", "42704"),
            ("CREATE FUNCTION g() RETURNS nosuch LANGUAGE sql AS 'select 1'", "42704"),
            ("CREATE FUNCTION g(a int, a int) RETURNS int LANGUAGE sql AS 'select 1'", "42P13"),
            ("CREATE FUNCTION g() RETURNS int AS 'select 1'", "42P13"),
            ("CREATE FUNCTION nosuch.g() RETURNS int LANGUAGE sql AS 'select 1'", "3F000"),
            ("DROP FUNCTION f(int, text)", nil),
            ("DROP FUNCTION f", nil),
            ("DROP FUNCTION f(int)", "42883"),
            ("DROP FUNCTION IF EXISTS f(int)", nil),
            ("DROP FUNCTION f(nosuchtype)", "42704"),
            ("DROP FUNCTION IF EXISTS f(nosuchtype)", nil),
            ("DROP FUNCTION nosuch", "42883"),
            ("DROP FUNCTION IF EXISTS nosuch", nil),
            ("CREATE FUNCTION f(int) RETURNS int LANGUAGE sql AS 'select 1'; DROP FUNCTION f", "42725"),
            ("CREATE FUNCTION f(int) RETURNS int LANGUAGE sql AS 'select 1'; DROP FUNCTION f(int); DROP FUNCTION f", nil),
            ("CREATE PROCEDURE p() LANGUAGE sql AS 'select 1'; DROP FUNCTION p", "42883"),
            ("CREATE PROCEDURE p() LANGUAGE sql AS 'select 1'; DROP FUNCTION p()", "42809"),
            ("DROP PROCEDURE f(int, text)", "42809"),
            ("CREATE PROCEDURE p() LANGUAGE sql AS 'select 1'; DROP ROUTINE p; DROP PROCEDURE IF EXISTS p", nil),
            ("CREATE FUNCTION v(varchar(10)) RETURNS int LANGUAGE sql AS 'select 1'; DROP FUNCTION v(varchar(20))", nil),
            ("CREATE FUNCTION f2(a int, out b int) LANGUAGE sql AS 'select 1'; DROP FUNCTION f2(in int, out int)", nil),
            ("ALTER FUNCTION f(int, text) RENAME TO h", nil),
            ("ALTER FUNCTION f RENAME TO f", "42723"),
            ("ALTER FUNCTION nosuch() RENAME TO x", "42883"),
            ("CREATE SCHEMA b; ALTER FUNCTION f SET SCHEMA b", nil),
            ("ALTER FUNCTION f SET SCHEMA nosuch", "3F000"),
            ("CREATE SCHEMA b; CREATE FUNCTION b.f(int, text) RETURNS int LANGUAGE sql AS 'select 1'; ALTER FUNCTION f SET SCHEMA b", "42723"),
            ("ALTER PROCEDURE f RENAME TO g", "42883"),
        ] as [(String, String?)])
        func errors(_ sql: String, _ expected: String?) {
            #expect(objectRefusal("CREATE FUNCTION f(int, text) RETURNS int LANGUAGE sql AS 'select 1'; \(sql);") == expected)
        }

        @Test func renameAndSetSchemaCarryThrough() {
            let (catalog, error) = applyObjects("""
                CREATE SCHEMA b;
                CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS 'begin return new; end';
                CREATE FUNCTION g(int) RETURNS int LANGUAGE sql AS 'select 1';
                CREATE TABLE t (a int DEFAULT g(2));
                CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg();
                ALTER FUNCTION trg() RENAME TO touch;
                ALTER FUNCTION g SET SCHEMA b;
                ALTER FUNCTION b.g(int) RENAME TO h;
                """)
            #expect(error == nil)
            #expect(catalog.tables[objectKey("t")]?.triggers.first?.function == objectKey("touch"))
            #expect(catalog.functions[ObjectKey("b", "h")] != nil && catalog.functions[objectKey("g")] == nil)
            // As pg_get_expr prints it: b is not on the search path.
            #expect(catalog.tables[objectKey("t")]?.columns.first?.defaultValue?.sql == "b.h(2)")
            #expect(applyObjects("DROP FUNCTION b.h(int);", onto: catalog).error?.sqlState == "2BP01")
        }

        @Test func dropFunctionUsedByDefaultsChecksIndexesAndTriggers() throws {
            let setup = """
                CREATE FUNCTION g(int) RETURNS int LANGUAGE sql IMMUTABLE AS 'select 1';
                CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS 'begin return new; end';
                CREATE TABLE t (a int DEFAULT g(2), b int CHECK (g(b) > 0), c int);
                CREATE INDEX t_g_idx ON t (g(a));
                CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg();
                """
            #expect(objectRefusal(setup) == nil)
            #expect(objectRefusal(setup + "DROP FUNCTION g(int);") == "2BP01")
            #expect(objectRefusal(setup + "DROP FUNCTION trg();") == "2BP01")
            let (catalog, error) = applyObjects(setup + "DROP FUNCTION g(int) CASCADE; DROP FUNCTION trg() CASCADE;")
            #expect(error == nil)
            let t = try #require(catalog.tables[objectKey("t")])
            #expect(t.columns.map(\.name) == ["a", "b", "c"])
            #expect(t.columns.first?.defaultValue == nil)
            #expect(t.constraints.isEmpty && t.triggers.isEmpty)
            #expect(catalog.indexes[objectKey("t_g_idx")] == nil)
        }
    }
}

// MARK: - Triggers and policies

extension ObjectReplayTests {
    @Suite struct TriggersAndPolicies {
        static let setup = """
            CREATE TABLE t (a int, b int);
            CREATE VIEW v AS SELECT a FROM t;
            CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1';
            CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS 'begin return new; end';

            """

        @Test func createReplaceRenameAndDropTriggers() throws {
            let (catalog, error) = applyObjects(Self.setup + """
                CREATE TRIGGER tr BEFORE INSERT OR UPDATE OF b ON t FOR EACH ROW EXECUTE FUNCTION trg();
                CREATE TRIGGER stmt AFTER TRUNCATE ON t EXECUTE PROCEDURE trg();
                CREATE OR REPLACE TRIGGER tr AFTER DELETE ON t FOR EACH ROW EXECUTE FUNCTION trg();
                CREATE TRIGGER tsv BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION tsvector_update_trigger(a, 'pg_catalog.english', b);
                CREATE TRIGGER x INSTEAD OF INSERT ON v FOR EACH ROW EXECUTE FUNCTION trg();
                ALTER TRIGGER stmt ON t RENAME TO statement_level;
                DROP TRIGGER IF EXISTS nosuch ON t;
                DROP TRIGGER IF EXISTS tr ON nosuch;
                DROP TRIGGER tsv ON t;
                """)
            #expect(error == nil)
            let triggers = try #require(catalog.tables[objectKey("t")]?.triggers)
            #expect(triggers == [
                Trigger(name: "tr", function: objectKey("trg"), timing: "AFTER", events: ["DELETE"], forEachRow: true),
                Trigger(name: "statement_level", function: objectKey("trg"), timing: "AFTER", events: ["TRUNCATE"], forEachRow: false),
            ])
        }

        @Test(arguments: [
            ("CREATE TRIGGER tr BEFORE INSERT ON nosuch FOR EACH ROW EXECUTE FUNCTION trg()", "42P01"),
            ("CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION nosuchf()", "42883"),
            ("CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION f()", "42P17"),
            ("CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg(); CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg()", "42710"),
            ("CREATE TRIGGER tr BEFORE INSERT ON v FOR EACH ROW EXECUTE FUNCTION trg()", "42809"),
            ("CREATE TRIGGER tr INSTEAD OF INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg()", "42809"),
            ("CREATE TRIGGER tr AFTER UPDATE OF zz ON t FOR EACH ROW EXECUTE FUNCTION trg()", "42703"),
            ("CREATE TRIGGER tr AFTER TRUNCATE ON t FOR EACH ROW EXECUTE FUNCTION trg()", "0A000"),
            ("DROP TRIGGER nosuch ON t", "42704"),
            ("DROP TRIGGER tr ON nosuch", "42P01"),
            ("ALTER TRIGGER nosuch ON t RENAME TO x", "42704"),
            ("CREATE TRIGGER a1 BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg(); CREATE TRIGGER a2 BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg(); ALTER TRIGGER a1 ON t RENAME TO a2", "42710"),
            ("CREATE POLICY p ON t USING (true); CREATE POLICY p ON t USING (true)", "42710"),
            ("CREATE POLICY p ON v USING (true)", "42809"),
            ("CREATE POLICY p ON nosuch USING (true)", "42P01"),
            ("ALTER POLICY nosuch ON t USING (false)", "42704"),
            ("CREATE POLICY p ON t FOR SELECT WITH CHECK (true)", "42601"),
            ("CREATE POLICY p ON t FOR INSERT USING (true)", "42601"),
            ("CREATE POLICY p ON t; CREATE POLICY q ON t; ALTER POLICY q ON t RENAME TO p", "42710"),
            ("ALTER POLICY nosuch ON t RENAME TO p3", "42704"),
            ("DROP POLICY nosuch ON t", "42704"),
            ("DROP POLICY IF EXISTS nosuch ON t", nil),
            ("DROP POLICY IF EXISTS p ON nosuch", nil),
        ] as [(String, String?)])
        func errors(_ sql: String, _ expected: String?) {
            #expect(objectRefusal(Self.setup + sql + ";") == expected)
        }

        @Test func policies() throws {
            let (catalog, error) = applyObjects(Self.setup + """
                CREATE POLICY tenant ON t USING (a = current_setting('app.tenant')::int);
                CREATE POLICY admins ON t AS RESTRICTIVE FOR UPDATE TO admin, CURRENT_USER USING (true) WITH CHECK (b > 0);
                CREATE POLICY gone ON t;
                ALTER POLICY tenant ON t TO app_user USING (a = 1);
                ALTER POLICY admins ON t RENAME TO owners;
                DROP POLICY gone ON t;
                """)
            #expect(error == nil)
            let policies = try #require(catalog.tables[objectKey("t")]?.policies)
            #expect(policies == [
                Policy(name: "tenant", command: "all", permissive: true, roles: ["app_user"], using: "a = 1"),
                Policy(
                    name: "owners", command: "update", permissive: false, roles: ["admin", "current_user"], using: "true",
                    withCheck: "b > 0"),
            ])
        }

        @Test func sqliteTriggersAreNamedInTheSchema() {
            let sqlite = Catalog(dialect: .sqlite)
            let setup = "CREATE TABLE t (a INT); CREATE TABLE u (a INT); CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END;"
            let (catalog, error) = applyObjects(setup, onto: sqlite)
            #expect(error == nil)
            #expect(catalog.tables[ObjectKey("main", "t")]?.triggers.map(\.name) == ["tr"])
            #expect(applyObjects(setup + "CREATE TRIGGER tr AFTER INSERT ON u BEGIN SELECT 1; END;", onto: sqlite).error?.sqlState == "42710")
            #expect(applyObjects(setup + "CREATE TRIGGER IF NOT EXISTS tr AFTER INSERT ON u BEGIN SELECT 1; END;", onto: sqlite).error == nil)
            #expect(applyObjects("CREATE TRIGGER tr AFTER INSERT ON nosuch BEGIN SELECT 1; END;", onto: sqlite).error?.sqlState == "42P01")
            let dropped = applyObjects(setup + "DROP TRIGGER tr;", onto: sqlite)
            #expect(dropped.error == nil && dropped.catalog.tables[ObjectKey("main", "t")]?.triggers.isEmpty == true)
        }
    }
}
