import SQLSyntax

extension Parser {
    public mutating func parseExpr() throws(ParseError) -> Expr { throw unsupported("expressions") }
    public mutating func parseTypeName() throws(ParseError) -> TypeName { throw unsupported("types") }
}
