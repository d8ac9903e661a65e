import SQLSyntax
import SchemaCatalog
import Testing

@testable import PostgresAdapter

/// Runs the fixture in a fresh scratch database and introspects it.
private func introspectFixture(_ extra: String = "", options: Introspector = Introspector()) throws -> IntrospectionResult {
    try ScratchDatabase.using(serverURL: TestServer.url()) { scratch in
        let conn = try scratch.connect()
        try conn.execute(IntrospectionFixture.ddl)
        if conn.serverMajorVersion >= 15 { try conn.execute(IntrospectionFixture.ddl15) }
        if !extra.isEmpty { try conn.execute(extra) }
        let result = try options.introspect(conn)
        #expect(conn.transactionStatus == .idle)
        return result
    }
}

@Suite("Introspection", .needsServer)
struct IntrospectionTests {
    @Test func schemasAndSearchPath() throws {
        let catalog = try introspectFixture().catalog
        #expect(catalog.dialect.kind == .postgres)
        #expect(catalog.dialect.postgresVersion >= 10)
        #expect(Set(catalog.schemas.keys) == ["public", "app"])
        #expect(catalog.searchPath == ["public"])
    }

    @Test func tablesAndColumns() throws {
        let catalog = try introspectFixture().catalog
        #expect(
            Set(catalog.tables.keys.map(\.description)) == [
                "public.accounts", "app.orders", "app.ledger", "public.events", "public.events_2024",
                "public.child_accounts", "public.ex", "public.scratchpad", "public.labels",
            ].filter { catalog.dialect.postgresVersion >= 15 || $0 != "public.labels" }.reduce(into: Set<String>()) {
                $0.insert($1)
            })
        let accounts = try #require(catalog.tables[ObjectKey("public", "accounts")])
        #expect(accounts.kind == .table)
        #expect(accounts.persistence == .permanent)
        #expect(accounts.rowLevelSecurity)
        #expect(
            accounts.columns.map(\.name) == [
                "id", "email", "handle", "balance", "created_at", "tags", "scores", "mood", "qty", "home", "code", "dur",
                "handle_lower",
            ])
        #expect(
            accounts.columns.map(\.type.sql) == [
                "bigint", "citext", "character varying(64)", "numeric(10,2)", "timestamp with time zone", "text[]",
                "integer[]", "app.mood", "positive_int", "address", "character(3)", "interval day to second(3)", "text",
            ])

        let id = try #require(accounts.column("id"))
        #expect(id.type == ColumnType(name: "int8"))
        #expect(id.notNull)
        #expect(id.defaultValue?.sql == "nextval('accounts_id_seq'::regclass)")
        #expect(id.defaultValue?.volatility == .volatile)
        #expect(id.defaultValue?.sequence == ObjectKey("public", "accounts_id_seq"))

        #expect(accounts.column("email")?.type == ColumnType(schema: "public", name: "citext"))
        #expect(accounts.column("handle")?.type == ColumnType(name: "varchar", modifiers: [64]))
        #expect(accounts.column("balance")?.type == ColumnType(name: "numeric", modifiers: [10, 2]))
        #expect(accounts.column("balance")?.defaultValue == DefaultValue(sql: "0", volatility: .immutable))
        #expect(accounts.column("created_at")?.defaultValue == DefaultValue(sql: "now()", volatility: .stable))
        #expect(accounts.column("tags")?.type == ColumnType(name: "text", isArray: true))
        #expect(accounts.column("tags")?.defaultValue?.sql == "'{}'::text[]")
        #expect(accounts.column("mood")?.type == ColumnType(schema: "app", name: "mood"))
        #expect(accounts.column("mood")?.notNull == false)
        #expect(accounts.column("code")?.type == ColumnType(name: "bpchar", modifiers: [3]))
        #expect(
            accounts.column("dur")?.type == ColumnType(name: "interval", modifiers: [3], intervalFields: "day to second"))
        let generated = try #require(accounts.column("handle_lower"))
        #expect(generated.generated == GeneratedColumn(sql: "lower(handle::text)", stored: true))
        #expect(generated.defaultValue == nil)
        #expect(generated.isFilledWhenOmitted)

        let orders = try #require(catalog.tables[ObjectKey("app", "orders")])
        #expect(orders.column("id")?.identity == .always)
        #expect(orders.column("id")?.defaultValue == nil)
        #expect(orders.column("n")?.defaultValue?.sql == "nextval('app.orders_n_seq'::regclass)")
        #expect(orders.column("n")?.defaultValue?.sequence == ObjectKey("app", "orders_n_seq"))
        #expect(orders.column("note")?.collation == "C")
        #expect(orders.column("amount")?.collation == nil)
        #expect(catalog.tables[ObjectKey("app", "ledger")]?.column("id")?.identity == .byDefault)
        #expect(catalog.tables[ObjectKey("app", "ledger")]?.column("small")?.type == .smallint)

        let scratchpad = try #require(catalog.tables[ObjectKey("public", "scratchpad")])
        #expect(scratchpad.persistence == .unlogged)
        #expect(scratchpad.columns.map { $0.defaultValue?.volatility } == [.immutable, .volatile, .stable, .volatile])
        #expect(scratchpad.column("v")?.defaultValue?.sql == "'a'::text || 'b'::text")
        #expect(scratchpad.column("d")?.defaultValue?.sql == "CURRENT_DATE")

        #expect(catalog.tables[ObjectKey("public", "events")]?.kind == .partitioned)
        let partition = try #require(catalog.tables[ObjectKey("public", "events_2024")])
        #expect(partition.partitionOf == ObjectKey("public", "events"))
        #expect(partition.inherits.isEmpty)
        let child = try #require(catalog.tables[ObjectKey("public", "child_accounts")])
        #expect(child.inherits == [ObjectKey("public", "accounts")])
        #expect(child.partitionOf == nil)
        #expect(child.columns.last?.name == "extra")
    }

    @Test func constraints() throws {
        let catalog = try introspectFixture().catalog
        let accounts = try #require(catalog.tables[ObjectKey("public", "accounts")])
        #expect(
            accounts.constraints.map(\.name) == [
                "accounts_balance_check", "accounts_pkey", "accounts_handle_key", "accounts_handle_length",
            ])
        let pkey = try #require(accounts.primaryKey)
        #expect(pkey.name == "accounts_pkey")
        #expect(pkey.columns == ["id"])
        #expect(pkey.index == "accounts_pkey")
        #expect(pkey.noInherit == false)
        let unique = try #require(accounts.constraint("accounts_handle_key"))
        #expect(unique.kind == .unique)
        #expect(unique.columns == ["handle"])
        #expect(unique.index == "accounts_handle_key")
        let check = try #require(accounts.constraint("accounts_balance_check"))
        #expect(check.kind == .check)
        #expect(check.expression == "balance >= 0::numeric")
        #expect(check.columns == ["balance"])
        #expect(check.validated)
        let notValid = try #require(accounts.constraint("accounts_handle_length"))
        #expect(notValid.expression == "length(handle::text) > 2")
        #expect(!notValid.validated)

        let orders = try #require(catalog.tables[ObjectKey("app", "orders")])
        let fk = try #require(orders.constraint("orders_account_fk"))
        #expect(fk.kind == .foreignKey)
        #expect(fk.columns == ["account_id"])
        #expect(
            fk.foreignKey
                == ForeignKey(
                    table: ObjectKey("public", "accounts"), columns: ["id"], onDelete: .cascade, onUpdate: .restrict))
        #expect(fk.deferrable && fk.initiallyDeferred && fk.validated)
        #expect(fk.index == nil)
        let fk2 = try #require(orders.constraint("orders_account_fk2"))
        #expect(fk2.foreignKey?.onDelete == .setNull)
        #expect(fk2.foreignKey?.onUpdate == .noAction)
        #expect(fk2.foreignKey?.match == "full")
        #expect(!fk2.validated)
        #expect(!fk2.deferrable)

        let ex = try #require(catalog.tables[ObjectKey("public", "ex")]?.constraint("ex_r_excl"))
        #expect(ex.kind == .exclusion)
        #expect(ex.columns == ["r"])
        #expect(ex.expression == "EXCLUDE USING gist (r WITH &&)")
        #expect(ex.index == "ex_r_excl")

        if catalog.dialect.postgresVersion >= 15 {
            let labels = try #require(catalog.tables[ObjectKey("public", "labels")]?.constraint("labels_label_key"))
            #expect(labels.nullsNotDistinct)
            #expect(catalog.indexes[ObjectKey("public", "labels_label_key")]?.nullsNotDistinct == true)
        }
    }

    @Test func indexes() throws {
        let catalog = try introspectFixture().catalog
        #expect(
            catalog.indexes(on: ObjectKey("public", "accounts")).map(\.name) == [
                "accounts_active_handle_idx", "accounts_email_lower_idx", "accounts_handle_key", "accounts_pkey",
            ])
        let expression = try #require(catalog.indexes[ObjectKey("public", "accounts_email_lower_idx")])
        #expect(expression.table == ObjectKey("public", "accounts"))
        #expect(expression.keys == [.expression("lower(email::text)", columns: ["email"]), .column("created_at")])
        #expect(!expression.unique)
        #expect(expression.method == "btree")
        #expect(expression.constraint == nil)
        #expect(expression.valid)

        let partial = try #require(catalog.indexes[ObjectKey("public", "accounts_active_handle_idx")])
        #expect(partial.unique)
        #expect(partial.keys == [.column("handle")])
        #expect(partial.include == ["email", "mood"])
        #expect(partial.predicate == "balance > 0::numeric")

        let pkey = try #require(catalog.indexes[ObjectKey("public", "accounts_pkey")])
        #expect(pkey.constraint == "accounts_pkey")
        #expect(pkey.unique)
        #expect(pkey.columnNames == ["id"])

        let exclusion = try #require(catalog.indexes[ObjectKey("public", "ex_r_excl")])
        #expect(exclusion.method == "gist")
        #expect(exclusion.constraint == "ex_r_excl")
        #expect(catalog.indexes[ObjectKey("app", "orders_pkey")]?.table == ObjectKey("app", "orders"))
    }

    @Test func viewsAndMaterializedViews() throws {
        let catalog = try introspectFixture().catalog
        let rich = try #require(catalog.views[ObjectKey("public", "rich_accounts")])
        #expect(!rich.materialized)
        #expect(rich.columns.map(\.name) == ["id", "email", "doubled"])
        #expect(rich.columns.map { $0.type?.sql } == ["bigint", "citext", "numeric"])
        #expect(rich.query.hasPrefix("SELECT accounts.id,"))
        #expect(rich.query.contains("FROM accounts"))
        #expect(!rich.query.hasSuffix(";"))
        #expect(rich.dependencies == [ObjectKey("public", "accounts"): ["id", "email", "balance"]])
        #expect(rich.functionDependencies.isEmpty)

        let touched = try #require(catalog.views[ObjectKey("public", "touched")])
        #expect(touched.functionDependencies == [ObjectKey("app", "touch")])
        #expect(touched.dependencies == [ObjectKey("public", "accounts"): ["id"]])

        let totals = try #require(catalog.views[ObjectKey("public", "order_totals")])
        #expect(totals.materialized)
        #expect(totals.columns.map { $0.type?.sql } == ["bigint", "numeric", "bigint"])
        #expect(totals.dependencies == [ObjectKey("app", "orders"): ["account_id", "amount"]])
        #expect(catalog.relationKind(ObjectKey("public", "order_totals")) == .materializedView)
    }

    @Test func sequences() throws {
        let catalog = try introspectFixture().catalog
        #expect(
            Set(catalog.sequences.keys) == [
                ObjectKey("public", "accounts_id_seq"), ObjectKey("app", "orders_id_seq"),
                ObjectKey("app", "orders_n_seq"), ObjectKey("app", "ledger_id_seq"), ObjectKey("app", "ledger_small_seq"),
                ObjectKey("app", "invoice_seq"),
            ])
        let invoice = try #require(catalog.sequences[ObjectKey("app", "invoice_seq")])
        #expect(invoice.dataType == .integer)
        #expect(invoice.increment == 5)
        #expect(invoice.minValue == 10)
        #expect(invoice.maxValue == 1000)
        #expect(invoice.start == 20)
        #expect(invoice.cycle)
        #expect(invoice.ownedBy == ColumnReference(table: ObjectKey("app", "orders"), column: "amount"))

        let serial = try #require(catalog.sequences[ObjectKey("public", "accounts_id_seq")])
        #expect(serial.dataType == .bigint)
        #expect(serial.ownedBy == ColumnReference(table: ObjectKey("public", "accounts"), column: "id"))
        #expect(serial.maxValue == Int64.max)
        #expect(!serial.cycle)
        // Identity sequences are owned through an internal dependency.
        #expect(
            catalog.sequences[ObjectKey("app", "orders_id_seq")]?.ownedBy
                == ColumnReference(table: ObjectKey("app", "orders"), column: "id"))
        #expect(catalog.sequences[ObjectKey("app", "ledger_small_seq")]?.dataType == .smallint)
    }

    @Test func userTypes() throws {
        let catalog = try introspectFixture().catalog
        #expect(catalog.types[ObjectKey("app", "mood")]?.definition == .enumeration(["sad", "meh", "ok", "happy"]))
        #expect(
            catalog.types[ObjectKey("public", "address")]?.definition
                == .composite([
                    CompositeAttribute(name: "street", type: ColumnType(name: "varchar", modifiers: [64])),
                    CompositeAttribute(name: "zip", type: ColumnType(name: "bpchar", modifiers: [5])),
                    CompositeAttribute(name: "tags", type: ColumnType(name: "text", isArray: true)),
                ]))
        #expect(
            catalog.types[ObjectKey("public", "positive_int")]?.definition
                == .domain(
                    Domain(
                        baseType: .integer, notNull: true, defaultValue: "1",
                        checks: ["positive_int_check": "VALUE > 0"])))
        #expect(
            catalog.types[ObjectKey("public", "floatrange")]?.definition == .range(subtype: ColumnType(name: "float8")))
        #expect(catalog.relationKind(ObjectKey("public", "address")) == .compositeType)
        // Array, multirange and table row types are not user types of their own.
        #expect(catalog.types[ObjectKey("public", "_address")] == nil)
        #expect(catalog.types[ObjectKey("public", "floatmultirange")] == nil)
        #expect(catalog.types[ObjectKey("public", "accounts")] == nil)

        let citext = try #require(catalog.types[ObjectKey("public", "citext")])
        #expect(citext.extensionOwner == "citext")
        #expect(citext.definition == .base)
        #expect(catalog.types.values.filter { $0.extensionOwner == nil }.count == 4)
    }

    @Test func functionsTriggersPoliciesAndExtensions() throws {
        let catalog = try introspectFixture().catalog
        let touch = try #require(catalog.functions[ObjectKey("app", "touch")]?.first)
        #expect(touch.argumentTypes == [.integer, .text])
        #expect(touch.argumentNames == ["a", "b"])
        #expect(touch.signature == "touch(integer, text)")
        #expect(touch.returns == "integer")
        #expect(touch.volatility == .immutable)
        #expect(touch.language == "sql")
        #expect(!touch.isProcedure)
        #expect(touch.extensionOwner == nil)

        let noop = try #require(catalog.functions[ObjectKey("app", "noop")]?.first)
        #expect(noop.isProcedure)
        #expect(noop.returns == nil)
        #expect(noop.argumentNames == ["x"])

        let trigger = try #require(catalog.functions[ObjectKey("public", "set_created")]?.first)
        #expect(trigger.returns == "trigger")
        #expect(trigger.language == "plpgsql")
        #expect(trigger.volatility == .volatile)
        #expect(trigger.argumentTypes.isEmpty)

        // Range constructors belong to their type; citext's functions to the extension.
        #expect(catalog.functions[ObjectKey("public", "floatrange")] == nil)
        let own = catalog.functions.values.joined().filter { $0.extensionOwner == nil }
        #expect(Set(own.map(\.key.name)) == ["touch", "noop", "set_created"])
        let citextFunctions = catalog.functions.values.joined().filter { $0.extensionOwner == "citext" }
        #expect(citextFunctions.contains { $0.key == ObjectKey("public", "citext") })

        let accounts = try #require(catalog.tables[ObjectKey("public", "accounts")])
        #expect(
            accounts.triggers == [
                Trigger(
                    name: "accounts_created", function: ObjectKey("public", "set_created"), timing: "before",
                    events: ["insert", "update"], forEachRow: true)
            ])
        // Foreign keys' internal triggers are not listed.
        #expect(catalog.tables[ObjectKey("app", "orders")]?.triggers.isEmpty == true)
        #expect(
            accounts.policies == [
                Policy(
                    name: "accounts_owner", command: "update", permissive: true, roles: ["postgres"],
                    using: "balance > 0::numeric", withCheck: "balance < 1000::numeric")
            ])

        #expect(Set(catalog.extensions.keys) == ["citext", "plpgsql"])
        #expect(catalog.extensions["citext"]?.schema == "public")
        #expect(catalog.extensions["citext"]?.version?.isEmpty == false)
        #expect(catalog.extensions["plpgsql"]?.schema == "pg_catalog")
    }

    @Test func extensionMembersCanBeLeftOut() throws {
        let catalog = try introspectFixture(options: Introspector(includeExtensionMembers: false)).catalog
        #expect(catalog.types[ObjectKey("public", "citext")] == nil)
        #expect(catalog.functions.values.joined().allSatisfy { $0.extensionOwner == nil })
        #expect(catalog.functions[ObjectKey("app", "touch")] != nil)
        #expect(catalog.extensions["citext"] != nil)
    }

    /// Argument types carry no typmod: an unconstrained bit prints as format_type(oid, -1)
    /// prints it, `"bit"`, not as bit(1) (found with btree_gin's functions).
    @Test func argumentTypesWithoutModifiers() throws {
        let result = try introspectFixture(
            "CREATE FUNCTION bits(a bit, b varbit, c \"char\", d numeric(5), e char) RETURNS int LANGUAGE sql AS 'SELECT 1'")
        #expect(result.typeSpellingMismatches == [], "\(result.typeSpellingMismatches.map(\.description))")
        let bits = try #require(result.catalog.functions[ObjectKey("public", "bits")]?.first)
        #expect(bits.argumentTypes.map(\.sql) == ["\"bit\"", "bit varying", "\"char\"", "numeric", "bpchar"])
    }

    /// Every column's `ColumnType.sql` must equal `format_type(atttypid, atttypmod)`.
    @Test func typeSpellingsMatchFormatType() throws {
        let result = try introspectFixture(IntrospectionFixture.oddTypes + IntrospectionFixture.typeZoo)
        #expect(result.typeSpellingMismatches == [], "\(result.typeSpellingMismatches.map(\.description))")
        let zoo = try #require(result.catalog.tables[ObjectKey("public", "type_zoo")])
        #expect(zoo.columns.count == 82)
        #expect(zoo.column("c18")?.type == ColumnType(name: "numeric", modifiers: [5, -2]))
        #expect(zoo.column("c58")?.type == ColumnType(name: "int4", isArray: true))
        #expect(zoo.column("c12")?.type.sql == "\"char\"")
        #expect(zoo.column("c80")?.type.sql == "\"Weird Type\"")
        #expect(zoo.column("c81")?.type.sql == "app.\"Odd\"")
        #expect(zoo.column("c82")?.type.sql == "\"select\"")
        #expect(zoo.column("c79")?.type == ColumnType(schema: "information_schema", name: "cardinal_number"))
    }

    @Test func anEmptyDatabaseLooksLikeAnEmptyCatalog() throws {
        try ScratchDatabase.using(serverURL: TestServer.url()) { scratch in
            let conn = try scratch.connect()
            var catalog = try introspect(conn)
            #expect(Set(catalog.extensions.keys) == ["plpgsql"])
            catalog.extensions = [:]
            var empty = Catalog(dialect: Dialect(kind: .postgres, postgresVersion: conn.serverMajorVersion))
            empty.schemas["public"]?.owner = catalog.schemas["public"]?.owner
            #expect(catalog == empty)
        }
    }

    @Test func introspectionIsReadOnlyAndLeavesTheSessionAsItWas() throws {
        try ScratchDatabase.using(serverURL: TestServer.url()) { scratch in
            let conn = try scratch.connect()
            try conn.execute("CREATE SCHEMA other; SET search_path = other, public")
            _ = try introspect(conn)
            #expect(try conn.query("SHOW search_path").rows == [["other, public"]])
            #expect(try conn.query("SHOW transaction_read_only").rows == [["off"]])
            #expect(conn.transactionStatus == .idle)

            // Inside a caller's transaction it refuses rather than committing it.
            try conn.execute("BEGIN")
            #expect(throws: PostgresError.self) { try introspect(conn) }
            try conn.execute("ROLLBACK")
        }
    }

    @Test func tableStatisticsReportRowsAndBytes() throws {
        try ScratchDatabase.using(serverURL: TestServer.url()) { scratch in
            let conn = try scratch.connect()
            try conn.execute(
                """
                CREATE TABLE big (id int PRIMARY KEY, payload text);
                INSERT INTO big SELECT g, repeat('x', 100) FROM generate_series(1, 5000) g;
                CREATE TABLE never_analyzed (id int);
                CREATE TABLE parts (at date) PARTITION BY RANGE (at);
                CREATE TABLE parts_2024 PARTITION OF parts FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
                INSERT INTO parts SELECT date '2024-01-01' + (g % 300) FROM generate_series(1, 1000) g;
                ANALYZE big; ANALYZE parts_2024;
                """)
            let stats = try tableStatistics(conn)
            let byName = Dictionary(uniqueKeysWithValues: stats.map { ($0.table, $0) })
            #expect(byName["big"]?.rows == 5000)
            #expect((byName["big"]?.bytes ?? 0) > 500_000)
            #expect(byName["big"]?.key == ObjectKey("public", "big"))
            #expect(byName["never_analyzed"]?.rows == nil)
            #expect(byName["parts_2024"]?.rows == 1000)
            #expect(byName["parts"]?.rows == 1000)
            #expect(byName["parts"]?.bytes == byName["parts_2024"]?.bytes)
            #expect(conn.transactionStatus == .idle)
        }
    }
}
