import SQLSyntax
import Testing

@testable import SQLParser

@Suite struct IndexDropTests {
    private func index(
        _ sql: String, _ dialect: Dialect = .postgres, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> CreateIndexStatement {
        let n = try node(sql, dialect, sourceLocation: sourceLocation)
        guard case .createIndex(let s) = n else {
            Issue.record("not CREATE INDEX: \(n)", sourceLocation: sourceLocation)
            throw ParseError(.syntax, "not CREATE INDEX", span: .zero)
        }
        #expect(n.postgresNode == "IndexStmt", sourceLocation: sourceLocation)
        return s
    }

    private func drop(
        _ sql: String, _ dialect: Dialect = .postgres, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> DropStatement {
        let n = try node(sql, dialect, sourceLocation: sourceLocation)
        guard case .drop(let s) = n else {
            Issue.record("not DROP: \(n)", sourceLocation: sourceLocation)
            throw ParseError(.syntax, "not DROP", span: .zero)
        }
        #expect(n.kind == .drop, sourceLocation: sourceLocation)
        return s
    }

    // MARK: CREATE INDEX

    @Test(arguments: [
        "CREATE INDEX ON t (a)",
        "CREATE INDEX i ON t (a)",
        "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS i ON ONLY s.t USING btree (a DESC NULLS LAST, b ASC NULLS FIRST)",
        "CREATE INDEX i ON t USING gin (doc jsonb_path_ops)",
        "CREATE INDEX i ON t USING gist (name gist_trgm_ops(siglen = 32))",
        "CREATE INDEX i ON t (lower(email))",
        "CREATE INDEX i ON t (lower(email) text_pattern_ops DESC)",
        "CREATE INDEX i ON t ((a + b), (c::text) COLLATE \"C\")",
        "CREATE INDEX i ON t (a COLLATE \"de_DE\" varchar_pattern_ops)",
        "CREATE INDEX i ON t (coalesce(a, b))",
        "CREATE INDEX i ON t (a) INCLUDE (b, c) NULLS NOT DISTINCT WITH (fillfactor = 70, deduplicate_items = off) TABLESPACE fast WHERE a IS NOT NULL AND b > 0",
        "CREATE UNIQUE INDEX i ON t (a) NULLS DISTINCT",
        "CREATE INDEX i ON t (date_trunc('day', created_at))",
        "CREATE INDEX i ON t USING hash (a)",
        "CREATE INDEX i ON t (\"Mixed\", nulls)",
    ])
    func postgresIndexesParse(_ sql: String) throws {
        _ = try index(sql)
    }

    @Test func indexModel() throws {
        let i = try index(
            "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx ON ONLY s.t USING gist (a DESC NULLS LAST, (lower(b)), c gist_trgm_ops(siglen = 32)) INCLUDE (d) WHERE a > 0"
        )
        #expect(i.unique)
        #expect(i.concurrently)
        #expect(i.ifNotExists)
        #expect(i.only)
        #expect(i.name?.name == "idx")
        #expect(i.table.dotted == "s.t")
        #expect(i.method?.value == "gist")
        #expect(i.keys.count == 3)
        #expect(i.keys[0].element.descending == true)
        #expect(i.keys[0].element.nullsFirst == false)
        guard case .expression = i.keys[1].element.key else {
            Issue.record("expected an expression key")
            return
        }
        #expect(i.keys[2].element.opclass?.name == "gist_trgm_ops")
        #expect(i.keys[2].opclassParameters.map(\.name) == ["siglen"])
        #expect(i.include.map(\.value) == ["d"])
        #expect(i.predicate != nil)
    }

    @Test func functionKeyWithoutParentheses() throws {
        let i = try index("CREATE INDEX ON t (lower(email) text_pattern_ops)")
        #expect(i.name == nil)
        guard case .expression(let e) = try #require(i.keys.first).element.key, case .function = e.kind else {
            Issue.record("expected a function key")
            return
        }
        #expect(i.keys.first?.element.opclass?.name == "text_pattern_ops")
    }

    @Test(arguments: [
        "CREATE INDEX i ON t (a)",
        "CREATE UNIQUE INDEX IF NOT EXISTS main.i ON t (a COLLATE NOCASE DESC, b)",
        "CREATE INDEX i ON t (a + b, lower(c)) WHERE c IS NOT NULL",
        "CREATE INDEX concurrently ON t (a)",
    ])
    func sqliteIndexesParse(_ sql: String) throws {
        _ = try index(sql, .sqlite)
    }

    @Test func sqliteQualifiedIndexName() throws {
        let i = try index("CREATE INDEX main.i ON t (a)", .sqlite)
        #expect(i.name?.dotted == "main.i")
        #expect(!i.concurrently)
    }

    @Test(arguments: [
        ("CREATE INDEX i ON t", "expected '('"),
        ("CREATE INDEX i ON t ()", "expected"),
        ("CREATE INDEX IF NOT EXISTS ON t (a)", "expected a name"),
        ("CREATE INDEX s.i ON t (a)", "expected ON"),
        ("CREATE INDEX i ON t (a) WHERE", "expected"),
        ("CREATE TEMP INDEX i ON t (a)", "TEMPORARY cannot be used with CREATE INDEX"),
    ])
    func indexErrors(_ sql: String, _ message: String) throws {
        let s = try #require(parse(sql).statements.first)
        let error = try #require(s.error, "expected an error for \(sql)")
        #expect(error.message.contains(message), "\(error.message) for \(sql)")
    }

    // MARK: DROP

    @Test(arguments: [
        ("DROP TABLE t", SchemaObjectType.table),
        ("DROP TABLE IF EXISTS a, s.b CASCADE", .table),
        ("DROP VIEW v RESTRICT", .view),
        ("DROP MATERIALIZED VIEW IF EXISTS mv", .materializedView),
        ("DROP INDEX CONCURRENTLY IF EXISTS i", .index),
        ("DROP INDEX s.i, s.j", .index),
        ("DROP SEQUENCE s", .sequence),
        ("DROP TYPE IF EXISTS mood CASCADE", .type),
        ("DROP DOMAIN d", .domain),
        ("DROP SCHEMA IF EXISTS s CASCADE", .schema),
        ("DROP EXTENSION IF EXISTS pg_trgm", .extension),
        ("DROP FUNCTION f", .function),
        (
            "DROP FUNCTION IF EXISTS f(), s.g(int, text), h(IN a integer, OUT b text, VARIADIC c int[]) CASCADE",
            .function
        ),
        ("DROP FUNCTION f(character varying, double precision, timestamp with time zone)", .function),
        ("DROP PROCEDURE p(int)", .procedure),
        ("DROP ROUTINE r", .routine),
        ("DROP AGGREGATE a(*)", .aggregate),
        ("DROP AGGREGATE IF EXISTS a(int), b(ORDER BY text), c(int ORDER BY float8)", .aggregate),
        ("DROP TRIGGER IF EXISTS tr ON s.t CASCADE", .trigger),
        ("DROP POLICY p ON t", .policy),
        ("DROP RULE r ON t", .rule),
        ("DROP COLLATION c", .collation),
        ("DROP CONVERSION c", .conversion),
        ("DROP STATISTICS s", .statistics),
        ("DROP FOREIGN TABLE f", .foreignTable),
        ("DROP FOREIGN DATA WRAPPER w", .foreignDataWrapper),
        ("DROP SERVER s CASCADE", .server),
        ("DROP EVENT TRIGGER e", .eventTrigger),
        ("DROP PUBLICATION p", .publication),
        ("DROP ACCESS METHOD m", .accessMethod),
        ("DROP PROCEDURAL LANGUAGE l", .language),
        ("DROP LANGUAGE l", .language),
        ("DROP TEXT SEARCH CONFIGURATION c", .textSearchConfiguration),
        ("DROP TEXT SEARCH DICTIONARY d", .textSearchDictionary),
    ])
    func dropForms(_ sql: String, _ type: SchemaObjectType) throws {
        let d = try drop(sql)
        #expect(d.objectType == type)
        #expect(d.postgresNode == "DropStmt")
    }

    @Test(arguments: [
        ("DROP DATABASE IF EXISTS db WITH (FORCE)", "DropdbStmt"),
        ("DROP DATABASE db", "DropdbStmt"),
        ("DROP ROLE IF EXISTS a, b", "DropRoleStmt"),
        ("DROP USER u", "DropRoleStmt"),
        ("DROP GROUP g", "DropRoleStmt"),
        ("DROP OWNED BY a, CURRENT_USER CASCADE", "DropOwnedStmt"),
        ("DROP TABLESPACE IF EXISTS ts", "DropTableSpaceStmt"),
        ("DROP SUBSCRIPTION IF EXISTS s CASCADE", "DropSubscriptionStmt"),
    ])
    func dropNodes(_ sql: String, _ postgresNode: String) throws {
        let n = try node(sql)
        #expect(n.postgresNode == postgresNode)
        #expect(n.kind == .drop)
    }

    @Test func dropModel() throws {
        let d = try drop("DROP TABLE IF EXISTS a, s.b CASCADE")
        #expect(d.ifExists)
        #expect(d.names.map(\.dotted) == ["a", "s.b"])
        #expect(d.behavior == .cascade)
        let i = try drop("DROP INDEX CONCURRENTLY i")
        #expect(i.concurrently)
        let trigger = try drop("DROP TRIGGER tr ON s.t")
        #expect(trigger.objects.first?.name.name == "tr")
        #expect(trigger.objects.first?.table?.dotted == "s.t")
        let db = try drop("DROP DATABASE x WITH (FORCE)")
        #expect(db.force)
    }

    @Test func dropFunctionSignatures() throws {
        let d = try drop("DROP FUNCTION f(), g(IN a integer, OUT b text, c double precision), h")
        #expect(d.objects.count == 3)
        #expect(d.objects[0].arguments == [])
        #expect(d.objects[1].arguments?.map(\.name.name) == ["int4", "float8"])
        #expect(d.objects[2].arguments == nil)
        let agg = try drop("DROP AGGREGATE a(*), b(int ORDER BY text)")
        #expect(agg.objects[0].arguments == [])
        #expect(agg.objects[1].arguments?.count == 2)
    }

    @Test(arguments: [
        ("DROP TABLE IF EXISTS t", SchemaObjectType.table),
        ("DROP INDEX main.i", .index),
        ("DROP VIEW IF EXISTS v", .view),
        ("DROP TRIGGER IF EXISTS main.tr", .trigger),
    ])
    func sqliteDrops(_ sql: String, _ type: SchemaObjectType) throws {
        #expect(try drop(sql, .sqlite).objectType == type)
    }

    @Test(arguments: [
        "DROP OPERATOR + (int, int)",
        "DROP CAST (text AS int)",
        "DROP USER MAPPING FOR bob SERVER s",
        "DROP OPERATOR CLASS c USING btree",
    ])
    func unmodelledDropsFallBack(_ sql: String) throws {
        let s = try #require(parse(sql).statements.first)
        #expect(s.error == nil)
        guard case .other = s.statement?.node else {
            Issue.record("expected .other for \(sql)")
            return
        }
    }

    @Test(arguments: [
        ("DROP", "expected an object type"),
        ("DROP TABLE", "expected a name"),
        ("DROP TABLE t,", "expected a name"),
        ("DROP TRIGGER tr", "expected ON"),
        ("DROP TABLE t CASCADE RESTRICT", "expected end of statement"),
        ("DROP DATABASE d WITH (QUICKLY)", "unrecognized DROP DATABASE option"),
        ("DROP FUNCTION f(int", "expected"),
        ("DROP WIDGET w", "expected an object type"),
        ("DROP INDEX CONCURRENTLY", "expected a name"),
    ])
    func dropErrors(_ sql: String, _ message: String) throws {
        let s = try #require(parse(sql).statements.first)
        let error = try #require(s.error, "expected an error for \(sql)")
        #expect(error.message.contains(message), "\(error.message) for \(sql)")
    }

    // MARK: TRUNCATE

    @Test func truncate() throws {
        let n = try node("TRUNCATE TABLE ONLY a, s.b * RESTART IDENTITY CASCADE")
        guard case .truncate(let t) = n else {
            Issue.record("expected TRUNCATE")
            return
        }
        #expect(n.postgresNode == "TruncateStmt")
        #expect(t.tables.map(\.name.dotted) == ["a", "s.b"])
        #expect(t.tables.map(\.only) == [true, false])
        #expect(t.restartIdentity)
        #expect(t.behavior == .cascade)
        guard case .truncate(let plain) = try node("TRUNCATE t CONTINUE IDENTITY RESTRICT") else {
            Issue.record("expected TRUNCATE")
            return
        }
        #expect(!plain.restartIdentity)
        #expect(plain.behavior == .restrict)
    }

    @Test(arguments: [
        ("TRUNCATE", "expected a name"),
        ("TRUNCATE t RESTART", "expected end of statement"),
    ])
    func truncateErrors(_ sql: String, _ message: String) throws {
        let s = try #require(parse(sql).statements.first)
        let error = try #require(s.error, "expected an error for \(sql)")
        #expect(error.message.contains(message), "\(error.message) for \(sql)")
    }

    // MARK: Renames of other objects (the helpers the ALTER grammars call)

    @Test func renameHelperForOtherObjects() throws {
        let sql = "ALTER FUNCTION s.f(int, text) RENAME TO g"
        let file = parse(sql)
        let result: RenameStatement? = file.tokens.withUnsafeBufferPointer { tokens in
            Array(sql.utf8).withUnsafeBufferPointer { source in
                var p = Parser(
                    source: source, tokens: tokens, dialect: .postgres, start: 0,
                    limit: file.statements[0].tokenRange.upperBound,
                    stackGuard: StackGuard(floor: 0))
                p.position = 2
                guard let object = try? p.parseObjectReference(.function) else { return nil }
                return try? p.parseRenameRest(objectType: .function, object: object, ifExists: false, start: 0)
            }
        }
        let r = try #require(result)
        #expect(r.objectType == .function)
        #expect(r.object.name.dotted == "s.f")
        #expect(r.object.arguments?.count == 2)
        #expect(r.newName.value == "g")
    }
}
