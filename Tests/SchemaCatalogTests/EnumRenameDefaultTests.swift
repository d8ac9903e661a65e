import Diagnostics
import SchemaCatalog
import SQLParser
import SQLSyntax
import Testing

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
