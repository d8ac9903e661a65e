import SQLSyntax

/// ALTER TABLE ... DISABLE TRIGGER.
struct BanDisableTrigger: StatementRule {
    static let metadata = RuleMetadata(
        id: "ban-disable-trigger",
        title: "Disabling a trigger",
        category: .compatibility, severity: .warning,
        summary: "DISABLE TRIGGER stops the trigger for every session, including the running application's writes.",
        rationale: "Sync triggers of an expand/contract rollout, audit triggers and (with ALL) foreign-key triggers stop firing while blue and green write; the data drifts silently.",
        safeAlternative: "Keep triggers enabled during the rollout; for a bulk load in one session use `SET session_replication_role = replica` instead.",
        bad: [RuleExample("ALTER TABLE users DISABLE TRIGGER audit;", baseline: """
            CREATE TABLE users (id int);
            CREATE FUNCTION audit_fn() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE TRIGGER audit AFTER INSERT ON users FOR EACH ROW EXECUTE FUNCTION audit_fn();
            """)],
        good: [RuleExample("ALTER TABLE users ENABLE TRIGGER audit;", baseline: """
            CREATE TABLE users (id int);
            CREATE FUNCTION audit_fn() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE TRIGGER audit AFTER INSERT ON users FOR EACH ROW EXECUTE FUNCTION audit_fn();
            """)],
        equivalents: [Equivalent(.squawk, "ban-disable-trigger")])

    static let readsDataStatements = false

    static let shapes: Set<StatementShape>? = [.alterTable]

    func check(_ s: MigrationStatement, _ context: RuleContext) -> [Finding] {
        guard let a = s.alterTable else { return [] }
        var out: [Finding] = []
        for case .trigger(let target, .disabled) in a.actions {
            let name: String
            switch target {
            case .named(let n): name = "trigger \(n.value)"
            case .all: name = "every trigger (foreign keys included)"
            case .user: name = "every user trigger"
            }
            out.append(context.finding(s, "disabling \(name) on \(a.name.dotted) stops it for the running application's writes too"))
        }
        return out
    }
}
