import SQLSyntax

extension Parser {
    /// STUB (helper): `CREATE` of anything but TABLE and INDEX. Current token: the object word.
    mutating func parseCreateObject(_ m: CreateModifiers) throws(ParseError) -> StatementNode {
        throw unsupported("CREATE")
    }

    /// STUB (helper): `ALTER` of anything but tables, indexes and views. Current token: ALTER.
    mutating func parseAlterObject() throws(ParseError) -> StatementNode {
        throw unsupported("ALTER")
    }
}
