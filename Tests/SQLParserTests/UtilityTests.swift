@testable import SQLParser
import SQLSyntax
import Testing

/// COMMENT, GRANT/REVOKE, VACUUM/ANALYZE/CLUSTER/REINDEX/REFRESH, LOCK, SET/RESET/SHOW,
/// transactions, DO, COPY and PRAGMA (Parser+Utility, +Grant, +Maintenance).
@Suite struct UtilityTests {
    // MARK: Node names and kinds agree with libpg_query

    static let postgresNodes: [(String, String, StatementKind)] = [
        ("COMMENT ON TABLE t IS 'x'", "CommentStmt", .comment),
        ("GRANT SELECT ON t TO x", "GrantStmt", .grant),
        ("REVOKE SELECT ON t FROM x", "GrantStmt", .revoke),
        ("GRANT admin TO joe", "GrantRoleStmt", .grantRole),
        ("REVOKE admin FROM joe", "GrantRoleStmt", .grantRole),
        ("VACUUM FULL t", "VacuumStmt", .vacuum),
        ("ANALYZE t", "VacuumStmt", .analyze),
        ("ANALYSE t", "VacuumStmt", .analyze),
        ("CLUSTER t USING i", "ClusterStmt", .cluster),
        ("REINDEX TABLE t", "ReindexStmt", .reindex),
        ("REFRESH MATERIALIZED VIEW mv", "RefreshMatViewStmt", .refreshMaterializedView),
        ("LOCK t", "LockStmt", .lock),
        ("SET x = 1", "VariableSetStmt", .set),
        ("SET CONSTRAINTS ALL DEFERRED", "ConstraintsSetStmt", .set),
        ("RESET x", "VariableSetStmt", .reset),
        ("SHOW x", "VariableShowStmt", .show),
        ("BEGIN", "TransactionStmt", .begin),
        ("START TRANSACTION", "TransactionStmt", .begin),
        ("COMMIT", "TransactionStmt", .commit),
        ("END", "TransactionStmt", .commit),
        ("ROLLBACK", "TransactionStmt", .rollback),
        ("ABORT", "TransactionStmt", .rollback),
        ("SAVEPOINT a", "TransactionStmt", .savepoint),
        ("RELEASE a", "TransactionStmt", .releaseSavepoint),
        ("ROLLBACK TO a", "TransactionStmt", .rollback),
        ("PREPARE TRANSACTION 'x'", "TransactionStmt", .transaction),
        ("COMMIT PREPARED 'x'", "TransactionStmt", .commit),
        ("DO $$ begin end $$", "DoStmt", .doBlock),
        ("COPY t TO STDOUT", "CopyStmt", .copy),
        // Not modelled: the classifier names them, with no error.
        ("EXPLAIN SELECT 1", "ExplainStmt", .explain),
        ("CALL p(1)", "CallStmt", .call),
        ("NOTIFY ch", "NotifyStmt", .notify),
        ("CHECKPOINT", "CheckPointStmt", .checkpoint),
        ("PREPARE q AS SELECT 1", "PrepareStmt", .prepare),
        ("COMMENT ON CAST (int AS text) IS 'x'", "CommentStmt", .comment),
    ]

    @Test(arguments: postgresNodes)
    func nodeNames(_ sql: String, _ node: String, _ kind: StatementKind) throws {
        let statement = try #require(parse(sql).statements.first)
        #expect(statement.error == nil, "\(statement.error?.message ?? "")")
        #expect(statement.postgresNode == node)
        #expect(statement.kind == kind)
    }

    // MARK: COMMENT

    @Test func columnComment() throws {
        let n = try node("COMMENT ON COLUMN s.t.c IS 'the c'")
        guard case .comment(let c) = n else { throw UnexpectedNode(n) }
        #expect(c.objectType == .column)
        #expect(c.object.name.dotted == "c" && c.object.table?.dotted == "s.t")
        #expect(c.text == "the c")
    }

    @Test func routineAndMemberComments() throws {
        let function = try node("COMMENT ON FUNCTION f(IN a int, OUT b text, text) IS NULL")
        guard case .comment(let f) = function else { throw UnexpectedNode(function) }
        #expect(f.objectType == .function && f.text == nil)
        #expect(f.object.arguments?.count == 2)
        let constraint = try node("COMMENT ON CONSTRAINT positive ON DOMAIN posint IS 'x'")
        guard case .comment(let d) = constraint else { throw UnexpectedNode(constraint) }
        #expect(d.objectType == .domainConstraint && d.object.table?.dotted == "posint")
        let trigger = try node("COMMENT ON TRIGGER tr ON s.t IS 'x'")
        guard case .comment(let t) = trigger else { throw UnexpectedNode(trigger) }
        #expect(t.objectType == .trigger && t.object.name.dotted == "tr" && t.object.table?.dotted == "s.t")
        let view = try node("COMMENT ON MATERIALIZED VIEW s.mv IS E'a\\nb'")
        guard case .comment(let v) = view else { throw UnexpectedNode(view) }
        #expect(v.objectType == .materializedView && v.text == "a\nb")
    }

    // MARK: GRANT and REVOKE

    @Test func grantOnTables() throws {
        let n = try node("GRANT SELECT (a, b), UPDATE ON TABLE t, s.u TO PUBLIC, GROUP staff WITH GRANT OPTION GRANTED BY CURRENT_USER")
        guard case .grant(let g) = n else { throw UnexpectedNode(n) }
        #expect(g.isGrant && !g.isRoleGrant)
        #expect(g.privileges.map(\.name) == ["select", "update"])
        #expect(g.privileges.first?.columns.map(\.value) == ["a", "b"])
        #expect(g.objectType == .table)
        #expect(g.objects.map(\.name.dotted) == ["t", "s.u"])
        #expect(g.grantees.first == .public)
        #expect(g.grantOption && g.grantedBy == .currentUser)
    }

    @Test func revokeAllInSchema() throws {
        let n = try node("REVOKE GRANT OPTION FOR ALL PRIVILEGES ON ALL SEQUENCES IN SCHEMA a, b FROM x CASCADE")
        guard case .grant(let g) = n else { throw UnexpectedNode(n) }
        #expect(!g.isGrant && g.grantOption)
        #expect(g.privileges.map(\.name) == ["all"])
        #expect(g.allInSchema && g.objectType == .sequence)
        #expect(g.objects.map(\.name.dotted) == ["a", "b"])
        #expect(g.behavior == .cascade)
        #expect(g.kind == .revoke)
    }

    @Test func grantOnFunctionWithArguments() throws {
        let n = try node("GRANT EXECUTE ON FUNCTION f(int, text), g() TO app")
        guard case .grant(let g) = n else { throw UnexpectedNode(n) }
        #expect(g.objectType == .function)
        #expect(g.objects.map(\.arguments?.count) == [2, 0])
    }

    @Test func roleGrant() throws {
        let n = try node("GRANT admin, dev TO joe WITH ADMIN OPTION, INHERIT FALSE GRANTED BY postgres")
        guard case .grant(let g) = n else { throw UnexpectedNode(n) }
        #expect(g.isRoleGrant && g.grantOption)
        #expect(g.privileges.map(\.name) == ["admin", "dev"])
        #expect(g.roleOptions.map(\.name) == ["inherit"] && g.roleOptions.first?.value == "false")
        #expect(g.postgresNode == "GrantRoleStmt")
    }

    // MARK: Maintenance

    @Test func vacuum() throws {
        let old = try node("VACUUM FULL FREEZE VERBOSE ANALYZE t (a, b), u")
        guard case .maintenance(let v) = old else { throw UnexpectedNode(old) }
        #expect(v.options.map(\.name) == ["full", "freeze", "verbose", "analyze"])
        #expect(v.hasOption("full"))
        #expect(v.targets.map(\.name.dotted) == ["t", "u"])
        #expect(v.targets.first?.columns.map(\.value) == ["a", "b"])
        let modern = try node("VACUUM (FULL false, PARALLEL 2) t")
        guard case .maintenance(let m) = modern else { throw UnexpectedNode(modern) }
        #expect(!m.hasOption("full"))
        #expect(m.options.last?.value == "2")
    }

    @Test func clusterAndReindex() throws {
        let cluster = try node("CLUSTER VERBOSE t USING t_idx")
        guard case .maintenance(let c) = cluster else { throw UnexpectedNode(cluster) }
        #expect(c.targets.first?.name.dotted == "t" && c.clusterIndex?.value == "t_idx")
        let oldCluster = try node("CLUSTER t_idx ON s.t")
        guard case .maintenance(let o) = oldCluster else { throw UnexpectedNode(oldCluster) }
        #expect(o.targets.first?.name.dotted == "s.t" && o.clusterIndex?.value == "t_idx")
        let reindex = try node("REINDEX (VERBOSE) INDEX CONCURRENTLY s.i")
        guard case .maintenance(let r) = reindex else { throw UnexpectedNode(reindex) }
        #expect(r.reindexObject == "index" && r.concurrently)
        #expect(r.targets.first?.name.dotted == "s.i")
        let system = try node("REINDEX SYSTEM")
        guard case .maintenance(let s) = system else { throw UnexpectedNode(system) }
        #expect(s.reindexObject == "system" && s.targets.isEmpty)
    }

    @Test func refresh() throws {
        let n = try node("REFRESH MATERIALIZED VIEW CONCURRENTLY s.mv WITH DATA")
        guard case .maintenance(let r) = n else { throw UnexpectedNode(n) }
        #expect(r.command == .refresh && r.concurrently && r.withData == true)
        #expect(r.targets.first?.name.dotted == "s.mv")
    }

    @Test func sqliteMaintenance() throws {
        let vacuum = try node("VACUUM main INTO 'backup.db'", .sqlite)
        guard case .maintenance(let v) = vacuum else { throw UnexpectedNode(vacuum) }
        #expect(v.targets.first?.name.dotted == "main" && v.into == "backup.db")
        let reindex = try node("REINDEX main.t_idx", .sqlite)
        guard case .maintenance(let r) = reindex else { throw UnexpectedNode(reindex) }
        #expect(r.reindexObject == nil && r.targets.first?.name.dotted == "main.t_idx")
        let analyze = try node("ANALYZE", .sqlite)
        guard case .maintenance(let a) = analyze else { throw UnexpectedNode(analyze) }
        #expect(a.targets.isEmpty)
    }

    // MARK: LOCK

    @Test func lock() throws {
        let n = try node("LOCK TABLE ONLY a, s.b * IN SHARE ROW EXCLUSIVE MODE NOWAIT")
        guard case .lock(let l) = n else { throw UnexpectedNode(n) }
        #expect(l.tables.map(\.name.dotted) == ["a", "s.b"])
        #expect(l.tables.map(\.only) == [true, false])
        #expect(l.mode == "SHARE ROW EXCLUSIVE" && l.nowait)
        let bare = try node("LOCK t")
        guard case .lock(let b) = bare else { throw UnexpectedNode(bare) }
        #expect(b.effectiveMode == "ACCESS EXCLUSIVE")
    }

    // MARK: SET, RESET, SHOW

    static let settings: [(String, SetVariableStatement.Action, String, [String])] = [
        ("SET lock_timeout = '5s'", .set, "lock_timeout", ["5s"]),
        ("SET LOCAL statement_timeout TO 5000", .set, "statement_timeout", ["5000"]),
        ("SET search_path TO \"$user\", public", .set, "search_path", ["$user", "public"]),
        ("SET myapp.user_id = -1", .set, "myapp.user_id", ["-1"]),
        ("SET enable_seqscan = off", .set, "enable_seqscan", ["off"]),
        ("SET standard_conforming_strings = on", .set, "standard_conforming_strings", ["on"]),
        ("SET work_mem TO DEFAULT", .setDefault, "work_mem", []),
        ("SET work_mem FROM CURRENT", .setFromCurrent, "work_mem", []),
        ("SET TIME ZONE 'UTC'", .set, "timezone", ["UTC"]),
        ("SET TIME ZONE LOCAL", .setDefault, "timezone", []),
        ("SET timezone TO utc", .set, "timezone", ["utc"]),
        ("SET NAMES 'UTF8'", .set, "client_encoding", ["UTF8"]),
        ("SET SCHEMA 'app'", .set, "search_path", ["app"]),
        ("SET ROLE admin", .set, "role", ["admin"]),
        ("SET SESSION AUTHORIZATION DEFAULT", .setDefault, "session_authorization", []),
        ("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE, READ ONLY", .set, "transaction",
            ["isolation level serializable", "read only"]),
        ("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE", .set, "session characteristics", ["read write"]),
        ("SET CONSTRAINTS a, s.b IMMEDIATE", .setConstraints, "constraints", ["a", "s.b", "immediate"]),
        ("RESET ALL", .reset, "all", []),
        ("RESET TIME ZONE", .reset, "timezone", []),
        ("SHOW search_path", .show, "search_path", []),
        ("SHOW TRANSACTION ISOLATION LEVEL", .show, "transaction_isolation", []),
    ]

    @Test(arguments: settings)
    func setVariable(_ sql: String, _ action: SetVariableStatement.Action, _ name: String, _ values: [String]) throws {
        let n = try node(sql)
        guard case .setVariable(let s) = n else { throw UnexpectedNode(n) }
        #expect(s.action == action)
        #expect(s.name == name)
        #expect(s.values == values)
    }

    @Test func setScope() throws {
        let n = try node("SET LOCAL lock_timeout = '1s'")
        guard case .setVariable(let s) = n else { throw UnexpectedNode(n) }
        #expect(s.scope == .local)
    }

    // MARK: Transactions

    static let transactions: [(String, Dialect, TransactionStatement.Action, [String])] = [
        ("BEGIN", .postgres, .begin, []),
        ("BEGIN WORK ISOLATION LEVEL READ COMMITTED READ ONLY NOT DEFERRABLE", .postgres, .begin,
            ["isolation level read committed", "read only", "not deferrable"]),
        ("START TRANSACTION ISOLATION LEVEL REPEATABLE READ, DEFERRABLE", .postgres, .begin,
            ["isolation level repeatable read", "deferrable"]),
        ("COMMIT WORK", .postgres, .commit, []),
        ("ROLLBACK TRANSACTION", .postgres, .rollback, []),
        ("ROLLBACK TO SAVEPOINT a", .postgres, .rollbackToSavepoint, []),
        ("RELEASE SAVEPOINT a", .postgres, .releaseSavepoint, []),
        ("COMMIT PREPARED 'gid'", .postgres, .commitPrepared, []),
        ("ROLLBACK PREPARED 'gid'", .postgres, .rollbackPrepared, []),
        ("BEGIN IMMEDIATE TRANSACTION", .sqlite, .begin, ["immediate"]),
        ("BEGIN EXCLUSIVE", .sqlite, .begin, ["exclusive"]),
        ("END TRANSACTION", .sqlite, .commit, []),
        ("ROLLBACK TRANSACTION TO SAVEPOINT s", .sqlite, .rollbackToSavepoint, []),
    ]

    @Test(arguments: transactions)
    func transaction(_ sql: String, _ dialect: Dialect, _ action: TransactionStatement.Action, _ modes: [String]) throws {
        let n = try node(sql, dialect)
        guard case .transaction(let t) = n else { throw UnexpectedNode(n) }
        #expect(t.action == action)
        #expect(t.modes == modes)
    }

    @Test func chainAndSavepointNames() throws {
        let commit = try node("COMMIT AND CHAIN")
        guard case .transaction(let c) = commit else { throw UnexpectedNode(commit) }
        #expect(c.chain)
        let noChain = try node("ABORT AND NO CHAIN")
        guard case .transaction(let n) = noChain else { throw UnexpectedNode(noChain) }
        #expect(!n.chain && n.action == .rollback)
        let savepoint = try node("SAVEPOINT \"Before\"")
        guard case .transaction(let s) = savepoint else { throw UnexpectedNode(savepoint) }
        #expect(s.savepoint?.value == "Before")
        let prepare = try node("PREPARE TRANSACTION 'gid'")
        guard case .transaction(let p) = prepare else { throw UnexpectedNode(prepare) }
        #expect(p.action == .prepare && p.transactionId == "gid")
    }

    // MARK: DO

    @Test func doBlock() throws {
        let n = try node("DO LANGUAGE 'plpgsql' $body$ BEGIN RAISE NOTICE 'hi'; END $body$")
        guard case .doBlock(let d) = n else { throw UnexpectedNode(n) }
        #expect(d.language == "plpgsql")
        #expect(d.body == " BEGIN RAISE NOTICE 'hi'; END ")
        let after = try node("DO $$ begin end $$ LANGUAGE plpgsql")
        guard case .doBlock(let a) = after else { throw UnexpectedNode(after) }
        #expect(a.language == "plpgsql" && a.body == " begin end ")
    }

    // MARK: COPY

    @Test func copyFromStdin() throws {
        let file = parse("COPY s.t (a, b) FROM STDIN WITH (FORMAT csv, HEADER true, FORCE_NULL (a));\n1,2\n\\.\nSELECT 1;\n")
        #expect(file.statements.count == 2)
        let n = try #require(file.statements.first?.statement?.node)
        guard case .copy(let c) = n else { throw UnexpectedNode(n) }
        #expect(c.table?.dotted == "s.t" && c.columns.map(\.value) == ["a", "b"])
        #expect(c.isFrom && c.endpoint == .stdin)
        #expect(c.options.map(\.name) == ["format", "header", "force_null"])
        #expect(c.options.map(\.value) == ["csv", "true", "(a)"])
    }

    @Test func copyQueryAndLegacyOptions() throws {
        let n = try node("COPY (SELECT a FROM t) TO PROGRAM 'gzip > out.gz' DELIMITER AS ';' NULL 'x' CSV HEADER FORCE QUOTE *")
        guard case .copy(let c) = n else { throw UnexpectedNode(n) }
        #expect(c.table == nil && c.query?.kind == .select)
        #expect(!c.isFrom && c.endpoint == .program("gzip > out.gz"))
        #expect(c.options.map(\.name) == ["delimiter", "null", "format", "header", "force_quote"])
        #expect(c.options.map(\.value) == [";", "x", "csv", "true", "*"])
        let filtered = try node("COPY t FROM '/data/t.csv' (FORMAT csv) WHERE a > 1")
        guard case .copy(let f) = filtered else { throw UnexpectedNode(filtered) }
        #expect(f.endpoint == .file("/data/t.csv") && f.whereClause != nil)
        let binary = try node("COPY BINARY t TO STDOUT")
        guard case .copy(let b) = binary else { throw UnexpectedNode(binary) }
        #expect(b.options.first?.value == "binary")
    }

    // MARK: PRAGMA

    static let pragmas: [(String, String?, String, String?)] = [
        ("PRAGMA foreign_keys = ON", nil, "foreign_keys", "on"),
        ("PRAGMA main.journal_mode = WAL", "main", "journal_mode", "wal"),
        ("PRAGMA table_info(t)", nil, "table_info", "t"),
        ("PRAGMA user_version = -3", nil, "user_version", "-3"),
        ("PRAGMA cache_size", nil, "cache_size", nil),
        ("PRAGMA encoding = 'UTF-8'", nil, "encoding", "UTF-8"),
    ]

    @Test(arguments: pragmas)
    func pragma(_ sql: String, _ schema: String?, _ name: String, _ value: String?) throws {
        let n = try node(sql, .sqlite)
        guard case .pragma(let p) = n else { throw UnexpectedNode(n) }
        #expect(p.schema?.value == schema)
        #expect(p.name.value == name)
        #expect(p.value == value)
        #expect(p.kind == .pragma && p.postgresNode == "PragmaStmt")
    }

    // MARK: Errors

    static let errors: [(String, Dialect, String)] = [
        ("GRANT SELECT ON t", .postgres, "expected TO"),
        ("GRANT SELECT ON ALL VIEWS IN SCHEMA s TO x", .postgres, "expected TABLES, SEQUENCES"),
        ("REVOKE SELECT ON t TO x", .postgres, "expected FROM"),
        ("COMMENT ON COLUMN c IS 'x'", .postgres, "column name must be qualified"),
        ("COMMENT ON TABLE t IS 42", .postgres, "expected a string"),
        ("COMMENT ON WIDGET w IS 'x'", .postgres, "expected an object type"),
        ("LOCK TABLE t IN SHARE MODE MODE", .postgres, "expected end of statement"),
        ("LOCK t IN SOMEWHAT EXCLUSIVE MODE", .postgres, "expected a lock mode"),
        ("SET TRANSACTION ISOLATION LEVEL SOMETIMES", .postgres, "expected an isolation level"),
        ("SET x", .postgres, "expected TO or '='"),
        ("SET CONSTRAINTS ALL LATER", .postgres, "expected IMMEDIATE"),
        ("BEGIN IMMEDIATE", .postgres, "expected end of statement"),
        ("COMMIT AND SOMETHING", .postgres, "expected CHAIN"),
        ("DO LANGUAGE plpgsql", .postgres, "expected the code of the DO block"),
        ("DO 'a' 'b'", .postgres, "conflicting or redundant options"),
        ("COPY (SELECT 1) FROM STDIN", .postgres, "COPY FROM is not supported with a query"),
        ("COPY t TO STDOUT WITH", .postgres, "expected COPY options"),
        ("REINDEX TABLESPACE x", .postgres, "expected INDEX, TABLE, SCHEMA, DATABASE or SYSTEM"),
        ("VACUUM INTO 'x'", .postgres, "expected a name"),
        ("REFRESH MATERIALIZED VIEW", .postgres, "expected a name"),
        ("FROBNICATE everything", .postgres, "expected a statement"),
        ("PRAGMA foreign_keys = ", .sqlite, "expected a pragma value"),
    ]

    @Test(arguments: errors)
    func syntaxErrors(_ sql: String, _ dialect: Dialect, _ message: String) throws {
        let statement = try #require(parse(sql, dialect).statements.first)
        let error = try #require(statement.error, "\(sql) parsed without error")
        #expect(error.message.contains(message), "\(error.message)")
    }

    @Test func pragmaIsNotPostgres() throws {
        let statement = try #require(parse("PRAGMA foreign_keys = ON").statements.first)
        #expect(statement.error != nil)
    }
}
