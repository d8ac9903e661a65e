import SQLSyntax

extension Parser {
    /// STUB (helper): `ALTER TABLE | INDEX | VIEW | MATERIALIZED VIEW | FOREIGN TABLE`. Current token: ALTER.
    mutating func parseAlterTable() throws(ParseError) -> StatementNode {
        throw unsupported("ALTER TABLE")
    }
}
