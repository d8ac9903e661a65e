import SQLSyntax
import SchemaCatalog

/// DROP of a view, sequence, type, domain, function, trigger or extension blue may use.
struct DroppingObject: StatementRule {
    static let metadata = RuleMetadata(
        id: "dropping-object",
        title: "Dropping a view, sequence, type, function, trigger or extension",
        category: .compatibility, severity: .warning,
        summary: "DROP of a view, materialized view, sequence, type, domain, function, procedure, trigger or extension that exists before the migration.",
        rationale: """
            These drops are destructive (SPEC §2): blue may still select from the view, call the function, cast to \
            the type or rely on the trigger. They belong in the contract phase.
            """,
        safeAlternative: "Stop using the object in every deployed version first; drop it in a contract-phase migration.",
        bad: [
            RuleExample("DROP VIEW active_users;", baseline: "CREATE TABLE users (id int);\nCREATE VIEW active_users AS SELECT id FROM users;"),
            RuleExample("DROP SEQUENCE order_numbers;", baseline: "CREATE SEQUENCE order_numbers;"),
        ],
        good: [
            RuleExample("CREATE SEQUENCE tmp_seq;\nDROP SEQUENCE tmp_seq;"),
            RuleExample("""
                BEGIN;
                DROP VIEW active_users;
                CREATE VIEW active_users AS SELECT id, name FROM users;
                COMMIT;
                """, baseline: "CREATE TABLE users (id int, name text);\nCREATE VIEW active_users AS SELECT id FROM users;"),
        ],
        equivalents: [
            Equivalent(.squawk, "ban-drop-sequence"), Equivalent(.squawk, "ban-drop-domain"),
            Equivalent(.squawk, "ban-drop-extension"),
        ])

    static let kinds: [SchemaObjectType: String] = [
        .view: "view", .materializedView: "materialized view", .sequence: "sequence", .type: "type",
        .domain: "domain", .function: "function", .procedure: "procedure", .routine: "routine",
        .trigger: "trigger", .extension: "extension", .aggregate: "aggregate",
    ]

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.drop]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard case .drop(let d) = s.node, let word = Self.kinds[d.objectType] else { return [] }
        return d.objects.compactMap { object in
            func exists(_ base: Catalog) -> Bool {
                switch d.objectType {
                case .view, .materializedView: return base.view(object.name) != nil
                case .sequence: return base.sequence(object.name) != nil
                case .type, .domain: return base.type(object.name) != nil
                case .function, .procedure, .routine, .aggregate:
                    return base.resolve(object.name) { base.functions[$0] != nil } != nil
                case .trigger:
                    return object.table.flatMap { base.table($0) }.flatMap { base.tables[$0] }?.triggers.contains { $0.name == object.name.name } ?? false
                case .extension: return base.extensions[object.name.name] != nil
                default: return false
                }
            }
            // Dropped and re-created in the same transaction (a function or view redefined): no break.
            guard exists(context.analysis.baseline), !context.restoredInTransaction(s, exists) else { return nil }
            return context.finding(s, "dropping \(word) \(object.name.dotted), which exists before this migration, breaks blue if it still uses it")
        }
    }
}
