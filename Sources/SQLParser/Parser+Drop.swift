import SQLSyntax

extension Parser {
    /// STUB (helper): `DROP ...`. Current token: DROP.
    mutating func parseDrop() throws(ParseError) -> StatementNode {
        throw unsupported("DROP")
    }

    /// STUB (helper): `TRUNCATE ...`. Current token: TRUNCATE.
    mutating func parseTruncate() throws(ParseError) -> StatementNode {
        throw unsupported("TRUNCATE")
    }
}
