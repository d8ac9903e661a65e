import SQLSyntax

extension Parser {
    /// STUB (helper): `CREATE [UNIQUE] INDEX`. Current token: INDEX.
    mutating func parseCreateIndex(_ m: CreateModifiers) throws(ParseError) -> StatementNode {
        throw unsupported("CREATE INDEX")
    }
}
