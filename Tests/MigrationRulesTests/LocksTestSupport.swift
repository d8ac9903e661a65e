import SQLParser
import SQLSyntax

enum SQLParserHelper {
    /// The first statement of `sql`, for tests (a parse error yields a SELECT 1 stand-in).
    static func statement(_ sql: String, dialect: Dialect) -> Statement {
        let parsed = SQLParser(dialect: dialect).parse(sql)
        if let s = parsed.statements.first?.statement { return s }
        return SQLParser(dialect: dialect).parse("SELECT 1").statements[0].statement!
    }
}
