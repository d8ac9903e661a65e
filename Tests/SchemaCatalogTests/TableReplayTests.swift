import Diagnostics
import SchemaCatalog
import SQLParser
import SQLSyntax
import Testing

/// Replays `sql` onto `start` and returns the catalog, or the first refusal.
func replay(_ sql: String, onto start: Catalog = Catalog(dialect: .postgres)) -> (Catalog, Replay.Failure?) {
    var r = Replay(catalog: start)
    r.apply(SourceFile(path: "test.sql", text: sql))
    return (r.catalog, r.failure)
}

/// The SQLSTATE replay stops with, or nil when everything applied.
func refusal(_ sql: String) -> String? {
    replay(sql).1?.sqlState
}

@Suite struct TableReplayTests {
    // Every name below is what PostgreSQL 15.20 chose for the same statements
    // (checked with psql against pg_constraint / pg_indexes / pg_sequences).
    static let namingScript = """
        CREATE TABLE orders (id serial PRIMARY KEY, a int UNIQUE, b int, c int CHECK (c > 0), CHECK (a < b),
          CHECK (1 = 1), UNIQUE (a, b), d int REFERENCES orders (id), e int GENERATED ALWAYS AS IDENTITY);
        CREATE INDEX ON orders (a);
        CREATE INDEX ON orders (lower(b::text));
        CREATE INDEX ON orders ((a + b));
        CREATE INDEX ON orders (a);
        CREATE TABLE this_is_a_very_long_table_name_that_goes_on_and_on_and_on_forever (some_very_long_column_name_that_is_long int UNIQUE);
        CREATE TABLE t2 (x int CHECK (x > 0));
        ALTER TABLE t2 ADD CHECK (x < 100);
        """

    /// A chosen name must be free in the whole schema, and is free again once
    /// the table or constraint holding it is gone (PostgreSQL 15.20 gave these).
    @Test func chosenConstraintNamesFollowTheSchemaAsItChanges() throws {
        let (catalog, failure) = replay("""
            CREATE TABLE a (x int CHECK (x > 0));
            ALTER TABLE a RENAME TO b;
            CREATE TABLE a (x int CHECK (x > 0));
            DROP TABLE b;
            ALTER TABLE a ADD CHECK (x < 10);
            CREATE SCHEMA s;
            CREATE TABLE s.a (x int CHECK (x > 0));
            ALTER TABLE a DROP CONSTRAINT a_x_check1;
            ALTER TABLE a ADD CHECK (x <> 5);
            """)
        #expect(failure == nil)
        #expect(catalog.tables[ObjectKey("public", "a")]?.constraints.map(\.name).sorted() == ["a_x_check", "a_x_check1"])
        #expect(catalog.tables[ObjectKey("s", "a")]?.constraints.map(\.name) == ["a_x_check"])
    }

    @Test func chosenNamesMatchPostgres() throws {
        let (catalog, failure) = replay(Self.namingScript)
        #expect(failure == nil)
        let orders = try #require(catalog.tables[ObjectKey("public", "orders")])
        #expect(orders.constraints.map(\.name).sorted() == [
            "orders_a_b_key", "orders_a_key", "orders_c_check", "orders_check", "orders_check1", "orders_d_fkey", "orders_pkey",
        ])
        #expect(catalog.indexes(on: orders.key).map(\.name) == [
            "orders_a_b_key", "orders_a_idx", "orders_a_idx1", "orders_a_key", "orders_expr_idx", "orders_lower_idx", "orders_pkey",
        ])
        #expect(catalog.sequences.keys.map(\.name).sorted() == ["orders_e_seq", "orders_id_seq"])
        let long = ObjectKey("public", "this_is_a_very_long_table_name_that_goes_on_and_on_and_on_forev")
        #expect(catalog.tables[long]?.constraints.map(\.name) == ["this_is_a_very_long_table_nam_some_very_long_column_name_th_key"])
        #expect(catalog.tables[ObjectKey("public", "t2")]?.constraints.map(\.name) == ["t2_x_check", "t2_x_check1"])
    }

    @Test func columnsTypesAndDefaults() throws {
        let (catalog, failure) = replay("""
            CREATE TABLE t (
              id bigserial PRIMARY KEY, name varchar(64) NOT NULL DEFAULT '', price numeric(10, 2), n numeric(5),
              at timestamptz DEFAULT now(), tags text[], flag boolean, c char, d double precision, f float(3)
            );
            """)
        #expect(failure == nil)
        let t = try #require(catalog.tables[ObjectKey("public", "t")])
        #expect(t.columns.map(\.type.sql) == [
            "bigint", "character varying(64)", "numeric(10,2)", "numeric(5,0)", "timestamp with time zone", "text[]", "boolean",
            "character(1)", "double precision", "real",
        ])
        #expect(t.columns[0].notNull)
        #expect(t.columns[0].defaultValue?.sql == "nextval('t_id_seq'::regclass)")
        #expect(t.columns[4].defaultValue?.volatility == .stable)
        #expect(catalog.sequences[ObjectKey("public", "t_id_seq")]?.ownedBy == ColumnReference(table: t.key, column: "id"))
    }

    @Test(arguments: [
        ("CREATE TABLE t (a int); CREATE TABLE t (b int);", "42P07"),
        ("CREATE TABLE t (a int); CREATE TABLE IF NOT EXISTS t (b int);", nil),
        ("CREATE TABLE t (a int, a text);", "42701"),
        ("CREATE TABLE t (a nosuchtype);", "42704"),
        ("CREATE TABLE t (a int REFERENCES nowhere);", "42P01"),
        ("CREATE TABLE p (a int); CREATE TABLE t (a int REFERENCES p (a));", "42830"),
        ("CREATE TABLE t (a int PRIMARY KEY, b int PRIMARY KEY);", "42P16"),
        ("CREATE TABLE t (a int, UNIQUE (b));", "42703"),
        ("CREATE TABLE s.t (a int);", "3F000"),
        ("ALTER TABLE nowhere ADD COLUMN a int;", "42P01"),
        ("ALTER TABLE IF EXISTS nowhere ADD COLUMN a int;", nil),
        ("CREATE TABLE t (a int); ALTER TABLE t ADD COLUMN a int;", "42701"),
        ("CREATE TABLE t (a int); ALTER TABLE t ADD COLUMN IF NOT EXISTS a int;", nil),
        ("CREATE TABLE t (a int); ALTER TABLE t DROP COLUMN b;", "42703"),
        ("CREATE TABLE t (a int); ALTER TABLE t DROP CONSTRAINT c;", "42704"),
        ("CREATE TABLE t (a int PRIMARY KEY); ALTER TABLE t ALTER COLUMN a DROP NOT NULL;", "42P16"),
        ("CREATE TABLE t (a int); CREATE VIEW v AS SELECT a FROM t; DROP TABLE t;", "2BP01"),
        ("CREATE TABLE t (a int); CREATE VIEW v AS SELECT a FROM t; ALTER TABLE t ALTER COLUMN a TYPE bigint;", "0A000"),
        ("CREATE TABLE p (a int PRIMARY KEY); CREATE TABLE c (a int REFERENCES p); DROP TABLE p;", "2BP01"),
        ("CREATE TABLE p (a int PRIMARY KEY); CREATE TABLE c (a int REFERENCES p); DROP TABLE p CASCADE;", nil),
        ("CREATE TABLE p (a int PRIMARY KEY); CREATE TABLE c (a int REFERENCES p); ALTER TABLE p DROP CONSTRAINT p_pkey;", "2BP01"),
        ("CREATE TABLE t (a int PRIMARY KEY); DROP INDEX t_pkey;", "2BP01"),
        ("CREATE TABLE t (a int); DROP VIEW t;", "42809"),
        ("DROP TABLE nowhere;", "42P01"),
        ("DROP TABLE IF EXISTS nowhere;", nil),
        ("DROP INDEX nowhere;", "42704"),
        ("CREATE TABLE t (a int); CREATE INDEX i ON t (a); CREATE INDEX i ON t (a);", "42P07"),
        ("CREATE TABLE t (a int); CREATE INDEX IF NOT EXISTS i ON t (a); CREATE INDEX IF NOT EXISTS i ON t (a);", nil),
        ("CREATE TABLE t (a int); CREATE INDEX ON t (b);", "42703"),
        ("CREATE TABLE t (a int); ALTER TABLE t RENAME COLUMN b TO c;", "42703"),
        ("CREATE TABLE t (a int, b int); ALTER TABLE t RENAME COLUMN a TO b;", "42701"),
        ("CREATE TABLE t (a int); CREATE TABLE u (a int); ALTER TABLE t RENAME TO u;", "42P07"),
        ("CREATE TABLE t (a serial); DROP SEQUENCE t_a_seq;", "2BP01"),
    ] as [(String, String?)])
    func refusalsCarryPostgresSQLStates(_ sql: String, _ state: String?) {
        #expect(refusal(sql) == state, "\(sql)")
    }

    @Test func dropColumnTakesItsIndexesAndConstraints() throws {
        let (catalog, failure) = replay("""
            CREATE TABLE t (a int, b int, c int UNIQUE, CHECK (a > b));
            CREATE INDEX t_ab ON t (a, b);
            CREATE INDEX t_c_partial ON t (c) WHERE b > 0;
            ALTER TABLE t DROP COLUMN b;
            """)
        #expect(failure == nil)
        let t = try #require(catalog.tables[ObjectKey("public", "t")])
        #expect(t.columns.map(\.name) == ["a", "c"])
        #expect(t.constraints.map(\.name) == ["t_c_key"])
        #expect(catalog.indexes(on: t.key).map(\.name) == ["t_c_key"])
    }

    @Test func dropColumnTakesPartialIndexesWhosePredicateNamesIt() throws {
        // A predicate is kept as text: the column counts when it is a whole word,
        // in any case, in ASCII text and in text with other characters.
        let (catalog, failure) = replay("""
            CREATE TABLE t (a int, b int, bb int, "é" int);
            CREATE INDEX upper_b ON t (a) WHERE B > 0;
            CREATE INDEX only_bb ON t (a) WHERE bb > 0;
            CREATE INDEX accented_and_b ON t (a) WHERE "é" > 0 AND b IS NULL;
            CREATE INDEX accented_only ON t (a) WHERE "é" > 0;
            ALTER TABLE t DROP COLUMN b;
            """)
        #expect(failure == nil)
        let t = try #require(catalog.tables[ObjectKey("public", "t")])
        #expect(catalog.indexes(on: t.key).map(\.name).sorted() == ["accented_only", "only_bb"])
    }

    @Test func renamesCarryThrough() throws {
        let (catalog, failure) = replay("""
            CREATE TABLE p (id serial PRIMARY KEY, code text UNIQUE);
            CREATE TABLE c (p_id int REFERENCES p (id), code text REFERENCES p (code));
            CREATE INDEX p_code_lower ON p (lower(code));
            ALTER TABLE p RENAME COLUMN code TO sku;
            ALTER TABLE p RENAME TO products;
            ALTER INDEX p_code_key RENAME TO products_sku_key;
            ALTER TABLE products RENAME CONSTRAINT p_pkey TO products_pkey;
            """)
        #expect(failure == nil)
        let products = try #require(catalog.tables[ObjectKey("public", "products")])
        #expect(products.columns.map(\.name) == ["id", "sku"])
        #expect(products.constraints.map(\.name).sorted() == ["products_pkey", "products_sku_key"])
        #expect(catalog.indexes(on: products.key).map(\.name) == ["p_code_lower", "products_pkey", "products_sku_key"])
        let child = try #require(catalog.tables[ObjectKey("public", "c")])
        #expect(child.constraints.compactMap(\.foreignKey).map(\.table.name) == ["products", "products"])
        #expect(child.constraints.compactMap(\.foreignKey).map(\.columns) == [["id"], ["sku"]])
        #expect(catalog.sequences[ObjectKey("public", "p_id_seq")]?.ownedBy?.table.name == "products")
    }

    @Test func notValidAndValidate() throws {
        let (catalog, _) = replay("""
            CREATE TABLE t (a int);
            ALTER TABLE t ADD CONSTRAINT a_pos CHECK (a > 0) NOT VALID;
            """)
        #expect(catalog.tables[ObjectKey("public", "t")]?.constraint("a_pos")?.validated == false)
        let (validated, _) = replay("ALTER TABLE t VALIDATE CONSTRAINT a_pos;", onto: catalog)
        #expect(validated.tables[ObjectKey("public", "t")]?.constraint("a_pos")?.validated == true)
    }

    @Test func uniqueUsingIndexAdoptsAndRenamesTheIndex() throws {
        let (catalog, failure) = replay("""
            CREATE TABLE t (a int);
            CREATE UNIQUE INDEX CONCURRENTLY t_a_new ON t (a);
            ALTER TABLE t ADD CONSTRAINT t_a_unique UNIQUE USING INDEX t_a_new;
            """)
        #expect(failure == nil)
        #expect(catalog.indexes(on: ObjectKey("public", "t")).map(\.name) == ["t_a_unique"])
        #expect(catalog.tables[ObjectKey("public", "t")]?.constraint("t_a_unique")?.index == "t_a_unique")
    }

    @Test func snapshotsAreIndependentValues() {
        let (s0, _) = replay("CREATE TABLE t (a int);")
        let (s1, _) = replay("ALTER TABLE t ADD COLUMN b int;", onto: s0)
        #expect(s0.tables[ObjectKey("public", "t")]?.columns.count == 1)
        #expect(s1.tables[ObjectKey("public", "t")]?.columns.count == 2)
    }
}
