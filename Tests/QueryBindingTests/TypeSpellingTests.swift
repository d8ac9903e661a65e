import QueryBinding
import SchemaCatalog
import Testing

/// Casts to every common spelling of a built-in type bind; PostgreSQL accepts them all.
@Suite struct TypeSpellingTests {
    @Test(arguments: [
        "float", "float4", "float8", "double precision", "real", "character varying(10)", "varchar", "char(3)",
        "character", "timestamp with time zone", "timestamp(3) without time zone", "time with time zone",
        "decimal(10,2)", "numeric", "int[]", "integer[]", "bigint", "smallint", "\"char\"", "regconfig",
        "bit varying(4)", "interval hour to minute", "tsvector", "tsquery", "xml", "money", "oid", "boolean",
        "bool", "bytea", "uuid", "json", "jsonb", "inet", "cidr", "macaddr", "date", "text[]", "name",
        "int4range", "tstzrange", "regclass", "pg_lsn", "point", "box", "numeric(5)", "bit(3)", "interval",
        "pg_catalog.int4", "pg_catalog.text",
    ])
    func builtinSpelling(_ type: String) throws {
        let c = try catalog("CREATE TABLE t (a int);")
        let result = bind("SELECT NULL::\(type)", on: c)
        #expect(result.ok, "\(type): \(result.problems)")
    }

    @Test func unknownTypes() throws {
        let c = try catalog("CREATE TABLE t (a int);")
        #expect(verdict("SELECT NULL::colour", on: c) == "42704")
        #expect(verdict("SELECT NULL::public.text", on: c) == "42704")
    }
}
