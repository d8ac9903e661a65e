import SQLSyntax

extension Parser {
    mutating func parseInsert(with: WithClause?) throws(ParseError) -> InsertStatement { throw unsupported("INSERT") }
    mutating func parseUpdate(with: WithClause?) throws(ParseError) -> UpdateStatement { throw unsupported("UPDATE") }
    mutating func parseDelete(with: WithClause?) throws(ParseError) -> DeleteStatement { throw unsupported("DELETE") }
    mutating func parseMerge(with: WithClause?) throws(ParseError) -> MergeStatement { throw unsupported("MERGE") }
}
