import SQLSyntax

extension Parser {
    public mutating func parseSelectStatement(with: WithClause? = nil) throws(ParseError) -> SelectStatement { throw unsupported("SELECT") }
    public mutating func parseWithClause() throws(ParseError) -> WithClause { throw unsupported("WITH") }
}
