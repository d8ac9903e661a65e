import SQLParser
import SQLSyntax
import Testing

/// Statements not modelled in full keep their kind, PostgreSQL node and names.
@Suite struct ClassifierTests {
    @Test(arguments: [
        ("CREATE ROLE admin WITH LOGIN", "CreateRoleStmt", ["admin"]),
        ("CREATE AGGREGATE s.my_sum (int) (SFUNC = int4pl, STYPE = int)", "DefineStmt", ["s.my_sum"]),
        ("ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO reader", "AlterDefaultPrivilegesStmt", []),
        ("CREATE CAST (text AS int) WITH INOUT", "CreateCastStmt", []),
        ("CREATE RULE r AS ON INSERT TO t DO INSTEAD NOTHING", "RuleStmt", ["r", "t"]),
        ("EXPLAIN SELECT 1", "ExplainStmt", []),
        ("CALL app.do_it(1)", "CallStmt", ["app.do_it"]),
    ] as [(String, String, [String])])
    func unmodelledStatements(_ sql: String, _ node: String, _ names: [String]) throws {
        let file = parse(sql)
        let s = try #require(file.statements.first)
        #expect(s.error == nil)
        #expect(s.postgresNode == node)
        guard case .other(let other)? = s.statement?.node else {
            Issue.record("expected a generic node for \(sql)")
            return
        }
        for name in names {
            #expect(other.names.map(\.dotted).contains(name), "\(sql): \(other.names.map(\.dotted))")
        }
    }
}
