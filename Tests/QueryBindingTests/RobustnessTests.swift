import QueryBinding
import SQLSyntax
import SchemaCatalog
import Testing

/// Binding never traps: deep nesting, long chains and odd input give a verdict.
@Suite struct RobustnessTests {
    static let schema = "CREATE TABLE t (a int, b text);"

    @Test(arguments: [10, 1_000, 10_000])
    func deepNesting(_ depth: Int) throws {
        let c = try catalog(RobustnessTests.schema)
        let subqueries = String(repeating: "(SELECT ", count: depth) + "a FROM t" + String(repeating: ")", count: depth)
        _ = bind("SELECT " + subqueries, on: c)
        let parentheses = String(repeating: "(", count: depth) + "a" + String(repeating: ")", count: depth)
        _ = bind("SELECT " + parentheses + " FROM t", on: c)
        let chain = (0..<min(depth, 900)).map { "a = \($0)" }.joined(separator: " OR ")
        // The parser refuses more than 1000 operators in a row; below that it binds.
        #expect(bind("SELECT b FROM t WHERE " + chain, on: c).ok)
        let joins = "t t0" + (1..<min(depth, 2_000)).map { " JOIN t t\($0) ON true" }.joined()
        _ = bind("SELECT t0.a FROM " + joins, on: c)
        let ctes = (0..<min(depth, 2_000)).map { "c\($0) AS (SELECT 1 AS x)" }.joined(separator: ", ")
        #expect(bind("WITH " + ctes + " SELECT x FROM c0", on: c).ok)
    }

    @Test(arguments: ["", ";", "\u{0}", "SELECT", "INSERT INTO", "SELECT * FROM t WHERE a = '\u{FFFD}'", "UPDATE t SET", "))((("])
    func oddInput(_ sql: String) throws {
        _ = bind(sql, on: try catalog(RobustnessTests.schema))
    }
}
