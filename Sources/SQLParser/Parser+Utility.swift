import SQLSyntax

extension Parser {
    /// STUB (helper): every other statement (COMMENT, GRANT, VACUUM, SET, BEGIN, DO, COPY, PRAGMA, ...).
    mutating func parseUtilityStatement() throws(ParseError) -> StatementNode {
        throw unsupported("this statement")
    }
}
