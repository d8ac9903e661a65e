import Diagnostics
import SchemaCatalog
import SQLParser
import SQLSyntax
import Testing

// Replay disagreements that comparing replayed and introspected catalogs found
// (IntrospectionEqualsReplayTests), each checked against PostgreSQL 15.

/// RENAME VALUE carries into defaults that are the label, as on PostgreSQL 15, where
/// such a default is stored as the label's OID (found by lemmy's history:
/// `DEFAULT 'require_application'` then `RENAME VALUE 'require_application' TO 'RequireApplication'`).
@Test func renamedEnumLabelCarriesIntoDefaults() throws {
    let sql = """
        CREATE TYPE mode AS ENUM ('open', 'it''s', 'closed');
        CREATE TABLE s (a mode DEFAULT 'open', b mode DEFAULT 'open'::mode, c mode DEFAULT 'it''s',
                        d text DEFAULT 'open');
        ALTER TYPE mode RENAME VALUE 'open' TO 'Open';
        ALTER TYPE mode RENAME VALUE 'it''s' TO 'its';
        """
    var catalog = Catalog(dialect: .postgres)
    let file = SourceFile(path: "enum.sql", text: sql)
    for parsed in SQLParser(dialect: .postgres).parse(sql).statements {
        try catalog.apply(try #require(parsed.statement), from: ReplaySource(file))
    }
    let columns = try #require(catalog.tables[ObjectKey("public", "s")]?.columns)
    // Checked on PostgreSQL 15: a and b print 'Open'::mode, c 'its'::mode, d stays 'open'::text.
    // (An array default, '{open}' on mode[], follows the rename on the server too; replay
    // does not rewrite array literals yet.)
    #expect(columns.map { $0.defaultValue?.sql } == ["'Open'", "'Open'::mode", "'its'", "'open'"])
}

/// BIT alone is bit(1); a bit without a length (a quoted "bit", or a routine's
/// argument, whose modifiers PostgreSQL drops) prints as format_type(oid, -1) does.
@Test func unconstrainedBitPrintsQuoted() throws {
    let sql = """
        CREATE TABLE b (one bit, u "bit", three bit(3), v bit varying);
        CREATE FUNCTION f(x bit) RETURNS int LANGUAGE sql AS 'SELECT 1';
        """
    var catalog = Catalog(dialect: .postgres)
    let file = SourceFile(path: "bit.sql", text: sql)
    for parsed in SQLParser(dialect: .postgres).parse(sql).statements {
        try catalog.apply(try #require(parsed.statement), from: ReplaySource(file))
    }
    // PostgreSQL 15: bit(1), "bit", bit(3), bit varying; f's argument "bit".
    let columns = try #require(catalog.tables[ObjectKey("public", "b")]?.columns)
    #expect(columns.map(\.type.sql) == ["bit(1)", "\"bit\"", "bit(3)", "bit varying"])
    #expect(catalog.functions[ObjectKey("public", "f")]?.first?.argumentTypes.map(\.sql) == ["\"bit\""])
}
