import SQLSyntax

extension Parser {
    /// STUB (helper): `CREATE TABLE` and `CREATE TABLE ... AS`. Current token: TABLE.
    mutating func parseCreateTable(_ m: CreateModifiers) throws(ParseError) -> StatementNode {
        throw unsupported("CREATE TABLE")
    }
}
