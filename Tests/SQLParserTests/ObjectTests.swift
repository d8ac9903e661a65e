@testable import SQLParser
import SQLSyntax
import Testing

/// CREATE / ALTER of views, sequences, types, domains, schemas, extensions,
/// functions, triggers and policies (Parser+Objects, +Types, +Function, +Trigger).
@Suite struct ObjectTests {
    // MARK: Node names and kinds agree with libpg_query

    /// Statement, PostgreSQL node name (as pglast reports it), our kind.
    static let postgresNodes: [(String, String, StatementKind)] = [
        ("CREATE VIEW v AS SELECT 1", "ViewStmt", .createView),
        ("CREATE OR REPLACE TEMP RECURSIVE VIEW v (n) AS SELECT 1", "ViewStmt", .createView),
        ("CREATE MATERIALIZED VIEW mv AS SELECT 1 WITH NO DATA", "CreateTableAsStmt", .createMaterializedView),
        ("CREATE SEQUENCE s", "CreateSeqStmt", .createSequence),
        ("ALTER SEQUENCE s RESTART", "AlterSeqStmt", .alterSequence),
        ("ALTER SEQUENCE s OWNER TO x", "AlterTableStmt", .alterSequence),
        ("ALTER SEQUENCE s SET UNLOGGED", "AlterTableStmt", .alterSequence),
        ("ALTER SEQUENCE s RENAME TO t", "RenameStmt", .rename),
        ("ALTER SEQUENCE s SET SCHEMA x", "AlterObjectSchemaStmt", .alterObjectSchema),
        ("CREATE TYPE e AS ENUM ('a')", "CreateEnumStmt", .createType),
        ("CREATE TYPE c AS (a int)", "CompositeTypeStmt", .createType),
        ("CREATE TYPE r AS RANGE (SUBTYPE = float8)", "CreateRangeStmt", .createType),
        ("CREATE TYPE b (INPUT = b_in, OUTPUT = b_out)", "DefineStmt", .createType),
        ("CREATE TYPE shell", "DefineStmt", .createType),
        ("ALTER TYPE e ADD VALUE 'b'", "AlterEnumStmt", .alterType),
        ("ALTER TYPE e RENAME VALUE 'a' TO 'b'", "AlterEnumStmt", .alterType),
        ("ALTER TYPE c ADD ATTRIBUTE b text", "AlterTableStmt", .alterType),
        ("ALTER TYPE c OWNER TO x", "AlterOwnerStmt", .alterOwner),
        ("ALTER TYPE c SET (RECEIVE = r)", "AlterTypeStmt", .alterType),
        ("ALTER TYPE c RENAME TO d", "RenameStmt", .rename),
        ("ALTER TYPE c RENAME ATTRIBUTE a TO b", "RenameStmt", .rename),
        ("ALTER TYPE c SET SCHEMA s", "AlterObjectSchemaStmt", .alterObjectSchema),
        ("CREATE DOMAIN d AS int", "CreateDomainStmt", .createDomain),
        ("ALTER DOMAIN d SET NOT NULL", "AlterDomainStmt", .alterDomain),
        ("ALTER DOMAIN d OWNER TO x", "AlterOwnerStmt", .alterOwner),
        ("ALTER DOMAIN d RENAME CONSTRAINT a TO b", "RenameStmt", .rename),
        ("CREATE SCHEMA s", "CreateSchemaStmt", .createSchema),
        ("CREATE EXTENSION e", "CreateExtensionStmt", .createExtension),
        ("CREATE FUNCTION f() RETURNS int LANGUAGE sql RETURN 1", "CreateFunctionStmt", .createFunction),
        ("CREATE PROCEDURE p() LANGUAGE sql AS 'select 1'", "CreateFunctionStmt", .createFunction),
        ("CREATE TRIGGER t AFTER INSERT ON x EXECUTE FUNCTION f()", "CreateTrigStmt", .createTrigger),
        ("CREATE CONSTRAINT TRIGGER t AFTER INSERT ON x FOR EACH ROW EXECUTE FUNCTION f()", "CreateTrigStmt", .createTrigger),
        ("CREATE POLICY p ON t", "CreatePolicyStmt", .createPolicy),
        ("ALTER POLICY p ON t USING (true)", "AlterPolicyStmt", .alterPolicy),
        ("ALTER POLICY p ON t RENAME TO q", "RenameStmt", .rename),
        ("ALTER FUNCTION f(int) RENAME TO g", "RenameStmt", .rename),
        ("ALTER TRIGGER t ON x RENAME TO u", "RenameStmt", .rename),
        ("ALTER SCHEMA s RENAME TO t", "RenameStmt", .rename),
        ("ALTER EXTENSION e SET SCHEMA s", "AlterObjectSchemaStmt", .alterObjectSchema),
        // Not modelled: fall back to the classifier, with no error.
        ("ALTER FUNCTION f(int) OWNER TO x", "AlterOwnerStmt", .alterOwner),
        ("ALTER FUNCTION f(int) IMMUTABLE", "AlterFunctionStmt", .alterFunction),
        ("ALTER EXTENSION e UPDATE TO '2.0'", "AlterExtensionStmt", .alterExtension),
        ("CREATE ROLE r", "CreateRoleStmt", .createRole),
        ("CREATE AGGREGATE a (int) (SFUNC = f, STYPE = int)", "DefineStmt", .createOther),
        ("ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO x", "AlterDefaultPrivilegesStmt", .alterDefaultPrivileges),
        ("CREATE FOREIGN TABLE ft (a int) SERVER s", "CreateForeignTableStmt", .createTable),
    ]

    @Test(arguments: postgresNodes)
    func nodeNames(_ sql: String, _ node: String, _ kind: StatementKind) throws {
        let statement = try #require(parse(sql).statements.first)
        #expect(statement.error == nil, "\(statement.error?.message ?? "")")
        #expect(statement.postgresNode == node)
        #expect(statement.kind == kind)
    }

    // MARK: Views

    @Test func view() throws {
        let n = try node("CREATE OR REPLACE TEMP VIEW s.v (a, b) WITH (security_barrier) AS SELECT 1, 2 WITH LOCAL CHECK OPTION")
        guard case .createView(let v) = n else { throw UnexpectedNode(n) }
        #expect(v.name.dotted == "s.v")
        #expect(v.columns.map(\.value) == ["a", "b"])
        #expect(v.orReplace && v.temporary && !v.materialized && !v.recursive)
        #expect(v.options == [OptionItem(name: "security_barrier", value: nil, span: v.options.first?.span ?? .zero)])
        #expect(v.checkOption == .local)
        #expect(v.kind == .createView)
    }

    @Test func materializedView() throws {
        let n = try node(
            "CREATE MATERIALIZED VIEW IF NOT EXISTS mv USING heap WITH (fillfactor = 70) TABLESPACE ts AS SELECT a FROM t WITH NO DATA")
        guard case .createView(let v) = n else { throw UnexpectedNode(n) }
        #expect(v.materialized && v.ifNotExists)
        #expect(v.accessMethod?.value == "heap")
        #expect(v.tablespace?.value == "ts")
        #expect(v.options.map(\.name) == ["fillfactor"])
        #expect(v.options.first?.value == "70")
        #expect(v.withData == false && !v.populates)
        #expect(v.postgresNode == "CreateTableAsStmt")
    }

    @Test func sqliteViewIfNotExists() throws {
        let n = try node("CREATE TEMP VIEW IF NOT EXISTS v AS SELECT 1", .sqlite)
        guard case .createView(let v) = n else { throw UnexpectedNode(n) }
        #expect(v.ifNotExists && v.temporary)
    }

    // MARK: Sequences

    @Test func createSequence() throws {
        let n = try node(
            "CREATE SEQUENCE IF NOT EXISTS s AS bigint INCREMENT BY -2 MINVALUE -9223372036854775808 NO MAXVALUE START WITH 10 CACHE 5 NO CYCLE OWNED BY t.id")
        guard case .createSequence(let s) = n else { throw UnexpectedNode(n) }
        #expect(s.ifNotExists)
        #expect(s.options.count == 8)
        #expect(s.options.contains(.increment("-2")))
        #expect(s.options.contains(.minValue("-9223372036854775808")))
        #expect(s.options.contains(.maxValue(nil)))
        #expect(s.options.contains(.start("10")))
        #expect(s.options.contains(.cycle(false)))
        if case .ownedBy(let owner)? = s.options.last { #expect(owner?.dotted == "t.id") }
    }

    @Test func alterSequence() throws {
        let n = try node("ALTER SEQUENCE IF EXISTS s RESTART WITH 5 CYCLE OWNED BY NONE")
        guard case .alterSequence(let s) = n else { throw UnexpectedNode(n) }
        #expect(s.ifExists)
        #expect(s.options == [.restart("5"), .cycle(true), .ownedBy(nil)])
        let owner = try node("ALTER SEQUENCE s OWNER TO CURRENT_USER")
        guard case .alterTable(let t) = owner else { throw UnexpectedNode(owner) }
        #expect(t.objectType == .sequence)
        #expect(t.actions == [.ownerTo(.currentUser)])
    }

    // MARK: Types

    @Test func enumType() throws {
        let n = try node("CREATE TYPE s.mood AS ENUM ('sad', 'ok', 'happy')")
        guard case .createType(let t) = n else { throw UnexpectedNode(n) }
        #expect(t.name.dotted == "s.mood")
        #expect(t.enumValues == ["sad", "ok", "happy"])
        #expect(t.postgresNode == "CreateEnumStmt")
    }

    @Test func compositeAndRangeTypes() throws {
        let composite = try node("CREATE TYPE c AS (a int COLLATE \"C\", b text)")
        guard case .createType(let c) = composite, case .composite(let attributes) = c.definition else {
            throw UnexpectedNode(composite)
        }
        #expect(attributes.map(\.name.value) == ["a", "b"])
        #expect(attributes.first?.collation?.dotted == "C")
        let range = try node("CREATE TYPE r AS RANGE (SUBTYPE = float8, SUBTYPE_DIFF = float8mi)")
        guard case .createType(let r) = range, case .range(let options) = r.definition else { throw UnexpectedNode(range) }
        #expect(options.map(\.name) == ["subtype", "subtype_diff"])
        #expect(options.map(\.value) == ["float8", "float8mi"])
        let shell = try node("CREATE TYPE later")
        guard case .createType(let s) = shell else { throw UnexpectedNode(shell) }
        #expect(s.definition == .shell)
    }

    @Test func alterTypeAddValue() throws {
        let n = try node("ALTER TYPE mood ADD VALUE IF NOT EXISTS 'meh' BEFORE 'ok'")
        guard case .alterType(let t) = n else { throw UnexpectedNode(n) }
        #expect(t.action == .addValue("meh", ifNotExists: true, position: .before("ok")))
        let rename = try node("ALTER TYPE mood RENAME VALUE 'sad' TO 'blue'")
        guard case .alterType(let r) = rename else { throw UnexpectedNode(rename) }
        #expect(r.action == .renameValue(from: "sad", to: "blue"))
    }

    @Test func alterTypeAttributes() throws {
        let n = try node("ALTER TYPE c ADD ATTRIBUTE x int CASCADE, DROP ATTRIBUTE IF EXISTS y, ALTER ATTRIBUTE z SET DATA TYPE text")
        guard case .alterType(let t) = n, case .attributes(let actions) = t.action else { throw UnexpectedNode(n) }
        #expect(actions.count == 3)
        if case .add(let attribute, let behavior) = actions[0] {
            #expect(attribute.name.value == "x")
            #expect(behavior == .cascade)
        } else {
            Issue.record("expected ADD ATTRIBUTE, got \(actions[0])")
        }
        if case .drop(let name, let ifExists, _) = actions[1] {
            #expect(name.value == "y" && ifExists)
        } else {
            Issue.record("expected DROP ATTRIBUTE, got \(actions[1])")
        }
    }

    // MARK: Domains

    @Test func domain() throws {
        let n = try node("CREATE DOMAIN posint AS int COLLATE \"C\" DEFAULT 1 CONSTRAINT positive CHECK (VALUE > 0) NOT NULL")
        guard case .createDomain(let d) = n else { throw UnexpectedNode(n) }
        #expect(d.collation?.dotted == "C")
        #expect(d.defaultValue != nil)
        #expect(d.constraints.count == 2)
        #expect(d.constraints.first?.name?.value == "positive")
        #expect(d.constraints.last?.body == .notNull)
    }

    @Test func alterDomain() throws {
        let add = try node("ALTER DOMAIN d ADD CONSTRAINT c CHECK (VALUE < 10) NOT VALID")
        guard case .alterDomain(let a) = add, case .addConstraint(let constraint) = a.action else { throw UnexpectedNode(add) }
        #expect(constraint.name?.value == "c" && constraint.notValid)
        let drop = try node("ALTER DOMAIN d DROP CONSTRAINT IF EXISTS c RESTRICT")
        guard case .alterDomain(let b) = drop else { throw UnexpectedNode(drop) }
        guard case .dropConstraint(let name, let ifExists, let behavior) = b.action else { throw UnexpectedNode(drop) }
        #expect(name.value == "c" && ifExists && behavior == .restrict)
        let def = try node("ALTER DOMAIN d DROP DEFAULT")
        guard case .alterDomain(let c) = def else { throw UnexpectedNode(def) }
        #expect(c.action == .setDefault(nil))
    }

    // MARK: Schemas and extensions

    @Test func schema() throws {
        let n = try node("CREATE SCHEMA IF NOT EXISTS AUTHORIZATION joe")
        guard case .createSchema(let s) = n else { throw UnexpectedNode(n) }
        #expect(s.name == nil && s.ifNotExists)
        #expect(s.effectiveName == "joe")
        let elements = try node("CREATE SCHEMA app CREATE SEQUENCE s GRANT USAGE ON SCHEMA app TO PUBLIC")
        guard case .createSchema(let e) = elements else { throw UnexpectedNode(elements) }
        #expect(e.elements.map(\.node.kind) == [.createSequence, .grant])
    }

    @Test func extensionOptions() throws {
        let n = try node("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\" WITH SCHEMA public VERSION '1.1' CASCADE")
        guard case .createExtension(let e) = n else { throw UnexpectedNode(n) }
        #expect(e.name.value == "uuid-ossp" && e.ifNotExists && e.cascade)
        #expect(e.schema?.value == "public")
        #expect(e.version == "1.1")
    }

    // MARK: Policies

    @Test func policy() throws {
        let n = try node("CREATE POLICY p ON s.t AS RESTRICTIVE FOR UPDATE TO app, PUBLIC USING (owner = current_user) WITH CHECK (true)")
        guard case .createPolicy(let p) = n else { throw UnexpectedNode(n) }
        #expect(p.name.value == "p" && p.table.dotted == "s.t")
        #expect(!p.permissive && p.command == .update)
        #expect(p.roles.count == 2 && p.roles.last == .public)
        #expect(p.using != nil && p.withCheck != nil)
    }

    // MARK: Functions

    @Test func functionParametersAndOptions() throws {
        let n = try node(
            """
            CREATE OR REPLACE FUNCTION s.f(IN a int DEFAULT 1, OUT b text, VARIADIC c int[], d double precision,
                e character varying = 'x', "F" t.col%TYPE, INOUT g int)
            RETURNS SETOF record LANGUAGE 'SQL' IMMUTABLE STRICT SECURITY DEFINER LEAKPROOF PARALLEL SAFE
            COST 10 ROWS 5 SET search_path = a, b SET work_mem FROM CURRENT
            AS $$ select 1 $$
            """)
        guard case .createFunction(let f) = n else { throw UnexpectedNode(n) }
        #expect(f.name.dotted == "s.f" && f.orReplace && !f.isProcedure)
        #expect(f.parameters.map(\.name?.value) == ["a", "b", "c", "d", "e", "F", "g"])
        #expect(f.parameters.map(\.mode) == [.in, .out, .variadic, nil, nil, nil, .inout])
        #expect(f.parameters[0].defaultValue != nil && f.parameters[4].defaultValue != nil)
        #expect(f.signature.count == 6)
        if case .type(let type)? = f.returns { #expect(type.setOf) } else { Issue.record("expected RETURNS SETOF") }
        #expect(f.language == "sql")
        #expect(f.volatility == .immutable && f.nullInput == .returnsNull && f.security == .definer)
        #expect(f.leakproof == true && f.parallel == .safe && f.cost == "10" && f.rows == "5")
        #expect(f.settings.map(\.name) == ["search_path", "work_mem"])
        #expect(f.settings.first?.values == ["a", "b"] && f.settings.last?.fromCurrent == true)
        #expect(f.body == .definition(" select 1 "))
    }

    @Test func unnamedParametersAndReturnsTable() throws {
        let n = try node("CREATE FUNCTION f(int, text) RETURNS TABLE (x int, y text) LANGUAGE sql AS 'select 1, 2'")
        guard case .createFunction(let f) = n, case .table(let columns)? = f.returns else { throw UnexpectedNode(n) }
        #expect(f.parameters.map(\.name) == [nil, nil])
        #expect(columns.map(\.name?.value) == ["x", "y"])
    }

    @Test func sqlStandardBodies() throws {
        let ret = try node("CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql IMMUTABLE RETURN a + 1")
        guard case .createFunction(let f) = ret else { throw UnexpectedNode(ret) }
        #expect(f.body == .sqlStandard("RETURN a + 1"))
        let atomic = try node(
            "CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (1); SELECT CASE WHEN true THEN 1 END; END")
        guard case .createFunction(let p) = atomic else { throw UnexpectedNode(atomic) }
        #expect(p.isProcedure)
        #expect(p.body == .sqlStandard("BEGIN ATOMIC INSERT INTO t VALUES (1); SELECT CASE WHEN true THEN 1 END; END"))
    }

    @Test func objectFileBody() throws {
        let n = try node("CREATE FUNCTION f() RETURNS int LANGUAGE c AS 'mylib', 'f_impl'")
        guard case .createFunction(let f) = n else { throw UnexpectedNode(n) }
        #expect(f.body == .objectFile("mylib", symbol: "f_impl"))
    }

    @Test func outParametersAndReturnsNullOnNullInput() throws {
        let n = try node("CREATE FUNCTION f(out a int) RETURNS NULL ON NULL INPUT AS 'select 1' LANGUAGE sql")
        guard case .createFunction(let f) = n else { throw UnexpectedNode(n) }
        #expect(f.returns == nil && f.nullInput == .returnsNull)
    }

    // MARK: Triggers

    @Test func postgresTrigger() throws {
        let n = try node(
            """
            CREATE CONSTRAINT TRIGGER tr AFTER INSERT OR UPDATE OF a, b ON s.t FROM u
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.a > 1) EXECUTE PROCEDURE f('x', 1, name)
            """)
        guard case .createTrigger(let t) = n else { throw UnexpectedNode(n) }
        #expect(t.name.dotted == "tr" && t.constraint)
        #expect(t.timing == .after)
        #expect(t.events == [TriggerEvent(kind: .insert), TriggerEvent(kind: .update, columns: t.events.last?.columns ?? [])])
        #expect(t.events.last?.columns.map(\.value) == ["a", "b"])
        #expect(t.table.dotted == "s.t" && t.referencedTable?.dotted == "u")
        #expect(t.deferrable && t.initiallyDeferred && t.forEachRow)
        #expect(t.when != nil)
        #expect(t.function?.dotted == "f")
        #expect(t.functionArguments == ["x", "1", "name"])
    }

    @Test func transitionTables() throws {
        let n = try node(
            "CREATE OR REPLACE TRIGGER tr AFTER DELETE ON t REFERENCING OLD TABLE AS o NEW TABLE n FOR EACH STATEMENT EXECUTE FUNCTION f()")
        guard case .createTrigger(let t) = n else { throw UnexpectedNode(n) }
        #expect(t.orReplace && !t.forEachRow)
        #expect(t.transitionTables.map(\.isNew) == [false, true])
        #expect(t.transitionTables.map(\.name.value) == ["o", "n"])
    }

    @Test func sqliteTrigger() throws {
        let n = try node(
            """
            CREATE TEMP TRIGGER IF NOT EXISTS main.trg BEFORE UPDATE OF a ON t FOR EACH ROW WHEN NEW.a IS NULL
            BEGIN
                UPDATE t SET a = 0 WHERE id = NEW.id;
                INSERT INTO log (id) VALUES (NEW.id);
                SELECT RAISE(ABORT, 'no');
            END
            """, .sqlite)
        guard case .createTrigger(let t) = n else { throw UnexpectedNode(n) }
        #expect(t.name.dotted == "main.trg" && t.temporary && t.ifNotExists)
        #expect(t.timing == .before && t.forEachRow && t.when != nil)
        #expect(t.events.first?.kind == .update)
        #expect(t.body.map(\.node.kind) == [.update, .insert, .select])
        #expect(t.function == nil)
    }

    @Test func sqliteTriggerWithoutTiming() throws {
        let n = try node("CREATE TRIGGER trg DELETE ON t BEGIN DELETE FROM u WHERE t_id = OLD.id; END", .sqlite)
        guard case .createTrigger(let t) = n else { throw UnexpectedNode(n) }
        #expect(t.timing == nil)
        #expect(t.body.count == 1)
    }

    @Test func sqliteTriggerBodyMustBeDML() throws {
        let statement = try #require(parse("CREATE TRIGGER trg AFTER INSERT ON t BEGIN CREATE TABLE x (a); END", .sqlite).statements.first)
        #expect(statement.error?.message.contains("expected INSERT, UPDATE, DELETE or SELECT") == true)
    }

    // MARK: Errors

    static let errors: [(String, String)] = [
        ("CREATE UNIQUE VIEW v AS SELECT 1", "UNIQUE cannot be used with CREATE VIEW"),
        ("CREATE TEMP FUNCTION f() RETURNS int AS 'x' LANGUAGE sql", "TEMPORARY cannot be used"),
        ("CREATE RECURSIVE VIEW v AS SELECT 1", "column list"),
        ("CREATE VIEW IF NOT EXISTS v AS SELECT 1", "expected AS"),
        ("CREATE TYPE e AS ENUM ('a', 1)", "expected a string"),
        ("ALTER TYPE e ADD VALUE 'x' BETWEEN 'a'", "expected end of statement"),
        ("CREATE SEQUENCE s INCREMENT BY x", "expected a number"),
        ("ALTER SEQUENCE s", "expected a sequence option"),
        ("CREATE DOMAIN d int UNIQUE", "not possible for domains"),
        ("CREATE EXTENSION e FROM old", "no longer supported"),
        ("CREATE SCHEMA IF NOT EXISTS s CREATE TABLE t (a int)", "cannot include schema elements"),
        ("CREATE FUNCTION f() RETURNS int AS 'x' LANGUAGE sql PARALLEL fast", "expected UNSAFE, RESTRICTED or SAFE"),
        ("CREATE FUNCTION f(OUT a int) RETURNS TABLE (b int) AS 'x' LANGUAGE sql", "OUT and INOUT"),
        ("CREATE PROCEDURE p() RETURNS int AS 'x' LANGUAGE sql", "cannot have RETURNS"),
        ("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1", "expected END"),
        ("CREATE TRIGGER t AFTER SELECT ON x EXECUTE FUNCTION f()", "expected INSERT, UPDATE or DELETE"),
        ("CREATE TRIGGER t INSERT ON x EXECUTE FUNCTION f()", "expected BEFORE, AFTER or INSTEAD OF"),
        ("CREATE TRIGGER t AFTER INSERT ON x REFERENCING NEW ROW AS r EXECUTE FUNCTION f()", "ROW variable"),
        ("CREATE POLICY p ON t AS SOMETIMES", "expected PERMISSIVE or RESTRICTIVE"),
        ("ALTER POLICY p ON t", "expected TO, USING or WITH CHECK"),
        ("CREATE SELECT x", "expected an object type"),
        ("ALTER SELECT x", "expected an object type"),
    ]

    @Test(arguments: errors)
    func syntaxErrors(_ sql: String, _ message: String) throws {
        let statement = try #require(parse(sql).statements.first)
        let error = try #require(statement.error, "\(sql) parsed without error")
        #expect(error.message.contains(message), "\(error.message)")
        #expect(error.reason == .syntax)
    }
}

/// A node of the wrong shape, reported with what was found.
struct UnexpectedNode: Error, CustomStringConvertible {
    let node: StatementNode
    init(_ node: StatementNode) { self.node = node }
    var description: String { "unexpected node \(node.kind): \(node)" }
}
